// DeltaBinaryPackedDecoder: header, block and miniblock parsing and prefix sums.
#include "format/parquet/delta_binary_packed_decoder.h"

#include <fmt/format.h>

#include <algorithm>

#include "format/parquet/bit_unpack.h"
#include "format/parquet/bit_util.h"

namespace switchboard::parquet {

void DeltaBinaryPackedDecoder::Fail(std::string message) {
  if (error_.empty()) error_ = "DELTA_BINARY_PACKED: " + std::move(message);
  values_left_ = 0;
  delta_pos_ = delta_count_ = 0;
}

bool DeltaBinaryPackedDecoder::Init(const uint8_t* data, size_t size) {
  begin_ = data_ = data;
  end_ = data + size;
  error_.clear();
  uint64_t first;
  if (!ReadUleb128(data_, end_, block_size_) || !ReadUleb128(data_, end_, miniblocks_per_block_) ||
      !ReadUleb128(data_, end_, total_values_) || !ReadUleb128(data_, end_, first)) {
    Fail("truncated header");
    return false;
  }
  if (block_size_ == 0 || block_size_ % 128 != 0 || block_size_ > kMaxBlockSize ||
      miniblocks_per_block_ == 0 || block_size_ % miniblocks_per_block_ != 0 ||
      (block_size_ / miniblocks_per_block_) % 32 != 0) {
    Fail(fmt::format("invalid block size {} with {} miniblocks", block_size_,
                     miniblocks_per_block_));
    return false;
  }
  if (total_values_ > (uint64_t{1} << 40)) {
    Fail(fmt::format("implausible value count {}", total_values_));
    return false;
  }
  values_per_miniblock_ = block_size_ / miniblocks_per_block_;
  values_left_ = total_values_;
  last_value_ = static_cast<uint64_t>(ZigZagDecode(first));
  first_pending_ = total_values_ > 0;
  bit_widths_.assign(miniblocks_per_block_, 0);
  miniblock_index_ = miniblocks_per_block_;  // no block loaded yet
  deltas_.resize(values_per_miniblock_);
  delta_pos_ = delta_count_ = 0;
  return true;
}

bool DeltaBinaryPackedDecoder::LoadBlock() {
  uint64_t min_delta;
  if (!ReadUleb128(data_, end_, min_delta)) {
    Fail("truncated block header");
    return false;
  }
  min_delta_ = static_cast<uint64_t>(ZigZagDecode(min_delta));
  if (static_cast<uint64_t>(end_ - data_) < miniblocks_per_block_) {
    Fail("truncated miniblock bit widths");
    return false;
  }
  std::copy(data_, data_ + miniblocks_per_block_, bit_widths_.begin());
  data_ += miniblocks_per_block_;
  miniblock_index_ = 0;
  return true;
}

bool DeltaBinaryPackedDecoder::LoadMiniblock() {
  if (miniblock_index_ == miniblocks_per_block_ && !LoadBlock()) return false;
  int width = bit_widths_[miniblock_index_++];
  if (width > 64) {
    Fail(fmt::format("miniblock bit width {} exceeds 64", width));
    return false;
  }
  // Deltas still needed: every value left but the pending first one, minus those buffered.
  uint64_t needed =
      std::min<uint64_t>(values_per_miniblock_, values_left_ - (first_pending_ ? 1 : 0));
  size_t available = static_cast<size_t>(end_ - data_);
  size_t full_bytes = static_cast<size_t>(values_per_miniblock_) * static_cast<size_t>(width) / 8;
  size_t needed_bytes = (static_cast<size_t>(needed) * static_cast<size_t>(width) + 7) / 8;
  if (available < needed_bytes) {
    Fail("miniblock runs past the end of the page");
    return false;
  }
  UnpackBits<uint64_t>(data_, width, static_cast<size_t>(needed), deltas_.data());
  // Miniblocks are padded to full size; a writer that truncated the last one ends the data.
  data_ += std::min(full_bytes, available);
  for (size_t i = 0; i < needed; ++i) deltas_[i] += min_delta_;
  delta_pos_ = 0;
  delta_count_ = static_cast<size_t>(needed);
  return true;
}

bool DeltaBinaryPackedDecoder::StreamLength(const uint8_t* data, size_t size, size_t& length) {
  DeltaBinaryPackedDecoder decoder;
  if (!decoder.Init(data, size)) return false;
  uint64_t deltas_left = decoder.total_values_ > 0 ? decoder.total_values_ - 1 : 0;
  while (deltas_left > 0) {
    if (!decoder.LoadBlock()) return false;
    for (uint64_t m = 0; m < decoder.miniblocks_per_block_ && deltas_left > 0; ++m) {
      int width = decoder.bit_widths_[m];
      if (width > 64) return false;
      uint64_t needed = std::min(decoder.values_per_miniblock_, deltas_left);
      size_t available = static_cast<size_t>(decoder.end_ - decoder.data_);
      size_t full_bytes = static_cast<size_t>(decoder.values_per_miniblock_) * width / 8;
      if (available < (static_cast<size_t>(needed) * width + 7) / 8) return false;
      decoder.data_ += std::min(full_bytes, available);
      deltas_left -= needed;
    }
  }
  length = decoder.consumed_bytes();
  return true;
}

template <typename T>
size_t DeltaBinaryPackedDecoder::GetBatch(T* out, size_t count) {
  size_t n = static_cast<size_t>(std::min<uint64_t>(count, values_left_));
  size_t i = 0;
  if (n > 0 && first_pending_) {
    out[i++] = static_cast<T>(last_value_);
    first_pending_ = false;
    --values_left_;
  }
  while (i < n) {
    if (delta_pos_ == delta_count_ && !LoadMiniblock()) return i;
    size_t k = std::min(n - i, delta_count_ - delta_pos_);
    uint64_t value = last_value_;
    const uint64_t* deltas = deltas_.data() + delta_pos_;
    for (size_t j = 0; j < k; ++j) {
      value += deltas[j];
      out[i + j] = static_cast<T>(value);
    }
    last_value_ = value;
    delta_pos_ += k;
    values_left_ -= k;
    i += k;
  }
  return i;
}

template size_t DeltaBinaryPackedDecoder::GetBatch<int32_t>(int32_t*, size_t);
template size_t DeltaBinaryPackedDecoder::GetBatch<int64_t>(int64_t*, size_t);

}  // namespace switchboard::parquet
