// Avro object container files: AvroFileReader decodes one (header, schema, compressed blocks)
// into AvroValues; AvroFileWriter encodes AvroValues into one. Iceberg keeps its manifest lists
// and manifests in this format.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "format/avro/avro_schema.h"
#include "format/avro/avro_value.h"

namespace switchboard::avro {

/// Block compression ("avro.codec").
enum class AvroCodec : uint8_t { kNull, kDeflate, kSnappy, kZstandard };

struct AvroReaderOptions {
  /// Largest block accepted, before and after decompression.
  int64_t max_block_size = int64_t{256} << 20;
  /// Largest number of items in one array or map, and of records in one block, accepted for
  /// types whose values can take no bytes (null, empty records).
  int64_t max_empty_items = int64_t{1} << 20;
};

/// Reads a whole container file held in memory.
///
/// Contract: Open validates the header and parses the writer's schema; Next decodes one datum at
/// a time. Every length and count is checked against the bytes that remain before anything is
/// allocated, so malformed input fails with kCorruptData (the message names `name`, the block and
/// what was wrong) and never reads out of bounds. Not thread-safe.
class AvroFileReader {
 public:
  /// `name` is used in error messages (usually the file's path).
  static Result<std::unique_ptr<AvroFileReader>> Open(std::string data, std::string name,
                                                      const AvroReaderOptions& options = {});

  const AvroNodePtr& schema() const { return schema_; }
  /// The header's metadata (avro.schema, avro.codec and the writer's own keys).
  const std::map<std::string, std::string>& metadata() const { return metadata_; }
  /// The value of a metadata key, or "" when absent.
  std::string Metadata(const std::string& key) const;

  /// Decodes the next datum into `out`; false at the end of the file.
  Result<bool> Next(AvroValue& out);
  /// Every remaining datum.
  Result<std::vector<AvroValue>> ReadAll();

 private:
  AvroFileReader() = default;
  Result<bool> NextBlock();

  std::string data_;
  std::string name_;
  AvroReaderOptions options_;
  AvroNodePtr schema_;
  std::map<std::string, std::string> metadata_;
  AvroCodec codec_ = AvroCodec::kNull;
  std::string sync_;
  size_t position_ = 0;  // in data_, at the next block
  int64_t block_index_ = -1;
  std::string block_;  // the current block, decompressed
  size_t block_position_ = 0;
  int64_t block_remaining_ = 0;  // records left in the block
};

/// Writes a container file into memory. Not thread-safe.
class AvroFileWriter {
 public:
  /// `metadata` entries follow avro.schema and avro.codec in the header.
  AvroFileWriter(AvroNodePtr schema, std::vector<std::pair<std::string, std::string>> metadata,
                 AvroCodec codec = AvroCodec::kDeflate);

  /// Encodes `datum`, which must match the schema (a union takes the first branch the value's
  /// type fits). Errors: kInvalidParameter naming the field whose value does not match.
  Result<void> Append(const AvroValue& datum);
  /// Ends the last block and returns the file's bytes. The writer is done afterwards.
  Result<std::string> Finish();
  int64_t records() const { return records_; }

 private:
  Result<void> FlushBlock();

  AvroNodePtr schema_;
  AvroCodec codec_;
  std::string out_;
  std::string sync_;
  std::string block_;
  int64_t block_records_ = 0;
  int64_t records_ = 0;
};

}  // namespace switchboard::avro
