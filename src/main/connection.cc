// Connection: parses SQL and runs its statements one at a time.
#include "main/connection.h"

#include <chrono>

#include "main/database_state.h"
#include "main/session.h"
#include "main/statement_runner.h"
#include "sql/parser/parser.h"

namespace switchboard {

Connection::Connection(DatabaseState& database) : database_(database), session_(std::make_unique<Session>()) {
  session_->catalog = database.default_catalog();
}

Connection::~Connection() = default;

void Connection::Interrupt() { session_->interrupted.store(true); }

Result<void> Connection::QueryEach(std::string_view sql,
                                   const std::function<void(std::unique_ptr<QueryResult>)>& on_result) {
  session_->interrupted.store(false);
  auto parsed = ParseSql(sql);
  if (!parsed.ok()) return std::move(parsed).error();
  StatementRunner runner(database_, *session_);
  for (const auto& statement : *parsed) {
    auto start = std::chrono::steady_clock::now();
    auto result = CatchErrors([&] { return runner.Run(*statement, sql); });
    if (!result.ok()) return std::move(result).error();
    (*result)->set_elapsed_ms(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    on_result(std::move(*result));
  }
  return Ok();
}

Result<std::unique_ptr<QueryResult>> Connection::Query(std::string_view sql) {
  std::unique_ptr<QueryResult> last;
  auto status = QueryEach(sql, [&](std::unique_ptr<QueryResult> result) { last = std::move(result); });
  if (!status.ok()) return std::move(status).error();
  if (!last) {
    last = std::make_unique<QueryResult>("EMPTY", std::vector<std::string>{},
                                         std::make_unique<ChunkCollection>(std::vector<LogicalType>{}));
  }
  return last;
}

}  // namespace switchboard
