// The query AST: Query (WITH, body, ORDER BY, OFFSET, LIMIT) and its bodies: SELECT
// specifications, set operations, VALUES, TABLE t and parenthesized queries.
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
class Relation;

enum class QueryBodyKind : uint8_t {
  kQuerySpecification,
  kSetOperation,
  kValues,
  kTableQuery,
  kParenthesizedQuery,
};

/// Base of the things a Query can be made of. Copy() is a deep copy.
class QueryBody : public AstNode<QueryBodyKind> {
 public:
  virtual ~QueryBody() = default;
  virtual std::string ToString() const = 0;
  virtual std::unique_ptr<QueryBody> Copy() const = 0;

 protected:
  using AstNode::AstNode;
};

/// One item of a SELECT list.
struct SelectItem {
  enum class Kind : uint8_t {
    kExpression,  ///< `expression [[AS] alias]`
    kAllColumns,  ///< `*`, `t.*`, `s.t.*`, optionally `* EXCLUDE (a, b)` / `* EXCEPT (a, b)`
  };
  Kind kind = Kind::kExpression;
  ExpressionPtr expression;          ///< kExpression
  std::optional<Identifier> alias;   ///< kExpression
  QualifiedName qualifier;           ///< kAllColumns: the name before `.*`; empty for `*`
  std::vector<Identifier> excluded;  ///< kAllColumns: EXCLUDE/EXCEPT columns
  SourceLocation location;

  SelectItem Copy() const;
  std::string ToString() const;
};

/// One element of GROUP BY. Each entry of `sets` is a list of expressions grouped together:
///   kSet: one set, from `a` (one expression), `(a, b)` or `()` (none);
///   kRollup, kCube: the items of `ROLLUP (a, (b, c))`, one set per item;
///   kGroupingSets: the sets of `GROUPING SETS ((a, b), a, ())`.
struct GroupingElement {
  enum class Kind : uint8_t { kSet, kRollup, kCube, kGroupingSets };
  Kind kind = Kind::kSet;
  std::vector<std::vector<ExpressionPtr>> sets;
  SourceLocation location;

  GroupingElement Copy() const;
  std::string ToString() const;
};

/// `GROUP BY [DISTINCT | ALL] elements`, or DuckDB's `GROUP BY ALL` (group by every SELECT item
/// without an aggregate), which sets `all` and leaves `elements` empty. Spark's
/// `GROUP BY a, b WITH ROLLUP|CUBE` becomes one kRollup/kCube element.
struct GroupBy {
  bool distinct = false;
  bool all = false;
  std::vector<GroupingElement> elements;
  SourceLocation location;  ///< of GROUP

  GroupBy Copy() const;
  /// The clause without the GROUP BY keywords.
  std::string ToString() const;
};

/// `WINDOW name AS (spec)`.
struct WindowDefinition {
  Identifier name;
  WindowSpec spec;
  SourceLocation location;

  WindowDefinition Copy() const;
};

/// `SELECT [DISTINCT] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...] [WINDOW ...]
/// [QUALIFY ...]`. ORDER BY, OFFSET and LIMIT belong to the enclosing Query.
class QuerySpecification final : public QueryBody {
 public:
  static constexpr QueryBodyKind kKind = QueryBodyKind::kQuerySpecification;
  explicit QuerySpecification(SourceLocation location);
  ~QuerySpecification() override;

  bool distinct = false;
  std::vector<SelectItem> select_items;
  /// The FROM list: more than one relation means `FROM a, b` (a cross join, in which later
  /// items may refer to earlier ones when they are UNNEST or LATERAL).
  std::vector<std::unique_ptr<Relation>> from;
  ExpressionPtr where;
  std::optional<GroupBy> group_by;
  ExpressionPtr having;
  std::vector<WindowDefinition> windows;
  ExpressionPtr qualify;

  std::string ToString() const override;
  std::unique_ptr<QueryBody> Copy() const override;
};

enum class SetOperator : uint8_t { kUnion, kIntersect, kExcept };

/// `left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right`; INTERSECT binds tighter than the others.
class SetOperation final : public QueryBody {
 public:
  static constexpr QueryBodyKind kKind = QueryBodyKind::kSetOperation;
  SetOperation(SourceLocation location, SetOperator op, bool all, std::unique_ptr<QueryBody> left,
               std::unique_ptr<QueryBody> right)
      : QueryBody(kKind, location),
        op(op),
        all(all),
        left(std::move(left)),
        right(std::move(right)) {}

  SetOperator op;
  bool all;  ///< ALL; false for DISTINCT, the default
  std::unique_ptr<QueryBody> left;
  std::unique_ptr<QueryBody> right;

  std::string ToString() const override;
  std::unique_ptr<QueryBody> Copy() const override;
};

/// `VALUES (1, 'a'), (2, 'b')`: rows of column expressions. A row written as a row constructor
/// (`(1, 'a')`, `ROW(1, 'a')`) gives its elements as columns; any other expression is a
/// one-column row.
class Values final : public QueryBody {
 public:
  static constexpr QueryBodyKind kKind = QueryBodyKind::kValues;
  explicit Values(SourceLocation location) : QueryBody(kKind, location) {}

  std::vector<std::vector<ExpressionPtr>> rows;

  std::string ToString() const override;
  std::unique_ptr<QueryBody> Copy() const override;
};

/// `TABLE name`: all rows of a table.
class TableQuery final : public QueryBody {
 public:
  static constexpr QueryBodyKind kKind = QueryBodyKind::kTableQuery;
  TableQuery(SourceLocation location, QualifiedName name)
      : QueryBody(kKind, location), name(std::move(name)) {}

  QualifiedName name;

  std::string ToString() const override;
  std::unique_ptr<QueryBody> Copy() const override;
};

/// `(query)` inside a set operation, when the inner query has its own WITH, ORDER BY, OFFSET or
/// LIMIT. (A parenthesized query without them is replaced by its body.)
class ParenthesizedQuery final : public QueryBody {
 public:
  static constexpr QueryBodyKind kKind = QueryBodyKind::kParenthesizedQuery;
  ParenthesizedQuery(SourceLocation location, std::unique_ptr<Query> query);
  ~ParenthesizedQuery() override;

  std::unique_ptr<Query> query;

  std::string ToString() const override;
  std::unique_ptr<QueryBody> Copy() const override;
};

/// `name [(columns)] AS (query)` in WITH.
struct CommonTableExpression {
  Identifier name;
  std::vector<Identifier> columns;
  std::unique_ptr<Query> query;
  SourceLocation location;

  CommonTableExpression Copy() const;
  std::string ToString() const;
};

/// A complete query: `[WITH [RECURSIVE] ...] body [ORDER BY ...] [OFFSET n] [LIMIT n]`.
/// LIMIT ALL is no limit; `FETCH FIRST n ROWS ONLY` is `LIMIT n`; MySQL's `LIMIT o, n` is
/// `OFFSET o LIMIT n`. ORDER BY, OFFSET and LIMIT apply to the whole body, set operations included.
class Query {
 public:
  explicit Query(SourceLocation location) : location(location) {}

  bool with_recursive = false;
  std::vector<CommonTableExpression> with;
  std::unique_ptr<QueryBody> body;
  std::vector<SortItem> order_by;
  ExpressionPtr offset;
  ExpressionPtr limit;
  bool limit_with_ties = false;  ///< `FETCH FIRST n ROWS WITH TIES`
  SourceLocation location;

  std::unique_ptr<Query> Copy() const;
  std::string ToString() const;
};

}  // namespace switchboard::ast
