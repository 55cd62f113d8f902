// Tests for session, catalog and access-control statements: EXPLAIN, SHOW, DESCRIBE, SET/RESET,
// CALL, ATTACH/DETACH, transactions, users, roles and grants.
#include <gtest/gtest.h>

#include "sql/parser/tests/parser_test_util.h"

namespace switchboard::testing {
namespace {

using namespace ast;  // NOLINT: test brevity

TEST(SessionStatementTest, ParsesExplain) {
  std::unique_ptr<Statement> holder;
  const auto& plain = ParseAs<Explain>("EXPLAIN SELECT 1", holder);
  EXPECT_FALSE(plain.analyze);
  EXPECT_TRUE(plain.statement->Is<QueryStatement>());
  const auto& analyze =
      ParseAs<Explain>("EXPLAIN ANALYZE VERBOSE INSERT INTO t VALUES (1)", holder);
  EXPECT_TRUE(analyze.analyze);
  EXPECT_TRUE(analyze.verbose);
  EXPECT_TRUE(analyze.statement->Is<Insert>());
  const auto& options =
      ParseAs<Explain>("EXPLAIN (FORMAT JSON, TYPE DISTRIBUTED) SELECT 1", holder);
  ASSERT_EQ(options.options.size(), 2u);
  EXPECT_EQ(options.options[1].name, "TYPE");
  EXPECT_EQ(options.options[1].value->ToString(), "DISTRIBUTED");
  EXPECT_TRUE(ParseAs<Explain>("EXPLAIN (SELECT 1)", holder).options.empty());
}

TEST(SessionStatementTest, ParsesShow) {
  std::unique_ptr<Statement> holder;
  using What = Show::What;
  struct Case {
    std::string_view sql;
    What what;
    std::string_view target;
    std::string_view like;
  };
  for (const Case& c : std::vector<Case>{
           {"SHOW CATALOGS", What::kCatalogs, "", ""},
           {"SHOW SCHEMAS", What::kSchemas, "", ""},
           {"SHOW DATABASES FROM c LIKE 'a%'", What::kSchemas, "c", "a%"},
           {"SHOW TABLES IN c.s LIKE 't%'", What::kTables, "c.s", "t%"},
           {"SHOW TABLES", What::kTables, "", ""},
           {"SHOW COLUMNS FROM t", What::kColumns, "t", ""},
           {"SHOW COLUMNS IN c.s.t", What::kColumns, "c.s.t", ""},
           {"SHOW CREATE TABLE t", What::kCreateTable, "t", ""},
           {"SHOW CREATE VIEW v", What::kCreateView, "v", ""},
           {"SHOW CREATE SCHEMA s", What::kCreateSchema, "s", ""},
           {"SHOW FUNCTIONS LIKE 'json%'", What::kFunctions, "", "json%"},
           {"SHOW SESSION", What::kSession, "", ""},
           {"SHOW TBLPROPERTIES t", What::kTblProperties, "t", ""},
       }) {
    const auto& show = ParseAs<Show>(c.sql, holder);
    EXPECT_EQ(show.what, c.what) << c.sql;
    EXPECT_EQ(show.target.ToString(), c.target) << c.sql;
    EXPECT_EQ(show.like_pattern.value_or(""), c.like) << c.sql;
  }
}

TEST(SessionStatementTest, ParsesDescribe) {
  std::unique_ptr<Statement> holder;
  EXPECT_EQ(ParseAs<Describe>("DESCRIBE t", holder).table.ToString(), "t");
  const auto& extended = ParseAs<Describe>("DESCRIBE TABLE EXTENDED c.s.t", holder);
  EXPECT_TRUE(extended.extended);
  EXPECT_EQ(extended.table.parts.size(), 3u);
  EXPECT_TRUE(ParseAs<Describe>("DESC FORMATTED t", holder).formatted);
  EXPECT_EQ(ParseAs<Describe>("DESCRIBE extended", holder).table.ToString(), "extended");
  EXPECT_NE(ParseAs<Describe>("DESCRIBE SELECT 1", holder).query, nullptr);
}

TEST(SessionStatementTest, ParsesSessionSettings) {
  std::unique_ptr<Statement> holder;
  const auto& set = ParseAs<SetSession>("SET SESSION query_max_run_time = '10m'", holder);
  EXPECT_EQ(set.name.ToString(), "query_max_run_time");
  EXPECT_EQ(set.value->As<Literal>().text, "10m");
  EXPECT_EQ(ParseAs<SetSession>("SET c.prop = true", holder).name.parts.size(), 2u);
  EXPECT_EQ(ParseAs<SetSession>("SET search_path TO 'x'", holder).name.ToString(), "search_path");
  EXPECT_EQ(ParseAs<SetSession>("SET session = 1", holder).name.ToString(), "session");
  EXPECT_EQ(ParseAs<ResetSession>("RESET SESSION c.x", holder).name.ToString(), "c.x");
  EXPECT_EQ(ParseAs<ResetSession>("RESET x", holder).name.ToString(), "x");
  EXPECT_EQ(ParseAs<SetTimeZone>("SET TIME ZONE 'America/Chicago'", holder).zone->ToString(),
            "'America/Chicago'");
  EXPECT_EQ(ParseAs<SetTimeZone>("SET TIME ZONE LOCAL", holder).zone, nullptr);
}

TEST(SessionStatementTest, ParsesCallWithNamedAndPositionalArguments) {
  std::unique_ptr<Statement> holder;
  const auto& call = ParseAs<Call>(
      "CALL lakehouse.system.expire_snapshots(table => 'db.t', older_than => TIMESTAMP "
      "'2099-01-01T00:00:00', "
      "options => map('k', 'v'))",
      holder);
  EXPECT_EQ(call.procedure.parts.size(), 3u);
  ASSERT_EQ(call.arguments.size(), 3u);
  EXPECT_EQ(call.arguments[0]->As<NamedArgument>().name.name, "table");
  EXPECT_TRUE(call.arguments[1]->As<NamedArgument>().value->Is<TypedLiteral>());
  EXPECT_TRUE(call.arguments[2]->As<NamedArgument>().value->Is<FunctionCall>());
  const auto& positional =
      ParseAs<Call>("CALL system.sync_partition_metadata('s', 't', 'FULL')", holder);
  EXPECT_TRUE(positional.arguments[0]->Is<Literal>());
  EXPECT_TRUE(ParseAs<Call>("CALL system.noop()", holder).arguments.empty());
}

TEST(SessionStatementTest, ParsesAttachAndDetach) {
  std::unique_ptr<Statement> holder;
  const auto& attach =
      ParseAs<Attach>("ATTACH DATABASE 'crm.db' AS crm (TYPE sqlite, READ_ONLY)", holder);
  EXPECT_EQ(attach.target, "crm.db");
  EXPECT_EQ(attach.alias->name, "crm");
  ASSERT_EQ(attach.options.size(), 2u);
  EXPECT_EQ(attach.options[0].value->ToString(), "sqlite");
  EXPECT_EQ(attach.options[1].value, nullptr);
  EXPECT_TRUE(ParseAs<Attach>("ATTACH IF NOT EXISTS 'x.db'", holder).if_not_exists);
  EXPECT_EQ(ParseAs<Detach>("DETACH DATABASE crm", holder).name.name, "crm");
  EXPECT_TRUE(ParseAs<Detach>("DETACH IF EXISTS pg", holder).if_exists);
}

TEST(SessionStatementTest, ParsesTransactionControl) {
  std::unique_ptr<Statement> holder;
  using Action = Transaction::Action;
  for (auto [sql, action] : std::vector<std::pair<std::string_view, Action>>{
           {"BEGIN", Action::kBegin},
           {"BEGIN TRANSACTION", Action::kBegin},
           {"START TRANSACTION", Action::kBegin},
           {"COMMIT", Action::kCommit},
           {"COMMIT WORK", Action::kCommit},
           {"ROLLBACK", Action::kRollback},
       }) {
    EXPECT_EQ(ParseAs<Transaction>(sql, holder).action, action) << sql;
  }
}

TEST(SessionStatementTest, ParsesUsersRolesAndGrants) {
  std::unique_ptr<Statement> holder;
  EXPECT_EQ(ParseAs<CreateRole>("CREATE ROLE analyst", holder).name.name, "analyst");
  EXPECT_EQ(ParseAs<Drop>("DROP ROLE analyst", holder).object_type, Drop::ObjectType::kRole);
  EXPECT_EQ(*ParseAs<CreateUser>("CREATE USER bob WITH PASSWORD 'secret'", holder).password,
            "secret");
  EXPECT_FALSE(ParseAs<CreateUser>("CREATE USER alice", holder).password.has_value());
  EXPECT_EQ(ParseAs<Drop>("DROP USER bob", holder).object_type, Drop::ObjectType::kUser);

  const auto& grant = ParseAs<Grant>(
      "GRANT SELECT (a, b), insert ON TABLE c.s.t TO ROLE analyst, USER bob, carol WITH GRANT "
      "OPTION",
      holder);
  ASSERT_EQ(grant.privileges.size(), 2u);
  EXPECT_EQ(grant.privileges[0].name, "SELECT");
  EXPECT_EQ(grant.privileges[0].columns.size(), 2u);
  EXPECT_EQ(grant.privileges[1].name, "INSERT");
  EXPECT_EQ(grant.object.type, GrantObject::Type::kTable);
  EXPECT_EQ(grant.object.name.ToString(), "c.s.t");
  ASSERT_EQ(grant.grantees.size(), 3u);
  EXPECT_EQ(grant.grantees[0].type, Principal::Type::kRole);
  EXPECT_EQ(grant.grantees[1].type, Principal::Type::kUser);
  EXPECT_EQ(grant.grantees[2].type, Principal::Type::kUnspecified);
  EXPECT_TRUE(grant.with_grant_option);
  EXPECT_EQ(
      ParseAs<Grant>("GRANT ALL PRIVILEGES ON SCHEMA s TO analyst", holder).privileges[0].name,
      "ALL PRIVILEGES");

  const auto& revoke = ParseAs<Revoke>("REVOKE GRANT OPTION FOR SELECT ON t FROM USER bob", holder);
  EXPECT_TRUE(revoke.grant_option_for);
  EXPECT_EQ(revoke.object.type, GrantObject::Type::kUnspecified);

  const auto& roles =
      ParseAs<GrantRoles>("GRANT analyst, reader TO USER bob WITH ADMIN OPTION", holder);
  EXPECT_EQ(roles.roles.size(), 2u);
  EXPECT_TRUE(roles.with_admin_option);
  const auto& revoke_roles =
      ParseAs<RevokeRoles>("REVOKE ADMIN OPTION FOR analyst FROM bob", holder);
  EXPECT_TRUE(revoke_roles.admin_option_for);
  EXPECT_EQ(SyntaxError("GRANT SELECT TO bob"), "line 1:7: expected a role name");

  EXPECT_EQ(ParseAs<SetRole>("SET ROLE analyst", holder).role->name, "analyst");
  EXPECT_EQ(ParseAs<SetRole>("SET ROLE ALL", holder).mode, SetRole::Mode::kAll);
  EXPECT_EQ(ParseAs<SetRole>("SET ROLE NONE", holder).mode, SetRole::Mode::kNone);
}

}  // namespace
}  // namespace switchboard::testing
