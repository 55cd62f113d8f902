// COPY: query results and tables written to Parquet, CSV or JSON files (one file, or Hive
// partition folders `dir/key=value/data_0.parquet`), and files loaded into tables.
#include <atomic>
#include <map>
#include <mutex>
#include <unordered_map>

#include "common/memory_tracker.h"
#include "common/string_util.h"
#include "common/thread_pool.h"
#include "connector/files/file_list.h"
#include "connector/files/file_writer.h"
#include "exec/executor.h"
#include "exec/expression_executor.h"
#include "exec/physical_operator.h"
#include "exec/physical_planner.h"
#include "format/text/text_stream.h"
#include "fs/file_system.h"
#include "function/cast.h"
#include "function/query_context.h"
#include "main/database_state.h"
#include "main/session.h"
#include "main/statement_runner.h"
#include "sql/binder/binder.h"
#include "sql/parser/ast/dml_statements.h"
#include "sql/parser/ast/expression.h"
#include "sql/parser/parser.h"
#include "types/chunk_collection.h"

namespace switchboard {

namespace {

/// A partitioned COPY holds each partition's rows back until they fill a row group, so that
/// files are made of whole row groups however the rows of partitions interleave. Past this many
/// bytes held across partitions, the partition holding the most is written out and its file
/// finished.
constexpr int64_t kPendingPartitionBytes = int64_t{128} << 20;
/// Open files a partitioned COPY keeps at most; past it the least recently written is finished
/// (published) and later rows of its partition go to the partition's next file.
constexpr size_t kMaxOpenPartitionFiles = 64;

[[noreturn]] void ThrowAt(const ast::SourceLocation& location, ErrorCode code,
                          const std::string& message) {
  throw Exception(code, LocationPrefix(location) + message);
}

std::string QuoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

struct CopyOptions {
  FileWriteOptions write;
  bool format_given = false;
  std::vector<std::string> partition_by;
  bool overwrite_or_ignore = false;
  bool overwrite = false;
  // COPY ... FROM: named arguments for the reading function.
  std::vector<std::pair<std::string, std::string>> read_options;
  std::optional<bool> header;
};

// An option's value as text: bare words and string literals as written, other constants as
// their text; "" for a bare option.
std::string OptionText(const ast::Property& option, Binder& binder, QueryContext& query) {
  if (!option.value) return "";
  const ast::Expression& value = *option.value;
  if (value.Is<ast::ColumnRef>() && value.As<ast::ColumnRef>().name.parts.size() == 1) {
    return value.As<ast::ColumnRef>().name.parts[0].name;
  }
  BindScope empty;
  Value constant =
      ExpressionExecutor::EvaluateConstant(*binder.BindExpression(value, empty), &query);
  return constant.is_null() ? "" : constant.ToString();
}

bool OptionBool(const ast::Property& option, Binder& binder, QueryContext& query) {
  if (!option.value) return true;
  std::string text = ToLower(OptionText(option, binder, query));
  if (text == "true" || text == "1" || text == "on") return true;
  if (text == "false" || text == "0" || text == "off") return false;
  ThrowAt(option.location, ErrorCode::kInvalidParameter,
          fmt::format("{} expects true or false, got '{}'", option.name, text));
}

char OptionChar(const ast::Property& option, Binder& binder, QueryContext& query) {
  std::string text = OptionText(option, binder, query);
  if (text == "\\t") text = "\t";
  if (text.empty()) return '\0';
  if (text.size() != 1) {
    ThrowAt(option.location, ErrorCode::kInvalidParameter,
            fmt::format("{} must be one character, got '{}'", option.name, text));
  }
  return text[0];
}

// Column names of PARTITION_BY: (a, b), a, or 'a, b'.
std::vector<std::string> OptionNames(const ast::Property& option, Binder& binder,
                                     QueryContext& query) {
  std::vector<std::string> names;
  if (!option.value)
    ThrowAt(option.location, ErrorCode::kInvalidParameter, "PARTITION_BY needs column names");
  const ast::Expression& value = *option.value;
  auto name_of = [&](const ast::Expression& e) {
    if (e.Is<ast::ColumnRef>() && e.As<ast::ColumnRef>().name.parts.size() == 1) {
      const ast::Identifier& id = e.As<ast::ColumnRef>().name.parts[0];
      names.push_back(id.quoted ? id.name : ToLower(id.name));
      return;
    }
    ThrowAt(e.location, ErrorCode::kInvalidParameter, "PARTITION_BY lists column names");
  };
  if (value.Is<ast::RowConstructor>()) {
    for (const auto& element : value.As<ast::RowConstructor>().elements) name_of(*element);
  } else if (value.Is<ast::ColumnRef>()) {
    name_of(value);
  } else {
    for (const std::string& part : Split(OptionText(option, binder, query), ',')) {
      std::string trimmed(TrimWhitespace(part));
      if (!trimmed.empty()) names.push_back(trimmed);
    }
  }
  return names;
}

CopyOptions ParseCopyOptions(const ast::CopyStatement& copy, Binder& binder, QueryContext& query) {
  CopyOptions options;
  std::optional<FileFormat> from_path = FileFormatFromPath(copy.file);
  options.write.format = from_path.value_or(FileFormat::kCsv);
  for (const ast::Property& option : copy.options) {
    std::string name = ToLower(option.name);
    auto read_option = [&](std::string key, std::string sql) {
      options.read_options.emplace_back(std::move(key), std::move(sql));
    };
    auto literal = [](const std::string& text) { return Value::Varchar(text).ToSqlLiteral(); };
    if (name == "format") {
      auto format = ParseFileFormat(OptionText(option, binder, query));
      if (!format.ok()) ThrowAt(option.location, format.error().code, format.error().message);
      options.write.format = *format;
      options.format_given = true;
    } else if (name == "compression" || name == "codec") {
      options.write.compression = ToLower(OptionText(option, binder, query));
      read_option("compression", literal(options.write.compression));
    } else if (name == "compression_level") {
      options.write.compression_level = std::stoi(OptionText(option, binder, query));
    } else if (name == "row_group_size") {
      options.write.row_group_size =
          CastValue(Value::Varchar(OptionText(option, binder, query)), TypeId::kBigint).GetInt64();
    } else if (name == "row_group_size_bytes") {
      int64_t bytes = ParseByteSize(OptionText(option, binder, query));
      if (bytes <= 0)
        ThrowAt(option.location, ErrorCode::kInvalidParameter,
                "ROW_GROUP_SIZE_BYTES must be a positive size");
      options.write.row_group_size_bytes = bytes;
    } else if (name == "partition_by") {
      options.partition_by = OptionNames(option, binder, query);
    } else if (name == "overwrite_or_ignore") {
      options.overwrite_or_ignore = OptionBool(option, binder, query);
    } else if (name == "overwrite") {
      options.overwrite = OptionBool(option, binder, query);
    } else if (name == "header") {
      options.header = OptionBool(option, binder, query);
      options.write.header = *options.header;
    } else if (name == "delimiter" || name == "delim" || name == "sep") {
      options.write.delimiter = OptionChar(option, binder, query);
      read_option("delim", literal(std::string(1, options.write.delimiter)));
    } else if (name == "quote") {
      options.write.quote = OptionChar(option, binder, query);
      read_option("quote", literal(options.write.quote ? std::string(1, options.write.quote) : ""));
    } else if (name == "escape") {
      options.write.escape = OptionChar(option, binder, query);
      read_option("escape",
                  literal(options.write.escape ? std::string(1, options.write.escape) : ""));
    } else if (name == "null" || name == "nullstr") {
      options.write.null_string = OptionText(option, binder, query);
      read_option("nullstr", literal(options.write.null_string));
    } else if (name == "array") {
      options.write.json_array = OptionBool(option, binder, query);
    } else if (name == "auto_detect" || name == "ignore_errors" || name == "null_padding" ||
               name == "all_varchar") {
      read_option(name, OptionBool(option, binder, query) ? "true" : "false");
    } else if (name == "skip" || name == "sample_size" || name == "max_line_size" ||
               name == "maximum_object_size") {
      read_option(name, std::to_string(CastValue(Value::Varchar(OptionText(option, binder, query)),
                                                 TypeId::kBigint)
                                           .GetInt64()));
    } else {
      ThrowAt(
          option.location, ErrorCode::kInvalidParameter,
          fmt::format("Unknown COPY option '{}'{}", option.name,
                      DidYouMean(name, {"format", "compression", "row_group_size",
                                        "row_group_size_bytes", "partition_by",
                                        "overwrite_or_ignore", "overwrite", "header", "delimiter",
                                        "quote", "escape", "null", "array", "compression_level"})));
    }
  }
  if (options.write.escape == '"' && options.write.quote != '"')
    options.write.escape = options.write.quote;
  return options;
}

std::string JoinPath(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

struct PartitionFile {
  std::unique_ptr<ChunkCollection> pending;  // rows not yet given to a writer
  int64_t pending_bytes = 0;
  std::unique_ptr<TableFileWriter> writer;  // the partition's open file
  int next_index = 0;
  uint64_t last_written = 0;
};

struct CopyGlobalState : GlobalSinkState {
  std::mutex mutex;
  MemoryTracker* memory = nullptr;  // charged for pending rows
  std::unique_ptr<TableFileWriter> single;
  std::map<std::string, PartitionFile> partitions;  // by folder
  int64_t pending_bytes = 0;
  size_t open_files = 0;
  uint64_t clock = 0;
  std::atomic<int64_t> rows{0};
  std::vector<std::string> written;
};

// One worker's scratch space for grouping rows by partition (reused across chunks).
struct CopyLocalState : LocalSinkState {
  std::vector<UnifiedFormat> formats;
  std::unordered_map<std::string, size_t> group_of;  // partition key bytes -> group
  std::vector<std::string> folders;                  // per group
  std::vector<std::vector<sel_t>> group_rows;        // per group (kept past the chunk's count)
  std::string key;
};

// The sink under the COPY query: writes every row to the output file, or to the file of its
// partition. The single file is published by Finalize; partition files may be finished earlier
// (too many open, too many rows held back), and RunCopy deletes those when the query fails.
// Writers destroyed unclosed leave nothing behind.
class PhysicalCopySink final : public PhysicalOperator {
 public:
  PhysicalCopySink(std::vector<LogicalType> types, std::vector<std::string> names,
                   std::string target, CopyOptions options, std::vector<idx_t> partition_columns)
      : PhysicalOperator(std::move(types), 0),
        names_(std::move(names)),
        target_(std::move(target)),
        options_(std::move(options)),
        partition_columns_(std::move(partition_columns)) {
    for (idx_t p : partition_columns_) {
      partition_physical_.push_back(this->types[p].physical_type());
      partition_widths_.push_back(PhysicalTypeSize(partition_physical_.back()));
    }
    for (idx_t c = 0; c < this->types.size(); ++c) {
      if (std::find(partition_columns_.begin(), partition_columns_.end(), c) !=
          partition_columns_.end())
        continue;
      data_columns_.push_back(c);
      data_names_.push_back(names_[c]);
      data_types_.push_back(this->types[c]);
    }
  }

  std::unique_ptr<GlobalSinkState> GetGlobalSinkState(ExecutionContext& context) const override {
    auto state = std::make_unique<CopyGlobalState>();
    state->memory = context.query ? context.query->memory : nullptr;
    if (partition_columns_.empty()) {
      state->single = TableFileWriter::Open(target_, names_, types, options_.write).ValueOrThrow();
    }
    return state;
  }
  std::unique_ptr<LocalSinkState> GetLocalSinkState(ExecutionContext&) const override {
    return std::make_unique<CopyLocalState>();
  }

  void Sink(ExecutionContext&, DataChunk& chunk, GlobalSinkState& global_state,
            LocalSinkState& local_state) const override {
    auto& global = static_cast<CopyGlobalState&>(global_state);
    idx_t rows = chunk.size();
    if (rows == 0) return;
    global.rows.fetch_add(static_cast<int64_t>(rows), std::memory_order_relaxed);
    if (partition_columns_.empty()) {
      std::lock_guard<std::mutex> lock(global.mutex);
      global.single->Write(chunk).ValueOrThrow();
      return;
    }
    auto& local = static_cast<CopyLocalState&>(local_state);
    size_t groups = GroupByPartition(chunk, local);
    DataChunk data;
    for (size_t g = 0; g < groups; ++g) {
      std::vector<sel_t>& group_rows = local.group_rows[g];
      SelectionVector sel(group_rows.size());
      std::copy(group_rows.begin(), group_rows.end(), sel.data());
      data.Initialize(data_types_, 0);
      for (size_t c = 0; c < data_columns_.size(); ++c)
        data.column(c) = chunk.column(data_columns_[c]);
      data.SetSize(rows);
      data.Slice(sel, group_rows.size());
      std::lock_guard<std::mutex> lock(global.mutex);
      PartitionFile& file = global.partitions[local.folders[g]];
      if (!file.pending)
        file.pending = std::make_unique<ChunkCollection>(data_types_, global.memory);
      file.pending->Append(data);
      int64_t bytes = EstimateChunkBytes(data, data.size());
      file.pending_bytes += bytes;
      global.pending_bytes += bytes;
      if (static_cast<int64_t>(file.pending->size()) >= options_.write.row_group_size) {
        WritePending(global, local.folders[g], file, /*finish=*/false);
      }
      while (global.pending_bytes > kPendingPartitionBytes) {
        auto largest = std::max_element(global.partitions.begin(), global.partitions.end(),
                                        [](const auto& a, const auto& b) {
                                          return a.second.pending_bytes < b.second.pending_bytes;
                                        });
        WritePending(global, largest->first, largest->second, /*finish=*/true);
      }
    }
  }

  void Finalize(ExecutionContext& context, GlobalSinkState& global_state) const override {
    auto& global = static_cast<CopyGlobalState&>(global_state);
    if (global.single) {
      global.single->Close().ValueOrThrow();
      return;
    }
    // Each partition's last rows written and its file finished, partitions in parallel (a file
    // is published only once storage has it).
    std::vector<std::pair<const std::string*, PartitionFile*>> unfinished;
    for (auto& [folder, file] : global.partitions) {
      if (file.pending || file.writer) unfinished.emplace_back(&folder, &file);
    }
    auto finish = [&](size_t i) {
      const std::string& folder = *unfinished[i].first;
      PartitionFile& file = *unfinished[i].second;
      if (!file.writer) {
        std::string path;
        file.writer = OpenPartitionFile(folder, file, path);
        std::lock_guard<std::mutex> lock(global.mutex);
        global.written.push_back(std::move(path));
      }
      if (file.pending) {
        for (idx_t c = 0; c < file.pending->ChunkCount(); ++c) {
          file.writer->Write(file.pending->chunk(c)).ValueOrThrow();
        }
        file.pending.reset();
      }
      file.writer->Close().ValueOrThrow();
      file.writer.reset();
    };
    ThreadPool* pool = context.query ? context.query->pool : nullptr;
    if (pool && unfinished.size() > 1) {
      pool->ParallelFor(unfinished.size(), finish);
    } else {
      for (size_t i = 0; i < unfinished.size(); ++i) finish(i);
    }
  }

  std::string Name() const override { return "COPY"; }
  std::string Details() const override { return target_; }

  int64_t Rows() const { return static_cast<CopyGlobalState&>(*sink_state).rows.load(); }

 private:
  // Groups the rows of `chunk` by partition, in order of first appearance: fills
  // local.folders[g] and local.group_rows[g] for each group g and returns the group count. A
  // row's key is the bytes of its partition values, read column-at-a-time; the folder name is
  // made once per key (keys that differ only in bytes, such as 0.0 and -0.0, share the folder's
  // writer).
  size_t GroupByPartition(const DataChunk& chunk, CopyLocalState& local) const {
    idx_t rows = chunk.size();
    std::vector<UnifiedFormat>& formats = local.formats;
    formats.resize(partition_columns_.size());
    for (size_t k = 0; k < partition_columns_.size(); ++k) {
      chunk.column(partition_columns_[k]).ToUnifiedFormat(rows, formats[k]);
    }
    local.group_of.clear();
    local.folders.clear();
    size_t groups = 0;
    std::string& key = local.key;
    for (idx_t r = 0; r < rows; ++r) {
      key.clear();
      for (size_t k = 0; k < partition_columns_.size(); ++k) {
        const UnifiedFormat& format = formats[k];
        idx_t index = format.sel->get_index(r);
        if (!format.validity->RowIsValid(index)) {
          key.push_back('\0');
          continue;
        }
        key.push_back('\1');
        if (partition_physical_[k] == PhysicalType::kString) {
          const StringView& text = format.GetData<StringView>()[index];
          uint32_t size = text.size();
          key.append(reinterpret_cast<const char*>(&size), sizeof(size));
          key.append(text.data(), size);
        } else {
          size_t width = partition_widths_[k];
          key.append(reinterpret_cast<const char*>(format.data) + index * width, width);
        }
      }
      auto it = local.group_of.find(key);
      if (it == local.group_of.end()) {
        it = local.group_of.emplace(key, groups).first;
        std::string folder;
        for (idx_t p : partition_columns_) {
          if (!folder.empty()) folder += '/';
          folder += names_[p] + "=" + HivePartitionFolderValue(chunk.column(p).GetValue(r));
        }
        local.folders.push_back(std::move(folder));
        if (local.group_rows.size() <= groups) local.group_rows.emplace_back();
        local.group_rows[groups].clear();
        ++groups;
      }
      local.group_rows[it->second].push_back(static_cast<sel_t>(r));
    }
    return groups;
  }

  // Writes the pending rows of partition `folder` to its open file (opening one, and finishing
  // the least recently written file when too many are open); with `finish`, also finishes the
  // file. The caller holds global.mutex.
  void WritePending(CopyGlobalState& global, const std::string& folder, PartitionFile& file,
                    bool finish) const {
    if (!file.writer) {
      if (global.open_files >= kMaxOpenPartitionFiles) {
        auto oldest = global.partitions.end();
        for (auto it = global.partitions.begin(); it != global.partitions.end(); ++it) {
          if (it->second.writer && (oldest == global.partitions.end() ||
                                    it->second.last_written < oldest->second.last_written)) {
            oldest = it;
          }
        }
        oldest->second.writer->Close().ValueOrThrow();
        oldest->second.writer.reset();
        --global.open_files;
      }
      std::string path;
      file.writer = OpenPartitionFile(folder, file, path);
      global.written.push_back(std::move(path));
      ++global.open_files;
    }
    file.last_written = ++global.clock;
    if (file.pending) {
      for (idx_t c = 0; c < file.pending->ChunkCount(); ++c)
        file.writer->Write(file.pending->chunk(c)).ValueOrThrow();
      file.pending.reset();
      global.pending_bytes -= file.pending_bytes;
      file.pending_bytes = 0;
    }
    if (finish) {
      file.writer->Close().ValueOrThrow();
      file.writer.reset();
      --global.open_files;
    }
  }

  // Opens the next file of partition `folder` (its path in `path`).
  std::unique_ptr<TableFileWriter> OpenPartitionFile(const std::string& folder, PartitionFile& file,
                                                     std::string& path) const {
    std::string extension(FileFormatExtension(options_.write.format));
    if (options_.write.format != FileFormat::kParquet) {
      auto compression = ParseStreamCompression(
          options_.write.compression.empty() ? "none" : options_.write.compression);
      if (compression.ok()) extension += CompressionSuffix(*compression);
    }
    // A fresh name: files already in the folder are kept (OVERWRITE_OR_IGNORE) or deleted once
    // the COPY succeeded (OVERWRITE), never written over.
    auto fs = FileSystem::ForPath(target_).ValueOrThrow();
    do {
      path = JoinPath(JoinPath(target_, folder),
                      fmt::format("data_{}{}", file.next_index++, extension));
    } while (fs->Exists(path).ValueOrThrow());
    return TableFileWriter::Open(path, data_names_, data_types_, options_.write).ValueOrThrow();
  }

  std::vector<std::string> names_;
  std::string target_;
  CopyOptions options_;
  std::vector<idx_t> partition_columns_;
  std::vector<PhysicalType> partition_physical_;  // per partition column
  std::vector<size_t> partition_widths_;          // bytes per value (fixed-width types)
  std::vector<idx_t> data_columns_;
  std::vector<std::string> data_names_;
  std::vector<LogicalType> data_types_;
};

// Checks the output folder of a partitioned COPY: it may not hold files unless
// OVERWRITE_OR_IGNORE (add to it) or OVERWRITE (replace it) is given.
std::vector<std::string> ExistingFiles(const std::string& target, const CopyOptions& options,
                                       const ast::SourceLocation& location) {
  auto fs = FileSystem::ForPath(target).ValueOrThrow();
  if (!fs->Exists(target).ValueOrThrow()) return {};
  FileInfo info = fs->Stat(target).ValueOrThrow();
  if (!info.is_directory) {
    ThrowAt(location, ErrorCode::kInvalidParameter,
            fmt::format("'{}' is a file: a partitioned COPY writes a folder", target));
  }
  std::vector<std::string> files;
  for (const FileInfo& entry : fs->List(target, true).ValueOrThrow()) {
    if (!entry.is_directory) files.push_back(entry.path);
  }
  if (!files.empty() && !options.overwrite_or_ignore && !options.overwrite) {
    ThrowAt(location, ErrorCode::kInvalidParameter,
            fmt::format("Folder '{}' is not empty: add OVERWRITE_OR_IGNORE to write into it, or "
                        "OVERWRITE to replace "
                        "its files",
                        target));
  }
  return files;
}

}  // namespace

std::unique_ptr<QueryResult> StatementRunner::RunCopy(const ast::Statement& statement,
                                                      QueryContext& query) {
  const auto& copy = statement.As<ast::CopyStatement>();
  const auto& location = statement.location;
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  CopyOptions options = ParseCopyOptions(copy, binder, query);

  if (copy.from_file) {
    // COPY table [(columns)] FROM 'file': INSERT of what the format's reader returns, by position.
    ResolvedTable resolved = binder.ResolveTable(copy.table, false);
    const TableEntry& table = *resolved.table;
    std::vector<std::pair<std::string, LogicalType>> targets;
    if (copy.columns.empty()) {
      for (const auto& column : table.columns) targets.emplace_back(column.name, column.type);
    } else {
      for (const auto& id : copy.columns) {
        std::string name = id.quoted ? id.name : ToLower(id.name);
        idx_t index = table.ColumnIndex(name);
        if (index == kRowIdColumn) {
          ThrowAt(id.location, ErrorCode::kUndefinedColumn,
                  fmt::format("Table '{}' has no column '{}'", table.name.ToString(), name));
        }
        targets.emplace_back(table.columns[index].name, table.columns[index].type);
      }
    }
    std::string read_call;
    std::string file = Value::Varchar(copy.file).ToSqlLiteral();
    std::vector<std::string> arguments = {file};
    if (options.write.format == FileFormat::kParquet) {
      read_call = "read_parquet";
    } else {
      read_call = options.write.format == FileFormat::kCsv ? "read_csv" : "read_json";
      std::vector<std::string> keys, types;
      for (const auto& [name, type] : targets) {
        keys.push_back(Value::Varchar(name).ToSqlLiteral());
        types.push_back(Value::Varchar(type.ToString()).ToSqlLiteral());
      }
      arguments.push_back(
          fmt::format("columns => map(ARRAY[{}], ARRAY[{}])", Join(keys, ", "), Join(types, ", ")));
      if (options.write.format == FileFormat::kCsv && options.header) {
        arguments.push_back(fmt::format("header => {}", *options.header ? "true" : "false"));
      }
      for (const auto& [key, value] : options.read_options)
        arguments.push_back(key + " => " + value);
    }
    std::vector<std::string> column_list;
    for (const auto& [name, type] : targets) column_list.push_back(QuoteIdentifier(name));
    std::string sql = fmt::format(
        "INSERT INTO {}.{}.{} ({}) SELECT * FROM {}({})", QuoteIdentifier(table.name.catalog),
        QuoteIdentifier(table.name.schema), QuoteIdentifier(table.name.name),
        Join(column_list, ", "), read_call, Join(arguments, ", "));
    auto statements = ParseSql(sql).ValueOrThrow();
    try {
      BoundQuery bound = binder.BindInsert(statements[0]->As<ast::Insert>());
      auto rows = Execute(bound, query, false, nullptr);
      return std::make_unique<QueryResult>("COPY", std::vector<std::string>{"rows"},
                                           std::move(rows));
    } catch (const Exception& e) {
      if (StartsWith(e.error().message, "line ")) {
        // A position in the generated INSERT means nothing to the user.
        std::string message = e.error().message;
        size_t colon = message.find(": ");
        throw Exception(e.code(),
                        LocationPrefix(location) +
                            (colon == std::string::npos ? message : message.substr(colon + 2)));
      }
      throw;
    }
  }

  // COPY (query) TO / COPY table [(columns)] TO.
  BoundQuery bound;
  if (copy.query) {
    bound = binder.BindQuery(*copy.query);
  } else {
    std::vector<std::string> columns;
    for (const auto& id : copy.columns) columns.push_back(id.ToString());
    std::string sql = fmt::format("SELECT {} FROM {}", columns.empty() ? "*" : Join(columns, ", "),
                                  copy.table.ToString());
    auto statements = ParseSql(sql).ValueOrThrow();
    bound = binder.BindQuery(*statements[0]->As<ast::QueryStatement>().query);
  }
  std::vector<std::string> names = bound.names;
  std::vector<LogicalType> types = bound.types;
  for (auto& type : types) {
    if (type.id() == TypeId::kUnknown) type = LogicalType::Varchar();
  }
  std::vector<idx_t> partition_columns;
  for (const std::string& name : options.partition_by) {
    auto it = std::find_if(names.begin(), names.end(),
                           [&](const std::string& n) { return EqualsIgnoreCase(n, name); });
    if (it == names.end()) {
      ThrowAt(location, ErrorCode::kUndefinedColumn,
              fmt::format("PARTITION_BY column '{}' is not a column of the query{}", name,
                          DidYouMean(name, names)));
    }
    idx_t column = static_cast<idx_t>(it - names.begin());
    if (types[column].IsNested()) {
      ThrowAt(location, ErrorCode::kInvalidParameter,
              fmt::format(
                  "PARTITION_BY column '{}' is of type {}: partition folders hold scalar values",
                  name, types[column].ToString()));
    }
    partition_columns.push_back(column);
  }
  if (!partition_columns.empty() && partition_columns.size() == names.size()) {
    ThrowAt(location, ErrorCode::kInvalidParameter,
            "PARTITION_BY names every column: no columns are left for the files");
  }
  auto validated = ValidateFileWriteOptions(options.write);
  if (!validated.ok()) ThrowAt(location, validated.error().code, validated.error().message);
  std::vector<std::string> existing;
  if (!partition_columns.empty()) existing = ExistingFiles(copy.file, options, location);

  PhysicalOperatorPtr physical = PlanPhysical(bound, query);
  PhysicalCopySink sink(types, names, copy.file, options, partition_columns);
  ExecutionContext context{&query, false};
  Executor executor(context);
  try {
    executor.Execute(*physical, sink);
  } catch (const Exception&) {
    // Partition files finished before the failure were published: take them back (they all
    // have fresh names).
    if (sink.sink_state) {
      auto fs = FileSystem::ForPath(copy.file).ValueOrThrow();
      for (const std::string& path : static_cast<CopyGlobalState&>(*sink.sink_state).written) {
        (void)fs->Delete(path);
      }
    }
    throw;
  }
  if (options.overwrite && !existing.empty()) {
    // OVERWRITE: the files that were there before go (the COPY wrote under fresh names).
    auto fs = FileSystem::ForPath(copy.file).ValueOrThrow();
    for (const std::string& path : existing) (void)fs->Delete(path);
  }
  auto collection = std::make_unique<ChunkCollection>(std::vector<LogicalType>{TypeId::kBigint});
  DataChunk chunk;
  chunk.Initialize({TypeId::kBigint});
  chunk.column(0).SetValue(0, Value::Bigint(sink.Rows()));
  chunk.SetSize(1);
  collection->Append(chunk);
  return std::make_unique<QueryResult>("COPY", std::vector<std::string>{"rows"},
                                       std::move(collection));
}

}  // namespace switchboard
