// Buffer: a fixed-size heap byte array, left uninitialized at creation, that file reads and
// decoders fill and that vectors keep alive while their StringViews point into it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace switchboard {

/// Owns `size()` bytes. Shared through std::shared_ptr (a StringHeap can KeepAlive one). Not
/// thread-safe for writes; concurrent reads are fine once filled.
class Buffer {
 public:
  /// A buffer of `size` uninitialized bytes; throws std::bad_alloc when memory runs out.
  static std::shared_ptr<Buffer> Allocate(size_t size) {
    return std::shared_ptr<Buffer>(new Buffer(size));
  }

  uint8_t* data() { return data_.get(); }
  const uint8_t* data() const { return data_.get(); }
  size_t size() const { return size_; }

  /// Makes the buffer report a smaller size (the memory is kept); `size` must not exceed size().
  void Shrink(size_t size) {
    if (size < size_) size_ = size;
  }

 private:
  explicit Buffer(size_t size) : data_(new uint8_t[size > 0 ? size : 1]), size_(size) {}

  std::unique_ptr<uint8_t[]> data_;
  size_t size_;
};

}  // namespace switchboard
