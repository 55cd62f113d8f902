// The CSV row state machine.
#include "format/csv/csv_parser.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

namespace switchboard {

namespace {

std::string ShowChar(char c) {
  switch (c) {
    case '\0': return "(none)";
    case '\t': return "'\\t'";
    case '\'': return "\"'\"";
    default: return fmt::format("'{}'", c);
  }
}

}  // namespace

std::string CsvDialect::ToString() const {
  return fmt::format("delimiter {} quote {} escape {}", ShowChar(delimiter), ShowChar(quote), ShowChar(escape));
}

CsvRowParser::CsvRowParser(const CsvDialect& dialect)
    : dialect_(dialect), escape_outside_quotes_(dialect.escape != '\0' && dialect.escape != dialect.quote) {
  std::memset(special_, 0, sizeof(special_));
  special_[static_cast<uint8_t>(dialect.delimiter)] = 1;
  special_[static_cast<uint8_t>('\n')] = 1;
  special_[static_cast<uint8_t>('\r')] = 1;
  if (escape_outside_quotes_) special_[static_cast<uint8_t>(dialect.escape)] = 1;
}

CsvParseStatus CsvRowParser::ParseRow(const char* data, size_t size, size_t& pos, bool at_end,
                                      std::vector<CsvFieldSpan>& fields, int64_t& newlines,
                                      std::string_view& problem) const {
  fields.clear();
  newlines = 0;
  size_t p = pos;
  const char quote = dialect_.quote;
  const char escape = dialect_.escape;
  const char delimiter = dialect_.delimiter;
  while (true) {
    // One field starting at p.
    CsvFieldSpan field{static_cast<uint32_t>(p), 0, 0};
    if (p < size && quote != '\0' && data[p] == quote) {
      field.flags = CsvFieldSpan::kQuoted;
      size_t q = p + 1;
      field.begin = static_cast<uint32_t>(q);
      while (true) {
        // The next quote or escape character.
        const char* hit;
        if (escape == quote || escape == '\0') {
          hit = static_cast<const char*>(std::memchr(data + q, quote, size - q));
        } else {
          hit = std::find_if(data + q, data + size, [&](char c) { return c == quote || c == escape; });
          if (hit == data + size) hit = nullptr;
        }
        if (!hit) {
          if (!at_end) return CsvParseStatus::kNeedMore;
          problem = "a quoted field is not closed before the end of the file";
          return CsvParseStatus::kMalformed;
        }
        size_t h = static_cast<size_t>(hit - data);
        if (*hit == escape && (escape != quote || (h + 1 < size && data[h + 1] == quote))) {
          if (h + 1 >= size) {
            if (!at_end) return CsvParseStatus::kNeedMore;
            problem = "a quoted field is not closed before the end of the file";
            return CsvParseStatus::kMalformed;
          }
          field.flags |= CsvFieldSpan::kEscaped;
          q = h + 2;
          continue;
        }
        if (escape == quote && h + 1 >= size && !at_end) return CsvParseStatus::kNeedMore;
        // The closing quote.
        field.size = static_cast<uint32_t>(h - field.begin);
        p = h + 1;
        break;
      }
      newlines += std::count(data + field.begin, data + field.begin + field.size, '\n');
      if (p < size && data[p] != delimiter && data[p] != '\n' && data[p] != '\r') {
        problem = "a closing quote is followed by text before the next delimiter";
        return CsvParseStatus::kMalformed;
      }
    } else {
      while (true) {
        while (p < size && !special_[static_cast<uint8_t>(data[p])]) ++p;
        if (p < size && escape_outside_quotes_ && data[p] == escape) {
          if (p + 1 >= size && !at_end) return CsvParseStatus::kNeedMore;
          field.flags |= CsvFieldSpan::kEscaped;
          p = std::min(p + 2, size);
          continue;
        }
        break;
      }
      field.size = static_cast<uint32_t>(p - field.begin);
    }
    fields.push_back(field);
    if (p >= size) {
      if (!at_end) return CsvParseStatus::kNeedMore;
      pos = p;  // the last row of the file, without a line break
      return CsvParseStatus::kRow;
    }
    char c = data[p];
    if (c == delimiter) {
      ++p;
      continue;
    }
    // A line break.
    if (c == '\r') {
      if (p + 1 >= size && !at_end) return CsvParseStatus::kNeedMore;
      p += (p + 1 < size && data[p + 1] == '\n') ? 2 : 1;
    } else {
      ++p;
    }
    ++newlines;
    pos = p;
    return CsvParseStatus::kRow;
  }
}

size_t CsvRowParser::SkipLine(const char* data, size_t size, size_t pos, int64_t& newlines) {
  for (size_t p = pos; p < size; ++p) {
    if (data[p] == '\n') {
      ++newlines;
      return p + 1;
    }
    if (data[p] == '\r') {
      ++newlines;
      return (p + 1 < size && data[p + 1] == '\n') ? p + 2 : p + 1;
    }
  }
  return size;
}

size_t CsvRowParser::Unescape(const char* data, const CsvFieldSpan& field, char* out) const {
  const char* in = data + field.begin;
  const char* end = in + field.size;
  const char escape = dialect_.escape;
  size_t n = 0;
  while (in < end) {
    if (*in == escape && in + 1 < end) {
      out[n++] = in[1];
      in += 2;
    } else {
      out[n++] = *in++;
    }
  }
  return n;
}

}  // namespace switchboard
