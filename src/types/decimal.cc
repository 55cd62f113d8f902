// Decimal text conversion and rescaling, and Java-style floating point formatting.
#include "types/decimal.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>

#include "common/error.h"

namespace switchboard {

namespace {

struct PowersOfTen {
  int128_t values[39];
  constexpr PowersOfTen() : values() {
    values[0] = 1;
    for (int i = 1; i < 39; ++i) values[i] = values[i - 1] * 10;
  }
};
constexpr PowersOfTen kPowers;

}  // namespace

int128_t Decimal::PowerOfTen(int exponent) {
  SB_CHECK(exponent >= 0 && exponent <= 38);
  return kPowers.values[exponent];
}

std::string Decimal::Int128ToString(int128_t value) {
  if (value == 0) return "0";
  char buffer[48];
  char* end = buffer + sizeof(buffer);
  char* p = end;
  bool negative = value < 0;
  uint128_t magnitude = negative ? -static_cast<uint128_t>(value) : static_cast<uint128_t>(value);
  while (magnitude > 0) {
    *--p = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  }
  if (negative) *--p = '-';
  return std::string(p, end);
}

std::optional<int128_t> Decimal::ParseInt128(std::string_view text) {
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  if (i == text.size()) return std::nullopt;
  uint128_t value = 0;
  const uint128_t limit = static_cast<uint128_t>(1) << 127;
  for (; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
    if (value > limit) return std::nullopt;
  }
  if (!negative && value == limit) return std::nullopt;
  return negative ? -static_cast<int128_t>(value - 1) - 1 : static_cast<int128_t>(value);
}

std::string Decimal::Format(int128_t unscaled, int scale) {
  std::string digits = Int128ToString(unscaled < 0 ? -unscaled : unscaled);
  if (scale > 0) {
    if (digits.size() <= static_cast<size_t>(scale)) {
      digits.insert(0, static_cast<size_t>(scale) - digits.size() + 1, '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(scale), 1, '.');
  }
  return unscaled < 0 ? "-" + digits : digits;
}

int128_t Decimal::RoundDivide(int128_t value, int digits) {
  if (digits <= 0) return value;
  if (digits > 38) return 0;
  int128_t divisor = PowerOfTen(digits);
  int128_t quotient = value / divisor;
  int128_t remainder = value % divisor;
  if (remainder < 0) remainder = -remainder;
  if (remainder * 2 >= divisor) quotient += value < 0 ? -1 : 1;
  return quotient;
}

std::optional<int128_t> Decimal::Parse(std::string_view text, int precision, int scale) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  text = text.substr(begin, end - begin);
  size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  // Collect significant digits and the position of the decimal point.
  std::string digits;
  int fraction_digits = 0;
  bool seen_point = false, seen_digit = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      seen_digit = true;
      if (digits.empty() && c == '0') {
        if (seen_point) ++fraction_digits;
        continue;
      }
      digits += c;
      if (seen_point) ++fraction_digits;
      if (digits.size() > 80) return std::nullopt;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!seen_digit) return std::nullopt;
  int64_t exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) exp_negative = text[i++] == '-';
    size_t exp_start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      exponent = exponent * 10 + (text[i] - '0');
      if (exponent > 1000) return std::nullopt;
      ++i;
    }
    if (i == exp_start) return std::nullopt;
    if (exp_negative) exponent = -exponent;
  }
  if (i != text.size()) return std::nullopt;
  if (digits.empty()) return 0;
  // value = digits * 10^(exponent - fraction_digits); we want digits * 10^(that + scale).
  int64_t shift = exponent - fraction_digits + scale;
  int64_t integer_digits = static_cast<int64_t>(digits.size()) + shift;
  if (integer_digits > precision) return std::nullopt;
  int128_t value = 0;
  if (shift >= 0) {
    for (char c : digits) value = value * 10 + (c - '0');
    value *= PowerOfTen(static_cast<int>(shift));
  } else {
    int64_t keep = static_cast<int64_t>(digits.size()) + shift;  // digits left of the cut
    for (int64_t k = 0; k < keep; ++k) value = value * 10 + (digits[k] - '0');
    if (keep >= 0 && keep < static_cast<int64_t>(digits.size()) && digits[keep] >= '5') ++value;
    if (!Fits(value, precision)) return std::nullopt;
  }
  return negative ? -value : value;
}

namespace {

// Shortest round-trip digits of `value` in Java's Double.toString layout.
template <typename T>
std::string FormatJavaStyle(T value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
  std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
  // text is [-]d[.ddd]e(+|-)XX
  bool negative = text[0] == '-';
  if (negative) text.remove_prefix(1);
  size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e)) {
    if (c != '.') digits += c;
  }
  int exponent = std::stoi(std::string(text.substr(e + 1)));
  std::string out = negative ? "-" : "";
  T magnitude = negative ? -value : value;
  if (magnitude >= static_cast<T>(1e-3) && magnitude < static_cast<T>(1e7)) {
    if (exponent >= 0) {
      size_t integer_digits = static_cast<size_t>(exponent) + 1;
      if (digits.size() <= integer_digits) {
        out += digits + std::string(integer_digits - digits.size(), '0') + ".0";
      } else {
        out += digits.substr(0, integer_digits) + "." + digits.substr(integer_digits);
      }
    } else {
      out += "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    }
    return out;
  }
  out += digits.substr(0, 1) + ".";
  out += digits.size() > 1 ? digits.substr(1) : "0";
  return out + "E" + std::to_string(exponent);
}

}  // namespace

std::string FormatDouble(double value) { return FormatJavaStyle(value); }
std::string FormatReal(float value) { return FormatJavaStyle(value); }

}  // namespace switchboard
