// SqlTestEnvironment: an in-memory catalog with tables and views, the built-in functions and a
// binder environment over them, so unit tests can bind SQL text and inspect the logical plan
// (shared by the binder and planner tests).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "catalog/memory_catalog.h"
#include "common/error.h"
#include "function/function_registry.h"
#include "function/query_context.h"
#include "sql/binder/binder.h"

namespace switchboard {

/// Types print by name in test failures.
inline void PrintTo(const LogicalType& type, std::ostream* out) { *out << type.ToString(); }

namespace testing {

class SqlTestEnvironment {
 public:
  /// A catalog "memory" with the schema "default" selected; `functions` (not owned, outlives this
  /// object) resolves every call.
  explicit SqlTestEnvironment(const FunctionRegistry& functions);

  /// The built-in functions, created once per test program.
  static const FunctionRegistry& Builtins();

  /// Creates memory.<schema>.<name> with `columns` and appends `rows` (one Value per column).
  void AddTable(const std::string& name, std::vector<std::pair<std::string, LogicalType>> columns,
                const std::vector<std::vector<Value>>& rows = {},
                const std::string& schema = "default");
  /// Creates the view memory.default.<name> over `sql` with output columns `column_names`.
  void AddView(const std::string& name, const std::string& sql,
               std::vector<std::string> column_names);

  /// Parses `sql` (one query) and binds it; binding errors propagate as Exception.
  BoundQuery Bind(const std::string& sql);
  /// The error binding `sql` raises; fails the test (and returns kInternal) when it binds.
  Error BindError(const std::string& sql);

  MemoryCatalog& catalog() { return *catalog_; }
  BinderEnvironment& environment() { return environment_; }

 private:
  std::shared_ptr<MemoryCatalog> catalog_;
  QueryContext query_;
  BinderEnvironment environment_;
};

/// Every operator of `plan` (pre-order) whose kind is `kind`.
std::vector<const LogicalOperator*> FindOperators(const LogicalOperator& plan,
                                                  LogicalOperatorKind kind);
/// Every operator of `plan` in pre-order.
std::vector<const LogicalOperator*> AllOperators(const LogicalOperator& plan);
/// True when some expression anywhere in `plan` satisfies `predicate`.
bool AnyExpression(LogicalOperator& plan, const std::function<bool(const Expression&)>& predicate);

}  // namespace testing
}  // namespace switchboard
