// Higher-order functions taking lambdas: transform, filter, reduce, any_match/all_match/
// none_match, zip_with, array_sort with a comparator, transform_keys, transform_values and
// map_filter. Each evaluates its lambda once over the elements of all rows of a batch.
#include <algorithm>

#include "common/error.h"
#include "function/bind_util.h"
#include "function/cast.h"
#include "function/function_registry.h"
#include "function/nested_vector.h"
#include "function/type_coercion.h"

namespace switchboard {

namespace {

/// The elements of a batch's valid rows, in row order: their child positions and the row each
/// belongs to (the lambda's outer rows).
struct Elements {
  std::vector<sel_t> positions;
  std::vector<sel_t> owners;
  idx_t size() const { return positions.size(); }
};

Elements CollectElements(const ListView& lists, idx_t count) {
  Elements elements;
  for (idx_t i = 0; i < count; ++i) {
    if (!lists.IsValid(i)) continue;
    const ListEntry& entry = lists.Entry(i);
    for (uint32_t k = 0; k < entry.length; ++k) {
      elements.positions.push_back(entry.offset + k);
      elements.owners.push_back(static_cast<sel_t>(i));
    }
  }
  return elements;
}

/// `vector` restricted to `positions` (no copy).
Vector Sliced(const Vector& vector, std::vector<sel_t>& positions) {
  Vector slice = vector;
  if (!positions.empty()) slice.Slice(SelectionVector(positions.data()), positions.size());
  return slice;
}

/// Lambda `index` over `count` rows of `parameters` (row j belonging to outer row owners[j]).
Vector Evaluate(FunctionContext& context, idx_t index, const std::vector<Vector>& parameters,
                std::vector<sel_t>& owners, const LogicalType& type) {
  Vector out(type, std::max<idx_t>(owners.size(), 1));
  if (!owners.empty())
    context.lambdas->Evaluate(index, parameters, SelectionVector(owners.data()), owners.size(),
                              out);
  return out;
}

/// Whether row j of a boolean lambda result is TRUE (NULL counts as not TRUE).
bool IsTrue(const UnifiedFormat& format, idx_t j) {
  idx_t index = format.sel->get_index(j);
  return format.validity->RowIsValid(index) && format.GetData<bool>()[index];
}

LogicalType ElementOf(const LogicalType& type, const char* function) {
  if (type.id() == TypeId::kUnknown) return TypeId::kUnknown;
  CheckArgumentType(type.id() == TypeId::kArray, function, type, "an array");
  return type.element_type();
}

void CheckBoolean(const LogicalType& type, const std::string& function) {
  CheckArgumentType(type.id() == TypeId::kBoolean || type.id() == TypeId::kUnknown, function, type,
                    "a lambda returning boolean");
}

// ----- arrays
// --------------------------------------------------------------------------------------

void TransformKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  Elements elements = CollectElements(arrays, count);
  Vector values = Evaluate(context, 1, {Sliced(arrays.child(), elements.positions)},
                           elements.owners, result.type().element_type());
  ListWriter writer(result);
  writer.Append(values, SelectionVector(), elements.size());
  idx_t offset = 0;
  for (idx_t i = 0; i < count; ++i) {
    if (!arrays.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    uint32_t length = arrays.Entry(i).length;
    result.data<ListEntry>()[i] = ListEntry{static_cast<uint32_t>(offset), length};
    offset += length;
  }
  writer.Finish();
}

void FilterKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  Elements elements = CollectElements(arrays, count);
  Vector keep = Evaluate(context, 1, {Sliced(arrays.child(), elements.positions)}, elements.owners,
                         TypeId::kBoolean);
  UnifiedFormat kept;
  keep.ToUnifiedFormat(elements.size(), kept);
  ListWriter writer(result);
  std::vector<sel_t> chosen;
  idx_t j = 0;
  for (idx_t i = 0; i < count; ++i) {
    if (!arrays.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    chosen.clear();
    for (uint32_t k = 0; k < arrays.Entry(i).length; ++k, ++j) {
      if (IsTrue(kept, j)) chosen.push_back(elements.positions[j]);
    }
    idx_t start = writer.size();
    writer.Append(arrays.child(), SelectionVector(chosen.data()), chosen.size());
    writer.EndRow(i, start);
  }
  writer.Finish();
}

enum class Match { kAny, kAll, kNone };

// Three-valued: any_match is TRUE if some element is TRUE, NULL if none is but some is NULL.
template <Match kMatch>
void MatchKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  Elements elements = CollectElements(arrays, count);
  Vector verdicts = Evaluate(context, 1, {Sliced(arrays.child(), elements.positions)},
                             elements.owners, TypeId::kBoolean);
  UnifiedFormat format;
  verdicts.ToUnifiedFormat(elements.size(), format);
  bool* out = result.data<bool>();
  idx_t j = 0;
  for (idx_t i = 0; i < count; ++i) {
    if (!arrays.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    bool any_true = false, any_false = false, any_null = false;
    for (uint32_t k = 0; k < arrays.Entry(i).length; ++k, ++j) {
      idx_t index = format.sel->get_index(j);
      if (!format.validity->RowIsValid(index))
        any_null = true;
      else if (format.GetData<bool>()[index])
        any_true = true;
      else
        any_false = true;
    }
    bool decided = kMatch == Match::kAll ? any_false : any_true;
    if (!decided && any_null) {
      result.SetNull(i);
    } else {
      out[i] = kMatch == Match::kAny ? any_true : kMatch == Match::kAll ? !any_false : !any_true;
    }
  }
}

// reduce(array, initial, (state, x) -> state, state -> result): one lambda call per element
// position, over every row still holding an element at that position.
LogicalType ReduceStateType(const std::vector<LogicalType>& types) {
  LogicalType element = ElementOf(types[0], "reduce");
  const LogicalType& initial = types[1];
  if (initial.id() == TypeId::kUnknown) return element;
  if (initial.IsNumeric() && element.IsNumeric()) {
    if (auto common = CommonSuperType(initial, element)) return *common;
  }
  return initial;
}

void ReduceKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  const LogicalType& state_type = args.column(1).type();
  const LogicalType& step_type = args.column(2).type();
  Vector state(state_type, std::max<idx_t>(count, 1));
  state.CopyRows(args.column(1), SelectionVector(), count, 0);
  uint32_t longest = 0;
  std::vector<sel_t> valid;
  for (idx_t i = 0; i < count; ++i) {
    if (!arrays.IsValid(i)) continue;
    valid.push_back(static_cast<sel_t>(i));
    longest = std::max(longest, arrays.Entry(i).length);
  }
  std::vector<sel_t> rows, positions;
  CastOptions options;
  options.query = context.query;
  for (uint32_t k = 0; k < longest; ++k) {
    rows.clear();
    positions.clear();
    for (sel_t i : valid) {
      const ListEntry& entry = arrays.Entry(i);
      if (k < entry.length) {
        rows.push_back(i);
        positions.push_back(entry.offset + k);
      }
    }
    Vector next = Evaluate(context, 2, {Sliced(state, rows), Sliced(arrays.child(), positions)},
                           rows, step_type);
    if (step_type != state_type) {
      Vector cast(state_type, std::max<idx_t>(rows.size(), 1));
      CastVector(next, cast, rows.size(), options);
      next = std::move(cast);
    }
    state.ScatterRows(next, rows.size(), SelectionVector(rows.data()));
  }
  Vector outputs = Evaluate(context, 3, {Sliced(state, valid)}, valid, result.type());
  for (idx_t i = 0; i < count; ++i) result.SetNull(i);
  result.ScatterRows(outputs, valid.size(), SelectionVector(valid.data()));
}

std::unique_ptr<FunctionData> BindReduce(ScalarFunction& function,
                                         const std::vector<LogicalType>& types,
                                         const std::vector<std::optional<Value>>&) {
  LogicalType state = ReduceStateType(types);
  SB_USER_CHECK(types[2] == state || CanCast(types[2], state), kTypeMismatch,
                "reduce: the input function returns {}, which does not fit the state type {}",
                types[2].ToString(), state.ToString());
  function.arguments = {types[0], state, types[2], types[3]};
  function.return_type = types[3];
  return nullptr;
}

// zip_with(a, b, (x, y) -> z): the shorter array is padded with NULLs.
void ZipWithKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  ListView left(args.column(0), count), right(args.column(1), count);
  std::vector<sel_t> owners;
  std::vector<std::optional<idx_t>> left_positions, right_positions;
  for (idx_t i = 0; i < count; ++i) {
    if (!left.IsValid(i) || !right.IsValid(i)) continue;
    const ListEntry& a = left.Entry(i);
    const ListEntry& b = right.Entry(i);
    for (uint32_t k = 0; k < std::max(a.length, b.length); ++k) {
      owners.push_back(static_cast<sel_t>(i));
      left_positions.push_back(k < a.length ? std::optional<idx_t>(a.offset + k) : std::nullopt);
      right_positions.push_back(k < b.length ? std::optional<idx_t>(b.offset + k) : std::nullopt);
    }
  }
  auto padded = [&](const Vector& child, const std::vector<std::optional<idx_t>>& positions) {
    Vector out(child.type(), std::max<idx_t>(positions.size(), 1));
    for (idx_t j = 0; j < positions.size(); ++j) {
      if (positions[j])
        CopyValueAt(child, *positions[j], out, j);
      else
        out.SetNull(j);
    }
    return out;
  };
  Vector values = Evaluate(
      context, 2, {padded(left.child(), left_positions), padded(right.child(), right_positions)},
      owners, result.type().element_type());
  ListWriter writer(result);
  writer.Append(values, SelectionVector(), owners.size());
  idx_t offset = 0;
  for (idx_t i = 0; i < count; ++i) {
    if (!left.IsValid(i) || !right.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    uint32_t length = std::max(left.Entry(i).length, right.Entry(i).length);
    result.data<ListEntry>()[i] = ListEntry{static_cast<uint32_t>(offset), length};
    offset += length;
  }
  writer.Finish();
}

// array_sort(array, (a, b) -> integer): a comparator lambda, evaluated per comparison.
void ArraySortComparatorKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  const Vector& child = arrays.child();
  const LogicalType& comparator_type = args.column(1).type();
  ListWriter writer(result);
  std::vector<sel_t> order, owner(1), a(1), b(1);
  for (idx_t i = 0; i < count; ++i) {
    if (!arrays.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& entry = arrays.Entry(i);
    order.clear();
    for (uint32_t k = 0; k < entry.length; ++k) order.push_back(entry.offset + k);
    owner[0] = static_cast<sel_t>(i);
    std::stable_sort(order.begin(), order.end(), [&](sel_t x, sel_t y) {
      a[0] = x;
      b[0] = y;
      Vector verdict =
          Evaluate(context, 1, {Sliced(child, a), Sliced(child, b)}, owner, comparator_type);
      RowRef ref = ResolveRow(verdict, 0);
      int64_t c = 2;
      if (IsValidAt(*ref.vector, ref.index)) {
        DispatchPhysical(comparator_type.physical_type(), [&](auto tag) {
          using T = decltype(tag);
          if constexpr (std::is_integral_v<T> && sizeof(T) <= 8)
            c = static_cast<int64_t>(ref.vector->data<T>()[ref.index]);
        });
      }
      SB_USER_CHECK(c >= -1 && c <= 1, kInvalidParameter,
                    "Lambda comparator must return either -1, 0, or 1");
      return c < 0;
    });
    idx_t start = writer.size();
    writer.Append(child, SelectionVector(order.data()), order.size());
    writer.EndRow(i, start);
  }
  writer.Finish();
}

// ----- maps
// ----------------------------------------------------------------------------------------

/// The entries of a batch's valid maps, with key and value parameter vectors.
struct MapEntries {
  Elements elements;
  std::vector<Vector> parameters;
};

MapEntries CollectEntries(const ListView& maps, idx_t count) {
  MapEntries entries{CollectElements(maps, count), {}};
  entries.parameters = {Sliced(maps.keys(), entries.elements.positions),
                        Sliced(maps.values(), entries.elements.positions)};
  return entries;
}

/// Writes maps whose entries are `keys[j]`, `values[j]` for the elements j of each valid row
/// selected by `keep` (all when null).
void WriteMaps(const ListView& maps, idx_t count, const Vector& keys,
               const std::vector<sel_t>& key_positions, const Vector& values,
               const std::vector<sel_t>& value_positions, const UnifiedFormat* keep,
               Vector& result) {
  Vector& entries = result.list_child();
  std::vector<sel_t> kept_keys, kept_values;
  idx_t j = 0;
  for (idx_t i = 0; i < count; ++i) {
    if (!maps.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    kept_keys.clear();
    kept_values.clear();
    for (uint32_t k = 0; k < maps.Entry(i).length; ++k, ++j) {
      if (keep && !IsTrue(*keep, j)) continue;
      kept_keys.push_back(key_positions[j]);
      kept_values.push_back(value_positions[j]);
    }
    idx_t start = result.list_size(), n = kept_keys.size();
    result.ReserveListChild(start + n);
    if (n > 0) {
      entries.struct_children()[0].CopyRows(keys, SelectionVector(kept_keys.data()), n, start);
      entries.struct_children()[1].CopyRows(values, SelectionVector(kept_values.data()), n, start);
    }
    for (idx_t e = 0; e < n; ++e) entries.validity().SetValid(start + e);
    result.set_list_size(start + n);
    result.data<ListEntry>()[i] = ListEntry{static_cast<uint32_t>(start), static_cast<uint32_t>(n)};
  }
}

std::vector<sel_t> Identity(idx_t n) {
  std::vector<sel_t> positions(n);
  for (idx_t j = 0; j < n; ++j) positions[j] = static_cast<sel_t>(j);
  return positions;
}

template <typename Ops>
void TransformKeysKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  ListView maps(args.column(0), count);
  MapEntries entries = CollectEntries(maps, count);
  Vector keys =
      Evaluate(context, 1, entries.parameters, entries.elements.owners, result.type().key_type());
  // New keys must be non-NULL and distinct within each map.
  ValueSet<Ops> seen;
  idx_t j = 0;
  for (idx_t i = 0; i < count; ++i) {
    if (!maps.IsValid(i)) continue;
    uint32_t length = maps.Entry(i).length;
    seen.Clear(length);
    for (uint32_t k = 0; k < length; ++k, ++j) {
      SB_USER_CHECK(IsValidAt(keys, j), kInvalidParameter, "map key cannot be null");
      if (!seen.Insert(keys, j)) {
        SB_THROW(kInvalidParameter, "Duplicate map keys ({}) are not allowed",
                 keys.GetValue(j).ToString());
      }
    }
  }
  WriteMaps(maps, count, keys, Identity(entries.elements.size()), maps.values(),
            entries.elements.positions, nullptr, result);
}

void TransformValuesKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  ListView maps(args.column(0), count);
  MapEntries entries = CollectEntries(maps, count);
  Vector values =
      Evaluate(context, 1, entries.parameters, entries.elements.owners, result.type().value_type());
  WriteMaps(maps, count, maps.keys(), entries.elements.positions, values,
            Identity(entries.elements.size()), nullptr, result);
}

void MapFilterKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  ListView maps(args.column(0), count);
  MapEntries entries = CollectEntries(maps, count);
  Vector keep = Evaluate(context, 1, entries.parameters, entries.elements.owners, TypeId::kBoolean);
  UnifiedFormat kept;
  keep.ToUnifiedFormat(entries.elements.size(), kept);
  WriteMaps(maps, count, maps.keys(), entries.elements.positions, maps.values(),
            entries.elements.positions, &kept, result);
}

// ----- binding and registration
// --------------------------------------------------------------------

using ParameterTypes = std::vector<LogicalType>;

std::vector<LogicalType> ElementParameter(idx_t, const std::vector<LogicalType>& types) {
  return {ElementOf(types[0], "lambda function")};
}

std::vector<LogicalType> MapParameters(idx_t, const std::vector<LogicalType>& types) {
  if (types[0].id() == TypeId::kUnknown) return {TypeId::kUnknown, TypeId::kUnknown};
  CheckArgumentType(types[0].id() == TypeId::kMap, "lambda function", types[0], "a map");
  return {types[0].key_type(), types[0].value_type()};
}

ScalarFunction HigherOrder(
    const char* name, std::vector<LogicalType> arguments,
    std::vector<std::pair<idx_t, idx_t>> lambdas,
    std::function<std::vector<LogicalType>(idx_t, const std::vector<LogicalType>&)> parameters,
    ScalarBind bind, ScalarKernel kernel, const char* signature, const char* description,
    const char* example) {
  ScalarFunction f;
  f.name = name;
  f.arguments = std::move(arguments);
  f.return_type = LogicalType();
  f.kernel = kernel;
  f.bind = bind;
  f.lambda_arguments = std::move(lambdas);
  f.lambda_parameter_types = std::move(parameters);
  f.signature = signature;
  f.description = description;
  f.example = example;
  return f;
}

}  // namespace

void RegisterLambdaFunctions(FunctionRegistry& registry) {
  const LogicalType any_array = LogicalType::Array(LogicalType());
  const LogicalType any_map = LogicalType::Map(LogicalType(), LogicalType());
  const LogicalType lambda;
  registry.AddScalar(HigherOrder(
      "transform", {any_array, lambda}, {{1, 1}}, ElementParameter,
      [](ScalarFunction& f, const ParameterTypes& types,
         const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
        ElementOf(types[0], "transform");
        f.return_type = LogicalType::Array(types[1]);
        return nullptr;
      },
      TransformKernel, "transform(array(T), function(T, U)) -> array(U)",
      "The lambda applied to each element.",
      "transform(ARRAY[1, 2, 3], x -> x * 10) -> ARRAY[10, 20, 30]"));
  registry.AddScalar(HigherOrder(
      "filter", {any_array, lambda}, {{1, 1}}, ElementParameter,
      [](ScalarFunction& f, const ParameterTypes& types,
         const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
        ElementOf(types[0], "filter");
        CheckBoolean(types[1], "filter");
        f.return_type = types[0];
        return nullptr;
      },
      FilterKernel, "filter(array(T), function(T, boolean)) -> array(T)",
      "The elements for which the lambda returns TRUE.",
      "filter(ARRAY[5, -6, NULL, 7], x -> x > 0) -> ARRAY[5, 7]"));
  auto add_match = [&](const char* name, ScalarKernel kernel, const char* description,
                       const char* example) {
    registry.AddScalar(HigherOrder(
        name, {any_array, lambda}, {{1, 1}}, ElementParameter,
        [](ScalarFunction& f, const ParameterTypes& types,
           const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
          ElementOf(types[0], f.name.c_str());
          CheckBoolean(types[1], f.name);
          f.return_type = TypeId::kBoolean;
          return nullptr;
        },
        kernel, (std::string(name) + "(array(T), function(T, boolean)) -> boolean").c_str(),
        description, example));
  };
  add_match("any_match", MatchKernel<Match::kAny>,
            "Whether the predicate is TRUE for some element (NULL if it is for none but NULL for "
            "some; FALSE for an "
            "empty array).",
            "any_match(ARRAY[1, 2], x -> x > 1) -> true");
  add_match("all_match", MatchKernel<Match::kAll>,
            "Whether the predicate is TRUE for every element (NULL if none is FALSE but some is "
            "NULL; TRUE for an empty "
            "array).",
            "all_match(ARRAY[1, 2], x -> x > 1) -> false");
  add_match("none_match", MatchKernel<Match::kNone>,
            "Whether the predicate is TRUE for no element (NULL if none is TRUE but some is NULL).",
            "none_match(ARRAY[1, 2], x -> x > 5) -> true");
  registry.AddScalar(HigherOrder(
      "reduce", {any_array, LogicalType(), lambda, lambda}, {{2, 2}, {3, 1}},
      [](idx_t index, const std::vector<LogicalType>& types) -> std::vector<LogicalType> {
        LogicalType state = ReduceStateType(types);
        if (index == 2) return {state, ElementOf(types[0], "reduce")};
        return {state};
      },
      BindReduce, ReduceKernel,
      "reduce(array(T), initialState S, inputFunction(S, T, S), outputFunction(S, R)) -> R",
      "Folds the elements into a state, starting from initialState, then applies outputFunction to "
      "the final state.",
      "reduce(ARRAY[5, 20, 50], 0, (s, x) -> s + x, s -> s) -> 75"));
  registry.AddScalar(HigherOrder(
      "zip_with", {any_array, any_array, lambda}, {{2, 2}},
      [](idx_t, const std::vector<LogicalType>& types) -> std::vector<LogicalType> {
        return {ElementOf(types[0], "zip_with"), ElementOf(types[1], "zip_with")};
      },
      [](ScalarFunction& f, const ParameterTypes& types,
         const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
        f.return_type = LogicalType::Array(types[2]);
        return nullptr;
      },
      ZipWithKernel, "zip_with(array(T), array(U), function(T, U, R)) -> array(R)",
      "The lambda applied to the elements at each position; the shorter array is padded with "
      "NULLs.",
      "zip_with(ARRAY[1, 2], ARRAY[10, 20], (x, y) -> x + y) -> ARRAY[11, 22]"));
  registry.AddScalar(HigherOrder(
      "array_sort", {any_array, lambda}, {{1, 2}},
      [](idx_t, const std::vector<LogicalType>& types) -> std::vector<LogicalType> {
        LogicalType element = ElementOf(types[0], "array_sort");
        return {element, element};
      },
      [](ScalarFunction& f, const ParameterTypes& types,
         const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
        CheckArgumentType(types[1].IsIntegral() || types[1].id() == TypeId::kUnknown, f.name,
                          types[1], "a comparator returning an integer");
        f.return_type = types[0];
        return nullptr;
      },
      ArraySortComparatorKernel, "array_sort(array(T), function(T, T, integer)) -> array(T)",
      "The array sorted by a comparator lambda that returns -1, 0 or 1 (any other result is an "
      "error).",
      "array_sort(ARRAY[3, 1, 2], (a, b) -> IF(a < b, 1, IF(a = b, 0, -1))) -> ARRAY[3, 2, 1]"));
  registry.AddScalar(HigherOrder(
      "transform_keys", {any_map, lambda}, {{1, 2}}, MapParameters,
      [](ScalarFunction& f, const ParameterTypes& types,
         const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
        f.return_type = LogicalType::Map(types[1], types[0].value_type());
        f.kernel = DispatchOps(
            types[1], [](auto ops) -> ScalarKernel { return TransformKeysKernel<decltype(ops)>; });
        return nullptr;
      },
      nullptr, "transform_keys(map(K, V), function(K, V, K2)) -> map(K2, V)",
      "The map with each key replaced by the lambda's result (which must be distinct and "
      "non-NULL).",
      "transform_keys(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> upper(k)) -> MAP(ARRAY['A', "
      "'B'], ARRAY[1, 2])"));
  registry.AddScalar(HigherOrder(
      "transform_values", {any_map, lambda}, {{1, 2}}, MapParameters,
      [](ScalarFunction& f, const ParameterTypes& types,
         const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
        f.return_type = LogicalType::Map(types[0].key_type(), types[1]);
        return nullptr;
      },
      TransformValuesKernel, "transform_values(map(K, V), function(K, V, V2)) -> map(K, V2)",
      "The map with each value replaced by the lambda's result.",
      "transform_values(MAP(ARRAY['a'], ARRAY[1]), (k, v) -> v * 2) -> MAP(ARRAY['a'], ARRAY[2])"));
  registry.AddScalar(HigherOrder(
      "map_filter", {any_map, lambda}, {{1, 2}}, MapParameters,
      [](ScalarFunction& f, const ParameterTypes& types,
         const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
        CheckBoolean(types[1], "map_filter");
        f.return_type = types[0];
        return nullptr;
      },
      MapFilterKernel, "map_filter(map(K, V), function(K, V, boolean)) -> map(K, V)",
      "The entries for which the lambda returns TRUE.",
      "map_filter(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> v > 1) -> MAP(ARRAY['b'], "
      "ARRAY[2])"));
}

}  // namespace switchboard
