// Data-definition statements: CREATE/DROP of schemas, tables, views and Snowflake stages and file
// formats, Redshift's CREATE EXTERNAL SCHEMA, TRUNCATE and ALTER TABLE.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sql/parser/ast/statement.h"

namespace switchboard::ast {

class AlterTableAction;

/// `CREATE SCHEMA|DATABASE [IF NOT EXISTS] name [COMMENT 'x'] [LOCATION 'x'] [WITH (k = v, ...)]
/// [WITH DBPROPERTIES ('k' = 'v', ...)]`.
class CreateSchema final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCreateSchema;
  CreateSchema(SourceLocation location, QualifiedName name)
      : Statement(kKind, location), name(std::move(name)) {}

  QualifiedName name;
  bool if_not_exists = false;
  std::optional<std::string> comment;
  std::optional<std::string> location_uri;
  std::vector<Property> properties;    ///< WITH (...)
  std::vector<Property> dbproperties;  ///< WITH DBPROPERTIES (...)

  std::string ToString() const override;
};

/// Redshift: `CREATE EXTERNAL SCHEMA [IF NOT EXISTS] name FROM DATA CATALOG DATABASE 'db'
/// [REGION 'r'] [IAM_ROLE 'arn'] [CREATE EXTERNAL DATABASE IF NOT EXISTS]`: a local schema name
/// for a database of the (Glue) data catalog.
class CreateExternalSchema final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCreateExternalSchema;
  CreateExternalSchema(SourceLocation location, QualifiedName name)
      : Statement(kKind, location), name(std::move(name)) {}

  QualifiedName name;
  bool if_not_exists = false;
  std::string database;
  std::optional<std::string> region;
  std::optional<std::string> iam_role;
  bool create_external_database = false;

  std::string ToString() const override;
};

/// Hive/Athena's `ROW FORMAT SERDE 'class' [WITH SERDEPROPERTIES ('k' = 'v', ...)]` or
/// `ROW FORMAT DELIMITED [FIELDS TERMINATED BY 'c' [ESCAPED BY 'e']] [COLLECTION ITEMS TERMINATED
/// BY 'c'] [MAP KEYS TERMINATED BY 'c'] [LINES TERMINATED BY 'c'] [NULL DEFINED AS 'n']`.
struct RowFormat {
  std::optional<std::string> serde;  ///< the SerDe class; empty for DELIMITED
  std::vector<Property> serde_properties;
  std::optional<std::string> fields_terminated_by;
  std::optional<std::string> escaped_by;
  std::optional<std::string> collection_items_terminated_by;
  std::optional<std::string> map_keys_terminated_by;
  std::optional<std::string> lines_terminated_by;
  std::optional<std::string> null_defined_as;
  SourceLocation location;

  std::string ToString() const;
};

/// CREATE TABLE in its Trino, Spark/Hive, Athena and Snowflake forms:
/// `CREATE [OR REPLACE] [TEMP|TEMPORARY] [EXTERNAL] TABLE [IF NOT EXISTS] name
///  [(column definitions) | (column names)] clauses... [AS query [WITH [NO] DATA]]`
/// where the clauses come in any order: USING format, PARTITIONED BY (...), ROW FORMAT ...,
/// STORED AS format, LOCATION 'path', COMMENT 'x', TBLPROPERTIES (...), WITH (...), and Snowflake's
/// `LOCATION = @stage/path/` and `NAME = value` options.
class CreateTable final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCreateTable;
  CreateTable(SourceLocation location, QualifiedName name);
  ~CreateTable() override;

  QualifiedName name;
  bool or_replace = false;
  bool temporary = false;
  bool external = false;
  bool if_not_exists = false;
  std::vector<ColumnDefinition> columns;
  std::vector<Identifier> column_aliases;  ///< `CREATE TABLE t (a, b) AS query`: names only
  std::optional<Identifier> using_format;  ///< USING iceberg|parquet|...
  /// PARTITIONED BY column names and transforms: `category`, `days(ts)`, `bucket(16, id)`.
  std::vector<ExpressionPtr> partitioned_by;
  /// Hive's PARTITIONED BY (dt string, ...): partition columns defined there, not in `columns`.
  std::vector<ColumnDefinition> partition_columns;
  std::optional<RowFormat> row_format;
  std::optional<Identifier> stored_as;  ///< STORED AS PARQUET|ORC|TEXTFILE|...
  std::optional<std::string> location_uri;
  bool location_is_stage = false;  ///< `LOCATION = @stage/path/`: location_uri is "@stage/path/"
  std::optional<std::string> comment;
  std::vector<Property> tblproperties;  ///< TBLPROPERTIES ('k' = 'v', ...)
  std::vector<Property> properties;     ///< WITH (k = v, ...)
  std::vector<Property> options;        ///< Snowflake: FILE_FORMAT = F, PATTERN = '...', ...
  std::unique_ptr<Query> query;         ///< AS query
  bool with_no_data = false;            ///< AS query WITH NO DATA

  std::string ToString() const override;
};

/// `CREATE [OR REPLACE] [TEMP|TEMPORARY] VIEW [IF NOT EXISTS] name [(columns)] [COMMENT 'x']
/// AS query`. `query_span` is the query's text, to store as the view definition.
class CreateView final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCreateView;
  CreateView(SourceLocation location, QualifiedName name);
  ~CreateView() override;

  QualifiedName name;
  bool or_replace = false;
  bool temporary = false;
  bool if_not_exists = false;
  std::vector<Identifier> columns;
  std::optional<std::string> comment;
  std::unique_ptr<Query> query;
  SourceSpan query_span;

  std::string ToString() const override;
};

/// Snowflake: `CREATE [OR REPLACE] STAGE [IF NOT EXISTS] name URL = 'x' [NAME = value ...]`.
class CreateStage final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCreateStage;
  CreateStage(SourceLocation location, QualifiedName name)
      : Statement(kKind, location), name(std::move(name)) {}

  QualifiedName name;
  bool or_replace = false;
  bool if_not_exists = false;
  std::vector<Property> options;  ///< URL, CREDENTIALS, ...

  std::string ToString() const override;
};

/// Snowflake: `CREATE [OR REPLACE] FILE FORMAT [IF NOT EXISTS] name TYPE = PARQUET
/// [COMPRESSION = SNAPPY] [NAME = value ...]`.
class CreateFileFormat final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCreateFileFormat;
  CreateFileFormat(SourceLocation location, QualifiedName name)
      : Statement(kKind, location), name(std::move(name)) {}

  QualifiedName name;
  bool or_replace = false;
  bool if_not_exists = false;
  std::vector<Property> options;  ///< TYPE, COMPRESSION, ...

  std::string ToString() const override;
};

/// `DROP SCHEMA|DATABASE|TABLE|VIEW|STAGE|FILE FORMAT|ROLE|USER [IF EXISTS] name
/// [CASCADE|RESTRICT] [PURGE]`.
class Drop final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kDrop;
  enum class ObjectType : uint8_t { kSchema, kTable, kView, kStage, kFileFormat, kRole, kUser };
  enum class Behavior : uint8_t { kDefault, kCascade, kRestrict };

  Drop(SourceLocation location, ObjectType object_type, QualifiedName name)
      : Statement(kKind, location), object_type(object_type), name(std::move(name)) {}

  ObjectType object_type;
  QualifiedName name;
  bool if_exists = false;
  Behavior behavior = Behavior::kDefault;  ///< schemas
  bool purge = false;                      ///< tables: delete the data files too

  std::string ToString() const override;
};

/// `TRUNCATE [TABLE] name`.
class Truncate final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kTruncate;
  Truncate(SourceLocation location, QualifiedName table)
      : Statement(kKind, location), table(std::move(table)) {}

  QualifiedName table;

  std::string ToString() const override;
};

/// Hive/Athena's `MSCK REPAIR TABLE name`: register the partition folders of an external table.
class RepairTable final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kRepairTable;
  RepairTable(SourceLocation location, QualifiedName table)
      : Statement(kKind, location), table(std::move(table)) {}

  QualifiedName table;

  std::string ToString() const override;
};

/// `ALTER TABLE [IF EXISTS] name <action>`; the actions are in alter_table_action.h.
class AlterTable final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kAlterTable;
  AlterTable(SourceLocation location, QualifiedName table,
             std::unique_ptr<AlterTableAction> action);
  ~AlterTable() override;

  QualifiedName table;
  bool if_exists = false;
  std::unique_ptr<AlterTableAction> action;

  std::string ToString() const override;
};

}  // namespace switchboard::ast
