// Arena: a bump allocator for many small allocations that die together (string heaps, hash
// table payloads, per-query scratch). Not thread-safe; each thread or vector owns its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace switchboard {

class MemoryTracker;

class Arena {
 public:
  /// `tracker` (optional, not owned) is charged for every block and must outlive the arena.
  explicit Arena(size_t initial_block_size = 4096, MemoryTracker* tracker = nullptr);
  ~Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) noexcept;
  Arena& operator=(Arena&&) noexcept;

  /// `size` bytes aligned to 8; valid until the arena is destroyed or Reset.
  uint8_t* Allocate(size_t size) {
    size = (size + 7) & ~size_t{7};
    if (static_cast<size_t>(end_ - cursor_) < size) return AllocateSlow(size);
    uint8_t* result = cursor_;
    cursor_ += size;
    return result;
  }

  /// Copies `size` bytes into the arena.
  uint8_t* Copy(const void* data, size_t size);

  /// Frees every block but the first; all earlier allocations become invalid.
  void Reset();

  /// Bytes held in blocks (not bytes handed out).
  size_t bytes_reserved() const { return bytes_reserved_; }

 private:
  uint8_t* AllocateSlow(size_t size);
  void Release();

  struct Block {
    std::unique_ptr<uint8_t[]> data;
    size_t size;
  };
  std::vector<Block> blocks_;
  uint8_t* cursor_ = nullptr;
  uint8_t* end_ = nullptr;
  size_t next_block_size_;
  size_t bytes_reserved_ = 0;
  MemoryTracker* tracker_;
};

}  // namespace switchboard
