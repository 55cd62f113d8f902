// SQL printing and deep copies of expression nodes. Printing adds parentheses only where operator
// precedence needs them, so that the text parses back to the same tree.
#include "sql/parser/ast/expression.h"

#include "sql/parser/ast/query.h"
#include "sql/parser/ast/sql_formatting.h"

namespace switchboard::ast {

namespace {

// Binding strength of an expression's top operator, loosest first; the parser's precedence.
enum Precedence : int {
  kArgumentLevel = 0,  // lambdas and named arguments: only whole arguments
  kOrLevel,
  kAndLevel,
  kNotLevel,
  kPredicateLevel,  // comparisons, IS, BETWEEN, IN, LIKE
  kConcatLevel,
  kAdditiveLevel,
  kMultiplicativeLevel,
  kUnaryLevel,
  kAtTimeZoneLevel,
  kPrimaryLevel,
};

Precedence PrecedenceOf(const Expression& expression) {
  switch (expression.kind) {
    case ExpressionKind::kLambda:
    case ExpressionKind::kNamedArgument:
      return kArgumentLevel;
    case ExpressionKind::kLogical:
      return expression.As<Logical>().op == LogicalOperator::kOr ? kOrLevel : kAndLevel;
    case ExpressionKind::kUnary:
      return expression.As<Unary>().op == UnaryOperator::kNot ? kNotLevel : kUnaryLevel;
    case ExpressionKind::kBinary:
      switch (expression.As<Binary>().op) {
        case BinaryOperator::kConcat:
          return kConcatLevel;
        case BinaryOperator::kAdd:
        case BinaryOperator::kSubtract:
          return kAdditiveLevel;
        case BinaryOperator::kMultiply:
        case BinaryOperator::kDivide:
        case BinaryOperator::kModulo:
          return kMultiplicativeLevel;
        default:
          return kPredicateLevel;
      }
    case ExpressionKind::kBetween:
    case ExpressionKind::kInList:
    case ExpressionKind::kInSubquery:
    case ExpressionKind::kLike:
    case ExpressionKind::kIsNull:
    case ExpressionKind::kQuantifiedComparison:
      return kPredicateLevel;
    case ExpressionKind::kAtTimeZone:
      return kAtTimeZoneLevel;
    case ExpressionKind::kLiteral: {
      // A folded negative number reads like a unary minus.
      const auto& literal = expression.As<Literal>();
      return !literal.text.empty() && literal.text[0] == '-' ? kUnaryLevel : kPrimaryLevel;
    }
    default:
      return kPrimaryLevel;
  }
}

// `expression` in SQL, parenthesized when it binds looser than `min_precedence`.
std::string Operand(const Expression& expression, Precedence min_precedence) {
  std::string text = expression.ToString();
  if (PrecedenceOf(expression) < min_precedence) return "(" + text + ")";
  return text;
}

// The next tighter level, for right operands of left-associative operators.
Precedence Tighter(Precedence precedence) { return static_cast<Precedence>(precedence + 1); }

}  // namespace

ExpressionPtr CopyExpression(const ExpressionPtr& expression) {
  return expression ? expression->Copy() : nullptr;
}

std::vector<ExpressionPtr> CopyExpressions(const std::vector<ExpressionPtr>& expressions) {
  std::vector<ExpressionPtr> copies;
  copies.reserve(expressions.size());
  for (const auto& expression : expressions) copies.push_back(expression->Copy());
  return copies;
}

std::string ExpressionList(const std::vector<ExpressionPtr>& expressions) {
  std::string out;
  for (size_t i = 0; i < expressions.size(); ++i) {
    if (i > 0) out += ", ";
    out += expressions[i]->ToString();
  }
  return out;
}

std::string UnaryOperandSql(const Expression& expression) {
  return Operand(expression, kUnaryLevel);
}

// ---------------------------------------------------------------------------------------------
// Sorting and windows

SortItem SortItem::Copy() const { return SortItem{expression->Copy(), order, nulls, location}; }

std::string SortItem::ToString() const {
  std::string out = expression->ToString();
  if (order == SortOrder::kAscending) out += " ASC";
  if (order == SortOrder::kDescending) out += " DESC";
  if (nulls == NullsOrder::kFirst) out += " NULLS FIRST";
  if (nulls == NullsOrder::kLast) out += " NULLS LAST";
  return out;
}

std::vector<SortItem> CopySortItems(const std::vector<SortItem>& items) {
  std::vector<SortItem> copies;
  copies.reserve(items.size());
  for (const auto& item : items) copies.push_back(item.Copy());
  return copies;
}

std::string SortItemList(const std::vector<SortItem>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += items[i].ToString();
  }
  return out;
}

FrameBound FrameBound::Copy() const { return FrameBound{kind, CopyExpression(offset), location}; }

std::string FrameBound::ToString() const {
  switch (kind) {
    case FrameBoundKind::kUnboundedPreceding:
      return "UNBOUNDED PRECEDING";
    case FrameBoundKind::kPreceding:
      return offset->ToString() + " PRECEDING";
    case FrameBoundKind::kCurrentRow:
      return "CURRENT ROW";
    case FrameBoundKind::kFollowing:
      return offset->ToString() + " FOLLOWING";
    case FrameBoundKind::kUnboundedFollowing:
      return "UNBOUNDED FOLLOWING";
  }
  return {};
}

WindowFrame WindowFrame::Copy() const {
  WindowFrame copy;
  copy.unit = unit;
  copy.start = start.Copy();
  if (end) copy.end = end->Copy();
  copy.exclusion = exclusion;
  copy.location = location;
  return copy;
}

std::string WindowFrame::ToString() const {
  std::string out = unit == FrameUnit::kRows    ? "ROWS "
                    : unit == FrameUnit::kRange ? "RANGE "
                                                : "GROUPS ";
  if (end) {
    out += "BETWEEN " + start.ToString() + " AND " + end->ToString();
  } else {
    out += start.ToString();
  }
  switch (exclusion) {
    case FrameExclusion::kNone:
      break;
    case FrameExclusion::kCurrentRow:
      out += " EXCLUDE CURRENT ROW";
      break;
    case FrameExclusion::kGroup:
      out += " EXCLUDE GROUP";
      break;
    case FrameExclusion::kTies:
      out += " EXCLUDE TIES";
      break;
    case FrameExclusion::kNoOthers:
      out += " EXCLUDE NO OTHERS";
      break;
  }
  return out;
}

WindowSpec WindowSpec::Copy() const {
  WindowSpec copy;
  copy.base_window = base_window;
  copy.partition_by = CopyExpressions(partition_by);
  copy.order_by = CopySortItems(order_by);
  if (frame) copy.frame = frame->Copy();
  copy.location = location;
  return copy;
}

std::string WindowSpec::ToString() const {
  std::string out;
  if (base_window) out = base_window->ToString();
  if (!partition_by.empty())
    AppendWithSeparator(out, " ", "PARTITION BY " + ExpressionList(partition_by));
  if (!order_by.empty()) AppendWithSeparator(out, " ", "ORDER BY " + SortItemList(order_by));
  if (frame) AppendWithSeparator(out, " ", frame->ToString());
  return "(" + out + ")";
}

// ---------------------------------------------------------------------------------------------
// Literals, parameters and names

std::string Literal::ToString() const {
  switch (literal_kind) {
    case LiteralKind::kNull:
      return "NULL";
    case LiteralKind::kBoolean:
      return BooleanValue() ? "TRUE" : "FALSE";
    case LiteralKind::kInteger:
    case LiteralKind::kDecimal:
    case LiteralKind::kDouble:
      return text;
    case LiteralKind::kString:
      return QuoteString(text);
    case LiteralKind::kBinary:
      return "X'" + text + "'";
  }
  return {};
}

ExpressionPtr Literal::Copy() const {
  return std::make_unique<Literal>(location, literal_kind, text);
}

std::string TypedLiteral::ToString() const { return type.ToString() + " " + QuoteString(value); }

ExpressionPtr TypedLiteral::Copy() const {
  return std::make_unique<TypedLiteral>(location, type, value);
}

std::string_view IntervalFieldName(IntervalField field) {
  switch (field) {
    case IntervalField::kNone:
      return "";
    case IntervalField::kYear:
      return "YEAR";
    case IntervalField::kQuarter:
      return "QUARTER";
    case IntervalField::kMonth:
      return "MONTH";
    case IntervalField::kWeek:
      return "WEEK";
    case IntervalField::kDay:
      return "DAY";
    case IntervalField::kHour:
      return "HOUR";
    case IntervalField::kMinute:
      return "MINUTE";
    case IntervalField::kSecond:
      return "SECOND";
    case IntervalField::kMillisecond:
      return "MILLISECOND";
    case IntervalField::kMicrosecond:
      return "MICROSECOND";
  }
  return "";
}

std::string IntervalLiteral::ToString() const {
  std::string out = negative ? "INTERVAL -" : "INTERVAL ";
  out += QuoteString(value);
  if (start != IntervalField::kNone) {
    out += " ";
    out += IntervalFieldName(start);
  }
  if (end != IntervalField::kNone) {
    out += " TO ";
    out += IntervalFieldName(end);
  }
  return out;
}

ExpressionPtr IntervalLiteral::Copy() const {
  return std::make_unique<IntervalLiteral>(location, value, negative, start, end);
}

std::string Parameter::ToString() const { return dollar ? "$" + std::to_string(number) : "?"; }

ExpressionPtr Parameter::Copy() const {
  return std::make_unique<Parameter>(location, number, dollar);
}

std::string ColumnRef::ToString() const { return name.ToString(); }

ExpressionPtr ColumnRef::Copy() const { return std::make_unique<ColumnRef>(location, name); }

std::string Dereference::ToString() const {
  // A bare name or number before the dot would read as a longer name or a decimal point.
  bool needs_parentheses =
      base->Is<ColumnRef>() || base->Is<Literal>() || PrecedenceOf(*base) < kPrimaryLevel;
  std::string base_text = base->ToString();
  if (needs_parentheses) base_text = "(" + base_text + ")";
  return base_text + "." + field.ToString();
}

ExpressionPtr Dereference::Copy() const {
  return std::make_unique<Dereference>(location, base->Copy(), field);
}

std::string Subscript::ToString() const {
  return Operand(*base, kPrimaryLevel) + "[" + index->ToString() + "]";
}

ExpressionPtr Subscript::Copy() const {
  return std::make_unique<Subscript>(location, base->Copy(), index->Copy());
}

// ---------------------------------------------------------------------------------------------
// Function calls and special forms

FunctionCall::~FunctionCall() = default;

std::string FunctionCall::ToString() const {
  std::string out = name.ToString() + "(";
  std::string argument_list = star ? "*" : ExpressionList(arguments);
  if (distinct) {
    out += "DISTINCT ";
  } else if (StartsWithWord(argument_list, "all")) {
    out += "ALL ";
  }
  out += argument_list;
  if (!order_by.empty()) out += " ORDER BY " + SortItemList(order_by);
  out += ")";
  if (filter) out += " FILTER (WHERE " + filter->ToString() + ")";
  if (null_treatment == NullTreatment::kIgnoreNulls) out += " IGNORE NULLS";
  if (null_treatment == NullTreatment::kRespectNulls) out += " RESPECT NULLS";
  if (window_name) out += " OVER " + window_name->ToString();
  if (window) out += " OVER " + window->ToString();
  return out;
}

ExpressionPtr FunctionCall::Copy() const {
  auto copy = std::make_unique<FunctionCall>(location, name);
  copy->arguments = CopyExpressions(arguments);
  copy->distinct = distinct;
  copy->star = star;
  copy->order_by = CopySortItems(order_by);
  copy->filter = CopyExpression(filter);
  copy->null_treatment = null_treatment;
  copy->window_name = window_name;
  if (window) copy->window = std::make_unique<WindowSpec>(window->Copy());
  return copy;
}

std::string Cast::ToString() const {
  return std::string(safe ? "TRY_CAST(" : "CAST(") + operand->ToString() + " AS " +
         type.ToString() + ")";
}

ExpressionPtr Cast::Copy() const {
  return std::make_unique<Cast>(location, operand->Copy(), type, safe);
}

std::string Case::ToString() const {
  std::string out = "CASE";
  if (operand) out += " " + operand->ToString();
  for (const auto& clause : when_clauses) {
    out += " WHEN " + clause.condition->ToString() + " THEN " + clause.result->ToString();
  }
  if (else_result) out += " ELSE " + else_result->ToString();
  out += " END";
  return out;
}

ExpressionPtr Case::Copy() const {
  auto copy = std::make_unique<Case>(location);
  copy->operand = CopyExpression(operand);
  for (const auto& clause : when_clauses) {
    copy->when_clauses.push_back(
        {clause.condition->Copy(), clause.result->Copy(), clause.location});
  }
  copy->else_result = CopyExpression(else_result);
  return copy;
}

std::string Extract::ToString() const {
  return "EXTRACT(" + field.ToString() + " FROM " + operand->ToString() + ")";
}

ExpressionPtr Extract::Copy() const {
  return std::make_unique<Extract>(location, field, operand->Copy());
}

std::string CurrentValue::ToString() const {
  std::string out;
  switch (value) {
    case CurrentValueKind::kDate:
      out = "CURRENT_DATE";
      break;
    case CurrentValueKind::kTime:
      out = "CURRENT_TIME";
      break;
    case CurrentValueKind::kTimestamp:
      out = "CURRENT_TIMESTAMP";
      break;
    case CurrentValueKind::kLocalTime:
      out = "LOCALTIME";
      break;
    case CurrentValueKind::kLocalTimestamp:
      out = "LOCALTIMESTAMP";
      break;
    case CurrentValueKind::kUser:
      out = "CURRENT_USER";
      break;
    case CurrentValueKind::kRole:
      out = "CURRENT_ROLE";
      break;
    case CurrentValueKind::kSchema:
      out = "CURRENT_SCHEMA";
      break;
    case CurrentValueKind::kCatalog:
      out = "CURRENT_CATALOG";
      break;
  }
  if (precision) out += "(" + std::to_string(*precision) + ")";
  return out;
}

ExpressionPtr CurrentValue::Copy() const {
  return std::make_unique<CurrentValue>(location, value, precision);
}

std::string Lambda::ToString() const {
  std::string params =
      parameters.size() == 1 ? parameters[0].ToString() : "(" + IdentifierList(parameters) + ")";
  return params + " -> " + body->ToString();
}

ExpressionPtr Lambda::Copy() const {
  return std::make_unique<Lambda>(location, parameters, body->Copy());
}

std::string NamedArgument::ToString() const { return name.ToString() + " => " + value->ToString(); }

ExpressionPtr NamedArgument::Copy() const {
  return std::make_unique<NamedArgument>(location, name, value->Copy());
}

std::string ArrayConstructor::ToString() const { return "ARRAY[" + ExpressionList(elements) + "]"; }

ExpressionPtr ArrayConstructor::Copy() const {
  return std::make_unique<ArrayConstructor>(location, CopyExpressions(elements));
}

std::string RowConstructor::ToString() const { return "ROW(" + ExpressionList(elements) + ")"; }

ExpressionPtr RowConstructor::Copy() const {
  return std::make_unique<RowConstructor>(location, CopyExpressions(elements));
}

// ---------------------------------------------------------------------------------------------
// Operators and predicates

std::string Unary::ToString() const {
  if (op == UnaryOperator::kNot) return "NOT " + Operand(*operand, kNotLevel);
  std::string text = Operand(*operand, kUnaryLevel);
  // "- -5", never "--5", which would start a comment.
  std::string sign = op == UnaryOperator::kMinus ? "-" : "+";
  if (text[0] == '-' || text[0] == '+') sign += " ";
  return sign + text;
}

ExpressionPtr Unary::Copy() const { return std::make_unique<Unary>(location, op, operand->Copy()); }

std::string_view BinaryOperatorSql(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::kEqual:
      return "=";
    case BinaryOperator::kNotEqual:
      return "<>";
    case BinaryOperator::kLess:
      return "<";
    case BinaryOperator::kLessEqual:
      return "<=";
    case BinaryOperator::kGreater:
      return ">";
    case BinaryOperator::kGreaterEqual:
      return ">=";
    case BinaryOperator::kIsDistinctFrom:
      return "IS DISTINCT FROM";
    case BinaryOperator::kIsNotDistinctFrom:
      return "IS NOT DISTINCT FROM";
    case BinaryOperator::kAdd:
      return "+";
    case BinaryOperator::kSubtract:
      return "-";
    case BinaryOperator::kMultiply:
      return "*";
    case BinaryOperator::kDivide:
      return "/";
    case BinaryOperator::kModulo:
      return "%";
    case BinaryOperator::kConcat:
      return "||";
  }
  return "";
}

bool IsComparison(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::kEqual:
    case BinaryOperator::kNotEqual:
    case BinaryOperator::kLess:
    case BinaryOperator::kLessEqual:
    case BinaryOperator::kGreater:
    case BinaryOperator::kGreaterEqual:
    case BinaryOperator::kIsDistinctFrom:
    case BinaryOperator::kIsNotDistinctFrom:
      return true;
    default:
      return false;
  }
}

std::string Binary::ToString() const {
  Precedence precedence = PrecedenceOf(*this);
  return Operand(*left, precedence) + " " + std::string(BinaryOperatorSql(op)) + " " +
         Operand(*right, Tighter(precedence));
}

ExpressionPtr Binary::Copy() const {
  return std::make_unique<Binary>(location, op, left->Copy(), right->Copy(), operator_location);
}

std::string Logical::ToString() const {
  Precedence precedence = PrecedenceOf(*this);
  std::string_view separator = op == LogicalOperator::kAnd ? " AND " : " OR ";
  std::string out;
  for (size_t i = 0; i < operands.size(); ++i) {
    if (i > 0) out += separator;
    out += Operand(*operands[i], Tighter(precedence));
  }
  return out;
}

ExpressionPtr Logical::Copy() const {
  return std::make_unique<Logical>(location, op, CopyExpressions(operands));
}

std::string Between::ToString() const {
  return Operand(*operand, kPredicateLevel) + (negated ? " NOT BETWEEN " : " BETWEEN ") +
         (symmetric ? "SYMMETRIC " : "") + Operand(*lower, kConcatLevel) + " AND " +
         Operand(*upper, kConcatLevel);
}

ExpressionPtr Between::Copy() const {
  return std::make_unique<Between>(location, operand->Copy(), lower->Copy(), upper->Copy(), negated,
                                   symmetric);
}

std::string InList::ToString() const {
  return Operand(*operand, kPredicateLevel) + (negated ? " NOT IN (" : " IN (") +
         ExpressionList(values) + ")";
}

ExpressionPtr InList::Copy() const {
  return std::make_unique<InList>(location, operand->Copy(), CopyExpressions(values), negated);
}

InSubquery::InSubquery(SourceLocation location, ExpressionPtr operand, std::unique_ptr<Query> query,
                       bool negated)
    : Expression(kKind, location),
      operand(std::move(operand)),
      query(std::move(query)),
      negated(negated) {}

InSubquery::~InSubquery() = default;

std::string InSubquery::ToString() const {
  return Operand(*operand, kPredicateLevel) + (negated ? " NOT IN (" : " IN (") +
         query->ToString() + ")";
}

ExpressionPtr InSubquery::Copy() const {
  return std::make_unique<InSubquery>(location, operand->Copy(), query->Copy(), negated);
}

std::string Like::ToString() const {
  std::string out = Operand(*operand, kPredicateLevel);
  out += negated ? " NOT " : " ";
  out += case_insensitive ? "ILIKE " : "LIKE ";
  out += Operand(*pattern, kConcatLevel);
  if (escape) out += " ESCAPE " + Operand(*escape, kConcatLevel);
  return out;
}

ExpressionPtr Like::Copy() const {
  return std::make_unique<Like>(location, operand->Copy(), pattern->Copy(), CopyExpression(escape),
                                negated, case_insensitive);
}

std::string IsNull::ToString() const {
  return Operand(*operand, kPredicateLevel) + (negated ? " IS NOT NULL" : " IS NULL");
}

ExpressionPtr IsNull::Copy() const {
  return std::make_unique<IsNull>(location, operand->Copy(), negated);
}

QuantifiedComparison::QuantifiedComparison(SourceLocation location, BinaryOperator op,
                                           Quantifier quantifier, ExpressionPtr operand,
                                           std::unique_ptr<Query> query)
    : Expression(kKind, location),
      op(op),
      quantifier(quantifier),
      operand(std::move(operand)),
      query(std::move(query)) {}

QuantifiedComparison::~QuantifiedComparison() = default;

std::string QuantifiedComparison::ToString() const {
  return Operand(*operand, kPredicateLevel) + " " + std::string(BinaryOperatorSql(op)) +
         (quantifier == Quantifier::kAll ? " ALL (" : " ANY (") + query->ToString() + ")";
}

ExpressionPtr QuantifiedComparison::Copy() const {
  return std::make_unique<QuantifiedComparison>(location, op, quantifier, operand->Copy(),
                                                query->Copy());
}

Exists::Exists(SourceLocation location, std::unique_ptr<Query> query)
    : Expression(kKind, location), query(std::move(query)) {}

Exists::~Exists() = default;

std::string Exists::ToString() const { return "EXISTS (" + query->ToString() + ")"; }

ExpressionPtr Exists::Copy() const { return std::make_unique<Exists>(location, query->Copy()); }

SubqueryExpression::SubqueryExpression(SourceLocation location, std::unique_ptr<Query> query)
    : Expression(kKind, location), query(std::move(query)) {}

SubqueryExpression::~SubqueryExpression() = default;

std::string SubqueryExpression::ToString() const { return "(" + query->ToString() + ")"; }

ExpressionPtr SubqueryExpression::Copy() const {
  return std::make_unique<SubqueryExpression>(location, query->Copy());
}

std::string AtTimeZone::ToString() const {
  return Operand(*operand, kAtTimeZoneLevel) + " AT TIME ZONE " +
         (zone ? Operand(*zone, kPrimaryLevel) : "LOCAL");
}

ExpressionPtr AtTimeZone::Copy() const {
  return std::make_unique<AtTimeZone>(location, operand->Copy(), CopyExpression(zone));
}

}  // namespace switchboard::ast
