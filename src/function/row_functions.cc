// ROW values: the row constructor behind ROW(...) and (a, b), field access r.field, and Spark's
// named_struct.
#include "common/error.h"
#include "common/string_util.h"
#include "function/bind_util.h"
#include "function/function_registry.h"
#include "function/nested_vector.h"

namespace switchboard {

namespace {

// Builds a row from the value arguments `first, first + step, ...` (the children share the
// arguments' buffers; writers copy before they write).
template <idx_t kFirst, idx_t kStep>
void RowKernel(DataChunk& args, FunctionContext&, Vector& result) {
  auto& children = result.struct_children();
  for (idx_t f = 0; f < children.size(); ++f) {
    Vector field = args.column(kFirst + f * kStep);
    field.Flatten(args.size());
    children[f] = std::move(field);
  }
}

std::unique_ptr<FunctionData> BindRowConstructor(ScalarFunction& function,
                                                 const std::vector<LogicalType>& types,
                                                 const std::vector<std::optional<Value>>&) {
  std::vector<std::pair<std::string, LogicalType>> fields;
  for (const LogicalType& type : types) fields.emplace_back("", type);
  SB_USER_CHECK(!fields.empty(), kTypeMismatch, "A row must have at least one field");
  function.return_type = LogicalType::Row(std::move(fields));
  return nullptr;
}

std::unique_ptr<FunctionData> BindNamedStruct(ScalarFunction& function,
                                              const std::vector<LogicalType>& types,
                                              const std::vector<std::optional<Value>>& constants) {
  SB_USER_CHECK(
      !types.empty() && types.size() % 2 == 0, kTypeMismatch,
      "named_struct expects an even number of arguments: name1, value1, name2, value2, ...");
  std::vector<std::pair<std::string, LogicalType>> fields;
  for (size_t i = 0; i < types.size(); i += 2) {
    auto name = ConstantString(constants, i);
    SB_USER_CHECK(name.has_value(), kInvalidParameter,
                  "named_struct: field names must be constant strings (argument {})", i + 1);
    fields.emplace_back(*name, types[i + 1]);
  }
  function.return_type = LogicalType::Row(std::move(fields));
  return nullptr;
}

/// The index of the field `$field` reads, resolved at bind time.
struct FieldData : FunctionData {
  idx_t index;
};

std::unique_ptr<FunctionData> BindField(ScalarFunction& function,
                                        const std::vector<LogicalType>& types,
                                        const std::vector<std::optional<Value>>& constants) {
  CheckArgumentType(types[0].id() == TypeId::kRow, "field access", types[0], "a row");
  auto name = ConstantString(constants, 1);
  SB_USER_CHECK(name.has_value(), kInvalidParameter,
                "The field name of a row dereference must be a constant");
  const auto& fields = types[0].fields();
  for (idx_t f = 0; f < fields.size(); ++f) {
    if (EqualsIgnoreCase(fields[f].first, *name)) {
      function.arguments = {types[0], LogicalType::Varchar()};
      function.return_type = fields[f].second;
      auto data = std::make_unique<FieldData>();
      data->index = f;
      return data;
    }
  }
  SB_THROW(kUndefinedColumn, "Field '{}' not found in {}", *name, types[0].ToString());
}

void FieldKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t index = static_cast<const FieldData&>(*context.bind_data).index;
  const Vector& rows = args.column(0);
  idx_t count = args.size();
  if (rows.IsFlat() && rows.validity().AllValid()) {
    result = rows.struct_children()[index];
    return;
  }
  if (rows.IsConstant()) {
    if (rows.IsNullConstant()) {
      result.SetKindConstant();
      result.SetNull(0);
      return;
    }
    result = rows.struct_children()[index];
    result.SetKindConstant();
    return;
  }
  // NULL rows (or a dictionary): gather the field, then mark the rows that are NULL.
  SelectionVector positions(count);
  for (idx_t i = 0; i < count; ++i) positions.set_index(i, ResolveRow(rows, i).index);
  const Vector& base = rows.kind() == VectorKind::kDictionary ? rows.dictionary_child() : rows;
  result.CopyRows(base.struct_children()[index], positions, count, 0);
  for (idx_t i = 0; i < count; ++i) {
    if (!IsValidAt(base, positions.get_index(i))) result.SetNull(i);
  }
}

}  // namespace

void RegisterRowFunctions(FunctionRegistry& registry) {
  registry.AddScalar(ScalarFunction{
      .name = "row_constructor",
      .arguments = {LogicalType()},
      .varargs = LogicalType(),
      .return_type = LogicalType(),
      .kernel = RowKernel<0, 1>,
      .bind = BindRowConstructor,
      .null_handling = NullHandling::kSpecial,
      .signature = "row_constructor(value1, ..., valueN) -> row(T1, ..., TN)",
      .description = "ROW(a, b, ...) and (a, b, ...): a row with anonymous fields. Spark's "
                     "struct(...) is the same.",
      .example = "ROW(1, 'a') -> ROW(1, 'a')"});
  registry.AddAlias("struct", "row_constructor");
  registry.AddScalar(ScalarFunction{
      .name = "named_struct",
      .arguments = {LogicalType()},
      .varargs = LogicalType(),
      .return_type = LogicalType(),
      .kernel = RowKernel<1, 2>,
      .bind = BindNamedStruct,
      .null_handling = NullHandling::kSpecial,
      .signature = "named_struct(name1, value1, ..., nameN, valueN) -> row(name1 T1, ...)",
      .description = "Spark's named_struct: a row whose field names are the constant "
                     "name arguments.",
      .example = "named_struct('a', 1, 'b', 2).b -> 2"});
  registry.AddScalar(ScalarFunction{
      .name = "$field",
      .arguments = {LogicalType(), LogicalType::Varchar()},
      .return_type = LogicalType(),
      .kernel = FieldKernel,
      .bind = BindField,
      .null_handling = NullHandling::kSpecial,
      .signature = "$field(row, name) -> field type",
      .description = "r.field: the named field of a row (NULL when the row is NULL); the "
                     "binder passes the field name as a constant.",
      .example = "CAST(ROW(1, 'x') AS ROW(id integer, tag varchar)).tag -> 'x'"});
}

}  // namespace switchboard
