// RleBitPackedDecoder: the RLE / bit-packing hybrid encoding of Parquet (repetition and
// definition levels, dictionary indexes, RLE booleans).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "format/parquet/bit_unpack.h"
#include "format/parquet/bit_util.h"

namespace switchboard::parquet {

/// Decodes a run sequence over a byte range it does not own. Runs are served whole when
/// possible: RLE runs by filling, bit-packed runs 32 values per unrolled unpack. Malformed input
/// (a bad run header, a run past the end) stops decoding and sets error(); GetBatch then returns
/// fewer values than asked, which callers treat as corrupt data. T is uint8_t (levels, booleans)
/// or uint32_t (dictionary indexes). Not thread-safe.
template <typename T>
class RleBitPackedDecoder {
 public:
  RleBitPackedDecoder() = default;
  RleBitPackedDecoder(const uint8_t* data, size_t size, int bit_width) {
    Reset(data, size, bit_width);
  }

  void Reset(const uint8_t* data, size_t size, int bit_width) {
    data_ = data;
    end_ = data + size;
    bit_width_ = bit_width;
    value_bytes_ = (bit_width + 7) / 8;
    repeat_left_ = 0;
    literal_left_ = 0;
    buffered_ = 0;
    buffer_pos_ = 0;
    error_ = bit_width < 0 || bit_width > static_cast<int>(sizeof(T) * 8);
  }

  bool error() const { return error_; }

  /// Decodes up to `count` values; returns how many were decoded (fewer only at the end of the
  /// data or on an error).
  size_t GetBatch(T* out, size_t count) {
    size_t done = 0;
    while (done < count) {
      if (buffer_pos_ < buffered_) {
        size_t n = std::min(count - done, buffered_ - buffer_pos_);
        std::copy(buffer_ + buffer_pos_, buffer_ + buffer_pos_ + n, out + done);
        buffer_pos_ += n;
        done += n;
      } else if (repeat_left_ > 0) {
        size_t n = std::min<size_t>(count - done, repeat_left_);
        std::fill(out + done, out + done + n, repeat_value_);
        repeat_left_ -= n;
        done += n;
      } else if (literal_left_ > 0) {
        size_t blocks = std::min(count - done, literal_left_) / 32;
        if (blocks > 0) {
          UnpackBits<T>(data_, bit_width_, blocks * 32, out + done);
          data_ += blocks * 4 * static_cast<size_t>(bit_width_);
          literal_left_ -= blocks * 32;
          done += blocks * 32;
        } else {
          FillBuffer();
        }
      } else if (!NextRun()) {
        break;
      }
    }
    return done;
  }

  /// Skips up to `count` values; returns how many were skipped.
  size_t Skip(size_t count) {
    size_t done = 0;
    while (done < count) {
      if (buffer_pos_ < buffered_) {
        size_t n = std::min(count - done, buffered_ - buffer_pos_);
        buffer_pos_ += n;
        done += n;
      } else if (repeat_left_ > 0) {
        size_t n = std::min<size_t>(count - done, repeat_left_);
        repeat_left_ -= n;
        done += n;
      } else if (literal_left_ > 0) {
        size_t blocks = std::min(count - done, literal_left_) / 32;
        if (blocks > 0) {
          data_ += blocks * 4 * static_cast<size_t>(bit_width_);
          literal_left_ -= blocks * 32;
          done += blocks * 32;
        } else {
          FillBuffer();
        }
      } else if (!NextRun()) {
        break;
      }
    }
    return done;
  }

  /// When the next `count` values are one RLE run value, returns true and that value in `value`
  /// (without consuming anything): lets callers handle all-valid level runs without decoding.
  bool PeekRepeated(size_t count, T& value) {
    if (buffer_pos_ >= buffered_ && repeat_left_ == 0 && literal_left_ == 0) NextRun();
    if (buffer_pos_ < buffered_ || repeat_left_ < count) return false;
    value = repeat_value_;
    return true;
  }

 private:
  bool NextRun() {
    while (true) {
      uint64_t header;
      if (data_ >= end_ || error_) return false;
      if (!ReadUleb128(data_, end_, header, 5)) {
        error_ = true;
        return false;
      }
      if (header & 1) {
        // Bit-packed: (header >> 1) groups of 8 values; a truncated final run is shortened to
        // the values its bytes hold.
        uint64_t values = (header >> 1) * 8;
        if (values == 0) continue;
        size_t available = static_cast<size_t>(end_ - data_);
        uint64_t max_values =
            bit_width_ == 0 ? values : available * 8 / static_cast<size_t>(bit_width_);
        literal_left_ = static_cast<size_t>(std::min(values, max_values));
        if (literal_left_ == 0) {
          error_ = true;
          return false;
        }
        return true;
      }
      repeat_left_ = static_cast<size_t>(header >> 1);
      if (static_cast<size_t>(end_ - data_) < static_cast<size_t>(value_bytes_)) {
        error_ = true;
        return false;
      }
      uint64_t value = 0;
      for (int i = 0; i < value_bytes_; ++i) value |= static_cast<uint64_t>(data_[i]) << (8 * i);
      data_ += value_bytes_;
      if (bit_width_ < 64 && (value >> bit_width_) != 0) {
        error_ = true;
        return false;
      }
      repeat_value_ = static_cast<T>(value);
      return true;
    }
  }

  // Unpacks the next up to 32 literal values into the buffer.
  void FillBuffer() {
    size_t n = std::min<size_t>(literal_left_, 32);
    UnpackBits<T>(data_, bit_width_, n, buffer_);
    data_ += (n * static_cast<size_t>(bit_width_) + 7) / 8;
    literal_left_ -= n;
    buffered_ = n;
    buffer_pos_ = 0;
  }

  const uint8_t* data_ = nullptr;
  const uint8_t* end_ = nullptr;
  int bit_width_ = 0;
  int value_bytes_ = 0;
  size_t repeat_left_ = 0;
  T repeat_value_ = 0;
  size_t literal_left_ = 0;
  T buffer_[32];
  size_t buffered_ = 0;
  size_t buffer_pos_ = 0;
  bool error_ = false;
};

}  // namespace switchboard::parquet
