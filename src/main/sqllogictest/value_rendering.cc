// Rendering of values as sqllogictest text, the temporal normalization and R value comparison.
#include "main/sqllogictest/value_rendering.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "types/decimal.h"

namespace switchboard {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<double> ParseDouble(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool IsInexactNumber(TypeId id) {
  return id == TypeId::kReal || id == TypeId::kDouble || id == TypeId::kDecimal;
}

/// The value of a numeric Value as a double (DECIMAL through its exact text).
double NumericAsDouble(const Value& value) {
  switch (value.type().id()) {
    case TypeId::kReal:
    case TypeId::kDouble:
      return value.GetDouble();
    case TypeId::kDecimal:
      return ParseDouble(value.ToString()).value_or(NAN);
    default:
      return static_cast<double>(value.GetInt64());
  }
}

/// REAL, DOUBLE or DECIMAL truncated toward zero, as integer text.
std::string TruncatedIntegerText(const Value& value) {
  if (value.type().id() == TypeId::kDecimal) {
    int128_t scale = Decimal::PowerOfTen(value.type().decimal_scale());
    return Decimal::Int128ToString(value.GetInt128() / scale);
  }
  double number = value.GetDouble();
  // Outside int64 (and for NaN) SQLite's conversion saturates; show the value itself instead.
  if (!(std::fabs(number) < 9.2e18)) return value.ToString();
  return std::to_string(static_cast<int64_t>(number));
}

std::string FormatFixed3(double value) { return fmt::format("{:.3f}", value); }

/// Whether `text` starts with `pattern`, where 'd' in the pattern stands for any digit.
bool StartsWithPattern(std::string_view text, std::string_view pattern) {
  if (text.size() < pattern.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == 'd' ? !IsDigit(text[i]) : text[i] != pattern[i]) return false;
  }
  return true;
}

/// Length of a leading `[-]YYYY-MM-DD ` (four or more year digits), or 0.
size_t DatePrefixLength(std::string_view text) {
  size_t pos = !text.empty() && text[0] == '-' ? 1 : 0;
  size_t year_start = pos;
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  if (pos - year_start < 4 || !StartsWithPattern(text.substr(pos), "-dd-dd ")) return 0;
  return pos + 7;
}

bool IsUtcSuffix(std::string_view zone) {
  return zone == " UTC" || zone == "+00" || zone == "+00:00" || zone == "Z";
}

/// Empty, `Z`, a numeric offset (`+02`, `-05:30`) or a space and a zone name.
bool IsZoneSuffix(std::string_view zone) {
  if (zone.empty() || zone == "Z") return true;
  if (zone[0] == '+' || zone[0] == '-') {
    return (zone.size() == 3 && StartsWithPattern(zone.substr(1), "dd")) ||
           (zone.size() == 6 && StartsWithPattern(zone.substr(1), "dd:dd"));
  }
  if (zone[0] != ' ' || zone.size() == 1) return false;
  for (char c : zone.substr(1)) {
    bool name_char = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) || c == '_' ||
                     c == '/' || c == '+' || c == '-';
    if (!name_char) return false;
  }
  return true;
}

// DuckDB's BLOB text: printable ASCII as it is, every other byte (and the backslash) as \xHH.
std::string BlobText(std::string_view bytes) {
  std::string text;
  for (unsigned char c : bytes) {
    if (c >= 0x20 && c <= 0x7e && c != '\\') {
      text.push_back(static_cast<char>(c));
    } else {
      text += fmt::format("\\x{:02X}", c);
    }
  }
  return text;
}

}  // namespace

std::string RenderValue(const Value& value, char type_letter, RealFormat real_format) {
  if (value.is_null()) return "NULL";
  TypeId id = value.type().id();
  std::string text;
  if (type_letter == 'I' && IsInexactNumber(id)) {
    text = TruncatedIntegerText(value);
  } else if (type_letter == 'R' && real_format == RealFormat::kFixed3 && value.type().IsNumeric()) {
    text = FormatFixed3(NumericAsDouble(value));
  } else if (id == TypeId::kVarbinary) {
    text = BlobText(value.GetString());
  } else {
    text = value.ToString();
  }
  return text.empty() ? "(empty)" : text;
}

std::string NormalizeTemporalText(std::string_view text) {
  size_t time_start = DatePrefixLength(text);
  if (!StartsWithPattern(text.substr(time_start), "dd:dd:dd")) return std::string(text);
  size_t pos = time_start + 8;
  size_t fraction_start = pos;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
    if (pos == fraction_start + 1) return std::string(text);
  }
  std::string_view zone = text.substr(pos);
  if (!IsZoneSuffix(zone)) return std::string(text);

  std::string_view fraction = text.substr(fraction_start, pos - fraction_start);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  if (fraction == ".") fraction = {};
  std::string normalized(text.substr(0, fraction_start));
  normalized += fraction;
  normalized += IsUtcSuffix(zone) ? std::string_view("+00") : zone;
  return normalized;
}

bool IsFixed3(std::string_view text) {
  if (!text.empty() && text[0] == '-') text.remove_prefix(1);
  size_t point = text.find('.');
  if (point == 0 || point == std::string_view::npos || text.size() - point != 4) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i != point && !IsDigit(text[i])) return false;
  }
  return true;
}

bool IsFractionalNumber(std::string_view text) {
  return text.find_first_of(".eE") != std::string_view::npos && ParseDouble(text).has_value();
}

bool RealTextsMatch(std::string_view expected, std::string_view actual) {
  if (expected == actual) return true;
  std::optional<double> actual_number = ParseDouble(actual);
  if (!actual_number) return false;
  if (IsFixed3(expected)) return FormatFixed3(*actual_number) == expected;
  std::optional<double> expected_number = ParseDouble(expected);
  if (!expected_number) return false;
  double difference = std::fabs(*expected_number - *actual_number);
  return difference <= 1e-9 * std::max(std::fabs(*expected_number), std::fabs(*actual_number));
}

}  // namespace switchboard
