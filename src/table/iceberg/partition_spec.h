// Partition specs (fields that derive partition values from source columns by transforms) and
// sort orders.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "table/iceberg/schema.h"
#include "table/iceberg/transform.h"

namespace switchboard::iceberg {

/// Partition field ids start here (spec: v1 assigned them from 1000).
constexpr int32_t kFirstPartitionFieldId = 1000;

struct PartitionField {
  int32_t source_id = 0;
  int32_t field_id = 0;
  std::string name;
  Transform transform;

  bool operator==(const PartitionField& other) const {
    return source_id == other.source_id && field_id == other.field_id && name == other.name &&
           transform == other.transform;
  }
};

struct PartitionSpec {
  int32_t spec_id = 0;
  std::vector<PartitionField> fields;

  /// No fields, or only void ones: every file is in the one partition.
  bool IsUnpartitioned() const;
  /// Same fields (source, transform and name), ignoring spec and field ids.
  bool IsCompatible(const PartitionSpec& other) const;
  /// The partition tuple's struct type: one field per partition field (field id = partition
  /// field id) with the transform's result type. A source missing from `schema` (a dropped
  /// column) types its field as the transform's result for an unknown source.
  TypePtr PartitionType(const Schema& schema) const;
  /// Each non-void field as SQL writes it: "category", "days(ts)", "bucket(16, id)".
  std::vector<std::string> ToSql(const Schema& schema) const;
};

using PartitionSpecPtr = std::shared_ptr<const PartitionSpec>;

struct SortField {
  int32_t source_id = 0;
  Transform transform;
  bool ascending = true;
  bool nulls_first = true;
};

struct SortOrder {
  int32_t order_id = 0;
  std::vector<SortField> fields;

  bool IsUnsorted() const { return fields.empty(); }
};

/// Parses a partition transform as SQL writes it: `col`, `identity(col)`, `bucket(16, col)`,
/// `truncate(4, col)` (Trino's `bucket(col, 16)` order too), `years(ts)`/`year(ts)`,
/// `months`/`month`, `days`/`day`, `hours`/`hour`, `void(col)`. Column names resolve against
/// `schema` (case-insensitively). Errors: kInvalidParameter for unknown transforms and
/// transforms that do not fit the column's type; kUndefinedColumn for unknown columns.
Result<PartitionField> ParsePartitionField(std::string_view text, const Schema& schema);

/// Parses a sort field as Trino's `sorted_by` property writes it: `col [ASC|DESC] [NULLS
/// FIRST|LAST]`, where `col` may be a transform as above. Errors: as ParsePartitionField.
Result<SortField> ParseSortField(std::string_view text, const Schema& schema);

/// The default partition field name for a transform of a column: "ts_day", "id_bucket_16",
/// "s_trunc_4", and the column name itself for identity.
std::string DefaultPartitionFieldName(const std::string& column, const Transform& transform);

}  // namespace switchboard::iceberg
