// read_csv: CSV files (one, a glob, or a list; plain, gzip or zstd) as a table, with dialect,
// header and type detection, Hive partition columns, and parallelism across files and, for
// large uncompressed files, across byte ranges of one file.
#include "connector/files/csv_scan.h"

#include <atomic>
#include <cstring>
#include <mutex>

#include "common/error.h"
#include "common/memory_tracker.h"
#include "common/string_util.h"
#include "common/thread_pool.h"
#include "connector/files/file_functions.h"
#include "connector/files/file_scan.h"
#include "format/csv/csv_reader.h"
#include "format/csv/csv_sniffer.h"
#include "function/cast.h"
#include "function/query_context.h"
#include "function/type_coercion.h"

namespace switchboard {

namespace {

constexpr size_t kSampleBytes = size_t{8} << 20;
// A large uncompressed file is read as byte ranges of this size, in parallel.
constexpr int64_t kBlockSize = int64_t{16} << 20;

// How the fields of one file map to the table's file columns.
struct CsvFileLayout {
  idx_t fields = 0;
  std::vector<int> field_of_column;  // per table file column: the field, or -1 (NULL)
};

struct CsvBindData : FunctionData {
  FileList files;
  FileTableColumns columns;
  CsvScanSettings settings;
  CsvDialect dialect;
  bool header = false;
  std::vector<CsvFileLayout> layouts;  // one per file, or one for all
  double estimated_rows = 0;

  const CsvFileLayout& Layout(size_t file) const { return layouts.size() == 1 ? layouts[0] : layouts[file]; }
};

// The first bytes of a file's content.
struct Sample {
  std::string text;
  bool complete = false;
  int64_t file_size = 0;
};

Sample ReadSample(const std::string& path, StreamCompression compression) {
  auto reader = SequentialReader::Open(path, compression).ValueOrThrow();
  Sample sample;
  sample.file_size = reader->file_size();
  sample.text.resize(kSampleBytes);
  size_t got = 0;
  while (got < kSampleBytes) {
    size_t n = reader->Read(sample.text.data() + got, kSampleBytes - got).ValueOrThrow();
    if (n == 0) {
      sample.complete = true;
      break;
    }
    got += n;
  }
  sample.text.resize(got);
  return sample;
}

CsvSniffResult SniffFile(const std::string& path, const CsvScanSettings& settings, Sample* sample_out) {
  Sample sample = ReadSample(path, settings.compression);
  CsvSniffOptions options;
  options.delimiter = settings.delimiter;
  options.quote = settings.quote;
  options.escape = settings.escape;
  options.header = settings.header;
  options.skip_rows = settings.skip_lines;
  options.null_strings = settings.null_strings;
  options.sample_rows = settings.sample_rows;
  CsvSniffResult result = SniffCsv(path, sample.text, sample.complete, options).ValueOrThrow();
  if (sample_out) *sample_out = std::move(sample);
  return result;
}

// Opens every file's sample in parallel and sniffs it.
std::vector<CsvSniffResult> SniffAll(const FileList& files, const CsvScanSettings& settings,
                                     const QueryContext* query) {
  std::vector<CsvSniffResult> results(files.paths.size());
  auto sniff = [&](size_t i) { results[i] = SniffFile(files.paths[i], settings, nullptr); };
  if (query && query->pool && files.paths.size() > 1) {
    query->pool->ParallelFor(files.paths.size(), sniff);
  } else {
    for (size_t i = 0; i < files.paths.size(); ++i) sniff(i);
  }
  return results;
}

}  // namespace

TableFunctionBindResult BindCsvFiles(FileList files, CsvScanSettings settings, const QueryContext* query) {
  auto data = std::make_unique<CsvBindData>();
  data->files = std::move(files);
  const FileList& list = data->files;
  auto& columns = data->columns;
  if (list.paths.empty()) {
    // An external table without files yet: the declared columns, no rows.
    SB_USER_CHECK(!settings.declared.empty(), kIoError, "No CSV files to read");
    data->dialect = CsvDialect{settings.delimiter.value_or(','), settings.quote.value_or('"'),
                               settings.escape.value_or(settings.quote.value_or('"'))};
    data->header = settings.header.value_or(false);
    CsvFileLayout layout;
    layout.fields = settings.declared.size();
    for (size_t i = 0; i < settings.declared.size(); ++i) {
      columns.AddFileColumn(settings.declared[i].first, settings.declared[i].second);
      layout.field_of_column.push_back(static_cast<int>(i));
    }
    data->layouts.push_back(std::move(layout));
  } else if (!settings.auto_detect) {
    SB_USER_CHECK(!settings.declared.empty(), kInvalidParameter,
                  "read_csv with auto_detect => false needs columns => {{'name': 'TYPE', ...}}");
    data->dialect = CsvDialect{settings.delimiter.value_or(','), settings.quote.value_or('"'),
                               settings.escape.value_or(settings.quote.value_or('"'))};
    data->header = settings.header.value_or(false);
  } else {
    Sample sample;
    CsvSniffResult sniffed = SniffFile(list.paths[0], settings, &sample);
    data->dialect = sniffed.dialect;
    data->header = sniffed.header;
    if (!sample.text.empty()) {
      // Rows per byte of the sample, times the first file's size, for every file.
      double newlines = static_cast<double>(std::count(sample.text.begin(), sample.text.end(), '\n'));
      double sampled = static_cast<double>(sample.text.size());
      double file_bytes = sample.complete ? sampled : std::max<double>(sampled, static_cast<double>(sample.file_size));
      data->estimated_rows = newlines / sampled * file_bytes * static_cast<double>(list.paths.size());
    }
    if (settings.declared.empty()) {
      if (settings.union_by_name && list.paths.size() > 1) {
        std::vector<CsvSniffResult> all = SniffAll(list, settings, query);
        for (size_t f = 0; f < all.size(); ++f) {
          SB_USER_CHECK(all[f].dialect == data->dialect, kInvalidParameter,
                        "'{}' is written with {} but '{}' with {}: read them separately or give delim, quote and escape",
                        list.paths[f], all[f].dialect.ToString(), list.paths[0], data->dialect.ToString());
          for (size_t i = 0; i < all[f].names.size(); ++i) {
            idx_t column = columns.size();
            for (idx_t c = 0; c < columns.size(); ++c) {
              if (EqualsIgnoreCase(columns.names[c], all[f].names[i])) column = c;
            }
            LogicalType type = settings.all_varchar ? LogicalType::Varchar() : all[f].types[i];
            if (column == columns.size()) {
              columns.AddFileColumn(all[f].names[i], type);
            } else if (columns.types[column] != type) {
              auto common = CommonSuperType(columns.types[column], type);
              columns.types[column] = common ? *common : LogicalType::Varchar();
            }
          }
        }
        for (size_t f = 0; f < all.size(); ++f) {
          CsvFileLayout layout;
          layout.fields = all[f].names.size();
          layout.field_of_column.assign(columns.size(), -1);
          for (size_t i = 0; i < all[f].names.size(); ++i) {
            for (idx_t c = 0; c < columns.size(); ++c) {
              if (EqualsIgnoreCase(columns.names[c], all[f].names[i])) layout.field_of_column[c] = static_cast<int>(i);
            }
          }
          data->layouts.push_back(std::move(layout));
        }
      } else {
        for (size_t i = 0; i < sniffed.names.size(); ++i) {
          columns.AddFileColumn(sniffed.names[i], settings.all_varchar ? LogicalType::Varchar() : sniffed.types[i]);
        }
      }
    } else if (sniffed.names.size() != settings.declared.size() && !settings.null_padding) {
      SB_THROW(kInvalidParameter, "'{}' has {} fields per row ({}) but {} columns were given", list.paths[0],
               sniffed.names.size(), data->dialect.ToString(), settings.declared.size());
    }
  }
  if (columns.size() == 0) {
    for (const auto& [name, type] : settings.declared) columns.AddFileColumn(name, type);
  }
  if (data->layouts.empty()) {
    CsvFileLayout layout;
    layout.fields = columns.size();
    for (idx_t c = 0; c < columns.size(); ++c) layout.field_of_column.push_back(static_cast<int>(c));
    data->layouts.push_back(std::move(layout));
  }
  // Renames and type overrides.
  if (!settings.names.empty()) {
    SB_USER_CHECK(settings.names.size() <= columns.size(), kInvalidParameter,
                  "names lists {} columns but the files have {}", settings.names.size(), columns.size());
    for (size_t i = 0; i < settings.names.size(); ++i) columns.names[i] = settings.names[i];
  }
  for (const auto& [name, type] : settings.type_overrides) {
    bool found = false;
    for (idx_t c = 0; c < columns.size(); ++c) {
      if (EqualsIgnoreCase(columns.names[c], name)) {
        columns.types[c] = type;
        found = true;
      }
    }
    SB_USER_CHECK(found, kInvalidParameter, "types names a column '{}' that the CSV files do not have{}", name,
                  DidYouMean(name, columns.names));
  }
  for (size_t i = 0; i < settings.positional_types.size() && i < columns.size(); ++i) {
    columns.types[i] = settings.positional_types[i];
  }
  idx_t file_columns = columns.size();
  columns.AddPartitionColumns(list);
  for (idx_t c = file_columns; c < columns.size(); ++c) {
    for (idx_t d = 0; d < c; ++d) {
      SB_USER_CHECK(!EqualsIgnoreCase(columns.names[c], columns.names[d]) ||
                        columns.sources[d].kind != FileColumnSource::Kind::kFile,
                    kInvalidParameter, "duplicate column '{}'", columns.names[c]);
    }
  }
  if (settings.filename) columns.AddFilenameColumn();
  data->settings = std::move(settings);
  TableFunctionBindResult result;
  result.names = columns.names;
  result.types = columns.types;
  result.bind_data = std::move(data);
  return result;
}

namespace {

CsvScanSettings SettingsFromOptions(const TableFunctionBindInput& input) {
  CsvScanSettings settings;
  auto char_option = [&](std::initializer_list<std::string_view> names) -> std::optional<char> {
    for (std::string_view name : names) {
      auto text = StringOption(input, name);
      if (!text) continue;
      std::string value = *text;
      if (value == "\\t") value = "\t";
      if (value.empty()) return '\0';
      SB_USER_CHECK(value.size() == 1, kInvalidParameter, "{} must be one character, got '{}'", name, value);
      return value[0];
    }
    return std::nullopt;
  };
  settings.delimiter = char_option({"delim", "delimiter", "sep"});
  settings.quote = char_option({"quote"});
  settings.escape = char_option({"escape"});
  if (auto header = FindOption(input, "header")) settings.header = CastValue(*header, TypeId::kBoolean).GetBoolean();
  settings.auto_detect = BoolOption(input, "auto_detect", true);
  settings.all_varchar = BoolOption(input, "all_varchar", false);
  settings.ignore_errors = BoolOption(input, "ignore_errors", false);
  settings.null_padding = BoolOption(input, "null_padding", false);
  settings.parallel = BoolOption(input, "parallel", true);
  settings.union_by_name = BoolOption(input, "union_by_name", false);
  settings.filename = BoolOption(input, "filename", false);
  settings.skip_lines = IntegerOption(input, "skip", 0);
  SB_USER_CHECK(settings.skip_lines >= 0, kInvalidParameter, "skip must not be negative");
  settings.sample_rows = IntegerOption(input, "sample_size", settings.sample_rows);
  if (settings.sample_rows < 0) settings.sample_rows = INT64_MAX / 2;  // -1: the whole sample
  int64_t max_line = IntegerOption(input, "max_line_size", static_cast<int64_t>(settings.max_line_size));
  SB_USER_CHECK(max_line > 0 && max_line <= (int64_t{1} << 30), kInvalidParameter,
                "max_line_size must be between 1 and 1073741824");
  settings.max_line_size = static_cast<size_t>(max_line);
  if (auto compression = StringOption(input, "compression")) {
    settings.compression = ParseStreamCompression(*compression).ValueOrThrow();
  }
  for (std::string_view name : {"nullstr", "null"}) {
    auto value = FindOption(input, name);
    if (!value) continue;
    settings.null_strings.clear();
    if (value->type().id() == TypeId::kArray) {
      for (const Value& v : value->children()) {
        if (!v.is_null()) settings.null_strings.push_back(CastValue(v, LogicalType::Varchar()).GetString());
      }
    } else {
      settings.null_strings.push_back(CastValue(*value, LogicalType::Varchar()).GetString());
    }
  }
  if (auto columns = FindOption(input, "columns")) settings.declared = NamedTypesOption(input, *columns, "columns");
  for (std::string_view name : {"types", "dtypes", "column_types"}) {
    auto value = FindOption(input, name);
    if (!value) continue;
    if (value->type().id() == TypeId::kArray) {
      for (const Value& v : value->children()) {
        SB_USER_CHECK(!v.is_null() && v.type().IsString(), kInvalidParameter, "{} must list type names", name);
        settings.positional_types.push_back(input.parse_type(v.GetString()));
      }
    } else {
      settings.type_overrides = NamedTypesOption(input, *value, name);
    }
  }
  for (std::string_view name : {"names", "column_names"}) {
    auto value = FindOption(input, name);
    if (!value) continue;
    SB_USER_CHECK(value->type().id() == TypeId::kArray, kInvalidParameter, "{} must be a list of names", name);
    for (const Value& v : value->children()) settings.names.push_back(CastValue(v, LogicalType::Varchar()).GetString());
  }
  return settings;
}

TableFunctionBindResult Bind(TableFunctionBindInput& input) {
  SB_USER_CHECK(input.arguments.size() == 1, kInvalidParameter,
                "read_csv expects one argument: a path, a glob or an array of them");
  CsvScanSettings settings = SettingsFromOptions(input);
  FileList files = ExpandFiles(input.arguments[0], HiveOption(input));
  return BindCsvFiles(std::move(files), std::move(settings), input.query);
}

// One unit of work: a whole file, or one byte range of a large uncompressed file.
struct CsvMorsel {
  size_t file;
  bool whole_file;
  int64_t begin = 0;
  int64_t end = 0;
  int64_t first_line = 1;
  std::shared_ptr<RandomAccessFile> handle;
};

struct CsvGlobalState : GlobalTableState {
  std::vector<CsvMorsel> morsels;
  std::atomic<size_t> next{0};
  size_t files_kept = 0;
  size_t files_total = 0;
  // The table's file columns the scan needs, each read into one text column.
  std::vector<idx_t> needed;       // table column per text column
  std::vector<int> text_column;    // per request column: its text column, or -1
  std::atomic<int64_t> rows{0};
  std::atomic<int64_t> rejected{0};
  std::atomic<int64_t> bytes{0};

  idx_t MaxThreads() const override { return std::max<size_t>(1, morsels.size()); }
};

struct CsvLocalState : LocalTableState {
  std::unique_ptr<CsvReader> reader;
  const CsvMorsel* morsel = nullptr;
  DataChunk text;
  int64_t lines[kVectorSize];
  int64_t bytes_reported = 0;
  std::vector<Vector> constants;  // per request column, for the current file (NULL for file
                                  // columns the current file lacks)
  std::vector<bool> drop;         // rows whose values do not convert (ignore_errors)
};

// Counts of `byte` in data[0, size), eight bytes at a time.
int64_t CountByte(const char* data, size_t size, char byte) {
  const uint64_t ones = 0x0101010101010101ULL;
  const uint64_t pattern = ones * static_cast<uint8_t>(byte);
  int64_t count = 0;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    uint64_t x = word ^ pattern;  // zero bytes where the byte matches
    uint64_t t = ((x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL) | x | 0x7F7F7F7F7F7F7F7FULL;
    count += __builtin_popcountll(~t);
  }
  for (; i < size; ++i) count += data[i] == byte;
  return count;
}

// Splits a large uncompressed file at row boundaries: a line break outside quotes, found by the
// parity of the quote characters before it (exact for RFC 4180 files, where quotes come only
// around fields and doubled inside them; the readers check that each range ends where the next
// begins).
std::vector<CsvMorsel> SplitFile(size_t file, const std::string& path, char quote, const QueryContext* query) {
  auto fs = FileSystem::ForPath(path).ValueOrThrow();
  std::shared_ptr<RandomAccessFile> handle = fs->OpenForRead(path).ValueOrThrow();
  int64_t size = handle->size();
  size_t blocks = static_cast<size_t>((size + kBlockSize - 1) / kBlockSize);
  std::vector<int64_t> quotes(blocks), newlines(blocks);
  auto count = [&](size_t b) {
    int64_t begin = static_cast<int64_t>(b) * kBlockSize;
    int64_t length = std::min(kBlockSize, size - begin);
    auto buffer = handle->Read(begin, length).ValueOrThrow();
    const char* data = reinterpret_cast<const char*>(buffer->data());
    quotes[b] = quote == '\0' ? 0 : CountByte(data, static_cast<size_t>(length), quote);
    newlines[b] = CountByte(data, static_cast<size_t>(length), '\n');
  };
  if (query && query->pool) query->pool->ParallelFor(blocks, count);
  else for (size_t b = 0; b < blocks; ++b) count(b);

  std::vector<CsvMorsel> morsels;
  morsels.push_back({file, false, 0, size, 1, handle});
  int64_t quotes_before = 0, lines_before = 0;
  for (size_t b = 1; b < blocks; ++b) {
    quotes_before += quotes[b - 1];
    lines_before += newlines[b - 1];
    // The first line break in block b with an even number of quotes before it.
    int64_t begin = static_cast<int64_t>(b) * kBlockSize;
    int64_t end = std::min(begin + kBlockSize, size);
    bool in_quotes = quotes_before % 2 == 1;
    int64_t nl_seen = 0;
    int64_t found = -1;
    constexpr int64_t kStep = int64_t{1} << 20;
    for (int64_t at = begin; at < end && found < 0; at += kStep) {
      int64_t length = std::min(kStep, end - at);
      auto buffer = handle->Read(at, length).ValueOrThrow();
      const char* data = reinterpret_cast<const char*>(buffer->data());
      for (int64_t i = 0; i < length; ++i) {
        char c = data[i];
        if (c == quote && quote != '\0') {
          in_quotes = !in_quotes;
        } else if (c == '\n') {
          ++nl_seen;
          if (!in_quotes) {
            found = at + i + 1;
            break;
          }
        }
      }
    }
    if (found < 0 || found >= size) continue;  // no row starts in this block: the previous one takes it
    morsels.back().end = found;
    morsels.push_back({file, false, found, size, 1 + lines_before + nl_seen, handle});
  }
  return morsels;
}

bool IsPlainFile(const std::string& path, StreamCompression compression) {
  if (compression == StreamCompression::kGzip || compression == StreamCompression::kZstd) return false;
  if (compression == StreamCompression::kNone) return true;
  if (CompressionFromPath(path) != StreamCompression::kNone) return false;
  auto fs = FileSystem::ForPath(path).ValueOrThrow();
  auto file = fs->OpenForRead(path).ValueOrThrow();
  uint8_t magic[4] = {0, 0, 0, 0};
  int64_t probe = std::min<int64_t>(file->size(), 4);
  if (probe > 0) file->ReadAt(0, probe, magic).ValueOrThrow();
  bool gzip = probe >= 2 && magic[0] == 0x1f && magic[1] == 0x8b;
  bool zstd = probe >= 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd;
  return !gzip && !zstd;
}

std::unique_ptr<GlobalTableState> InitGlobal(const TableScanRequest& request) {
  const auto& data = static_cast<const CsvBindData&>(*request.bind_data);
  auto state = std::make_unique<CsvGlobalState>();
  state->files_total = data.files.paths.size();
  for (idx_t column : request.column_ids) {
    SB_CHECK(column != kRowIdColumn);
    const FileColumnSource& source = data.columns.sources[column];
    if (source.kind != FileColumnSource::Kind::kFile) {
      state->text_column.push_back(-1);
      continue;
    }
    auto it = std::find(state->needed.begin(), state->needed.end(), source.index);
    state->text_column.push_back(static_cast<int>(it - state->needed.begin()));
    if (it == state->needed.end()) state->needed.push_back(source.index);
  }
  std::vector<size_t> kept = PruneFiles(data.files, data.columns, request.filters);
  state->files_kept = kept.size();
  const CsvScanSettings& settings = data.settings;
  bool splittable = settings.parallel && (data.dialect.escape == data.dialect.quote || data.dialect.escape == '\0');
  for (size_t f : kept) {
    const std::string& path = data.files.paths[f];
    if (splittable) {
      auto fs = FileSystem::ForPath(path).ValueOrThrow();
      auto info = fs->Stat(path).ValueOrThrow();
      if (info.size >= 2 * kBlockSize && IsPlainFile(path, settings.compression)) {
        for (CsvMorsel& morsel : SplitFile(f, path, data.dialect.quote, request.query)) {
          state->morsels.push_back(std::move(morsel));
        }
        continue;
      }
    }
    state->morsels.push_back({f, true, 0, 0, 1, nullptr});
  }
  return state;
}

std::unique_ptr<LocalTableState> InitLocal(const TableScanRequest&, GlobalTableState& global_state) {
  auto& global = static_cast<CsvGlobalState&>(global_state);
  auto local = std::make_unique<CsvLocalState>();
  local->text.Initialize(std::vector<LogicalType>(global.needed.size(), LogicalType::Varchar()));
  return local;
}

std::unique_ptr<CsvReader> OpenMorsel(const CsvBindData& data, const CsvGlobalState& global, const CsvMorsel& morsel) {
  const CsvFileLayout& layout = data.Layout(morsel.file);
  CsvReadOptions options;
  options.dialect = data.dialect;
  options.columns = layout.fields;
  options.projection.assign(layout.fields, -1);
  for (size_t t = 0; t < global.needed.size(); ++t) {
    int field = layout.field_of_column[global.needed[t]];
    if (field >= 0) options.projection[static_cast<size_t>(field)] = static_cast<int>(t);
  }
  options.null_strings = data.settings.null_strings;
  options.ignore_errors = data.settings.ignore_errors;
  options.null_padding = data.settings.null_padding;
  options.max_line_size = data.settings.max_line_size;
  const std::string& path = data.files.paths[morsel.file];
  std::unique_ptr<CsvReader> reader;
  if (morsel.whole_file) {
    reader = CsvReader::OpenFile(path, data.settings.compression, std::move(options)).ValueOrThrow();
  } else {
    reader = CsvReader::OpenRange(morsel.handle, morsel.begin, morsel.end, morsel.first_line, std::move(options))
                 .ValueOrThrow();
  }
  if (morsel.begin == 0) {
    reader->SkipLines(data.settings.skip_lines).ValueOrThrow();
    if (data.header) reader->SkipRows(1).ValueOrThrow();
  }
  return reader;
}

void Scan(const TableScanRequest& request, GlobalTableState& global_state, LocalTableState& local_state,
          DataChunk& output) {
  const auto& data = static_cast<const CsvBindData&>(*request.bind_data);
  auto& global = static_cast<CsvGlobalState&>(global_state);
  auto& local = static_cast<CsvLocalState&>(local_state);
  while (true) {
    if (!local.reader) {
      size_t next = global.next.fetch_add(1, std::memory_order_relaxed);
      if (next >= global.morsels.size()) {
        output.SetSize(0);
        return;
      }
      local.morsel = &global.morsels[next];
      local.reader = OpenMorsel(data, global, *local.morsel);
      local.bytes_reported = 0;
      local.constants.clear();
      const CsvFileLayout& layout = data.Layout(local.morsel->file);
      for (idx_t column : request.column_ids) {
        const FileColumnSource& source = data.columns.sources[column];
        if (source.kind != FileColumnSource::Kind::kFile) {
          local.constants.push_back(FileConstant(data.files, data.columns, column, local.morsel->file));
        } else if (layout.field_of_column[source.index] < 0) {
          local.constants.push_back(Vector::ConstantNull(data.columns.types[column]));  // union_by_name
        } else {
          local.constants.push_back(Vector());
        }
      }
    }
    idx_t rows = local.reader->ReadBatch(local.text, local.lines).ValueOrThrow();
    int64_t bytes = local.reader->bytes_read();
    if (bytes > local.bytes_reported) {
      global.bytes.fetch_add(bytes - local.bytes_reported, std::memory_order_relaxed);
      if (request.query) const_cast<QueryContext*>(request.query)->AddBytesScanned(bytes - local.bytes_reported);
      local.bytes_reported = bytes;
    }
    if (rows == 0) {
      const CsvMorsel& morsel = *local.morsel;
      if (!morsel.whole_file && morsel.end < morsel.handle->size() && local.reader->end_offset() != morsel.end) {
        SB_THROW(kCorruptData,
                 "'{}': cannot split the file into parts to read in parallel: the row before byte {} ends at byte {} "
                 "(a quote character outside a quoted field?); read it with parallel => false",
                 local.reader->path(), morsel.end, local.reader->end_offset());
      }
      global.rejected.fetch_add(local.reader->rows_rejected(), std::memory_order_relaxed);
      local.reader.reset();
      continue;
    }
    // Text to the columns' types; values that do not convert fail the scan or, with
    // ignore_errors, drop their rows.
    idx_t kept = rows;
    bool filtered = false;
    std::vector<bool>& drop = local.drop;
    for (idx_t i = 0; i < request.column_ids.size(); ++i) {
      Vector& target = output.column(i);
      int t = global.text_column[i];
      if (t < 0 || local.constants[i].type().IsValid()) {
        target = local.constants[i];
        continue;
      }
      const Vector& text = local.text.column(static_cast<idx_t>(t));
      const LogicalType& type = data.columns.types[request.column_ids[i]];
      if (type == text.type()) {
        target = text;
        continue;
      }
      target.ResetForWrite(rows);
      CastOptions cast;
      cast.try_cast = true;
      cast.query = request.query;
      CastVector(text, target, rows, cast);
      if (target.validity().AllValid()) continue;
      for (idx_t r = 0; r < rows; ++r) {
        if (target.validity().RowIsValid(r) || !text.validity().RowIsValid(r)) continue;
        if (!data.settings.ignore_errors) {
          SB_THROW(kInvalidCast, "'{}' line {}: column '{}': cannot read '{}' as {}", local.reader->path(),
                   local.lines[r], data.columns.names[request.column_ids[i]], text.data<StringView>()[r].view(),
                   type.ToString());
        }
        if (!filtered) {
          filtered = true;
          drop.assign(rows, false);
        }
        drop[r] = true;
      }
    }
    if (filtered) {
      SelectionVector compact(rows);
      kept = 0;
      for (idx_t r = 0; r < rows; ++r) {
        if (!drop[r]) compact.set_index(kept++, r);
      }
      global.rejected.fetch_add(static_cast<int64_t>(rows - kept), std::memory_order_relaxed);
      output.SetSize(rows);
      output.Slice(compact, kept);
      if (kept == 0) continue;
    }
    global.rows.fetch_add(static_cast<int64_t>(kept), std::memory_order_relaxed);
    output.SetSize(kept);
    return;
  }
}

std::string DescribeProgress(const GlobalTableState& state) {
  const auto& global = static_cast<const CsvGlobalState&>(state);
  std::string text = fmt::format("files={}/{} parts={} rows={} bytes_read={}", global.files_kept, global.files_total,
                                 global.morsels.size(), global.rows.load(), FormatByteSize(global.bytes.load()));
  if (global.rejected.load() > 0) text += fmt::format(" rows_rejected={}", global.rejected.load());
  return text;
}

TableStatistics Statistics(const FunctionData* bind_data) {
  const auto& data = static_cast<const CsvBindData&>(*bind_data);
  TableStatistics statistics;
  if (data.estimated_rows > 0) statistics.row_count = data.estimated_rows;
  return statistics;
}

std::string Describe(const FunctionData* bind_data) {
  const auto& data = static_cast<const CsvBindData&>(*bind_data);
  std::string text = data.dialect.ToString() + (data.header ? " header" : "");
  if (data.files.paths.size() != 1) text += fmt::format(" files={}", data.files.paths.size());
  return text;
}

bool AcceptsFilter(const FunctionData* bind_data, const TableFilter& filter) {
  return AcceptsFileFilter(static_cast<const CsvBindData&>(*bind_data).columns, filter);
}

}  // namespace

TableFunction ReadCsvFunction() {
  TableFunction function;
  function.name = "read_csv";
  function.arguments = {LogicalType()};
  LogicalType any;
  function.named_parameters = {
      {"header", TypeId::kBoolean},       {"delim", LogicalType::Varchar()},   {"delimiter", LogicalType::Varchar()},
      {"sep", LogicalType::Varchar()},    {"quote", LogicalType::Varchar()},   {"escape", LogicalType::Varchar()},
      {"columns", any},                   {"types", any},                      {"dtypes", any},
      {"column_types", any},              {"names", any},                      {"column_names", any},
      {"nullstr", any},                   {"null", any},                       {"auto_detect", TypeId::kBoolean},
      {"sample_size", TypeId::kBigint},   {"all_varchar", TypeId::kBoolean},   {"skip", TypeId::kBigint},
      {"ignore_errors", TypeId::kBoolean}, {"null_padding", TypeId::kBoolean}, {"max_line_size", TypeId::kBigint},
      {"compression", LogicalType::Varchar()}, {"parallel", TypeId::kBoolean},
      {"hive_partitioning", TypeId::kBoolean}, {"union_by_name", TypeId::kBoolean}, {"filename", TypeId::kBoolean}};
  function.bind = Bind;
  function.init_global = InitGlobal;
  function.init_local = InitLocal;
  function.scan = Scan;
  function.statistics = Statistics;
  function.describe = Describe;
  function.describe_progress = DescribeProgress;
  function.accepts_filter = AcceptsFilter;
  function.signature =
      "read_csv(path | glob | array(varchar) [, header => boolean] [, delim => varchar] [, quote => varchar] "
      "[, escape => varchar] [, columns => map(varchar, varchar)] [, types => map(varchar, varchar) | "
      "array(varchar)] [, names => array(varchar)] [, nullstr => varchar | array(varchar)] [, auto_detect => "
      "boolean] [, sample_size => bigint] [, all_varchar => boolean] [, skip => bigint] [, ignore_errors => "
      "boolean] [, null_padding => boolean] [, max_line_size => bigint] [, compression => varchar] [, parallel => "
      "boolean] [, hive_partitioning => boolean] [, union_by_name => boolean] [, filename => boolean])";
  function.description =
      "Reads CSV files (plain, gzip or zstd) as a table: the delimiter, quoting, header and column types are "
      "detected from the first rows unless given; key=value folders become partition columns.";
  function.example = "SELECT * FROM read_csv('exports/*.csv.gz', columns => {'id': 'BIGINT', 'queue': 'VARCHAR'})";
  return function;
}

}  // namespace switchboard
