// Binder: resolves the names and types of a parsed statement against the catalogs and the
// function registry and produces a logical plan. Subqueries are flattened into joins as each
// operator is built (see subquery_planner.h).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "sql/binder/bind_scope.h"
#include "sql/parser/ast/dml_statements.h"
#include "sql/parser/ast/query.h"
#include "sql/parser/ast/relation.h"
#include "sql/planner/logical_operator.h"

namespace switchboard {

class QueryContext;

/// What the binder needs from the session and database.
struct BinderEnvironment {
  const FunctionRegistry* functions = nullptr;
  QueryContext* query = nullptr;
  /// The catalog named `name` (case-insensitive) or nullptr.
  std::function<std::shared_ptr<Catalog>(const std::string&)> get_catalog;
  std::string current_catalog;
  std::string current_schema;
  /// Schema aliases (Redshift CREATE EXTERNAL SCHEMA s FROM DATA CATALOG DATABASE 'db'):
  /// lower-cased alias -> real schema.
  std::map<std::string, std::string> schema_aliases;
  /// Temporary views and tables of the session (searched before the catalogs for one-part names).
  std::shared_ptr<Catalog> temp_catalog;
  /// Evaluates a foldable expression (constant arguments of table functions); may be unset.
  std::function<Value(const Expression&)> evaluate_constant;
};

/// A bound query: its plan and its output columns.
struct BoundQuery {
  LogicalOperatorPtr plan;
  std::vector<std::string> names;
  std::vector<LogicalType> types;
};

/// A column of an enclosing query used inside a subquery, `depth` levels out from the binder
/// that records it.
struct CorrelatedColumn {
  ColumnBinding binding;
  LogicalType type;
  idx_t depth;
};

/// A table reference resolved to a catalog entry.
struct ResolvedTable {
  std::shared_ptr<Catalog> catalog;
  std::string schema;
  std::shared_ptr<TableEntry> table;
  std::shared_ptr<ViewEntry> view;
};

/// One binder per query level; a subquery's binder has its parent's as `parent`, so names the
/// subquery does not define resolve to the enclosing query (correlated references). Errors throw
/// Exception with a "line L:C: " prefix where the AST has a location.
class Binder {
 public:
  explicit Binder(BinderEnvironment& environment, Binder* parent = nullptr);
  ~Binder();

  BoundQuery BindQuery(const ast::Query& query);
  /// A constant or per-row expression over `scope` (no aggregates or windows).
  ExpressionPtr BindExpression(const ast::Expression& expression, BindScope& scope);
  LogicalType BindType(const ast::TypeName& type) const;

  /// INSERT [OVERWRITE] ... : a plan ending in LogicalInsert.
  BoundQuery BindInsert(const ast::Insert& insert);
  BoundQuery BindDelete(const ast::Delete& statement);
  BoundQuery BindUpdate(const ast::Update& statement);
  /// MERGE INTO (bind_merge.cc): a plan ending in LogicalMerge.
  BoundQuery BindMerge(const ast::Merge& statement);

  /// Resolves a table or view name (1-3 parts) against CTE-free catalogs; throws
  /// kUndefinedTable with close names when it does not exist.
  ResolvedTable ResolveTable(const ast::QualifiedName& name, bool allow_view = true);
  /// catalog, schema and object name for a name of 1-3 parts (for DDL).
  QualifiedName QualifyName(const ast::QualifiedName& name) const;
  /// A metadata table (`t$snapshots`, `catalog.schema.t.snapshots`, or `t.snapshots` when
  /// `after_failure`, i.e. the name did not resolve as a table); nullopt when `name` is not one.
  /// Throws like ResolveTable for a missing base table unless `after_failure`.
  std::optional<ResolvedTable> ResolveMetadataTable(const ast::QualifiedName& name, bool after_failure);

  /// Columns of enclosing queries this binder's query uses.
  const std::vector<CorrelatedColumn>& correlated_columns() const { return correlated_; }
  BinderEnvironment& environment() { return environment_; }
  idx_t NewTableIndex();

 private:
  friend class ExpressionBinder;
  friend class SubqueryPlanner;

  struct CteDefinition {
    const ast::CommonTableExpression* definition;
    bool recursive = false;
    // Set while binding the recursive part: references read the working table.
    bool in_recursion = false;
    idx_t cte_index = 0;
    std::vector<std::string> names;
    std::vector<LogicalType> types;
  };

  // Queries (bind_query.cc).
  BoundQuery BindQueryBody(const ast::QueryBody& body, const ast::Query* enclosing);
  BoundQuery BindSelect(const ast::QuerySpecification& spec, const ast::Query* enclosing);
  BoundQuery BindSetOperation(const ast::SetOperation& op);
  BoundQuery BindValues(const ast::Values& values);
  BoundQuery BindRecursiveCte(const ast::CommonTableExpression& cte, CteDefinition& definition);
  /// ORDER BY / OFFSET / LIMIT of a query whose body is not a single SELECT.
  void ApplyOrderAndLimit(const ast::Query& query, BoundQuery& bound);
  void ApplyLimit(const ast::Query& query, LogicalOperatorPtr& plan);
  int64_t BindLimitValue(const ast::Expression& expression, const char* what);

  // FROM (bind_relation.cc).
  LogicalOperatorPtr BindFrom(const std::vector<std::unique_ptr<ast::Relation>>& from, BindScope& scope);
  LogicalOperatorPtr BindRelation(const ast::Relation& relation, BindScope& scope, LogicalOperatorPtr* lateral_left);
  LogicalOperatorPtr BindTable(const ast::TableRelation& table, BindScope& scope);
  LogicalOperatorPtr BindJoin(const ast::JoinRelation& join, BindScope& scope);
  /// A join of `left` and `right` on `conjuncts`: comparisons between the sides become its
  /// conditions, the rest residual predicates.
  LogicalOperatorPtr MakeJoin(JoinType type, LogicalOperatorPtr left, LogicalOperatorPtr right, ExpressionList conjuncts);
  LogicalOperatorPtr BindUnnest(const ast::UnnestRelation& unnest, BindScope& scope, LogicalOperatorPtr left);
  LogicalOperatorPtr BindTableFunction(const ast::TableFunctionRelation& call, BindScope& scope);
  LogicalOperatorPtr BindFile(const ast::FileRelation& file, BindScope& scope);
  LogicalOperatorPtr BindSubqueryRelation(const ast::SubqueryRelation& subquery, BindScope& scope,
                                          LogicalOperatorPtr* lateral_left);
  /// Adds a relation with `names`/`types` produced by `plan` to `scope` under `alias`.
  void AddToScope(BindScope& scope, const LogicalOperator& plan, std::string alias,
                  const std::vector<std::string>& names, const std::optional<ast::TableAlias>& table_alias,
                  std::string catalog = "", std::string schema = "");
  /// A plan scanning a table function with constant arguments.
  LogicalOperatorPtr ScanTableFunction(const TableFunction& function, TableFunctionBindInput input,
                                       const std::string& display_name, std::vector<std::string>* names);

  const CteDefinition* FindCte(const std::string& name) const;
  CteDefinition* FindCte(const std::string& name);

  /// Records a reference to a column of the query `depth` levels out.
  void AddCorrelated(const ColumnBinding& binding, const LogicalType& type, idx_t depth);

  BinderEnvironment& environment_;
  Binder* parent_;
  idx_t next_table_index_ = 0;
  /// For binders of view definitions: the binder whose table indexes they share, so the view's
  /// operators never reuse an index of the query that reads it.
  Binder* table_index_source_ = nullptr;
  std::vector<CorrelatedColumn> correlated_;
  /// The scope of the clause being bound (enclosing scopes of subqueries are found through it).
  BindScope* active_scope_ = nullptr;
  std::map<std::string, CteDefinition> ctes_;
};

/// "line L:C: " for a location (or "" when unknown).
std::string LocationPrefix(const ast::SourceLocation& location);

}  // namespace switchboard
