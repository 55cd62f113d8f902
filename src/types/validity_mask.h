// ValidityMask: one bit per row telling whether it is non-NULL.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>

#include "types/selection_vector.h"

namespace switchboard {

/// Bit set = valid (non-NULL). Without storage every row is valid; storage is allocated on the
/// first SetInvalid. Copies share storage (copy-on-write is the owner's job: vectors allocate a
/// fresh mask when they are written).
class ValidityMask {
 public:
  ValidityMask() = default;

  static idx_t WordCount(idx_t rows) { return (rows + 63) / 64; }

  bool AllValid() const { return words_ == nullptr; }
  bool RowIsValid(idx_t row) const {
    return words_ == nullptr || (words_[row >> 6] >> (row & 63)) & 1;
  }
  /// Makes storage for `capacity` rows, all valid.
  void Initialize(idx_t capacity) {
    idx_t words = WordCount(capacity);
    owned_ = std::shared_ptr<uint64_t>(new uint64_t[words], std::default_delete<uint64_t[]>());
    words_ = owned_.get();
    std::memset(words_, 0xff, words * sizeof(uint64_t));
    capacity_ = capacity;
  }
  void SetInvalid(idx_t row, idx_t capacity = kVectorSize) {
    if (words_ == nullptr) Initialize(capacity > row ? capacity : row + 1);
    words_[row >> 6] &= ~(uint64_t{1} << (row & 63));
  }
  void SetValid(idx_t row) {
    if (words_ != nullptr) words_[row >> 6] |= uint64_t{1} << (row & 63);
  }
  void Set(idx_t row, bool valid, idx_t capacity = kVectorSize) {
    if (valid) SetValid(row);
    else SetInvalid(row, capacity);
  }
  /// Back to "all valid" without storage.
  void Reset() {
    owned_.reset();
    words_ = nullptr;
    capacity_ = 0;
  }
  uint64_t* words() { return words_; }
  const uint64_t* words() const { return words_; }
  idx_t capacity() const { return capacity_; }

 private:
  std::shared_ptr<uint64_t> owned_;
  uint64_t* words_ = nullptr;
  idx_t capacity_ = 0;
};

}  // namespace switchboard
