// Helpers for registering and binding functions: documented fixed-signature overloads, common
// argument types and constant arguments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "function/function.h"

namespace switchboard {

/// The documentation of one overload (see ScalarFunction); all empty for an overload that a
/// sibling of the same name documents.
struct FunctionDoc {
  std::string signature;
  std::string description;
  std::string example;
};

/// A fixed-signature scalar overload computed by `kernel`, NULL-propagating and deterministic.
ScalarFunction SimpleScalar(std::string name, std::vector<LogicalType> arguments,
                            LogicalType return_type, ScalarKernel kernel, FunctionDoc doc = {});

/// The common super type of `types` (kUnknown when all are unknown). Throws kTypeMismatch naming
/// `function` when two types have none.
LogicalType CommonArgumentType(const std::vector<LogicalType>& types, const std::string& function);

/// The value of a constant varchar argument, or nullopt when the argument is not a constant.
/// A constant NULL reads as nullopt too.
std::optional<std::string> ConstantString(const std::vector<std::optional<Value>>& constants,
                                          size_t index);

/// The value of a constant integral argument, or nullopt.
std::optional<int64_t> ConstantInteger(const std::vector<std::optional<Value>>& constants,
                                       size_t index);

/// Throws kTypeMismatch "<function>: <what> must be <expected>, got <type>" when `ok` is false.
void CheckArgumentType(bool ok, const std::string& function, const LogicalType& type,
                       const char* expected);

}  // namespace switchboard
