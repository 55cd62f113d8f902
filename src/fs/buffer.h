// Buffer: a fixed-size heap byte array, left uninitialized at creation, that file reads and
// decoders fill and that vectors keep alive while their StringViews point into it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace switchboard {

/// Owns `size()` bytes. Shared through std::shared_ptr (a StringHeap can KeepAlive one). Not
/// thread-safe for writes; concurrent reads are fine once filled.
///
/// Large buffers (64 KiB to 64 MiB) come from a process-wide recycling pool: scans allocate and
/// free buffers of similar sizes for every column chunk and page, and handing freed blocks back
/// to the next allocation saves the page faults and zeroing of fresh memory. The pool keeps at
/// most kMaxPooledBytes of free blocks; it is thread-safe.
class Buffer {
 public:
  static constexpr size_t kMinPooledSize = size_t{64} << 10;
  static constexpr size_t kMaxPooledSize = size_t{64} << 20;
  static constexpr size_t kMaxPooledBytes = size_t{256} << 20;

  /// A buffer of `size` uninitialized bytes; throws std::bad_alloc when memory runs out.
  static std::shared_ptr<Buffer> Allocate(size_t size);

  ~Buffer();
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  Buffer(uint8_t* data, size_t size, size_t capacity)
      : data_(data), size_(size), capacity_(capacity) {}

  uint8_t* data_;
  size_t size_;
  size_t capacity_;  // bytes allocated (a pool size class for large buffers)
};

}  // namespace switchboard
