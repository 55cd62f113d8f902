// SqlTestEnvironment: catalog set-up, parsing and binding for the binder and planner tests.
#include "sql/binder/tests/sql_test_environment.h"

#include <gtest/gtest.h>

#include "sql/parser/ast/dml_statements.h"
#include "sql/parser/parser.h"

namespace switchboard::testing {

SqlTestEnvironment::SqlTestEnvironment(const FunctionRegistry& functions)
    : catalog_(std::make_shared<MemoryCatalog>("memory")) {
  environment_.functions = &functions;
  environment_.query = &query_;
  environment_.get_catalog = [catalog =
                                  catalog_](const std::string& name) -> std::shared_ptr<Catalog> {
    return name == catalog->name() ? catalog : nullptr;
  };
  environment_.current_catalog = "memory";
  environment_.current_schema = "default";
}

const FunctionRegistry& SqlTestEnvironment::Builtins() {
  static const std::unique_ptr<FunctionRegistry> registry = FunctionRegistry::CreateWithBuiltins();
  return *registry;
}

void SqlTestEnvironment::AddTable(const std::string& name,
                                  std::vector<std::pair<std::string, LogicalType>> columns,
                                  const std::vector<std::vector<Value>>& rows,
                                  const std::string& schema) {
  CreateTableInfo info;
  info.name = {catalog_->name(), schema, name};
  std::vector<LogicalType> types;
  for (auto& [column, type] : columns) {
    info.columns.push_back({column, type});
    types.push_back(type);
  }
  std::shared_ptr<TableEntry> table = catalog_->CreateTable(info).ValueOrThrow();
  auto appender = table->CreateAppender(false);
  for (size_t start = 0; start < rows.size(); start += kVectorSize) {
    idx_t count = std::min<idx_t>(kVectorSize, rows.size() - start);
    DataChunk chunk;
    chunk.Initialize(types);
    for (idx_t r = 0; r < count; ++r) {
      for (idx_t c = 0; c < types.size(); ++c) chunk.column(c).SetValue(r, rows[start + r][c]);
    }
    chunk.SetSize(count);
    appender->Append(chunk);
  }
  appender->Commit();
}

void SqlTestEnvironment::AddView(const std::string& name, const std::string& sql,
                                 std::vector<std::string> column_names) {
  ViewEntry view;
  view.name = {catalog_->name(), "default", name};
  view.sql = sql;
  view.column_names = std::move(column_names);
  catalog_->CreateView(view, false).ValueOrThrow();
}

BoundQuery SqlTestEnvironment::Bind(const std::string& sql) {
  auto statements = ParseSql(sql).ValueOrThrow();
  if (statements.size() != 1 || statements[0]->kind != ast::StatementKind::kQuery) {
    throw Exception(ErrorCode::kInvalidParameter, "expected one query: " + sql);
  }
  Binder binder(environment_);
  return binder.BindQuery(*statements[0]->As<ast::QueryStatement>().query);
}

Error SqlTestEnvironment::BindError(const std::string& sql) {
  try {
    Bind(sql);
  } catch (const Exception& e) {
    return e.error();
  }
  ADD_FAILURE() << "binding succeeded: " << sql;
  return Error{};
}

std::vector<const LogicalOperator*> AllOperators(const LogicalOperator& plan) {
  std::vector<const LogicalOperator*> out{&plan};
  for (const auto& child : plan.children) {
    auto below = AllOperators(*child);
    out.insert(out.end(), below.begin(), below.end());
  }
  return out;
}

std::vector<const LogicalOperator*> FindOperators(const LogicalOperator& plan,
                                                  LogicalOperatorKind kind) {
  std::vector<const LogicalOperator*> out;
  for (const LogicalOperator* op : AllOperators(plan)) {
    if (op->kind == kind) out.push_back(op);
  }
  return out;
}

bool AnyExpression(LogicalOperator& plan, const std::function<bool(const Expression&)>& predicate) {
  bool found = false;
  ForEachExpression(plan, [&](ExpressionPtr& expression) {
    if (!expression) return;
    VisitExpression(*expression, [&](const Expression& node) { found = found || predicate(node); });
  });
  for (auto& child : plan.children) found = found || AnyExpression(*child, predicate);
  return found;
}

}  // namespace switchboard::testing
