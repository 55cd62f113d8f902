// Metadata changes from ALTER TABLE: schema evolution (add, drop, rename, widen columns, nested
// fields, defaults, nullability, comments), partition evolution, properties, and branches and
// tags. Each takes a table version and returns the next one (new schema or spec ids as Iceberg
// assigns them); old data files stay valid because fields are identified by id.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "table/iceberg/table_metadata.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace switchboard::iceberg {

/// A column by path: one name for a top-level column, more for fields nested in structs (names
/// match case-insensitively when there is no exact match).
using ColumnPath = std::vector<std::string>;

/// Adds a column (to the top level, or to the struct `path` minus its last part names). A
/// default is the column's initial and write default, which needs format version 3. Errors:
/// kDuplicateObject when it exists (unless `if_not_exists`), kUndefinedColumn for a missing
/// parent, kInvalidParameter for a parent that is not a struct, a NOT NULL column without a
/// default, or a default in v1/v2; kNotSupported for types Iceberg cannot hold.
Result<TableMetadata> AddColumn(const TableMetadata& metadata, const ColumnPath& path, const LogicalType& type,
                                bool nullable, const std::optional<Value>& default_value, const std::string& comment,
                                bool if_not_exists);
/// Errors: kUndefinedColumn (unless `if_exists`); kInvalidParameter for the last column, a
/// column the current partition spec or sort order uses, or an identifier field.
Result<TableMetadata> DropColumn(const TableMetadata& metadata, const ColumnPath& path, bool if_exists);
Result<TableMetadata> RenameColumn(const TableMetadata& metadata, const ColumnPath& path, const std::string& new_name,
                                   bool if_exists);
/// Widens a primitive column: int -> bigint, real -> double, decimal(P,S) -> decimal(P',S) with
/// P' > P. Errors: kInvalidParameter for any other change.
Result<TableMetadata> SetColumnType(const TableMetadata& metadata, const ColumnPath& path, const LogicalType& type);
/// Sets (or with nullopt, drops) a column's write default. Needs format version 3.
Result<TableMetadata> SetColumnDefault(const TableMetadata& metadata, const ColumnPath& path,
                                       const std::optional<Value>& default_value);
/// `required` true is refused for existing columns (old rows may hold NULL).
Result<TableMetadata> SetColumnRequired(const TableMetadata& metadata, const ColumnPath& path, bool required);
Result<TableMetadata> SetColumnComment(const TableMetadata& metadata, const ColumnPath& path, const std::string& comment);

/// Partition evolution on the default spec. `field` is SQL partition syntax (`days(ts)`,
/// `bucket(16, id)`, `category`); `name` overrides the field's default name. Drop finds the field
/// by name or by its transform. Errors: kDuplicateObject, kUndefinedObject, and the parse errors of
/// ParsePartitionField.
Result<TableMetadata> AddPartitionField(const TableMetadata& metadata, const std::string& field, const std::string& name);
Result<TableMetadata> DropPartitionField(const TableMetadata& metadata, const std::string& field);
Result<TableMetadata> ReplacePartitionField(const TableMetadata& metadata, const std::string& field,
                                            const std::string& replacement, const std::string& name);

/// Sets table properties; "format-version" upgrades the table (never downgrades).
Result<TableMetadata> SetProperties(const TableMetadata& metadata,
                                    const std::vector<std::pair<std::string, std::string>>& properties);
/// Errors: kUndefinedObject for a missing key unless `if_exists`.
Result<TableMetadata> UnsetProperties(const TableMetadata& metadata, const std::vector<std::string>& keys,
                                      bool if_exists);

/// Creates (or replaces) a branch or tag at `snapshot_id` (the current snapshot when nullopt).
Result<TableMetadata> CreateRef(const TableMetadata& metadata, const std::string& name, bool branch,
                                std::optional<int64_t> snapshot_id, bool replace, bool if_not_exists,
                                const SnapshotRef& retention);
Result<TableMetadata> DropRef(const TableMetadata& metadata, const std::string& name, bool branch, bool if_exists);

}  // namespace switchboard::iceberg
