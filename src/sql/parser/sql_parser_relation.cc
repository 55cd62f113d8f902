// The FROM-clause grammar: joins, tables with time travel and aliases, subqueries, LATERAL,
// UNNEST, table functions, VALUES and file paths.
#include "sql/parser/sql_parser.h"

namespace switchboard::parser {

ast::RelationPtr SqlParser::ParseRelation() {
  DepthGuard guard(*this);
  ast::SourceLocation location = Location();
  ast::RelationPtr left = ParseAliasedRelation();
  size_t saved_depth = depth_;
  while (true) {
    ast::JoinType join_type = ast::JoinType::kInner;
    bool natural = false;
    if (AcceptKeyword("CROSS")) {
      join_type = ast::JoinType::kCross;
    } else {
      natural = AcceptKeyword("NATURAL");
      if (AcceptKeyword("LEFT")) {
        join_type = ast::JoinType::kLeft;
      } else if (AcceptKeyword("RIGHT")) {
        join_type = ast::JoinType::kRight;
      } else if (AcceptKeyword("FULL")) {
        join_type = ast::JoinType::kFull;
      } else if (!AcceptKeyword("INNER") && !PeekKeyword("JOIN")) {
        if (natural) FailUnexpected();
        Expecting("JOIN");
        break;
      }
      if (join_type != ast::JoinType::kInner) AcceptKeyword("OUTER");
    }
    ExpectKeyword("JOIN");
    EnterNesting();  // a left-deep chain: each join is one more level
    auto join = std::make_unique<ast::JoinRelation>(location, join_type, std::move(left),
                                                    ParseAliasedRelation());
    join->natural = natural;
    if (join_type != ast::JoinType::kCross && !natural) {
      if (AcceptKeyword("ON")) {
        join->condition = ParseExpression();
      } else if (AcceptKeyword("USING")) {
        join->using_columns = ParseParenthesizedIdentifiers();
      } else {
        FailUnexpected();
      }
    }
    left = std::move(join);
  }
  depth_ = saved_depth;
  return left;
}

ast::RelationPtr SqlParser::ParseAliasedRelation() {
  bool may_have_alias = true;
  ast::RelationPtr relation = ParseRelationPrimary(may_have_alias);
  if (!may_have_alias) return relation;
  // Time travel goes before the alias in Spark (`t VERSION AS OF 1 AS x`) and after it in some
  // other dialects; both orders are accepted.
  auto* table = relation->Is<ast::TableRelation>() ? &relation->As<ast::TableRelation>() : nullptr;
  if (table) table->time_travel = ParseTimeTravel();
  relation->alias = ParseTableAlias();
  if (table && !table->time_travel) table->time_travel = ParseTimeTravel();
  return relation;
}

ast::RelationPtr SqlParser::ParseRelationPrimary(bool& may_have_alias) {
  ast::SourceLocation location = Location();
  if (PeekSymbol("(")) {
    if (IsQueryAhead(0)) {
      Advance();
      auto query = ParseQuery();
      ExpectSymbol(")");
      return std::make_unique<ast::SubqueryRelation>(location, std::move(query), /*lateral=*/false);
    }
    Advance();
    ast::RelationPtr inner = ParseRelation();
    ExpectSymbol(")");
    // A parenthesized join tree cannot take an alias here; a lone relation keeps its own.
    may_have_alias = !inner->Is<ast::JoinRelation>() && !inner->alias;
    return inner;
  }
  if (PeekKeyword("LATERAL") && PeekSymbol("(", 1) && IsQueryAhead(1)) {
    Advance();
    Advance();
    auto query = ParseQuery();
    ExpectSymbol(")");
    return std::make_unique<ast::SubqueryRelation>(location, std::move(query), /*lateral=*/true);
  }
  if (AcceptKeyword("UNNEST")) {
    ExpectSymbol("(");
    DepthGuard guard(*this);
    std::vector<ast::ExpressionPtr> arguments = ParseExpressionList();
    ExpectSymbol(")");
    bool with_ordinality = PeekKeyword("WITH") && PeekKeyword("ORDINALITY", 1);
    if (with_ordinality) {
      Advance();
      Advance();
    }
    return std::make_unique<ast::UnnestRelation>(location, std::move(arguments), with_ordinality);
  }
  if (PeekKeyword("TABLE") && PeekSymbol("(", 1)) {
    // TABLE(fn(args))
    Advance();
    Advance();
    DepthGuard guard(*this);
    ast::QualifiedName name = ParseQualifiedName();
    ExpectSymbol("(");
    std::vector<ast::ExpressionPtr> arguments;
    if (!PeekSymbol(")")) arguments = ParseArguments(/*equals_names=*/true);
    ExpectSymbol(")");
    ExpectSymbol(")");
    return std::make_unique<ast::TableFunctionRelation>(location, std::move(name),
                                                        std::move(arguments));
  }
  if (PeekKeyword("VALUES")) {
    auto query = std::make_unique<ast::Query>(location);
    query->body = ParseValues();
    return std::make_unique<ast::SubqueryRelation>(location, std::move(query), /*lateral=*/false);
  }
  if (Peek().type == TokenType::kString) {
    return std::make_unique<ast::FileRelation>(location, Advance().value);
  }
  ast::QualifiedName name = ParseQualifiedName();
  if (AcceptSymbol("(")) {
    DepthGuard guard(*this);
    std::vector<ast::ExpressionPtr> arguments;
    if (!PeekSymbol(")")) arguments = ParseArguments(/*equals_names=*/true);
    ExpectSymbol(")");
    return std::make_unique<ast::TableFunctionRelation>(location, std::move(name),
                                                        std::move(arguments));
  }
  return std::make_unique<ast::TableRelation>(location, std::move(name));
}

std::optional<ast::TimeTravel> SqlParser::ParseTimeTravel() {
  ast::SourceLocation location = Location();
  size_t start = PeekKeyword("FOR") ? 1 : 0;
  bool version = PeekKeyword("VERSION", start) || (start == 1 && PeekKeyword("SYSTEM_VERSION", 1));
  bool timestamp = PeekKeyword("TIMESTAMP", start) || (start == 1 && PeekKeyword("SYSTEM_TIME", 1));
  if (!(version || timestamp) || !PeekKeyword("AS", start + 1) || !PeekKeyword("OF", start + 2)) {
    if (start == 0) {
      Expecting("FOR");
      return std::nullopt;
    }
    Advance();  // FOR
    for (std::string_view word : {"VERSION", "TIMESTAMP", "SYSTEM_VERSION", "SYSTEM_TIME"}) {
      Expecting(word);
    }
    FailUnexpected();
  }
  for (size_t i = 0; i < start + 3; ++i) Advance();
  ast::TimeTravel time_travel;
  time_travel.location = location;
  time_travel.kind = version ? ast::TimeTravel::Kind::kVersion : ast::TimeTravel::Kind::kTimestamp;
  time_travel.point = ParseExpression();
  return time_travel;
}

bool SqlParser::IsImplicitAliasAhead() const {
  if (!PeekIdentifier()) return false;
  for (std::string_view word : {"LIMIT", "OFFSET", "FETCH", "WINDOW", "QUALIFY", "SET"}) {
    if (PeekKeyword(word)) return false;
  }
  bool time_travel = (PeekKeyword("VERSION") || PeekKeyword("TIMESTAMP")) && PeekKeyword("AS", 1) &&
                     PeekKeyword("OF", 2);
  return !time_travel;
}

std::optional<ast::TableAlias> SqlParser::ParseTableAlias() {
  ast::TableAlias alias;
  alias.location = Location();
  if (AcceptKeyword("AS")) {
    alias.name = ParseIdentifier();
  } else if (IsImplicitAliasAhead()) {
    alias.name = ParseIdentifier();
  } else {
    return std::nullopt;
  }
  if (PeekSymbol("(")) alias.columns = ParseParenthesizedIdentifiers();
  return alias;
}

}  // namespace switchboard::parser
