// The parser's entry points: run the recursive-descent parser and turn its errors into Results.
#include "sql/parser/parser.h"

#include "sql/parser/sql_parser.h"

namespace switchboard {

Result<std::vector<std::unique_ptr<ast::Statement>>> ParseSql(std::string_view sql) {
  return CatchErrors([&] { return parser::SqlParser(sql).ParseStatements(); });
}

Result<std::unique_ptr<ast::Expression>> ParseExpression(std::string_view sql) {
  return CatchErrors([&] { return parser::SqlParser(sql).ParseStandaloneExpression(); });
}

Result<ast::TypeName> ParseTypeName(std::string_view sql) {
  return CatchErrors([&] { return parser::SqlParser(sql).ParseStandaloneTypeName(); });
}

}  // namespace switchboard
