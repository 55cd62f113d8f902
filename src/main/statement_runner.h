// StatementRunner: executes one parsed statement for a connection: queries and DML through the
// binder, optimizer and executor; DDL, SHOW/DESCRIBE, session settings and EXPLAIN directly.
#pragma once

#include <memory>
#include <string_view>

#include "main/query_result.h"
#include "sql/parser/ast/statement.h"

namespace switchboard {

class DatabaseState;
class PhysicalOperator;
class QueryContext;
class Session;
struct BinderEnvironment;
struct BoundQuery;

class StatementRunner {
 public:
  StatementRunner(DatabaseState& database, Session& session) : database_(database), session_(session) {}

  /// Runs `statement` (whose text is `sql`). Throws Exception on errors.
  std::unique_ptr<QueryResult> Run(const ast::Statement& statement, std::string_view sql);

 private:
  std::unique_ptr<QueryResult> RunQuery(const ast::Statement& statement, QueryContext& query);
  std::unique_ptr<QueryResult> RunExplain(const ast::Statement& statement, QueryContext& query, std::string_view sql);
  std::unique_ptr<QueryResult> RunCreateTable(const ast::Statement& statement, QueryContext& query);
  std::unique_ptr<QueryResult> RunShow(const ast::Statement& statement, QueryContext& query);
  std::unique_ptr<QueryResult> RunDescribe(const ast::Statement& statement, QueryContext& query);
  /// ATTACH 'folder' AS name (TYPE iceberg) and DETACH name.
  std::unique_ptr<QueryResult> RunAttach(const ast::Statement& statement, QueryContext& query);
  std::unique_ptr<QueryResult> RunSet(const ast::Statement& statement, QueryContext& query);
  std::unique_ptr<QueryResult> RunDdl(const ast::Statement& statement, QueryContext& query, std::string_view sql);
  // copy_statement.cc: COPY ... TO files and COPY ... FROM files.
  std::unique_ptr<QueryResult> RunCopy(const ast::Statement& statement, QueryContext& query);
  // external_table_ddl.cc: CREATE EXTERNAL TABLE, MSCK REPAIR TABLE, ALTER TABLE ADD|DROP PARTITION.
  std::unique_ptr<QueryResult> RunCreateExternalTable(const ast::Statement& statement, QueryContext& query);
  std::unique_ptr<QueryResult> RunExternalTableDdl(const ast::Statement& statement, QueryContext& query);
  // table_procedures.cc: CALL system.<procedure>(...) and ALTER TABLE ... EXECUTE <procedure>(...).
  std::unique_ptr<QueryResult> RunCall(const ast::Statement& statement, QueryContext& query);
  std::unique_ptr<QueryResult> RunTableProcedure(const ast::Statement& statement, QueryContext& query);

  /// Binds a query or DML statement into a logical plan.
  BoundQuery Bind(const ast::Statement& statement, BinderEnvironment& environment);
  /// Optimizes, plans and runs a bound plan; with `profile`, `plan_text` receives the physical
  /// plan annotated with rows and time per operator.
  std::unique_ptr<ChunkCollection> Execute(BoundQuery& bound, QueryContext& query, bool profile,
                                           std::string* plan_text);
  /// Optimizes and plans a bound plan into physical operators.
  std::unique_ptr<PhysicalOperator> PlanPhysical(BoundQuery& bound, QueryContext& query);
  BinderEnvironment MakeEnvironment(QueryContext& query);

  DatabaseState& database_;
  Session& session_;
};

}  // namespace switchboard
