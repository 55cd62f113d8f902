// The actions of ALTER TABLE: renames, column changes, Iceberg partition evolution, table
// properties, table procedures (EXECUTE) and Iceberg branches and tags.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sql/parser/ast/ast_node.h"
#include "sql/parser/ast/expression.h"
#include "sql/parser/ast/statement.h"

namespace switchboard::ast {

enum class AlterTableActionKind : uint8_t {
  kRenameTable,
  kAddColumns,
  kDropColumn,
  kRenameColumn,
  kAlterColumn,
  kChangePartitionField,
  kSetTableProperties,
  kUnsetTableProperties,
  kExecuteProcedure,
  kCreateSnapshotRef,
  kDropSnapshotRef,
  kHivePartitions,
};

/// Base of ALTER TABLE actions. ToString() prints the action alone (what follows the table name).
class AlterTableAction : public AstNode<AlterTableActionKind> {
 public:
  virtual ~AlterTableAction() = default;
  virtual std::string ToString() const = 0;

 protected:
  using AstNode::AstNode;
};

/// `RENAME TO new_name`.
class RenameTable final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kRenameTable;
  RenameTable(SourceLocation location, QualifiedName new_name)
      : AlterTableAction(kKind, location), new_name(std::move(new_name)) {}

  QualifiedName new_name;

  std::string ToString() const override;
};

/// `ADD COLUMN [IF NOT EXISTS] definition` and Spark's `ADD COLUMNS (definition, ...)`. A column
/// name may be a dotted path to add a field to a nested ROW (`ADD COLUMN point.z double`).
class AddColumns final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kAddColumns;
  explicit AddColumns(SourceLocation location) : AlterTableAction(kKind, location) {}

  std::vector<ColumnDefinition> columns;
  bool if_not_exists = false;

  std::string ToString() const override;
};

/// `DROP COLUMN [IF EXISTS] column`.
class DropColumn final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kDropColumn;
  DropColumn(SourceLocation location, QualifiedName column)
      : AlterTableAction(kKind, location), column(std::move(column)) {}

  QualifiedName column;
  bool if_exists = false;

  std::string ToString() const override;
};

/// `RENAME COLUMN [IF EXISTS] column TO new_name`.
class RenameColumn final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kRenameColumn;
  RenameColumn(SourceLocation location, QualifiedName column, Identifier new_name)
      : AlterTableAction(kKind, location),
        column(std::move(column)),
        new_name(std::move(new_name)) {}

  QualifiedName column;
  Identifier new_name;
  bool if_exists = false;

  std::string ToString() const override;
};

/// `ALTER [COLUMN] column` followed by `[SET DATA] TYPE type`, `SET DEFAULT expr`, `DROP DEFAULT`,
/// `SET NOT NULL`, `DROP NOT NULL` or `COMMENT 'x'`.
class AlterColumn final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kAlterColumn;
  enum class Change : uint8_t {
    kSetType,
    kSetDefault,
    kDropDefault,
    kSetNotNull,
    kDropNotNull,
    kSetComment,
  };

  AlterColumn(SourceLocation location, QualifiedName column, Change change)
      : AlterTableAction(kKind, location), column(std::move(column)), change(change) {}

  QualifiedName column;
  Change change;
  TypeName type;                ///< kSetType
  ExpressionPtr default_value;  ///< kSetDefault
  std::string comment;          ///< kSetComment

  std::string ToString() const override;
};

/// Iceberg partition evolution: `ADD PARTITION FIELD transform [AS name]`,
/// `DROP PARTITION FIELD transform_or_name`, `REPLACE PARTITION FIELD field WITH transform [AS
/// name]`. Transforms are expressions: a column, `days(ts)`, `bucket(16, id)`, `truncate(4, s)`.
class ChangePartitionField final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kChangePartitionField;
  enum class Change : uint8_t { kAdd, kDrop, kReplace };

  ChangePartitionField(SourceLocation location, Change change, ExpressionPtr field)
      : AlterTableAction(kKind, location), change(change), field(std::move(field)) {}

  Change change;
  ExpressionPtr field;             ///< kAdd: the new field; kDrop, kReplace: the existing one
  ExpressionPtr replacement;       ///< kReplace
  std::optional<Identifier> name;  ///< AS name (kAdd, kReplace)

  std::string ToString() const override;
};

/// Spark's `SET TBLPROPERTIES ('k' = 'v', ...)` or Trino's `SET PROPERTIES k = v, ...`.
class SetTableProperties final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kSetTableProperties;
  SetTableProperties(SourceLocation location, bool tblproperties)
      : AlterTableAction(kKind, location), tblproperties(tblproperties) {}

  bool tblproperties;  ///< Spark form, whose keys are the table format's own property names
  std::vector<Property> properties;

  std::string ToString() const override;
};

/// `UNSET TBLPROPERTIES [IF EXISTS] ('k', ...)`.
class UnsetTableProperties final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kUnsetTableProperties;
  explicit UnsetTableProperties(SourceLocation location) : AlterTableAction(kKind, location) {}

  std::vector<std::string> names;
  bool if_exists = false;

  std::string ToString() const override;
};

/// Trino's table procedures: `EXECUTE optimize[(file_size_threshold => '10MB')] [WHERE cond]`.
class ExecuteProcedure final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kExecuteProcedure;
  ExecuteProcedure(SourceLocation location, Identifier procedure)
      : AlterTableAction(kKind, location), procedure(std::move(procedure)) {}

  Identifier procedure;
  std::vector<ExpressionPtr> arguments;  ///< positional, or NamedArgument nodes
  ExpressionPtr where;

  std::string ToString() const override;
};

enum class SnapshotRefType : uint8_t { kBranch, kTag };
enum class RetentionUnit : uint8_t { kDays, kHours, kMinutes };

/// `amount DAYS|HOURS|MINUTES`.
struct RetentionPeriod {
  ExpressionPtr amount;
  RetentionUnit unit = RetentionUnit::kDays;
  SourceLocation location;

  std::string ToString() const;
};

/// Iceberg: `CREATE [OR REPLACE] BRANCH|TAG [IF NOT EXISTS] name [AS OF VERSION snapshot_id]
/// [RETAIN n DAYS|HOURS|MINUTES] [WITH SNAPSHOT RETENTION [n SNAPSHOTS] [n DAYS|HOURS|MINUTES]]`
/// (snapshot retention for branches only).
class CreateSnapshotRef final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kCreateSnapshotRef;
  CreateSnapshotRef(SourceLocation location, SnapshotRefType ref_type, Identifier name)
      : AlterTableAction(kKind, location), ref_type(ref_type), name(std::move(name)) {}

  SnapshotRefType ref_type;
  Identifier name;
  bool or_replace = false;
  bool if_not_exists = false;
  ExpressionPtr as_of_version;
  std::optional<RetentionPeriod> retain;            ///< how long the ref itself is kept
  ExpressionPtr min_snapshots_to_keep;              ///< WITH SNAPSHOT RETENTION n SNAPSHOTS
  std::optional<RetentionPeriod> max_snapshot_age;  ///< WITH SNAPSHOT RETENTION ... n DAYS

  std::string ToString() const override;
};

/// `DROP BRANCH|TAG [IF EXISTS] name`.
class DropSnapshotRef final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kDropSnapshotRef;
  DropSnapshotRef(SourceLocation location, SnapshotRefType ref_type, Identifier name)
      : AlterTableAction(kKind, location), ref_type(ref_type), name(std::move(name)) {}

  SnapshotRefType ref_type;
  Identifier name;
  bool if_exists = false;

  std::string ToString() const override;
};

/// One Hive partition: `PARTITION (k = v, ...) [LOCATION 'path']`.
struct HivePartitionSpec {
  std::vector<Property> values;
  std::optional<std::string> location;
};

/// Hive/Athena partition registration for external tables:
/// `ADD [IF NOT EXISTS] PARTITION (k = v, ...) [LOCATION 'x'] [PARTITION ...]...` and
/// `DROP [IF EXISTS] PARTITION (k = v, ...) [, PARTITION ...]`.
class HivePartitions final : public AlterTableAction {
 public:
  static constexpr AlterTableActionKind kKind = AlterTableActionKind::kHivePartitions;
  HivePartitions(SourceLocation location, bool add) : AlterTableAction(kKind, location), add(add) {}

  bool add;
  bool if_not_exists_or_exists = false;  ///< ADD IF NOT EXISTS, DROP IF EXISTS
  std::vector<HivePartitionSpec> partitions;

  std::string ToString() const override;
};

}  // namespace switchboard::ast
