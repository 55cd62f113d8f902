// UTF-8 validation and Unicode case mapping.
#include "function/utf8.h"

#include <locale>

namespace switchboard {
namespace utf8 {

size_t ValidSequenceLength(std::string_view text, size_t offset) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(offset);
  if (lead < 0x80) return 1;
  size_t length;
  char32_t min;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (offset + length > text.size()) return 0;
  char32_t value = lead & (0x7F >> length);
  for (size_t i = 1; i < length; ++i) {
    unsigned char next = byte(offset + i);
    if ((next & 0xC0) != 0x80) return 0;
    value = (value << 6) | (next & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  return length;
}

bool IsValid(std::string_view text) {
  if (IsAscii(text)) return true;
  for (size_t offset = 0; offset < text.size();) {
    size_t length = ValidSequenceLength(text, offset);
    if (length == 0) return false;
    offset += length;
  }
  return true;
}

void AppendCaseMapped(std::string& out, std::string_view text, bool upper,
                      std::u32string& scratch) {
  if (IsAscii(text)) {
    size_t start = out.size();
    out.append(text);
    for (size_t i = start; i < out.size(); ++i) {
      char c = out[i];
      if (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z'))
        out[i] = static_cast<char>(c ^ 0x20);
    }
    return;
  }
  // glibc's C.UTF-8 locale carries Unicode's simple case mappings; wchar_t is UTF-32 on Linux.
  static_assert(sizeof(wchar_t) == sizeof(char32_t));
  static const std::locale locale("C.UTF-8");
  static const std::ctype<wchar_t>& facet = std::use_facet<std::ctype<wchar_t>>(locale);
  scratch.clear();
  for (size_t offset = 0; offset < text.size();) scratch.push_back(Decode(text, offset));
  wchar_t* begin = reinterpret_cast<wchar_t*>(scratch.data());
  wchar_t* end = begin + scratch.size();
  if (upper) {
    facet.toupper(begin, end);
  } else {
    facet.tolower(begin, end);
  }
  for (char32_t c : scratch) Append(out, c);
}

void AppendReplacingMalformed(std::string& out, std::string_view bytes,
                              std::string_view replacement) {
  for (size_t offset = 0; offset < bytes.size();) {
    size_t length = ValidSequenceLength(bytes, offset);
    if (length == 0) {
      out.append(replacement);
      ++offset;
      while (offset < bytes.size() && (static_cast<unsigned char>(bytes[offset]) & 0xC0) == 0x80 &&
             ValidSequenceLength(bytes, offset) == 0) {
        ++offset;
      }
    } else {
      out.append(bytes.substr(offset, length));
      offset += length;
    }
  }
}

}  // namespace utf8
}  // namespace switchboard
