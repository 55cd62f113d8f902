// Expression binding.
#include "sql/binder/expression_binder.h"

#include <algorithm>
#include <cmath>

#include "common/string_util.h"
#include "common/time_zone.h"
#include "function/cast.h"
#include "function/query_context.h"
#include "function/type_coercion.h"
#include "sql/binder/binder.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard {

namespace {

[[noreturn]] void ThrowAt(const ast::SourceLocation& location, ErrorCode code, const std::string& message) {
  throw Exception(code, LocationPrefix(location) + message);
}

// Rethrows an exception with the location prefix unless it already has one.
template <typename Fn>
auto WithLocation(const ast::SourceLocation& location, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Exception& e) {
    if (StartsWith(e.error().message, "line ")) throw;
    throw Exception(e.code(), LocationPrefix(location) + e.error().message);
  }
}

bool IsVarcharLiteral(const Expression& e) {
  return e.kind == ExpressionKind::kConstant && e.type.IsString();
}

// Restores Binder::active_scope_ when a clause is done.
class ActiveScope {
 public:
  ActiveScope(BindScope*& slot, BindScope* scope) : slot_(slot), saved_(slot) { slot_ = scope; }
  ~ActiveScope() { slot_ = saved_; }

 private:
  BindScope*& slot_;
  BindScope* saved_;
};

std::string ExtractFunctionName(const std::string& field) {
  std::string f = ToLower(field);
  if (f == "dow") return "day_of_week";
  if (f == "doy") return "day_of_year";
  if (f == "yow") return "year_of_week";
  if (f == "day_of_month") return "day";
  return f;
}

int64_t CheckedInterval(long double value, const ast::SourceLocation& location) {
  if (!std::isfinite(static_cast<double>(value)) || std::fabs(static_cast<double>(value)) > 9.2e18) {
    ThrowAt(location, ErrorCode::kNumericOverflow, "Interval value out of range");
  }
  return static_cast<int64_t>(std::llround(static_cast<double>(value)));
}

}  // namespace

std::string LocationPrefix(const ast::SourceLocation& location) {
  if (location.line == 0) return "";
  return fmt::format("line {}:{}: ", location.line, location.column);
}

ExpressionBinder::ExpressionBinder(Binder& binder, BindScope& scope, Options options)
    : binder_(binder), scope_(scope), options_(options) {}

ExpressionPtr ExpressionBinder::BindCondition(const ast::Expression& expression) {
  ExpressionPtr bound = Bind(expression);
  if (bound->type.id() == TypeId::kBoolean) return bound;
  if (bound->type.id() == TypeId::kUnknown) return MakeCast(std::move(bound), TypeId::kBoolean);
  ThrowAt(expression.location, ErrorCode::kTypeMismatch,
          fmt::format("{} must evaluate to a boolean: actual type {}", options_.clause, bound->type.ToString()));
}

ExpressionPtr ExpressionBinder::Coerce(ExpressionPtr expression, const LogicalType& target,
                                       const ast::SourceLocation& location) {
  if (expression->type == target) return expression;
  if (CanCoerce(expression->type, target)) return MakeCast(std::move(expression), target);
  if (IsVarcharLiteral(*expression)) {
    Value converted = WithLocation(location, [&] {
      return CastValue(expression->As<ConstantExpression>().value, target);
    });
    return MakeConstant(std::move(converted));
  }
  ThrowAt(location, ErrorCode::kTypeMismatch,
          fmt::format("Cannot use a value of type {} where {} is expected", expression->type.ToString(), target.ToString()));
}

void ExpressionBinder::CoerceToCommonType(std::vector<ExpressionPtr*> operands, const ast::SourceLocation& location,
                                          const std::string& what) {
  // String literals adapt to the other operands' type; everything else must have a common type.
  std::optional<LogicalType> common;
  bool all_literals = true;
  bool has_string_literal = false;
  for (ExpressionPtr* operand : operands) {
    if (IsVarcharLiteral(**operand)) {
      has_string_literal = true;
      continue;
    }
    all_literals = false;
    if (!common) {
      common = (*operand)->type;
      continue;
    }
    auto next = CommonSuperType(*common, (*operand)->type);
    if (!next) {
      std::vector<std::string> types;
      for (ExpressionPtr* o : operands) types.push_back((*o)->type.ToString());
      ThrowAt(location, ErrorCode::kTypeMismatch, fmt::format("{}: {}", what, Join(types, ", ")));
    }
    common = next;
  }
  // Only string literals and untyped NULLs: the literals decide (VARCHAR).
  if (all_literals || (common->id() == TypeId::kUnknown && has_string_literal)) {
    common = LogicalType::Varchar();
    for (ExpressionPtr* operand : operands) common = *CommonSuperType(*common, (*operand)->type);
  }
  if (common->id() == TypeId::kUnknown) return;
  for (ExpressionPtr* operand : operands) *operand = Coerce(std::move(*operand), *common, location);
}

ExpressionPtr ExpressionBinder::Bind(const ast::Expression& expression) {
  ActiveScope active(binder_.active_scope_, &scope_);
  const auto& location = expression.location;
  switch (expression.kind) {
    case ast::ExpressionKind::kLiteral:
      return BindLiteral(expression.As<ast::Literal>());
    case ast::ExpressionKind::kTypedLiteral:
      return BindTypedLiteral(expression.As<ast::TypedLiteral>());
    case ast::ExpressionKind::kIntervalLiteral:
      return BindInterval(expression.As<ast::IntervalLiteral>());
    case ast::ExpressionKind::kParameter:
      ThrowAt(location, ErrorCode::kNotSupported, "Parameters ('?' and '$n') are only allowed in prepared statements");
    case ast::ExpressionKind::kColumnRef:
      return BindColumnRef(expression.As<ast::ColumnRef>());
    case ast::ExpressionKind::kDereference: {
      const auto& d = expression.As<ast::Dereference>();
      return BindFieldAccess(Bind(*d.base), d.field, location);
    }
    case ast::ExpressionKind::kSubscript: {
      const auto& s = expression.As<ast::Subscript>();
      ExpressionList args;
      args.push_back(Bind(*s.base));
      args.push_back(Bind(*s.index));
      return CallFunction("subscript", std::move(args), location);
    }
    case ast::ExpressionKind::kFunctionCall:
      return BindFunction(expression.As<ast::FunctionCall>());
    case ast::ExpressionKind::kCast: {
      const auto& c = expression.As<ast::Cast>();
      ExpressionPtr operand = Bind(*c.operand);
      LogicalType target = WithLocation(c.type.location.line ? c.type.location : location,
                                        [&] { return binder_.BindType(c.type); });
      if (!CanCast(operand->type, target)) {
        ThrowAt(location, ErrorCode::kTypeMismatch,
                fmt::format("Cannot cast {} to {}", operand->type.ToString(), target.ToString()));
      }
      return MakeCast(std::move(operand), target, c.safe);
    }
    case ast::ExpressionKind::kUnary: {
      const auto& u = expression.As<ast::Unary>();
      if (u.op == ast::UnaryOperator::kNot) return MakeNot(BindCondition(*u.operand));
      ExpressionPtr operand = Bind(*u.operand);
      if (u.op == ast::UnaryOperator::kPlus) {
        if (!operand->type.IsNumeric() && operand->type.id() != TypeId::kUnknown &&
            operand->type.id() != TypeId::kIntervalDayTime && operand->type.id() != TypeId::kIntervalYearMonth) {
          ThrowAt(location, ErrorCode::kTypeMismatch, fmt::format("Cannot apply operator: + {}", operand->type.ToString()));
        }
        return operand;
      }
      ExpressionList args;
      args.push_back(std::move(operand));
      return CallFunction("-", std::move(args), location);
    }
    case ast::ExpressionKind::kBinary:
      return BindBinary(expression.As<ast::Binary>());
    case ast::ExpressionKind::kLogical: {
      const auto& l = expression.As<ast::Logical>();
      ExpressionList operands;
      for (const auto& o : l.operands) operands.push_back(BindCondition(*o));
      return l.op == ast::LogicalOperator::kAnd ? MakeAnd(std::move(operands)) : MakeOr(std::move(operands));
    }
    case ast::ExpressionKind::kBetween: {
      // Each comparison binds its own copy of the operands (a subquery cannot be shared).
      const auto& b = expression.As<ast::Between>();
      auto range = [&](const ast::Expression& low, const ast::Expression& high) {
        ExpressionList both;
        both.push_back(BindComparison(ComparisonOp::kGreaterEqual, Bind(*b.operand), Bind(low), location));
        both.push_back(BindComparison(ComparisonOp::kLessEqual, Bind(*b.operand), Bind(high), location));
        return MakeAnd(std::move(both));
      };
      ExpressionPtr result;
      if (b.symmetric) {
        ExpressionList either;
        either.push_back(range(*b.lower, *b.upper));
        either.push_back(range(*b.upper, *b.lower));
        result = MakeOr(std::move(either));
      } else {
        result = range(*b.lower, *b.upper);
      }
      return b.negated ? MakeNot(std::move(result)) : std::move(result);
    }
    case ast::ExpressionKind::kInList: {
      const auto& in = expression.As<ast::InList>();
      if (in.values.empty()) return MakeConstant(Value::Boolean(in.negated));
      ExpressionList operands;
      operands.push_back(Bind(*in.operand));
      for (const auto& v : in.values) operands.push_back(Bind(*v));
      std::vector<ExpressionPtr*> slots;
      for (auto& o : operands) slots.push_back(&o);
      CoerceToCommonType(slots, location, "IN value and list items must be the same type");
      return std::make_unique<OperatorExpression>(ExpressionKind::kInList, TypeId::kBoolean, std::move(operands), in.negated);
    }
    case ast::ExpressionKind::kInSubquery: {
      const auto& in = expression.As<ast::InSubquery>();
      ExpressionPtr result = BindSubquery(*in.query, SubqueryKind::kAny, Bind(*in.operand), ComparisonOp::kEqual, location);
      return in.negated ? MakeNot(std::move(result)) : std::move(result);
    }
    case ast::ExpressionKind::kLike: {
      const auto& like = expression.As<ast::Like>();
      ExpressionList args;
      args.push_back(Bind(*like.operand));
      args.push_back(Bind(*like.pattern));
      if (like.escape) args.push_back(Bind(*like.escape));
      ExpressionPtr result = CallFunction(like.case_insensitive ? "ilike" : "like", std::move(args), location);
      return like.negated ? MakeNot(std::move(result)) : std::move(result);
    }
    case ast::ExpressionKind::kIsNull: {
      const auto& n = expression.As<ast::IsNull>();
      return MakeIsNull(Bind(*n.operand), n.negated);
    }
    case ast::ExpressionKind::kQuantifiedComparison: {
      const auto& q = expression.As<ast::QuantifiedComparison>();
      ComparisonOp op;
      switch (q.op) {
        case ast::BinaryOperator::kEqual: op = ComparisonOp::kEqual; break;
        case ast::BinaryOperator::kNotEqual: op = ComparisonOp::kNotEqual; break;
        case ast::BinaryOperator::kLess: op = ComparisonOp::kLess; break;
        case ast::BinaryOperator::kLessEqual: op = ComparisonOp::kLessEqual; break;
        case ast::BinaryOperator::kGreater: op = ComparisonOp::kGreater; break;
        case ast::BinaryOperator::kGreaterEqual: op = ComparisonOp::kGreaterEqual; break;
        default: ThrowAt(location, ErrorCode::kNotSupported, "Quantified comparisons need =, <>, <, <=, > or >=");
      }
      return BindSubquery(*q.query, q.quantifier == ast::Quantifier::kAll ? SubqueryKind::kAll : SubqueryKind::kAny,
                          Bind(*q.operand), op, location);
    }
    case ast::ExpressionKind::kExists:
      return BindSubquery(*expression.As<ast::Exists>().query, SubqueryKind::kExists, nullptr, ComparisonOp::kEqual, location);
    case ast::ExpressionKind::kSubquery:
      return BindSubquery(*expression.As<ast::SubqueryExpression>().query, SubqueryKind::kScalar, nullptr,
                          ComparisonOp::kEqual, location);
    case ast::ExpressionKind::kCase:
      return BindCase(expression.As<ast::Case>());
    case ast::ExpressionKind::kArrayConstructor: {
      const auto& a = expression.As<ast::ArrayConstructor>();
      ExpressionList elements;
      for (const auto& e : a.elements) elements.push_back(Bind(*e));
      std::vector<ExpressionPtr*> slots;
      for (auto& e : elements) slots.push_back(&e);
      if (!slots.empty()) CoerceToCommonType(slots, location, "All ARRAY elements must be the same type");
      return CallFunction("array_constructor", std::move(elements), location);
    }
    case ast::ExpressionKind::kRowConstructor: {
      ExpressionList elements;
      for (const auto& e : expression.As<ast::RowConstructor>().elements) elements.push_back(Bind(*e));
      return CallFunction("row_constructor", std::move(elements), location);
    }
    case ast::ExpressionKind::kExtract: {
      const auto& e = expression.As<ast::Extract>();
      ExpressionList args;
      args.push_back(Bind(*e.operand));
      return CallFunction(ExtractFunctionName(e.field.name), std::move(args), location);
    }
    case ast::ExpressionKind::kCurrentValue: {
      const auto& c = expression.As<ast::CurrentValue>();
      ExpressionList args;
      if (c.precision) args.push_back(MakeConstant(Value::Bigint(*c.precision)));
      const QueryContext* query = binder_.environment().query;
      switch (c.value) {
        case ast::CurrentValueKind::kDate: return CallFunction("current_date", std::move(args), location);
        case ast::CurrentValueKind::kTime: return CallFunction("current_time", std::move(args), location);
        case ast::CurrentValueKind::kTimestamp: return CallFunction("current_timestamp", std::move(args), location);
        case ast::CurrentValueKind::kLocalTime: return CallFunction("localtime", std::move(args), location);
        case ast::CurrentValueKind::kLocalTimestamp: return CallFunction("localtimestamp", std::move(args), location);
        case ast::CurrentValueKind::kUser:
        case ast::CurrentValueKind::kRole:
          return MakeConstant(Value::Varchar(query ? query->user : ""));
        case ast::CurrentValueKind::kSchema:
          return MakeConstant(Value::Varchar(binder_.environment().current_schema));
        case ast::CurrentValueKind::kCatalog:
          return MakeConstant(Value::Varchar(binder_.environment().current_catalog));
      }
      break;
    }
    case ast::ExpressionKind::kAtTimeZone: {
      const auto& a = expression.As<ast::AtTimeZone>();
      ExpressionList args;
      args.push_back(Bind(*a.operand));
      const QueryContext* query = binder_.environment().query;
      args.push_back(a.zone ? Bind(*a.zone)
                            : MakeConstant(Value::Varchar(TimeZone::Name(query ? query->time_zone : TimeZone::kUtc))));
      return CallFunction("at_timezone", std::move(args), location);
    }
    case ast::ExpressionKind::kLambda:
      ThrowAt(location, ErrorCode::kSyntaxError, "Lambda expressions are only allowed as function arguments");
    case ast::ExpressionKind::kNamedArgument:
      ThrowAt(location, ErrorCode::kSyntaxError,
              fmt::format("Named argument '{}' is only allowed in calls of table functions and procedures",
                          expression.As<ast::NamedArgument>().name.name));
  }
  ThrowAt(location, ErrorCode::kInternal, "unsupported expression");
}

ExpressionPtr ExpressionBinder::BindLiteral(const ast::Literal& literal) {
  const auto& location = literal.location;
  switch (literal.literal_kind) {
    case ast::LiteralKind::kNull:
      return MakeConstant(Value());
    case ast::LiteralKind::kBoolean:
      return MakeConstant(Value::Boolean(literal.BooleanValue()));
    case ast::LiteralKind::kString:
      return MakeConstant(Value::Varchar(literal.text));
    case ast::LiteralKind::kBinary: {
      std::string bytes;
      const std::string& hex = literal.text;
      if (hex.size() % 2 != 0) ThrowAt(location, ErrorCode::kSyntaxError, "Binary literal must have an even number of hex digits");
      for (size_t i = 0; i < hex.size(); i += 2) {
        bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
      }
      return MakeConstant(Value::Varbinary(std::move(bytes)));
    }
    case ast::LiteralKind::kInteger: {
      auto value = Decimal::ParseInt128(literal.text);
      if (value) {
        if (*value >= INT32_MIN && *value <= INT32_MAX) return MakeConstant(Value::Integer(static_cast<int32_t>(*value)));
        if (*value >= INT64_MIN && *value <= INT64_MAX) return MakeConstant(Value::Bigint(static_cast<int64_t>(*value)));
      }
      std::string digits = literal.text[0] == '-' ? literal.text.substr(1) : literal.text;
      if (value && digits.size() <= 38) {
        return MakeConstant(Value::Decimal(*value, static_cast<int>(digits.size()), 0));
      }
      ThrowAt(location, ErrorCode::kNumericOverflow, fmt::format("Invalid numeric literal: {}", literal.text));
    }
    case ast::LiteralKind::kDecimal: {
      std::string text = literal.text[0] == '-' ? literal.text.substr(1) : literal.text;
      size_t point = text.find('.');
      std::string integer = text.substr(0, point);
      std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
      integer.erase(0, std::min(integer.find_first_not_of('0'), integer.size()));
      int scale = static_cast<int>(fraction.size());
      int precision = std::max<int>(static_cast<int>(integer.size()) + scale, 1);
      if (precision > 38) return MakeConstant(Value::Double(std::strtod(literal.text.c_str(), nullptr)));
      auto unscaled = Decimal::Parse(literal.text, precision, scale);
      if (!unscaled) ThrowAt(location, ErrorCode::kSyntaxError, fmt::format("Invalid decimal literal: {}", literal.text));
      return MakeConstant(Value::Decimal(*unscaled, precision, scale));
    }
    case ast::LiteralKind::kDouble:
      return MakeConstant(Value::Double(std::strtod(literal.text.c_str(), nullptr)));
  }
  ThrowAt(location, ErrorCode::kInternal, "unknown literal");
}

ExpressionPtr ExpressionBinder::BindTypedLiteral(const ast::TypedLiteral& literal) {
  const auto& location = literal.location;
  LogicalType type = WithLocation(location, [&] { return binder_.BindType(literal.type); });
  // TIME and TIMESTAMP literals take the precision they are written with (up to microseconds),
  // and a TIMESTAMP with a zone is a TIMESTAMP WITH TIME ZONE, as in Trino.
  bool explicit_precision = !literal.type.params.empty();
  if (type.id() == TypeId::kTimestamp || type.id() == TypeId::kTimestampTz || type.id() == TypeId::kTime) {
    auto invalid = [&]() -> ExpressionPtr {
      ThrowAt(location, ErrorCode::kInvalidDatetime,
              fmt::format("'{}' is not a valid {} literal", literal.value, TypeIdName(type.id())));
    };
    int digits = 0;
    size_t dot = literal.value.find('.');
    if (dot != std::string::npos) {
      while (dot + 1 + digits < literal.value.size() && std::isdigit(static_cast<unsigned char>(literal.value[dot + 1 + digits]))) {
        ++digits;
      }
    }
    int precision = explicit_precision ? type.precision() : std::min(digits, LogicalType::kMaxTimestampPrecision);
    if (type.id() == TypeId::kTime) {
      auto parsed = Time::Parse(literal.value);
      if (!parsed) return invalid();
      return MakeConstant(CastValue(Value::Time(*parsed, 6), LogicalType::Time(precision)));
    }
    auto parsed = Timestamp::Parse(literal.value);
    if (!parsed) return invalid();
    if (parsed->zone || type.id() == TypeId::kTimestampTz) {
      int16_t zone = parsed->zone.value_or(binder_.environment().query ? binder_.environment().query->time_zone : TimeZone::kUtc);
      Value value = Value::TimestampWithZone(Timestamp::FromLocal(parsed->micros, zone), 6);
      return MakeConstant(CastValue(value, LogicalType::TimestampTz(precision)));
    }
    return MakeConstant(CastValue(Value::Timestamp(parsed->micros, 6), LogicalType::Timestamp(precision)));
  }
  if (type.id() == TypeId::kDecimal && !explicit_precision) {
    ast::Literal as_number(location, ast::LiteralKind::kDecimal, std::string(TrimWhitespace(literal.value)));
    if (as_number.text.find('.') == std::string::npos) as_number.literal_kind = ast::LiteralKind::kInteger;
    ExpressionPtr number = BindLiteral(as_number);
    if (number->type.id() == TypeId::kDecimal) return number;
    return MakeConstant(CastValue(number->As<ConstantExpression>().value,
                                  DecimalForIntegral(number->type)));
  }
  if (type.id() == TypeId::kJson) {
    // JSON '...' parses its text (CAST of a varchar to JSON would make a JSON string instead).
    ExpressionList args;
    args.push_back(MakeConstant(Value::Varchar(literal.value)));
    return CallFunction("json_parse", std::move(args), location);
  }
  return MakeConstant(WithLocation(location, [&] { return CastValue(Value::Varchar(literal.value), type); }));
}

ExpressionPtr ExpressionBinder::BindInterval(const ast::IntervalLiteral& literal) {
  const auto& location = literal.location;
  using F = ast::IntervalField;
  auto invalid = [&]() -> ExpressionPtr {
    ThrowAt(location, ErrorCode::kInvalidDatetime, fmt::format("Invalid interval literal: '{}'", literal.value));
  };
  auto is_year_month = [](F f) { return f == F::kYear || f == F::kQuarter || f == F::kMonth; };
  auto micros_per = [](F f) -> int64_t {
    switch (f) {
      case F::kWeek: return 7 * kMicrosPerDay;
      case F::kDay: return kMicrosPerDay;
      case F::kHour: return kMicrosPerHour;
      case F::kMinute: return kMicrosPerMinute;
      case F::kSecond: return kMicrosPerSecond;
      case F::kMillisecond: return kMicrosPerMilli;
      case F::kMicrosecond: return 1;
      default: return 0;
    }
  };
  auto months_per = [](F f) { return f == F::kYear ? 12 : f == F::kQuarter ? 3 : 1; };
  int sign = literal.negative ? -1 : 1;
  std::string text(TrimWhitespace(literal.value));
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    if (text[0] == '-') sign = -sign;
    text = std::string(TrimWhitespace(text.substr(1)));
  }
  auto number = [&](const std::string& s, long double& out) {
    char* end = nullptr;
    out = std::strtold(s.c_str(), &end);
    return !s.empty() && end && *end == '\0';
  };
  if (literal.start == F::kNone) {
    // '2 days', '1 year 3 months', '3 hours 30 minutes'
    auto words = Split(text, ' ');
    words.erase(std::remove(words.begin(), words.end(), ""), words.end());
    if (words.empty() || words.size() % 2 != 0) return invalid();
    int64_t months = 0, micros = 0;
    for (size_t i = 0; i < words.size(); i += 2) {
      long double n;
      if (!number(words[i], n)) return invalid();
      std::string unit = ToLower(words[i + 1]);
      if (EndsWith(unit, "s") && unit.size() > 1) unit.pop_back();
      static const std::vector<std::pair<std::string, F>> kUnits = {
          {"year", F::kYear}, {"quarter", F::kQuarter}, {"month", F::kMonth}, {"week", F::kWeek},
          {"day", F::kDay}, {"hour", F::kHour}, {"minute", F::kMinute}, {"second", F::kSecond},
          {"millisecond", F::kMillisecond}, {"microsecond", F::kMicrosecond}};
      auto it = std::find_if(kUnits.begin(), kUnits.end(), [&](const auto& u) { return u.first == unit; });
      if (it == kUnits.end()) return invalid();
      if (is_year_month(it->second)) months += CheckedInterval(n * months_per(it->second), location);
      else micros += CheckedInterval(n * micros_per(it->second), location);
    }
    if (months != 0 && micros != 0) {
      ThrowAt(location, ErrorCode::kNotSupported,
              fmt::format("Interval '{}' mixes months and days; use separate intervals", literal.value));
    }
    if (months != 0) return MakeConstant(Value::IntervalYearMonth(static_cast<int32_t>(sign * months)));
    return MakeConstant(Value::IntervalDayTime(sign * micros));
  }
  if (literal.end == F::kNone) {
    long double n;
    if (!number(text, n)) return invalid();
    if (is_year_month(literal.start)) {
      return MakeConstant(Value::IntervalYearMonth(static_cast<int32_t>(sign * CheckedInterval(n * months_per(literal.start), location))));
    }
    return MakeConstant(Value::IntervalDayTime(sign * CheckedInterval(n * micros_per(literal.start), location)));
  }
  if (literal.start == F::kYear && literal.end == F::kMonth) {
    auto parts = Split(text, '-');
    long double years, months;
    if (parts.size() != 2 || !number(parts[0], years) || !number(parts[1], months)) return invalid();
    return MakeConstant(Value::IntervalYearMonth(static_cast<int32_t>(sign * (years * 12 + months))));
  }
  // DAY|HOUR|MINUTE TO HOUR|MINUTE|SECOND: 'D H:M:S.f' with the leading fields as given.
  std::vector<F> fields;
  for (F f : {F::kDay, F::kHour, F::kMinute, F::kSecond}) {
    if (f >= literal.start && f <= literal.end) fields.push_back(f);
  }
  std::vector<std::string> values;
  std::string rest = text;
  if (literal.start == F::kDay) {
    size_t space = rest.find(' ');
    if (space == std::string::npos) return invalid();
    values.push_back(rest.substr(0, space));
    rest = std::string(TrimWhitespace(rest.substr(space + 1)));
  }
  for (auto& part : Split(rest, ':')) values.push_back(part);
  if (values.size() != fields.size()) return invalid();
  long double total = 0;
  for (size_t i = 0; i < fields.size(); ++i) {
    long double n;
    if (!number(values[i], n)) return invalid();
    total += n * micros_per(fields[i]);
  }
  return MakeConstant(Value::IntervalDayTime(sign * CheckedInterval(total, location)));
}

ExpressionPtr ExpressionBinder::BindColumnRef(const ast::ColumnRef& ref) {
  const auto& parts = ref.name.parts;
  const auto& location = ref.location;
  // Lambda parameters shadow columns.
  for (size_t depth = 0; depth < lambda_scopes_.size(); ++depth) {
    const auto& params = lambda_scopes_[lambda_scopes_.size() - 1 - depth];
    for (size_t i = 0; i < params.size(); ++i) {
      if (!EqualsIgnoreCase(params[i].first, parts[0].name)) continue;
      ExpressionPtr result = std::make_unique<LambdaParameterExpression>(params[i].second, params[i].first, i, depth);
      for (size_t p = 1; p < parts.size(); ++p) result = BindFieldAccess(std::move(result), parts[p], location);
      return result;
    }
  }
  // This query, then the enclosing ones (correlated references).
  Binder* binder = &binder_;
  BindScope* scope = &scope_;
  for (idx_t depth = 0; binder != nullptr; ++depth) {
    if (scope != nullptr) {
      size_t max_qualifier = std::min<size_t>(parts.size() - 1, 3);
      for (size_t k = max_qualifier + 1; k-- > 0;) {
        std::vector<std::string> qualifier;
        for (size_t i = 0; i < k; ++i) qualifier.push_back(parts[i].name);
        if (k > 0 && !scope->HasRelation(qualifier)) continue;
        ColumnLookup found = scope->Find(qualifier, parts[k].name, parts[k].quoted);
        if (found.ambiguous) {
          ThrowAt(location, ErrorCode::kAmbiguousName, fmt::format("Column '{}' is ambiguous", ref.name.ToString()));
        }
        ExpressionPtr result;
        if (found.using_expression) {
          if (depth > 0) break;  // USING columns of enclosing queries resolve through their tables
          result = found.using_expression->Copy();
        } else if (found.column) {
          result = std::make_unique<ColumnRefExpression>(found.column->type, found.column->binding, depth);
          result->alias = found.column->name;
          if (depth > 0) binder_.AddCorrelated(found.column->binding, found.column->type, depth);
        } else {
          continue;
        }
        for (size_t p = k + 1; p < parts.size(); ++p) result = BindFieldAccess(std::move(result), parts[p], location);
        return result;
      }
    }
    scope = binder->parent_ ? binder->parent_->active_scope_ : nullptr;
    binder = binder->parent_;
  }
  std::string message = fmt::format("Column '{}' cannot be resolved", ref.name.ToString());
  message += DidYouMean(parts.back().name, scope_.ColumnNames());
  ThrowAt(location, ErrorCode::kUndefinedColumn, message);
}

ExpressionPtr ExpressionBinder::BindFieldAccess(ExpressionPtr base, const ast::Identifier& field,
                                                const ast::SourceLocation& location) {
  if (base->type.id() != TypeId::kRow) {
    ThrowAt(location, ErrorCode::kTypeMismatch,
            fmt::format("Cannot access field '{}' of a value of type {}", field.name, base->type.ToString()));
  }
  ExpressionList args;
  args.push_back(std::move(base));
  args.push_back(MakeConstant(Value::Varchar(field.name)));
  return CallFunction("$field", std::move(args), location);
}

std::vector<std::optional<Value>> ExpressionBinder::ConstantArguments(const ExpressionList& arguments) const {
  std::vector<std::optional<Value>> constants;
  for (const auto& a : arguments) {
    if (a->kind == ExpressionKind::kConstant) constants.push_back(a->As<ConstantExpression>().value);
    else constants.emplace_back();
  }
  return constants;
}

ExpressionPtr ExpressionBinder::CallFunction(const std::string& name, ExpressionList arguments,
                                             const ast::SourceLocation& location) {
  std::vector<LogicalType> types;
  for (const auto& a : arguments) types.push_back(a->type);
  const FunctionRegistry& registry = *binder_.environment().functions;
  ResolvedScalar resolved = WithLocation(location, [&] {
    return registry.ResolveScalar(name, types, ConstantArguments(arguments));
  });
  for (size_t i = 0; i < arguments.size() && i < resolved.parameter_types.size(); ++i) {
    if (arguments[i]->kind == ExpressionKind::kLambda) continue;
    if (resolved.parameter_types[i].IsValid()) arguments[i] = CastIfNeeded(std::move(arguments[i]), resolved.parameter_types[i]);
  }
  return std::make_unique<FunctionExpression>(std::move(resolved.function), std::move(resolved.bind_data),
                                              std::move(arguments));
}

ExpressionPtr ExpressionBinder::BindBinary(const ast::Binary& binary) {
  const auto& location = binary.operator_location.line ? binary.operator_location : binary.location;
  ExpressionPtr left = Bind(*binary.left);
  ExpressionPtr right = Bind(*binary.right);
  switch (binary.op) {
    case ast::BinaryOperator::kEqual: return BindComparison(ComparisonOp::kEqual, std::move(left), std::move(right), location);
    case ast::BinaryOperator::kNotEqual: return BindComparison(ComparisonOp::kNotEqual, std::move(left), std::move(right), location);
    case ast::BinaryOperator::kLess: return BindComparison(ComparisonOp::kLess, std::move(left), std::move(right), location);
    case ast::BinaryOperator::kLessEqual: return BindComparison(ComparisonOp::kLessEqual, std::move(left), std::move(right), location);
    case ast::BinaryOperator::kGreater: return BindComparison(ComparisonOp::kGreater, std::move(left), std::move(right), location);
    case ast::BinaryOperator::kGreaterEqual: return BindComparison(ComparisonOp::kGreaterEqual, std::move(left), std::move(right), location);
    case ast::BinaryOperator::kIsDistinctFrom: return BindComparison(ComparisonOp::kDistinctFrom, std::move(left), std::move(right), location);
    case ast::BinaryOperator::kIsNotDistinctFrom: return BindComparison(ComparisonOp::kNotDistinctFrom, std::move(left), std::move(right), location);
    default: break;
  }
  // Arithmetic on a string literal and a number treats the literal as a number (as sqllogictest
  // files expect for '1' + 1 style expressions); everything else resolves through the registry.
  ExpressionList args;
  args.push_back(std::move(left));
  args.push_back(std::move(right));
  const char* name = "+";
  switch (binary.op) {
    case ast::BinaryOperator::kAdd: name = "+"; break;
    case ast::BinaryOperator::kSubtract: name = "-"; break;
    case ast::BinaryOperator::kMultiply: name = "*"; break;
    case ast::BinaryOperator::kDivide: name = "/"; break;
    case ast::BinaryOperator::kModulo: name = "%"; break;
    case ast::BinaryOperator::kConcat: name = "concat"; break;
    default: break;
  }
  return CallFunction(name, std::move(args), location);
}

ExpressionPtr ExpressionBinder::BindComparison(ComparisonOp op, ExpressionPtr left, ExpressionPtr right,
                                               const ast::SourceLocation& location) {
  if (left->type != right->type) {
    std::string message = fmt::format("Cannot apply operator: {} {} {}", left->type.ToString(),
                                      ComparisonOpSymbol(op), right->type.ToString());
    bool mismatch = false;
    try {
      CoerceToCommonType({&left, &right}, location, message);
    } catch (const Exception& e) {
      if (e.code() != ErrorCode::kTypeMismatch) throw;
      mismatch = true;
    }
    if (mismatch) ThrowAt(location, ErrorCode::kTypeMismatch, message);
  }
  bool ordering = op == ComparisonOp::kLess || op == ComparisonOp::kLessEqual || op == ComparisonOp::kGreater ||
                  op == ComparisonOp::kGreaterEqual;
  if (ordering && left->type.IsValid() && left->type.id() != TypeId::kUnknown && !left->type.IsOrderable()) {
    ThrowAt(location, ErrorCode::kTypeMismatch, fmt::format("Type {} is not orderable", left->type.ToString()));
  }
  if (!ordering && left->type.id() == TypeId::kMap && op != ComparisonOp::kEqual && op != ComparisonOp::kNotEqual &&
      op != ComparisonOp::kDistinctFrom && op != ComparisonOp::kNotDistinctFrom) {
    ThrowAt(location, ErrorCode::kTypeMismatch, fmt::format("Type {} is not comparable", left->type.ToString()));
  }
  return std::make_unique<ComparisonExpression>(op, std::move(left), std::move(right));
}

ExpressionPtr ExpressionBinder::BindCase(const ast::Case& expression) {
  const auto& location = expression.location;
  ExpressionList operands;
  ExpressionList results;
  ExpressionList conditions;
  for (const auto& clause : expression.when_clauses) {
    if (expression.operand) {
      conditions.push_back(BindComparison(ComparisonOp::kEqual, Bind(*expression.operand), Bind(*clause.condition),
                                          clause.condition->location));
    } else {
      conditions.push_back(BindCondition(*clause.condition));
    }
    results.push_back(Bind(*clause.result));
  }
  results.push_back(expression.else_result ? Bind(*expression.else_result) : MakeConstant(Value()));
  std::vector<ExpressionPtr*> slots;
  for (auto& r : results) slots.push_back(&r);
  CoerceToCommonType(slots, location,
                     "All CASE results must be the same type or coercible to a common type. Cannot find common type between");
  LogicalType type = results[0]->type;
  for (size_t i = 0; i < conditions.size(); ++i) {
    operands.push_back(std::move(conditions[i]));
    operands.push_back(std::move(results[i]));
  }
  operands.push_back(std::move(results.back()));
  return std::make_unique<OperatorExpression>(ExpressionKind::kCase, type, std::move(operands));
}

ExpressionPtr ExpressionBinder::BindSubquery(const ast::Query& query, SubqueryKind kind, ExpressionPtr operand,
                                             ComparisonOp op, const ast::SourceLocation& location) {
  Binder child(binder_.environment(), &binder_);
  BoundQuery bound = child.BindQuery(query);
  if (kind != SubqueryKind::kExists && bound.types.size() != 1) {
    ThrowAt(location, ErrorCode::kNotSupported,
            fmt::format("Subquery must return exactly one column, but returns {}", bound.types.size()));
  }
  LogicalType type = TypeId::kBoolean;
  if (kind == SubqueryKind::kScalar) {
    type = bound.types[0];
  } else if (operand) {
    // Compare in the common type: cast the operand and, if needed, the subquery's column.
    auto common = CommonSuperType(operand->type, bound.types[0]);
    if (!common) {
      ThrowAt(location, ErrorCode::kTypeMismatch,
              fmt::format("Value expression and result of subquery must be of the same type: {} vs {}",
                          operand->type.ToString(), bound.types[0].ToString()));
    }
    operand = CastIfNeeded(std::move(operand), *common);
    if (bound.types[0] != *common) {
      auto bindings = bound.plan->GetColumnBindings();
      auto projection = std::make_unique<LogicalProjection>(binder_.NewTableIndex());
      projection->expressions.push_back(MakeCast(std::make_unique<ColumnRefExpression>(bound.types[0], bindings[0]), *common));
      projection->children.push_back(std::move(bound.plan));
      projection->ResolveTypes();
      bound.plan = std::move(projection);
      bound.types[0] = *common;
    }
  }
  auto expression = std::make_unique<SubqueryExpression>(kind, type, std::move(bound.plan), std::move(operand), op);
  for (const auto& c : child.correlated_columns()) {
    if (c.depth == 1) {
      expression->correlated_columns.push_back(c.binding);
      expression->correlated_types.push_back(c.type);
    }
  }
  return expression;
}

ExpressionPtr ExpressionBinder::BindFunction(const ast::FunctionCall& call) {
  std::string name = ToLower(call.name.parts.back().name);
  const FunctionRegistry& registry = *binder_.environment().functions;
  if (call.window || call.window_name) return BindWindow(call, name);
  bool handled = false;
  ExpressionPtr special = BindSpecialForm(call, name, handled);
  if (handled) return special;
  if (registry.HasAggregate(name) && !registry.HasScalar(name)) return BindAggregate(call, name);
  if (call.distinct || call.filter || !call.order_by.empty() || call.star) {
    if (registry.HasAggregate(name)) return BindAggregate(call, name);
    ThrowAt(call.location, ErrorCode::kSyntaxError,
            fmt::format("DISTINCT, FILTER, ORDER BY and * are only allowed in aggregate calls, and {} is not an aggregate", name));
  }
  return BindScalarCall(call, name);
}

ExpressionPtr ExpressionBinder::BindSpecialForm(const ast::FunctionCall& call, const std::string& name, bool& handled) {
  handled = true;
  const auto& location = call.location;
  auto bind_args = [&] {
    ExpressionList args;
    for (const auto& a : call.arguments) args.push_back(Bind(*a));
    return args;
  };
  auto expect_args = [&](size_t min, size_t max) {
    if (call.arguments.size() < min || call.arguments.size() > max) {
      ThrowAt(location, ErrorCode::kTypeMismatch,
              fmt::format("{}() takes {} arguments, got {}", name, min == max ? std::to_string(min) : fmt::format("{} to {}", min, max),
                          call.arguments.size()));
    }
  };
  if (name == "coalesce") {
    expect_args(1, SIZE_MAX);
    ExpressionList args = bind_args();
    std::vector<ExpressionPtr*> slots;
    for (auto& a : args) slots.push_back(&a);
    CoerceToCommonType(slots, location, "All COALESCE operands must be the same type");
    LogicalType type = args[0]->type;
    return std::make_unique<OperatorExpression>(ExpressionKind::kCoalesce, type, std::move(args));
  }
  if (name == "nullif") {
    expect_args(2, 2);
    ExpressionList args = bind_args();
    LogicalType type = args[0]->type;
    ExpressionPtr condition = BindComparison(ComparisonOp::kEqual, Bind(*call.arguments[0]), std::move(args[1]), location);
    ExpressionList operands;
    operands.push_back(std::move(condition));
    operands.push_back(MakeConstant(Value::Null(type)));
    operands.push_back(std::move(args[0]));
    return std::make_unique<OperatorExpression>(ExpressionKind::kCase, type, std::move(operands));
  }
  if (name == "if") {
    expect_args(2, 3);
    ExpressionList operands;
    operands.push_back(BindCondition(*call.arguments[0]));
    ExpressionPtr then = Bind(*call.arguments[1]);
    ExpressionPtr otherwise = call.arguments.size() == 3 ? Bind(*call.arguments[2]) : MakeConstant(Value());
    CoerceToCommonType({&then, &otherwise}, location, "IF results must be the same type");
    LogicalType type = then->type;
    operands.push_back(std::move(then));
    operands.push_back(std::move(otherwise));
    return std::make_unique<OperatorExpression>(ExpressionKind::kCase, type, std::move(operands));
  }
  if (name == "try") {
    expect_args(1, 1);
    ExpressionList args = bind_args();
    LogicalType type = args[0]->type;
    return std::make_unique<OperatorExpression>(ExpressionKind::kTry, type, std::move(args));
  }
  if (name == "grouping") {
    if (!options_.allow_aggregates) {
      ThrowAt(location, ErrorCode::kGroupingError, fmt::format("{} cannot contain grouping operations", options_.clause));
    }
    auto grouping = std::make_unique<GroupingIdExpression>(std::vector<idx_t>{});
    grouping->children = bind_args();
    return grouping;
  }
  handled = false;
  return nullptr;
}

ExpressionPtr ExpressionBinder::BindScalarCall(const ast::FunctionCall& call, const std::string& name) {
  const auto& location = call.location;
  const FunctionRegistry& registry = *binder_.environment().functions;
  // Snowflake/Spark unit-first functions: DATEADD(day, 1, x) passes the unit as a string.
  static const char* kUnitFirst[] = {"dateadd", "timestampadd", "datediff", "timestampdiff", "date_part", "datepart"};
  bool unit_first = std::any_of(std::begin(kUnitFirst), std::end(kUnitFirst), [&](const char* f) { return name == f; });

  ExpressionList args(call.arguments.size());
  std::vector<LogicalType> types(call.arguments.size());
  std::vector<size_t> lambdas;
  for (size_t i = 0; i < call.arguments.size(); ++i) {
    const ast::Expression& arg = *call.arguments[i];
    if (arg.Is<ast::Lambda>()) {
      lambdas.push_back(i);
      continue;
    }
    if (arg.Is<ast::NamedArgument>()) {
      ThrowAt(arg.location, ErrorCode::kSyntaxError, fmt::format("{}() does not take named arguments", name));
    }
    if (i == 0 && unit_first && arg.Is<ast::ColumnRef>() && arg.As<ast::ColumnRef>().name.parts.size() == 1 &&
        !arg.As<ast::ColumnRef>().name.parts[0].quoted) {
      args[i] = MakeConstant(Value::Varchar(ToLower(arg.As<ast::ColumnRef>().name.parts[0].name)));
    } else {
      args[i] = Bind(arg);
    }
    types[i] = args[i]->type;
  }
  if (!lambdas.empty()) {
    // Lambda parameter types come from a candidate's hook, given the other arguments' types.
    auto candidates = registry.scalars().find(name);
    const ScalarFunction* with_lambdas = nullptr;
    if (candidates != registry.scalars().end()) {
      for (const auto& f : candidates->second) {
        if (f.lambda_parameter_types && f.arguments.size() == call.arguments.size()) with_lambdas = &f;
      }
    }
    if (!with_lambdas) ThrowAt(location, ErrorCode::kTypeMismatch, fmt::format("{}() does not take lambda arguments", name));
    for (size_t i : lambdas) {
      const auto& lambda = call.arguments[i]->As<ast::Lambda>();
      auto parameter_types = WithLocation(location, [&] { return with_lambdas->lambda_parameter_types(i, types); });
      if (parameter_types.size() != lambda.parameters.size()) {
        ThrowAt(lambda.location, ErrorCode::kTypeMismatch,
                fmt::format("Lambda for {}() takes {} parameters, got {}", name, parameter_types.size(), lambda.parameters.size()));
      }
      std::vector<std::pair<std::string, LogicalType>> params;
      std::vector<std::string> names;
      for (size_t p = 0; p < parameter_types.size(); ++p) {
        params.emplace_back(lambda.parameters[p].name, parameter_types[p]);
        names.push_back(lambda.parameters[p].name);
      }
      lambda_scopes_.push_back(params);
      ExpressionPtr body = Bind(*lambda.body);
      lambda_scopes_.pop_back();
      types[i] = body->type;
      args[i] = std::make_unique<LambdaExpression>(names, parameter_types, std::move(body));
    }
  }
  return CallFunction(name, std::move(args), location);
}

ExpressionPtr ExpressionBinder::BindAggregate(const ast::FunctionCall& call, const std::string& name) {
  const auto& location = call.location;
  if (!options_.allow_aggregates) {
    ThrowAt(location, ErrorCode::kGroupingError,
            fmt::format("{} cannot contain aggregations, window functions or grouping operations", options_.clause));
  }
  if (in_aggregate_) {
    ThrowAt(location, ErrorCode::kGroupingError, fmt::format("Cannot nest aggregations inside aggregation '{}'", name));
  }
  in_aggregate_ = true;
  ExpressionList args;
  ExpressionPtr filter;
  std::vector<AggregateExpression::Order> order_by;
  try {
    for (const auto& a : call.arguments) args.push_back(Bind(*a));
    if (call.filter) filter = BindCondition(*call.filter);
    for (const auto& item : call.order_by) {
      order_by.push_back({Bind(*item.expression), item.order == ast::SortOrder::kDescending,
                          item.nulls == ast::NullsOrder::kFirst});
    }
  } catch (...) {
    in_aggregate_ = false;
    throw;
  }
  in_aggregate_ = false;
  if (call.distinct) {
    // Deduplicating by the arguments leaves one ordering key per row only when the keys are
    // arguments.
    for (size_t k = 0; k < order_by.size(); ++k) {
      bool is_argument = std::any_of(args.begin(), args.end(), [&](const ExpressionPtr& a) {
        return a->Equals(*order_by[k].expression);
      });
      if (!is_argument) {
        ThrowAt(
            call.order_by[k].expression->location, ErrorCode::kGroupingError,
            "For aggregate function with DISTINCT, ORDER BY expressions must appear in arguments");
      }
    }
  }
  std::vector<LogicalType> types;
  for (const auto& a : args) types.push_back(a->type);
  const FunctionRegistry& registry = *binder_.environment().functions;
  ResolvedAggregate resolved = WithLocation(location, [&] {
    return registry.ResolveAggregate(name, types, ConstantArguments(args));
  });
  for (size_t i = 0; i < args.size() && i < resolved.parameter_types.size(); ++i) {
    if (resolved.parameter_types[i].IsValid()) args[i] = CastIfNeeded(std::move(args[i]), resolved.parameter_types[i]);
  }
  // Only aggregates whose result depends on input order pay for sorting their inputs.
  if (!resolved.function.order_sensitive) order_by.clear();
  auto aggregate = std::make_unique<AggregateExpression>(std::move(resolved.function), std::move(resolved.bind_data),
                                                         std::move(args), call.distinct);
  aggregate->filter = std::move(filter);
  aggregate->order_by = std::move(order_by);
  return aggregate;
}

ExpressionPtr ExpressionBinder::BindWindow(const ast::FunctionCall& call, const std::string& name) {
  const auto& location = call.location;
  if (!options_.allow_windows) {
    ThrowAt(location, ErrorCode::kGroupingError,
            fmt::format("{} cannot contain aggregations, window functions or grouping operations", options_.clause));
  }
  if (in_window_) ThrowAt(location, ErrorCode::kGroupingError, "Cannot nest window functions");
  // The specification: OVER w, OVER (w ...), or OVER (...), with named windows as bases.
  const ast::WindowSpec* base = nullptr;
  auto find_named = [&](const std::string& window) -> const ast::WindowSpec* {
    if (options_.windows) {
      for (const auto& definition : *options_.windows) {
        if (EqualsIgnoreCase(definition.name.name, window)) return &definition.spec;
      }
    }
    ThrowAt(location, ErrorCode::kUndefinedObject, fmt::format("Window '{}' is not defined", window));
  };
  const ast::WindowSpec* spec = call.window.get();
  if (call.window_name) base = find_named(call.window_name->name);
  if (spec && spec->base_window) base = find_named(spec->base_window->name);
  std::vector<const ast::WindowSpec*> specs;
  for (const ast::WindowSpec* s = base; s; s = s->base_window ? find_named(s->base_window->name) : nullptr) {
    specs.insert(specs.begin(), s);
    if (specs.size() > 100) ThrowAt(location, ErrorCode::kInvalidParameter, "Window definitions refer to each other in a cycle");
  }
  if (spec) specs.push_back(spec);

  in_window_ = true;
  struct Reset {
    bool& flag;
    ~Reset() { flag = false; }
  } reset{in_window_};
  const FunctionRegistry& registry = *binder_.environment().functions;
  ExpressionList args;
  for (const auto& a : call.arguments) args.push_back(Bind(*a));
  const WindowFunction* window_function = registry.FindWindow(name);
  std::unique_ptr<WindowExpression> window;
  if (window_function) {
    // Ranking/navigation: check arity and coerce the offset/default arguments.
    switch (window_function->kind) {
      case WindowFunctionKind::kRowNumber:
      case WindowFunctionKind::kRank:
      case WindowFunctionKind::kDenseRank:
      case WindowFunctionKind::kPercentRank:
      case WindowFunctionKind::kCumeDist:
        if (!args.empty()) ThrowAt(location, ErrorCode::kTypeMismatch, fmt::format("{}() takes no arguments", name));
        break;
      case WindowFunctionKind::kNtile:
        if (args.size() != 1) ThrowAt(location, ErrorCode::kTypeMismatch, "ntile() takes one argument");
        args[0] = Coerce(std::move(args[0]), TypeId::kBigint, location);
        break;
      case WindowFunctionKind::kLag:
      case WindowFunctionKind::kLead:
        if (args.empty() || args.size() > 3) ThrowAt(location, ErrorCode::kTypeMismatch, fmt::format("{}() takes 1 to 3 arguments", name));
        if (args.size() > 1) args[1] = Coerce(std::move(args[1]), TypeId::kBigint, location);
        if (args.size() > 2) args[2] = Coerce(std::move(args[2]), args[0]->type, location);
        break;
      case WindowFunctionKind::kFirstValue:
      case WindowFunctionKind::kLastValue:
        if (args.size() != 1) ThrowAt(location, ErrorCode::kTypeMismatch, fmt::format("{}() takes one argument", name));
        break;
      case WindowFunctionKind::kNthValue:
        if (args.size() != 2) ThrowAt(location, ErrorCode::kTypeMismatch, "nth_value() takes two arguments");
        args[1] = Coerce(std::move(args[1]), TypeId::kBigint, location);
        break;
    }
    LogicalType type = window_function->return_type.IsValid() ? window_function->return_type : args[0]->type;
    window = std::make_unique<WindowExpression>(type, std::move(args));
    window->function = window_function;
  } else if (registry.HasAggregate(name)) {
    std::vector<LogicalType> types;
    for (const auto& a : args) types.push_back(a->type);
    ResolvedAggregate resolved = WithLocation(location, [&] {
      return registry.ResolveAggregate(name, types, ConstantArguments(args));
    });
    for (size_t i = 0; i < args.size() && i < resolved.parameter_types.size(); ++i) {
      if (resolved.parameter_types[i].IsValid()) args[i] = CastIfNeeded(std::move(args[i]), resolved.parameter_types[i]);
    }
    if (call.distinct) ThrowAt(location, ErrorCode::kNotSupported, "DISTINCT is not supported in window aggregates");
    if (!call.order_by.empty())
      ThrowAt(location, ErrorCode::kNotSupported, "ORDER BY is not supported in window aggregates");
    LogicalType type = resolved.function.return_type;
    auto aggregate = std::make_unique<AggregateExpression>(std::move(resolved.function), std::move(resolved.bind_data),
                                                           ExpressionList{}, false);
    if (call.filter) aggregate->filter = BindCondition(*call.filter);
    window = std::make_unique<WindowExpression>(type, std::move(args));
    window->aggregate = std::move(aggregate);
  } else {
    ThrowAt(location, ErrorCode::kUndefinedFunction, fmt::format("Function '{}' is not a window function", name));
  }
  window->ignore_nulls = call.null_treatment == ast::NullTreatment::kIgnoreNulls;

  const ast::WindowFrame* frame = nullptr;
  for (const ast::WindowSpec* s : specs) {
    for (const auto& p : s->partition_by) window->partitions.push_back(Bind(*p));
    for (const auto& item : s->order_by) {
      window->orders.push_back({Bind(*item.expression), item.order == ast::SortOrder::kDescending,
                                item.nulls == ast::NullsOrder::kFirst});
    }
    if (s->frame) frame = &*s->frame;
  }
  for (const auto& order : window->orders) {
    if (!order.expression->type.IsOrderable()) {
      ThrowAt(location, ErrorCode::kTypeMismatch, fmt::format("Type {} is not orderable", order.expression->type.ToString()));
    }
  }
  if (!frame) {
    // Default frame: RANGE UNBOUNDED PRECEDING .. CURRENT ROW (all rows are peers without ORDER BY).
    window->frame_unit = FrameUnit::kRange;
    window->start.kind = FrameBoundKind::kUnboundedPreceding;
    window->end.kind = window->orders.empty() ? FrameBoundKind::kUnboundedFollowing : FrameBoundKind::kCurrentRow;
    return window;
  }
  window->frame_unit = frame->unit == ast::FrameUnit::kRows ? FrameUnit::kRows
                       : frame->unit == ast::FrameUnit::kGroups ? FrameUnit::kGroups : FrameUnit::kRange;
  switch (frame->exclusion) {
    case ast::FrameExclusion::kCurrentRow: window->exclusion = FrameExclusion::kCurrentRow; break;
    case ast::FrameExclusion::kGroup: window->exclusion = FrameExclusion::kGroup; break;
    case ast::FrameExclusion::kTies: window->exclusion = FrameExclusion::kTies; break;
    default: window->exclusion = FrameExclusion::kNoOthers; break;
  }
  auto bind_bound = [&](const ast::FrameBound& bound, FrameBound& out) {
    switch (bound.kind) {
      case ast::FrameBoundKind::kUnboundedPreceding: out.kind = FrameBoundKind::kUnboundedPreceding; return;
      case ast::FrameBoundKind::kUnboundedFollowing: out.kind = FrameBoundKind::kUnboundedFollowing; return;
      case ast::FrameBoundKind::kCurrentRow: out.kind = FrameBoundKind::kCurrentRow; return;
      case ast::FrameBoundKind::kPreceding: out.kind = FrameBoundKind::kPreceding; break;
      case ast::FrameBoundKind::kFollowing: out.kind = FrameBoundKind::kFollowing; break;
    }
    ExpressionPtr offset = Bind(*bound.offset);
    if (window->frame_unit != FrameUnit::kRange) {
      out.offset = Coerce(std::move(offset), TypeId::kBigint, bound.offset->location);
      return;
    }
    // RANGE with an offset: the bound becomes the order key's value plus or minus the offset.
    if (window->orders.size() != 1) {
      ThrowAt(location, ErrorCode::kInvalidParameter, "Window frame of type RANGE PRECEDING or FOLLOWING requires a single sort item in ORDER BY");
    }
    bool subtract = (out.kind == FrameBoundKind::kPreceding) != window->orders[0].descending;
    ExpressionList operands;
    operands.push_back(window->orders[0].expression->Copy());
    operands.push_back(std::move(offset));
    out.offset = CallFunction(subtract ? "-" : "+", std::move(operands), bound.offset->location);
    out.offset = CastIfNeeded(std::move(out.offset), window->orders[0].expression->type);
  };
  bind_bound(frame->start, window->start);
  if (frame->end) {
    bind_bound(*frame->end, window->end);
  } else {
    window->end.kind = FrameBoundKind::kCurrentRow;
  }
  if (window->start.kind == FrameBoundKind::kUnboundedFollowing || window->end.kind == FrameBoundKind::kUnboundedPreceding) {
    ThrowAt(location, ErrorCode::kInvalidParameter, "Window frame start cannot be UNBOUNDED FOLLOWING and end cannot be UNBOUNDED PRECEDING");
  }
  return window;
}

}  // namespace switchboard
