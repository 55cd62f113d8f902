// Map functions: map() from key and value arrays (and Spark's alternating form), map_from_entries,
// map_entries, map_keys, map_values, map_concat, element_at and the subscript a[key].
#include "common/error.h"
#include "function/bind_util.h"
#include "function/function_registry.h"
#include "function/nested_vector.h"
#include "function/type_coercion.h"

namespace switchboard {

namespace {

LogicalType AnyMap() { return LogicalType::Map(LogicalType(), LogicalType()); }

void CheckKeyType(const LogicalType& key) {
  SB_USER_CHECK(key.id() != TypeId::kMap && key.id() != TypeId::kJson, kTypeMismatch,
                "{} cannot be a map key type", key.ToString());
}

/// Checks that the keys at child positions `keys` are non-NULL and distinct.
template <typename Ops>
void CheckKeys(const Vector& keys, const std::vector<sel_t>& positions, ValueSet<Ops>& seen) {
  seen.Clear(positions.size());
  for (sel_t p : positions) {
    SB_USER_CHECK(IsValidAt(keys, p), kInvalidParameter, "map key cannot be null");
    if (!seen.Insert(keys, p)) {
      SB_THROW(kInvalidParameter, "Duplicate map keys ({}) are not allowed",
               keys.GetValue(p).ToString());
    }
  }
}

/// Appends map entries built from key and value child positions.
void AppendEntries(Vector& result, idx_t row, const Vector& keys,
                   const std::vector<sel_t>& key_positions, const Vector& values,
                   const std::vector<sel_t>& value_positions) {
  idx_t start = result.list_size();
  idx_t n = key_positions.size();
  result.ReserveListChild(start + n);
  Vector& entries = result.list_child();
  auto& fields = entries.struct_children();
  SelectionVector key_sel(const_cast<sel_t*>(key_positions.data()));
  SelectionVector value_sel(const_cast<sel_t*>(value_positions.data()));
  fields[0].CopyRows(keys, key_sel, n, start);
  fields[1].CopyRows(values, value_sel, n, start);
  for (idx_t k = 0; k < n; ++k) entries.validity().SetValid(start + k);
  result.set_list_size(start + n);
  result.data<ListEntry>()[row] = ListEntry{static_cast<uint32_t>(start), static_cast<uint32_t>(n)};
}

// map(keys array, values array)
template <typename Ops>
void MapFromArraysKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView keys(args.column(0), count), values(args.column(1), count);
  ValueSet<Ops> seen;
  std::vector<sel_t> key_positions, value_positions;
  for (idx_t i = 0; i < count; ++i) {
    if (!keys.IsValid(i) || !values.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& k = keys.Entry(i);
    const ListEntry& v = values.Entry(i);
    SB_USER_CHECK(k.length == v.length, kInvalidParameter,
                  "Key and value arrays must be the same length");
    key_positions.clear();
    value_positions.clear();
    for (uint32_t e = 0; e < k.length; ++e) {
      key_positions.push_back(k.offset + e);
      value_positions.push_back(v.offset + e);
    }
    CheckKeys(keys.child(), key_positions, seen);
    AppendEntries(result, i, keys.child(), key_positions, values.child(), value_positions);
  }
}

// Spark's map(k1, v1, k2, v2, ...): keys and values are already coerced to two common types.
template <typename Ops>
void MapFromPairsKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size(), pairs = args.ColumnCount() / 2;
  LogicalType key_type = args.column(0).type(), value_type = args.column(1).type();
  // Gather the pairs of each row into two flat vectors, row-major.
  Vector keys(key_type, std::max<idx_t>(count * pairs, 1)),
      values(value_type, std::max<idx_t>(count * pairs, 1));
  SelectionVector targets(count);
  for (idx_t p = 0; p < pairs; ++p) {
    for (idx_t i = 0; i < count; ++i) targets.set_index(i, i * pairs + p);
    keys.ScatterRows(args.column(2 * p), count, targets);
    values.ScatterRows(args.column(2 * p + 1), count, targets);
  }
  ValueSet<Ops> seen;
  std::vector<sel_t> positions;
  for (idx_t i = 0; i < count; ++i) {
    positions.clear();
    for (idx_t p = 0; p < pairs; ++p) positions.push_back(static_cast<sel_t>(i * pairs + p));
    CheckKeys(keys, positions, seen);
    AppendEntries(result, i, keys, positions, values, positions);
  }
}

void EmptyMapKernel(DataChunk& args, FunctionContext&, Vector& result) {
  result.data<ListEntry>()[0] = ListEntry{0, 0};
  result.SetKindConstant();
}

std::unique_ptr<FunctionData> BindMap(ScalarFunction& function,
                                      const std::vector<LogicalType>& types,
                                      const std::vector<std::optional<Value>>&) {
  if (types.empty()) {
    function.return_type = LogicalType::Map(TypeId::kUnknown, TypeId::kUnknown);
    function.kernel = EmptyMapKernel;
    return nullptr;
  }
  LogicalType key, value;
  bool arrays =
      types.size() == 2 && types[0].id() == TypeId::kArray && types[1].id() == TypeId::kArray;
  if (arrays) {
    key = types[0].element_type();
    value = types[1].element_type();
    function.arguments = types;
  } else {
    SB_USER_CHECK(
        types.size() % 2 == 0, kTypeMismatch,
        "map expects two arrays (keys, values) or an even number of arguments (key1, value1, ...)");
    std::vector<LogicalType> keys, values;
    for (size_t i = 0; i < types.size(); i += 2) {
      keys.push_back(types[i]);
      values.push_back(types[i + 1]);
    }
    key = CommonArgumentType(keys, "map");
    value = CommonArgumentType(values, "map");
    function.arguments.clear();
    for (size_t i = 0; i < types.size(); i += 2) {
      function.arguments.push_back(key);
      function.arguments.push_back(value);
    }
  }
  CheckKeyType(key);
  function.return_type = LogicalType::Map(key, value);
  function.kernel = DispatchOps(key, [arrays](auto ops) -> ScalarKernel {
    return arrays ? MapFromArraysKernel<decltype(ops)> : MapFromPairsKernel<decltype(ops)>;
  });
  return nullptr;
}

template <typename Ops>
void MapFromEntriesKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  const Vector& rows = arrays.child();
  const Vector& keys = rows.struct_children()[0];
  const Vector& values = rows.struct_children()[1];
  ValueSet<Ops> seen;
  std::vector<sel_t> positions;
  for (idx_t i = 0; i < count; ++i) {
    if (!arrays.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& entry = arrays.Entry(i);
    positions.clear();
    for (uint32_t k = 0; k < entry.length; ++k) {
      SB_USER_CHECK(IsValidAt(rows, entry.offset + k), kInvalidParameter,
                    "map entry cannot be null");
      positions.push_back(entry.offset + k);
    }
    CheckKeys(keys, positions, seen);
    AppendEntries(result, i, keys, positions, values, positions);
  }
}

std::unique_ptr<FunctionData> BindMapFromEntries(ScalarFunction& function,
                                                 const std::vector<LogicalType>& types,
                                                 const std::vector<std::optional<Value>>&) {
  const LogicalType& array = types[0];
  bool ok = array.id() == TypeId::kArray && array.element_type().id() == TypeId::kRow &&
            array.element_type().fields().size() == 2;
  CheckArgumentType(ok, function.name, array, "an array of two-field rows");
  LogicalType key = array.element_type().fields()[0].second,
              value = array.element_type().fields()[1].second;
  CheckKeyType(key);
  function.return_type = LogicalType::Map(key, value);
  function.kernel = DispatchOps(
      key, [](auto ops) -> ScalarKernel { return MapFromEntriesKernel<decltype(ops)>; });
  return nullptr;
}

// map_entries, map_keys, map_values: each row's entries (or one of their fields) as an array.
template <int kField>
void MapPartsKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView maps(args.column(0), count);
  const Vector& source = kField < 0 ? maps.child() : maps.child().struct_children()[kField];
  ListWriter writer(result);
  std::vector<sel_t> positions;
  for (idx_t i = 0; i < count; ++i) {
    if (!maps.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& entry = maps.Entry(i);
    positions.clear();
    for (uint32_t k = 0; k < entry.length; ++k) positions.push_back(entry.offset + k);
    idx_t start = writer.size();
    writer.Append(source, SelectionVector(positions.data()), positions.size());
    writer.EndRow(i, start);
  }
  writer.Finish();
}

std::unique_ptr<FunctionData> BindMapParts(ScalarFunction& function,
                                           const std::vector<LogicalType>& types,
                                           const std::vector<std::optional<Value>>&) {
  const LogicalType& map = types[0];
  if (function.name == "map_keys")
    function.return_type = LogicalType::Array(map.key_type());
  else if (function.name == "map_values")
    function.return_type = LogicalType::Array(map.value_type());
  else
    function.return_type =
        LogicalType::Array(LogicalType::Row({{"", map.key_type()}, {"", map.value_type()}}));
  return nullptr;
}

// map_concat: later maps win; keys come from the last map first, as in Trino.
template <typename Ops>
void MapConcatKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size(), n = args.ColumnCount();
  std::vector<ListView> maps;
  for (idx_t a = 0; a < n; ++a) maps.emplace_back(args.column(a), count);
  ValueSet<Ops> seen;
  ListWriter writer(result);
  std::vector<sel_t> positions;
  for (idx_t i = 0; i < count; ++i) {
    bool null = false;
    idx_t total = 0;
    for (idx_t a = 0; a < n; ++a) {
      if (!maps[a].IsValid(i))
        null = true;
      else
        total += maps[a].Entry(i).length;
    }
    if (null) {
      result.SetNull(i);
      continue;
    }
    seen.Clear(total);
    idx_t start = writer.size();
    for (idx_t a = n; a-- > 0;) {
      const ListEntry& entry = maps[a].Entry(i);
      const Vector& keys = maps[a].keys();
      positions.clear();
      for (uint32_t k = 0; k < entry.length; ++k) {
        if (seen.Insert(keys, entry.offset + k)) positions.push_back(entry.offset + k);
      }
      writer.Append(maps[a].child(), SelectionVector(positions.data()), positions.size());
    }
    writer.EndRow(i, start);
  }
  writer.Finish();
}

std::unique_ptr<FunctionData> BindMapConcat(ScalarFunction& function,
                                            const std::vector<LogicalType>& types,
                                            const std::vector<std::optional<Value>>&) {
  LogicalType common = CommonArgumentType(types, function.name);
  CheckArgumentType(common.id() == TypeId::kMap, function.name, common, "maps");
  function.arguments.assign(types.size(), common);
  function.return_type = common;
  function.kernel = DispatchOps(
      common.key_type(), [](auto ops) -> ScalarKernel { return MapConcatKernel<decltype(ops)>; });
  return nullptr;
}

// element_at(map, key) (NULL when absent) and map[key] (an error when absent).
template <bool kRequired, typename Ops>
void MapLookupKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView maps(args.column(0), count);
  const Vector& keys = maps.keys();
  SelectionVector positions(count);
  std::vector<bool> null_rows(count);
  std::optional<idx_t> any;
  for (idx_t i = 0; i < count; ++i) {
    RowRef key = ResolveRow(args.column(1), i);
    std::optional<idx_t> found;
    if (maps.IsValid(i) && IsValidAt(*key.vector, key.index)) {
      const ListEntry& entry = maps.Entry(i);
      for (uint32_t k = 0; k < entry.length && !found; ++k) {
        if (Ops::Same(keys, entry.offset + k, *key.vector, key.index)) found = entry.offset + k;
      }
      if (kRequired && !found) {
        SB_THROW(kSubscriptOutOfRange, "Key not present in map: {}",
                 key.vector->GetValue(key.index).ToString());
      }
    }
    null_rows[i] = !found;
    if (found) any = found;
    positions.set_index(i, found.value_or(0));
  }
  if (!any) {
    result.SetKindConstant();
    result.SetNull(0);
    return;
  }
  for (idx_t i = 0; i < count; ++i) {
    if (null_rows[i]) positions.set_index(i, *any);
  }
  result.CopyRows(maps.values(), positions, count, 0);
  for (idx_t i = 0; i < count; ++i) {
    if (null_rows[i]) result.SetNull(i);
  }
}

template <bool kRequired>
std::unique_ptr<FunctionData> BindMapLookup(ScalarFunction& function,
                                            const std::vector<LogicalType>& types,
                                            const std::vector<std::optional<Value>>&) {
  const LogicalType& map = types[0];
  CheckArgumentType(types[1] == map.key_type() || CanCoerce(types[1], map.key_type()),
                    function.name, types[1], "a value of the map's key type");
  function.arguments = {map, map.key_type()};
  function.return_type = map.value_type();
  function.kernel = DispatchOps(map.key_type(), [](auto ops) -> ScalarKernel {
    return MapLookupKernel<kRequired, decltype(ops)>;
  });
  return nullptr;
}

}  // namespace

void RegisterMapFunctions(FunctionRegistry& registry) {
  registry.AddScalar(ScalarFunction{
      .name = "map",
      .arguments = {},
      .varargs = LogicalType(),
      .return_type = LogicalType(),
      .bind = BindMap,
      .null_handling = NullHandling::kSpecial,
      .signature = "map(array(K), array(V)) -> map(K, V); map() -> map(unknown, unknown); "
                   "map(k1, v1, k2, v2, ...) -> map(K, V)",
      .description = "A map from an array of keys and an array of values (keys must be "
                     "distinct and non-NULL), an empty map, or Spark's alternating keys "
                     "and values.",
      .example = "map(ARRAY['a', 'b'], ARRAY[1, 2]) -> MAP(ARRAY['a', 'b'], ARRAY[1, 2])"});
  registry.AddScalar(ScalarFunction{
      .name = "map_from_entries",
      .arguments = {LogicalType::Array(LogicalType())},
      .return_type = LogicalType(),
      .bind = BindMapFromEntries,
      .signature = "map_from_entries(array(row(K, V))) -> map(K, V)",
      .description = "A map from an array of (key, value) rows.",
      .example =
          "map_from_entries(ARRAY[(1, 'x'), (2, 'y')]) -> MAP(ARRAY[1, 2], ARRAY['x', 'y'])"});
  registry.AddScalar(
      ScalarFunction{.name = "map_entries",
                     .arguments = {AnyMap()},
                     .return_type = LogicalType(),
                     .kernel = MapPartsKernel<-1>,
                     .bind = BindMapParts,
                     .signature = "map_entries(map(K, V)) -> array(row(K, V))",
                     .description = "The map's entries as (key, value) rows.",
                     .example = "map_entries(MAP(ARRAY['a'], ARRAY[1])) -> ARRAY[ROW('a', 1)]"});
  registry.AddScalar(
      ScalarFunction{.name = "map_keys",
                     .arguments = {AnyMap()},
                     .return_type = LogicalType(),
                     .kernel = MapPartsKernel<0>,
                     .bind = BindMapParts,
                     .signature = "map_keys(map(K, V)) -> array(K)",
                     .description = "The map's keys.",
                     .example = "map_keys(MAP(ARRAY['a', 'b'], ARRAY[1, 2])) -> ARRAY['a', 'b']"});
  registry.AddScalar(
      ScalarFunction{.name = "map_values",
                     .arguments = {AnyMap()},
                     .return_type = LogicalType(),
                     .kernel = MapPartsKernel<1>,
                     .bind = BindMapParts,
                     .signature = "map_values(map(K, V)) -> array(V)",
                     .description = "The map's values.",
                     .example = "map_values(MAP(ARRAY['a', 'b'], ARRAY[1, 2])) -> ARRAY[1, 2]"});
  registry.AddScalar(ScalarFunction{
      .name = "map_concat",
      .arguments = {AnyMap()},
      .varargs = AnyMap(),
      .return_type = LogicalType(),
      .bind = BindMapConcat,
      .signature = "map_concat(map1(K, V), ..., mapN(K, V)) -> map(K, V)",
      .description = "The union of the maps; for a key in several maps the last one's "
                     "value wins.",
      .example = "map_concat(MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['a'], ARRAY[2]))['a'] -> 2"});
  registry.AddScalar(
      ScalarFunction{.name = "element_at",
                     .arguments = {AnyMap(), LogicalType()},
                     .return_type = LogicalType(),
                     .bind = BindMapLookup<false>,
                     .signature = "element_at(map(K, V), key) -> V",
                     .description = "The value of a key; NULL when the map has no such key.",
                     .example = "element_at(MAP(ARRAY['a'], ARRAY[1]), 'b') -> NULL"});
  registry.AddScalar(ScalarFunction{
      .name = "subscript",
      .arguments = {AnyMap(), LogicalType()},
      .return_type = LogicalType(),
      .bind = BindMapLookup<true>,
      .signature = "subscript(map(K, V), key) -> V",
      .description = "m[key]: the value of a key; an error when the map has no such key.",
      .example = "MAP(ARRAY['a'], ARRAY[1])['a'] -> 1"});
}

}  // namespace switchboard
