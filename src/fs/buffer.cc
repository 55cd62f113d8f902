// Buffer allocation and the recycling pool for large blocks.
#include "fs/buffer.h"

#include <bit>
#include <mutex>
#include <vector>

namespace switchboard {

namespace {

// Free blocks by power-of-two size class, most recently freed last (warm in cache).
class BlockPool {
 public:
  static BlockPool& Instance() {
    static BlockPool* pool = new BlockPool();  // never destroyed: buffers may outlive statics
    return *pool;
  }

  uint8_t* Take(size_t capacity) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      std::vector<uint8_t*>& list = free_[ClassOf(capacity)];
      if (!list.empty()) {
        uint8_t* block = list.back();
        list.pop_back();
        cached_bytes_ -= capacity;
        return block;
      }
    }
    return new uint8_t[capacity];
  }

  void Give(uint8_t* block, size_t capacity) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (cached_bytes_ + capacity <= Buffer::kMaxPooledBytes) {
        free_[ClassOf(capacity)].push_back(block);
        cached_bytes_ += capacity;
        return;
      }
    }
    delete[] block;
  }

 private:
  static size_t ClassOf(size_t capacity) { return static_cast<size_t>(std::countr_zero(capacity)); }

  std::mutex mutex_;
  std::vector<uint8_t*> free_[64];
  size_t cached_bytes_ = 0;
};

}  // namespace

std::shared_ptr<Buffer> Buffer::Allocate(size_t size) {
  if (size < kMinPooledSize || size > kMaxPooledSize) {
    return std::shared_ptr<Buffer>(new Buffer(new uint8_t[size > 0 ? size : 1], size, 0));
  }
  size_t capacity = std::bit_ceil(size);
  return std::shared_ptr<Buffer>(new Buffer(BlockPool::Instance().Take(capacity), size, capacity));
}

Buffer::~Buffer() {
  if (capacity_ == 0) {
    delete[] data_;
  } else {
    BlockPool::Instance().Give(data_, capacity_);
  }
}

}  // namespace switchboard
