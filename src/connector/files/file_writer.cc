// TableFileWriter for Parquet, CSV and NDJSON.
#include "connector/files/file_writer.h"

#include "common/string_util.h"
#include "format/csv/csv_writer.h"
#include "format/json/json_writer.h"
#include "format/parquet/parquet_writer.h"
#include "format/text/text_stream.h"
#include "function/cast.h"
#include "function/json_util.h"

namespace switchboard {

namespace {

Result<parquet::CompressionCodec> ParquetCodec(std::string_view name) {
  std::string lower = ToLower(name);
  if (lower.empty() || lower == "snappy") return parquet::CompressionCodec::kSnappy;
  if (lower == "zstd") return parquet::CompressionCodec::kZstd;
  if (lower == "gzip") return parquet::CompressionCodec::kGzip;
  if (lower == "lz4_raw" || lower == "lz4") return parquet::CompressionCodec::kLz4Raw;
  if (lower == "brotli") return parquet::CompressionCodec::kBrotli;
  if (lower == "none" || lower == "uncompressed") return parquet::CompressionCodec::kUncompressed;
  return Error{ErrorCode::kInvalidParameter,
               fmt::format("Unknown Parquet compression '{}': use snappy, zstd, gzip, lz4_raw, brotli or none", name)};
}

Result<StreamCompression> TextCompression(std::string_view name) {
  if (name.empty()) return StreamCompression::kNone;
  SB_ASSIGN_OR_RETURN(StreamCompression compression, ParseStreamCompression(name));
  if (compression == StreamCompression::kAuto) return StreamCompression::kNone;
  return compression;
}

Result<std::unique_ptr<WritableFile>> OpenTarget(const std::string& path, StreamCompression compression, int level) {
  SB_ASSIGN_OR_RETURN(auto fs, FileSystem::ForPath(path));
  SB_ASSIGN_OR_RETURN(auto file, fs->OpenForWrite(path, WriteMode::kOverwrite));
  return CompressingFile(std::move(file), compression, level);
}

class ParquetFileWriter final : public TableFileWriter {
 public:
  explicit ParquetFileWriter(std::unique_ptr<parquet::ParquetWriter> writer) : writer_(std::move(writer)) {}
  Result<void> Write(const DataChunk& chunk) override {
    rows_ += static_cast<int64_t>(chunk.size());
    return writer_->Write(chunk);
  }
  Result<void> Close() override {
    SB_ASSIGN_OR_RETURN(auto result, writer_->Close());
    size_ = result.file_size;
    return Ok();
  }
  int64_t bytes_written() const override { return size_ > 0 ? size_ : writer_->EstimatedSize(); }

 private:
  std::unique_ptr<parquet::ParquetWriter> writer_;
  int64_t size_ = 0;
};

// Renders every column as text (CSV) or JSON text (NDJSON) before the format writer sees it.
class TextFileWriter final : public TableFileWriter {
 public:
  TextFileWriter(FileFormat format, std::vector<LogicalType> types) : format_(format), types_(std::move(types)) {
    std::vector<LogicalType> text_types(types_.size(), LogicalType::Varchar());
    text_.Initialize(text_types);
  }

  Result<void> Write(const DataChunk& chunk) override {
    return CatchErrors([&] {
      text_.Reset();
      idx_t rows = chunk.size();
      for (idx_t c = 0; c < chunk.ColumnCount(); ++c) {
        const Vector& column = chunk.column(c);
        Vector& out = text_.column(c);
        if (format_ == FileFormat::kCsv) {
          if (column.type() == LogicalType::Varchar()) {
            out = column;
          } else {
            out.ResetForWrite(std::max<idx_t>(rows, kVectorSize));
            FormatVector(column, out, rows);
          }
          continue;
        }
        // JSON text per value.
        Vector flat = column;
        flat.Flatten(rows);
        out.ResetForWrite(std::max<idx_t>(rows, kVectorSize));
        for (idx_t r = 0; r < rows; ++r) {
          scratch_.clear();
          AppendJsonValue(scratch_, flat, r);
          out.data<StringView>()[r] = out.AddString(scratch_);
        }
      }
      text_.SetSize(rows);
      if (csv_) csv_->Write(text_).ValueOrThrow();
      else json_->Write(text_).ValueOrThrow();
      rows_ += static_cast<int64_t>(rows);
    });
  }
  Result<void> Close() override { return csv_ ? csv_->Close() : json_->Close(); }
  int64_t bytes_written() const override { return csv_ ? csv_->bytes_written() : json_->bytes_written(); }

  std::unique_ptr<CsvWriter> csv_;
  std::unique_ptr<NdjsonWriter> json_;

 private:
  FileFormat format_;
  std::vector<LogicalType> types_;
  DataChunk text_;
  std::string scratch_;
};

}  // namespace

Result<FileFormat> ParseFileFormat(std::string_view name) {
  std::string lower = ToLower(name);
  if (lower == "parquet") return FileFormat::kParquet;
  if (lower == "csv" || lower == "text" || lower == "textfile" || lower == "tsv") return FileFormat::kCsv;
  if (lower == "json" || lower == "ndjson" || lower == "jsonl" || lower == "newline_delimited") return FileFormat::kJson;
  return Error{ErrorCode::kInvalidParameter, fmt::format("Unknown file format '{}': use parquet, csv or json", name)};
}

std::optional<FileFormat> FileFormatFromPath(std::string_view path) {
  std::string lower = ToLower(path);
  std::string_view base = lower;
  for (std::string_view suffix : {".gz", ".gzip", ".zst", ".zstd"}) {
    if (EndsWith(base, suffix)) base.remove_suffix(suffix.size());
  }
  if (EndsWith(base, ".parquet")) return FileFormat::kParquet;
  if (EndsWith(base, ".csv") || EndsWith(base, ".tsv") || EndsWith(base, ".txt")) return FileFormat::kCsv;
  if (EndsWith(base, ".json") || EndsWith(base, ".ndjson") || EndsWith(base, ".jsonl")) return FileFormat::kJson;
  return std::nullopt;
}

std::string_view FileFormatExtension(FileFormat format) {
  switch (format) {
    case FileFormat::kParquet: return ".parquet";
    case FileFormat::kCsv: return ".csv";
    case FileFormat::kJson: return ".json";
  }
  return "";
}

Result<void> ValidateFileWriteOptions(const FileWriteOptions& options) {
  if (options.format == FileFormat::kParquet) {
    auto codec = ParquetCodec(options.compression);
    if (!codec.ok()) return codec.error();
    if (options.row_group_size <= 0) return Error{ErrorCode::kInvalidParameter, "ROW_GROUP_SIZE must be positive"};
    return Ok();
  }
  auto compression = TextCompression(options.compression);
  if (!compression.ok()) return compression.error();
  if (options.format == FileFormat::kCsv && (options.delimiter == '\n' || options.delimiter == '\r' ||
                                             (options.quote != '\0' && options.delimiter == options.quote))) {
    return Error{ErrorCode::kInvalidParameter, "The CSV delimiter must differ from the quote and line breaks"};
  }
  return Ok();
}

Result<std::unique_ptr<TableFileWriter>> TableFileWriter::Open(const std::string& path, std::vector<std::string> names,
                                                               std::vector<LogicalType> types,
                                                               const FileWriteOptions& options) {
  SB_RETURN_IF_ERROR(ValidateFileWriteOptions(options));
  std::unique_ptr<TableFileWriter> writer;
  if (options.format == FileFormat::kParquet) {
    parquet::ParquetWriterOptions parquet_options;
    SB_ASSIGN_OR_RETURN(parquet_options.codec, ParquetCodec(options.compression));
    parquet_options.compression_level = options.compression_level;
    parquet_options.row_group_max_rows = options.row_group_size;
    parquet_options.row_group_max_bytes = options.row_group_size_bytes;
    std::vector<parquet::ParquetWriterField> fields;
    for (size_t i = 0; i < names.size(); ++i) fields.emplace_back(names[i], types[i]);
    SB_ASSIGN_OR_RETURN(auto parquet_writer, parquet::ParquetWriter::Open(path, std::move(fields), parquet_options));
    writer = std::make_unique<ParquetFileWriter>(std::move(parquet_writer));
  } else {
    SB_ASSIGN_OR_RETURN(StreamCompression compression, TextCompression(options.compression));
    SB_ASSIGN_OR_RETURN(auto file, OpenTarget(path, compression, options.compression_level));
    auto text = std::make_unique<TextFileWriter>(options.format, types);
    if (options.format == FileFormat::kCsv) {
      CsvWriteOptions csv;
      csv.dialect = CsvDialect{options.delimiter, options.quote, options.escape};
      csv.header = options.header;
      csv.null_string = options.null_string;
      text->csv_ = std::make_unique<CsvWriter>(std::move(file), names, std::move(csv));
    } else {
      text->json_ = std::make_unique<NdjsonWriter>(std::move(file), names, options.json_array);
    }
    writer = std::move(text);
  }
  writer->path_ = path;
  return writer;
}

}  // namespace switchboard
