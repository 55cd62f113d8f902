// CSV writing.
#include "format/csv/csv_writer.h"

namespace switchboard {

namespace {

constexpr size_t kFlushSize = size_t{1} << 20;

}  // namespace

void AppendCsvField(std::string& out, std::string_view text, const CsvWriteOptions& options) {
  const CsvDialect& d = options.dialect;
  bool quote = options.quote_all || text == options.null_string;
  if (!quote) {
    for (char c : text) {
      if (c == d.delimiter || c == '\n' || c == '\r' || (c == d.quote && d.quote != '\0') ||
          (c == d.escape && d.escape != '\0')) {
        quote = true;
        break;
      }
    }
  }
  if (!quote || d.quote == '\0') {
    out.append(text);
    return;
  }
  out.push_back(d.quote);
  char escape = d.escape != '\0' ? d.escape : d.quote;
  for (char c : text) {
    if (c == d.quote || (c == escape && escape != d.quote)) out.push_back(escape);
    out.push_back(c);
  }
  out.push_back(d.quote);
}

CsvWriter::CsvWriter(std::unique_ptr<WritableFile> file, std::vector<std::string> names, CsvWriteOptions options)
    : file_(std::move(file)), names_(std::move(names)), options_(std::move(options)) {}

Result<void> CsvWriter::Flush() {
  if (buffer_.empty()) return Ok();
  SB_RETURN_IF_ERROR(file_->Append(buffer_.data(), buffer_.size()));
  buffer_.clear();
  return Ok();
}

Result<void> CsvWriter::Write(const DataChunk& chunk) {
  if (!header_written_) {
    header_written_ = true;
    if (options_.header) {
      for (size_t c = 0; c < names_.size(); ++c) {
        if (c > 0) buffer_.push_back(options_.dialect.delimiter);
        AppendCsvField(buffer_, names_[c], options_);
      }
      buffer_.push_back('\n');
    }
  }
  idx_t columns = chunk.ColumnCount();
  std::vector<UnifiedFormat> formats(columns);
  for (idx_t c = 0; c < columns; ++c) chunk.column(c).ToUnifiedFormat(chunk.size(), formats[c]);
  for (idx_t r = 0; r < chunk.size(); ++r) {
    for (idx_t c = 0; c < columns; ++c) {
      if (c > 0) buffer_.push_back(options_.dialect.delimiter);
      const UnifiedFormat& f = formats[c];
      idx_t index = f.sel->get_index(r);
      if (!f.validity->RowIsValid(index)) {
        buffer_.append(options_.null_string);
        continue;
      }
      AppendCsvField(buffer_, f.GetData<StringView>()[index].view(), options_);
    }
    buffer_.push_back('\n');
    if (buffer_.size() >= kFlushSize) SB_RETURN_IF_ERROR(Flush());
  }
  rows_ += static_cast<int64_t>(chunk.size());
  return Ok();
}

Result<void> CsvWriter::Close() {
  if (!header_written_) {
    DataChunk empty;
    SB_RETURN_IF_ERROR(Write(empty));
  }
  SB_RETURN_IF_ERROR(Flush());
  return file_->Close();
}

}  // namespace switchboard
