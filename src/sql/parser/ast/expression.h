// The expression AST: the Expression base class and its node classes, with the ORDER BY items and
// window specifications that expressions contain.
//
// The node classes are small plain-data classes grouped in this one header (instead of a file each)
// so that the binder reaches every expression node with a single include.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/parser/ast/ast_node.h"
#include "sql/parser/ast/identifier.h"
#include "sql/parser/ast/type_name.h"

namespace switchboard::ast {

class Query;

enum class ExpressionKind : uint8_t {
  kLiteral,
  kTypedLiteral,
  kIntervalLiteral,
  kParameter,
  kColumnRef,
  kDereference,
  kSubscript,
  kFunctionCall,
  kCast,
  kUnary,
  kBinary,
  kLogical,
  kBetween,
  kInList,
  kInSubquery,
  kLike,
  kIsNull,
  kQuantifiedComparison,
  kExists,
  kSubquery,
  kCase,
  kArrayConstructor,
  kRowConstructor,
  kExtract,
  kCurrentValue,
  kAtTimeZone,
  kLambda,
  kNamedArgument,
};

/// Base of all expression nodes. `location` is where the expression starts in the SQL text.
/// `ToString()` prints SQL that parses back to an equal tree; `Copy()` is a deep copy.
class Expression : public AstNode<ExpressionKind> {
 public:
  virtual ~Expression() = default;
  virtual std::string ToString() const = 0;
  virtual std::unique_ptr<Expression> Copy() const = 0;

 protected:
  using AstNode::AstNode;
};

using ExpressionPtr = std::unique_ptr<Expression>;

/// Deep copy of `expression`, or null for null.
ExpressionPtr CopyExpression(const ExpressionPtr& expression);
/// Deep copy of every element.
std::vector<ExpressionPtr> CopyExpressions(const std::vector<ExpressionPtr>& expressions);
/// The elements' SQL joined by ", ".
std::string ExpressionList(const std::vector<ExpressionPtr>& expressions);
/// `expression` in SQL, parenthesized unless it binds at least as tightly as a unary minus; for
/// values that stand alone between other words, like option values.
std::string UnaryOperandSql(const Expression& expression);

// ---------------------------------------------------------------------------------------------
// Sorting and windows
// ---------------------------------------------------------------------------------------------

enum class SortOrder : uint8_t { kDefault, kAscending, kDescending };
enum class NullsOrder : uint8_t { kDefault, kFirst, kLast };

/// `expression [ASC|DESC] [NULLS FIRST|LAST]` in ORDER BY, ordered aggregates and windows.
struct SortItem {
  ExpressionPtr expression;
  SortOrder order = SortOrder::kDefault;
  NullsOrder nulls = NullsOrder::kDefault;
  SourceLocation location;

  SortItem Copy() const;
  std::string ToString() const;
};

std::vector<SortItem> CopySortItems(const std::vector<SortItem>& items);
/// "a DESC, b" (no ORDER BY keyword).
std::string SortItemList(const std::vector<SortItem>& items);

enum class FrameUnit : uint8_t { kRows, kRange, kGroups };
enum class FrameBoundKind : uint8_t {
  kUnboundedPreceding,
  kPreceding,  ///< `offset PRECEDING`
  kCurrentRow,
  kFollowing,  ///< `offset FOLLOWING`
  kUnboundedFollowing,
};
enum class FrameExclusion : uint8_t { kNone, kCurrentRow, kGroup, kTies, kNoOthers };

/// One end of a window frame.
struct FrameBound {
  FrameBoundKind kind = FrameBoundKind::kCurrentRow;
  ExpressionPtr offset;  ///< kPreceding/kFollowing: a number or an interval expression
  SourceLocation location;

  FrameBound Copy() const;
  std::string ToString() const;
};

/// `ROWS|RANGE|GROUPS [BETWEEN start AND end | start] [EXCLUDE ...]`. Without BETWEEN, `end` is
/// empty (the standard reads it as CURRENT ROW).
struct WindowFrame {
  FrameUnit unit = FrameUnit::kRows;
  FrameBound start;
  std::optional<FrameBound> end;
  FrameExclusion exclusion = FrameExclusion::kNone;
  SourceLocation location;

  WindowFrame Copy() const;
  std::string ToString() const;
};

/// The inside of `OVER (...)` or of `WINDOW w AS (...)`: an optional base window name, then
/// PARTITION BY, ORDER BY and the frame.
struct WindowSpec {
  std::optional<Identifier> base_window;
  std::vector<ExpressionPtr> partition_by;
  std::vector<SortItem> order_by;
  std::optional<WindowFrame> frame;
  SourceLocation location;

  WindowSpec Copy() const;
  /// The specification with its parentheses: "(w PARTITION BY a ORDER BY b ROWS ...)".
  std::string ToString() const;
};

// ---------------------------------------------------------------------------------------------
// Literals, parameters and names
// ---------------------------------------------------------------------------------------------

enum class LiteralKind : uint8_t {
  kNull,
  kBoolean,
  kInteger,  ///< digits only: `42`
  kDecimal,  ///< with a point and no exponent: `1.5`, `.5`, `1.`
  kDouble,   ///< with an exponent: `1e5`, `2.5E-3`
  kString,
  kBinary,  ///< X'...'
};

/// A literal kept as text; the binder gives it a type and a value.
class Literal final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kLiteral;
  Literal(SourceLocation location, LiteralKind literal_kind, std::string text)
      : Expression(kKind, location), literal_kind(literal_kind), text(std::move(text)) {}

  LiteralKind literal_kind;
  /// kInteger/kDecimal/kDouble: the digits as written, with a leading '-' when the parser folded
  /// a unary minus into the literal; kString: the value with escapes resolved; kBinary: the hex
  /// digits (upper case); kBoolean: "true" or "false"; kNull: empty.
  std::string text;

  bool BooleanValue() const { return text == "true"; }
  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `<type> '<text>'`: DATE '2020-01-01', TIMESTAMP '2020-01-01 10:00:00 UTC', DECIMAL '1.2',
/// TIMESTAMP WITH TIME ZONE '...', JSON '...', UUID '...'.
class TypedLiteral final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kTypedLiteral;
  TypedLiteral(SourceLocation location, TypeName type, std::string value)
      : Expression(kKind, location), type(std::move(type)), value(std::move(value)) {}

  TypeName type;
  std::string value;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

enum class IntervalField : uint8_t {
  kNone,  ///< `INTERVAL '2 days'`: the units are inside the text
  kYear,
  kQuarter,
  kMonth,
  kWeek,
  kDay,
  kHour,
  kMinute,
  kSecond,
  kMillisecond,
  kMicrosecond,
};

/// The SQL keyword of a field ("YEAR", ...); "" for kNone.
std::string_view IntervalFieldName(IntervalField field);

/// `INTERVAL [+|-] '<text>' <field> [TO <field>]`, `INTERVAL '2 days'` and `INTERVAL 3 DAY` (whose
/// number becomes the text).
class IntervalLiteral final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kIntervalLiteral;
  IntervalLiteral(SourceLocation location, std::string value, bool negative, IntervalField start,
                  IntervalField end)
      : Expression(kKind, location),
        value(std::move(value)),
        negative(negative),
        start(start),
        end(end) {}

  std::string value;
  bool negative;  ///< a '-' before the text (a '-' inside the text stays in `value`)
  IntervalField start;
  IntervalField end;  ///< kNone unless `start TO end`

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// A statement parameter: `?` (numbered 1, 2, ... in order of appearance) or `$n`.
class Parameter final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kParameter;
  Parameter(SourceLocation location, uint32_t number, bool dollar)
      : Expression(kKind, location), number(number), dollar(dollar) {}

  uint32_t number;  ///< 1-based
  bool dollar;      ///< written `$n` rather than `?`

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// A dotted name in an expression: `x`, `t.x`, `s.t.x`, `row_col.field.subfield`. Whether a part
/// names a table or a ROW field is for the binder to decide.
class ColumnRef final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kColumnRef;
  ColumnRef(SourceLocation location, QualifiedName name)
      : Expression(kKind, location), name(std::move(name)) {}

  QualifiedName name;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `base.field` where base is not a plain name: `(expr).field`, `f(x).field`, `a[1].field`.
class Dereference final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kDereference;
  Dereference(SourceLocation location, ExpressionPtr base, Identifier field)
      : Expression(kKind, location), base(std::move(base)), field(std::move(field)) {}

  ExpressionPtr base;
  Identifier field;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `base[index]`: array element or map value.
class Subscript final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kSubscript;
  Subscript(SourceLocation location, ExpressionPtr base, ExpressionPtr index)
      : Expression(kKind, location), base(std::move(base)), index(std::move(index)) {}

  ExpressionPtr base;
  ExpressionPtr index;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

// ---------------------------------------------------------------------------------------------
// Function calls and special forms
// ---------------------------------------------------------------------------------------------

enum class NullTreatment : uint8_t { kDefault, kIgnoreNulls, kRespectNulls };

/// A call `name(args)` with everything that can decorate it:
/// `name([DISTINCT|ALL] args [ORDER BY ...] [IGNORE|RESPECT NULLS]) [WITHIN GROUP (ORDER BY ...)]
///  [FILTER (WHERE cond)] [IGNORE|RESPECT NULLS] [OVER window_name | OVER (spec)]`.
/// `count(*)` sets `star` with no arguments. Named arguments are NamedArgument nodes and lambdas
/// Lambda nodes among `arguments`. `WITHIN GROUP (ORDER BY ...)` is stored in `order_by`, like an
/// ordered aggregate. The special forms SUBSTRING(x FROM a FOR b), POSITION(a IN b) and
/// TRIM([BOTH|LEADING|TRAILING] [chars] FROM x) become calls of substring(x, a, b),
/// strpos(b, a) and trim/ltrim/rtrim(x[, chars]); GROUPING(a, b) is a call of grouping.
class FunctionCall final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kFunctionCall;
  FunctionCall(SourceLocation location, QualifiedName name)
      : Expression(kKind, location), name(std::move(name)) {}
  ~FunctionCall() override;

  QualifiedName name;
  std::vector<ExpressionPtr> arguments;
  bool distinct = false;
  bool star = false;
  std::vector<SortItem> order_by;
  ExpressionPtr filter;
  NullTreatment null_treatment = NullTreatment::kDefault;
  std::optional<Identifier> window_name;  ///< `OVER w`
  std::unique_ptr<WindowSpec> window;     ///< `OVER (...)`

  bool IsWindowed() const { return window_name.has_value() || window != nullptr; }
  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `CAST(operand AS type)`, `TRY_CAST(operand AS type)` and `operand::type`.
class Cast final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kCast;
  Cast(SourceLocation location, ExpressionPtr operand, TypeName type, bool safe)
      : Expression(kKind, location),
        operand(std::move(operand)),
        type(std::move(type)),
        safe(safe) {}

  ExpressionPtr operand;
  TypeName type;
  bool safe;  ///< TRY_CAST: NULL instead of an error

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `CASE [operand] WHEN ... THEN ... [ELSE ...] END`.
class Case final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kCase;
  struct WhenClause {
    ExpressionPtr condition;  ///< with an operand: the value compared to it
    ExpressionPtr result;
    SourceLocation location;  ///< of WHEN
  };

  explicit Case(SourceLocation location) : Expression(kKind, location) {}

  ExpressionPtr operand;  ///< null for a searched CASE
  std::vector<WhenClause> when_clauses;
  ExpressionPtr else_result;  ///< null without ELSE

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `EXTRACT(field FROM operand)`; the field is kept as written (YEAR, DOW, TIMEZONE_HOUR, ...).
class Extract final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kExtract;
  Extract(SourceLocation location, Identifier field, ExpressionPtr operand)
      : Expression(kKind, location), field(std::move(field)), operand(std::move(operand)) {}

  Identifier field;
  ExpressionPtr operand;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

enum class CurrentValueKind : uint8_t {
  kDate,
  kTime,
  kTimestamp,
  kLocalTime,
  kLocalTimestamp,
  kUser,
  kRole,
  kSchema,
  kCatalog,
};

/// CURRENT_DATE, CURRENT_TIME[(p)], CURRENT_TIMESTAMP[(p)], LOCALTIME[(p)], LOCALTIMESTAMP[(p)],
/// CURRENT_USER, CURRENT_ROLE, CURRENT_SCHEMA, CURRENT_CATALOG. With empty parentheses
/// (`CURRENT_TIMESTAMP()`) they are ordinary FunctionCalls instead.
class CurrentValue final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kCurrentValue;
  CurrentValue(SourceLocation location, CurrentValueKind value, std::optional<int64_t> precision)
      : Expression(kKind, location), value(value), precision(precision) {}

  CurrentValueKind value;
  std::optional<int64_t> precision;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `param -> body` and `(p1, p2) -> body`, as function arguments.
class Lambda final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kLambda;
  Lambda(SourceLocation location, std::vector<Identifier> parameters, ExpressionPtr body)
      : Expression(kKind, location), parameters(std::move(parameters)), body(std::move(body)) {}

  std::vector<Identifier> parameters;
  ExpressionPtr body;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `name => value` as a function, procedure or table-function argument (table functions also
/// accept DuckDB's `name = value`, which becomes this node too).
class NamedArgument final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kNamedArgument;
  NamedArgument(SourceLocation location, Identifier name, ExpressionPtr value)
      : Expression(kKind, location), name(std::move(name)), value(std::move(value)) {}

  Identifier name;
  ExpressionPtr value;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `ARRAY[e1, e2, ...]` (possibly empty).
class ArrayConstructor final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kArrayConstructor;
  ArrayConstructor(SourceLocation location, std::vector<ExpressionPtr> elements)
      : Expression(kKind, location), elements(std::move(elements)) {}

  std::vector<ExpressionPtr> elements;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `ROW(e1, e2, ...)` and the parenthesized `(e1, e2, ...)` (two or more elements).
class RowConstructor final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kRowConstructor;
  RowConstructor(SourceLocation location, std::vector<ExpressionPtr> elements)
      : Expression(kKind, location), elements(std::move(elements)) {}

  std::vector<ExpressionPtr> elements;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

// ---------------------------------------------------------------------------------------------
// Operators and predicates
// ---------------------------------------------------------------------------------------------

enum class UnaryOperator : uint8_t { kNot, kMinus, kPlus };

/// `NOT x`, `-x`, `+x`. A minus directly before a number literal is folded into the literal.
class Unary final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kUnary;
  Unary(SourceLocation location, UnaryOperator op, ExpressionPtr operand)
      : Expression(kKind, location), op(op), operand(std::move(operand)) {}

  UnaryOperator op;
  ExpressionPtr operand;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

enum class BinaryOperator : uint8_t {
  kEqual,
  kNotEqual,  ///< `<>` and `!=`
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kIsDistinctFrom,
  kIsNotDistinctFrom,
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kConcat,  ///< `||`
};

/// The operator's SQL spelling ("=", "<>", "IS DISTINCT FROM", "+", "||", ...).
std::string_view BinaryOperatorSql(BinaryOperator op);
/// True for = <> < <= > >= and the DISTINCT FROM comparisons.
bool IsComparison(BinaryOperator op);

/// A comparison or arithmetic/concatenation operator. `location` is where the left operand
/// starts; `operator_location` is the operator's own position, for errors about the operator.
class Binary final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kBinary;
  Binary(SourceLocation location, BinaryOperator op, ExpressionPtr left, ExpressionPtr right,
         SourceLocation operator_location)
      : Expression(kKind, location),
        op(op),
        left(std::move(left)),
        right(std::move(right)),
        operator_location(operator_location) {}

  BinaryOperator op;
  ExpressionPtr left;
  ExpressionPtr right;
  SourceLocation operator_location;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

enum class LogicalOperator : uint8_t { kAnd, kOr };

/// `a AND b AND c` / `a OR b OR c`, flattened: two or more operands, none of them a Logical with
/// the same operator.
class Logical final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kLogical;
  Logical(SourceLocation location, LogicalOperator op, std::vector<ExpressionPtr> operands)
      : Expression(kKind, location), op(op), operands(std::move(operands)) {}

  LogicalOperator op;
  std::vector<ExpressionPtr> operands;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `operand [NOT] BETWEEN [SYMMETRIC] lower AND upper`.
class Between final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kBetween;
  Between(SourceLocation location, ExpressionPtr operand, ExpressionPtr lower, ExpressionPtr upper,
          bool negated, bool symmetric)
      : Expression(kKind, location),
        operand(std::move(operand)),
        lower(std::move(lower)),
        upper(std::move(upper)),
        negated(negated),
        symmetric(symmetric) {}

  ExpressionPtr operand;
  ExpressionPtr lower;
  ExpressionPtr upper;
  bool negated;
  bool symmetric;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `operand [NOT] IN (v1, v2, ...)`; the list may be empty (SQLite allows `IN ()`).
class InList final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kInList;
  InList(SourceLocation location, ExpressionPtr operand, std::vector<ExpressionPtr> values,
         bool negated)
      : Expression(kKind, location),
        operand(std::move(operand)),
        values(std::move(values)),
        negated(negated) {}

  ExpressionPtr operand;
  std::vector<ExpressionPtr> values;
  bool negated;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `operand [NOT] IN (subquery)`.
class InSubquery final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kInSubquery;
  InSubquery(SourceLocation location, ExpressionPtr operand, std::unique_ptr<Query> query,
             bool negated);
  ~InSubquery() override;

  ExpressionPtr operand;
  std::unique_ptr<Query> query;
  bool negated;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `operand [NOT] LIKE|ILIKE pattern [ESCAPE escape]`.
class Like final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kLike;
  Like(SourceLocation location, ExpressionPtr operand, ExpressionPtr pattern, ExpressionPtr escape,
       bool negated, bool case_insensitive)
      : Expression(kKind, location),
        operand(std::move(operand)),
        pattern(std::move(pattern)),
        escape(std::move(escape)),
        negated(negated),
        case_insensitive(case_insensitive) {}

  ExpressionPtr operand;
  ExpressionPtr pattern;
  ExpressionPtr escape;  ///< null without ESCAPE
  bool negated;
  bool case_insensitive;  ///< ILIKE

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `operand IS [NOT] NULL`.
class IsNull final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kIsNull;
  IsNull(SourceLocation location, ExpressionPtr operand, bool negated)
      : Expression(kKind, location), operand(std::move(operand)), negated(negated) {}

  ExpressionPtr operand;
  bool negated;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

enum class Quantifier : uint8_t { kAll, kAny };  ///< SOME is ANY

/// `operand <comparison> ALL|ANY|SOME (subquery)`.
class QuantifiedComparison final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kQuantifiedComparison;
  QuantifiedComparison(SourceLocation location, BinaryOperator op, Quantifier quantifier,
                       ExpressionPtr operand, std::unique_ptr<Query> query);
  ~QuantifiedComparison() override;

  BinaryOperator op;  ///< a comparison: IsComparison(op)
  Quantifier quantifier;
  ExpressionPtr operand;
  std::unique_ptr<Query> query;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `EXISTS (subquery)`; NOT EXISTS is a Unary kNot around it.
class Exists final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kExists;
  Exists(SourceLocation location, std::unique_ptr<Query> query);
  ~Exists() override;

  std::unique_ptr<Query> query;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// A scalar subquery `(SELECT ...)`.
class SubqueryExpression final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kSubquery;
  SubqueryExpression(SourceLocation location, std::unique_ptr<Query> query);
  ~SubqueryExpression() override;

  std::unique_ptr<Query> query;

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

/// `operand AT TIME ZONE zone` and `operand AT TIME ZONE LOCAL`.
class AtTimeZone final : public Expression {
 public:
  static constexpr ExpressionKind kKind = ExpressionKind::kAtTimeZone;
  AtTimeZone(SourceLocation location, ExpressionPtr operand, ExpressionPtr zone)
      : Expression(kKind, location), operand(std::move(operand)), zone(std::move(zone)) {}

  ExpressionPtr operand;
  ExpressionPtr zone;  ///< a string or interval expression; null for LOCAL

  std::string ToString() const override;
  ExpressionPtr Copy() const override;
};

}  // namespace switchboard::ast
