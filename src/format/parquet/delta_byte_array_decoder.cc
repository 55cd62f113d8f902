// DeltaByteArrayDecoder: prefix and suffix streams, bounded materialization.
#include "format/parquet/delta_byte_array_decoder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace switchboard::parquet {

bool DeltaByteArrayDecoder::Init(const uint8_t* data, size_t size, size_t max_expanded_bytes) {
  error_.clear();
  previous_ = ByteArray{};
  expanded_bytes_ = 0;
  max_expanded_bytes_ = max_expanded_bytes;
  size_t prefix_size;
  if (!DeltaBinaryPackedDecoder::StreamLength(data, size, prefix_size)) {
    error_ = "DELTA_BYTE_ARRAY: malformed prefix lengths";
    return false;
  }
  prefixes_.Init(data, prefix_size);
  if (!suffixes_.Init(data + prefix_size, size - prefix_size)) return false;
  if (suffixes_.values_left() != prefixes_.values_left()) {
    error_ = fmt::format("DELTA_BYTE_ARRAY: {} prefixes but {} suffixes", prefixes_.values_left(),
                         suffixes_.values_left());
    return false;
  }
  return true;
}

const std::string& DeltaByteArrayDecoder::error() const {
  if (!error_.empty()) return error_;
  if (!prefixes_.error().empty()) return prefixes_.error();
  return suffixes_.error();
}

size_t DeltaByteArrayDecoder::GetBatch(ByteArray* out, size_t count) {
  count = std::min(count, kBatch);
  int32_t prefixes[kBatch];
  ByteArray suffixes[kBatch];
  size_t n = prefixes_.GetBatch(prefixes, count);
  if (n == 0 || suffixes_.GetBatch(suffixes, n) != n) return 0;
  // Sizes first: each prefix must fit the previous value.
  size_t total = 0;
  size_t previous_size = previous_.size;
  for (size_t i = 0; i < n; ++i) {
    if (prefixes[i] < 0 || static_cast<size_t>(prefixes[i]) > previous_size) {
      error_ = fmt::format("DELTA_BYTE_ARRAY: prefix of {} bytes exceeds the previous value's {}",
                           prefixes[i], previous_size);
      return 0;
    }
    previous_size = static_cast<size_t>(prefixes[i]) + suffixes[i].size;
    if (previous_size > UINT32_MAX) {
      error_ = "DELTA_BYTE_ARRAY: value longer than 4 GiB";
      return 0;
    }
    total += previous_size;
  }
  expanded_bytes_ += total;
  if (expanded_bytes_ > max_expanded_bytes_) {
    error_ =
        fmt::format("DELTA_BYTE_ARRAY: page expands to more than {} bytes", max_expanded_bytes_);
    return 0;
  }
  std::shared_ptr<Buffer> buffer = Buffer::Allocate(total);
  uint8_t* cursor = buffer->data();
  for (size_t i = 0; i < n; ++i) {
    size_t prefix = static_cast<size_t>(prefixes[i]);
    if (prefix > 0) std::memcpy(cursor, previous_.data, prefix);
    if (suffixes[i].size > 0) std::memcpy(cursor + prefix, suffixes[i].data, suffixes[i].size);
    out[i] = ByteArray{cursor, static_cast<uint32_t>(prefix + suffixes[i].size)};
    previous_ = out[i];
    cursor += out[i].size;
  }
  // previous_ may point into the old buffer until now; it points into the new one from here.
  buffer_ = std::move(buffer);
  return n;
}

}  // namespace switchboard::parquet
