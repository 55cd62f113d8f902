// Helpers that write generated text straight into a string column of a block, without an
// allocation per value.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "types/datetime.h"
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

/// Replaces the contents of `buffer` (keeping its capacity) with the formatted text.
template <typename... Args>
std::string_view FormatInto(std::string& buffer, fmt::format_string<Args...> format,
                            Args&&... args) {
  buffer.clear();
  fmt::format_to(std::back_inserter(buffer), format, std::forward<Args>(args)...);
  return buffer;
}

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

/// Writes 'YYYY-MM-DD<separator>HH:MM:SS' and, with millis, '.fff' for a timestamp in
/// microseconds since the epoch (years 0..9999); returns the end (at most 23 bytes).
inline char* WriteTimestamp(char* out, int64_t micros, char separator, bool millis) {
  auto days = static_cast<int32_t>(FloorDiv(micros, kMicrosPerDay));
  int64_t in_day = micros - int64_t{days} * kMicrosPerDay;
  int64_t year;
  int month;
  int day;
  Date::ToCivil(days, year, month, day);
  out = WriteZeroPadded(out, static_cast<uint64_t>(year), 4);
  *out++ = '-';
  out = WriteZeroPadded(out, static_cast<uint64_t>(month), 2);
  *out++ = '-';
  out = WriteZeroPadded(out, static_cast<uint64_t>(day), 2);
  *out++ = separator;
  out = WriteZeroPadded(out, static_cast<uint64_t>(in_day / kMicrosPerHour), 2);
  *out++ = ':';
  out = WriteZeroPadded(out, static_cast<uint64_t>(in_day / kMicrosPerMinute % 60), 2);
  *out++ = ':';
  out = WriteZeroPadded(out, static_cast<uint64_t>(in_day / kMicrosPerSecond % 60), 2);
  if (millis) {
    *out++ = '.';
    out = WriteZeroPadded(out, static_cast<uint64_t>(in_day / kMicrosPerMilli % 1000), 3);
  }
  return out;
}

/// Appends WriteTimestamp's text to `out`.
inline void AppendTimestamp(std::string& out, int64_t micros, char separator, bool millis) {
  char text[24];
  out.append(text, WriteTimestamp(text, micros, separator, millis));
}

inline char* WriteText(char* out, std::string_view text) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

}  // namespace switchboard
