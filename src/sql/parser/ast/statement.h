// The statement AST base: Statement with its kind and source span, the pieces several statements
// share (properties, column definitions), and the query and EXPLAIN statements. The other
// statements live in ddl_statements.h, dml_statements.h, session_statements.h and
// access_control_statements.h.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/parser/ast/ast_node.h"
#include "sql/parser/ast/expression.h"
#include "sql/parser/ast/identifier.h"
#include "sql/parser/ast/type_name.h"

namespace switchboard::ast {

class Query;

enum class StatementKind : uint8_t {
  // statement.h
  kQuery,
  kExplain,
  // ddl_statements.h
  kCreateSchema,
  kCreateExternalSchema,
  kCreateTable,
  kCreateView,
  kCreateStage,
  kCreateFileFormat,
  kDrop,
  kTruncate,
  kAlterTable,
  kRepairTable,
  // dml_statements.h
  kInsert,
  kUpdate,
  kDelete,
  kMerge,
  kCopy,
  // session_statements.h
  kUse,
  kShow,
  kDescribe,
  kSetSession,
  kResetSession,
  kSetTimeZone,
  kCall,
  kAttach,
  kDetach,
  kTransaction,
  // access_control_statements.h
  kCreateRole,
  kCreateUser,
  kGrant,
  kRevoke,
  kGrantRoles,
  kRevokeRoles,
  kSetRole,
};

/// Base of all statements. `location` is where the statement starts; `span` covers its bytes in
/// the text given to ParseSql (without the terminating ';'), so callers can log or store the SQL as
/// written. ToString() prints SQL that parses back to an equal statement.
class Statement : public AstNode<StatementKind> {
 public:
  virtual ~Statement() = default;
  virtual std::string ToString() const = 0;

  SourceSpan span;

  /// The statement as written; `sql` must be the text it was parsed from.
  std::string_view Text(std::string_view sql) const { return span.Of(sql); }

 protected:
  using AstNode::AstNode;
};

using StatementPtr = std::unique_ptr<Statement>;

/// A named setting: table and schema properties (`format = 'PARQUET'`,
/// `'write.format.default' = 'parquet'`), Snowflake object options (`URL = '...'`, `TYPE =
/// PARQUET`) and COPY/ATTACH/EXPLAIN options (`FORMAT parquet`, `READ_ONLY`). Values are
/// expressions; a bare word such as PARQUET arrives as a one-part ColumnRef, a parenthesized list
/// as a RowConstructor.
struct Property {
  std::string name;  ///< as written, quotes removed
  ExpressionPtr
      value;  ///< null for a bare option (`READ_ONLY`) or a partition column without a value
  SourceLocation location;
};

/// How a property list is written, for printing.
enum class PropertySyntax : uint8_t {
  kAssignment,  ///< `name = value, ...` (Trino WITH (...), SET PROPERTIES)
  kStringKeys,  ///< `'name' = value, ...` (Spark TBLPROPERTIES, DBPROPERTIES)
  kSnowflake,   ///< `NAME = value NAME = value` (Snowflake object options)
  kOption,      ///< `NAME value, ...` (COPY, ATTACH and EXPLAIN options)
};

/// The properties in SQL, without surrounding parentheses.
std::string PropertiesSql(const std::vector<Property>& properties, PropertySyntax syntax);

/// A column in CREATE TABLE or ALTER TABLE ADD COLUMN:
/// `name type [NOT NULL] [DEFAULT expr] [COMMENT 'text'] [WITH (properties)]`.
struct ColumnDefinition {
  QualifiedName
      name;  ///< one part, or a dotted path to a nested field (`ADD COLUMN point.z double`)
  TypeName type;
  bool not_null = false;
  ExpressionPtr default_value;
  std::optional<std::string> comment;
  std::vector<Property> properties;
  SourceLocation location;

  std::string ToString() const;
};

/// A query as a statement: SELECT, WITH, VALUES, TABLE and set operations.
class QueryStatement final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kQuery;
  QueryStatement(SourceLocation location, std::unique_ptr<Query> query);
  ~QueryStatement() override;

  std::unique_ptr<Query> query;

  std::string ToString() const override;
};

/// `EXPLAIN [ANALYZE] [VERBOSE] [(FORMAT TEXT|JSON|GRAPHVIZ, TYPE LOGICAL|DISTRIBUTED)] statement`.
class Explain final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kExplain;
  Explain(SourceLocation location, StatementPtr statement)
      : Statement(kKind, location), statement(std::move(statement)) {}

  bool analyze = false;
  bool verbose = false;
  std::vector<Property> options;  ///< FORMAT, TYPE: values are one-part ColumnRefs
  StatementPtr statement;

  std::string ToString() const override;
};

}  // namespace switchboard::ast
