// Text value classification for schema inference.
#include "format/text/text_type.h"

#include <charconv>

#include "common/string_util.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits with an optional sign, no leading zero (but "0"), fitting in int64.
bool IsBigint(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && digits[0] == '-') digits.remove_prefix(1);
  if (digits.empty() || digits.size() > 19) return false;
  if (digits[0] == '0' && digits.size() > 1) return false;
  int64_t value;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

// A decimal number with a digit, an optional fraction and exponent; no leading zeros.
bool IsDouble(std::string_view text) {
  std::string_view rest = text;
  if (!rest.empty() && rest[0] == '-') rest.remove_prefix(1);
  if (rest.empty()) return false;
  size_t integer_digits = 0;
  while (integer_digits < rest.size() && IsDigit(rest[integer_digits])) ++integer_digits;
  if (integer_digits > 1 && rest[0] == '0') return false;
  bool fraction_digit = integer_digits + 1 < rest.size() && rest[integer_digits] == '.' && IsDigit(rest[integer_digits + 1]);
  if (integer_digits == 0 && !fraction_digit) return false;
  double value;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return (error == std::errc() || error == std::errc::result_out_of_range) && end == text.data() + text.size();
}

bool IsDateShape(std::string_view text) {
  return text.size() >= 10 && IsDigit(text[0]) && IsDigit(text[1]) && IsDigit(text[2]) && IsDigit(text[3]) &&
         text[4] == '-' && IsDigit(text[5]) && IsDigit(text[6]) && text[7] == '-' && IsDigit(text[8]) &&
         IsDigit(text[9]);
}

// Fractional-second digits of an HH:MM:SS.ffff part starting at `time`.
int FractionDigits(std::string_view time) {
  if (time.size() < 9 || time[8] != '.') return 0;
  int digits = 0;
  for (size_t i = 9; i < time.size() && IsDigit(time[i]); ++i) ++digits;
  return digits;
}

}  // namespace

uint8_t TextTypeCandidates::Classify(std::string_view text, int& fraction_digits) {
  if (text.empty()) return 0;
  char first = text[0];
  if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
    return EqualsIgnoreCase(text, "true") || EqualsIgnoreCase(text, "false") ? kBoolean : 0;
  }
  if (!IsDigit(first) && first != '-') return 0;
  if (IsBigint(text)) return kBigint | kDouble;
  if (IsDouble(text)) return kDouble;
  if (IsDateShape(text)) {
    if (text.size() == 10) return Date::Parse(text) ? (kDate | kTimestamp) : 0;
    if (text[10] != ' ' && text[10] != 'T') return 0;
    auto parsed = Timestamp::Parse(text);
    if (!parsed) return 0;
    fraction_digits = std::max(fraction_digits, FractionDigits(text.substr(11)));
    return parsed->zone ? kTimestampTz : kTimestamp;
  }
  if (text.size() >= 8 && IsDigit(text[0]) && IsDigit(text[1]) && text[2] == ':' && Time::Parse(text)) {
    fraction_digits = std::max(fraction_digits, FractionDigits(text));
    return kTime;
  }
  return 0;
}

void TextTypeCandidates::Add(std::string_view text) {
  has_values_ = true;
  if (candidates_ == 0) return;
  candidates_ &= Classify(text, fraction_digits_);
}

void TextTypeCandidates::Merge(const TextTypeCandidates& other) {
  if (!other.has_values_) return;
  candidates_ = has_values_ ? (candidates_ & other.candidates_) : other.candidates_;
  has_values_ = true;
  fraction_digits_ = std::max(fraction_digits_, other.fraction_digits_);
}

LogicalType TextTypeCandidates::Best() const {
  if (!has_values_ || candidates_ == 0) return LogicalType::Varchar();
  int precision = fraction_digits_ > 3 ? 6 : 3;
  if (candidates_ & kBoolean) return TypeId::kBoolean;
  if (candidates_ & kBigint) return TypeId::kBigint;
  if (candidates_ & kDouble) return TypeId::kDouble;
  if (candidates_ & kDate) return TypeId::kDate;
  if (candidates_ & kTimestamp) return LogicalType::Timestamp(precision);
  if (candidates_ & kTimestampTz) return LogicalType::TimestampTz(precision);
  if (candidates_ & kTime) return LogicalType::Time(precision);
  return LogicalType::Varchar();
}

bool TextTypeCandidates::Fits(std::string_view text, const LogicalType& type) {
  int digits = 0;
  uint8_t bits = Classify(text, digits);
  switch (type.id()) {
    case TypeId::kBoolean: return bits & kBoolean;
    case TypeId::kBigint: return bits & kBigint;
    case TypeId::kDouble: return bits & kDouble;
    case TypeId::kDate: return bits & kDate;
    case TypeId::kTimestamp: return bits & kTimestamp;
    case TypeId::kTimestampTz: return bits & kTimestampTz;
    case TypeId::kTime: return bits & kTime;
    default: return false;
  }
}

}  // namespace switchboard
