// greatest and least over any orderable type, and typeof.
#include "common/error.h"
#include "function/bind_util.h"
#include "function/function_registry.h"
#include "function/nested_vector.h"

namespace switchboard {

namespace {

// Writes, for each row, the largest (kGreatest) or smallest argument; NULL when any is NULL.
template <bool kGreatest, typename Ops>
void ExtremeKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  idx_t arity = args.ColumnCount();
  for (idx_t i = 0; i < count; ++i) {
    RowRef best{nullptr, 0};
    bool null = false;
    for (idx_t a = 0; a < arity && !null; ++a) {
      RowRef ref = ResolveRow(args.column(a), i);
      if (!IsValidAt(*ref.vector, ref.index)) {
        null = true;
      } else if (!best.vector) {
        best = ref;
      } else {
        int c = Ops::Compare(*ref.vector, ref.index, *best.vector, best.index);
        if (kGreatest ? c > 0 : c < 0) best = ref;
      }
    }
    if (null) {
      result.SetNull(i);
    } else if constexpr (std::is_same_v<Ops, NestedOps>) {
      SelectionVector one(1);
      one.set_index(0, best.index);
      result.CopyRows(*best.vector, one, 1, i);
    } else {
      using T = typename Ops::Type;
      const T& value = best.vector->template data<T>()[best.index];
      if constexpr (std::is_same_v<T, StringView>) {
        result.data<StringView>()[i] = result.AddString(value.view());
      } else {
        result.data<T>()[i] = value;
      }
    }
  }
}

template <bool kGreatest>
std::unique_ptr<FunctionData> BindExtreme(ScalarFunction& function,
                                          const std::vector<LogicalType>& types,
                                          const std::vector<std::optional<Value>>&) {
  LogicalType common = CommonArgumentType(types, function.name);
  if (common.id() == TypeId::kUnknown) common = TypeId::kBoolean;
  if (!common.IsOrderable())
    SB_THROW(kTypeMismatch, "{}() is not supported for {}", function.name, common.ToString());
  function.arguments.assign(types.size(), common);
  function.return_type = common;
  function.kernel = DispatchOps(
      common, [](auto ops) -> ScalarKernel { return ExtremeKernel<kGreatest, decltype(ops)>; });
  return nullptr;
}

/// The name of the argument's type, fixed at bind time.
struct TypeNameData : FunctionData {
  std::string name;
};

void TypeOfKernel(DataChunk&, FunctionContext& context, Vector& result) {
  const auto& data = static_cast<const TypeNameData&>(*context.bind_data);
  result.data<StringView>()[0] = result.AddString(data.name);
  result.SetKindConstant();
}

std::unique_ptr<FunctionData> BindTypeOf(ScalarFunction& function,
                                         const std::vector<LogicalType>& types,
                                         const std::vector<std::optional<Value>>&) {
  auto data = std::make_unique<TypeNameData>();
  data->name = types[0].ToString();
  return data;
}

}  // namespace

void RegisterGeneralFunctions(FunctionRegistry& registry) {
  registry.AddScalar(ScalarFunction{
      .name = "greatest",
      .arguments = {LogicalType()},
      .varargs = LogicalType(),
      .return_type = LogicalType(),
      .bind = BindExtreme<true>,
      .signature = "greatest(value1, value2, ..., valueN) -> same type as the values",
      .description = "The largest of the values (of any orderable type, coerced to a "
                     "common type); NULL when any value is NULL.",
      .example = "greatest(4, 9, 2) -> 9"});
  registry.AddScalar(
      ScalarFunction{.name = "least",
                     .arguments = {LogicalType()},
                     .varargs = LogicalType(),
                     .return_type = LogicalType(),
                     .bind = BindExtreme<false>,
                     .signature = "least(value1, value2, ..., valueN) -> same type as the values",
                     .description = "The smallest of the values; NULL when any value is NULL.",
                     .example = "least('pear', 'apple') -> 'apple'"});
  registry.AddScalar(ScalarFunction{.name = "typeof",
                                    .arguments = {LogicalType()},
                                    .return_type = LogicalType::Varchar(),
                                    .kernel = TypeOfKernel,
                                    .bind = BindTypeOf,
                                    .null_handling = NullHandling::kSpecial,
                                    .signature = "typeof(x) -> varchar",
                                    .description = "The name of the type of x.",
                                    .example = "typeof(1.5) -> 'decimal(2,1)'"});
}

}  // namespace switchboard
