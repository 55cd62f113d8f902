// Text files read front to back and written front to back, optionally gzip- or
// zstd-compressed: the byte streams under the CSV and JSON readers and writers.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "fs/file_system.h"

namespace switchboard {

enum class StreamCompression : uint8_t { kAuto, kNone, kGzip, kZstd };

/// "auto", "none"/"uncompressed", "gzip"/"gz", "zstd"/"zst" (case-insensitive).
/// Errors: kInvalidParameter naming the accepted values.
Result<StreamCompression> ParseStreamCompression(std::string_view name);
/// "none", "gzip", "zstd" ("auto" for kAuto).
std::string_view StreamCompressionName(StreamCompression compression);
/// The compression a file name's suffix says: ".gz" gzip, ".zst"/".zstd" zstd, else none.
StreamCompression CompressionFromPath(std::string_view path);
/// The suffix to give files written with `compression` ("" for none).
std::string_view CompressionSuffix(StreamCompression compression);

/// Reads one file front to back, decompressing gzip (all members of a multi-member file) or
/// zstd (all frames) when asked or, with kAuto, when the file starts with their magic bytes.
/// Not thread-safe. Errors are kIoError (reading) or kCorruptData (bad compressed data), with
/// the path in the message.
class SequentialReader {
 public:
  static Result<std::unique_ptr<SequentialReader>> Open(const std::string& path,
                                                        StreamCompression compression);
  virtual ~SequentialReader() = default;

  /// Reads up to `size` bytes of content into `out`; returns how many, 0 only at the end.
  virtual Result<size_t> Read(char* out, size_t size) = 0;

  const std::string& path() const { return path_; }
  /// Bytes of the file (compressed) read so far.
  int64_t bytes_read() const { return bytes_read_; }
  /// The file's size on storage.
  int64_t file_size() const { return file_size_; }
  StreamCompression compression() const { return compression_; }

 protected:
  std::string path_;
  int64_t bytes_read_ = 0;
  int64_t file_size_ = 0;
  StreamCompression compression_ = StreamCompression::kNone;
};

/// Wraps `file` so that what is appended to it is compressed (kNone returns it unchanged;
/// kAuto is not allowed). `level` 0 is the codec's default. Close finishes the stream and
/// publishes the file as `file` would.
std::unique_ptr<WritableFile> CompressingFile(std::unique_ptr<WritableFile> file,
                                              StreamCompression compression, int level = 0);

}  // namespace switchboard
