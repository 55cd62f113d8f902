// Helpers that write generated text straight into a string column of a block, without an
// allocation per value.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "types/string_view.h"
#include "types/vector.h"

namespace switchboard {

/// Appends values to rows of a flat string column from one buffer in the column's heap, sized
/// by the caller for all the values it will write.
class ColumnTextWriter {
 public:
  ColumnTextWriter(Vector& column, size_t max_bytes)
      : values_(column.data<StringView>()), cursor_(column.string_heap().Allocate(max_bytes)) {}

  /// Where the next value goes.
  char* cursor() { return cursor_; }
  /// Makes the `length` bytes written at cursor() the value of `row`.
  void Commit(idx_t row, size_t length) {
    values_[row] = StringView(cursor_, static_cast<uint32_t>(length));
    cursor_ += length;
  }
  void Set(idx_t row, std::string_view text) {
    std::memcpy(cursor_, text.data(), text.size());
    Commit(row, text.size());
  }

 private:
  StringView* values_;
  char* cursor_;
};

/// Writes `value` (non-negative) as exactly `width` decimal digits, zero-padded; returns the
/// end.
inline char* WriteZeroPadded(char* out, uint64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

/// Writes `value` in decimal without padding; returns the end.
inline char* WriteDecimal(char* out, uint64_t value) {
  char digits[20];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (count > 0) *out++ = digits[--count];
  return out;
}

inline char* WriteText(char* out, std::string_view text) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

}  // namespace switchboard
