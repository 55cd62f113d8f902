// The Parquet scan that external tables (STORED AS PARQUET) share with read_parquet.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "connector/files/file_list.h"
#include "function/function.h"

namespace switchboard {

class QueryContext;

/// Binds read_parquet's scan of `files` (possibly none) with declared `columns`: each file's
/// columns are found by name (ignoring case) and cast to the declared types, columns a file
/// lacks read as NULL. Then partition columns (files.partition_columns). Throws when a file
/// cannot be opened.
TableFunctionBindResult BindParquetFiles(FileList files, const std::vector<std::pair<std::string, LogicalType>>& columns,
                                         const QueryContext* query);

}  // namespace switchboard
