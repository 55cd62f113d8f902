// External tables over Parquet, CSV and JSON files in (Hive-partitioned) folders.
#include "connector/files/external_table.h"

#include "common/error.h"
#include "common/string_util.h"
#include "connector/files/csv_scan.h"
#include "connector/files/file_functions.h"
#include "connector/files/json_scan.h"
#include "connector/files/parquet_scan.h"

namespace switchboard {

namespace {

enum class ExternalFormat : uint8_t { kParquet, kCsv, kJson };

ExternalFormat FormatOf(const ExternalTableDefinition& definition) {
  std::string format = ToLower(definition.format);
  if (format == "parquet") return ExternalFormat::kParquet;
  if (format == "csv") return ExternalFormat::kCsv;
  if (format == "json") return ExternalFormat::kJson;
  SB_THROW(kInvalidParameter,
           "External tables are stored as parquet, csv (textfile) or json, not '{}'",
           definition.format);
}

std::optional<char> CharOption(const ExternalTableDefinition& definition, const std::string& key) {
  for (const auto& [k, v] : definition.options) {
    if (k != key) continue;
    SB_USER_CHECK(v.size() <= 1, kInvalidParameter,
                  "The {} of an external table must be one character, got '{}'", key, v);
    return v.empty() ? '\0' : v[0];
  }
  return std::nullopt;
}

class ExternalTable final : public ExternalTableEntry {
 public:
  ExternalTable(const QualifiedName& table_name, const std::vector<ColumnDefinition>& table_columns,
                const ExternalTableDefinition& table_definition) {
    name = table_name;
    columns = table_columns;
    definition = table_definition;
    format_ = FormatOf(definition);
    SB_USER_CHECK(definition.partition_columns.size() <= columns.size(), kInvalidParameter,
                  "More partition columns than columns");
    data_columns_ = columns.size() - definition.partition_columns.size();
    for (size_t p = 0; p < definition.partition_columns.size(); ++p) {
      const ColumnDefinition& column = columns[data_columns_ + p];
      SB_USER_CHECK(EqualsIgnoreCase(column.name, definition.partition_columns[p]),
                    kInvalidParameter,
                    "Partition column '{}' must be among the last columns of the table",
                    definition.partition_columns[p]);
      SB_USER_CHECK(!column.type.IsNested(), kInvalidParameter,
                    "Partition column '{}' cannot be of type {}", column.name,
                    column.type.ToString());
      partition_columns_.push_back({column.name, column.type});
    }
    for (size_t c = 0; c < data_columns_; ++c)
      declared_.emplace_back(columns[c].name, columns[c].type);
    std::string compression = definition.Option("compression");
    if (!compression.empty()) compression_ = ParseStreamCompression(compression).ValueOrThrow();
    switch (format_) {
      case ExternalFormat::kParquet:
        function_ = ReadParquetFunction();
        break;
      case ExternalFormat::kCsv:
        function_ = ReadCsvFunction();
        break;
      case ExternalFormat::kJson:
        function_ = ReadJsonFunction();
        break;
    }
  }

  TableFunction ScanFunction() const override { return function_; }

  // SHOW CREATE TABLE prints it as Spark's CREATE TABLE ... USING <format> PARTITIONED BY
  // (...) LOCATION ..., which creates the same external table again.
  TableStorage Storage() const override {
    TableStorage storage;
    storage.format = definition.format;
    storage.location = definition.location;
    storage.partitioning = definition.partition_columns;
    storage.properties = definition.properties;
    storage.details.emplace_back("external", "true");
    for (const auto& [key, value] : definition.options) storage.details.emplace_back(key, value);
    return storage;
  }

  std::shared_ptr<const FunctionData> ScanBindData() const override {
    // The files are listed for every query, so files added since CREATE are read.
    FileList files = ListPartitionedFolder(definition.location, partition_columns_);
    TableFunctionBindResult bound;
    switch (format_) {
      case ExternalFormat::kParquet:
        bound = BindParquetFiles(std::move(files), declared_, nullptr);
        break;
      case ExternalFormat::kCsv: {
        CsvScanSettings settings;
        settings.declared = declared_;
        settings.auto_detect = false;
        settings.delimiter = CharOption(definition, "delimiter").value_or(',');
        settings.quote = CharOption(definition, "quote").value_or('"');
        settings.escape = CharOption(definition, "escape").value_or(settings.quote.value());
        settings.skip_lines = 0;
        std::string header_lines = definition.Option("header_lines");
        int64_t header = header_lines.empty() ? 0 : std::stoll(header_lines);
        if (header > 0) {
          settings.header = true;
          settings.skip_lines = header - 1;
        } else {
          settings.header = false;
        }
        for (const auto& [k, v] : definition.options) {
          if (k == "null") settings.null_strings = {v};
        }
        settings.null_padding = true;  // Hive reads missing trailing fields as NULL
        settings.compression = compression_;
        bound = BindCsvFiles(std::move(files), std::move(settings), nullptr);
        break;
      }
      case ExternalFormat::kJson: {
        JsonScanSettings settings;
        settings.declared = declared_;
        settings.records = true;
        settings.compression = compression_;
        bound = BindJsonFiles(std::move(files), std::move(settings), nullptr);
        break;
      }
    }
    SB_CHECK(bound.names.size() == columns.size(),
             "external table scan has {} columns, the table {}", bound.names.size(),
             columns.size());
    return std::shared_ptr<const FunctionData>(std::move(bound.bind_data));
  }

  // DELETE, UPDATE and MERGE bind their scan here: refuse before a row-id scan is planned.
  std::shared_ptr<const FunctionData> RowChangeScanBindData() const override {
    ThrowReadOnly("change rows of");
  }
  std::unique_ptr<TableAppender> CreateAppender(bool) override { ThrowReadOnly("write to"); }
  void DeleteRows(const std::vector<int64_t>&) override { ThrowReadOnly("delete from"); }
  void UpdateRows(const std::vector<int64_t>&, const std::vector<idx_t>&,
                  const ChunkCollection&) override {
    ThrowReadOnly("update");
  }

 private:
  [[noreturn]] void ThrowReadOnly(std::string_view action) const {
    SB_THROW(kNotSupported,
             "Cannot {} '{}': it is an external table over the files in '{}' (read-only); write "
             "files there with "
             "COPY ... TO '{}' (FORMAT {}, PARTITION_BY (...), OVERWRITE_OR_IGNORE)",
             action, name.ToString(), definition.location, definition.location, definition.format);
  }

  ExternalFormat format_;
  size_t data_columns_ = 0;
  std::vector<HivePartitionColumn> partition_columns_;
  std::vector<std::pair<std::string, LogicalType>> declared_;
  StreamCompression compression_ = StreamCompression::kAuto;
  TableFunction function_;
};

}  // namespace

std::shared_ptr<ExternalTableEntry> MakeExternalTable(const QualifiedName& name,
                                                      const std::vector<ColumnDefinition>& columns,
                                                      const ExternalTableDefinition& definition) {
  return std::make_shared<ExternalTable>(name, columns, definition);
}

}  // namespace switchboard
