// StringView: the 16-byte in-vector representation of VARCHAR, CHAR, VARBINARY and JSON values.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace switchboard {

/// A non-owning string reference. Strings of up to 12 bytes are stored inline; longer ones keep a
/// 4-byte prefix inline and point at bytes owned elsewhere (a vector's string heap, a decoded
/// Parquet page, a hash table's arena). The first 8 bytes (size + prefix) make most comparisons
/// one load.
class StringView {
 public:
  static constexpr uint32_t kInlineLength = 12;

  StringView() : size_(0) { std::memset(prefix_, 0, sizeof(prefix_) + sizeof(value_)); }
  StringView(const char* data, uint32_t size) : size_(size) {
    if (size <= kInlineLength) {
      std::memset(prefix_, 0, sizeof(prefix_) + sizeof(value_));
      if (size > 0) std::memcpy(prefix_, data, size);
    } else {
      std::memcpy(prefix_, data, sizeof(prefix_));
      value_.data = data;
    }
  }
  explicit StringView(std::string_view s) : StringView(s.data(), static_cast<uint32_t>(s.size())) {}

  uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  bool IsInline() const { return size_ <= kInlineLength; }
  const char* data() const { return IsInline() ? prefix_ : value_.data; }
  std::string_view view() const { return {data(), size_}; }
  std::string str() const { return std::string(data(), size_); }

  bool operator==(const StringView& other) const {
    uint64_t a;
    uint64_t b;
    std::memcpy(&a, this, 8);
    std::memcpy(&b, &other, 8);
    if (a != b) return false;  // size or prefix differs
    if (IsInline()) return std::memcmp(value_.inlined, other.value_.inlined, 8) == 0;
    return std::memcmp(value_.data, other.value_.data, size_) == 0;
  }
  bool operator!=(const StringView& other) const { return !(*this == other); }

  /// Byte-wise comparison (UTF-8 code point order for valid UTF-8): <0, 0, >0.
  int Compare(const StringView& other) const {
    uint32_t common = size_ < other.size_ ? size_ : other.size_;
    int prefix = std::memcmp(prefix_, other.prefix_, common < 4 ? common : 4);
    if (prefix != 0 || common <= 4) {
      if (prefix != 0) return prefix;
      return size_ < other.size_ ? -1 : (size_ > other.size_ ? 1 : 0);
    }
    int rest = std::memcmp(data() + 4, other.data() + 4, common - 4);
    if (rest != 0) return rest;
    return size_ < other.size_ ? -1 : (size_ > other.size_ ? 1 : 0);
  }
  bool operator<(const StringView& other) const { return Compare(other) < 0; }
  bool operator>(const StringView& other) const { return Compare(other) > 0; }
  bool operator<=(const StringView& other) const { return Compare(other) <= 0; }
  bool operator>=(const StringView& other) const { return Compare(other) >= 0; }

 private:
  uint32_t size_;
  char prefix_[4];
  union {
    char inlined[8];
    const char* data;
  } value_;
};

static_assert(sizeof(StringView) == 16);

}  // namespace switchboard
