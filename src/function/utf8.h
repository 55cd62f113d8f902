// UTF-8 code point helpers for string kernels: decoding, encoding, counting and positioning.
// Functions count code points, as Trino does; invalid bytes count as one code point each.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace switchboard {
namespace utf8 {

/// Bytes in the sequence that starts with `lead` (1 for ASCII, continuation or invalid bytes).
inline int SequenceLength(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 1;
}

/// True when every byte of `text` is ASCII (the fast path of most kernels).
inline bool IsAscii(std::string_view text) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    __builtin_memcpy(&word, p + i, 8);
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; i < n; ++i) {
    if (p[i] & 0x80) return false;
  }
  return true;
}

/// Number of code points in `text`.
inline int64_t Length(std::string_view text) {
  int64_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

/// Byte offset of code point `index` (0-based) from the start, or text.size() past the end.
inline size_t OffsetOf(std::string_view text, int64_t index) {
  size_t offset = 0;
  while (index > 0 && offset < text.size()) {
    offset += SequenceLength(static_cast<unsigned char>(text[offset]));
    --index;
  }
  return offset < text.size() ? offset : text.size();
}

/// Decodes the code point at `offset` and advances it; malformed bytes decode as U+FFFD and
/// advance by one byte.
inline char32_t Decode(std::string_view text, size_t& offset) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(offset);
  if (lead < 0x80) {
    ++offset;
    return lead;
  }
  int length = SequenceLength(lead);
  if (length == 1 || offset + length > text.size()) {
    ++offset;
    return 0xFFFD;
  }
  char32_t value = lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    unsigned char next = byte(offset + i);
    if ((next & 0xC0) != 0x80) {
      ++offset;
      return 0xFFFD;
    }
    value = (value << 6) | (next & 0x3F);
  }
  offset += length;
  return value;
}

/// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool IsValid(std::string_view text);

/// Length in bytes of the valid sequence at `offset`, or 0 when the bytes there are malformed.
size_t ValidSequenceLength(std::string_view text, size_t offset);

/// Appends `bytes`, replacing each malformed sequence (a bad lead byte with the continuation
/// bytes after it) with `replacement`.
void AppendReplacingMalformed(std::string& out, std::string_view bytes,
                              std::string_view replacement);

/// Appends the UTF-8 encoding of `code_point` (which must be at most U+10FFFF).
inline void Append(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

/// Appends `text` with every code point mapped to lower (or upper) case by Unicode's simple case
/// mapping. `scratch` is reused between calls to avoid allocations.
void AppendCaseMapped(std::string& out, std::string_view text, bool upper, std::u32string& scratch);

}  // namespace utf8
}  // namespace switchboard
