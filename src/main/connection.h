// Connection: a session with its own settings (current catalog and schema, time zone, memory
// limit, ...) that runs SQL statements.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "main/query_result.h"

namespace switchboard {

class DatabaseState;
class Session;

/// One statement runs at a time per connection. Errors never throw: they come back as Error
/// (with a SQLSTATE, and line:column for SQL errors).
class Connection {
 public:
  explicit Connection(DatabaseState& database);
  ~Connection();

  /// Runs every statement in `sql` in order and returns the last one's result; stops at the
  /// first error.
  Result<std::unique_ptr<QueryResult>> Query(std::string_view sql);

  /// Runs every statement in `sql`, calling `on_result` after each; stops at the first error
  /// (which is returned). For shells and test runners that print each statement's result.
  Result<void> QueryEach(std::string_view sql,
                         const std::function<void(std::unique_ptr<QueryResult>)>& on_result);

  /// Asks the running statement (from another thread) to stop with kQueryCanceled.
  void Interrupt();

  Session& session() { return *session_; }

 private:
  DatabaseState& database_;
  std::unique_ptr<Session> session_;
};

}  // namespace switchboard
