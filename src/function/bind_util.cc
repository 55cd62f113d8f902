// Registration and bind hook helpers shared by the function families.
#include "function/bind_util.h"

#include "common/error.h"
#include "function/type_coercion.h"

namespace switchboard {

ScalarFunction SimpleScalar(std::string name, std::vector<LogicalType> arguments,
                            LogicalType return_type, ScalarKernel kernel, FunctionDoc doc) {
  return ScalarFunction{.name = std::move(name),
                        .arguments = std::move(arguments),
                        .return_type = std::move(return_type),
                        .kernel = kernel,
                        .signature = std::move(doc.signature),
                        .description = std::move(doc.description),
                        .example = std::move(doc.example)};
}

LogicalType CommonArgumentType(const std::vector<LogicalType>& types, const std::string& function) {
  LogicalType common(TypeId::kUnknown);
  for (const LogicalType& type : types) {
    auto super = CommonSuperType(common, type);
    if (!super) {
      SB_THROW(kTypeMismatch, "All arguments of {} must have a common type, but {} and {} do not",
               function, common.ToString(), type.ToString());
    }
    common = *super;
  }
  return common;
}

std::optional<std::string> ConstantString(const std::vector<std::optional<Value>>& constants,
                                          size_t index) {
  if (index >= constants.size() || !constants[index] || constants[index]->is_null())
    return std::nullopt;
  const Value& value = *constants[index];
  if (value.type().physical_type() != PhysicalType::kString) return std::nullopt;
  return value.GetString();
}

std::optional<int64_t> ConstantInteger(const std::vector<std::optional<Value>>& constants,
                                       size_t index) {
  if (index >= constants.size() || !constants[index] || constants[index]->is_null())
    return std::nullopt;
  const Value& value = *constants[index];
  if (!value.type().IsIntegral()) return std::nullopt;
  return value.GetInt64();
}

void CheckArgumentType(bool ok, const std::string& function, const LogicalType& type,
                       const char* expected) {
  if (!ok) SB_THROW(kTypeMismatch, "{}: expected {}, got {}", function, expected, type.ToString());
}

}  // namespace switchboard
