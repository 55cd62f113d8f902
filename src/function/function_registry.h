// FunctionRegistry: every scalar, aggregate, window and table function the engine knows, by name,
// with Trino's overload resolution.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "function/function.h"

namespace switchboard {

/// A scalar call resolved to one overload: the parameter types to cast the arguments to, the
/// concrete function (with its return type) and its bind data.
struct ResolvedScalar {
  ScalarFunction function;
  std::vector<LogicalType> parameter_types;
  std::shared_ptr<const FunctionData> bind_data;
};

struct ResolvedAggregate {
  AggregateFunction function;
  std::vector<LogicalType> parameter_types;
  std::shared_ptr<const FunctionData> bind_data;
};

/// Names are case-insensitive. Filled once at start-up (built-ins plus connectors' table
/// functions), then read concurrently without locking.
class FunctionRegistry {
 public:
  /// A registry holding every built-in function.
  static std::unique_ptr<FunctionRegistry> CreateWithBuiltins();

  void AddScalar(ScalarFunction function);
  void AddAggregate(AggregateFunction function);
  void AddWindow(WindowFunction function);
  void AddTable(TableFunction function);
  /// `alias` resolves to the same functions as `name` (of any kind).
  void AddAlias(const std::string& alias, const std::string& name);
  /// How `FROM 'path'` picks its reader: the table function for a path, or nullptr when the
  /// path names no known file format. Set by the files connector.
  using FileReaderResolver = std::function<const TableFunction*(const FunctionRegistry&, std::string_view path)>;
  void SetFileReaderResolver(FileReaderResolver resolver) { file_reader_resolver_ = std::move(resolver); }
  /// The table function that reads the file at `path`, or nullptr.
  const TableFunction* FileReaderFor(std::string_view path) const {
    return file_reader_resolver_ ? file_reader_resolver_(*this, path) : nullptr;
  }

  bool HasScalar(const std::string& name) const;
  bool HasAggregate(const std::string& name) const;
  const WindowFunction* FindWindow(const std::string& name) const;
  const TableFunction* FindTable(const std::string& name) const;

  /// Picks the overload whose parameters the arguments coerce to most cheaply, runs its bind
  /// hook, and returns it. Throws kUndefinedFunction (with close names) or kTypeMismatch (naming
  /// the argument types and the candidate signatures).
  ResolvedScalar ResolveScalar(const std::string& name, const std::vector<LogicalType>& argument_types,
                               const std::vector<std::optional<Value>>& constants = {}) const;
  ResolvedAggregate ResolveAggregate(const std::string& name,
                                     const std::vector<LogicalType>& argument_types,
                                     const std::vector<std::optional<Value>>& constants = {}) const;

  /// Every function name (aliases included), for "did you mean" and SHOW FUNCTIONS.
  std::vector<std::string> AllNames() const;
  const std::unordered_map<std::string, std::vector<ScalarFunction>>& scalars() const { return scalars_; }
  const std::unordered_map<std::string, std::vector<AggregateFunction>>& aggregates() const { return aggregates_; }
  const std::unordered_map<std::string, WindowFunction>& windows() const { return windows_; }
  const std::unordered_map<std::string, TableFunction>& tables() const { return tables_; }
  const std::unordered_map<std::string, std::string>& aliases() const { return aliases_; }

 private:
  std::string Canonical(const std::string& name) const;
  [[noreturn]] void ThrowUnknown(const std::string& name, const char* kind) const;

  std::unordered_map<std::string, std::vector<ScalarFunction>> scalars_;
  std::unordered_map<std::string, std::vector<AggregateFunction>> aggregates_;
  std::unordered_map<std::string, WindowFunction> windows_;
  std::unordered_map<std::string, TableFunction> tables_;
  std::unordered_map<std::string, std::string> aliases_;
  FileReaderResolver file_reader_resolver_;
};

// Registration of each built-in family (one .cc file each).
void RegisterArithmeticFunctions(FunctionRegistry& registry);
void RegisterMathFunctions(FunctionRegistry& registry);
void RegisterGeneralFunctions(FunctionRegistry& registry);
void RegisterStringFunctions(FunctionRegistry& registry);
void RegisterLikeFunctions(FunctionRegistry& registry);
void RegisterRegexFunctions(FunctionRegistry& registry);
void RegisterUrlFunctions(FunctionRegistry& registry);
void RegisterDatetimeFunctions(FunctionRegistry& registry);
void RegisterDatetimeFormatFunctions(FunctionRegistry& registry);
void RegisterJsonFunctions(FunctionRegistry& registry);
void RegisterArrayFunctions(FunctionRegistry& registry);
void RegisterRowFunctions(FunctionRegistry& registry);
void RegisterMapFunctions(FunctionRegistry& registry);
void RegisterLambdaFunctions(FunctionRegistry& registry);
void RegisterAggregateFunctions(FunctionRegistry& registry);
void RegisterStatisticalAggregates(FunctionRegistry& registry);
void RegisterCollectionAggregates(FunctionRegistry& registry);
void RegisterApproximateAggregates(FunctionRegistry& registry);
void RegisterWindowFunctions(FunctionRegistry& registry);

/// One family of built-in functions: the call that registers it and the heading it is documented
/// under.
struct FunctionFamily {
  const char* title;
  void (*register_functions)(FunctionRegistry& registry);
};

/// Every built-in family, in documentation order. CreateWithBuiltins registers all of them.
const std::vector<FunctionFamily>& BuiltinFunctionFamilies();

}  // namespace switchboard
