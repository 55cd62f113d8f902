// read_parquet: Parquet files (one, a glob, or a list) as a table, with Hive partition columns,
// union by name, projection and filter pushdown into the reader, and row-group parallelism.
#include <atomic>
#include <mutex>
#include <unordered_map>

#include "common/error.h"
#include "common/memory_tracker.h"
#include "common/string_util.h"
#include "common/thread_pool.h"
#include "connector/files/file_functions.h"
#include "connector/files/file_list.h"
#include "connector/files/parquet_scan.h"
#include "format/parquet/parquet_reader.h"
#include "function/cast.h"
#include "function/query_context.h"
#include "function/type_coercion.h"

namespace switchboard {

namespace {

using parquet::ParquetPredicate;
using parquet::ParquetReader;
using parquet::ParquetScanCounters;
using parquet::ParquetScanOptions;
using parquet::RowGroupScanner;

// Where an output column of the table comes from.
struct ColumnSource {
  enum class Kind : uint8_t { kFile, kPartition, kFilename };
  Kind kind;
  idx_t index;  // kPartition: the partition column
};

// One file: its reader and, per table column from files, the file's top-level field (-1 when
// the file lacks the column, which union_by_name fills with NULLs).
struct ParquetFile {
  std::shared_ptr<ParquetReader> reader;
  std::vector<int> fields;
};

struct ParquetBindData : FunctionData {
  FileList files;
  std::vector<ParquetFile> parquet_files;  // by file
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::vector<ColumnSource> sources;  // by table column
  int64_t total_rows = 0;
  // Computed from the footers on first use (the optimizer asks once per scan and rule).
  mutable std::once_flag statistics_once;
  mutable TableStatistics statistics;
};

bool IsNested(const LogicalType& type) {
  return type.id() == TypeId::kArray || type.id() == TypeId::kMap || type.id() == TypeId::kRow;
}

// Opens every file's footer, on the query's threads.
std::vector<std::shared_ptr<ParquetReader>> OpenAll(const std::vector<std::string>& paths,
                                                     const parquet::ParquetReaderOptions& options,
                                                     const QueryContext* query) {
  std::vector<std::shared_ptr<ParquetReader>> readers(paths.size());
  std::vector<std::optional<Error>> errors(paths.size());
  auto open = [&](size_t i) {
    auto reader = ParquetReader::Open(paths[i], options);
    if (reader.ok()) readers[i] = std::move(*reader);
    else errors[i] = reader.error();
  };
  if (query && query->pool && paths.size() > 1) {
    query->pool->ParallelFor(paths.size(), open);
  } else {
    for (size_t i = 0; i < paths.size(); ++i) open(i);
  }
  for (auto& error : errors) {
    if (error) throw Exception(*error);
  }
  return readers;
}

bool NamedBoolean(const TableFunctionBindInput& input, std::string_view name, bool fallback) {
  for (const auto& [key, value] : input.named) {
    if (key != name) continue;
    if (value.is_null()) return fallback;
    return CastValue(value, TypeId::kBoolean).GetBoolean();
  }
  return fallback;
}

HivePartitioning HiveOption(const TableFunctionBindInput& input) {
  for (const auto& [key, value] : input.named) {
    if (key == "hive_partitioning" && !value.is_null()) {
      return CastValue(value, TypeId::kBoolean).GetBoolean() ? HivePartitioning::kEnabled
                                                                  : HivePartitioning::kDisabled;
    }
  }
  return HivePartitioning::kAuto;
}

// The table's file columns: those of the first file, or with union_by_name the union of all
// files' columns by name (case-insensitive) with their common type.
void BindFileColumns(ParquetBindData& data, bool union_by_name) {
  std::unordered_map<std::string, idx_t> by_name;
  auto add_field = [&](const parquet::ParquetField& field) {
    data.names.push_back(field.name);
    data.types.push_back(field.type);
    data.sources.push_back({ColumnSource::Kind::kFile, data.names.size() - 1});
    by_name.emplace(ToLower(field.name), data.names.size() - 1);
  };
  const auto& first = data.parquet_files[0].reader->schema().fields();
  for (const auto& field : first) {
    if (by_name.count(ToLower(field.name))) {
      throw Exception(ErrorCode::kCorruptData,
                      fmt::format("'{}' has two columns named '{}'", data.files.paths[0], field.name));
    }
    add_field(field);
  }
  for (size_t f = 0; f < data.parquet_files.size(); ++f) {
    ParquetFile& file = data.parquet_files[f];
    const auto& fields = file.reader->schema().fields();
    for (size_t i = 0; i < fields.size(); ++i) {
      auto it = by_name.find(ToLower(fields[i].name));
      if (it == by_name.end()) {
        if (!union_by_name) {
          throw Exception(ErrorCode::kInvalidParameter,
                          fmt::format("'{}' has a column '{}' that '{}' lacks (read them with union_by_name => true)",
                                      data.files.paths[f], fields[i].name, data.files.paths[0]));
        }
        add_field(fields[i]);
        it = by_name.find(ToLower(fields[i].name));
      }
      LogicalType& type = data.types[it->second];
      if (type != fields[i].type) {
        auto common = CommonSuperType(type, fields[i].type);
        if (!common) {
          throw Exception(ErrorCode::kTypeMismatch,
                          fmt::format("Column '{}' is {} in '{}' but {} in '{}'", fields[i].name,
                                      type.ToString(), data.files.paths[0], fields[i].type.ToString(),
                                      data.files.paths[f]));
        }
        type = *common;
      }
    }
  }
  idx_t file_columns = data.names.size();
  for (ParquetFile& file : data.parquet_files) {
    file.fields.assign(file_columns, -1);
    const auto& fields = file.reader->schema().fields();
    for (size_t i = 0; i < fields.size(); ++i) file.fields[by_name.at(ToLower(fields[i].name))] = static_cast<int>(i);
    if (!union_by_name) {
      for (idx_t c = 0; c < file_columns; ++c) {
        if (file.fields[c] < 0) {
          throw Exception(ErrorCode::kInvalidParameter,
                          fmt::format("'{}' lacks column '{}' (read the files with union_by_name => true)",
                                      file.reader->path(), data.names[c]));
        }
      }
    }
  }
}

// Hive partition columns after the file columns; a partition column named like a file column
// replaces it (the folder's value wins).
void AddPartitionColumns(ParquetBindData& data) {
  for (idx_t p = 0; p < data.files.partition_columns.size(); ++p) {
    const auto& column = data.files.partition_columns[p];
    auto existing = std::find_if(data.names.begin(), data.names.end(),
                                 [&](const std::string& name) { return EqualsIgnoreCase(name, column.name); });
    if (existing != data.names.end()) {
      idx_t index = existing - data.names.begin();
      data.types[index] = column.type;
      data.sources[index] = {ColumnSource::Kind::kPartition, p};
      continue;
    }
    data.names.push_back(column.name);
    data.types.push_back(column.type);
    data.sources.push_back({ColumnSource::Kind::kPartition, p});
  }
}

TableFunctionBindResult Bind(TableFunctionBindInput& input) {
  if (input.arguments.size() != 1) {
    throw Exception(ErrorCode::kInvalidParameter, "read_parquet expects one argument: a path, a glob or an array of them");
  }
  auto data = std::make_unique<ParquetBindData>();
  data->files = ExpandFiles(input.arguments[0], HiveOption(input));
  parquet::ParquetReaderOptions options;
  options.binary_as_string = NamedBoolean(input, "binary_as_string", false);
  auto readers = OpenAll(data->files.paths, options, input.query);
  for (auto& reader : readers) {
    data->total_rows += reader->num_rows();
    data->parquet_files.push_back({std::move(reader), {}});
  }
  BindFileColumns(*data, NamedBoolean(input, "union_by_name", false));
  AddPartitionColumns(*data);
  if (NamedBoolean(input, "filename", false)) {
    data->names.push_back("filename");
    data->types.push_back(LogicalType::Varchar());
    data->sources.push_back({ColumnSource::Kind::kFilename, 0});
  }
  TableFunctionBindResult result;
  result.names = data->names;
  result.types = data->types;
  result.bind_data = std::move(data);
  return result;
}

bool AcceptsFilter(const FunctionData* bind_data, const TableFilter& filter) {
  const auto& data = static_cast<const ParquetBindData&>(*bind_data);
  const ColumnSource& source = data.sources[filter.column];
  if (source.kind != ColumnSource::Kind::kFile) return true;  // prunes whole files, exactly
  if (IsNested(data.types[filter.column])) return false;
  // The reader compares in each file's own type: only where every file stores the table's type.
  for (const ParquetFile& file : data.parquet_files) {
    int field = file.fields[filter.column];
    if (field < 0 || file.reader->schema().fields()[field].type != data.types[filter.column]) return false;
  }
  return true;
}

ParquetPredicate ToPredicate(const TableFilter& filter, int field) {
  using Op = ParquetPredicate::Op;
  switch (filter.kind) {
    case TableFilter::Kind::kEqual: return ParquetPredicate::Compare(field, Op::kEqual, filter.constants[0]);
    case TableFilter::Kind::kNotEqual: return ParquetPredicate::Compare(field, Op::kNotEqual, filter.constants[0]);
    case TableFilter::Kind::kLess: return ParquetPredicate::Compare(field, Op::kLess, filter.constants[0]);
    case TableFilter::Kind::kLessEqual: return ParquetPredicate::Compare(field, Op::kLessEqual, filter.constants[0]);
    case TableFilter::Kind::kGreater: return ParquetPredicate::Compare(field, Op::kGreater, filter.constants[0]);
    case TableFilter::Kind::kGreaterEqual:
      return ParquetPredicate::Compare(field, Op::kGreaterEqual, filter.constants[0]);
    case TableFilter::Kind::kIsNull: return ParquetPredicate::IsNull(field);
    case TableFilter::Kind::kIsNotNull: return ParquetPredicate::IsNotNull(field);
    case TableFilter::Kind::kIn: return ParquetPredicate::In(field, filter.constants);
  }
  SB_THROW(kInternal, "unknown table filter kind");
}

// A file that survived pruning, with the scan options its row groups use.
struct PlannedFile {
  size_t file;
  ParquetScanOptions options;
  // Per requested column: the position in the scanner's output, or -1 (partition value,
  // filename, or a column the file lacks).
  std::vector<int> scanner_column;
  std::vector<Vector> constants;  // per requested column, for the non-scanner ones
  bool needs_cast = false;
};

struct ParquetGlobalState : GlobalTableState {
  std::vector<PlannedFile> files;
  std::vector<std::pair<size_t, int>> morsels;  // (planned file, row group)
  std::atomic<size_t> next_morsel{0};
  size_t files_total = 0;

  std::mutex mutex;
  ParquetScanCounters counters;

  idx_t MaxThreads() const override { return std::max<size_t>(1, morsels.size()); }
};

struct ParquetLocalState : LocalTableState {
  std::unique_ptr<RowGroupScanner> scanner;
  const PlannedFile* file = nullptr;
  DataChunk batch;
  int64_t bytes_reported = 0;
};

std::unique_ptr<GlobalTableState> InitGlobal(const TableScanRequest& request) {
  const auto& data = static_cast<const ParquetBindData&>(*request.bind_data);
  auto state = std::make_unique<ParquetGlobalState>();
  state->files_total = data.files.paths.size();
  for (size_t f = 0; f < data.parquet_files.size(); ++f) {
    const ParquetFile& file = data.parquet_files[f];
    // Filters on partition values and file names decide whole files.
    bool keep = true;
    PlannedFile planned{f, {}, {}, {}, false};
    for (const TableFilter& filter : request.filters) {
      const ColumnSource& source = data.sources[filter.column];
      switch (source.kind) {
        case ColumnSource::Kind::kPartition:
          keep = keep && ValueMatchesFilter(data.files.partition_values[f][source.index], filter);
          break;
        case ColumnSource::Kind::kFilename:
          keep = keep && ValueMatchesFilter(Value::Varchar(data.files.paths[f]), filter);
          break;
        case ColumnSource::Kind::kFile: {
          int field = file.fields[filter.column];
          if (field < 0) {
            keep = keep && ValueMatchesFilter(Value::Null(data.types[filter.column]), filter);
          } else {
            planned.options.predicates.push_back(ToPredicate(filter, field));
          }
          break;
        }
      }
    }
    if (!keep) continue;
    for (idx_t column : request.column_ids) {
      SB_CHECK(column != kRowIdColumn);
      const ColumnSource& source = data.sources[column];
      int field = source.kind == ColumnSource::Kind::kFile ? file.fields[column] : -1;
      if (field >= 0) {
        planned.scanner_column.push_back(static_cast<int>(planned.options.columns.size()));
        planned.options.columns.push_back(field);
        planned.constants.emplace_back();
        planned.needs_cast = planned.needs_cast || file.reader->schema().fields()[field].type != data.types[column];
        continue;
      }
      planned.scanner_column.push_back(-1);
      switch (source.kind) {
        case ColumnSource::Kind::kPartition:
          planned.constants.push_back(Vector::Constant(data.files.partition_values[f][source.index]));
          break;
        case ColumnSource::Kind::kFilename:
          planned.constants.push_back(Vector::Constant(Value::Varchar(data.files.paths[f])));
          break;
        case ColumnSource::Kind::kFile:
          planned.constants.push_back(Vector::ConstantNull(data.types[column]));
          break;
      }
    }
    size_t planned_index = state->files.size();
    for (int rg = 0; rg < file.reader->num_row_groups(); ++rg) state->morsels.emplace_back(planned_index, rg);
    state->files.push_back(std::move(planned));
  }
  return state;
}

std::unique_ptr<LocalTableState> InitLocal(const TableScanRequest&, GlobalTableState&) {
  return std::make_unique<ParquetLocalState>();
}

void FinishScanner(ParquetGlobalState& global, ParquetLocalState& local) {
  ParquetScanCounters counters = local.scanner->counters();
  std::lock_guard<std::mutex> lock(global.mutex);
  global.counters.Add(counters);
  local.scanner.reset();
}

void Scan(const TableScanRequest& request, GlobalTableState& global_state, LocalTableState& local_state,
          DataChunk& output) {
  const auto& data = static_cast<const ParquetBindData&>(*request.bind_data);
  auto& global = static_cast<ParquetGlobalState&>(global_state);
  auto& local = static_cast<ParquetLocalState&>(local_state);
  while (true) {
    if (!local.scanner) {
      size_t next = global.next_morsel.fetch_add(1, std::memory_order_relaxed);
      if (next >= global.morsels.size()) {
        output.SetSize(0);
        return;
      }
      auto [planned_index, row_group] = global.morsels[next];
      local.file = &global.files[planned_index];
      const ParquetReader& reader = *data.parquet_files[local.file->file].reader;
      auto scanner = reader.ScanRowGroup(row_group, local.file->options);
      if (!scanner.ok()) throw Exception(scanner.error());
      local.scanner = std::move(*scanner);
      local.bytes_reported = 0;
    }
    auto has_rows = local.scanner->Next(local.batch);
    if (!has_rows.ok()) throw Exception(has_rows.error());
    int64_t bytes = local.scanner->counters().bytes_read;
    if (request.query && bytes > local.bytes_reported) {
      const_cast<QueryContext*>(request.query)->AddBytesScanned(bytes - local.bytes_reported);
    }
    local.bytes_reported = bytes;
    if (!*has_rows) {
      FinishScanner(global, local);
      continue;
    }
    const PlannedFile& file = *local.file;
    idx_t rows = local.batch.size();
    for (idx_t i = 0; i < request.column_ids.size(); ++i) {
      int position = file.scanner_column[i];
      Vector& target = output.column(i);
      if (position < 0) {
        target = file.constants[i];
      } else if (local.batch.column(position).type() == target.type()) {
        target = local.batch.column(position);
      } else {
        target.ResetForWrite(rows);
        CastVector(local.batch.column(position), target, rows, CastOptions{});
      }
    }
    output.SetSize(rows);
    return;
  }
}

std::string DescribeProgress(const GlobalTableState& state) {
  const auto& global = static_cast<const ParquetGlobalState&>(state);
  std::lock_guard<std::mutex> lock(const_cast<std::mutex&>(global.mutex));
  const ParquetScanCounters& c = global.counters;
  int64_t pruned = c.row_groups_pruned_by_statistics + c.row_groups_pruned_by_bloom_filter +
                   c.row_groups_pruned_by_page_index + c.row_groups_pruned_by_dictionary;
  return fmt::format("files={}/{} row_groups={}/{} bytes_read={} rows_decoded={} rows_filtered={}",
                     global.files.size(), global.files_total, c.row_groups - pruned, c.row_groups,
                     FormatByteSize(c.bytes_read), c.rows_decoded, c.rows_filtered);
}

// Integral columns (and dates) whose values are bounded by the chunk statistics of every row
// group: at most max - min + 1 distinct values. Enough for the optimizer to tell a join on a
// low-cardinality column (a nation key) from one on a key.
bool HasIntegralDomain(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kTinyint:
    case TypeId::kSmallint:
    case TypeId::kInteger:
    case TypeId::kBigint:
    case TypeId::kDate: return true;
    default: return false;
  }
}

std::optional<double> DistinctCountBound(const ParquetBindData& data, idx_t column) {
  const ColumnSource& source = data.sources[column];
  if (source.kind != ColumnSource::Kind::kFile || !HasIntegralDomain(data.types[column])) return std::nullopt;
  std::optional<int64_t> min, max;
  for (const ParquetFile& file : data.parquet_files) {
    int field = file.fields[column];
    if (field < 0) return std::nullopt;
    auto [first_leaf, end_leaf] = file.reader->schema().LeafRange(field);
    if (end_leaf != first_leaf + 1 || file.reader->schema().fields()[field].type != data.types[column]) return std::nullopt;
    for (int row_group = 0; row_group < file.reader->num_row_groups(); ++row_group) {
      auto chunk = file.reader->ColumnChunkStatistics(row_group, first_leaf);
      if (chunk.AllNull()) continue;
      if (!chunk.min || !chunk.max) return std::nullopt;
      int64_t lo = chunk.min->GetInt64(), hi = chunk.max->GetInt64();
      min = min ? std::min(*min, lo) : lo;
      max = max ? std::max(*max, hi) : hi;
    }
  }
  if (!min) return 1.0;
  return std::min(static_cast<double>(data.total_rows), static_cast<double>(*max) - static_cast<double>(*min) + 1);
}

TableStatistics Statistics(const FunctionData* bind_data) {
  const auto& data = static_cast<const ParquetBindData&>(*bind_data);
  std::call_once(data.statistics_once, [&] {
    data.statistics.row_count = static_cast<double>(data.total_rows);
    for (idx_t c = 0; c < data.types.size(); ++c) data.statistics.distinct_counts.push_back(DistinctCountBound(data, c));
  });
  return data.statistics;
}

std::string Describe(const FunctionData* bind_data) {
  const auto& data = static_cast<const ParquetBindData&>(*bind_data);
  return data.files.paths.size() == 1 ? "" : fmt::format("files={}", data.files.paths.size());
}

}  // namespace

TableFunctionBindResult BindParquetFiles(FileList files, const std::vector<std::pair<std::string, LogicalType>>& columns,
                                         const QueryContext* query) {
  auto data = std::make_unique<ParquetBindData>();
  data->files = std::move(files);
  auto readers = OpenAll(data->files.paths, parquet::ParquetReaderOptions{}, query);
  for (auto& reader : readers) {
    data->total_rows += reader->num_rows();
    data->parquet_files.push_back({std::move(reader), {}});
  }
  for (const auto& [name, type] : columns) {
    data->names.push_back(name);
    data->types.push_back(type);
    data->sources.push_back({ColumnSource::Kind::kFile, data->names.size() - 1});
  }
  // Each file's columns by name, ignoring case; the scan casts them to the declared types.
  for (ParquetFile& file : data->parquet_files) {
    file.fields.assign(columns.size(), -1);
    const auto& fields = file.reader->schema().fields();
    for (size_t i = 0; i < fields.size(); ++i) {
      for (size_t c = 0; c < columns.size(); ++c) {
        if (file.fields[c] < 0 && EqualsIgnoreCase(fields[i].name, columns[c].first)) file.fields[c] = static_cast<int>(i);
      }
    }
  }
  AddPartitionColumns(*data);
  TableFunctionBindResult result;
  result.names = data->names;
  result.types = data->types;
  result.bind_data = std::move(data);
  return result;
}

TableFunction ReadParquetFunction() {
  TableFunction function;
  function.name = "read_parquet";
  function.arguments = {LogicalType()};
  function.named_parameters = {{"hive_partitioning", TypeId::kBoolean},
                               {"union_by_name", TypeId::kBoolean},
                               {"filename", TypeId::kBoolean},
                               {"binary_as_string", TypeId::kBoolean}};
  function.bind = Bind;
  function.init_global = InitGlobal;
  function.init_local = InitLocal;
  function.scan = Scan;
  function.statistics = Statistics;
  function.describe = Describe;
  function.describe_progress = DescribeProgress;
  function.accepts_filter = AcceptsFilter;
  function.signature =
      "read_parquet(path | glob | array(varchar) [, hive_partitioning => boolean] [, union_by_name => boolean] "
      "[, filename => boolean] [, binary_as_string => boolean])";
  function.description =
      "Reads Parquet files as a table: columns are read only when used, filters prune row groups and pages, "
      "key=value folders become partition columns.";
  function.example = "SELECT count(*) FROM read_parquet('exports/date=*/*.parquet')";
  return function;
}

}  // namespace switchboard
