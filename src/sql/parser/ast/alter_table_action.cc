// SQL printing of ALTER TABLE actions.
#include "sql/parser/ast/alter_table_action.h"

#include "sql/parser/ast/sql_formatting.h"

namespace switchboard::ast {

namespace {

std::string_view RefTypeSql(SnapshotRefType type) {
  return type == SnapshotRefType::kBranch ? "BRANCH" : "TAG";
}

}  // namespace

std::string RenameTable::ToString() const { return "RENAME TO " + new_name.ToString(); }

std::string AddColumns::ToString() const {
  std::string out = "ADD ";
  if (columns.size() == 1) {
    out += if_not_exists ? "COLUMN IF NOT EXISTS " : "COLUMN ";
    return out + columns[0].ToString();
  }
  out += if_not_exists ? "COLUMNS IF NOT EXISTS (" : "COLUMNS (";
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += columns[i].ToString();
  }
  return out + ")";
}

std::string DropColumn::ToString() const {
  return std::string(if_exists ? "DROP COLUMN IF EXISTS " : "DROP COLUMN ") + column.ToString();
}

std::string RenameColumn::ToString() const {
  return std::string(if_exists ? "RENAME COLUMN IF EXISTS " : "RENAME COLUMN ") +
         column.ToString() + " TO " + new_name.ToString();
}

std::string AlterColumn::ToString() const {
  std::string out = "ALTER COLUMN " + column.ToString();
  switch (change) {
    case Change::kSetType:
      return out + " SET DATA TYPE " + type.ToString();
    case Change::kSetDefault:
      return out + " SET DEFAULT " + default_value->ToString();
    case Change::kDropDefault:
      return out + " DROP DEFAULT";
    case Change::kSetNotNull:
      return out + " SET NOT NULL";
    case Change::kDropNotNull:
      return out + " DROP NOT NULL";
    case Change::kSetComment:
      return out + " COMMENT " + QuoteString(comment);
  }
  return out;
}

std::string ChangePartitionField::ToString() const {
  std::string out;
  switch (change) {
    case Change::kAdd:
      out = "ADD PARTITION FIELD " + field->ToString();
      break;
    case Change::kDrop:
      out = "DROP PARTITION FIELD " + field->ToString();
      break;
    case Change::kReplace:
      out = "REPLACE PARTITION FIELD " + field->ToString() + " WITH " + replacement->ToString();
      break;
  }
  if (name) out += " AS " + name->ToString();
  return out;
}

std::string SetTableProperties::ToString() const {
  if (tblproperties) {
    return "SET TBLPROPERTIES (" + PropertiesSql(properties, PropertySyntax::kStringKeys) + ")";
  }
  return "SET PROPERTIES " + PropertiesSql(properties, PropertySyntax::kAssignment);
}

std::string UnsetTableProperties::ToString() const {
  std::string out = if_exists ? "UNSET TBLPROPERTIES IF EXISTS (" : "UNSET TBLPROPERTIES (";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += QuoteString(names[i]);
  }
  return out + ")";
}

std::string ExecuteProcedure::ToString() const {
  std::string out = "EXECUTE " + procedure.ToString() + "(" + ExpressionList(arguments) + ")";
  if (where) out += " WHERE " + where->ToString();
  return out;
}

std::string RetentionPeriod::ToString() const {
  std::string_view unit_sql = unit == RetentionUnit::kDays    ? " DAYS"
                              : unit == RetentionUnit::kHours ? " HOURS"
                                                              : " MINUTES";
  return UnaryOperandSql(*amount) + std::string(unit_sql);
}

std::string CreateSnapshotRef::ToString() const {
  std::string out = or_replace ? "CREATE OR REPLACE " : "CREATE ";
  out += RefTypeSql(ref_type);
  out += if_not_exists ? " IF NOT EXISTS " : " ";
  out += name.ToString();
  if (as_of_version) out += " AS OF VERSION " + UnaryOperandSql(*as_of_version);
  if (retain) out += " RETAIN " + retain->ToString();
  if (min_snapshots_to_keep || max_snapshot_age) {
    out += " WITH SNAPSHOT RETENTION";
    if (min_snapshots_to_keep) out += " " + UnaryOperandSql(*min_snapshots_to_keep) + " SNAPSHOTS";
    if (max_snapshot_age) out += " " + max_snapshot_age->ToString();
  }
  return out;
}

std::string DropSnapshotRef::ToString() const {
  return "DROP " + std::string(RefTypeSql(ref_type)) + (if_exists ? " IF EXISTS " : " ") +
         name.ToString();
}

std::string HivePartitions::ToString() const {
  std::string out = add ? "ADD" : "DROP";
  if (if_not_exists_or_exists) out += add ? " IF NOT EXISTS" : " IF EXISTS";
  for (size_t i = 0; i < partitions.size(); ++i) {
    if (i > 0 && !add) out += ",";
    out += " PARTITION (" + PropertiesSql(partitions[i].values, PropertySyntax::kAssignment) + ")";
    if (partitions[i].location) out += " LOCATION " + QuoteString(*partitions[i].location);
  }
  return out;
}

}  // namespace switchboard::ast
