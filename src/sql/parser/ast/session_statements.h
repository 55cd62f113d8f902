// Statements about the session and the catalog rather than data: USE, SHOW, DESCRIBE, SET/RESET,
// CALL, ATTACH/DETACH and transaction control.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/parser/ast/statement.h"

namespace switchboard::ast {

/// `USE schema` or `USE catalog.schema`.
class Use final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kUse;
  Use(SourceLocation location, QualifiedName name)
      : Statement(kKind, location), name(std::move(name)) {}

  QualifiedName name;

  std::string ToString() const override;
};

/// SHOW CATALOGS | SCHEMAS|DATABASES [FROM|IN catalog] [LIKE 'p'] | TABLES [FROM|IN schema]
/// [LIKE 'p'] | COLUMNS FROM|IN table | CREATE TABLE|VIEW|SCHEMA name | FUNCTIONS [LIKE 'p'] |
/// SESSION | TBLPROPERTIES table.
class Show final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kShow;
  enum class What : uint8_t {
    kCatalogs,
    kSchemas,
    kTables,
    kColumns,
    kCreateTable,
    kCreateView,
    kCreateSchema,
    kFunctions,
    kSession,
    kTblProperties,
  };

  Show(SourceLocation location, What what) : Statement(kKind, location), what(what) {}

  What what;
  QualifiedName target;  ///< the catalog, schema, table or view; empty when not given
  std::optional<std::string> like_pattern;

  std::string ToString() const override;
};

/// `DESCRIBE|DESC [TABLE] [EXTENDED|FORMATTED] name`, or `DESCRIBE query` (the query's columns).
class Describe final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kDescribe;
  explicit Describe(SourceLocation location);
  ~Describe() override;

  QualifiedName table;
  bool extended = false;
  bool formatted = false;
  std::unique_ptr<Query> query;  ///< DESCRIBE query; `table` is empty then

  std::string ToString() const override;
};

/// `SET [SESSION] name = value` and `SET name TO value`.
class SetSession final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kSetSession;
  SetSession(SourceLocation location, QualifiedName name, ExpressionPtr value)
      : Statement(kKind, location), name(std::move(name)), value(std::move(value)) {}

  QualifiedName name;   ///< `property` or `catalog.property`
  ExpressionPtr value;  ///< a bare word arrives as a one-part ColumnRef

  std::string ToString() const override;
};

/// `RESET [SESSION] name`.
class ResetSession final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kResetSession;
  ResetSession(SourceLocation location, QualifiedName name)
      : Statement(kKind, location), name(std::move(name)) {}

  QualifiedName name;

  std::string ToString() const override;
};

/// `SET TIME ZONE 'zone' | interval | LOCAL`.
class SetTimeZone final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kSetTimeZone;
  SetTimeZone(SourceLocation location, ExpressionPtr zone)
      : Statement(kKind, location), zone(std::move(zone)) {}

  ExpressionPtr zone;  ///< null for LOCAL

  std::string ToString() const override;
};

/// `CALL [catalog.]schema.procedure(args)`, with positional or named (`name => value`)
/// arguments: `CALL lakehouse.system.expire_snapshots(table => 'db.t', retain_last => 3)`.
class Call final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCall;
  Call(SourceLocation location, QualifiedName procedure)
      : Statement(kKind, location), procedure(std::move(procedure)) {}

  QualifiedName procedure;
  std::vector<ExpressionPtr> arguments;

  std::string ToString() const override;
};

/// `ATTACH [DATABASE] [IF NOT EXISTS] 'path or connection string' [AS name]
/// [(TYPE sqlite|postgres|mysql, READ_ONLY, ...)]`.
class Attach final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kAttach;
  Attach(SourceLocation location, std::string target)
      : Statement(kKind, location), target(std::move(target)) {}

  std::string target;
  std::optional<Identifier> alias;
  bool if_not_exists = false;
  std::vector<Property> options;

  std::string ToString() const override;
};

/// `DETACH [DATABASE] [IF EXISTS] name`.
class Detach final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kDetach;
  Detach(SourceLocation location, Identifier name)
      : Statement(kKind, location), name(std::move(name)) {}

  Identifier name;
  bool if_exists = false;

  std::string ToString() const override;
};

/// `BEGIN [TRANSACTION|WORK]`, `START TRANSACTION`, `COMMIT [WORK]`, `ROLLBACK [WORK]`.
class Transaction final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kTransaction;
  enum class Action : uint8_t { kBegin, kCommit, kRollback };

  Transaction(SourceLocation location, Action action)
      : Statement(kKind, location), action(action) {}

  Action action;

  std::string ToString() const override;
};

}  // namespace switchboard::ast
