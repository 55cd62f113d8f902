// CsvReader: buffering, row splitting and the VARCHAR batches.
#include "format/csv/csv_reader.h"

#include <cstring>

#include "fs/buffer.h"

namespace switchboard {

namespace {

constexpr size_t kBufferSize = size_t{8} << 20;
constexpr size_t kTailReadSize = size_t{64} << 10;

}  // namespace

CsvReader::CsvReader(std::string path, CsvReadOptions options)
    : path_(std::move(path)), options_(std::move(options)), parser_(options_.dialect) {
  projection_ = options_.projection;
  if (projection_.empty()) {
    for (idx_t i = 0; i < options_.columns; ++i) projection_.push_back(static_cast<int>(i));
  }
}

CsvReader::~CsvReader() = default;

Result<std::unique_ptr<CsvReader>> CsvReader::OpenFile(const std::string& path, StreamCompression compression,
                                                       CsvReadOptions options) {
  SB_ASSIGN_OR_RETURN(auto stream, SequentialReader::Open(path, compression));
  std::unique_ptr<CsvReader> reader(new CsvReader(path, std::move(options)));
  reader->stream_ = std::move(stream);
  return reader;
}

Result<std::unique_ptr<CsvReader>> CsvReader::OpenRange(std::shared_ptr<RandomAccessFile> file, int64_t begin,
                                                        int64_t end, int64_t first_line, CsvReadOptions options) {
  std::unique_ptr<CsvReader> reader(new CsvReader(file->path(), std::move(options)));
  reader->file_ = std::move(file);
  reader->file_position_ = begin;
  reader->range_begin_ = begin;
  reader->buffer_offset_ = begin;
  reader->range_end_ = end;
  reader->line_ = first_line;
  return reader;
}

int64_t CsvReader::bytes_read() const {
  if (stream_) return stream_->bytes_read();
  return file_position_ - range_begin_;
}

Result<size_t> CsvReader::ReadSource(char* out, size_t size) {
  if (stream_) return stream_->Read(out, size);
  int64_t left = file_->size() - file_position_;
  size_t take = static_cast<size_t>(std::min<int64_t>(left, static_cast<int64_t>(size)));
  if (take == 0) return size_t{0};
  SB_RETURN_IF_ERROR(file_->ReadAt(file_position_, static_cast<int64_t>(take), reinterpret_cast<uint8_t*>(out)));
  file_position_ += static_cast<int64_t>(take);
  return take;
}

Result<bool> CsvReader::Refill() {
  if (source_done_) return false;
  size_t leftover = filled_ - pos_;
  if (leftover > options_.max_line_size) {
    return RowError(fmt::format("a row is longer than max_line_size ({} bytes)", options_.max_line_size), line_);
  }
  // How much to read: a full buffer, but only a little past the end of a range.
  size_t want = kBufferSize;
  if (file_) {
    int64_t to_end = range_end_ - file_position_;
    want = to_end > 0 ? std::min<size_t>(kBufferSize, static_cast<size_t>(to_end) + kTailReadSize) : kTailReadSize;
    want = std::min<size_t>(want, static_cast<size_t>(std::max<int64_t>(file_->size() - file_position_, 0)));
  } else if (stream_->compression() == StreamCompression::kNone) {
    want = std::min<size_t>(want, static_cast<size_t>(std::max<int64_t>(stream_->file_size() - stream_->bytes_read(), 0)));
  }
  want = std::max(want, leftover);  // a long row doubles the buffer
  std::shared_ptr<Buffer> fresh = Buffer::Allocate(leftover + want + 1);
  char* data = reinterpret_cast<char*>(fresh->data());
  if (leftover > 0) std::memcpy(data, reinterpret_cast<const char*>(buffer_->data()) + pos_, leftover);
  size_t got = 0;
  while (got < want) {
    SB_ASSIGN_OR_RETURN(size_t n, ReadSource(data + leftover + got, want - got));
    if (n == 0) {
      source_done_ = true;
      break;
    }
    got += n;
  }
  if (file_ && file_position_ >= file_->size()) source_done_ = true;
  buffer_offset_ += static_cast<int64_t>(pos_);
  buffer_ = std::move(fresh);
  filled_ = leftover + got;
  pos_ = 0;
  return filled_ > 0;
}

Error CsvReader::RowError(std::string_view problem, int64_t line) const {
  return Error{ErrorCode::kCorruptData, fmt::format("'{}' line {}: {}", path_, line, problem)};
}

bool CsvReader::IsNull(std::string_view text) const {
  for (const std::string& null : options_.null_strings) {
    if (text == null) return true;
  }
  return false;
}

Result<void> CsvReader::SkipRows(int64_t rows) {
  while (rows > 0) {
    if (pos_ >= filled_) {
      SB_ASSIGN_OR_RETURN(bool more, Refill());
      if (!more) return Ok();
    }
    const char* data = reinterpret_cast<const char*>(buffer_->data());
    size_t p = pos_;
    int64_t newlines = 0;
    std::string_view problem;
    CsvParseStatus status = parser_.ParseRow(data, filled_, p, source_done_, fields_, newlines, problem);
    if (status == CsvParseStatus::kNeedMore) {
      SB_ASSIGN_OR_RETURN(bool more, Refill());
      if (!more) return Ok();
      continue;
    }
    if (status == CsvParseStatus::kMalformed) {
      if (!options_.ignore_errors) return RowError(problem, line_);
      newlines = 0;
      p = CsvRowParser::SkipLine(data, filled_, pos_, newlines);
    }
    line_ += newlines;
    pos_ = p;
    --rows;
  }
  return Ok();
}

Result<void> CsvReader::SkipLines(int64_t lines) {
  while (lines > 0) {
    if (pos_ >= filled_) {
      SB_ASSIGN_OR_RETURN(bool more, Refill());
      if (!more) return Ok();
    }
    const char* data = reinterpret_cast<const char*>(buffer_->data());
    int64_t newlines = 0;
    size_t p = CsvRowParser::SkipLine(data, filled_, pos_, newlines);
    if (newlines == 0 && !source_done_) {
      // The line continues in the next buffer.
      SB_ASSIGN_OR_RETURN(bool more, Refill());
      (void)more;
      continue;
    }
    line_ += newlines;
    pos_ = p;
    --lines;
  }
  return Ok();
}

Result<idx_t> CsvReader::ReadBatch(DataChunk& chunk, int64_t* lines) {
  chunk.Reset();
  const idx_t out_columns = chunk.ColumnCount();
  const idx_t expected = options_.columns;
  const bool default_null = options_.null_strings.size() == 1 && options_.null_strings[0].empty();
  idx_t rows = 0;
  bool buffer_kept = false;
  while (rows < kVectorSize && !finished_) {
    if (range_end_ >= 0 && buffer_offset_ + static_cast<int64_t>(pos_) >= range_end_) {
      finished_ = true;
      break;
    }
    if (pos_ >= filled_) {
      SB_ASSIGN_OR_RETURN(bool more, Refill());
      buffer_kept = false;
      if (!more) finished_ = true;
      continue;
    }
    const char* data = reinterpret_cast<const char*>(buffer_->data());
    size_t p = pos_;
    int64_t newlines = 0;
    std::string_view problem;
    CsvParseStatus status = parser_.ParseRow(data, filled_, p, source_done_, fields_, newlines, problem);
    if (status == CsvParseStatus::kNeedMore) {
      SB_ASSIGN_OR_RETURN(bool more, Refill());
      buffer_kept = false;
      if (!more) finished_ = true;
      continue;
    }
    int64_t row_line = line_;
    if (status == CsvParseStatus::kMalformed) {
      if (!options_.ignore_errors) return RowError(problem, row_line);
      newlines = 0;
      pos_ = CsvRowParser::SkipLine(data, filled_, pos_, newlines);
      line_ += newlines;
      ++rows_rejected_;
      continue;
    }
    line_ += newlines;
    pos_ = p;
    idx_t found = fields_.size();
    if (found == 1 && fields_[0].size == 0 && fields_[0].flags == 0 && expected > 1) continue;  // blank line
    if (found != expected) {
      if (!(found < expected && options_.null_padding)) {
        if (options_.ignore_errors) {
          ++rows_rejected_;
          continue;
        }
        return RowError(fmt::format("expected {} fields but found {} ({})", expected, found,
                                    options_.dialect.ToString()),
                        row_line);
      }
    }
    if (!buffer_kept) {
      for (idx_t c = 0; c < out_columns; ++c) chunk.column(c).string_heap().KeepAlive(buffer_);
      buffer_kept = true;
    }
    idx_t usable = std::min(found, expected);
    for (idx_t f = 0; f < usable; ++f) {
      int out = projection_[f];
      if (out < 0) continue;
      const CsvFieldSpan& field = fields_[f];
      Vector& column = chunk.column(static_cast<idx_t>(out));
      const char* text = data + field.begin;
      if (field.flags == 0) {
        bool is_null = default_null ? field.size == 0 : IsNull(std::string_view(text, field.size));
        if (is_null) {
          column.SetNull(rows);
          continue;
        }
      }
      if (field.flags & CsvFieldSpan::kEscaped) {
        char* copy = column.string_heap().Allocate(field.size);
        size_t size = parser_.Unescape(data, field, copy);
        if (!(field.flags & CsvFieldSpan::kQuoted) && IsNull(std::string_view(copy, size))) {
          column.SetNull(rows);
          continue;
        }
        column.data<StringView>()[rows] = StringView(copy, static_cast<uint32_t>(size));
      } else {
        column.data<StringView>()[rows] = StringView(text, field.size);
      }
    }
    for (idx_t f = usable; f < expected; ++f) {
      if (projection_[f] >= 0) chunk.column(static_cast<idx_t>(projection_[f])).SetNull(rows);
    }
    lines[rows] = row_line;
    ++rows;
  }
  chunk.SetSize(rows);
  return rows;
}

}  // namespace switchboard
