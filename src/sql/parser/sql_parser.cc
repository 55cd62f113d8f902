// The parser's token handling, error reporting, names and literals, and statement dispatch.
#include "sql/parser/sql_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "common/error.h"
#include "common/string_util.h"

namespace switchboard::parser {

namespace {

// How a token is quoted in "mismatched input '...'" (long tokens are shortened).
std::string TokenForMessage(const Token& token) {
  if (token.type == TokenType::kEnd) return "'<EOF>'";
  constexpr size_t kMaxShown = 40;
  if (token.text.size() > kMaxShown)
    return "'" + std::string(token.text.substr(0, kMaxShown)) + "...'";
  return "'" + std::string(token.text) + "'";
}

}  // namespace

SqlParser::SqlParser(std::string_view sql) : sql_(sql), lexer_(sql) {}

// ---------------------------------------------------------------------------------------------
// Tokens and errors

bool SqlParser::LoadNextStatement() {
  tokens_.clear();
  if (!lexer_.NextStatement(tokens_)) return false;
  position_ = 0;
  depth_ = 0;
  parameter_count_ = 0;
  expected_position_ = SIZE_MAX;
  expected_.clear();
  matching_.assign(tokens_.size(), 0);
  std::vector<uint32_t> open;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    if (IsSymbol(tokens_[i], "(")) {
      open.push_back(static_cast<uint32_t>(i));
    } else if (IsSymbol(tokens_[i], ")") && !open.empty()) {
      matching_[open.back()] = static_cast<uint32_t>(i);
      matching_[i] = open.back();
      open.pop_back();
    }
  }
  return true;
}

const Token& SqlParser::Peek(size_t ahead) const {
  size_t index = position_ + ahead;
  return index < tokens_.size() ? tokens_[index] : tokens_.back();
}

const Token& SqlParser::Advance() {
  const Token& token = Peek();
  if (token.type != TokenType::kEnd) ++position_;
  return token;
}

bool SqlParser::IsKeyword(const Token& token, std::string_view keyword) const {
  return token.type == TokenType::kWord && EqualsIgnoreCase(token.text, keyword);
}

bool SqlParser::IsSymbol(const Token& token, std::string_view symbol) const {
  return token.type == TokenType::kSymbol && token.text == symbol;
}

bool SqlParser::PeekKeyword(std::string_view keyword, size_t ahead) const {
  return IsKeyword(Peek(ahead), keyword);
}

bool SqlParser::PeekSymbol(std::string_view symbol, size_t ahead) const {
  return IsSymbol(Peek(ahead), symbol);
}

bool SqlParser::AcceptKeyword(std::string_view keyword) {
  if (PeekKeyword(keyword)) {
    Advance();
    return true;
  }
  Expecting(keyword);
  return false;
}

bool SqlParser::AcceptSymbol(std::string_view symbol) {
  if (PeekSymbol(symbol)) {
    Advance();
    return true;
  }
  Expecting(symbol);
  return false;
}

void SqlParser::ExpectKeyword(std::string_view keyword) {
  if (!AcceptKeyword(keyword)) FailUnexpected();
}

void SqlParser::ExpectSymbol(std::string_view symbol) {
  if (!AcceptSymbol(symbol)) FailUnexpected();
}

void SqlParser::ExpectClosingAngle() {
  if (AcceptSymbol(">")) return;
  if (!PeekSymbol(">=")) FailUnexpected();
  // Split `>=` into `>` (consumed here) and `=`.
  Token& token = tokens_[position_];
  token.text = token.text.substr(1);
  token.offset += 1;
  token.location.column += 1;
}

void SqlParser::Expecting(std::string_view what) {
  if (expected_position_ != position_) {
    expected_position_ = position_;
    expected_.clear();
  }
  expected_.push_back(what);
}

void SqlParser::FailUnexpected() {
  std::string message = "mismatched input " + TokenForMessage(Peek());
  if (expected_position_ == position_ && !expected_.empty()) {
    std::vector<std::string> shown;
    for (std::string_view what : expected_) {
      // Descriptions such as <expression> are shown as they are, tokens in quotes.
      bool description = what.size() > 2 && what.front() == '<' && what.back() == '>';
      shown.push_back(description ? std::string(what) : "'" + std::string(what) + "'");
    }
    std::sort(shown.begin(), shown.end());
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    message += ". Expecting: " + Join(shown, ", ");
  }
  FailAt(Peek(), message);
}

void SqlParser::FailAt(const Token& token, std::string_view message) const {
  SB_THROW(kSyntaxError, "{}: {}", token.location.ToString(), message);
}

bool SqlParser::AtStatementEnd() const { return Peek().type == TokenType::kEnd || PeekSymbol(";"); }

void SqlParser::ExpectStatementEnd() {
  if (AtStatementEnd()) return;
  Expecting("<EOF>");
  FailUnexpected();
}

void SqlParser::EnterNesting() {
  if (++depth_ > kMaxDepth) {
    FailAt(Peek(), fmt::format("statement is too deeply nested (more than {} levels)", kMaxDepth));
  }
}

size_t SqlParser::MatchingParen(size_t open) const {
  return open < matching_.size() ? matching_[open] : 0;
}

bool SqlParser::IsQueryAhead(size_t ahead) const {
  size_t index = position_ + ahead + 1;
  // Inner parentheses must each close where a query can go on: `((SELECT 1) UNION ...)`.
  while (index < tokens_.size() && IsSymbol(tokens_[index], "(")) {
    size_t close = MatchingParen(index);
    if (close == 0) return false;
    const Token& after = tokens_[close + 1];
    bool continues_query = IsSymbol(after, ")") || IsKeyword(after, "UNION") ||
                           IsKeyword(after, "INTERSECT") || IsKeyword(after, "EXCEPT") ||
                           IsKeyword(after, "ORDER") || IsKeyword(after, "LIMIT") ||
                           IsKeyword(after, "OFFSET") || IsKeyword(after, "FETCH");
    if (!continues_query) return false;
    ++index;
  }
  if (index >= tokens_.size()) return false;
  const Token& first = tokens_[index];
  return IsKeyword(first, "SELECT") || IsKeyword(first, "WITH") || IsKeyword(first, "VALUES") ||
         IsKeyword(first, "TABLE");
}

bool SqlParser::AtQueryStart() const {
  return PeekKeyword("SELECT") || PeekKeyword("WITH") || PeekKeyword("VALUES") ||
         PeekKeyword("TABLE") || (PeekSymbol("(") && IsQueryAhead(0));
}

// ---------------------------------------------------------------------------------------------
// Names and literals

bool SqlParser::PeekIdentifier(size_t ahead) const {
  const Token& token = Peek(ahead);
  return (token.type == TokenType::kWord && !token.reserved) ||
         token.type == TokenType::kQuotedIdentifier;
}

ast::Identifier SqlParser::ParseIdentifier() {
  if (!PeekIdentifier()) {
    Expecting("<identifier>");
    FailUnexpected();
  }
  const Token& token = Advance();
  bool quoted = token.type == TokenType::kQuotedIdentifier;
  return ast::Identifier{quoted ? token.value : std::string(token.text), quoted, token.location};
}

ast::QualifiedName SqlParser::ParseQualifiedName() {
  ast::QualifiedName name;
  name.parts.push_back(ParseIdentifier());
  while (PeekSymbol(".") && PeekIdentifier(1)) {
    Advance();
    name.parts.push_back(ParseIdentifier());
  }
  return name;
}

std::vector<ast::Identifier> SqlParser::ParseParenthesizedIdentifiers() {
  ExpectSymbol("(");
  std::vector<ast::Identifier> identifiers;
  do {
    identifiers.push_back(ParseIdentifier());
  } while (AcceptSymbol(","));
  ExpectSymbol(")");
  return identifiers;
}

std::string SqlParser::ParseString() {
  if (Peek().type != TokenType::kString) {
    Expecting("<string>");
    FailUnexpected();
  }
  return Advance().value;
}

int64_t SqlParser::ParseInteger() {
  if (Peek().type != TokenType::kInteger) {
    Expecting("<integer>");
    FailUnexpected();
  }
  const Token& token = Peek();
  int64_t value = 0;
  auto [end, error] =
      std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
  if (error != std::errc() || end != token.text.data() + token.text.size()) {
    FailAt(token, fmt::format("integer {} is out of range", token.text));
  }
  Advance();
  return value;
}

bool SqlParser::AcceptQuantifierAll() {
  // ALL is not reserved: in `SELECT all, b` or `f(all)` it names a column.
  const Token& next = Peek(1);
  bool names_column =
      next.type == TokenType::kEnd || IsKeyword(next, "FROM") || IsKeyword(next, "AS");
  for (std::string_view symbol : {",", ")", ".", ";", "[", "::"})
    names_column |= IsSymbol(next, symbol);
  if (PeekKeyword("ALL") && !names_column) {
    Advance();
    return true;
  }
  Expecting("ALL");
  return false;
}

bool SqlParser::ParseIfNotExists() {
  if (!PeekKeyword("IF")) {
    Expecting("IF");
    return false;
  }
  Advance();
  ExpectKeyword("NOT");
  ExpectKeyword("EXISTS");
  return true;
}

bool SqlParser::ParseIfExists() {
  if (!PeekKeyword("IF")) {
    Expecting("IF");
    return false;
  }
  Advance();
  ExpectKeyword("EXISTS");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Statements

std::vector<ast::StatementPtr> SqlParser::ParseStatements() {
  std::vector<ast::StatementPtr> statements;
  while (LoadNextStatement()) {
    if (PeekSymbol(";")) continue;  // an empty statement
    uint32_t begin = Peek().offset;
    ast::StatementPtr statement = ParseStatement();
    ExpectStatementEnd();
    statement->span = ast::SourceSpan{begin, tokens_[position_ - 1].end_offset()};
    statements.push_back(std::move(statement));
  }
  return statements;
}

void SqlParser::LoadStandaloneInput() {
  if (LoadNextStatement()) return;
  Token end;  // empty input
  end.location = lexer_.location();
  end.offset = static_cast<uint32_t>(sql_.size());
  tokens_.push_back(std::move(end));
}

void SqlParser::ExpectEndOfInput() {
  if (Peek().type == TokenType::kEnd) return;
  Expecting("<EOF>");
  FailUnexpected();
}

ast::ExpressionPtr SqlParser::ParseStandaloneExpression() {
  LoadStandaloneInput();
  ast::ExpressionPtr expression = ParseExpression();
  ExpectEndOfInput();
  return expression;
}

ast::TypeName SqlParser::ParseStandaloneTypeName() {
  LoadStandaloneInput();
  ast::TypeName type = ParseType();
  ExpectEndOfInput();
  return type;
}

ast::StatementPtr SqlParser::ParseStatement() {
  DepthGuard guard(*this);
  ast::SourceLocation location = Location();
  if (AtQueryStart()) return std::make_unique<ast::QueryStatement>(location, ParseQuery());
  for (std::string_view start : {"SELECT", "WITH", "VALUES", "TABLE", "("}) Expecting(start);

  if (AcceptKeyword("CREATE")) return ParseCreate(location);
  if (AcceptKeyword("DROP")) return ParseDrop(location);
  if (AcceptKeyword("ALTER")) return ParseAlterTable(location);
  if (AcceptKeyword("INSERT")) return ParseInsert(location);
  if (AcceptKeyword("UPDATE")) return ParseUpdate(location);
  if (AcceptKeyword("DELETE")) return ParseDelete(location);
  if (AcceptKeyword("MERGE")) return ParseMerge(location);
  if (AcceptKeyword("TRUNCATE")) {
    AcceptKeyword("TABLE");
    return std::make_unique<ast::Truncate>(location, ParseQualifiedName());
  }
  if (AcceptKeyword("COPY")) return ParseCopy(location);
  if (AcceptKeyword("MSCK")) {
    ExpectKeyword("REPAIR");
    ExpectKeyword("TABLE");
    return std::make_unique<ast::RepairTable>(location, ParseQualifiedName());
  }
  if (AcceptKeyword("EXPLAIN")) return ParseExplain(location);
  if (AcceptKeyword("SHOW")) return ParseShow(location);
  if (AcceptKeyword("DESCRIBE") || AcceptKeyword("DESC")) return ParseDescribe(location);
  if (AcceptKeyword("USE")) return std::make_unique<ast::Use>(location, ParseQualifiedName());
  if (AcceptKeyword("SET")) return ParseSet(location);
  if (AcceptKeyword("RESET")) return ParseReset(location);
  if (AcceptKeyword("CALL")) return ParseCall(location);
  if (AcceptKeyword("ATTACH")) return ParseAttach(location);
  if (AcceptKeyword("DETACH")) return ParseDetach(location);
  if (AcceptKeyword("GRANT")) return ParseGrantOrRevoke(location, /*revoke=*/false);
  if (AcceptKeyword("REVOKE")) return ParseGrantOrRevoke(location, /*revoke=*/true);
  for (std::string_view start : {"BEGIN", "START", "COMMIT", "ROLLBACK"}) {
    if (PeekKeyword(start)) return ParseTransaction(location);
    Expecting(start);
  }
  FailUnexpected();
}

}  // namespace switchboard::parser
