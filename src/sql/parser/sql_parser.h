// The recursive-descent SQL parser behind ParseSql, ParseExpression and ParseTypeName.
//
// Its grammar is split over several files by area: sql_parser.cc (token handling, errors,
// statement dispatch), sql_parser_expression.cc, sql_parser_type.cc, sql_parser_query.cc,
// sql_parser_relation.cc, sql_parser_ddl.cc, sql_parser_dml.cc and sql_parser_session.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/parser/ast/access_control_statements.h"
#include "sql/parser/ast/alter_table_action.h"
#include "sql/parser/ast/ddl_statements.h"
#include "sql/parser/ast/dml_statements.h"
#include "sql/parser/ast/expression.h"
#include "sql/parser/ast/query.h"
#include "sql/parser/ast/relation.h"
#include "sql/parser/ast/session_statements.h"
#include "sql/parser/ast/statement.h"
#include "sql/parser/lexer.h"
#include "sql/parser/token.h"

namespace switchboard::parser {

/// Parses SQL text. One instance parses one text; each entry point may be called once. Errors
/// throw Exception{kSyntaxError} with a message "line L:C: ..." (the public functions in parser.h
/// turn them into Results). Nesting deeper than kMaxDepth (parentheses, subqueries, operator
/// chains, nested types) is a syntax error, so no input makes the parser or the AST's recursive
/// functions exhaust the stack.
class SqlParser {
 public:
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer frames take several times more stack; stop earlier to fit the same stack.
  static constexpr size_t kMaxDepth = 250;
#else
  static constexpr size_t kMaxDepth = 1000;
#endif

  explicit SqlParser(std::string_view sql);

  std::vector<ast::StatementPtr> ParseStatements();
  ast::ExpressionPtr ParseStandaloneExpression();
  ast::TypeName ParseStandaloneTypeName();

 private:
  /// Counts one level of nesting for as long as it lives.
  class DepthGuard {
   public:
    explicit DepthGuard(SqlParser& parser) : parser_(parser) { parser_.EnterNesting(); }
    ~DepthGuard() { --parser_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    SqlParser& parser_;
  };

  // ----- tokens and errors (sql_parser.cc) -----
  /// Lexes the next statement into tokens_ and resets the per-statement state; false at the end.
  bool LoadNextStatement();
  /// Loads the whole input of ParseExpression/ParseTypeName (an empty input is just the end).
  void LoadStandaloneInput();
  /// Fails unless every token of a standalone input was consumed (a ';' is not allowed).
  void ExpectEndOfInput();
  const Token& Peek(size_t ahead = 0) const;
  const Token& Advance();
  ast::SourceLocation Location() const { return Peek().location; }
  bool IsKeyword(const Token& token, std::string_view keyword) const;
  bool IsSymbol(const Token& token, std::string_view symbol) const;
  /// Lookahead without recording an expectation, for disambiguation.
  bool PeekKeyword(std::string_view keyword, size_t ahead = 0) const;
  bool PeekSymbol(std::string_view symbol, size_t ahead = 0) const;
  /// Consumes the token when it matches; otherwise records it as expected here.
  bool AcceptKeyword(std::string_view keyword);
  bool AcceptSymbol(std::string_view symbol);
  void ExpectKeyword(std::string_view keyword);
  void ExpectSymbol(std::string_view symbol);
  /// Consumes `>`, or the `>` of a `>=` token (closing `ARRAY<INT>=`).
  void ExpectClosingAngle();
  /// Records that `what` (a keyword, symbol or <description>) would be valid at this token.
  void Expecting(std::string_view what);
  /// "line L:C: mismatched input 'X'. Expecting: ..." at the current token.
  [[noreturn]] void FailUnexpected();
  /// "line L:C: message" at `token`.
  [[noreturn]] void FailAt(const Token& token, std::string_view message) const;
  bool AtStatementEnd() const;
  /// Fails unless the statement ends here (at ';' or the end of the input).
  void ExpectStatementEnd();
  void EnterNesting();
  /// Index of the ')' matching the '(' at token index `open`, or 0 when unmatched.
  size_t MatchingParen(size_t open) const;
  /// True when the '(' at `ahead` opens a query: `(SELECT ...)`, `((SELECT ...) UNION ...)`.
  bool IsQueryAhead(size_t ahead) const;
  /// True when the current token starts a query: SELECT, WITH, VALUES, TABLE or `(query`.
  bool AtQueryStart() const;

  // ----- names and literals (sql_parser.cc) -----
  /// True when the token at `ahead` can be an identifier: a non-reserved word or a quoted name.
  bool PeekIdentifier(size_t ahead = 0) const;
  ast::Identifier ParseIdentifier();
  ast::QualifiedName ParseQualifiedName();
  /// `(a, b, c)`.
  std::vector<ast::Identifier> ParseParenthesizedIdentifiers();
  std::string ParseString();
  int64_t ParseInteger();
  /// The set quantifier ALL of SELECT, GROUP BY and calls, unless `all` is a column name here.
  bool AcceptQuantifierAll();
  bool ParseIfNotExists();
  bool ParseIfExists();

  // ----- statements (sql_parser.cc) -----
  ast::StatementPtr ParseStatement();

  // ----- expressions (sql_parser_expression.cc) -----
  ast::ExpressionPtr ParseExpression();
  ast::ExpressionPtr ParseOr();
  ast::ExpressionPtr ParseAnd();
  ast::ExpressionPtr ParseNot();
  ast::ExpressionPtr ParsePredicate();
  /// Operators || + - * / % at `min_level` and tighter (see the levels in the .cc file).
  ast::ExpressionPtr ParseValueExpression(int min_level = 0);
  ast::ExpressionPtr ParseUnary();
  ast::ExpressionPtr ParsePostfix();
  ast::ExpressionPtr ParsePrimary();
  ast::ExpressionPtr ParseParenthesized();
  ast::ExpressionPtr ParseWord();
  ast::ExpressionPtr ParseNameOrCall();
  ast::ExpressionPtr ParseFunctionCall(ast::QualifiedName name, ast::SourceLocation location);
  /// IGNORE NULLS / RESPECT NULLS when they come next.
  ast::NullTreatment ParseNullTreatment();
  /// What may follow a call's ')': WITHIN GROUP, FILTER, IGNORE|RESPECT NULLS, OVER.
  void ParseCallSuffix(ast::FunctionCall& call);
  /// Arguments up to (not including) ')': expressions, lambdas, `name => value`, and with
  /// `equals_names` also `name = value` (table functions).
  std::vector<ast::ExpressionPtr> ParseArguments(bool equals_names);
  ast::ExpressionPtr ParseArgument(bool equals_names);
  bool IsLambdaAhead() const;
  ast::ExpressionPtr ParseLambda();
  ast::ExpressionPtr ParseCase();
  ast::ExpressionPtr ParseCast(bool safe);
  ast::ExpressionPtr ParseExtract();
  ast::ExpressionPtr ParseTrim();
  ast::ExpressionPtr ParseSubstring();
  ast::ExpressionPtr ParsePosition();
  ast::ExpressionPtr ParseCurrentValue(ast::CurrentValueKind value, bool takes_precision);
  bool IsIntervalLiteralAhead() const;
  ast::ExpressionPtr ParseIntervalLiteral();
  std::optional<ast::IntervalField> PeekIntervalField(size_t ahead = 0) const;
  /// True when a typed literal (`DATE '...'`, `TIMESTAMP WITH TIME ZONE '...'`) starts here.
  bool IsTypedLiteralAhead() const;
  ast::ExpressionPtr ParseTypedLiteral();
  /// True when the parentheses starting at the current '(' hold `keyword` outside any nested
  /// parentheses (SUBSTRING(x FROM 1), POSITION(a IN b)).
  bool ParenthesesContainKeyword(std::string_view keyword) const;
  std::vector<ast::ExpressionPtr> ParseExpressionList();
  ast::SortItem ParseSortItem();
  std::vector<ast::SortItem> ParseOrderBy();
  ast::WindowSpec ParseWindowSpec();
  ast::WindowFrame ParseWindowFrame();
  ast::FrameBound ParseFrameBound();
  /// A value standing between words, like an option value: unary level, no binary operators.
  ast::ExpressionPtr ParseOptionValue();

  // ----- type names (sql_parser_type.cc) -----
  ast::TypeName ParseType();
  /// True when the token at `ahead` can start a type name.
  bool PeekTypeStart(size_t ahead = 0) const;
  void ParseTypeParameters(ast::TypeName& type, bool angle_brackets);
  /// Parses a type and appends it to `type` as a kType parameter.
  void AddTypeParameter(ast::TypeName& type);
  /// The closing '>' or ')' of a parameter list.
  void ExpectTypeClose(bool angle_brackets);
  void ParseRowFields(ast::TypeName& type, bool angle_brackets);

  // ----- queries (sql_parser_query.cc) -----
  std::unique_ptr<ast::Query> ParseQuery();
  std::unique_ptr<ast::QueryBody> ParseQueryExpression(int min_level);
  std::unique_ptr<ast::QueryBody> ParseQueryPrimary();
  std::unique_ptr<ast::QueryBody> ParseQuerySpecification();
  std::unique_ptr<ast::QueryBody> ParseValues();
  void ParseOrderByAndLimit(ast::Query& query);
  ast::SelectItem ParseSelectItem();
  /// True when a qualified `name.*` starts here.
  bool IsQualifiedStarAhead() const;
  ast::GroupBy ParseGroupBy();
  ast::GroupingElement ParseGroupingElement();
  std::vector<ast::ExpressionPtr> ParseGroupingSet(bool top_level);
  /// True when the token at `ahead` ends a GROUP BY element list.
  bool IsGroupByEnd(size_t ahead) const;

  // ----- FROM clause (sql_parser_relation.cc) -----
  ast::RelationPtr ParseRelation();
  ast::RelationPtr ParseAliasedRelation();
  ast::RelationPtr ParseRelationPrimary(bool& may_have_alias);
  std::optional<ast::TimeTravel> ParseTimeTravel();
  std::optional<ast::TableAlias> ParseTableAlias();
  /// True when an alias without AS comes next: an identifier that does not start a clause
  /// (LIMIT, OFFSET, FETCH, WINDOW, QUALIFY, SET, time travel), as Trino's grammar would decide.
  bool IsImplicitAliasAhead() const;

  // ----- data definition (sql_parser_ddl.cc) -----
  ast::StatementPtr ParseCreate(ast::SourceLocation location);
  ast::StatementPtr ParseCreateTable(ast::SourceLocation location, bool or_replace, bool temporary,
                                     bool external);
  void ParseCreateTableClauses(ast::CreateTable& table);
  void ParseTableElements(ast::CreateTable& table);
  ast::StatementPtr ParseCreateView(ast::SourceLocation location, bool or_replace, bool temporary);
  ast::StatementPtr ParseCreateSchema(ast::SourceLocation location);
  ast::StatementPtr ParseCreateExternalSchema(ast::SourceLocation location);
  ast::ColumnDefinition ParseColumnDefinition();
  /// The rest of `ROW FORMAT ...` after ROW, which is at `location`.
  ast::RowFormat ParseRowFormat(ast::SourceLocation location);
  /// `(k = v, ...)` with identifier names (Trino).
  std::vector<ast::Property> ParseProperties();
  /// `k = v, ...` without parentheses (SET PROPERTIES).
  std::vector<ast::Property> ParsePropertyAssignments();
  /// `('k' = 'v', ...)` with string or identifier keys (TBLPROPERTIES, DBPROPERTIES).
  std::vector<ast::Property> ParseStringKeyProperties();
  /// One Snowflake option `NAME = value`.
  ast::Property ParseSnowflakeOption();
  /// `(NAME [value], ...)` (COPY, ATTACH, EXPLAIN).
  std::vector<ast::Property> ParseOptionList();
  ast::StatementPtr ParseDrop(ast::SourceLocation location);
  ast::StatementPtr ParseAlterTable(ast::SourceLocation location);
  std::unique_ptr<ast::AlterTableAction> ParseAlterTableAction();
  std::unique_ptr<ast::AlterTableAction> ParseAlterColumn(ast::SourceLocation location);
  std::unique_ptr<ast::AlterTableAction> ParseCreateSnapshotRef(ast::SourceLocation location);
  ast::RetentionPeriod ParseRetentionPeriod();

  // ----- data changes (sql_parser_dml.cc) -----
  ast::StatementPtr ParseInsert(ast::SourceLocation location);
  ast::StatementPtr ParseUpdate(ast::SourceLocation location);
  ast::StatementPtr ParseDelete(ast::SourceLocation location);
  ast::StatementPtr ParseMerge(ast::SourceLocation location);
  ast::MergeClause ParseMergeClause();
  std::vector<ast::Assignment> ParseAssignments();
  ast::Assignment ParseAssignment();
  std::optional<ast::Identifier> ParseTargetAlias();
  ast::StatementPtr ParseCopy(ast::SourceLocation location);

  // ----- session, catalog and access control (sql_parser_session.cc) -----
  ast::StatementPtr ParseExplain(ast::SourceLocation location);
  ast::StatementPtr ParseShow(ast::SourceLocation location);
  ast::StatementPtr ParseDescribe(ast::SourceLocation location);
  ast::StatementPtr ParseSet(ast::SourceLocation location);
  ast::StatementPtr ParseReset(ast::SourceLocation location);
  ast::StatementPtr ParseCall(ast::SourceLocation location);
  ast::StatementPtr ParseAttach(ast::SourceLocation location);
  ast::StatementPtr ParseDetach(ast::SourceLocation location);
  ast::StatementPtr ParseTransaction(ast::SourceLocation location);
  ast::StatementPtr ParseCreateUser(ast::SourceLocation location);
  ast::StatementPtr ParseGrantOrRevoke(ast::SourceLocation location, bool revoke);
  std::vector<ast::Principal> ParsePrincipals();

  std::string_view sql_;
  Lexer lexer_;
  std::vector<Token> tokens_;       // the current statement's tokens, ending with kEnd
  std::vector<uint32_t> matching_;  // per token: index of the matching parenthesis, or 0
  size_t position_ = 0;
  size_t depth_ = 0;
  uint32_t parameter_count_ = 0;
  size_t expected_position_ = SIZE_MAX;
  std::vector<std::string_view> expected_;
};

}  // namespace switchboard::parser
