// PageReader: walks the pages of one column chunk held in memory, parsing page headers, checking
// CRCs and decompressing, with every size checked against the bytes present and a cap.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/parquet_thrift.h"
#include "fs/buffer.h"

namespace switchboard::parquet {

/// One page, decompressed. Level and value sections point into buffers the page owns.
struct Page {
  PageType type = PageType::kDataPage;
  PageHeader header;
  /// Number of values (levels) of a data page, or of dictionary entries.
  int64_t num_values = 0;
  Encoding encoding = Encoding::kPlain;
  /// Data page v1 and dictionary pages: the whole decompressed page. Data page v2: the values
  /// section only.
  std::shared_ptr<Buffer> data;
  const uint8_t* body = nullptr;
  size_t body_size = 0;
  /// Data page v2: the uncompressed level sections (RLE without length prefixes), owned by
  /// `levels_owner`.
  std::shared_ptr<Buffer> levels_owner;
  const uint8_t* repetition_levels = nullptr;
  size_t repetition_levels_size = 0;
  const uint8_t* definition_levels = nullptr;
  size_t definition_levels_size = 0;
  /// The page's position in the file (its header's first byte).
  int64_t file_offset = 0;
};

/// A run of the column chunk's bytes read from the file: pages start at `file_offset` and follow
/// one another to the end of `data`.
struct PageSegment {
  std::shared_ptr<Buffer> data;
  int64_t file_offset = 0;
};

struct PageReaderOptions {
  /// Check each page's CRC when it has one.
  bool verify_checksums = false;
  /// Largest uncompressed page accepted.
  int64_t max_page_size = INT32_MAX;
};

/// Not thread-safe; one per column chunk being read.
class PageReader {
 public:
  /// `context` ("file 'x.parquet', column 'a.b'") prefixes error messages.
  PageReader(std::vector<PageSegment> segments, CompressionCodec codec, PageReaderOptions options,
             std::string context);

  /// Reads the next dictionary or data page into `page` (index pages and unknown page types are
  /// skipped). Returns false after the last page.
  /// Errors: kCorruptData for a malformed header, a page past the end of its segment, a CRC
  /// mismatch (with verification on), sizes above the cap or impossible for the codec, and
  /// decompression failures; kNotSupported for unsupported codecs.
  Result<bool> Next(Page& page);

  const std::string& context() const { return context_; }

 private:
  Error Corrupt(int64_t offset, std::string_view problem) const;
  Result<std::shared_ptr<Buffer>> Decompress(const uint8_t* input, size_t input_size,
                                             size_t output_size, int64_t offset) const;

  std::vector<PageSegment> segments_;
  size_t segment_ = 0;
  size_t position_ = 0;
  CompressionCodec codec_;
  PageReaderOptions options_;
  std::string context_;
};

}  // namespace switchboard::parquet
