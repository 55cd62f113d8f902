// read_json: newline-delimited JSON or JSON array files (one, a glob, or a list; plain, gzip or
// zstd) as a table, with schema inference over a sample, Hive partition columns and
// parallelism across files.
#include "connector/files/json_scan.h"

#include <atomic>

#include "common/error.h"
#include "common/memory_tracker.h"
#include "common/string_util.h"
#include "connector/files/file_functions.h"
#include "connector/files/file_scan.h"
#include "format/json/json_schema.h"
#include "function/cast.h"
#include "function/query_context.h"

namespace switchboard {

namespace {

struct JsonBindData : FunctionData {
  FileList files;
  FileTableColumns columns;
  JsonScanSettings settings;
  bool records = true;
  // Per file column: the type the reader produces (the column's type, or VARCHAR for types
  // JSON does not hold, cast afterwards).
  std::vector<LogicalType> read_types;
  std::vector<std::string> file_names;  // keys of the file columns
};

// Infers columns from the first values of the files (all of them with union_by_name).
void InferSchema(JsonBindData& data) {
  const JsonScanSettings& settings = data.settings;
  JsonSchemaBuilder builder(settings.map_threshold);
  int64_t sampled = 0;
  for (const std::string& path : data.files.paths) {
    if (sampled >= settings.sample_rows && !settings.union_by_name) break;
    JsonReadOptions options;
    options.format = settings.format;
    options.maximum_object_size = settings.maximum_object_size;
    auto reader = JsonReader::Open(path, settings.compression, options).ValueOrThrow();
    int64_t from_file = 0;
    std::string_view text;
    int64_t line = 0;
    while ((from_file < settings.sample_rows) && reader->NextValue(text, line).ValueOrThrow()) {
      auto added = builder.Add(text);
      if (!added.ok()) {
        if (settings.ignore_errors) continue;
        SB_THROW(kCorruptData, "'{}' line {}: {}", path, line, added.error().message);
      }
      ++from_file;
    }
    sampled += from_file;
  }
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  builder.Resolve(names, types);
  data.records = settings.records.value_or(builder.records());
  if (!data.records && names.size() != 1) {
    names = {"json"};
    types = {TypeId::kJson};
  }
  for (size_t i = 0; i < names.size(); ++i) data.columns.AddFileColumn(names[i], types[i]);
}

}  // namespace

TableFunctionBindResult BindJsonFiles(FileList files, JsonScanSettings settings, const QueryContext* query) {
  (void)query;
  auto data = std::make_unique<JsonBindData>();
  data->files = std::move(files);
  data->settings = std::move(settings);
  if (!data->settings.declared.empty()) {
    data->records = data->settings.records.value_or(true);
    SB_USER_CHECK(data->records || data->settings.declared.size() == 1, kInvalidParameter,
                  "records => false reads each value as one column: declare one column");
    for (const auto& [name, type] : data->settings.declared) data->columns.AddFileColumn(name, type);
  } else {
    SB_USER_CHECK(!data->files.paths.empty(), kIoError, "No JSON files to read");
    InferSchema(*data);
  }
  for (idx_t c = 0; c < data->columns.size(); ++c) {
    const LogicalType& type = data->columns.types[c];
    data->file_names.push_back(data->columns.names[c]);
    if (JsonReaderSupportsType(type)) {
      data->read_types.push_back(type);
    } else {
      SB_USER_CHECK(!type.IsNested(), kNotSupported, "JSON columns of type {} are not supported", type.ToString());
      data->read_types.push_back(LogicalType::Varchar());
    }
  }
  data->columns.AddPartitionColumns(data->files);
  if (data->settings.filename) data->columns.AddFilenameColumn();
  TableFunctionBindResult result;
  result.names = data->columns.names;
  result.types = data->columns.types;
  result.bind_data = std::move(data);
  return result;
}

namespace {

TableFunctionBindResult Bind(TableFunctionBindInput& input) {
  SB_USER_CHECK(input.arguments.size() == 1, kInvalidParameter,
                "read_json expects one argument: a path, a glob or an array of them");
  JsonScanSettings settings;
  if (auto format = StringOption(input, "format")) settings.format = ParseJsonFormat(*format).ValueOrThrow();
  if (auto records = StringOption(input, "records")) {
    std::string lower = ToLower(*records);
    if (lower == "true") settings.records = true;
    else if (lower == "false") settings.records = false;
    else SB_USER_CHECK(lower == "auto", kInvalidParameter, "records must be auto, true or false");
  }
  if (auto columns = FindOption(input, "columns")) settings.declared = NamedTypesOption(input, *columns, "columns");
  int64_t max_size = IntegerOption(input, "maximum_object_size", static_cast<int64_t>(settings.maximum_object_size));
  SB_USER_CHECK(max_size > 0 && max_size <= (int64_t{1} << 30), kInvalidParameter,
                "maximum_object_size must be between 1 and 1073741824");
  settings.maximum_object_size = static_cast<size_t>(max_size);
  settings.sample_rows = IntegerOption(input, "sample_size", settings.sample_rows);
  if (settings.sample_rows < 0) settings.sample_rows = INT64_MAX;
  int64_t threshold = IntegerOption(input, "map_inference_threshold", 200);
  settings.map_threshold = threshold < 0 ? SIZE_MAX : static_cast<size_t>(threshold);
  if (auto compression = StringOption(input, "compression")) {
    settings.compression = ParseStreamCompression(*compression).ValueOrThrow();
  }
  settings.ignore_errors = BoolOption(input, "ignore_errors", false);
  settings.union_by_name = BoolOption(input, "union_by_name", false);
  settings.filename = BoolOption(input, "filename", false);
  FileList files = ExpandFiles(input.arguments[0], HiveOption(input));
  return BindJsonFiles(std::move(files), std::move(settings), input.query);
}

struct JsonGlobalState : GlobalTableState {
  std::vector<size_t> files;  // kept by the filters
  std::atomic<size_t> next{0};
  size_t files_total = 0;
  std::vector<idx_t> needed;     // file column per read column
  std::vector<int> read_column;  // per request column: its read column, or -1
  std::atomic<int64_t> rows{0};
  std::atomic<int64_t> rejected{0};
  std::atomic<int64_t> bytes{0};

  idx_t MaxThreads() const override { return std::max<size_t>(1, files.size()); }
};

struct JsonLocalState : LocalTableState {
  std::unique_ptr<JsonReader> reader;
  size_t file = 0;
  DataChunk values;
  int64_t lines[kVectorSize];
  int64_t bytes_reported = 0;
  std::vector<Vector> constants;
};

std::unique_ptr<GlobalTableState> InitGlobal(const TableScanRequest& request) {
  const auto& data = static_cast<const JsonBindData&>(*request.bind_data);
  auto state = std::make_unique<JsonGlobalState>();
  state->files_total = data.files.paths.size();
  state->files = PruneFiles(data.files, data.columns, request.filters);
  for (idx_t column : request.column_ids) {
    SB_CHECK(column != kRowIdColumn);
    const FileColumnSource& source = data.columns.sources[column];
    if (source.kind != FileColumnSource::Kind::kFile) {
      state->read_column.push_back(-1);
      continue;
    }
    auto it = std::find(state->needed.begin(), state->needed.end(), source.index);
    state->read_column.push_back(static_cast<int>(it - state->needed.begin()));
    if (it == state->needed.end()) state->needed.push_back(source.index);
  }
  return state;
}

std::unique_ptr<LocalTableState> InitLocal(const TableScanRequest& request, GlobalTableState& global_state) {
  const auto& data = static_cast<const JsonBindData&>(*request.bind_data);
  auto& global = static_cast<JsonGlobalState&>(global_state);
  auto local = std::make_unique<JsonLocalState>();
  std::vector<LogicalType> types;
  for (idx_t column : global.needed) types.push_back(data.read_types[column]);
  local->values.Initialize(types);
  return local;
}

void Scan(const TableScanRequest& request, GlobalTableState& global_state, LocalTableState& local_state,
          DataChunk& output) {
  const auto& data = static_cast<const JsonBindData&>(*request.bind_data);
  auto& global = static_cast<JsonGlobalState&>(global_state);
  auto& local = static_cast<JsonLocalState&>(local_state);
  while (true) {
    if (!local.reader) {
      size_t next = global.next.fetch_add(1, std::memory_order_relaxed);
      if (next >= global.files.size()) {
        output.SetSize(0);
        return;
      }
      local.file = global.files[next];
      JsonReadOptions options;
      options.format = data.settings.format;
      options.records = data.records;
      options.names = data.file_names;
      options.types = data.read_types;
      options.projection.assign(data.file_names.size(), -1);
      for (size_t r = 0; r < global.needed.size(); ++r) options.projection[global.needed[r]] = static_cast<int>(r);
      options.maximum_object_size = data.settings.maximum_object_size;
      options.ignore_errors = data.settings.ignore_errors;
      local.reader = JsonReader::Open(data.files.paths[local.file], data.settings.compression, std::move(options))
                         .ValueOrThrow();
      local.bytes_reported = 0;
      local.constants.clear();
      for (idx_t column : request.column_ids) {
        bool from_file = data.columns.sources[column].kind == FileColumnSource::Kind::kFile;
        local.constants.push_back(from_file ? Vector() : FileConstant(data.files, data.columns, column, local.file));
      }
    }
    idx_t rows = local.reader->ReadBatch(local.values, local.lines).ValueOrThrow();
    int64_t bytes = local.reader->bytes_read();
    if (bytes > local.bytes_reported) {
      global.bytes.fetch_add(bytes - local.bytes_reported, std::memory_order_relaxed);
      if (request.query) const_cast<QueryContext*>(request.query)->AddBytesScanned(bytes - local.bytes_reported);
      local.bytes_reported = bytes;
    }
    if (rows == 0) {
      global.rejected.fetch_add(local.reader->rows_rejected(), std::memory_order_relaxed);
      local.reader.reset();
      continue;
    }
    for (idx_t i = 0; i < request.column_ids.size(); ++i) {
      Vector& target = output.column(i);
      int r = global.read_column[i];
      if (r < 0) {
        target = local.constants[i];
        continue;
      }
      const Vector& values = local.values.column(static_cast<idx_t>(r));
      const LogicalType& type = data.columns.types[request.column_ids[i]];
      if (values.type() == type) {
        target = values;
        continue;
      }
      // A type JSON does not hold, from its text.
      target.ResetForWrite(rows);
      CastOptions cast;
      cast.try_cast = true;
      cast.query = request.query;
      CastVector(values, target, rows, cast);
      for (idx_t row = 0; row < rows && !target.validity().AllValid(); ++row) {
        if (target.validity().RowIsValid(row) || !values.validity().RowIsValid(row)) continue;
        SB_THROW(kInvalidCast, "'{}' line {}: key '{}': cannot read '{}' as {}", local.reader->path(), local.lines[row],
                 data.columns.names[request.column_ids[i]], values.data<StringView>()[row].view(), type.ToString());
      }
    }
    global.rows.fetch_add(static_cast<int64_t>(rows), std::memory_order_relaxed);
    output.SetSize(rows);
    return;
  }
}

std::string DescribeProgress(const GlobalTableState& state) {
  const auto& global = static_cast<const JsonGlobalState&>(state);
  std::string text = fmt::format("files={}/{} rows={} bytes_read={}", global.files.size(), global.files_total,
                                 global.rows.load(), FormatByteSize(global.bytes.load()));
  if (global.rejected.load() > 0) text += fmt::format(" rows_rejected={}", global.rejected.load());
  return text;
}

std::string Describe(const FunctionData* bind_data) {
  const auto& data = static_cast<const JsonBindData&>(*bind_data);
  return data.files.paths.size() == 1 ? "" : fmt::format("files={}", data.files.paths.size());
}

bool AcceptsFilter(const FunctionData* bind_data, const TableFilter& filter) {
  return AcceptsFileFilter(static_cast<const JsonBindData&>(*bind_data).columns, filter);
}

}  // namespace

TableFunction ReadJsonFunction() {
  TableFunction function;
  function.name = "read_json";
  function.arguments = {LogicalType()};
  LogicalType any;
  function.named_parameters = {{"format", LogicalType::Varchar()},
                               {"records", any},
                               {"columns", any},
                               {"maximum_object_size", TypeId::kBigint},
                               {"sample_size", TypeId::kBigint},
                               {"map_inference_threshold", TypeId::kBigint},
                               {"compression", LogicalType::Varchar()},
                               {"ignore_errors", TypeId::kBoolean},
                               {"hive_partitioning", TypeId::kBoolean},
                               {"union_by_name", TypeId::kBoolean},
                               {"filename", TypeId::kBoolean}};
  function.bind = Bind;
  function.init_global = InitGlobal;
  function.init_local = InitLocal;
  function.scan = Scan;
  function.describe = Describe;
  function.describe_progress = DescribeProgress;
  function.accepts_filter = AcceptsFilter;
  function.signature =
      "read_json(path | glob | array(varchar) [, format => 'auto' | 'newline_delimited' | 'array'] [, records => "
      "'auto' | 'true' | 'false'] [, columns => map(varchar, varchar)] [, maximum_object_size => bigint] [, "
      "sample_size => bigint] [, map_inference_threshold => bigint] [, compression => varchar] [, ignore_errors => "
      "boolean] [, hive_partitioning => boolean] [, union_by_name => boolean] [, filename => boolean])";
  function.description =
      "Reads newline-delimited JSON or JSON arrays (plain, gzip or zstd) as a table: object keys become columns "
      "with types inferred from the first values (nested objects as ROW, arrays as ARRAY, ISO 8601 strings as "
      "timestamps) unless columns are given.";
  function.example = "SELECT * FROM read_json('events/*.ndjson.gz')";
  return function;
}

}  // namespace switchboard
