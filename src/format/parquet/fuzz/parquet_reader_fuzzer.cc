// libFuzzer target for the Parquet reader: opens arbitrary bytes as a file and reads every row
// of every column, with and without a pushed predicate. Any crash, leak or hang is a bug; errors
// are the expected outcome for malformed input.
#include <cstdint>
#include <cstring>
#include <memory>

#include "format/parquet/parquet_reader.h"

namespace {

using switchboard::Error;
using switchboard::ErrorCode;
using switchboard::Result;
using switchboard::parquet::ParquetPredicate;
using switchboard::parquet::ParquetReader;
using switchboard::parquet::ParquetReaderOptions;
using switchboard::parquet::ParquetScanOptions;

// The fuzz input as a file.
class MemoryFile final : public switchboard::RandomAccessFile {
 public:
  MemoryFile(const uint8_t* data, size_t size) : data_(data), size_(static_cast<int64_t>(size)) {}

  const std::string& path() const override { return path_; }
  int64_t size() const override { return size_; }
  Result<void> ReadAt(int64_t offset, int64_t length, uint8_t* out) const override {
    if (offset < 0 || length < 0 || offset > size_ || length > size_ - offset) {
      return Error{ErrorCode::kIoError, "read outside the fuzz input"};
    }
    std::memcpy(out, data_ + offset, static_cast<size_t>(length));
    return switchboard::Ok();
  }

 private:
  const uint8_t* data_;
  int64_t size_;
  std::string path_ = "fuzz-input.parquet";
};

void ReadEverything(const ParquetReader& reader, const ParquetScanOptions& options) {
  switchboard::DataChunk chunk;
  for (int g = 0; g < reader.num_row_groups(); ++g) {
    auto scanner = reader.ScanRowGroup(g, options);
    if (!scanner.ok()) return;
    while (true) {
      auto more = (*scanner)->Next(chunk);
      if (!more.ok() || !*more) break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ParquetReaderOptions options;
  options.max_page_size = 16 << 20;  // keep single allocations under libFuzzer's limit
  options.verify_checksums = size % 2 == 0;
  auto reader = ParquetReader::Open(std::make_shared<MemoryFile>(data, size), options);
  if (!reader.ok()) return 0;
  ParquetScanOptions all;
  for (size_t i = 0; i < (*reader)->schema().fields().size(); ++i) {
    all.columns.push_back(static_cast<int>(i));
  }
  all.emit_row_position = true;
  ReadEverything(**reader, all);
  // A predicate on the first column exercises statistics, page index, dictionary and bloom
  // filter pruning on the same input.
  if (!(*reader)->schema().fields().empty()) {
    const auto& field = (*reader)->schema().fields()[0];
    if (!field.type.IsNested()) {
      ParquetScanOptions filtered = all;
      filtered.predicates = {ParquetPredicate::IsNotNull(0)};
      auto stats = (*reader)->num_row_groups() > 0 ? (*reader)->ColumnChunkStatistics(0, 0)
                                                   : switchboard::parquet::ColumnStatistics{};
      if (stats.min) {
        filtered.predicates.push_back(
            ParquetPredicate::Compare(0, ParquetPredicate::Op::kEqual, *stats.min));
      }
      ReadEverything(**reader, filtered);
    }
  }
  return 0;
}
