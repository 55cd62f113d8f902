// The FROM-clause AST: tables (with time travel), subqueries, joins, UNNEST, table functions and
// files named by a string.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/parser/ast/ast_node.h"
#include "sql/parser/ast/expression.h"
#include "sql/parser/ast/identifier.h"

namespace switchboard::ast {

class Query;

enum class RelationKind : uint8_t {
  kTable,
  kSubquery,
  kJoin,
  kUnnest,
  kTableFunction,
  kFile,
};

/// `[AS] name [(column, ...)]` after a relation.
struct TableAlias {
  Identifier name;
  std::vector<Identifier> columns;
  SourceLocation location;

  /// "AS name(a, b)".
  std::string ToString() const;
};

/// Base of FROM items. Every kind but kJoin may carry an alias. Copy() is a deep copy.
class Relation : public AstNode<RelationKind> {
 public:
  virtual ~Relation() = default;
  virtual std::string ToString() const = 0;
  virtual std::unique_ptr<Relation> Copy() const = 0;

  std::optional<TableAlias> alias;

 protected:
  using AstNode::AstNode;
  /// " AS alias(cols)" or "".
  std::string AliasSql() const;
};

using RelationPtr = std::unique_ptr<Relation>;

/// A time-travel clause after a table name. Trino's `FOR VERSION AS OF x`,
/// `FOR SYSTEM_VERSION AS OF x` and Spark's `VERSION AS OF x` are kVersion; `FOR TIMESTAMP AS OF
/// x`, `FOR SYSTEM_TIME AS OF x` and `TIMESTAMP AS OF x` are kTimestamp. The point is any
/// expression: a snapshot id, a branch or tag name string, a timestamp string or a TIMESTAMP
/// literal.
struct TimeTravel {
  enum class Kind : uint8_t { kVersion, kTimestamp };
  Kind kind = Kind::kVersion;
  ExpressionPtr point;
  SourceLocation location;

  TimeTravel Copy() const;
  std::string ToString() const;
};

/// A table, view or CTE by name (1 to 3 parts, or more for metadata tables such as
/// `catalog.schema.table.snapshots`; quoted parts like "orders$snapshots" are kept as written).
class TableRelation final : public Relation {
 public:
  static constexpr RelationKind kKind = RelationKind::kTable;
  TableRelation(SourceLocation location, QualifiedName name)
      : Relation(kKind, location), name(std::move(name)) {}

  QualifiedName name;
  std::optional<TimeTravel> time_travel;

  std::string ToString() const override;
  RelationPtr Copy() const override;
};

/// `[LATERAL] (query) [AS] alias [(columns)]`, and `VALUES ...` used directly as a FROM item.
class SubqueryRelation final : public Relation {
 public:
  static constexpr RelationKind kKind = RelationKind::kSubquery;
  SubqueryRelation(SourceLocation location, std::unique_ptr<Query> query, bool lateral);
  ~SubqueryRelation() override;

  std::unique_ptr<Query> query;
  bool lateral;

  std::string ToString() const override;
  RelationPtr Copy() const override;
};

enum class JoinType : uint8_t { kInner, kLeft, kRight, kFull, kCross };

/// `left [NATURAL] <type> JOIN right [ON condition | USING (columns)]`. Joins nest to the left; a
/// parenthesized join tree on the right side is a JoinRelation as `right`.
class JoinRelation final : public Relation {
 public:
  static constexpr RelationKind kKind = RelationKind::kJoin;
  JoinRelation(SourceLocation location, JoinType join_type, RelationPtr left, RelationPtr right)
      : Relation(kKind, location),
        join_type(join_type),
        left(std::move(left)),
        right(std::move(right)) {}

  JoinType join_type;
  bool natural = false;
  RelationPtr left;
  RelationPtr right;
  ExpressionPtr condition;                ///< ON; null otherwise
  std::vector<Identifier> using_columns;  ///< USING (...)

  std::string ToString() const override;
  RelationPtr Copy() const override;
};

/// `UNNEST(expr, ...) [WITH ORDINALITY] [AS] t(a, b)`.
class UnnestRelation final : public Relation {
 public:
  static constexpr RelationKind kKind = RelationKind::kUnnest;
  UnnestRelation(SourceLocation location, std::vector<ExpressionPtr> arguments,
                 bool with_ordinality)
      : Relation(kKind, location),
        arguments(std::move(arguments)),
        with_ordinality(with_ordinality) {}

  std::vector<ExpressionPtr> arguments;
  bool with_ordinality;

  std::string ToString() const override;
  RelationPtr Copy() const override;
};

/// A table function: `read_parquet('path', hive_partitioning => true)`,
/// `iceberg_scan('dir', version = 3)`, `TABLE(fn(...))`. Named arguments are NamedArgument nodes.
class TableFunctionRelation final : public Relation {
 public:
  static constexpr RelationKind kKind = RelationKind::kTableFunction;
  TableFunctionRelation(SourceLocation location, QualifiedName name,
                        std::vector<ExpressionPtr> arguments)
      : Relation(kKind, location), name(std::move(name)), arguments(std::move(arguments)) {}

  QualifiedName name;
  std::vector<ExpressionPtr> arguments;

  std::string ToString() const override;
  RelationPtr Copy() const override;
};

/// A file or folder named by a string literal: `SELECT * FROM 'data/file.parquet'`.
class FileRelation final : public Relation {
 public:
  static constexpr RelationKind kKind = RelationKind::kFile;
  FileRelation(SourceLocation location, std::string path)
      : Relation(kKind, location), path(std::move(path)) {}

  std::string path;

  std::string ToString() const override;
  RelationPtr Copy() const override;
};

}  // namespace switchboard::ast
