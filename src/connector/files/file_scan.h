// What the file table functions (read_csv, read_json, and external tables over them) share:
// named-option lookups, the columns that come from folders and file names rather than file
// contents, file pruning by those columns, and declared column lists.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connector/files/file_list.h"
#include "function/function.h"

namespace switchboard {

/// The value of named option `name` (NULL values count as absent).
std::optional<Value> FindOption(const TableFunctionBindInput& input, std::string_view name);
bool BoolOption(const TableFunctionBindInput& input, std::string_view name, bool fallback);
int64_t IntegerOption(const TableFunctionBindInput& input, std::string_view name, int64_t fallback);
std::optional<std::string> StringOption(const TableFunctionBindInput& input, std::string_view name);
/// hive_partitioning => true|false, or kAuto when absent.
HivePartitioning HiveOption(const TableFunctionBindInput& input);

/// Column names and types given as MAP(varchar, varchar) ({'id': 'BIGINT', ...} or MAP(...)),
/// or as a ROW whose fields are named columns and whose values are type names. Throws
/// kInvalidParameter for anything else.
std::vector<std::pair<std::string, LogicalType>> NamedTypesOption(const TableFunctionBindInput& input,
                                                                  const Value& value, std::string_view option);

/// Where a column of a file table comes from.
struct FileColumnSource {
  enum class Kind : uint8_t { kFile, kPartition, kFilename };
  Kind kind = Kind::kFile;
  idx_t index = 0;  // kFile: the file column; kPartition: the partition column
};

/// The output schema of a file table: file columns first, then Hive partition columns (a
/// partition column named like a file column replaces it), then `filename`.
struct FileTableColumns {
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::vector<FileColumnSource> sources;

  void AddFileColumn(std::string name, LogicalType type);
  void AddPartitionColumns(const FileList& files);
  void AddFilenameColumn();
  idx_t size() const { return names.size(); }
};

/// Accepts filters on partition and filename columns (they prune whole files, exactly).
bool AcceptsFileFilter(const FileTableColumns& columns, const TableFilter& filter);
/// The files (indexes into files.paths) that the filters on partition and filename columns keep.
std::vector<size_t> PruneFiles(const FileList& files, const FileTableColumns& columns,
                               const std::vector<TableFilter>& filters);
/// The constant vector a partition or filename column has for file `file`.
Vector FileConstant(const FileList& files, const FileTableColumns& columns, idx_t column, size_t file);

}  // namespace switchboard
