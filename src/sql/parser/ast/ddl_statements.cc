// SQL printing of data-definition statements.
#include "sql/parser/ast/ddl_statements.h"

#include "sql/parser/ast/alter_table_action.h"
#include "sql/parser/ast/query.h"
#include "sql/parser/ast/sql_formatting.h"

namespace switchboard::ast {

namespace {

std::string ColumnDefinitionList(const std::vector<ColumnDefinition>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += columns[i].ToString();
  }
  return out;
}

// "CREATE [OR REPLACE] <object> [IF NOT EXISTS] name": the head shared by the CREATE statements.
std::string CreateHead(bool or_replace, std::string_view object, bool if_not_exists,
                       const QualifiedName& name) {
  std::string out = or_replace ? "CREATE OR REPLACE " : "CREATE ";
  out += object;
  out += if_not_exists ? " IF NOT EXISTS " : " ";
  return out + name.ToString();
}

}  // namespace

std::string CreateSchema::ToString() const {
  std::string out = CreateHead(false, "SCHEMA", if_not_exists, name);
  if (comment) out += " COMMENT " + QuoteString(*comment);
  if (location_uri) out += " LOCATION " + QuoteString(*location_uri);
  if (!properties.empty()) {
    out += " WITH (" + PropertiesSql(properties, PropertySyntax::kAssignment) + ")";
  }
  if (!dbproperties.empty()) {
    out += " WITH DBPROPERTIES (" + PropertiesSql(dbproperties, PropertySyntax::kStringKeys) + ")";
  }
  return out;
}

std::string CreateExternalSchema::ToString() const {
  std::string out = CreateHead(false, "EXTERNAL SCHEMA", if_not_exists, name);
  out += " FROM DATA CATALOG DATABASE " + QuoteString(database);
  if (region) out += " REGION " + QuoteString(*region);
  if (iam_role) out += " IAM_ROLE " + QuoteString(*iam_role);
  if (create_external_database) out += " CREATE EXTERNAL DATABASE IF NOT EXISTS";
  return out;
}

std::string RowFormat::ToString() const {
  if (serde) {
    std::string out = "ROW FORMAT SERDE " + QuoteString(*serde);
    if (!serde_properties.empty()) {
      out += " WITH SERDEPROPERTIES (" +
             PropertiesSql(serde_properties, PropertySyntax::kStringKeys) + ")";
    }
    return out;
  }
  std::string out = "ROW FORMAT DELIMITED";
  auto clause = [&out](std::string_view words, const std::optional<std::string>& value) {
    if (value) out += " " + std::string(words) + " " + QuoteString(*value);
  };
  clause("FIELDS TERMINATED BY", fields_terminated_by);
  clause("ESCAPED BY", escaped_by);
  clause("COLLECTION ITEMS TERMINATED BY", collection_items_terminated_by);
  clause("MAP KEYS TERMINATED BY", map_keys_terminated_by);
  clause("LINES TERMINATED BY", lines_terminated_by);
  clause("NULL DEFINED AS", null_defined_as);
  return out;
}

CreateTable::CreateTable(SourceLocation location, QualifiedName name)
    : Statement(kKind, location), name(std::move(name)) {}

CreateTable::~CreateTable() = default;

std::string CreateTable::ToString() const {
  std::string object = temporary ? "TEMPORARY " : "";
  if (external) object += "EXTERNAL ";
  object += "TABLE";
  std::string out = CreateHead(or_replace, object, if_not_exists, name);
  if (!columns.empty()) out += " (" + ColumnDefinitionList(columns) + ")";
  if (!column_aliases.empty()) out += " (" + IdentifierList(column_aliases) + ")";
  if (using_format) out += " USING " + using_format->ToString();
  if (!partitioned_by.empty()) out += " PARTITIONED BY (" + ExpressionList(partitioned_by) + ")";
  if (!partition_columns.empty()) {
    out += " PARTITIONED BY (" + ColumnDefinitionList(partition_columns) + ")";
  }
  if (row_format) out += " " + row_format->ToString();
  if (stored_as) out += " STORED AS " + stored_as->ToString();
  if (location_uri) {
    out += location_is_stage ? " LOCATION = " + *location_uri
                             : " LOCATION " + QuoteString(*location_uri);
  }
  if (comment) out += " COMMENT " + QuoteString(*comment);
  if (!tblproperties.empty()) {
    out += " TBLPROPERTIES (" + PropertiesSql(tblproperties, PropertySyntax::kStringKeys) + ")";
  }
  if (!properties.empty()) {
    out += " WITH (" + PropertiesSql(properties, PropertySyntax::kAssignment) + ")";
  }
  if (!options.empty()) out += " " + PropertiesSql(options, PropertySyntax::kSnowflake);
  if (query) {
    out += " AS " + query->ToString();
    if (with_no_data) out += " WITH NO DATA";
  }
  return out;
}

CreateView::CreateView(SourceLocation location, QualifiedName name)
    : Statement(kKind, location), name(std::move(name)) {}

CreateView::~CreateView() = default;

std::string CreateView::ToString() const {
  std::string out =
      CreateHead(or_replace, temporary ? "TEMPORARY VIEW" : "VIEW", if_not_exists, name);
  if (!columns.empty()) out += " (" + IdentifierList(columns) + ")";
  if (comment) out += " COMMENT " + QuoteString(*comment);
  return out + " AS " + query->ToString();
}

std::string CreateStage::ToString() const {
  std::string out = CreateHead(or_replace, "STAGE", if_not_exists, name);
  if (!options.empty()) out += " " + PropertiesSql(options, PropertySyntax::kSnowflake);
  return out;
}

std::string CreateFileFormat::ToString() const {
  std::string out = CreateHead(or_replace, "FILE FORMAT", if_not_exists, name);
  if (!options.empty()) out += " " + PropertiesSql(options, PropertySyntax::kSnowflake);
  return out;
}

std::string Drop::ToString() const {
  std::string out = "DROP ";
  switch (object_type) {
    case ObjectType::kSchema:
      out += "SCHEMA";
      break;
    case ObjectType::kTable:
      out += "TABLE";
      break;
    case ObjectType::kView:
      out += "VIEW";
      break;
    case ObjectType::kStage:
      out += "STAGE";
      break;
    case ObjectType::kFileFormat:
      out += "FILE FORMAT";
      break;
    case ObjectType::kRole:
      out += "ROLE";
      break;
    case ObjectType::kUser:
      out += "USER";
      break;
  }
  out += if_exists ? " IF EXISTS " : " ";
  out += name.ToString();
  if (behavior == Behavior::kCascade) out += " CASCADE";
  if (behavior == Behavior::kRestrict) out += " RESTRICT";
  if (purge) out += " PURGE";
  return out;
}

std::string Truncate::ToString() const { return "TRUNCATE TABLE " + table.ToString(); }

std::string RepairTable::ToString() const { return "MSCK REPAIR TABLE " + table.ToString(); }

AlterTable::AlterTable(SourceLocation location, QualifiedName table,
                       std::unique_ptr<AlterTableAction> action)
    : Statement(kKind, location), table(std::move(table)), action(std::move(action)) {}

AlterTable::~AlterTable() = default;

std::string AlterTable::ToString() const {
  return std::string(if_exists ? "ALTER TABLE IF EXISTS " : "ALTER TABLE ") + table.ToString() +
         " " + action->ToString();
}

}  // namespace switchboard::ast
