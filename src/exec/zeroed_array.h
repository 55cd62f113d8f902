// ZeroedArray: a zero-filled array for hash-table slots, mapped straight from the kernel so that
// large ones can use transparent huge pages (random probes then miss the TLB far less often).
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

namespace switchboard {

/// Owns `size` zero-initialised elements of a trivially copyable T (zero must be a valid T).
/// Arrays of 2 MiB or more are mapped from the kernel and backed by huge pages where it allows
/// (madvise mode), their pages touched only when written; smaller ones come from calloc. Movable, not copyable; not thread-safe.
template <typename T>
class ZeroedArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  ZeroedArray() = default;
  explicit ZeroedArray(size_t size) : size_(size) {
    if (size_ == 0) return;
    void* memory;
    if (mapped()) {
      memory = mmap(nullptr, bytes(), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (memory == MAP_FAILED) throw std::bad_alloc();
      madvise(memory, bytes(), MADV_HUGEPAGE);
    } else {
      memory = std::calloc(size_, sizeof(T));
      if (!memory) throw std::bad_alloc();
    }
    data_ = static_cast<T*>(memory);
  }
  ~ZeroedArray() { Release(); }
  ZeroedArray(ZeroedArray&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  ZeroedArray& operator=(ZeroedArray&& other) noexcept {
    if (this != &other) {
      Release();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
    }
    return *this;
  }
  ZeroedArray(const ZeroedArray&) = delete;
  ZeroedArray& operator=(const ZeroedArray&) = delete;

  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  static constexpr size_t kHugePageBytes = size_t{2} << 20;
  size_t bytes() const { return size_ * sizeof(T); }
  bool mapped() const { return bytes() >= kHugePageBytes; }
  void Release() {
    if (data_ && mapped()) munmap(data_, bytes());
    else std::free(data_);
    data_ = nullptr;
    size_ = 0;
  }

  T* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace switchboard
