// Data-changing statements: INSERT (INTO and OVERWRITE), UPDATE, DELETE, MERGE and COPY.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/parser/ast/relation.h"
#include "sql/parser/ast/statement.h"

namespace switchboard::ast {

/// `INSERT INTO name [(columns)] query|VALUES ...|DEFAULT VALUES` and Spark's
/// `INSERT OVERWRITE [TABLE] name [PARTITION (k = v, k2, ...)] query`. VALUES rows arrive as a
/// query whose body is Values.
class Insert final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kInsert;
  Insert(SourceLocation location, QualifiedName table);
  ~Insert() override;

  QualifiedName table;
  std::vector<Identifier> columns;
  bool overwrite = false;
  std::vector<Property> partition;  ///< static `k = v` and dynamic `k` (null value) partitions
  std::unique_ptr<Query> query;     ///< null for DEFAULT VALUES

  std::string ToString() const override;
};

/// One `target = value` of UPDATE ... SET or MERGE ... UPDATE SET. The target may be qualified
/// (`t.col`). The row forms set `all_columns`: MERGE's `UPDATE SET *` (empty `target` and
/// `source`) and `UPDATE SET target.* = source.*` (their qualifiers), with no `value`.
struct Assignment {
  QualifiedName target;
  ExpressionPtr value;
  bool all_columns = false;
  QualifiedName source;
  SourceLocation location;

  std::string ToString() const;
};

/// `UPDATE name [[AS] alias] SET assignments [FROM relations] [WHERE condition]`.
class Update final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kUpdate;
  Update(SourceLocation location, QualifiedName table)
      : Statement(kKind, location), table(std::move(table)) {}

  QualifiedName table;
  std::optional<Identifier> alias;
  std::vector<Assignment> assignments;
  std::vector<RelationPtr> from;
  ExpressionPtr where;

  std::string ToString() const override;
};

/// `DELETE FROM name [[AS] alias] [WHERE condition]`.
class Delete final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kDelete;
  Delete(SourceLocation location, QualifiedName table)
      : Statement(kKind, location), table(std::move(table)) {}

  QualifiedName table;
  std::optional<Identifier> alias;
  ExpressionPtr where;

  std::string ToString() const override;
};

/// One `WHEN ... THEN ...` of MERGE:
///   WHEN MATCHED [AND cond] THEN UPDATE SET ... | UPDATE SET * | DELETE
///   WHEN NOT MATCHED [BY TARGET] [AND cond] THEN INSERT [(columns)] VALUES (...) | INSERT *
///   WHEN NOT MATCHED BY SOURCE [AND cond] THEN UPDATE SET ... | DELETE
struct MergeClause {
  enum class Match : uint8_t { kMatched, kNotMatchedByTarget, kNotMatchedBySource };
  enum class Action : uint8_t { kUpdate, kDelete, kInsert };

  Match match = Match::kMatched;
  ExpressionPtr condition;  ///< AND condition; null without
  Action action = Action::kUpdate;
  std::vector<Assignment> assignments;       ///< kUpdate
  std::vector<Identifier> insert_columns;    ///< kInsert
  std::vector<ExpressionPtr> insert_values;  ///< kInsert; empty for INSERT *
  bool insert_all = false;                   ///< INSERT *
  SourceLocation location;

  std::string ToString() const;
};

/// `MERGE INTO target [[AS] alias] USING source ON condition clauses...`; the source is a table or
/// a subquery relation with its alias.
class Merge final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kMerge;
  Merge(SourceLocation location, QualifiedName target)
      : Statement(kKind, location), target(std::move(target)) {}

  QualifiedName target;
  std::optional<Identifier> target_alias;
  RelationPtr source;
  ExpressionPtr condition;
  std::vector<MergeClause> clauses;

  std::string ToString() const override;
};

/// DuckDB's COPY: `COPY (query) TO 'file' [(options)]`, `COPY table [(columns)] TO 'file'
/// [(options)]` and `COPY table [(columns)] FROM 'file' [(options)]`. Options are `NAME [value]`:
/// FORMAT parquet, COMPRESSION zstd, PARTITION_BY (a, b), ROW_GROUP_SIZE 100000, HEADER, ...
class CopyStatement final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCopy;
  explicit CopyStatement(SourceLocation location);
  ~CopyStatement() override;

  std::unique_ptr<Query> query;  ///< COPY (query) TO; null when a table is named
  QualifiedName table;
  std::vector<Identifier> columns;
  bool from_file = false;  ///< COPY ... FROM 'file' (loads the table)
  std::string file;
  std::vector<Property> options;

  std::string ToString() const override;
};

}  // namespace switchboard::ast
