// FileList: the files a file table function reads (paths, globs or lists of them), with the
// Hive-style partition values their folders carry (`.../date=2024-05-01/queue_id=7/x.parquet`).
#pragma once

#include <string>
#include <vector>

#include "function/function.h"
#include "types/value.h"

namespace switchboard {

/// One partition key of a Hive-style folder layout and the type its values were given.
struct HivePartitionColumn {
  std::string name;
  LogicalType type;
};

struct FileList {
  std::vector<std::string> paths;
  /// Empty unless Hive partitioning applies.
  std::vector<HivePartitionColumn> partition_columns;
  /// partition_values[file][column], typed as partition_columns (NULL for
  /// __HIVE_DEFAULT_PARTITION__).
  std::vector<std::vector<Value>> partition_values;
};

/// How Hive partition folders are treated: detected when every file has the same keys (the
/// default), forced on (every file must have them) or off.
enum class HivePartitioning : uint8_t { kAuto, kEnabled, kDisabled };

/// Expands `argument` (VARCHAR path or glob, or ARRAY(VARCHAR) of them) into files, in order,
/// without duplicates. Errors (thrown): kIoError when a plain path does not exist or a glob
/// matches nothing; kInvalidParameter for arguments of other types.
FileList ExpandFiles(const Value& argument, HivePartitioning hive);

/// The files below folder `location` (recursively, skipping names that start with '_' or '.')
/// laid out as Hive partition folders of `partition_columns`, in order: a file is listed only
/// when the folders between `location` and it are exactly `name=value` for each partition column
/// (names ignoring case), and its values are cast to the columns' types. A missing folder lists
/// nothing. Errors (thrown): kIoError when the folder cannot be listed, kInvalidCast for folder
/// values that are not of their column's type.
FileList ListPartitionedFolder(const std::string& location, const std::vector<HivePartitionColumn>& partition_columns);

/// The value of a Hive folder segment: percent-decoded, with __HIVE_DEFAULT_PARTITION__ as NULL.
Value HivePartitionValue(std::string_view text, const LogicalType& type);

/// The folder text of a partition value (`value` in `key=value`): its text with '/', '=', '%',
/// ':' and other characters unsafe in paths percent-encoded; NULL and the empty string as
/// __HIVE_DEFAULT_PARTITION__. HivePartitionValue reads it back.
std::string HivePartitionFolderValue(const Value& value);

/// Whether `value` (of the filter column's type) satisfies `filter`; NULL satisfies only IS NULL.
bool ValueMatchesFilter(const Value& value, const TableFilter& filter);

}  // namespace switchboard
