// The grammar of session, catalog and access-control statements: EXPLAIN, SHOW, DESCRIBE,
// SET/RESET, CALL, ATTACH/DETACH, transactions, users, roles and grants.
#include "common/string_util.h"
#include "sql/parser/sql_parser.h"

namespace switchboard::parser {

ast::StatementPtr SqlParser::ParseExplain(ast::SourceLocation location) {
  bool analyze = AcceptKeyword("ANALYZE");
  bool verbose = AcceptKeyword("VERBOSE");
  std::vector<ast::Property> options;
  if (PeekSymbol("(") && !IsQueryAhead(0)) options = ParseOptionList();
  auto explain = std::make_unique<ast::Explain>(location, ParseStatement());
  explain->analyze = analyze;
  explain->verbose = verbose;
  explain->options = std::move(options);
  return explain;
}

ast::StatementPtr SqlParser::ParseShow(ast::SourceLocation location) {
  using What = ast::Show::What;
  // Lists that take an optional `FROM|IN container` and `LIKE 'pattern'`.
  auto list = [&](What what, bool container) {
    auto show = std::make_unique<ast::Show>(location, what);
    if (container && (AcceptKeyword("FROM") || AcceptKeyword("IN")))
      show->target = ParseQualifiedName();
    if (AcceptKeyword("LIKE")) show->like_pattern = ParseString();
    return show;
  };
  if (AcceptKeyword("CATALOGS")) return list(What::kCatalogs, false);
  if (AcceptKeyword("SCHEMAS") || AcceptKeyword("DATABASES")) return list(What::kSchemas, true);
  if (AcceptKeyword("TABLES")) return list(What::kTables, true);
  if (AcceptKeyword("FUNCTIONS")) return list(What::kFunctions, false);
  if (AcceptKeyword("SESSION")) return list(What::kSession, false);
  if (AcceptKeyword("COLUMNS")) {
    if (!AcceptKeyword("FROM")) ExpectKeyword("IN");
    auto show = std::make_unique<ast::Show>(location, What::kColumns);
    show->target = ParseQualifiedName();
    if (AcceptKeyword("LIKE")) show->like_pattern = ParseString();
    return show;
  }
  if (AcceptKeyword("TBLPROPERTIES")) {
    auto show = std::make_unique<ast::Show>(location, What::kTblProperties);
    show->target = ParseQualifiedName();
    return show;
  }
  ExpectKeyword("CREATE");
  What what;
  if (AcceptKeyword("TABLE")) {
    what = What::kCreateTable;
  } else if (AcceptKeyword("VIEW")) {
    what = What::kCreateView;
  } else if (AcceptKeyword("SCHEMA") || AcceptKeyword("DATABASE")) {
    what = What::kCreateSchema;
  } else {
    FailUnexpected();
  }
  auto show = std::make_unique<ast::Show>(location, what);
  show->target = ParseQualifiedName();
  return show;
}

ast::StatementPtr SqlParser::ParseDescribe(ast::SourceLocation location) {
  auto describe = std::make_unique<ast::Describe>(location);
  // DESCRIBE TABLE t names a table; other query starts describe a query.
  if (AtQueryStart() && !PeekKeyword("TABLE")) {
    describe->query = ParseQuery();
    return describe;
  }
  AcceptKeyword("TABLE");
  if (PeekKeyword("EXTENDED") && PeekIdentifier(1)) {
    Advance();
    describe->extended = true;
  } else if (PeekKeyword("FORMATTED") && PeekIdentifier(1)) {
    Advance();
    describe->formatted = true;
  }
  describe->table = ParseQualifiedName();
  return describe;
}

ast::StatementPtr SqlParser::ParseSet(ast::SourceLocation location) {
  bool assignment_follows = PeekSymbol("=", 1) || PeekKeyword("TO", 1);
  if (PeekKeyword("ROLE") && !assignment_follows) {
    Advance();
    if (AcceptKeyword("ALL"))
      return std::make_unique<ast::SetRole>(location, ast::SetRole::Mode::kAll);
    if (AcceptKeyword("NONE"))
      return std::make_unique<ast::SetRole>(location, ast::SetRole::Mode::kNone);
    auto set_role = std::make_unique<ast::SetRole>(location, ast::SetRole::Mode::kRole);
    set_role->role = ParseIdentifier();
    return set_role;
  }
  if (PeekKeyword("TIME") && PeekKeyword("ZONE", 1)) {
    Advance();
    Advance();
    return std::make_unique<ast::SetTimeZone>(location,
                                              AcceptKeyword("LOCAL") ? nullptr : ParseExpression());
  }
  if (PeekKeyword("SESSION") && !assignment_follows) Advance();
  ast::QualifiedName name = ParseQualifiedName();
  if (!AcceptSymbol("=")) ExpectKeyword("TO");
  return std::make_unique<ast::SetSession>(location, std::move(name), ParseExpression());
}

ast::StatementPtr SqlParser::ParseReset(ast::SourceLocation location) {
  if (PeekKeyword("SESSION") && PeekIdentifier(1)) Advance();
  return std::make_unique<ast::ResetSession>(location, ParseQualifiedName());
}

ast::StatementPtr SqlParser::ParseCall(ast::SourceLocation location) {
  auto call = std::make_unique<ast::Call>(location, ParseQualifiedName());
  ExpectSymbol("(");
  DepthGuard guard(*this);
  if (!PeekSymbol(")")) call->arguments = ParseArguments(/*equals_names=*/false);
  ExpectSymbol(")");
  return call;
}

ast::StatementPtr SqlParser::ParseAttach(ast::SourceLocation location) {
  AcceptKeyword("DATABASE");
  bool if_not_exists = ParseIfNotExists();
  auto attach = std::make_unique<ast::Attach>(location, ParseString());
  attach->if_not_exists = if_not_exists;
  if (AcceptKeyword("AS")) attach->alias = ParseIdentifier();
  if (PeekSymbol("(")) attach->options = ParseOptionList();
  return attach;
}

ast::StatementPtr SqlParser::ParseDetach(ast::SourceLocation location) {
  if (PeekKeyword("DATABASE") && (PeekIdentifier(1) || PeekKeyword("IF", 1))) Advance();
  bool if_exists = ParseIfExists();
  auto detach = std::make_unique<ast::Detach>(location, ParseIdentifier());
  detach->if_exists = if_exists;
  return detach;
}

ast::StatementPtr SqlParser::ParseTransaction(ast::SourceLocation location) {
  using Action = ast::Transaction::Action;
  Action action;
  if (AcceptKeyword("START")) {
    ExpectKeyword("TRANSACTION");
    return std::make_unique<ast::Transaction>(location, Action::kBegin);
  }
  if (AcceptKeyword("BEGIN")) {
    action = Action::kBegin;
  } else if (AcceptKeyword("COMMIT")) {
    action = Action::kCommit;
  } else {
    ExpectKeyword("ROLLBACK");
    action = Action::kRollback;
  }
  if (!AcceptKeyword("TRANSACTION")) AcceptKeyword("WORK");
  return std::make_unique<ast::Transaction>(location, action);
}

// ---------------------------------------------------------------------------------------------
// Users, roles and grants

ast::StatementPtr SqlParser::ParseCreateUser(ast::SourceLocation location) {
  auto user = std::make_unique<ast::CreateUser>(location, ParseIdentifier());
  bool with = AcceptKeyword("WITH");
  if (with || PeekKeyword("PASSWORD")) {
    ExpectKeyword("PASSWORD");
    user->password = ParseString();
  }
  return user;
}

std::vector<ast::Principal> SqlParser::ParsePrincipals() {
  std::vector<ast::Principal> principals;
  do {
    ast::Principal principal;
    principal.location = Location();
    if (PeekKeyword("USER") && PeekIdentifier(1)) {
      Advance();
      principal.type = ast::Principal::Type::kUser;
    } else if (PeekKeyword("ROLE") && PeekIdentifier(1)) {
      Advance();
      principal.type = ast::Principal::Type::kRole;
    }
    principal.name = ParseIdentifier();
    principals.push_back(std::move(principal));
  } while (AcceptSymbol(","));
  return principals;
}

ast::StatementPtr SqlParser::ParseGrantOrRevoke(ast::SourceLocation location, bool revoke) {
  bool grant_option_for = false;
  bool admin_option_for = false;
  if (revoke && PeekKeyword("OPTION", 1) && PeekKeyword("FOR", 2)) {
    grant_option_for = PeekKeyword("GRANT");
    admin_option_for = PeekKeyword("ADMIN");
    if (grant_option_for || admin_option_for) {
      Advance();
      Advance();
      Advance();
    }
  }
  // The list before ON (privileges) or before TO/FROM (roles); which one it is shows after it.
  struct Item {
    const Token* token;
    bool all;  // ALL [PRIVILEGES]
    std::vector<ast::Identifier> columns;
  };
  std::vector<Item> items;
  do {
    Item item{&Peek(), false, {}};
    if (AcceptKeyword("ALL")) {
      item.all = true;
      AcceptKeyword("PRIVILEGES");
    } else if (Peek().type == TokenType::kWord || Peek().type == TokenType::kQuotedIdentifier) {
      Advance();
    } else {
      Expecting("<privilege>");
      FailUnexpected();
    }
    if (PeekSymbol("(")) item.columns = ParseParenthesizedIdentifiers();
    items.push_back(std::move(item));
  } while (AcceptSymbol(","));

  std::string_view preposition = revoke ? "FROM" : "TO";
  if (!admin_option_for && AcceptKeyword("ON")) {
    std::vector<ast::Privilege> privileges;
    for (auto& item : items) {
      std::string name = item.all
                             ? "ALL PRIVILEGES"
                             : ToUpper(item.token->type == TokenType::kWord ? item.token->text
                                                                            : item.token->value);
      privileges.push_back({std::move(name), std::move(item.columns), item.token->location});
    }
    ast::GrantObject object;
    object.location = Location();
    if (AcceptKeyword("TABLE")) {
      object.type = ast::GrantObject::Type::kTable;
    } else if (AcceptKeyword("SCHEMA")) {
      object.type = ast::GrantObject::Type::kSchema;
    }
    object.name = ParseQualifiedName();
    ExpectKeyword(preposition);
    std::vector<ast::Principal> grantees = ParsePrincipals();
    if (revoke) {
      auto statement = std::make_unique<ast::Revoke>(location);
      statement->grant_option_for = grant_option_for;
      statement->privileges = std::move(privileges);
      statement->object = std::move(object);
      statement->grantees = std::move(grantees);
      return statement;
    }
    auto statement = std::make_unique<ast::Grant>(location);
    statement->privileges = std::move(privileges);
    statement->object = std::move(object);
    statement->grantees = std::move(grantees);
    if (AcceptKeyword("WITH")) {
      ExpectKeyword("GRANT");
      ExpectKeyword("OPTION");
      statement->with_grant_option = true;
    }
    return statement;
  }

  // Role grants: every item must be a plain role name.
  if (grant_option_for) ExpectKeyword("ON");
  ExpectKeyword(preposition);
  std::vector<ast::Identifier> roles;
  for (const auto& item : items) {
    bool quoted = item.token->type == TokenType::kQuotedIdentifier;
    if (item.all || !item.columns.empty() || (!quoted && item.token->reserved)) {
      FailAt(*item.token, "expected a role name");
    }
    roles.push_back(
        {quoted ? item.token->value : std::string(item.token->text), quoted, item.token->location});
  }
  std::vector<ast::Principal> grantees = ParsePrincipals();
  if (revoke) {
    auto statement = std::make_unique<ast::RevokeRoles>(location);
    statement->admin_option_for = admin_option_for;
    statement->roles = std::move(roles);
    statement->grantees = std::move(grantees);
    return statement;
  }
  auto statement = std::make_unique<ast::GrantRoles>(location);
  statement->roles = std::move(roles);
  statement->grantees = std::move(grantees);
  if (AcceptKeyword("WITH")) {
    ExpectKeyword("ADMIN");
    ExpectKeyword("OPTION");
    statement->with_admin_option = true;
  }
  return statement;
}

}  // namespace switchboard::parser
