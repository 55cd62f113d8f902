// read_json and the JSON scan that external tables (STORED AS JSON) share with it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "connector/files/file_list.h"
#include "format/json/json_reader.h"
#include "function/function.h"

namespace switchboard {

class QueryContext;

struct JsonScanSettings {
  JsonFormat format = JsonFormat::kAuto;
  /// Whether values are objects whose keys are columns; detected when unset.
  std::optional<bool> records;
  /// Declared columns (matched to keys by name): no inference.
  std::vector<std::pair<std::string, LogicalType>> declared;
  size_t maximum_object_size = size_t{16} << 20;
  int64_t sample_rows = 20480;
  size_t map_threshold = 200;
  StreamCompression compression = StreamCompression::kAuto;
  bool ignore_errors = false;
  bool union_by_name = false;
  bool filename = false;
};

/// Binds a JSON scan of `files` (which may be empty when `settings.declared` is set). The bound
/// schema: value columns, then partition columns, then filename.
TableFunctionBindResult BindJsonFiles(FileList files, JsonScanSettings settings, const QueryContext* query);

}  // namespace switchboard
