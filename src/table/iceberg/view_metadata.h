// Iceberg view metadata (view spec, format version 1): the SQL of a view, its schema and
// namespace, as the JSON file a catalog's VIEW entries point at.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "types/logical_type.h"

namespace switchboard::iceberg {

struct ViewDefinition {
  std::string sql;
  /// The SQL dialect of `sql` ("trino").
  std::string dialect = "trino";
  std::vector<std::string> column_names;
  /// May be empty or shorter than the names (unknown types are stored as strings).
  std::vector<LogicalType> column_types;
  std::string comment;
  std::string default_catalog;
  std::string default_namespace;
};

/// The metadata JSON of a new view at `location`.
std::string ViewMetadataJson(const ViewDefinition& view, const std::string& location);

/// Reads a view's metadata: its current version's SQL (the first representation, preferring
/// `dialect`), schema and properties. Errors: kCorruptData naming `what`.
Result<ViewDefinition> ParseViewMetadata(std::string_view json, std::string_view what);

}  // namespace switchboard::iceberg
