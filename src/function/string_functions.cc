// String functions on UTF-8 varchar values (positions and lengths count code points, as in
// Trino): case mapping, trimming, padding, substrings, searching, splitting, replacing,
// concatenation, edit distances, code point and UTF-8 conversions.
#include <algorithm>
#include <string>

#include "common/error.h"
#include "function/bind_util.h"
#include "function/cast.h"
#include "function/function_registry.h"
#include "function/java_format.h"
#include "function/nested_vector.h"
#include "function/scalar_executor.h"
#include "function/utf8.h"

namespace switchboard {

namespace {

LogicalType Varchar() { return LogicalType::Varchar(); }

// ----- length, case ----------------------------------------------------------------------------

void LengthKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<StringView, int64_t>(args.column(0), result, args.size(),
                                    [](StringView s) { return utf8::Length(s.view()); });
}

void ByteLengthKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<StringView, int64_t>(args.column(0), result, args.size(),
                                    [](StringView s) { return static_cast<int64_t>(s.size()); });
}

template <bool kUpper>
void CaseKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  std::u32string scratch;
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView s) {
    buffer.clear();
    utf8::AppendCaseMapped(buffer, s.view(), kUpper, scratch);
    return result.AddString(buffer);
  });
}

// ----- trim --------------------------------------------------------------------------------------

// The code points Trino's trim functions remove: Java's whitespace, without the no-break spaces.
bool IsWhitespace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x205F || c == 0x3000;
}

// The code point ending just before byte `end` and where it starts.
char32_t DecodeBackward(std::string_view text, size_t end, size_t& start) {
  start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && end - start < 4)
    --start;
  size_t offset = start;
  char32_t c = utf8::Decode(text, offset);
  if (offset != end) {  // malformed: treat the last byte alone
    start = end - 1;
    return 0xFFFD;
  }
  return c;
}

template <bool kLeft, bool kRight, typename Predicate>
std::string_view Trim(std::string_view text, Predicate&& remove) {
  size_t begin = 0, end = text.size();
  if constexpr (kLeft) {
    while (begin < end) {
      size_t next = begin;
      if (!remove(utf8::Decode(text, next))) break;
      begin = next;
    }
  }
  if constexpr (kRight) {
    while (end > begin) {
      size_t start;
      if (!remove(DecodeBackward(text, end, start))) break;
      end = start;
    }
  }
  return text.substr(begin, end - begin);
}

template <bool kLeft, bool kRight>
void TrimWhitespaceKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView s) {
    return result.AddString(Trim<kLeft, kRight>(s.view(), IsWhitespace));
  });
}

template <bool kLeft, bool kRight>
void TrimCharactersKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::u32string set;
  ExecuteBinary<StringView, StringView, StringView>(
      args.column(0), args.column(1), result, args.size(),
      [&](StringView s, StringView characters) {
        set.clear();
        std::string_view c = characters.view();
        for (size_t offset = 0; offset < c.size();) set.push_back(utf8::Decode(c, offset));
        auto remove = [&](char32_t cp) {
          return std::find(set.begin(), set.end(), cp) != set.end();
        };
        return result.AddString(Trim<kLeft, kRight>(s.view(), remove));
      });
}

// ----- padding, substrings -----------------------------------------------------------------------

template <bool kLeft>
void PadKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteTernary<StringView, int64_t, StringView, StringView>(
      args.column(0), args.column(1), args.column(2), result, args.size(),
      [&](StringView s, int64_t size, StringView pad, ValidityMask&, idx_t) {
        SB_USER_CHECK(size >= 0 && size <= std::numeric_limits<int32_t>::max(), kInvalidParameter,
                      "Target length must be in the range [0..2147483647]");
        SB_USER_CHECK(!pad.empty(), kInvalidParameter, "Padding string must not be empty");
        std::string_view text = s.view(), padding = pad.view();
        int64_t length = utf8::Length(text);
        if (length >= size) return result.AddString(text.substr(0, utf8::OffsetOf(text, size)));
        int64_t fill = size - length;
        int64_t pad_length = utf8::Length(padding);
        buffer.clear();
        if (!kLeft) buffer.append(text);
        for (int64_t whole = fill / pad_length; whole > 0; --whole) buffer.append(padding);
        buffer.append(padding.substr(0, utf8::OffsetOf(padding, fill % pad_length)));
        if (kLeft) buffer.append(text);
        return result.AddString(buffer);
      });
}

// Trino's substring: 1-based start counting code points, negative start from the end, an empty
// string when the start lies outside the string or the length is not positive.
std::string_view Substring(std::string_view text, int64_t start, int64_t length) {
  if (start == 0 || length <= 0 || text.empty()) return {};
  if (start < 0) {
    start += utf8::Length(text) + 1;
    if (start < 1) return {};
  }
  size_t begin = utf8::OffsetOf(text, start - 1);
  if (begin >= text.size()) return {};
  size_t end = begin + utf8::OffsetOf(text.substr(begin), length);
  return text.substr(begin, end - begin);
}

void SubstringKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<StringView, int64_t, StringView>(
      args.column(0), args.column(1), result, args.size(), [&](StringView s, int64_t start) {
        return result.AddString(Substring(s.view(), start, std::numeric_limits<int64_t>::max()));
      });
}

void SubstringLengthKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteTernary<StringView, int64_t, int64_t, StringView>(
      args.column(0), args.column(1), args.column(2), result, args.size(),
      [&](StringView s, int64_t start, int64_t length, ValidityMask&, idx_t) {
        return result.AddString(Substring(s.view(), start, length));
      });
}

// ----- searching ---------------------------------------------------------------------------------

// Code point position (1-based) of the `instance`-th occurrence of `needle` (from the end for a
// negative instance), 0 when there is none.
int64_t FindInstance(std::string_view text, std::string_view needle, int64_t instance) {
  SB_USER_CHECK(instance != 0, kInvalidParameter,
                "'instance' must be a positive or negative number.");
  if (needle.empty()) return instance > 0 ? 1 : utf8::Length(text) + 1;
  size_t at = std::string_view::npos;
  if (instance > 0) {
    size_t from = 0;
    for (; instance > 0; --instance) {
      at = text.find(needle, from);
      if (at == std::string_view::npos) return 0;
      from = at + 1;
    }
  } else {
    size_t before = text.size();
    for (; instance < 0; ++instance) {
      if (before == 0 && at != std::string_view::npos) return 0;
      at = text.rfind(needle, before == text.size() ? std::string_view::npos : before - 1);
      if (at == std::string_view::npos) return 0;
      before = at;
    }
  }
  return utf8::Length(text.substr(0, at)) + 1;
}

void StrposKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<StringView, StringView, int64_t>(
      args.column(0), args.column(1), result, args.size(),
      [](StringView s, StringView needle) { return FindInstance(s.view(), needle.view(), 1); });
}

void StrposInstanceKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteTernary<StringView, StringView, int64_t, int64_t>(
      args.column(0), args.column(1), args.column(2), result, args.size(),
      [](StringView s, StringView needle, int64_t instance, ValidityMask&, idx_t) {
        return FindInstance(s.view(), needle.view(), instance);
      });
}

// position(substring IN string): the arguments in the order the syntax names them.
void PositionKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<StringView, StringView, int64_t>(
      args.column(0), args.column(1), result, args.size(),
      [](StringView needle, StringView s) { return FindInstance(s.view(), needle.view(), 1); });
}

template <bool kPrefix>
void AffixKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<StringView, StringView, bool>(
      args.column(0), args.column(1), result, args.size(), [](StringView s, StringView affix) {
        std::string_view t = s.view(), a = affix.view();
        if (a.size() > t.size()) return false;
        return kPrefix ? t.substr(0, a.size()) == a : t.substr(t.size() - a.size()) == a;
      });
}

// ----- replace, reverse, translate
// -----------------------------------------------------------------

// Appends `text` with every occurrence of `search` replaced; an empty search inserts the
// replacement before every code point and at the end.
void AppendReplaced(std::string& out, std::string_view text, std::string_view search,
                    std::string_view replacement) {
  if (search.empty()) {
    for (size_t offset = 0; offset < text.size();) {
      out.append(replacement);
      size_t next = offset + utf8::SequenceLength(static_cast<unsigned char>(text[offset]));
      out.append(text.substr(offset, next - offset));
      offset = next;
    }
    out.append(replacement);
    return;
  }
  size_t from = 0;
  for (size_t at; (at = text.find(search, from)) != std::string_view::npos;
       from = at + search.size()) {
    out.append(text.substr(from, at - from));
    out.append(replacement);
  }
  out.append(text.substr(from));
}

void RemoveKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteBinary<StringView, StringView, StringView>(
      args.column(0), args.column(1), result, args.size(), [&](StringView s, StringView search) {
        if (search.empty()) return result.AddString(s.view());
        buffer.clear();
        AppendReplaced(buffer, s.view(), search.view(), {});
        return result.AddString(buffer);
      });
}

void ReplaceKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteTernary<StringView, StringView, StringView, StringView>(
      args.column(0), args.column(1), args.column(2), result, args.size(),
      [&](StringView s, StringView search, StringView replacement, ValidityMask&, idx_t) {
        buffer.clear();
        AppendReplaced(buffer, s.view(), search.view(), replacement.view());
        return result.AddString(buffer);
      });
}

void ReverseKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView s) {
    std::string_view text = s.view();
    buffer.assign(text.size(), '\0');
    size_t write = text.size();
    for (size_t offset = 0; offset < text.size();) {
      size_t length = std::min<size_t>(
          utf8::SequenceLength(static_cast<unsigned char>(text[offset])), text.size() - offset);
      write -= length;
      buffer.replace(write, length, text.substr(offset, length));
      offset += length;
    }
    return result.AddString(buffer);
  });
}

void ReverseBytesKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView s) {
    buffer.assign(s.view().rbegin(), s.view().rend());
    return result.AddString(buffer);
  });
}

void TranslateKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::u32string from, to;
  std::string buffer;
  ExecuteTernary<StringView, StringView, StringView, StringView>(
      args.column(0), args.column(1), args.column(2), result, args.size(),
      [&](StringView s, StringView from_text, StringView to_text, ValidityMask&, idx_t) {
        from.clear();
        to.clear();
        std::string_view f = from_text.view(), t = to_text.view(), text = s.view();
        for (size_t o = 0; o < f.size();) from.push_back(utf8::Decode(f, o));
        for (size_t o = 0; o < t.size();) to.push_back(utf8::Decode(t, o));
        buffer.clear();
        for (size_t o = 0; o < text.size();) {
          size_t start = o;
          char32_t c = utf8::Decode(text, o);
          auto it = std::find(from.begin(), from.end(), c);
          if (it == from.end()) {
            buffer.append(text.substr(start, o - start));
          } else if (size_t index = static_cast<size_t>(it - from.begin()); index < to.size()) {
            utf8::Append(buffer, to[index]);
          }
        }
        return result.AddString(buffer);
      });
}

// ----- concatenation -----------------------------------------------------------------------------

void ConcatKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t arity = args.ColumnCount();
  std::vector<UnifiedFormat> formats(arity);
  for (idx_t a = 0; a < arity; ++a) args.column(a).ToUnifiedFormat(args.size(), formats[a]);
  std::string buffer;
  StringView* out = result.data<StringView>();
  for (idx_t i = 0; i < args.size(); ++i) {
    buffer.clear();
    bool null = false;
    for (idx_t a = 0; a < arity && !null; ++a) {
      idx_t index = formats[a].sel->get_index(i);
      if (!formats[a].validity->RowIsValid(index)) {
        null = true;
      } else {
        buffer.append(formats[a].GetData<StringView>()[index].view());
      }
    }
    if (null) {
      result.SetNull(i);
    } else {
      out[i] = result.AddString(buffer);
    }
  }
}

// concat_ws(separator, string...): NULL strings are skipped; a NULL separator gives NULL.
void ConcatWsKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t arity = args.ColumnCount();
  std::vector<UnifiedFormat> formats(arity);
  for (idx_t a = 0; a < arity; ++a) args.column(a).ToUnifiedFormat(args.size(), formats[a]);
  std::string buffer;
  StringView* out = result.data<StringView>();
  for (idx_t i = 0; i < args.size(); ++i) {
    idx_t separator_index = formats[0].sel->get_index(i);
    if (!formats[0].validity->RowIsValid(separator_index)) {
      result.SetNull(i);
      continue;
    }
    std::string_view separator = formats[0].GetData<StringView>()[separator_index].view();
    buffer.clear();
    bool first = true;
    for (idx_t a = 1; a < arity; ++a) {
      idx_t index = formats[a].sel->get_index(i);
      if (!formats[a].validity->RowIsValid(index)) continue;
      if (!first) buffer.append(separator);
      buffer.append(formats[a].GetData<StringView>()[index].view());
      first = false;
    }
    out[i] = result.AddString(buffer);
  }
}

void ConcatWsArrayKernel(DataChunk& args, FunctionContext&, Vector& result) {
  UnifiedFormat separators;
  args.column(0).ToUnifiedFormat(args.size(), separators);
  ListView arrays(args.column(1), args.size());
  const Vector& elements = arrays.child();
  const StringView* strings = elements.data<StringView>();
  StringView* out = result.data<StringView>();
  std::string buffer;
  for (idx_t i = 0; i < args.size(); ++i) {
    idx_t si = separators.sel->get_index(i);
    if (!separators.validity->RowIsValid(si) || !arrays.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    std::string_view separator = separators.GetData<StringView>()[si].view();
    const ListEntry& entry = arrays.Entry(i);
    buffer.clear();
    bool first = true;
    for (uint32_t k = 0; k < entry.length; ++k) {
      if (!IsValidAt(elements, entry.offset + k)) continue;
      if (!first) buffer.append(separator);
      buffer.append(strings[entry.offset + k].view());
      first = false;
    }
    out[i] = result.AddString(buffer);
  }
}

// ----- split -------------------------------------------------------------------------------------

void SplitRows(DataChunk& args, Vector& result, bool has_limit) {
  UnifiedFormat text_format, delimiter_format, limit_format;
  args.column(0).ToUnifiedFormat(args.size(), text_format);
  args.column(1).ToUnifiedFormat(args.size(), delimiter_format);
  if (has_limit) args.column(2).ToUnifiedFormat(args.size(), limit_format);
  ListWriter writer(result);
  for (idx_t i = 0; i < args.size(); ++i) {
    idx_t ti = text_format.sel->get_index(i), di = delimiter_format.sel->get_index(i);
    idx_t li = has_limit ? limit_format.sel->get_index(i) : 0;
    if (!text_format.validity->RowIsValid(ti) || !delimiter_format.validity->RowIsValid(di) ||
        (has_limit && !limit_format.validity->RowIsValid(li))) {
      result.SetNull(i);
      continue;
    }
    std::string_view text = text_format.GetData<StringView>()[ti].view();
    std::string_view delimiter = delimiter_format.GetData<StringView>()[di].view();
    int64_t limit =
        has_limit ? limit_format.GetData<int64_t>()[li] : std::numeric_limits<int64_t>::max();
    SB_USER_CHECK(!delimiter.empty(), kInvalidParameter,
                  "The delimiter may not be the empty string");
    SB_USER_CHECK(limit > 0, kInvalidParameter, "Limit must be positive");
    idx_t start = writer.size();
    size_t from = 0;
    for (int64_t parts = 1;; ++parts) {
      size_t at = parts < limit ? text.find(delimiter, from) : std::string_view::npos;
      size_t end = at == std::string_view::npos ? text.size() : at;
      Vector& child = writer.Reserve(1);
      child.data<StringView>()[writer.size()] = child.AddString(text.substr(from, end - from));
      writer.Advance(1);
      if (at == std::string_view::npos) break;
      from = at + delimiter.size();
    }
    writer.EndRow(i, start);
  }
  writer.Finish();
}

void SplitKernel(DataChunk& args, FunctionContext&, Vector& result) {
  SplitRows(args, result, false);
}
void SplitLimitKernel(DataChunk& args, FunctionContext&, Vector& result) {
  SplitRows(args, result, true);
}

void SplitPartKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteTernary<StringView, StringView, int64_t, StringView>(
      args.column(0), args.column(1), args.column(2), result, args.size(),
      [&](StringView s, StringView delimiter_view, int64_t index, ValidityMask& mask, idx_t row) {
        SB_USER_CHECK(index > 0, kInvalidParameter, "Index must be greater than zero");
        std::string_view text = s.view(), delimiter = delimiter_view.view();
        if (delimiter.empty()) {
          if (index == 1) return result.AddString(text);
          mask.SetInvalid(row);
          return StringView();
        }
        size_t from = 0;
        for (int64_t part = 1; part < index; ++part) {
          size_t at = text.find(delimiter, from);
          if (at == std::string_view::npos) {
            mask.SetInvalid(row);
            return StringView();
          }
          from = at + delimiter.size();
        }
        size_t end = text.find(delimiter, from);
        return result.AddString(
            text.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from));
      });
}

// ----- distances ---------------------------------------------------------------------------------

void LevenshteinKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::u32string a, b;
  std::vector<int64_t> row;
  ExecuteBinary<StringView, StringView, int64_t>(
      args.column(0), args.column(1), result, args.size(),
      [&](StringView left, StringView right) -> int64_t {
        a.clear();
        b.clear();
        std::string_view l = left.view(), r = right.view();
        for (size_t o = 0; o < l.size();) a.push_back(utf8::Decode(l, o));
        for (size_t o = 0; o < r.size();) b.push_back(utf8::Decode(r, o));
        SB_USER_CHECK(a.size() * b.size() <= 1000000, kInvalidParameter,
                      "The combined inputs for Levenshtein distance are too large");
        if (a.empty()) return static_cast<int64_t>(b.size());
        row.resize(b.size() + 1);
        for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int64_t>(j);
        for (size_t i = 1; i <= a.size(); ++i) {
          int64_t diagonal = row[0];
          row[0] = static_cast<int64_t>(i);
          for (size_t j = 1; j <= b.size(); ++j) {
            int64_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
          }
        }
        return row[b.size()];
      });
}

void HammingKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinary<StringView, StringView, int64_t>(
      args.column(0), args.column(1), result, args.size(),
      [](StringView left, StringView right) -> int64_t {
        std::string_view l = left.view(), r = right.view();
        int64_t distance = 0;
        size_t i = 0, j = 0;
        while (i < l.size() && j < r.size()) distance += utf8::Decode(l, i) != utf8::Decode(r, j);
        SB_USER_CHECK(i == l.size() && j == r.size(), kInvalidParameter,
                      "The input strings to hamming_distance function must have the same length");
        return distance;
      });
}

// ----- code points and UTF-8
// -----------------------------------------------------------------------

void CheckCodePoint(int64_t code_point) {
  SB_USER_CHECK(
      code_point >= 0 && code_point <= 0x10FFFF && !(code_point >= 0xD800 && code_point <= 0xDFFF),
      kInvalidParameter, "Not a valid Unicode code point: {}", code_point);
}

void ChrKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteUnary<int64_t, StringView>(args.column(0), result, args.size(), [&](int64_t code_point) {
    CheckCodePoint(code_point);
    buffer.clear();
    utf8::Append(buffer, static_cast<char32_t>(code_point));
    return result.AddString(buffer);
  });
}

void CodepointKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<StringView, int32_t>(args.column(0), result, args.size(), [](StringView s) {
    std::string_view text = s.view();
    size_t offset = 0;
    SB_USER_CHECK(!text.empty(), kInvalidParameter,
                  "Input string must be a single character string");
    char32_t c = utf8::Decode(text, offset);
    SB_USER_CHECK(offset == text.size(), kInvalidParameter,
                  "Input string must be a single character string");
    return static_cast<int32_t>(c);
  });
}

void ToUtf8Kernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(),
                                       [&](StringView s) { return result.AddString(s.view()); });
}

// Replaces each malformed sequence of `bytes` with `replacement`.
StringView FromUtf8(std::string_view bytes, std::string_view replacement, std::string& buffer,
                    Vector& result) {
  if (utf8::IsValid(bytes)) return result.AddString(bytes);
  buffer.clear();
  utf8::AppendReplacingMalformed(buffer, bytes, replacement);
  return result.AddString(buffer);
}

void FromUtf8Kernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView s) {
    return FromUtf8(s.view(), "\xEF\xBF\xBD", buffer, result);
  });
}

void ToHexKernel(DataChunk& args, FunctionContext&, Vector& result) {
  static const char kDigits[] = "0123456789ABCDEF";
  std::string buffer;
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView s) {
    buffer.clear();
    for (unsigned char c : s.view()) {
      buffer.push_back(kDigits[c >> 4]);
      buffer.push_back(kDigits[c & 15]);
    }
    return result.AddString(buffer);
  });
}

void FromHexKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView s) {
    std::string_view text = s.view();
    SB_USER_CHECK(text.size() % 2 == 0, kInvalidParameter, "invalid input length {} for from_hex",
                  text.size());
    buffer.clear();
    for (size_t i = 0; i < text.size(); i += 2) {
      int high = digit(text[i]);
      int low = digit(text[i + 1]);
      SB_USER_CHECK(high >= 0 && low >= 0, kInvalidParameter,
                    "invalid hex character in from_hex: '{}'", text.substr(i, 2));
      buffer.push_back(static_cast<char>(high * 16 + low));
    }
    return result.AddString(buffer);
  });
}

void FromUtf8ReplaceKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteBinary<StringView, StringView, StringView>(
      args.column(0), args.column(1), result, args.size(),
      [&](StringView s, StringView replacement) {
        SB_USER_CHECK(utf8::Length(replacement.view()) <= 1, kInvalidParameter,
                      "Replacement character string must empty or a single character");
        return FromUtf8(s.view(), replacement.view(), buffer, result);
      });
}

void FromUtf8CodePointKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer, replacement;
  ExecuteBinary<StringView, int64_t, StringView>(
      args.column(0), args.column(1), result, args.size(), [&](StringView s, int64_t code_point) {
        CheckCodePoint(code_point);
        replacement.clear();
        utf8::Append(replacement, static_cast<char32_t>(code_point));
        return FromUtf8(s.view(), replacement, buffer, result);
      });
}

void LuhnCheckKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnaryWithNulls<StringView, bool>(
      args.column(0), result, args.size(), [](StringView s, ValidityMask&, idx_t) {
        std::string_view digits = s.view();
        if (digits.empty()) return false;
        int sum = 0;
        bool twice = false;
        for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
          SB_USER_CHECK(*it >= '0' && *it <= '9', kInvalidParameter,
                        "Input string must contain only digits");
          int d = *it - '0';
          if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
          sum += d;
          twice = !twice;
        }
        return sum % 10 == 0;
      });
}

// ----- format ------------------------------------------------------------------------------------

/// A constant format string, parsed and checked against the argument types at bind time.
struct FormatData : FunctionData {
  explicit FormatData(JavaFormat parsed) : format(std::move(parsed)) {}
  JavaFormat format;
};

std::unique_ptr<FunctionData> BindFormat(ScalarFunction& function,
                                         const std::vector<LogicalType>& types,
                                         const std::vector<std::optional<Value>>& constants) {
  auto text = ConstantString(constants, 0);
  if (!text) return nullptr;
  JavaFormat format = JavaFormat::Parse(*text);
  format.Check(std::vector<LogicalType>(types.begin() + 1, types.end()));
  return std::make_unique<FormatData>(std::move(format));
}

void FormatKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  const JavaFormat* bound =
      context.bind_data ? &static_cast<const FormatData&>(*context.bind_data).format : nullptr;
  std::vector<const Vector*> arguments;
  std::vector<LogicalType> types;
  std::vector<Vector> texts;
  for (idx_t a = 1; a < args.ColumnCount(); ++a) {
    const Vector& argument = args.column(a);
    arguments.push_back(&argument);
    types.push_back(argument.type());
    texts.emplace_back(LogicalType::Varchar(), std::max<idx_t>(count, 1));
    if (argument.type().id() != TypeId::kUnknown && (!bound || bound->NeedsText(a - 1))) {
      FormatVector(argument, texts.back(), count);
    }
  }
  UnifiedFormat formats;
  args.column(0).ToUnifiedFormat(count, formats);
  std::optional<JavaFormat> parsed;
  std::string parsed_text, buffer;
  StringView* out = result.data<StringView>();
  for (idx_t i = 0; i < count; ++i) {
    idx_t index = formats.sel->get_index(i);
    if (!formats.validity->RowIsValid(index)) {
      result.SetNull(i);
      continue;
    }
    const JavaFormat* format = bound;
    if (!format) {
      std::string_view text = formats.GetData<StringView>()[index].view();
      if (!parsed || text != parsed_text) {
        parsed = JavaFormat::Parse(text);
        parsed->Check(types);
        parsed_text.assign(text);
      }
      format = &*parsed;
    }
    buffer.clear();
    format->Append(buffer, arguments, texts, i);
    out[i] = result.AddString(buffer);
  }
}

}  // namespace

void RegisterStringFunctions(FunctionRegistry& registry) {
  const LogicalType v = Varchar();
  const LogicalType b = TypeId::kBigint;
  const LogicalType bin = TypeId::kVarbinary;
  registry.AddScalar(
      SimpleScalar("length", {v}, b, LengthKernel,
                   {"length(string) -> bigint",
                    "Number of characters (code points) in the string, or of bytes in a varbinary.",
                    "length('Zürich') -> 6"}));
  registry.AddScalar(
      SimpleScalar("length", {bin}, b, ByteLengthKernel, {"length(varbinary) -> bigint"}));
  registry.AddScalar(SimpleScalar(
      "lower", {v}, v, CaseKernel<false>,
      {"", "Converts the string to lower case.", "lower('ÉCOLE Road') -> 'école road'"}));
  registry.AddScalar(
      SimpleScalar("upper", {v}, v, CaseKernel<true>,
                   {"", "Converts the string to upper case.", "upper('école') -> 'ÉCOLE'"}));
  registry.AddScalar(
      SimpleScalar("trim", {v}, v, TrimWhitespaceKernel<true, true>,
                   {"trim(string) -> varchar",
                    "Removes leading and trailing whitespace, or the given characters.",
                    "trim('  hello  ') -> 'hello'"}));
  registry.AddScalar(SimpleScalar("trim", {v, v}, v, TrimCharactersKernel<true, true>,
                                  {"trim(string, characters) -> varchar"}));
  registry.AddScalar(SimpleScalar(
      "ltrim", {v}, v, TrimWhitespaceKernel<true, false>,
      {"ltrim(string) -> varchar", "Removes leading whitespace, or the given characters.",
       "ltrim('xxhixx', 'x') -> 'hixx'"}));
  registry.AddScalar(SimpleScalar("ltrim", {v, v}, v, TrimCharactersKernel<true, false>,
                                  {"ltrim(string, characters) -> varchar"}));
  registry.AddScalar(SimpleScalar(
      "rtrim", {v}, v, TrimWhitespaceKernel<false, true>,
      {"rtrim(string) -> varchar", "Removes trailing whitespace, or the given characters.",
       "rtrim('hi!!', '!') -> 'hi'"}));
  registry.AddScalar(SimpleScalar("rtrim", {v, v}, v, TrimCharactersKernel<false, true>,
                                  {"rtrim(string, characters) -> varchar"}));
  registry.AddScalar(SimpleScalar(
      "lpad", {v, b, v}, v, PadKernel<true>,
      {"lpad(string, size, padstring) -> varchar",
       "Left-pads the string to `size` characters with `padstring` (truncating when it is longer).",
       "lpad('7', 3, '0') -> '007'"}));
  registry.AddScalar(SimpleScalar("rpad", {v, b, v}, v, PadKernel<false>,
                                  {"rpad(string, size, padstring) -> varchar",
                                   "Right-pads the string to `size` characters with `padstring`.",
                                   "rpad('ab', 5, 'xy') -> 'abxyx'"}));
  registry.AddScalar(SimpleScalar(
      "substring", {v, b}, v, SubstringKernel,
      {"substring(string, start) -> varchar",
       "The characters from position `start` (1-based; negative counts from the end), optionally "
       "at most `length` of them.",
       "substring('Switchboard', -5, 3) -> 'boa'"}));
  registry.AddScalar(SimpleScalar("substring", {v, b, b}, v, SubstringLengthKernel,
                                  {"substring(string, start, length) -> varchar"}));
  registry.AddAlias("substr", "substring");
  registry.AddScalar(SimpleScalar(
      "strpos", {v, v}, b, StrposKernel,
      {"strpos(string, substring) -> bigint",
       "Position (1-based) of the first, or the n-th (from the end when negative), occurrence of "
       "`substring`; 0 when absent.",
       "strpos('abcabc', 'bc', 2) -> 5"}));
  registry.AddScalar(SimpleScalar("strpos", {v, v, b}, b, StrposInstanceKernel,
                                  {"strpos(string, substring, instance) -> bigint"}));
  registry.AddScalar(SimpleScalar(
      "position", {v, v}, b, PositionKernel,
      {"position(substring, string) -> bigint",
       "POSITION(substring IN string): position (1-based) of the first occurrence, 0 when absent.",
       "position('b' IN 'abc') -> 2"}));
  registry.AddScalar(SimpleScalar(
      "starts_with", {v, v}, TypeId::kBoolean, AffixKernel<true>,
      {"starts_with(string, prefix) -> boolean", "Whether the string begins with `prefix`.",
       "starts_with('agent-7', 'agent') -> true"}));
  registry.AddScalar(SimpleScalar(
      "ends_with", {v, v}, TypeId::kBoolean, AffixKernel<false>,
      {"ends_with(string, suffix) -> boolean", "Whether the string ends with `suffix`.",
       "ends_with('report.csv', '.csv') -> true"}));
  registry.AddScalar(SimpleScalar(
      "replace", {v, v}, v, RemoveKernel,
      {"replace(string, search) -> varchar",
       "Replaces every occurrence of `search` with `replace` (removes them when omitted).",
       "replace('a-b-c', '-', '+') -> 'a+b+c'"}));
  registry.AddScalar(SimpleScalar("replace", {v, v, v}, v, ReplaceKernel,
                                  {"replace(string, search, replace) -> varchar"}));
  registry.AddScalar(SimpleScalar(
      "reverse", {v}, v, ReverseKernel,
      {"reverse(string) -> varchar", "The characters (or varbinary bytes) in reverse order.",
       "reverse('añb') -> 'bña'"}));
  registry.AddScalar(
      SimpleScalar("reverse", {bin}, bin, ReverseBytesKernel, {"reverse(varbinary) -> varbinary"}));
  registry.AddScalar(SimpleScalar(
      "translate", {v, v, v}, v, TranslateKernel,
      {"translate(source, from, to) -> varchar",
       "Replaces each character of `from` with the character at the same position in `to`, "
       "removing those past its end.",
       "translate('abcd', 'ac', 'z') -> 'zbd'"}));
  registry.AddScalar(ScalarFunction{
      .name = "concat",
      .arguments = {v},
      .varargs = v,
      .return_type = v,
      .kernel = ConcatKernel,
      .signature = "concat(string1, ..., stringN) -> varchar",
      .description = "Concatenation of the strings (the || operator); NULL when any is "
                     "NULL. Also concatenates arrays and varbinary values.",
      .example = "concat('queue', '-', '7') -> 'queue-7'"});
  registry.AddScalar(
      ScalarFunction{.name = "concat",
                     .arguments = {bin},
                     .varargs = bin,
                     .return_type = bin,
                     .kernel = ConcatKernel,
                     .signature = "concat(varbinary1, ..., varbinaryN) -> varbinary"});
  registry.AddScalar(
      ScalarFunction{.name = "concat_ws",
                     .arguments = {v, v},
                     .varargs = v,
                     .return_type = v,
                     .kernel = ConcatWsKernel,
                     .null_handling = NullHandling::kSpecial,
                     .signature = "concat_ws(separator, string1, ..., stringN) -> varchar",
                     .description = "The strings (or an array's elements) joined with `separator`, "
                                    "skipping NULLs; NULL when the separator is NULL.",
                     .example = "concat_ws(', ', 'a', NULL, 'b') -> 'a, b'"});
  registry.AddScalar(
      ScalarFunction{.name = "concat_ws",
                     .arguments = {v, LogicalType::Array(v)},
                     .return_type = v,
                     .kernel = ConcatWsArrayKernel,
                     .signature = "concat_ws(separator, array(varchar)) -> varchar"});
  registry.AddScalar(SimpleScalar(
      "split", {v, v}, LogicalType::Array(v), SplitKernel,
      {"split(string, delimiter) -> array(varchar)",
       "Splits the string on `delimiter`; with `limit`, into at most that many parts, the last "
       "holding the rest.",
       "split('a,b,c', ',', 2) -> ARRAY['a', 'b,c']"}));
  registry.AddScalar(SimpleScalar("split", {v, v, b}, LogicalType::Array(v), SplitLimitKernel,
                                  {"split(string, delimiter, limit) -> array(varchar)"}));
  registry.AddScalar(SimpleScalar(
      "split_part", {v, v, b}, v, SplitPartKernel,
      {"split_part(string, delimiter, index) -> varchar",
       "Field `index` (1-based) of the string split on `delimiter`; NULL past the last field.",
       "split_part('2024-06-15', '-', 2) -> '06'"}));
  registry.AddScalar(SimpleScalar(
      "levenshtein_distance", {v, v}, b, LevenshteinKernel,
      {"levenshtein_distance(string1, string2) -> bigint",
       "Minimum number of single-character insertions, deletions and substitutions that turn one "
       "string into the other.",
       "levenshtein_distance('kitten', 'sitting') -> 3"}));
  registry.AddScalar(
      SimpleScalar("hamming_distance", {v, v}, b, HammingKernel,
                   {"hamming_distance(string1, string2) -> bigint",
                    "Number of positions at which two strings of equal length differ.",
                    "hamming_distance('karolin', 'kathrin') -> 3"}));
  registry.AddScalar(SimpleScalar(
      "chr", {b}, v, ChrKernel,
      {"chr(n) -> varchar", "The character with Unicode code point n.", "chr(233) -> 'é'"}));
  registry.AddScalar(
      SimpleScalar("codepoint", {v}, TypeId::kInteger, CodepointKernel,
                   {"codepoint(string) -> integer",
                    "The Unicode code point of a one-character string.", "codepoint('é') -> 233"}));
  registry.AddScalar(
      SimpleScalar("to_utf8", {v}, bin, ToUtf8Kernel,
                   {"to_utf8(string) -> varbinary", "The UTF-8 encoding of the string.",
                    "length(to_utf8('é')) -> 2"}));
  registry.AddScalar(SimpleScalar(
      "from_utf8", {bin}, v, FromUtf8Kernel,
      {"from_utf8(binary) -> varchar",
       "Decodes UTF-8, replacing invalid sequences with U+FFFD, or with `replace` (a string of at "
       "most one character, or a code point).",
       "from_utf8(to_utf8('hé')) -> 'hé'"}));
  registry.AddScalar(SimpleScalar("from_utf8", {bin, v}, v, FromUtf8ReplaceKernel,
                                  {"from_utf8(binary, replace varchar) -> varchar"}));
  registry.AddScalar(SimpleScalar("from_utf8", {bin, b}, v, FromUtf8CodePointKernel,
                                  {"from_utf8(binary, replace bigint) -> varchar"}));
  registry.AddScalar(
      SimpleScalar("to_hex", {bin}, v, ToHexKernel,
                   {"to_hex(binary) -> varchar", "The bytes as upper-case hexadecimal digits.",
                    "to_hex(to_utf8('é')) -> 'C3A9'"}));
  registry.AddScalar(SimpleScalar(
      "from_hex", {v}, bin, FromHexKernel,
      {"from_hex(string) -> varbinary", "The bytes that hexadecimal digits (either case) spell.",
       "from_utf8(from_hex('4869')) -> 'Hi'"}));
  registry.AddScalar(ScalarFunction{
      .name = "format",
      .arguments = {v},
      .varargs = LogicalType(),
      .return_type = v,
      .kernel = FormatKernel,
      .bind = BindFormat,
      .null_handling = NullHandling::kSpecial,
      .signature = "format(format, args...) -> varchar",
      .description = "Formats the arguments with a Java format string (%s, %d, %x, %o, "
                     "%f, %e, %g, %b, %c with flags, width and precision); NULL "
                     "arguments print as null.",
      .example = "format('%s has %,d calls (%.1f%%)', 'queue', 12345, 9.25) -> 'queue "
                 "has 12,345 calls (9.3%)'"});
  registry.AddScalar(SimpleScalar("luhn_check", {v}, TypeId::kBoolean, LuhnCheckKernel,
                                  {"luhn_check(string) -> boolean",
                                   "Whether a string of digits passes the Luhn (mod 10) checksum.",
                                   "luhn_check('79927398713') -> true"}));
}

}  // namespace switchboard
