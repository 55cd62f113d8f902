// The expression grammar, loosest first: OR, AND, NOT, predicates (comparisons, IS, BETWEEN, IN,
// LIKE), ||, + -, * / %, unary + -, AT TIME ZONE, postfix (:: [] .), primaries.
#include <fmt/format.h>

#include <array>
#include <charconv>
#include <utility>

#include "common/error.h"
#include "common/string_util.h"
#include "sql/parser/sql_parser.h"

namespace switchboard::parser {

namespace {

using ast::BinaryOperator;
using ast::ExpressionPtr;

// Binding levels of the binary value operators (ParseValueExpression), loosest first.
constexpr int kConcatLevel = 0;
constexpr int kAdditiveLevel = 1;
constexpr int kMultiplicativeLevel = 2;

struct ValueOperator {
  std::string_view symbol;
  BinaryOperator op;
  int level;
};

constexpr std::array<ValueOperator, 6> kValueOperators = {{
    {"||", BinaryOperator::kConcat, kConcatLevel},
    {"+", BinaryOperator::kAdd, kAdditiveLevel},
    {"-", BinaryOperator::kSubtract, kAdditiveLevel},
    {"*", BinaryOperator::kMultiply, kMultiplicativeLevel},
    {"/", BinaryOperator::kDivide, kMultiplicativeLevel},
    {"%", BinaryOperator::kModulo, kMultiplicativeLevel},
}};

constexpr std::array<std::pair<std::string_view, BinaryOperator>, 7> kComparisonOperators = {{
    {"=", BinaryOperator::kEqual},
    {"<>", BinaryOperator::kNotEqual},
    {"!=", BinaryOperator::kNotEqual},
    {"<", BinaryOperator::kLess},
    {"<=", BinaryOperator::kLessEqual},
    {">", BinaryOperator::kGreater},
    {">=", BinaryOperator::kGreaterEqual},
}};

struct NamedField {
  std::string_view name;
  ast::IntervalField field;
};

constexpr std::array<NamedField, 10> kIntervalFields = {{
    {"YEAR", ast::IntervalField::kYear},
    {"QUARTER", ast::IntervalField::kQuarter},
    {"MONTH", ast::IntervalField::kMonth},
    {"WEEK", ast::IntervalField::kWeek},
    {"DAY", ast::IntervalField::kDay},
    {"HOUR", ast::IntervalField::kHour},
    {"MINUTE", ast::IntervalField::kMinute},
    {"SECOND", ast::IntervalField::kSecond},
    {"MILLISECOND", ast::IntervalField::kMillisecond},
    {"MICROSECOND", ast::IntervalField::kMicrosecond},
}};

struct CurrentValueWord {
  std::string_view word;
  ast::CurrentValueKind value;
  bool takes_precision;
};

constexpr std::array<CurrentValueWord, 9> kCurrentValueWords = {{
    {"CURRENT_DATE", ast::CurrentValueKind::kDate, false},
    {"CURRENT_TIME", ast::CurrentValueKind::kTime, true},
    {"CURRENT_TIMESTAMP", ast::CurrentValueKind::kTimestamp, true},
    {"LOCALTIME", ast::CurrentValueKind::kLocalTime, true},
    {"LOCALTIMESTAMP", ast::CurrentValueKind::kLocalTimestamp, true},
    {"CURRENT_USER", ast::CurrentValueKind::kUser, false},
    {"CURRENT_ROLE", ast::CurrentValueKind::kRole, false},
    {"CURRENT_SCHEMA", ast::CurrentValueKind::kSchema, false},
    {"CURRENT_CATALOG", ast::CurrentValueKind::kCatalog, false},
}};

// Reserved words that still name ordinary functions when a '(' follows.
constexpr std::array<std::string_view, 10> kReservedFunctionNames = {
    "GROUPING",   "LEFT",        "RIGHT",       "LISTAGG",    "NORMALIZE",
    "JSON_ARRAY", "JSON_EXISTS", "JSON_OBJECT", "JSON_QUERY", "JSON_VALUE",
};

bool IsNumberLiteral(const ast::Expression& expression) {
  if (!expression.Is<ast::Literal>()) return false;
  auto kind = expression.As<ast::Literal>().literal_kind;
  return kind == ast::LiteralKind::kInteger || kind == ast::LiteralKind::kDecimal ||
         kind == ast::LiteralKind::kDouble;
}

// Appends `operand` to `operands`, splicing in the operands of a nested `op` (from parentheses).
void AppendFlattened(std::vector<ExpressionPtr>& operands, ExpressionPtr operand,
                     ast::LogicalOperator op) {
  if (operand->Is<ast::Logical>() && operand->As<ast::Logical>().op == op) {
    for (auto& inner : operand->As<ast::Logical>().operands) operands.push_back(std::move(inner));
  } else {
    operands.push_back(std::move(operand));
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Boolean levels

ExpressionPtr SqlParser::ParseExpression() {
  DepthGuard guard(*this);
  return ParseOr();
}

ExpressionPtr SqlParser::ParseOr() {
  ast::SourceLocation location = Location();
  ExpressionPtr first = ParseAnd();
  if (!PeekKeyword("OR")) {
    Expecting("OR");
    return first;
  }
  std::vector<ExpressionPtr> operands;
  AppendFlattened(operands, std::move(first), ast::LogicalOperator::kOr);
  while (AcceptKeyword("OR")) AppendFlattened(operands, ParseAnd(), ast::LogicalOperator::kOr);
  return std::make_unique<ast::Logical>(location, ast::LogicalOperator::kOr, std::move(operands));
}

ExpressionPtr SqlParser::ParseAnd() {
  ast::SourceLocation location = Location();
  ExpressionPtr first = ParseNot();
  if (!PeekKeyword("AND")) {
    Expecting("AND");
    return first;
  }
  std::vector<ExpressionPtr> operands;
  AppendFlattened(operands, std::move(first), ast::LogicalOperator::kAnd);
  while (AcceptKeyword("AND")) AppendFlattened(operands, ParseNot(), ast::LogicalOperator::kAnd);
  return std::make_unique<ast::Logical>(location, ast::LogicalOperator::kAnd, std::move(operands));
}

ExpressionPtr SqlParser::ParseNot() {
  ast::SourceLocation location = Location();
  if (!AcceptKeyword("NOT")) return ParsePredicate();
  DepthGuard guard(*this);
  return std::make_unique<ast::Unary>(location, ast::UnaryOperator::kNot, ParseNot());
}

// ---------------------------------------------------------------------------------------------
// Predicates

ExpressionPtr SqlParser::ParsePredicate() {
  ast::SourceLocation location = Location();
  ExpressionPtr left = ParseValueExpression();
  size_t saved_depth = depth_;
  // Predicates chain to the left (`a = b IS NULL` is `(a = b) IS NULL`, as in SQLite); each link
  // deepens the tree, so each counts as a nesting level.
  while (true) {
    const Token& token = Peek();
    ast::SourceLocation operator_location = token.location;
    std::optional<BinaryOperator> comparison;
    if (token.type == TokenType::kSymbol) {
      for (const auto& [symbol, op] : kComparisonOperators) {
        if (token.text == symbol) comparison = op;
      }
    }
    if (comparison) {
      Advance();
      EnterNesting();
      bool quantified = (PeekKeyword("ALL") || PeekKeyword("ANY") || PeekKeyword("SOME")) &&
                        PeekSymbol("(", 1) && IsQueryAhead(1);
      if (quantified) {
        auto quantifier = PeekKeyword("ALL") ? ast::Quantifier::kAll : ast::Quantifier::kAny;
        Advance();
        ExpectSymbol("(");
        auto query = ParseQuery();
        ExpectSymbol(")");
        left = std::make_unique<ast::QuantifiedComparison>(location, *comparison, quantifier,
                                                           std::move(left), std::move(query));
      } else {
        left = std::make_unique<ast::Binary>(location, *comparison, std::move(left),
                                             ParseValueExpression(), operator_location);
      }
      continue;
    }
    for (const auto& [symbol, op] : kComparisonOperators) Expecting(symbol);

    if (AcceptKeyword("IS")) {
      EnterNesting();
      bool negated = AcceptKeyword("NOT");
      if (AcceptKeyword("NULL")) {
        left = std::make_unique<ast::IsNull>(location, std::move(left), negated);
      } else if (AcceptKeyword("DISTINCT")) {
        ExpectKeyword("FROM");
        auto op = negated ? BinaryOperator::kIsNotDistinctFrom : BinaryOperator::kIsDistinctFrom;
        left = std::make_unique<ast::Binary>(location, op, std::move(left), ParseValueExpression(),
                                             operator_location);
      } else {
        FailUnexpected();
      }
      continue;
    }

    bool negated = false;
    if (PeekKeyword("NOT") && (PeekKeyword("BETWEEN", 1) || PeekKeyword("IN", 1) ||
                               PeekKeyword("LIKE", 1) || PeekKeyword("ILIKE", 1))) {
      Advance();
      negated = true;
    }
    if (AcceptKeyword("BETWEEN")) {
      EnterNesting();
      bool symmetric = AcceptKeyword("SYMMETRIC");
      if (!symmetric) AcceptKeyword("ASYMMETRIC");
      ExpressionPtr lower = ParseValueExpression();
      ExpectKeyword("AND");
      ExpressionPtr upper = ParseValueExpression();
      left = std::make_unique<ast::Between>(location, std::move(left), std::move(lower),
                                            std::move(upper), negated, symmetric);
    } else if (AcceptKeyword("IN")) {
      EnterNesting();
      if (PeekSymbol("(") && IsQueryAhead(0)) {
        Advance();
        auto query = ParseQuery();
        ExpectSymbol(")");
        left =
            std::make_unique<ast::InSubquery>(location, std::move(left), std::move(query), negated);
      } else {
        ExpectSymbol("(");
        std::vector<ExpressionPtr> values = ParseExpressionList();  // Trino: never empty
        ExpectSymbol(")");
        left = std::make_unique<ast::InList>(location, std::move(left), std::move(values), negated);
      }
    } else if (PeekKeyword("LIKE") || PeekKeyword("ILIKE")) {
      EnterNesting();
      bool case_insensitive = PeekKeyword("ILIKE");
      Advance();
      ExpressionPtr pattern = ParseValueExpression();
      ExpressionPtr escape;
      if (AcceptKeyword("ESCAPE")) escape = ParseValueExpression();
      left = std::make_unique<ast::Like>(location, std::move(left), std::move(pattern),
                                         std::move(escape), negated, case_insensitive);
    } else {
      Expecting("LIKE");
      Expecting("ILIKE");
      Expecting("NOT");
      break;
    }
  }
  depth_ = saved_depth;
  return left;
}

// ---------------------------------------------------------------------------------------------
// Value operators

ExpressionPtr SqlParser::ParseValueExpression(int min_level) {
  ast::SourceLocation location = Location();
  ExpressionPtr left = ParseUnary();
  size_t saved_depth = depth_;
  while (true) {
    const ValueOperator* found = nullptr;
    if (Peek().type == TokenType::kSymbol) {
      for (const auto& candidate : kValueOperators) {
        if (Peek().text == candidate.symbol && candidate.level >= min_level) found = &candidate;
      }
    }
    if (found == nullptr) {
      for (const auto& candidate : kValueOperators) {
        if (candidate.level >= min_level) Expecting(candidate.symbol);
      }
      break;
    }
    ast::SourceLocation operator_location = Advance().location;
    EnterNesting();  // a left-deep chain: each operator is one more level
    ExpressionPtr right = ParseValueExpression(found->level + 1);
    left = std::make_unique<ast::Binary>(location, found->op, std::move(left), std::move(right),
                                         operator_location);
  }
  depth_ = saved_depth;
  return left;
}

ExpressionPtr SqlParser::ParseUnary() {
  ast::SourceLocation location = Location();
  if (PeekSymbol("-") || PeekSymbol("+")) {
    bool minus = PeekSymbol("-");
    Advance();
    DepthGuard guard(*this);
    ExpressionPtr operand = ParseUnary();
    if (minus && IsNumberLiteral(*operand) && operand->As<ast::Literal>().text[0] != '-') {
      auto& literal = operand->As<ast::Literal>();
      literal.text.insert(0, "-");
      literal.location = location;
      return operand;
    }
    return std::make_unique<ast::Unary>(
        location, minus ? ast::UnaryOperator::kMinus : ast::UnaryOperator::kPlus,
        std::move(operand));
  }
  ExpressionPtr operand = ParsePostfix();
  size_t saved_depth = depth_;
  while (PeekKeyword("AT") && PeekKeyword("TIME", 1) && PeekKeyword("ZONE", 2)) {
    Advance();
    Advance();
    Advance();
    EnterNesting();
    ExpressionPtr zone = AcceptKeyword("LOCAL") ? nullptr : ParsePostfix();
    operand = std::make_unique<ast::AtTimeZone>(location, std::move(operand), std::move(zone));
  }
  depth_ = saved_depth;
  return operand;
}

ExpressionPtr SqlParser::ParsePostfix() {
  ast::SourceLocation location = Location();
  ExpressionPtr expression = ParsePrimary();
  size_t saved_depth = depth_;
  while (true) {
    if (AcceptSymbol("::")) {
      EnterNesting();
      expression = std::make_unique<ast::Cast>(location, std::move(expression), ParseType(), false);
    } else if (AcceptSymbol("[")) {
      EnterNesting();
      ExpressionPtr index = ParseExpression();
      ExpectSymbol("]");
      expression =
          std::make_unique<ast::Subscript>(location, std::move(expression), std::move(index));
    } else if (PeekSymbol(".") && PeekIdentifier(1)) {
      // A plain dotted name is one ColumnRef already; this is `(expr).field`, `f(x).field`, ...
      Advance();
      EnterNesting();
      expression =
          std::make_unique<ast::Dereference>(location, std::move(expression), ParseIdentifier());
    } else {
      break;
    }
  }
  depth_ = saved_depth;
  return expression;
}

// ---------------------------------------------------------------------------------------------
// Primaries

ExpressionPtr SqlParser::ParsePrimary() {
  const Token& token = Peek();
  ast::SourceLocation location = token.location;
  if (IsLambdaAhead()) return ParseLambda();
  switch (token.type) {
    case TokenType::kInteger:
      return std::make_unique<ast::Literal>(location, ast::LiteralKind::kInteger,
                                            std::string(Advance().text));
    case TokenType::kDecimal:
      return std::make_unique<ast::Literal>(location, ast::LiteralKind::kDecimal,
                                            std::string(Advance().text));
    case TokenType::kDouble:
      return std::make_unique<ast::Literal>(location, ast::LiteralKind::kDouble,
                                            std::string(Advance().text));
    case TokenType::kString:
      return std::make_unique<ast::Literal>(location, ast::LiteralKind::kString, Advance().value);
    case TokenType::kBinaryString:
      return std::make_unique<ast::Literal>(location, ast::LiteralKind::kBinary, Advance().value);
    case TokenType::kParameter: {
      std::string_view text = Advance().text;
      if (text == "?") return std::make_unique<ast::Parameter>(location, ++parameter_count_, false);
      uint32_t number = 0;
      auto [end, error] = std::from_chars(text.data() + 1, text.data() + text.size(), number);
      if (error != std::errc() || number == 0)
        FailAt(token, fmt::format("invalid parameter {}", text));
      return std::make_unique<ast::Parameter>(location, number, true);
    }
    case TokenType::kQuotedIdentifier:
      return ParseNameOrCall();
    case TokenType::kWord:
      return ParseWord();
    case TokenType::kSymbol:
      if (PeekSymbol("(")) return ParseParenthesized();
      if (PeekSymbol("{")) {
        // DuckDB's struct literal {'name': value, ...}, as the file functions' columns => take
        // it: a map from the names to the values (it prints back as map(ARRAY[...], ARRAY[...])).
        Advance();
        DepthGuard guard(*this);
        std::vector<ExpressionPtr> keys, values;
        if (!PeekSymbol("}")) {
          do {
            ast::SourceLocation key_location = Location();
            std::string key = Peek().type == TokenType::kString ? Advance().value : ParseIdentifier().name;
            keys.push_back(std::make_unique<ast::Literal>(key_location, ast::LiteralKind::kString, std::move(key)));
            ExpectSymbol(":");
            values.push_back(ParseExpression());
          } while (AcceptSymbol(","));
        }
        ExpectSymbol("}");
        auto call = std::make_unique<ast::FunctionCall>(
            location, ast::QualifiedName{{ast::Identifier{"map", false, location}}});
        call->arguments.push_back(std::make_unique<ast::ArrayConstructor>(location, std::move(keys)));
        call->arguments.push_back(std::make_unique<ast::ArrayConstructor>(location, std::move(values)));
        return call;
      }
      break;
    default:
      break;
  }
  Expecting("<expression>");
  FailUnexpected();
}

ExpressionPtr SqlParser::ParseParenthesized() {
  ast::SourceLocation location = Location();
  if (IsQueryAhead(0)) {
    Advance();
    auto query = ParseQuery();
    ExpectSymbol(")");
    return std::make_unique<ast::SubqueryExpression>(location, std::move(query));
  }
  Advance();
  ExpressionPtr first = ParseExpression();
  if (!PeekSymbol(",")) {
    ExpectSymbol(")");
    return first;
  }
  std::vector<ExpressionPtr> elements;
  elements.push_back(std::move(first));
  while (AcceptSymbol(",")) elements.push_back(ParseExpression());
  ExpectSymbol(")");
  return std::make_unique<ast::RowConstructor>(location, std::move(elements));
}

ExpressionPtr SqlParser::ParseWord() {
  const Token& token = Peek();
  ast::SourceLocation location = token.location;
  if (token.reserved) {
    if (AcceptKeyword("NULL"))
      return std::make_unique<ast::Literal>(location, ast::LiteralKind::kNull, "");
    if (AcceptKeyword("TRUE"))
      return std::make_unique<ast::Literal>(location, ast::LiteralKind::kBoolean, "true");
    if (AcceptKeyword("FALSE"))
      return std::make_unique<ast::Literal>(location, ast::LiteralKind::kBoolean, "false");
    if (PeekKeyword("CASE")) return ParseCase();
    if (PeekKeyword("CAST")) return ParseCast(/*safe=*/false);
    if (PeekKeyword("EXTRACT")) return ParseExtract();
    if (PeekKeyword("TRIM")) return ParseTrim();
    if (AcceptKeyword("EXISTS")) {
      ExpectSymbol("(");
      auto query = ParseQuery();
      ExpectSymbol(")");
      return std::make_unique<ast::Exists>(location, std::move(query));
    }
    for (const auto& current : kCurrentValueWords) {
      if (PeekKeyword(current.word))
        return ParseCurrentValue(current.value, current.takes_precision);
    }
    if (PeekSymbol("(", 1)) {
      for (std::string_view name : kReservedFunctionNames) {
        if (PeekKeyword(name)) {
          Advance();
          ast::QualifiedName function_name{
              {ast::Identifier{std::string(token.text), false, location}}};
          return ParseFunctionCall(std::move(function_name), location);
        }
      }
    }
    Expecting("<expression>");
    FailUnexpected();
  }
  if (PeekKeyword("TRY_CAST") && PeekSymbol("(", 1)) return ParseCast(/*safe=*/true);
  if (PeekKeyword("ARRAY") && PeekSymbol("[", 1)) {
    Advance();
    Advance();
    DepthGuard guard(*this);
    std::vector<ExpressionPtr> elements;
    if (!PeekSymbol("]")) elements = ParseExpressionList();
    ExpectSymbol("]");
    return std::make_unique<ast::ArrayConstructor>(location, std::move(elements));
  }
  if (PeekKeyword("ROW") && PeekSymbol("(", 1)) {
    Advance();
    Advance();
    DepthGuard guard(*this);
    std::vector<ExpressionPtr> elements = ParseExpressionList();
    ExpectSymbol(")");
    return std::make_unique<ast::RowConstructor>(location, std::move(elements));
  }
  if (IsIntervalLiteralAhead()) return ParseIntervalLiteral();
  if (IsTypedLiteralAhead()) return ParseTypedLiteral();
  if (PeekKeyword("SUBSTRING") && PeekSymbol("(", 1) && ParenthesesContainKeyword("FROM")) {
    return ParseSubstring();
  }
  if (PeekKeyword("POSITION") && PeekSymbol("(", 1) && ParenthesesContainKeyword("IN")) {
    return ParsePosition();
  }
  return ParseNameOrCall();
}

ExpressionPtr SqlParser::ParseNameOrCall() {
  ast::SourceLocation location = Location();
  ast::QualifiedName name = ParseQualifiedName();
  if (PeekSymbol("(")) return ParseFunctionCall(std::move(name), location);
  return std::make_unique<ast::ColumnRef>(location, std::move(name));
}

// ---------------------------------------------------------------------------------------------
// Function calls

ExpressionPtr SqlParser::ParseFunctionCall(ast::QualifiedName name, ast::SourceLocation location) {
  auto call = std::make_unique<ast::FunctionCall>(location, std::move(name));
  ExpectSymbol("(");
  DepthGuard guard(*this);
  if (AcceptSymbol("*")) {
    call->star = true;
  } else if (!PeekSymbol(")")) {
    if (AcceptKeyword("DISTINCT")) {
      call->distinct = true;
    } else {
      AcceptQuantifierAll();
    }
    call->arguments = ParseArguments(/*equals_names=*/false);
    if (PeekKeyword("ORDER")) call->order_by = ParseOrderBy();
    call->null_treatment = ParseNullTreatment();
  }
  ExpectSymbol(")");
  ParseCallSuffix(*call);
  return call;
}

ast::NullTreatment SqlParser::ParseNullTreatment() {
  for (auto [word, treatment] : {std::pair{"IGNORE", ast::NullTreatment::kIgnoreNulls},
                                 std::pair{"RESPECT", ast::NullTreatment::kRespectNulls}}) {
    if (PeekKeyword(word) && PeekKeyword("NULLS", 1)) {
      Advance();
      Advance();
      return treatment;
    }
  }
  return ast::NullTreatment::kDefault;
}

void SqlParser::ParseCallSuffix(ast::FunctionCall& call) {
  if (PeekKeyword("WITHIN") && PeekKeyword("GROUP", 1)) {
    const Token& within = Advance();
    Advance();
    if (!call.order_by.empty()) FailAt(within, "WITHIN GROUP after an ORDER BY in the arguments");
    ExpectSymbol("(");
    call.order_by = ParseOrderBy();
    ExpectSymbol(")");
  }
  if (PeekKeyword("FILTER") && PeekSymbol("(", 1)) {
    Advance();
    Advance();
    ExpectKeyword("WHERE");
    call.filter = ParseExpression();
    ExpectSymbol(")");
  }
  const Token& treatment_token = Peek();
  if (ast::NullTreatment treatment = ParseNullTreatment();
      treatment != ast::NullTreatment::kDefault) {
    if (call.null_treatment != ast::NullTreatment::kDefault) {
      FailAt(treatment_token, "IGNORE NULLS or RESPECT NULLS given twice");
    }
    call.null_treatment = treatment;
  }
  if (PeekKeyword("OVER") && (PeekSymbol("(", 1) || PeekIdentifier(1))) {
    Advance();
    if (PeekSymbol("(")) {
      call.window = std::make_unique<ast::WindowSpec>(ParseWindowSpec());
    } else {
      call.window_name = ParseIdentifier();
    }
  }
}

std::vector<ExpressionPtr> SqlParser::ParseArguments(bool equals_names) {
  std::vector<ExpressionPtr> arguments;
  do {
    arguments.push_back(ParseArgument(equals_names));
  } while (AcceptSymbol(","));
  return arguments;
}

ExpressionPtr SqlParser::ParseArgument(bool equals_names) {
  // Argument names may be reserved words before `=>`: CALL system.f(table => 'db.t').
  bool named = (PeekSymbol("=>", 1) && Peek().type == TokenType::kWord) ||
               (PeekIdentifier() && (PeekSymbol("=>", 1) || (equals_names && PeekSymbol("=", 1))));
  if (named) {
    const Token& name = Advance();
    bool quoted = name.type == TokenType::kQuotedIdentifier;
    ast::Identifier identifier{quoted ? name.value : std::string(name.text), quoted, name.location};
    Advance();
    return std::make_unique<ast::NamedArgument>(name.location, std::move(identifier),
                                                ParseExpression());
  }
  return ParseExpression();
}

bool SqlParser::IsLambdaAhead() const {
  if (PeekIdentifier()) return PeekSymbol("->", 1);
  if (!PeekSymbol("(")) return false;
  size_t close = MatchingParen(position_);
  if (close == 0 || !IsSymbol(tokens_[close + 1], "->")) return false;
  // `(a, b) ->`: identifiers separated by commas.
  for (size_t i = 1; position_ + i < close; i += 2) {
    if (!PeekIdentifier(i)) return false;
    if (position_ + i + 1 < close && !PeekSymbol(",", i + 1)) return false;
  }
  return close > position_ + 1;
}

ExpressionPtr SqlParser::ParseLambda() {
  ast::SourceLocation location = Location();
  std::vector<ast::Identifier> parameters;
  if (PeekSymbol("(")) {
    parameters = ParseParenthesizedIdentifiers();
  } else {
    parameters.push_back(ParseIdentifier());
  }
  ExpectSymbol("->");
  return std::make_unique<ast::Lambda>(location, std::move(parameters), ParseExpression());
}

// ---------------------------------------------------------------------------------------------
// Special forms

ExpressionPtr SqlParser::ParseCase() {
  auto case_expression = std::make_unique<ast::Case>(Location());
  ExpectKeyword("CASE");
  DepthGuard guard(*this);
  if (!PeekKeyword("WHEN")) case_expression->operand = ParseExpression();
  do {
    ast::SourceLocation when = Location();
    ExpectKeyword("WHEN");
    ExpressionPtr condition = ParseExpression();
    ExpectKeyword("THEN");
    case_expression->when_clauses.push_back({std::move(condition), ParseExpression(), when});
  } while (PeekKeyword("WHEN"));
  if (AcceptKeyword("ELSE")) case_expression->else_result = ParseExpression();
  ExpectKeyword("END");
  return case_expression;
}

ExpressionPtr SqlParser::ParseCast(bool safe) {
  ast::SourceLocation location = Location();
  Advance();
  ExpectSymbol("(");
  ExpressionPtr operand = ParseExpression();
  ExpectKeyword("AS");
  ast::TypeName type = ParseType();
  ExpectSymbol(")");
  return std::make_unique<ast::Cast>(location, std::move(operand), std::move(type), safe);
}

ExpressionPtr SqlParser::ParseExtract() {
  ast::SourceLocation location = Location();
  Advance();
  ExpectSymbol("(");
  ast::Identifier field = ParseIdentifier();
  ExpectKeyword("FROM");
  ExpressionPtr operand = ParseExpression();
  ExpectSymbol(")");
  return std::make_unique<ast::Extract>(location, std::move(field), std::move(operand));
}

ExpressionPtr SqlParser::ParseTrim() {
  const Token& trim = Advance();
  ast::SourceLocation location = trim.location;
  std::string spelled(trim.text);
  ExpectSymbol("(");
  std::string function = "trim";
  if (AcceptKeyword("LEADING")) {
    function = "ltrim";
  } else if (AcceptKeyword("TRAILING")) {
    function = "rtrim";
  } else if (!AcceptKeyword("BOTH")) {
    // trim(x), trim(x, chars) or TRIM(chars FROM x)
    std::vector<ExpressionPtr> arguments = ParseArguments(/*equals_names=*/false);
    if (arguments.size() == 1 && AcceptKeyword("FROM")) {
      arguments.insert(arguments.begin(), ParseExpression());
      spelled = function;
    }
    ExpectSymbol(")");
    auto call = std::make_unique<ast::FunctionCall>(
        location, ast::QualifiedName{{ast::Identifier{spelled, false, location}}});
    call->arguments = std::move(arguments);
    return call;
  }
  // TRIM(LEADING|TRAILING|BOTH [chars] FROM x)
  ExpressionPtr characters;
  if (!AcceptKeyword("FROM")) {
    characters = ParseExpression();
    ExpectKeyword("FROM");
  }
  auto call = std::make_unique<ast::FunctionCall>(
      location, ast::QualifiedName{{ast::Identifier{function, false, location}}});
  call->arguments.push_back(ParseExpression());
  if (characters) call->arguments.push_back(std::move(characters));
  ExpectSymbol(")");
  return call;
}

bool SqlParser::ParenthesesContainKeyword(std::string_view keyword) const {
  size_t open = position_ + 1;
  size_t close = MatchingParen(open);
  for (size_t i = open + 1; i < close; ++i) {
    if (IsSymbol(tokens_[i], "(")) {
      i = MatchingParen(i);
      if (i == 0) return false;
    } else if (IsKeyword(tokens_[i], keyword)) {
      return true;
    }
  }
  return false;
}

ExpressionPtr SqlParser::ParseSubstring() {
  ast::SourceLocation location = Advance().location;
  ExpectSymbol("(");
  auto call = std::make_unique<ast::FunctionCall>(
      location, ast::QualifiedName{{ast::Identifier{"substring", false, location}}});
  call->arguments.push_back(ParseExpression());
  ExpectKeyword("FROM");
  call->arguments.push_back(ParseExpression());
  if (AcceptKeyword("FOR")) call->arguments.push_back(ParseExpression());
  ExpectSymbol(")");
  return call;
}

ExpressionPtr SqlParser::ParsePosition() {
  ast::SourceLocation location = Advance().location;
  ExpectSymbol("(");
  DepthGuard guard(*this);
  ExpressionPtr needle = ParseValueExpression();
  ExpectKeyword("IN");
  ExpressionPtr haystack = ParseValueExpression();
  ExpectSymbol(")");
  auto call = std::make_unique<ast::FunctionCall>(
      location, ast::QualifiedName{{ast::Identifier{"strpos", false, location}}});
  call->arguments.push_back(std::move(haystack));
  call->arguments.push_back(std::move(needle));
  return call;
}

ExpressionPtr SqlParser::ParseCurrentValue(ast::CurrentValueKind value, bool takes_precision) {
  const Token& token = Advance();
  ast::SourceLocation location = token.location;
  if (PeekSymbol("(") && PeekSymbol(")", 1)) {
    // CURRENT_TIMESTAMP() (Snowflake): an ordinary call.
    return ParseFunctionCall(
        ast::QualifiedName{{ast::Identifier{std::string(token.text), false, location}}}, location);
  }
  std::optional<int64_t> precision;
  if (takes_precision && PeekSymbol("(") && Peek(1).type == TokenType::kInteger) {
    Advance();
    precision = ParseInteger();
    ExpectSymbol(")");
  }
  return std::make_unique<ast::CurrentValue>(location, value, precision);
}

std::optional<ast::IntervalField> SqlParser::PeekIntervalField(size_t ahead) const {
  const Token& token = Peek(ahead);
  if (token.type != TokenType::kWord) return std::nullopt;
  for (const auto& [name, field] : kIntervalFields) {
    // Also the plurals: DAYS, HOURS, ...
    bool plural = token.text.size() == name.size() + 1 &&
                  (token.text.back() == 's' || token.text.back() == 'S');
    if ((token.text.size() == name.size() || plural) &&
        EqualsIgnoreCase(token.text.substr(0, name.size()), name)) {
      return field;
    }
  }
  return std::nullopt;
}

bool SqlParser::IsIntervalLiteralAhead() const {
  if (!PeekKeyword("INTERVAL")) return false;
  size_t next = 1;
  if (PeekSymbol("-", 1) || PeekSymbol("+", 1)) next = 2;
  if (Peek(next).type == TokenType::kString) return true;
  // DuckDB's INTERVAL 3 DAY.
  bool number = Peek(next).type == TokenType::kInteger || Peek(next).type == TokenType::kDecimal;
  return number && PeekIntervalField(next + 1).has_value();
}

ExpressionPtr SqlParser::ParseIntervalLiteral() {
  ast::SourceLocation location = Advance().location;
  bool negative = false;
  std::string sign;
  if (PeekSymbol("-") || PeekSymbol("+")) {
    sign = std::string(Advance().text);
    negative = sign == "-" && Peek().type == TokenType::kString;
  }
  std::string value;
  bool quoted = Peek().type == TokenType::kString;
  if (quoted) {
    value = Advance().value;
  } else {
    // A number: its sign goes into the text.
    value = (sign == "-" ? "-" : "") + std::string(Advance().text);
  }
  ast::IntervalField start = ast::IntervalField::kNone;
  ast::IntervalField end = ast::IntervalField::kNone;
  if (auto field = PeekIntervalField()) {
    Advance();
    start = *field;
    if (PeekKeyword("TO") && PeekIntervalField(1)) {
      Advance();
      end = *PeekIntervalField();
      Advance();
    }
  }
  return std::make_unique<ast::IntervalLiteral>(location, std::move(value), negative, start, end);
}

bool SqlParser::IsTypedLiteralAhead() const {
  if (Peek(1).type == TokenType::kString) return true;
  if (PeekKeyword("DOUBLE") && PeekKeyword("PRECISION", 1))
    return Peek(2).type == TokenType::kString;
  if (PeekKeyword("TIMESTAMP") || PeekKeyword("TIME")) {
    bool zone = (PeekKeyword("WITH", 1) || PeekKeyword("WITHOUT", 1)) && PeekKeyword("TIME", 2) &&
                PeekKeyword("ZONE", 3);
    return zone && Peek(4).type == TokenType::kString;
  }
  return false;
}

ExpressionPtr SqlParser::ParseTypedLiteral() {
  ast::SourceLocation location = Location();
  ast::TypeName type;
  if (Peek(1).type == TokenType::kString) {
    type.name = ast::NormalizeTypeWord(Advance().text);
    type.location = location;
  } else {
    type = ParseType();
  }
  return std::make_unique<ast::TypedLiteral>(location, std::move(type), Advance().value);
}

// ---------------------------------------------------------------------------------------------
// Lists, ordering and windows

std::vector<ExpressionPtr> SqlParser::ParseExpressionList() {
  std::vector<ExpressionPtr> expressions;
  do {
    expressions.push_back(ParseExpression());
  } while (AcceptSymbol(","));
  return expressions;
}

ast::SortItem SqlParser::ParseSortItem() {
  ast::SortItem item;
  item.location = Location();
  item.expression = ParseExpression();
  if (AcceptKeyword("ASC")) {
    item.order = ast::SortOrder::kAscending;
  } else if (AcceptKeyword("DESC")) {
    item.order = ast::SortOrder::kDescending;
  }
  if (AcceptKeyword("NULLS")) {
    if (AcceptKeyword("FIRST")) {
      item.nulls = ast::NullsOrder::kFirst;
    } else {
      ExpectKeyword("LAST");
      item.nulls = ast::NullsOrder::kLast;
    }
  }
  return item;
}

std::vector<ast::SortItem> SqlParser::ParseOrderBy() {
  ExpectKeyword("ORDER");
  ExpectKeyword("BY");
  std::vector<ast::SortItem> items;
  do {
    items.push_back(ParseSortItem());
  } while (AcceptSymbol(","));
  return items;
}

ast::WindowSpec SqlParser::ParseWindowSpec() {
  ast::WindowSpec spec;
  spec.location = Location();
  ExpectSymbol("(");
  DepthGuard guard(*this);
  bool clause_word = (PeekKeyword("PARTITION") && PeekKeyword("BY", 1)) ||
                     ((PeekKeyword("ROWS") || PeekKeyword("RANGE") || PeekKeyword("GROUPS")) &&
                      !PeekSymbol(")", 1));
  if (PeekIdentifier() && !clause_word) spec.base_window = ParseIdentifier();
  if (AcceptKeyword("PARTITION")) {
    ExpectKeyword("BY");
    spec.partition_by = ParseExpressionList();
  }
  if (PeekKeyword("ORDER")) {
    spec.order_by = ParseOrderBy();
  } else {
    Expecting("ORDER");
  }
  if (PeekKeyword("ROWS") || PeekKeyword("RANGE") || PeekKeyword("GROUPS")) {
    spec.frame = ParseWindowFrame();
  } else {
    for (std::string_view unit : {"ROWS", "RANGE", "GROUPS"}) Expecting(unit);
  }
  ExpectSymbol(")");
  return spec;
}

ast::WindowFrame SqlParser::ParseWindowFrame() {
  ast::WindowFrame frame;
  frame.location = Location();
  if (AcceptKeyword("ROWS")) {
    frame.unit = ast::FrameUnit::kRows;
  } else if (AcceptKeyword("RANGE")) {
    frame.unit = ast::FrameUnit::kRange;
  } else {
    ExpectKeyword("GROUPS");
    frame.unit = ast::FrameUnit::kGroups;
  }
  if (AcceptKeyword("BETWEEN")) {
    frame.start = ParseFrameBound();
    ExpectKeyword("AND");
    frame.end = ParseFrameBound();
  } else {
    frame.start = ParseFrameBound();
  }
  if (AcceptKeyword("EXCLUDE")) {
    if (AcceptKeyword("CURRENT")) {
      ExpectKeyword("ROW");
      frame.exclusion = ast::FrameExclusion::kCurrentRow;
    } else if (AcceptKeyword("GROUP")) {
      frame.exclusion = ast::FrameExclusion::kGroup;
    } else if (AcceptKeyword("TIES")) {
      frame.exclusion = ast::FrameExclusion::kTies;
    } else {
      ExpectKeyword("NO");
      ExpectKeyword("OTHERS");
      frame.exclusion = ast::FrameExclusion::kNoOthers;
    }
  }
  return frame;
}

ast::FrameBound SqlParser::ParseFrameBound() {
  ast::FrameBound bound;
  bound.location = Location();
  if (PeekKeyword("UNBOUNDED") && (PeekKeyword("PRECEDING", 1) || PeekKeyword("FOLLOWING", 1))) {
    Advance();
    bool preceding = PeekKeyword("PRECEDING");
    Advance();
    bound.kind = preceding ? ast::FrameBoundKind::kUnboundedPreceding
                           : ast::FrameBoundKind::kUnboundedFollowing;
    return bound;
  }
  if (PeekKeyword("CURRENT") && PeekKeyword("ROW", 1)) {
    Advance();
    Advance();
    bound.kind = ast::FrameBoundKind::kCurrentRow;
    return bound;
  }
  bound.offset = ParseExpression();
  if (AcceptKeyword("PRECEDING")) {
    bound.kind = ast::FrameBoundKind::kPreceding;
  } else {
    ExpectKeyword("FOLLOWING");
    bound.kind = ast::FrameBoundKind::kFollowing;
  }
  return bound;
}

ExpressionPtr SqlParser::ParseOptionValue() {
  DepthGuard guard(*this);
  return ParseUnary();
}

}  // namespace switchboard::parser
