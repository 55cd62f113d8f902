// The data-changing grammar: INSERT, UPDATE, DELETE, MERGE and COPY.
#include "sql/parser/sql_parser.h"

namespace switchboard::parser {

ast::StatementPtr SqlParser::ParseInsert(ast::SourceLocation location) {
  bool overwrite = AcceptKeyword("OVERWRITE");
  if (overwrite) {
    AcceptKeyword("TABLE");
  } else {
    ExpectKeyword("INTO");
    AcceptKeyword("TABLE");
  }
  auto insert = std::make_unique<ast::Insert>(location, ParseQualifiedName());
  insert->overwrite = overwrite;
  if (AcceptKeyword("PARTITION")) {
    // Static `k = v` and dynamic `k` partition columns.
    ExpectSymbol("(");
    do {
      ast::Property partition;
      partition.location = Location();
      partition.name = ParseIdentifier().name;
      if (AcceptSymbol("=")) partition.value = ParseExpression();
      insert->partition.push_back(std::move(partition));
    } while (AcceptSymbol(","));
    ExpectSymbol(")");
  }
  if (PeekSymbol("(") && !IsQueryAhead(0)) insert->columns = ParseParenthesizedIdentifiers();
  if (AcceptKeyword("DEFAULT")) {
    ExpectKeyword("VALUES");
    return insert;
  }
  insert->query = ParseQuery();
  return insert;
}

std::optional<ast::Identifier> SqlParser::ParseTargetAlias() {
  if (AcceptKeyword("AS") || IsImplicitAliasAhead()) return ParseIdentifier();
  return std::nullopt;
}

ast::StatementPtr SqlParser::ParseUpdate(ast::SourceLocation location) {
  auto update = std::make_unique<ast::Update>(location, ParseQualifiedName());
  update->alias = ParseTargetAlias();
  ExpectKeyword("SET");
  update->assignments = ParseAssignments();
  if (AcceptKeyword("FROM")) {
    do {
      update->from.push_back(ParseRelation());
    } while (AcceptSymbol(","));
  }
  if (AcceptKeyword("WHERE")) update->where = ParseExpression();
  return update;
}

ast::StatementPtr SqlParser::ParseDelete(ast::SourceLocation location) {
  ExpectKeyword("FROM");
  auto delete_statement = std::make_unique<ast::Delete>(location, ParseQualifiedName());
  delete_statement->alias = ParseTargetAlias();
  if (AcceptKeyword("WHERE")) delete_statement->where = ParseExpression();
  return delete_statement;
}

std::vector<ast::Assignment> SqlParser::ParseAssignments() {
  std::vector<ast::Assignment> assignments;
  do {
    assignments.push_back(ParseAssignment());
  } while (AcceptSymbol(","));
  return assignments;
}

ast::Assignment SqlParser::ParseAssignment() {
  ast::Assignment assignment;
  assignment.location = Location();
  if (AcceptSymbol("*")) {
    assignment.all_columns = true;  // MERGE: UPDATE SET *
    return assignment;
  }
  if (IsQualifiedStarAhead()) {
    // `target.* = source.*`
    assignment.all_columns = true;
    assignment.target = ParseQualifiedName();
    ExpectSymbol(".");
    ExpectSymbol("*");
    ExpectSymbol("=");
    assignment.source = ParseQualifiedName();
    ExpectSymbol(".");
    ExpectSymbol("*");
    return assignment;
  }
  assignment.target = ParseQualifiedName();
  ExpectSymbol("=");
  assignment.value = ParseExpression();
  return assignment;
}

ast::StatementPtr SqlParser::ParseMerge(ast::SourceLocation location) {
  ExpectKeyword("INTO");
  auto merge = std::make_unique<ast::Merge>(location, ParseQualifiedName());
  merge->target_alias = ParseTargetAlias();
  ExpectKeyword("USING");
  merge->source = ParseAliasedRelation();
  ExpectKeyword("ON");
  merge->condition = ParseExpression();
  while (PeekKeyword("WHEN")) merge->clauses.push_back(ParseMergeClause());
  if (merge->clauses.empty()) {
    Expecting("WHEN");
    FailUnexpected();
  }
  return merge;
}

ast::MergeClause SqlParser::ParseMergeClause() {
  using Match = ast::MergeClause::Match;
  using Action = ast::MergeClause::Action;
  ast::MergeClause clause;
  clause.location = Location();
  ExpectKeyword("WHEN");
  if (AcceptKeyword("NOT")) {
    ExpectKeyword("MATCHED");
    clause.match = Match::kNotMatchedByTarget;
    if (AcceptKeyword("BY")) {
      if (AcceptKeyword("SOURCE")) {
        clause.match = Match::kNotMatchedBySource;
      } else {
        ExpectKeyword("TARGET");
      }
    }
  } else {
    ExpectKeyword("MATCHED");
    clause.match = Match::kMatched;
  }
  if (AcceptKeyword("AND")) clause.condition = ParseExpression();
  ExpectKeyword("THEN");
  if (clause.match == Match::kNotMatchedByTarget) {
    ExpectKeyword("INSERT");
    clause.action = Action::kInsert;
    if (AcceptSymbol("*")) {
      clause.insert_all = true;
      return clause;
    }
    if (PeekSymbol("(")) clause.insert_columns = ParseParenthesizedIdentifiers();
    ExpectKeyword("VALUES");
    ExpectSymbol("(");
    clause.insert_values = ParseExpressionList();
    ExpectSymbol(")");
    return clause;
  }
  if (AcceptKeyword("DELETE")) {
    clause.action = Action::kDelete;
    return clause;
  }
  ExpectKeyword("UPDATE");
  ExpectKeyword("SET");
  clause.action = Action::kUpdate;
  clause.assignments = ParseAssignments();
  return clause;
}

ast::StatementPtr SqlParser::ParseCopy(ast::SourceLocation location) {
  auto copy = std::make_unique<ast::CopyStatement>(location);
  if (AcceptSymbol("(")) {
    copy->query = ParseQuery();
    ExpectSymbol(")");
    ExpectKeyword("TO");
  } else {
    copy->table = ParseQualifiedName();
    if (PeekSymbol("(")) copy->columns = ParseParenthesizedIdentifiers();
    if (AcceptKeyword("FROM")) {
      copy->from_file = true;
    } else {
      ExpectKeyword("TO");
    }
  }
  copy->file = ParseString();
  if (AcceptKeyword("WITH") || PeekSymbol("(")) copy->options = ParseOptionList();
  return copy;
}

}  // namespace switchboard::parser
