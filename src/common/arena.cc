// Arena block management.
#include "common/arena.h"

#include <algorithm>
#include <cstring>

#include "common/memory_tracker.h"

namespace switchboard {

namespace {
constexpr size_t kMaxBlockSize = size_t{1} << 20;
}

Arena::Arena(size_t initial_block_size, MemoryTracker* tracker)
    : next_block_size_(initial_block_size), tracker_(tracker) {}

Arena::~Arena() { Release(); }

Arena::Arena(Arena&& other) noexcept
    : blocks_(std::move(other.blocks_)),
      cursor_(other.cursor_),
      end_(other.end_),
      next_block_size_(other.next_block_size_),
      bytes_reserved_(other.bytes_reserved_),
      tracker_(other.tracker_) {
  other.cursor_ = other.end_ = nullptr;
  other.bytes_reserved_ = 0;
}

Arena& Arena::operator=(Arena&& other) noexcept {
  if (this != &other) {
    Release();
    blocks_ = std::move(other.blocks_);
    cursor_ = other.cursor_;
    end_ = other.end_;
    next_block_size_ = other.next_block_size_;
    bytes_reserved_ = other.bytes_reserved_;
    tracker_ = other.tracker_;
    other.cursor_ = other.end_ = nullptr;
    other.bytes_reserved_ = 0;
  }
  return *this;
}

void Arena::Release() {
  if (tracker_ && bytes_reserved_ > 0) tracker_->Release(static_cast<int64_t>(bytes_reserved_));
  blocks_.clear();
  bytes_reserved_ = 0;
  cursor_ = end_ = nullptr;
}

uint8_t* Arena::AllocateSlow(size_t size) {
  size_t block_size = std::max(next_block_size_, size);
  if (tracker_) tracker_->Reserve(static_cast<int64_t>(block_size));
  blocks_.push_back(Block{std::unique_ptr<uint8_t[]>(new uint8_t[block_size]), block_size});
  bytes_reserved_ += block_size;
  next_block_size_ = std::min(next_block_size_ * 2, kMaxBlockSize);
  uint8_t* result = blocks_.back().data.get();
  cursor_ = result + size;
  end_ = result + block_size;
  return result;
}

uint8_t* Arena::Copy(const void* data, size_t size) {
  uint8_t* target = Allocate(size);
  if (size > 0) std::memcpy(target, data, size);
  return target;
}

void Arena::Reset() {
  if (blocks_.empty()) return;
  size_t keep = blocks_.front().size;
  if (tracker_) tracker_->Release(static_cast<int64_t>(bytes_reserved_ - keep));
  blocks_.resize(1);
  bytes_reserved_ = keep;
  cursor_ = blocks_.front().data.get();
  end_ = cursor_ + keep;
}

}  // namespace switchboard
