// BindScope: the relations of one FROM clause, with their columns, for resolving names.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sql/planner/expression.h"

namespace switchboard {

struct ScopeColumn {
  std::string name;
  LogicalType type;
  ColumnBinding binding;
};

/// One relation in a FROM clause: a table, subquery, CTE, table function or UNNEST.
struct ScopeRelation {
  /// The name the query can qualify columns with (alias, else the table name); may be empty for
  /// an unaliased subquery.
  std::string alias;
  /// Catalog and schema of a base table, so `schema.table.column` also resolves.
  std::string catalog;
  std::string schema;
  std::vector<ScopeColumn> columns;
  /// Column names hidden from `*` and unqualified lookups (the right side's USING columns).
  std::vector<std::string> hidden;
};

/// A column found by name, or why none was.
struct ColumnLookup {
  const ScopeColumn* column = nullptr;
  /// Set when the name is a USING column of a join: the expression that stands for it.
  const Expression* using_expression = nullptr;
  bool ambiguous = false;
};

class BindScope {
 public:
  void AddRelation(ScopeRelation relation);
  /// Registers a USING / NATURAL join column: unqualified references resolve to `expression`.
  void AddUsingColumn(const std::string& name, ExpressionPtr expression);

  /// Looks up `column`, optionally qualified by `qualifier` (alias, or schema.table, or
  /// catalog.schema.table). Names match case-insensitively unless `quoted`, where an exact match
  /// is preferred and required when several differ only by case.
  ColumnLookup Find(const std::vector<std::string>& qualifier, const std::string& column, bool quoted) const;
  /// True when some relation answers to `qualifier`.
  bool HasRelation(const std::vector<std::string>& qualifier) const;
  /// Columns of `*` (qualifier empty) or `t.*`, in order.
  std::vector<std::pair<std::string, ExpressionPtr>> Expand(const std::vector<std::string>& qualifier) const;
  /// Every visible column name, for "did you mean".
  std::vector<std::string> ColumnNames() const;
  const std::vector<ScopeRelation>& relations() const { return relations_; }
  /// Merges another scope's relations into this one (joins).
  void Merge(BindScope&& other);

 private:
  bool Matches(const ScopeRelation& relation, const std::vector<std::string>& qualifier) const;

  std::vector<ScopeRelation> relations_;
  std::vector<std::pair<std::string, ExpressionPtr>> using_columns_;
};

}  // namespace switchboard
