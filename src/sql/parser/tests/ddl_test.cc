// Tests for data-definition statements: schemas, tables in every dialect, views, Snowflake objects,
// Redshift external schemas, DROP, TRUNCATE and ALTER TABLE.
#include <gtest/gtest.h>

#include "sql/parser/tests/parser_test_util.h"

namespace switchboard::testing {
namespace {

using namespace ast;  // NOLINT: test brevity

template <typename T>
const T& ParseAction(std::string_view sql, std::unique_ptr<Statement>& holder) {
  holder = ParseOne(sql);
  return holder->As<AlterTable>().action->As<T>();
}

TEST(DdlTest, ParsesCreateSchemaInTrinoAndSparkForms) {
  std::unique_ptr<Statement> holder;
  const auto& schema = ParseAs<CreateSchema>(
      "CREATE SCHEMA IF NOT EXISTS c.s COMMENT 'x' LOCATION 's3://b/p' WITH (k = 'v') "
      "WITH DBPROPERTIES ('a' = 'b')",
      holder);
  EXPECT_TRUE(schema.if_not_exists);
  EXPECT_EQ(schema.name.ToString(), "c.s");
  EXPECT_EQ(*schema.comment, "x");
  EXPECT_EQ(*schema.location_uri, "s3://b/p");
  EXPECT_EQ(schema.properties[0].name, "k");
  EXPECT_EQ(schema.dbproperties[0].name, "a");
  EXPECT_EQ(ParseAs<CreateSchema>("CREATE DATABASE d", holder).name.ToString(), "d");
}

TEST(DdlTest, ParsesDropUseAndTruncate) {
  std::unique_ptr<Statement> holder;
  const auto& schema = ParseAs<Drop>("DROP SCHEMA IF EXISTS s CASCADE", holder);
  EXPECT_EQ(schema.object_type, Drop::ObjectType::kSchema);
  EXPECT_TRUE(schema.if_exists);
  EXPECT_EQ(schema.behavior, Drop::Behavior::kCascade);
  EXPECT_EQ(ParseAs<Drop>("DROP DATABASE d RESTRICT", holder).behavior, Drop::Behavior::kRestrict);
  const auto& table = ParseAs<Drop>("DROP TABLE IF EXISTS c.s.t PURGE", holder);
  EXPECT_EQ(table.object_type, Drop::ObjectType::kTable);
  EXPECT_TRUE(table.purge);
  EXPECT_EQ(ParseAs<Drop>("DROP VIEW v", holder).object_type, Drop::ObjectType::kView);
  EXPECT_EQ(ParseAs<Drop>("DROP STAGE s", holder).object_type, Drop::ObjectType::kStage);
  EXPECT_EQ(ParseAs<Drop>("DROP FILE FORMAT f", holder).object_type, Drop::ObjectType::kFileFormat);
  EXPECT_EQ(ParseAs<Use>("USE c.s", holder).name.parts.size(), 2u);
  EXPECT_EQ(ParseAs<Use>("USE s", holder).name.ToString(), "s");
  EXPECT_EQ(ParseAs<Truncate>("TRUNCATE TABLE t", holder).table.ToString(), "t");
  EXPECT_EQ(ParseAs<Truncate>("TRUNCATE t", holder).table.ToString(), "t");
}

TEST(DdlTest, ParsesCreateTableWithColumnsAndSparkClausesInAnyOrder) {
  std::unique_ptr<Statement> holder;
  const auto& table = ParseAs<CreateTable>(
      "CREATE OR REPLACE TEMPORARY TABLE IF NOT EXISTS c.s.t ("
      "  id BIGINT NOT NULL DEFAULT 1 COMMENT 'id' WITH (k = 1),"
      "  tags ARRAY<STRING>, ts TIMESTAMP(3) WITH TIME ZONE)"
      " TBLPROPERTIES ('write.format.default' = 'parquet') COMMENT 'tbl' LOCATION 's3://x'"
      " PARTITIONED BY (days(ts), bucket(16, id), truncate(4, tags), years(ts), hour(ts), id) "
      "USING iceberg",
      holder);
  EXPECT_TRUE(table.or_replace);
  EXPECT_TRUE(table.temporary);
  EXPECT_TRUE(table.if_not_exists);
  ASSERT_EQ(table.columns.size(), 3u);
  EXPECT_EQ(table.columns[0].name.ToString(), "id");
  EXPECT_EQ(table.columns[0].type.name, "bigint");
  EXPECT_TRUE(table.columns[0].not_null);
  EXPECT_EQ(table.columns[0].default_value->ToString(), "1");
  EXPECT_EQ(*table.columns[0].comment, "id");
  EXPECT_EQ(table.columns[0].properties[0].name, "k");
  EXPECT_EQ(table.columns[1].type.ToString(), "array(varchar)");
  EXPECT_EQ(table.using_format->name, "iceberg");
  ASSERT_EQ(table.partitioned_by.size(), 6u);
  EXPECT_EQ(table.partitioned_by[1]->ToString(), "bucket(16, id)");
  EXPECT_TRUE(table.partitioned_by[5]->Is<ColumnRef>());
  EXPECT_EQ(*table.location_uri, "s3://x");
  EXPECT_EQ(*table.comment, "tbl");
  EXPECT_EQ(table.tblproperties[0].name, "write.format.default");
  EXPECT_EQ(table.tblproperties[0].value->As<Literal>().text, "parquet");
}

TEST(DdlTest, ParsesAthenaAndHiveExternalTables) {
  std::unique_ptr<Statement> holder;
  const auto& table = ParseAs<CreateTable>(
      "CREATE EXTERNAL TABLE default.events (id string, payload string) PARTITIONED BY (dt string, "
      "hr int) "
      "STORED AS parquet LOCATION 's3://bucket/events/' TBLPROPERTIES "
      "(\"parquet.compression\"=\"SNAPPY\")",
      holder);
  EXPECT_TRUE(table.external);
  EXPECT_EQ(table.partition_columns.size(), 2u);
  EXPECT_EQ(table.partition_columns[1].type.name, "integer");
  EXPECT_EQ(table.stored_as->name, "parquet");
  EXPECT_EQ(table.tblproperties[0].name, "parquet.compression");
  EXPECT_EQ(table.tblproperties[0].value->As<Literal>().text, "SNAPPY");
}

TEST(DdlTest, ParsesHiveRowFormats) {
  std::unique_ptr<Statement> holder;
  const auto& json = ParseAs<CreateTable>(
      "CREATE EXTERNAL TABLE events (id string) ROW FORMAT SERDE "
      "'org.openx.data.jsonserde.JsonSerDe' "
      "WITH SERDEPROPERTIES ('case.insensitive' = 'true') LOCATION 's3://b/events/'",
      holder);
  EXPECT_EQ(*json.row_format->serde, "org.openx.data.jsonserde.JsonSerDe");
  EXPECT_EQ(json.row_format->serde_properties[0].name, "case.insensitive");
  const auto& csv = ParseAs<CreateTable>(
      "CREATE TABLE c (a int) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' ESCAPED BY '\\' "
      "COLLECTION ITEMS TERMINATED BY '|' MAP KEYS TERMINATED BY ':' LINES TERMINATED BY '\\n' "
      "NULL DEFINED AS '' STORED AS TEXTFILE",
      holder);
  const RowFormat& format = *csv.row_format;
  EXPECT_FALSE(format.serde.has_value());
  EXPECT_EQ(*format.fields_terminated_by, ",");
  EXPECT_EQ(*format.escaped_by, "\\");
  EXPECT_EQ(*format.collection_items_terminated_by, "|");
  EXPECT_EQ(*format.map_keys_terminated_by, ":");
  EXPECT_EQ(*format.lines_terminated_by, "\\n");
  EXPECT_EQ(*format.null_defined_as, "");
  EXPECT_EQ(csv.stored_as->name, "TEXTFILE");
}

TEST(DdlTest, ParsesTrinoPropertiesAndCreateTableAs) {
  std::unique_ptr<Statement> holder;
  const auto& ctas = ParseAs<CreateTable>(
      "CREATE TABLE t WITH (format = 'PARQUET', partitioning = ARRAY['day(ts)', 'bucket(id, 16)']) "
      "AS SELECT * FROM u WITH NO DATA",
      holder);
  ASSERT_EQ(ctas.properties.size(), 2u);
  EXPECT_TRUE(ctas.properties[1].value->Is<ArrayConstructor>());
  ASSERT_NE(ctas.query, nullptr);
  EXPECT_TRUE(ctas.with_no_data);

  const auto& named =
      ParseAs<CreateTable>("CREATE TABLE t (a, b) AS SELECT 1, 2 WITH DATA", holder);
  EXPECT_EQ(named.column_aliases.size(), 2u);
  EXPECT_TRUE(named.columns.empty());
  EXPECT_FALSE(named.with_no_data);
  EXPECT_NE(ParseAs<CreateTable>("CREATE TABLE t AS (SELECT 1)", holder).query, nullptr);
  EXPECT_NE(
      ParseAs<CreateTable>("CREATE TABLE t AS WITH x AS (SELECT 1) SELECT * FROM x", holder).query,
      nullptr);
}

TEST(DdlTest, ParsesSnowflakeStagesFileFormatsAndExternalTables) {
  std::unique_ptr<Statement> holder;
  const auto& stage =
      ParseAs<CreateStage>("CREATE OR REPLACE STAGE GENESYS_S3_STAGE URL = 's3://b/p/'", holder);
  EXPECT_TRUE(stage.or_replace);
  EXPECT_EQ(stage.options[0].name, "URL");
  EXPECT_EQ(stage.options[0].value->As<Literal>().text, "s3://b/p/");

  const auto& format = ParseAs<CreateFileFormat>(
      "CREATE OR REPLACE FILE FORMAT GENESYS_PARQUET_FORMAT TYPE = PARQUET COMPRESSION = SNAPPY",
      holder);
  ASSERT_EQ(format.options.size(), 2u);
  EXPECT_EQ(format.options[0].value->As<ColumnRef>().name.ToString(), "PARQUET");
  EXPECT_EQ(format.options[1].name, "COMPRESSION");

  const auto& table = ParseAs<CreateTable>(
      "CREATE OR REPLACE EXTERNAL TABLE GENESYS_CC_INTERACTIONS (interaction_id STRING, start_time "
      "TIMESTAMP_NTZ, duration_seconds INT) LOCATION = @GENESYS_S3_STAGE/interactions/ "
      "FILE_FORMAT = GENESYS_PARQUET_FORMAT PATTERN = '.*/.*\\.parquet' AUTO_REFRESH = TRUE",
      holder);
  EXPECT_TRUE(table.external);
  EXPECT_TRUE(table.location_is_stage);
  EXPECT_EQ(*table.location_uri, "@GENESYS_S3_STAGE/interactions/");
  EXPECT_EQ(table.columns[1].type.name, "timestamp");
  ASSERT_EQ(table.options.size(), 3u);
  EXPECT_EQ(table.options[1].value->As<Literal>().text, ".*/.*\\.parquet");
  EXPECT_EQ(table.options[2].value->As<Literal>().literal_kind, LiteralKind::kBoolean);
}

TEST(DdlTest, ParsesRedshiftExternalSchemas) {
  std::unique_ptr<Statement> holder;
  const auto& schema = ParseAs<CreateExternalSchema>(
      "CREATE EXTERNAL SCHEMA IF NOT EXISTS spectrum FROM DATA CATALOG DATABASE 'default' "
      "IAM_ROLE 'arn:aws:iam::123:role/r' REGION 'us-east-1' CREATE EXTERNAL DATABASE IF NOT "
      "EXISTS",
      holder);
  EXPECT_TRUE(schema.if_not_exists);
  EXPECT_EQ(schema.database, "default");
  EXPECT_EQ(*schema.iam_role, "arn:aws:iam::123:role/r");
  EXPECT_EQ(*schema.region, "us-east-1");
  EXPECT_TRUE(schema.create_external_database);
}

TEST(DdlTest, ParsesViewsAndKeepsTheQueryText) {
  std::string sql = "CREATE OR REPLACE TEMP VIEW v (a, b) COMMENT 'view' AS SELECT 1,  2 -- two\n";
  auto statements = ParseSql(sql);
  ASSERT_TRUE(statements.ok());
  const auto& view = statements->front()->As<CreateView>();
  EXPECT_TRUE(view.or_replace);
  EXPECT_TRUE(view.temporary);
  EXPECT_EQ(view.columns.size(), 2u);
  EXPECT_EQ(*view.comment, "view");
  EXPECT_EQ(view.query_span.Of(sql), "SELECT 1,  2");
  EXPECT_EQ(RoundTrip(sql),
            "CREATE OR REPLACE TEMPORARY VIEW v (a, b) COMMENT 'view' AS SELECT 1, 2;\n");
}

TEST(DdlTest, RejectsDuplicateClauses) {
  EXPECT_EQ(SyntaxError("CREATE TABLE t (a int) LOCATION 'x' LOCATION 'y'"),
            "line 1:37: duplicate LOCATION clause");
  EXPECT_EQ(SyntaxError("CREATE TABLE t (a int) PARTITIONED BY (days(ts), b string)"),
            "line 1:50: partition column definitions and partition transforms cannot be mixed");
  EXPECT_EQ(SyntaxError("CREATE TABLE t (a, b int) AS SELECT 1"),
            "line 1:20: column names and column definitions cannot be mixed");
}

TEST(DdlTest, ParsesAlterTableColumnActions) {
  std::unique_ptr<Statement> holder;
  holder = ParseOne("ALTER TABLE IF EXISTS t RENAME TO u");
  EXPECT_TRUE(holder->As<AlterTable>().if_exists);
  EXPECT_EQ(holder->As<AlterTable>().action->As<RenameTable>().new_name.ToString(), "u");

  const auto& add =
      ParseAction<AddColumns>("ALTER TABLE t ADD COLUMN IF NOT EXISTS c int COMMENT 'c'", holder);
  EXPECT_TRUE(add.if_not_exists);
  EXPECT_EQ(*add.columns[0].comment, "c");
  const auto& nested = ParseAction<AddColumns>("ALTER TABLE t ADD COLUMN point.z double", holder);
  EXPECT_EQ(nested.columns[0].name.parts.size(), 2u);
  EXPECT_EQ(
      ParseAction<AddColumns>("ALTER TABLE t ADD COLUMNS (x int, y string)", holder).columns.size(),
      2u);

  const auto& drop = ParseAction<DropColumn>("ALTER TABLE t DROP COLUMN IF EXISTS c", holder);
  EXPECT_TRUE(drop.if_exists);
  const auto& rename = ParseAction<RenameColumn>("ALTER TABLE t RENAME COLUMN a TO b", holder);
  EXPECT_EQ(rename.new_name.name, "b");

  using Change = AlterColumn::Change;
  struct Case {
    std::string_view sql;
    Change change;
  };
  for (const Case& c : std::vector<Case>{
           {"ALTER TABLE t ALTER COLUMN c TYPE bigint", Change::kSetType},
           {"ALTER TABLE t ALTER COLUMN c SET DATA TYPE bigint", Change::kSetType},
           {"ALTER TABLE t ALTER COLUMN c SET DEFAULT 1", Change::kSetDefault},
           {"ALTER TABLE t ALTER COLUMN c DROP DEFAULT", Change::kDropDefault},
           {"ALTER TABLE t ALTER COLUMN c SET NOT NULL", Change::kSetNotNull},
           {"ALTER TABLE t ALTER COLUMN c DROP NOT NULL", Change::kDropNotNull},
           {"ALTER TABLE t ALTER COLUMN c COMMENT 'x'", Change::kSetComment},
       }) {
    EXPECT_EQ(ParseAction<AlterColumn>(c.sql, holder).change, c.change) << c.sql;
  }
  EXPECT_EQ(ParseAction<AlterColumn>("ALTER TABLE t ALTER COLUMN c TYPE bigint", holder).type.name,
            "bigint");
}

TEST(DdlTest, ParsesPartitionEvolution) {
  std::unique_ptr<Statement> holder;
  using Change = ChangePartitionField::Change;
  const auto& add = ParseAction<ChangePartitionField>(
      "ALTER TABLE t ADD PARTITION FIELD bucket(16, id) AS shard", holder);
  EXPECT_EQ(add.change, Change::kAdd);
  EXPECT_EQ(add.field->ToString(), "bucket(16, id)");
  EXPECT_EQ(add.name->name, "shard");
  const auto& drop =
      ParseAction<ChangePartitionField>("ALTER TABLE t DROP PARTITION FIELD days(ts)", holder);
  EXPECT_EQ(drop.change, Change::kDrop);
  const auto& replace = ParseAction<ChangePartitionField>(
      "ALTER TABLE t REPLACE PARTITION FIELD ts_day WITH hours(ts) AS ts_hour", holder);
  EXPECT_EQ(replace.change, Change::kReplace);
  EXPECT_EQ(replace.replacement->ToString(), "hours(ts)");
}

TEST(DdlTest, ParsesTablePropertiesAndProcedures) {
  std::unique_ptr<Statement> holder;
  const auto& spark = ParseAction<SetTableProperties>(
      "ALTER TABLE t SET TBLPROPERTIES ('k' = 'v', 'x' = '1')", holder);
  EXPECT_TRUE(spark.tblproperties);
  EXPECT_EQ(spark.properties.size(), 2u);
  const auto& trino =
      ParseAction<SetTableProperties>("ALTER TABLE t SET PROPERTIES format = 'ORC'", holder);
  EXPECT_FALSE(trino.tblproperties);
  const auto& unset = ParseAction<UnsetTableProperties>(
      "ALTER TABLE t UNSET TBLPROPERTIES IF EXISTS ('a', 'b')", holder);
  EXPECT_TRUE(unset.if_exists);
  EXPECT_EQ(unset.names, (std::vector<std::string>{"a", "b"}));
  const auto& execute = ParseAction<ExecuteProcedure>(
      "ALTER TABLE t EXECUTE optimize(file_size_threshold => '10MB') WHERE part = 1", holder);
  EXPECT_EQ(execute.procedure.name, "optimize");
  EXPECT_TRUE(execute.arguments[0]->Is<NamedArgument>());
  EXPECT_NE(execute.where, nullptr);
  EXPECT_TRUE(ParseAction<ExecuteProcedure>("ALTER TABLE t EXECUTE expire_snapshots", holder)
                  .arguments.empty());
}

TEST(DdlTest, ParsesIcebergBranchesAndTags) {
  std::unique_ptr<Statement> holder;
  const auto& branch = ParseAction<CreateSnapshotRef>(
      "ALTER TABLE t CREATE BRANCH IF NOT EXISTS `audit-branch` AS OF VERSION 1234 RETAIN 30 DAYS "
      "WITH SNAPSHOT RETENTION 3 SNAPSHOTS 2 DAYS",
      holder);
  EXPECT_EQ(branch.ref_type, SnapshotRefType::kBranch);
  EXPECT_TRUE(branch.if_not_exists);
  EXPECT_EQ(branch.name.name, "audit-branch");
  EXPECT_EQ(branch.as_of_version->ToString(), "1234");
  EXPECT_EQ(branch.retain->amount->ToString(), "30");
  EXPECT_EQ(branch.min_snapshots_to_keep->ToString(), "3");
  EXPECT_EQ(branch.max_snapshot_age->unit, RetentionUnit::kDays);
  const auto& replace = ParseAction<CreateSnapshotRef>(
      "ALTER TABLE t CREATE OR REPLACE BRANCH b WITH SNAPSHOT RETENTION 7 HOURS", holder);
  EXPECT_TRUE(replace.or_replace);
  EXPECT_EQ(replace.min_snapshots_to_keep, nullptr);
  EXPECT_EQ(replace.max_snapshot_age->unit, RetentionUnit::kHours);
  const auto& tag = ParseAction<CreateSnapshotRef>(
      "ALTER TABLE t CREATE TAG historical AS OF VERSION 12", holder);
  EXPECT_EQ(tag.ref_type, SnapshotRefType::kTag);
  const auto& drop = ParseAction<DropSnapshotRef>("ALTER TABLE t DROP BRANCH IF EXISTS b", holder);
  EXPECT_TRUE(drop.if_exists);
  EXPECT_EQ(ParseAction<DropSnapshotRef>("ALTER TABLE t DROP TAG v1", holder).ref_type,
            SnapshotRefType::kTag);
}

}  // namespace
}  // namespace switchboard::testing
