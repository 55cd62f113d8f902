// The query grammar: WITH, set operations, SELECT specifications, VALUES, TABLE, GROUP BY,
// windows, ORDER BY and the row-limiting clauses.
#include "sql/parser/sql_parser.h"

namespace switchboard::parser {

namespace {

constexpr int kUnionLevel = 1;      // UNION and EXCEPT
constexpr int kIntersectLevel = 2;  // INTERSECT binds tighter

bool HasModifiers(const ast::Query& query) {
  return !query.with.empty() || !query.order_by.empty() || query.offset || query.limit;
}

}  // namespace

std::unique_ptr<ast::Query> SqlParser::ParseQuery() {
  DepthGuard guard(*this);
  auto query = std::make_unique<ast::Query>(Location());
  if (AcceptKeyword("WITH")) {
    query->with_recursive = AcceptKeyword("RECURSIVE");
    do {
      ast::CommonTableExpression cte;
      cte.location = Location();
      cte.name = ParseIdentifier();
      if (PeekSymbol("(")) cte.columns = ParseParenthesizedIdentifiers();
      ExpectKeyword("AS");
      ExpectSymbol("(");
      cte.query = ParseQuery();
      ExpectSymbol(")");
      query->with.push_back(std::move(cte));
    } while (AcceptSymbol(","));
  }
  query->body = ParseQueryExpression(kUnionLevel);
  ParseOrderByAndLimit(*query);
  // `(SELECT ... LIMIT 1)` on its own is just its inner query.
  if (!HasModifiers(*query) && query->body->Is<ast::ParenthesizedQuery>()) {
    return std::move(query->body->As<ast::ParenthesizedQuery>().query);
  }
  return query;
}

std::unique_ptr<ast::QueryBody> SqlParser::ParseQueryExpression(int min_level) {
  ast::SourceLocation location = Location();
  std::unique_ptr<ast::QueryBody> left = ParseQueryPrimary();
  size_t saved_depth = depth_;
  while (true) {
    ast::SetOperator op;
    int level;
    if (PeekKeyword("UNION")) {
      op = ast::SetOperator::kUnion;
      level = kUnionLevel;
    } else if (PeekKeyword("EXCEPT")) {
      op = ast::SetOperator::kExcept;
      level = kUnionLevel;
    } else if (PeekKeyword("INTERSECT")) {
      op = ast::SetOperator::kIntersect;
      level = kIntersectLevel;
    } else {
      for (std::string_view keyword : {"UNION", "EXCEPT", "INTERSECT"}) Expecting(keyword);
      break;
    }
    if (level < min_level) break;
    Advance();
    EnterNesting();
    bool all = AcceptKeyword("ALL");
    if (!all) AcceptKeyword("DISTINCT");
    std::unique_ptr<ast::QueryBody> right = ParseQueryExpression(level + 1);
    left =
        std::make_unique<ast::SetOperation>(location, op, all, std::move(left), std::move(right));
  }
  depth_ = saved_depth;
  return left;
}

std::unique_ptr<ast::QueryBody> SqlParser::ParseQueryPrimary() {
  ast::SourceLocation location = Location();
  if (PeekKeyword("SELECT")) return ParseQuerySpecification();
  if (PeekKeyword("VALUES")) return ParseValues();
  if (AcceptKeyword("TABLE"))
    return std::make_unique<ast::TableQuery>(location, ParseQualifiedName());
  if (AcceptSymbol("(")) {
    std::unique_ptr<ast::Query> inner = ParseQuery();
    ExpectSymbol(")");
    if (HasModifiers(*inner))
      return std::make_unique<ast::ParenthesizedQuery>(location, std::move(inner));
    return std::move(inner->body);
  }
  for (std::string_view start : {"SELECT", "VALUES", "TABLE", "WITH"}) Expecting(start);
  FailUnexpected();
}

std::unique_ptr<ast::QueryBody> SqlParser::ParseValues() {
  auto values = std::make_unique<ast::Values>(Location());
  ExpectKeyword("VALUES");
  do {
    // A row constructor is a row of columns; any other expression is a one-column row.
    ast::ExpressionPtr row = ParseExpression();
    std::vector<ast::ExpressionPtr> columns;
    if (row->Is<ast::RowConstructor>()) {
      columns = std::move(row->As<ast::RowConstructor>().elements);
    } else {
      columns.push_back(std::move(row));
    }
    values->rows.push_back(std::move(columns));
  } while (AcceptSymbol(","));
  return values;
}

void SqlParser::ParseOrderByAndLimit(ast::Query& query) {
  if (PeekKeyword("ORDER")) {
    query.order_by = ParseOrderBy();
  } else {
    Expecting("ORDER");
  }
  bool seen_offset = false;
  bool seen_limit = false;
  while (true) {
    if (!seen_offset && AcceptKeyword("OFFSET")) {
      seen_offset = true;
      query.offset = ParseExpression();
      if (!AcceptKeyword("ROW")) AcceptKeyword("ROWS");
    } else if (!seen_limit && AcceptKeyword("LIMIT")) {
      seen_limit = true;
      if (AcceptKeyword("ALL")) continue;
      query.limit = ParseExpression();
      if (PeekSymbol(",")) {
        // MySQL: LIMIT offset, count
        if (seen_offset) FailAt(Peek(), "OFFSET given twice");
        Advance();
        seen_offset = true;
        query.offset = std::move(query.limit);
        query.limit = ParseExpression();
      }
    } else if (!seen_limit && AcceptKeyword("FETCH")) {
      seen_limit = true;
      if (!AcceptKeyword("FIRST")) ExpectKeyword("NEXT");
      if (PeekKeyword("ROW") || PeekKeyword("ROWS")) {
        query.limit = std::make_unique<ast::Literal>(Location(), ast::LiteralKind::kInteger, "1");
      } else {
        query.limit = ParseExpression();
      }
      if (!AcceptKeyword("ROW")) ExpectKeyword("ROWS");
      if (AcceptKeyword("WITH")) {
        ExpectKeyword("TIES");
        query.limit_with_ties = true;
      } else {
        ExpectKeyword("ONLY");
      }
    } else {
      return;
    }
  }
}

std::unique_ptr<ast::QueryBody> SqlParser::ParseQuerySpecification() {
  auto select = std::make_unique<ast::QuerySpecification>(Location());
  ExpectKeyword("SELECT");
  if (AcceptKeyword("DISTINCT")) {
    select->distinct = true;
  } else {
    AcceptQuantifierAll();
  }
  do {
    // A trailing comma before FROM is accepted (Redshift).
    if (PeekKeyword("FROM") && !select->select_items.empty()) break;
    select->select_items.push_back(ParseSelectItem());
  } while (AcceptSymbol(","));
  if (AcceptKeyword("FROM")) {
    do {
      select->from.push_back(ParseRelation());
    } while (AcceptSymbol(","));
  }
  if (AcceptKeyword("WHERE")) select->where = ParseExpression();
  if (PeekKeyword("GROUP")) {
    select->group_by = ParseGroupBy();
  } else {
    Expecting("GROUP");
  }
  if (AcceptKeyword("HAVING")) select->having = ParseExpression();
  if (AcceptKeyword("WINDOW")) {
    do {
      ast::WindowDefinition window;
      window.location = Location();
      window.name = ParseIdentifier();
      ExpectKeyword("AS");
      window.spec = ParseWindowSpec();
      select->windows.push_back(std::move(window));
    } while (AcceptSymbol(","));
  }
  if (AcceptKeyword("QUALIFY")) select->qualify = ParseExpression();
  return select;
}

bool SqlParser::IsQualifiedStarAhead() const {
  for (size_t i = 0; PeekIdentifier(i) && PeekSymbol(".", i + 1); i += 2) {
    if (PeekSymbol("*", i + 2)) return true;
  }
  return false;
}

ast::SelectItem SqlParser::ParseSelectItem() {
  ast::SelectItem item;
  item.location = Location();
  bool star = AcceptSymbol("*");
  if (!star && IsQualifiedStarAhead()) {
    item.qualifier.parts.push_back(ParseIdentifier());
    while (AcceptSymbol(".") && !AcceptSymbol("*"))
      item.qualifier.parts.push_back(ParseIdentifier());
    star = true;
  }
  if (star) {
    item.kind = ast::SelectItem::Kind::kAllColumns;
    // DuckDB/Snowflake `* EXCLUDE (a, b)` or `* EXCLUDE a`; BigQuery/DuckDB `* EXCEPT (a, b)`.
    bool except_columns = PeekKeyword("EXCEPT") && PeekSymbol("(", 1) && !IsQueryAhead(1);
    if (except_columns || AcceptKeyword("EXCLUDE")) {
      if (except_columns) Advance();
      if (PeekSymbol("(")) {
        item.excluded = ParseParenthesizedIdentifiers();
      } else {
        item.excluded.push_back(ParseIdentifier());
      }
    }
    return item;
  }
  item.expression = ParseExpression();
  if (AcceptKeyword("AS")) {
    item.alias = ParseIdentifier();
  } else if (IsImplicitAliasAhead()) {
    item.alias = ParseIdentifier();
  } else {
    Expecting("AS");
  }
  return item;
}

// ---------------------------------------------------------------------------------------------
// GROUP BY

bool SqlParser::IsGroupByEnd(size_t ahead) const {
  const Token& token = Peek(ahead);
  if (token.type == TokenType::kEnd || IsSymbol(token, ")") || IsSymbol(token, ";")) return true;
  for (std::string_view word : {"HAVING", "WINDOW", "QUALIFY", "ORDER", "LIMIT", "OFFSET", "FETCH",
                                "UNION", "INTERSECT", "EXCEPT"}) {
    if (IsKeyword(token, word)) return true;
  }
  return IsKeyword(token, "WITH") &&
         (PeekKeyword("ROLLUP", ahead + 1) || PeekKeyword("CUBE", ahead + 1));
}

ast::GroupBy SqlParser::ParseGroupBy() {
  ast::GroupBy group_by;
  group_by.location = Location();
  ExpectKeyword("GROUP");
  ExpectKeyword("BY");
  if (AcceptKeyword("DISTINCT")) {
    group_by.distinct = true;
  } else if (PeekKeyword("ALL") && IsGroupByEnd(1)) {
    Advance();
    group_by.all = true;  // DuckDB: GROUP BY ALL
    return group_by;
  } else {
    AcceptQuantifierAll();
  }
  do {
    group_by.elements.push_back(ParseGroupingElement());
  } while (AcceptSymbol(","));
  // Spark: GROUP BY a, b WITH ROLLUP|CUBE
  if (PeekKeyword("WITH") && (PeekKeyword("ROLLUP", 1) || PeekKeyword("CUBE", 1))) {
    const Token& with = Advance();
    bool rollup = PeekKeyword("ROLLUP");
    Advance();
    ast::GroupingElement combined;
    combined.location = group_by.elements[0].location;
    combined.kind =
        rollup ? ast::GroupingElement::Kind::kRollup : ast::GroupingElement::Kind::kCube;
    for (auto& element : group_by.elements) {
      if (element.kind != ast::GroupingElement::Kind::kSet) {
        FailAt(with, "WITH ROLLUP and WITH CUBE apply to plain GROUP BY expressions only");
      }
      combined.sets.push_back(std::move(element.sets[0]));
    }
    group_by.elements.clear();
    group_by.elements.push_back(std::move(combined));
  }
  return group_by;
}

ast::GroupingElement SqlParser::ParseGroupingElement() {
  ast::GroupingElement element;
  element.location = Location();
  bool rollup = PeekKeyword("ROLLUP");
  if (rollup || PeekKeyword("CUBE")) {
    Advance();
    element.kind = rollup ? ast::GroupingElement::Kind::kRollup : ast::GroupingElement::Kind::kCube;
    ExpectSymbol("(");
    do {
      element.sets.push_back(ParseGroupingSet(/*top_level=*/false));
    } while (AcceptSymbol(","));
    ExpectSymbol(")");
    return element;
  }
  if (PeekKeyword("GROUPING") && PeekKeyword("SETS", 1)) {
    Advance();
    Advance();
    element.kind = ast::GroupingElement::Kind::kGroupingSets;
    ExpectSymbol("(");
    do {
      element.sets.push_back(ParseGroupingSet(/*top_level=*/false));
    } while (AcceptSymbol(","));
    ExpectSymbol(")");
    return element;
  }
  element.kind = ast::GroupingElement::Kind::kSet;
  element.sets.push_back(ParseGroupingSet(/*top_level=*/true));
  return element;
}

std::vector<ast::ExpressionPtr> SqlParser::ParseGroupingSet(bool top_level) {
  std::vector<ast::ExpressionPtr> set;
  // `(a, b)` and `()` are sets; `(a) + 1` or `(SELECT ...)` is an expression.
  bool parenthesized_set = false;
  if (PeekSymbol("(") && !IsQueryAhead(0)) {
    size_t close = MatchingParen(position_);
    if (close != 0) {
      size_t after = close - position_ + 1;
      parenthesized_set =
          PeekSymbol(",", after) || (top_level ? IsGroupByEnd(after) : PeekSymbol(")", after));
    }
  }
  if (!parenthesized_set) {
    set.push_back(ParseExpression());
    return set;
  }
  Advance();
  DepthGuard guard(*this);
  if (!PeekSymbol(")")) set = ParseExpressionList();
  ExpectSymbol(")");
  return set;
}

}  // namespace switchboard::parser
