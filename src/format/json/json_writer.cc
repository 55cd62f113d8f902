// NDJSON writing.
#include "format/json/json_writer.h"

#include "common/json_writer.h"

namespace switchboard {

namespace {

constexpr size_t kFlushSize = size_t{1} << 20;

}  // namespace

NdjsonWriter::NdjsonWriter(std::unique_ptr<WritableFile> file, const std::vector<std::string>& names, bool array)
    : file_(std::move(file)), array_(array) {
  for (const std::string& name : names) {
    std::string key;
    AppendJsonQuoted(key, name);
    key.push_back(':');
    keys_.push_back(std::move(key));
  }
  if (array_) buffer_ = "[";
}

Result<void> NdjsonWriter::Write(const DataChunk& chunk) {
  idx_t columns = chunk.ColumnCount();
  std::vector<UnifiedFormat> formats(columns);
  for (idx_t c = 0; c < columns; ++c) chunk.column(c).ToUnifiedFormat(chunk.size(), formats[c]);
  for (idx_t r = 0; r < chunk.size(); ++r) {
    if (array_) buffer_.append(rows_ + static_cast<int64_t>(r) > 0 ? ",\n" : "\n");
    buffer_.push_back('{');
    for (idx_t c = 0; c < columns; ++c) {
      if (c > 0) buffer_.push_back(',');
      buffer_.append(keys_[c]);
      const UnifiedFormat& f = formats[c];
      idx_t index = f.sel->get_index(r);
      if (!f.validity->RowIsValid(index)) {
        buffer_.append("null");
      } else {
        buffer_.append(f.GetData<StringView>()[index].view());
      }
    }
    buffer_.push_back('}');
    if (!array_) buffer_.push_back('\n');
    if (buffer_.size() >= kFlushSize) {
      SB_RETURN_IF_ERROR(file_->Append(buffer_.data(), buffer_.size()));
      buffer_.clear();
    }
  }
  rows_ += static_cast<int64_t>(chunk.size());
  return Ok();
}

Result<void> NdjsonWriter::Close() {
  if (array_) buffer_.append(rows_ > 0 ? "\n]\n" : "]\n");
  if (!buffer_.empty()) SB_RETURN_IF_ERROR(file_->Append(buffer_.data(), buffer_.size()));
  buffer_.clear();
  return file_->Close();
}

}  // namespace switchboard
