// Aggregates that collect values: array_agg, map_agg, histogram, listagg/string_agg, and
// min_by/max_by. Their states keep values of any type in growable columns they own.
#include <memory>
#include <new>
#include <string>

#include "common/error.h"
#include "function/aggregate_executor.h"
#include "function/bind_util.h"
#include "function/function_registry.h"
#include "function/nested_vector.h"

namespace switchboard {

namespace {

/// A growable column of values of one type owned by an aggregate state.
class ValueColumn {
 public:
  explicit ValueColumn(const LogicalType& type) : holder_(LogicalType::Array(type), 1) {}

  idx_t size() const { return size_; }
  const Vector& values() const { return holder_.list_child(); }

  /// Appends the value (or NULL) at a flat-layout position of `source`.
  void Append(const Vector& source, idx_t index) {
    holder_.ReserveListChild(size_ + 1);
    CopyValueAt(source, index, holder_.list_child(), size_++);
  }
  void AppendAll(const ValueColumn& other) {
    if (other.size_ == 0) return;
    holder_.ReserveListChild(size_ + other.size_);
    holder_.list_child().CopyRows(other.values(), SelectionVector(), other.size_, size_);
    size_ += other.size_;
  }
  void RemoveLast() { --size_; }
  /// Drops every value and the memory strings took.
  void Clear() {
    holder_.ResetForWrite(1);
    size_ = 0;
  }

 private:
  Vector holder_;  // an ARRAY whose child holds the values
  idx_t size_ = 0;
};

// ----- array_agg
// -----------------------------------------------------------------------------------

struct ArrayAggState {
  std::unique_ptr<ValueColumn> values;
};

void ArrayAggUpdate(AggregateInputs& inputs, uint8_t** states, uint8_t* single) {
  const Vector& input = inputs.arguments[0];
  ObjectState<ArrayAggState>::ForEachRow(inputs, states, single, [&](ArrayAggState& s, idx_t i) {
    if (!s.values) s.values = std::make_unique<ValueColumn>(input.type());
    RowRef ref = ResolveRow(input, i);
    s.values->Append(*ref.vector, ref.index);
  });
}

void ArrayAggUpdateGrouped(AggregateInputs& inputs, uint8_t** states) {
  ArrayAggUpdate(inputs, states, nullptr);
}
void ArrayAggUpdateSingle(AggregateInputs& inputs, uint8_t* state) {
  ArrayAggUpdate(inputs, nullptr, state);
}

void ArrayAggCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData*) {
  for (idx_t i = 0; i < count; ++i) {
    auto& source = ObjectState<ArrayAggState>::Of(sources[i]);
    auto& target = ObjectState<ArrayAggState>::Of(targets[i]);
    if (!source.values) continue;
    if (!target.values)
      target.values = std::make_unique<ValueColumn>(source.values->values().type());
    target.values->AppendAll(*source.values);
  }
}

void ArrayAggFinalize(uint8_t** states, idx_t count, const FunctionData*, Vector& result,
                      idx_t offset) {
  ListWriter writer(result);
  for (idx_t i = 0; i < count; ++i) {
    auto& s = ObjectState<ArrayAggState>::Of(states[i]);
    if (!s.values) {
      result.SetNull(offset + i);
      continue;
    }
    idx_t start = writer.size();
    writer.Append(s.values->values(), SelectionVector(), s.values->size());
    writer.EndRow(offset + i, start);
  }
  writer.Finish();
}

// ----- map_agg and histogram
// -----------------------------------------------------------------------

/// Distinct keys with either values (map_agg, the first value of a key wins) or counts
/// (histogram).
struct KeyedState {
  std::unique_ptr<ValueColumn> keys;
  std::unique_ptr<ValueColumn> values;
  std::vector<int64_t> counts;
  ValueSet<NestedOps> index;

  /// Appends the key unless present; returns the key's position.
  idx_t Find(const Vector& source, idx_t row, const LogicalType& type, bool& inserted) {
    if (!keys) {
      keys = std::make_unique<ValueColumn>(type);
      index.Clear(8);
    }
    keys->Append(source, row);
    RowRef stored = index.FindOrInsert(keys->values(), keys->size() - 1, inserted);
    if (!inserted) keys->RemoveLast();
    return stored.index;
  }
};

void MapAggAdd(KeyedState& s, const Vector& keys, idx_t key_row, const Vector& values,
               idx_t value_row) {
  bool inserted;
  s.Find(keys, key_row, keys.type(), inserted);
  if (!inserted) return;
  if (!s.values) s.values = std::make_unique<ValueColumn>(values.type());
  s.values->Append(values, value_row);
}

void MapAggUpdate(AggregateInputs& inputs, uint8_t** states, uint8_t* single) {
  const Vector& keys = inputs.arguments[0];
  const Vector& values = inputs.arguments[1];
  ObjectState<KeyedState>::ForEachRow(inputs, states, single, [&](KeyedState& s, idx_t i) {
    RowRef key = ResolveRow(keys, i);
    if (!IsValidAt(*key.vector, key.index)) return;
    RowRef value = ResolveRow(values, i);
    MapAggAdd(s, *key.vector, key.index, *value.vector, value.index);
  });
}

void MapAggUpdateGrouped(AggregateInputs& inputs, uint8_t** states) {
  MapAggUpdate(inputs, states, nullptr);
}
void MapAggUpdateSingle(AggregateInputs& inputs, uint8_t* state) {
  MapAggUpdate(inputs, nullptr, state);
}

void MapAggCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData*) {
  for (idx_t i = 0; i < count; ++i) {
    auto& source = ObjectState<KeyedState>::Of(sources[i]);
    auto& target = ObjectState<KeyedState>::Of(targets[i]);
    if (!source.keys) continue;
    for (idx_t k = 0; k < source.keys->size(); ++k) {
      MapAggAdd(target, source.keys->values(), k, source.values->values(), k);
    }
  }
}

/// Writes the state's keys with `values` (child rows in key order) as a map at `row`.
void WriteMap(Vector& result, idx_t row, const ValueColumn* keys, const Vector& values) {
  idx_t start = result.list_size(), n = keys ? keys->size() : 0;
  result.ReserveListChild(start + n);
  Vector& entries = result.list_child();
  if (n > 0) {
    entries.struct_children()[0].CopyRows(keys->values(), SelectionVector(), n, start);
    entries.struct_children()[1].CopyRows(values, SelectionVector(), n, start);
  }
  for (idx_t k = 0; k < n; ++k) entries.validity().SetValid(start + k);
  result.set_list_size(start + n);
  result.data<ListEntry>()[row] = ListEntry{static_cast<uint32_t>(start), static_cast<uint32_t>(n)};
}

void MapAggFinalize(uint8_t** states, idx_t count, const FunctionData*, Vector& result,
                    idx_t offset) {
  for (idx_t i = 0; i < count; ++i) {
    auto& s = ObjectState<KeyedState>::Of(states[i]);
    if (!s.keys) {
      result.SetNull(offset + i);
      continue;
    }
    WriteMap(result, offset + i, s.keys.get(), s.values->values());
  }
}

void HistogramAdd(KeyedState& s, const Vector& keys, idx_t row, int64_t count) {
  bool inserted;
  idx_t position = s.Find(keys, row, keys.type(), inserted);
  if (inserted)
    s.counts.push_back(count);
  else
    s.counts[position] += count;
}

void HistogramUpdate(AggregateInputs& inputs, uint8_t** states, uint8_t* single) {
  const Vector& keys = inputs.arguments[0];
  ObjectState<KeyedState>::ForEachRow(inputs, states, single, [&](KeyedState& s, idx_t i) {
    RowRef key = ResolveRow(keys, i);
    if (IsValidAt(*key.vector, key.index)) HistogramAdd(s, *key.vector, key.index, 1);
  });
}

void HistogramUpdateGrouped(AggregateInputs& inputs, uint8_t** states) {
  HistogramUpdate(inputs, states, nullptr);
}
void HistogramUpdateSingle(AggregateInputs& inputs, uint8_t* state) {
  HistogramUpdate(inputs, nullptr, state);
}

void HistogramCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData*) {
  for (idx_t i = 0; i < count; ++i) {
    auto& source = ObjectState<KeyedState>::Of(sources[i]);
    auto& target = ObjectState<KeyedState>::Of(targets[i]);
    if (!source.keys) continue;
    for (idx_t k = 0; k < source.keys->size(); ++k)
      HistogramAdd(target, source.keys->values(), k, source.counts[k]);
  }
}

void HistogramFinalize(uint8_t** states, idx_t count, const FunctionData*, Vector& result,
                       idx_t offset) {
  for (idx_t i = 0; i < count; ++i) {
    auto& s = ObjectState<KeyedState>::Of(states[i]);
    if (!s.keys) {
      result.SetNull(offset + i);
      continue;
    }
    Vector counts(TypeId::kBigint, std::max<idx_t>(s.counts.size(), 1));
    std::copy(s.counts.begin(), s.counts.end(), counts.data<int64_t>());
    WriteMap(result, offset + i, s.keys.get(), counts);
  }
}

// ----- listagg
// -------------------------------------------------------------------------------------

/// The separator, a constant known at bind time.
struct SeparatorData : FunctionData {
  std::string separator;
};

struct ListaggState {
  std::string text;
  bool any = false;
};

void ListaggUpdate(AggregateInputs& inputs, uint8_t** states, uint8_t* single) {
  const std::string& separator = static_cast<const SeparatorData*>(inputs.bind_data)->separator;
  const Vector& input = inputs.arguments[0];
  ObjectState<ListaggState>::ForEachRow(inputs, states, single, [&](ListaggState& s, idx_t i) {
    RowRef ref = ResolveRow(input, i);
    if (!IsValidAt(*ref.vector, ref.index)) return;
    if (s.any) s.text.append(separator);
    s.text.append(ref.vector->data<StringView>()[ref.index].view());
    s.any = true;
  });
}

void ListaggUpdateGrouped(AggregateInputs& inputs, uint8_t** states) {
  ListaggUpdate(inputs, states, nullptr);
}
void ListaggUpdateSingle(AggregateInputs& inputs, uint8_t* state) {
  ListaggUpdate(inputs, nullptr, state);
}

void ListaggCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData* bind) {
  const std::string& separator = static_cast<const SeparatorData*>(bind)->separator;
  for (idx_t i = 0; i < count; ++i) {
    auto& source = ObjectState<ListaggState>::Of(sources[i]);
    auto& target = ObjectState<ListaggState>::Of(targets[i]);
    if (!source.any) continue;
    if (target.any) target.text.append(separator);
    target.text.append(source.text);
    target.any = true;
  }
}

void ListaggFinalize(uint8_t** states, idx_t count, const FunctionData*, Vector& result,
                     idx_t offset) {
  for (idx_t i = 0; i < count; ++i) {
    auto& s = ObjectState<ListaggState>::Of(states[i]);
    if (!s.any)
      result.SetNull(offset + i);
    else
      result.data<StringView>()[offset + i] = result.AddString(s.text);
  }
}

std::unique_ptr<FunctionData> BindListagg(AggregateFunction& function,
                                          const std::vector<LogicalType>& types,
                                          const std::vector<std::optional<Value>>& constants) {
  auto data = std::make_unique<SeparatorData>();
  if (types.size() > 1) {
    auto separator = ConstantString(constants, 1);
    SB_USER_CHECK(separator.has_value(), kInvalidParameter,
                  "{}: the separator must be a constant string", function.name);
    data->separator = *separator;
  }
  return data;
}

// ----- min_by / max_by
// -----------------------------------------------------------------------------

/// The best key seen and the value that came with it.
struct ByState {
  std::unique_ptr<ValueColumn> key;
  std::unique_ptr<ValueColumn> value;
};

template <bool kMax>
void ByConsider(ByState& s, const Vector& values, idx_t value_row, const Vector& keys,
                idx_t key_row) {
  if (s.key) {
    int c = CompareAt(keys, key_row, s.key->values(), 0);
    if (kMax ? c <= 0 : c >= 0) return;
    s.key->Clear();
    s.value->Clear();
  } else {
    s.key = std::make_unique<ValueColumn>(keys.type());
    s.value = std::make_unique<ValueColumn>(values.type());
  }
  s.key->Append(keys, key_row);
  s.value->Append(values, value_row);
}

template <bool kMax>
void ByUpdate(AggregateInputs& inputs, uint8_t** states, uint8_t* single) {
  const Vector& values = inputs.arguments[0];
  const Vector& keys = inputs.arguments[1];
  ObjectState<ByState>::ForEachRow(inputs, states, single, [&](ByState& s, idx_t i) {
    RowRef key = ResolveRow(keys, i);
    if (!IsValidAt(*key.vector, key.index)) return;
    RowRef value = ResolveRow(values, i);
    ByConsider<kMax>(s, *value.vector, value.index, *key.vector, key.index);
  });
}

template <bool kMax>
void ByUpdateGrouped(AggregateInputs& inputs, uint8_t** states) {
  ByUpdate<kMax>(inputs, states, nullptr);
}
template <bool kMax>
void ByUpdateSingle(AggregateInputs& inputs, uint8_t* state) {
  ByUpdate<kMax>(inputs, nullptr, state);
}

template <bool kMax>
void ByCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData*) {
  for (idx_t i = 0; i < count; ++i) {
    auto& source = ObjectState<ByState>::Of(sources[i]);
    if (source.key) {
      ByConsider<kMax>(ObjectState<ByState>::Of(targets[i]), source.value->values(), 0,
                       source.key->values(), 0);
    }
  }
}

void ByFinalize(uint8_t** states, idx_t count, const FunctionData*, Vector& result, idx_t offset) {
  for (idx_t i = 0; i < count; ++i) {
    auto& s = ObjectState<ByState>::Of(states[i]);
    if (!s.key) {
      result.SetNull(offset + i);
      continue;
    }
    SelectionVector first(1);
    first.set_index(0, 0);
    result.CopyRows(s.value->values(), first, 1, offset + i);
  }
}

std::unique_ptr<FunctionData> BindBy(AggregateFunction& function,
                                     const std::vector<LogicalType>& types,
                                     const std::vector<std::optional<Value>>&) {
  SB_USER_CHECK(types[1].IsOrderable() || types[1].id() == TypeId::kUnknown, kTypeMismatch,
                "{}: the ordering argument must be orderable, got {}", function.name,
                types[1].ToString());
  function.return_type = types[0];
  return nullptr;
}

// ----- min / max / arbitrary over nested values
// ---------------------------------------------------------------------

struct KeptValueState {
  std::unique_ptr<ValueColumn> value;  // one value, or none yet
};

template <KeptValue kRule>
void KeepConsider(KeptValueState& s, const Vector& values, idx_t index) {
  if (s.value) {
    if constexpr (kRule == KeptValue::kFirst) {
      return;
    } else {
      int c = CompareAt(values, index, s.value->values(), 0);
      if (kRule == KeptValue::kMax ? c <= 0 : c >= 0) return;
      s.value->Clear();
    }
  } else {
    s.value = std::make_unique<ValueColumn>(values.type());
  }
  s.value->Append(values, index);
}

template <KeptValue kRule>
void KeepUpdate(AggregateInputs& inputs, uint8_t** states, uint8_t* single) {
  ObjectState<KeptValueState>::ForEachRow(inputs, states, single, [&](KeptValueState& s, idx_t i) {
    RowRef value = ResolveRow(inputs.arguments[0], i);
    if (IsValidAt(*value.vector, value.index)) KeepConsider<kRule>(s, *value.vector, value.index);
  });
}

template <KeptValue kRule>
void KeepUpdateGrouped(AggregateInputs& inputs, uint8_t** states) {
  KeepUpdate<kRule>(inputs, states, nullptr);
}
template <KeptValue kRule>
void KeepUpdateSingle(AggregateInputs& inputs, uint8_t* state) {
  KeepUpdate<kRule>(inputs, nullptr, state);
}

template <KeptValue kRule>
void KeepCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData*) {
  for (idx_t i = 0; i < count; ++i) {
    auto& source = ObjectState<KeptValueState>::Of(sources[i]);
    if (source.value) {
      KeepConsider<kRule>(ObjectState<KeptValueState>::Of(targets[i]), source.value->values(), 0);
    }
  }
}

void KeepFinalize(uint8_t** states, idx_t count, const FunctionData*, Vector& result,
                  idx_t offset) {
  SelectionVector first(1);
  first.set_index(0, 0);
  for (idx_t i = 0; i < count; ++i) {
    auto& s = ObjectState<KeptValueState>::Of(states[i]);
    if (s.value) {
      result.CopyRows(s.value->values(), first, 1, offset + i);
    } else {
      result.SetNull(offset + i);
    }
  }
}

template <KeptValue kRule>
void FillKeptValueAggregate(AggregateFunction& function) {
  AggregateFunction filled = ObjectState<KeptValueState>::Make(
      function.name, function.arguments, function.return_type, KeepUpdateGrouped<kRule>,
      KeepUpdateSingle<kRule>, KeepCombine<kRule>, KeepFinalize, function.bind);
  function.state_size = filled.state_size;
  function.initialize = filled.initialize;
  function.update = filled.update;
  function.simple_update = filled.simple_update;
  function.combine = filled.combine;
  function.finalize = filled.finalize;
  function.destroy = filled.destroy;
}

// ----- registration
// --------------------------------------------------------------------------------

template <typename State>
AggregateFunction Collecting(const char* name, std::vector<LogicalType> arguments,
                             AggregateUpdate update, AggregateSimpleUpdate simple_update,
                             AggregateCombine combine, AggregateFinalize finalize,
                             AggregateBind bind) {
  return ObjectState<State>::Make(name, std::move(arguments), LogicalType(), update, simple_update,
                                  combine, finalize, bind);
}

}  // namespace

void FillNestedValueAggregate(AggregateFunction& function, KeptValue rule) {
  switch (rule) {
    case KeptValue::kMin:
      return FillKeptValueAggregate<KeptValue::kMin>(function);
    case KeptValue::kMax:
      return FillKeptValueAggregate<KeptValue::kMax>(function);
    case KeptValue::kFirst:
      return FillKeptValueAggregate<KeptValue::kFirst>(function);
  }
}

void RegisterCollectionAggregates(FunctionRegistry& registry) {
  const LogicalType any;
  AggregateFunction array_agg = WithDoc(
      Collecting<ArrayAggState>(
          "array_agg", {any}, ArrayAggUpdateGrouped, ArrayAggUpdateSingle, ArrayAggCombine,
          ArrayAggFinalize,
          [](AggregateFunction& f, const std::vector<LogicalType>& types,
             const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
            f.return_type = LogicalType::Array(types[0]);
            return nullptr;
          }),
      "array_agg(x) -> array(T)",
      "The input values, NULLs included, as an array (in the order of ORDER BY inside the call).",
      "SELECT array_agg(agent_id ORDER BY start_time) FROM interactions");
  array_agg.order_sensitive = true;
  registry.AddAggregate(std::move(array_agg));
  registry.AddAggregate(
      WithDoc(Collecting<KeyedState>(
                  "map_agg", {any, any}, MapAggUpdateGrouped, MapAggUpdateSingle, MapAggCombine,
                  MapAggFinalize,
                  [](AggregateFunction& f, const std::vector<LogicalType>& types,
                     const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
                    f.return_type = LogicalType::Map(types[0], types[1]);
                    return nullptr;
                  }),
              "map_agg(key, value) -> map(K, V)",
              "A map of the key/value pairs; NULL keys are skipped and the first value of a "
              "repeated key is kept.",
              "SELECT map_agg(queue_id, queue_name) FROM queues"));
  registry.AddAggregate(
      WithDoc(Collecting<KeyedState>(
                  "histogram", {any}, HistogramUpdateGrouped, HistogramUpdateSingle,
                  HistogramCombine, HistogramFinalize,
                  [](AggregateFunction& f, const std::vector<LogicalType>& types,
                     const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
                    f.return_type = LogicalType::Map(types[0], TypeId::kBigint);
                    return nullptr;
                  }),
              "histogram(x) -> map(T, bigint)", "How many times each non-NULL value occurs.",
              "SELECT histogram(disposition) FROM interactions"));
  for (const char* name : {"listagg", "string_agg"}) {
    bool listagg = std::string(name) == "listagg";
    const LogicalType v = LogicalType::Varchar();
    AggregateFunction two = WithDoc(
        Collecting<ListaggState>(name, {v, v}, ListaggUpdateGrouped, ListaggUpdateSingle,
                                 ListaggCombine, ListaggFinalize, BindListagg),
        listagg ? "listagg(x, separator) -> varchar" : "string_agg(x, separator) -> varchar",
        listagg ? "The non-NULL values joined by the constant separator (none when omitted), in "
                  "the order of WITHIN "
                  "GROUP (ORDER BY ...); NULL when there are none."
                : "The same as listagg (PostgreSQL and Redshift name); order with ORDER BY inside "
                  "the call.",
        listagg ? "SELECT listagg(agent_name, ', ') WITHIN GROUP (ORDER BY agent_name) FROM agents"
                : "SELECT string_agg(agent_name, ', ' ORDER BY agent_name) FROM agents");
    AggregateFunction one =
        WithDoc(Collecting<ListaggState>(name, {v}, ListaggUpdateGrouped, ListaggUpdateSingle,
                                         ListaggCombine, ListaggFinalize, BindListagg),
                listagg ? "listagg(x) -> varchar" : "string_agg(x) -> varchar", "", "");
    two.return_type = one.return_type = v;
    two.order_sensitive = one.order_sensitive = true;
    registry.AddAggregate(std::move(two));
    registry.AddAggregate(std::move(one));
  }
  registry.AddAggregate(
      WithDoc(Collecting<ByState>("min_by", {any, any}, ByUpdateGrouped<false>,
                                  ByUpdateSingle<false>, ByCombine<false>, ByFinalize, BindBy),
              "min_by(x, y) -> T",
              "The value of x on the row with the smallest y (rows with a NULL y are skipped).",
              "SELECT min_by(agent_id, handle_seconds) FROM interactions"));
  registry.AddAggregate(
      WithDoc(Collecting<ByState>("max_by", {any, any}, ByUpdateGrouped<true>, ByUpdateSingle<true>,
                                  ByCombine<true>, ByFinalize, BindBy),
              "max_by(x, y) -> T",
              "The value of x on the row with the largest y (rows with a NULL y are skipped).",
              "SELECT max_by(agent_id, handle_seconds) FROM interactions"));
}

}  // namespace switchboard
