// Helpers shared by the parser tests.
#include "sql/parser/tests/parser_test_util.h"

namespace switchboard::testing {

namespace {

Result<std::string> PrintAll(std::string_view sql) {
  auto parsed = ParseSql(sql);
  if (!parsed.ok()) return std::move(parsed).error();
  std::string printed;
  for (const auto& statement : *parsed) printed += statement->ToString() + ";\n";
  return printed;
}

}  // namespace

std::string RoundTrip(std::string_view sql) {
  auto first = PrintAll(sql);
  if (!first.ok()) return "FAIL: " + first.error().message;
  auto second = PrintAll(*first);
  if (!second.ok())
    return "FAIL: printed SQL does not parse: " + second.error().message + "\n" + *first;
  if (*first != *second) return "FAIL: printing is not stable:\n" + *first + *second;
  return *first;
}

std::unique_ptr<ast::Statement> ParseOne(std::string_view sql) {
  std::string printed = RoundTrip(sql);
  EXPECT_FALSE(printed.starts_with("FAIL")) << sql << "\n" << printed;
  auto parsed = ParseSql(sql);
  if (!parsed.ok()) {
    ADD_FAILURE() << parsed.error().message;
    return nullptr;
  }
  EXPECT_EQ(parsed->size(), 1u) << sql;
  return parsed->empty() ? nullptr : std::move(parsed->front());
}

std::unique_ptr<ast::Query> ParseQuery(std::string_view sql) {
  auto statement = ParseOne(sql);
  if (!statement || !statement->Is<ast::QueryStatement>()) {
    ADD_FAILURE() << "not a query: " << sql;
    return nullptr;
  }
  return std::move(statement->As<ast::QueryStatement>().query);
}

const ast::QuerySpecification& Select(const ast::Query& query) {
  return query.body->As<ast::QuerySpecification>();
}

std::unique_ptr<ast::Expression> ParseExpr(std::string_view sql) {
  auto parsed = ParseExpression(sql);
  if (!parsed.ok()) {
    ADD_FAILURE() << sql << ": " << parsed.error().message;
    return nullptr;
  }
  std::string printed = (*parsed)->ToString();
  auto reparsed = ParseExpression(printed);
  if (!reparsed.ok()) {
    ADD_FAILURE() << printed << ": " << reparsed.error().message;
  } else {
    EXPECT_EQ((*reparsed)->ToString(), printed) << sql;
  }
  return std::move(parsed).value();
}

std::string SyntaxError(std::string_view sql) {
  auto parsed = ParseSql(sql);
  if (parsed.ok()) {
    ADD_FAILURE() << "expected a syntax error: " << sql;
    return "";
  }
  EXPECT_EQ(parsed.error().code, ErrorCode::kSyntaxError) << parsed.error().message;
  return parsed.error().message;
}

}  // namespace switchboard::testing
