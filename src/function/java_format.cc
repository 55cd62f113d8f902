// java.util.Formatter semantics: specifier parsing, argument checks and conversions, with
// floating point values rounded half-up from their shortest decimal form as Java does.
#include "function/java_format.h"

#include <charconv>
#include <cmath>

#include "common/error.h"
#include "function/nested_vector.h"
#include "function/utf8.h"
#include "types/decimal.h"

namespace switchboard {

namespace {

bool IsIntegralConversion(char c) { return c == 'd' || c == 'x' || c == 'o' || c == 'c'; }
bool IsFloatingConversion(char c) { return c == 'f' || c == 'e' || c == 'g'; }

// Decimal digits of a positive finite double: value = 0.d1d2d3... * 10^exponent.
struct DecimalDigits {
  std::string digits;
  int exponent;
};

DecimalDigits ShortestDigits(double magnitude) {
  char buffer[64];
  auto end =
      std::to_chars(buffer, buffer + sizeof(buffer), magnitude, std::chars_format::scientific).ptr;
  std::string_view text(buffer, static_cast<size_t>(end - buffer));
  size_t e = text.find('e');
  DecimalDigits out;
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') out.digits.push_back(text[i]);
  }
  int exponent = 0;
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), exponent);
  out.exponent = exponent + 1;
  return out;
}

// Keeps the first `keep` digits, rounding half up; may carry into a new leading digit.
void RoundDigits(DecimalDigits& d, int keep) {
  if (keep < 0) {
    d.digits = "0";
    return;
  }
  if (static_cast<size_t>(keep) >= d.digits.size()) {
    d.digits.append(static_cast<size_t>(keep) - d.digits.size(), '0');
    return;
  }
  bool up = d.digits[static_cast<size_t>(keep)] >= '5';
  d.digits.resize(static_cast<size_t>(keep));
  for (int i = keep - 1; up && i >= 0; --i) {
    if (d.digits[static_cast<size_t>(i)] == '9') {
      d.digits[static_cast<size_t>(i)] = '0';
    } else {
      ++d.digits[static_cast<size_t>(i)];
      up = false;
    }
  }
  if (up) {
    d.digits.insert(d.digits.begin(), '1');
    ++d.exponent;
  }
}

// |x| in fixed notation with `precision` fraction digits: integer part and fraction part.
void FixedParts(double magnitude, int precision, std::string& integer, std::string& fraction) {
  if (magnitude == 0) {
    integer = "0";
    fraction.assign(static_cast<size_t>(precision), '0');
    return;
  }
  DecimalDigits d = ShortestDigits(magnitude);
  RoundDigits(d, d.exponent + precision);
  // digits now cover 10^(exponent-1) .. 10^-precision.
  if (d.exponent <= 0) {
    integer = "0";
    fraction.assign(static_cast<size_t>(-d.exponent), '0');
    fraction += d.digits;
  } else {
    integer = d.digits.substr(0, static_cast<size_t>(d.exponent));
    fraction = d.digits.substr(static_cast<size_t>(d.exponent));
  }
  fraction.resize(static_cast<size_t>(precision), '0');
  if (integer.empty()) integer = "0";
}

// |x| as d.ddde+xx with `precision` fraction digits.
std::string Scientific(double magnitude, int precision) {
  DecimalDigits d = magnitude == 0 ? DecimalDigits{"0", 1} : ShortestDigits(magnitude);
  RoundDigits(d, precision + 1);
  std::string out(1, d.digits[0]);
  if (precision > 0) out += "." + d.digits.substr(1, static_cast<size_t>(precision));
  int exponent = magnitude == 0 ? 0 : d.exponent - 1;
  char buffer[16];
  int n = std::snprintf(buffer, sizeof(buffer), "e%c%02d", exponent < 0 ? '-' : '+',
                        std::abs(exponent));
  out.append(buffer, static_cast<size_t>(n));
  return out;
}

void Group(std::string& integer) {
  for (int i = static_cast<int>(integer.size()) - 3; i > 0; i -= 3)
    integer.insert(static_cast<size_t>(i), 1, ',');
}

}  // namespace

JavaFormat JavaFormat::Parse(std::string_view format) {
  JavaFormat result;
  result.text_ = std::string(format);
  auto fail = [&](const std::string& reason) {
    SB_THROW(kInvalidParameter, "Invalid format string: {} ({})", format, reason);
  };
  idx_t next_argument = 0;
  Specifier current;
  size_t i = 0;
  while (i < format.size()) {
    char c = format[i];
    if (c != '%') {
      current.literal.push_back(c);
      ++i;
      continue;
    }
    size_t start = i++;
    if (i >= format.size()) fail("unterminated specifier at the end");
    // Optional argument index "n$".
    size_t digits_end = i;
    while (digits_end < format.size() &&
           std::isdigit(static_cast<unsigned char>(format[digits_end])))
      ++digits_end;
    Specifier spec;
    bool explicit_index = false;
    if (digits_end < format.size() && digits_end > i && format[digits_end] == '$') {
      int index = 0;
      std::from_chars(format.data() + i, format.data() + digits_end, index);
      if (index < 1) fail("argument index must be at least 1");
      spec.argument = static_cast<idx_t>(index - 1);
      explicit_index = true;
      i = digits_end + 1;
    }
    for (; i < format.size(); ++i) {
      char flag = format[i];
      if (flag == '-')
        spec.left = true;
      else if (flag == '0')
        spec.zero = true;
      else if (flag == '+')
        spec.plus = true;
      else if (flag == ' ')
        spec.space = true;
      else if (flag == ',')
        spec.group = true;
      else if (flag == '#')
        spec.alternate = true;
      else if (flag == '(')
        spec.parentheses = true;
      else
        break;
    }
    if (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
      spec.width = 0;
      while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])))
        spec.width = spec.width * 10 + (format[i++] - '0');
    }
    if (i < format.size() && format[i] == '.') {
      ++i;
      if (i >= format.size() || !std::isdigit(static_cast<unsigned char>(format[i])))
        fail("missing precision");
      spec.precision = 0;
      while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])))
        spec.precision = spec.precision * 10 + (format[i++] - '0');
    }
    if (i >= format.size()) fail("unterminated specifier " + std::string(format.substr(start)));
    char conversion = format[i++];
    std::string text(format.substr(start, i - start));
    if (conversion == '%') {
      current.literal.push_back('%');
      continue;
    }
    if (conversion == 'n') {
      current.literal.push_back('\n');
      continue;
    }
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(conversion)));
    spec.upper = conversion != lower;
    if (std::string_view("sdxofegbc").find(lower) == std::string_view::npos ||
        (spec.upper && (lower == 'd' || lower == 'o' || lower == 'f'))) {
      fail("unknown conversion '" + std::string(1, conversion) + "'");
    }
    if (spec.left && spec.width < 0) fail("missing width for " + text);
    if (spec.zero && (spec.width < 0 || spec.left))
      fail("zero padding needs a width and no '-' in " + text);
    if (spec.precision >= 0 && (IsIntegralConversion(lower) || lower == 'c'))
      fail("precision not allowed in " + text);
    spec.conversion = lower;
    if (!explicit_index) spec.argument = next_argument++;
    spec.literal = std::move(current.literal);
    current.literal.clear();
    result.specifiers_.push_back(std::move(spec));
  }
  current.conversion = 0;
  result.specifiers_.push_back(std::move(current));
  return result;
}

void JavaFormat::Check(const std::vector<LogicalType>& types) const {
  for (const Specifier& spec : specifiers_) {
    if (!spec.conversion) continue;
    if (spec.argument >= types.size()) {
      SB_THROW(kInvalidParameter,
               "Invalid format string: {} (missing argument for specifier {} of %{})", text_,
               spec.argument + 1, spec.conversion);
    }
    const LogicalType& type = types[spec.argument];
    if (type.id() == TypeId::kUnknown) continue;
    bool ok = true;
    if (IsIntegralConversion(spec.conversion)) ok = type.IsIntegral();
    if (IsFloatingConversion(spec.conversion)) {
      ok = type.id() == TypeId::kReal || type.id() == TypeId::kDouble ||
           type.id() == TypeId::kDecimal;
    }
    if (!ok) {
      SB_THROW(kInvalidParameter, "Invalid format string: {} (%{} does not accept {})", text_,
               spec.conversion, type.ToString());
    }
  }
}

bool JavaFormat::NeedsText(idx_t index) const {
  for (const Specifier& spec : specifiers_) {
    if (spec.conversion == 's' && spec.argument == index) return true;
  }
  return false;
}

void JavaFormat::Append(std::string& out, const std::vector<const Vector*>& arguments,
                        const std::vector<Vector>& texts, idx_t row) const {
  for (const Specifier& spec : specifiers_) {
    out.append(spec.literal);
    if (!spec.conversion) continue;
    if (spec.argument >= arguments.size()) {
      SB_THROW(kInvalidParameter,
               "Invalid format string: {} (missing argument for specifier {} of %{})", text_,
               spec.argument + 1, spec.conversion);
    }
    AppendSpecifier(out, spec, *arguments[spec.argument], &texts[spec.argument], row);
  }
}

void JavaFormat::AppendSpecifier(std::string& out, const Specifier& spec, const Vector& argument,
                                 const Vector* text, idx_t row) const {
  RowRef ref = ResolveRow(argument, row);
  bool null = argument.type().id() == TypeId::kUnknown || !IsValidAt(*ref.vector, ref.index);
  std::string piece;
  bool numeric = false;
  if (spec.conversion == 'b') {
    piece = null ? "false"
                 : (argument.type().id() == TypeId::kBoolean
                        ? (ref.vector->data<bool>()[ref.index] ? "true" : "false")
                        : "true");
    if (spec.precision >= 0 && piece.size() > static_cast<size_t>(spec.precision))
      piece.resize(static_cast<size_t>(spec.precision));
  } else if (null) {
    piece = "null";
  } else if (spec.conversion == 's') {
    RowRef t = ResolveRow(*text, row);
    std::string_view value = t.vector->data<StringView>()[t.index].view();
    if (spec.precision >= 0) value = value.substr(0, utf8::OffsetOf(value, spec.precision));
    piece.assign(value);
  } else if (IsIntegralConversion(spec.conversion)) {
    int64_t value = 0;
    size_t width_bits = 64;
    DispatchPhysical(argument.type().physical_type(), [&](auto tag) {
      using T = decltype(tag);
      if constexpr (std::is_integral_v<T> && sizeof(T) <= 8 && !std::is_same_v<T, bool>) {
        value = ref.vector->data<T>()[ref.index];
        width_bits = sizeof(T) * 8;
      }
    });
    if (spec.conversion == 'c') {
      if (value < 0 || value > 0x10FFFF)
        SB_THROW(kInvalidParameter, "Invalid format string: {} (code point {} out of range)", text_,
                 value);
      utf8::Append(piece, static_cast<char32_t>(value));
    } else if (spec.conversion == 'd') {
      numeric = true;
      uint64_t magnitude =
          value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
      std::string digits = std::to_string(magnitude);
      if (spec.group) Group(digits);
      std::string sign =
          value < 0 ? (spec.parentheses ? "(" : "-") : (spec.plus ? "+" : (spec.space ? " " : ""));
      if (spec.zero && spec.width > 0) {
        size_t used = sign.size() + digits.size() + (value < 0 && spec.parentheses ? 1 : 0);
        if (used < static_cast<size_t>(spec.width))
          digits.insert(0, static_cast<size_t>(spec.width) - used, '0');
      }
      piece = sign + digits + (value < 0 && spec.parentheses ? ")" : "");
    } else {
      numeric = true;
      uint64_t bits = static_cast<uint64_t>(value);
      if (width_bits < 64) bits &= (uint64_t{1} << width_bits) - 1;
      char buffer[32];
      auto end =
          std::to_chars(buffer, buffer + sizeof(buffer), bits, spec.conversion == 'x' ? 16 : 8).ptr;
      std::string digits(buffer, end);
      std::string prefix = spec.alternate ? (spec.conversion == 'x' ? "0x" : "0") : "";
      if (spec.zero && spec.width > 0 &&
          prefix.size() + digits.size() < static_cast<size_t>(spec.width)) {
        digits.insert(0, static_cast<size_t>(spec.width) - prefix.size() - digits.size(), '0');
      }
      piece = prefix + digits;
    }
  } else {
    numeric = true;
    int precision = spec.precision >= 0 ? spec.precision : 6;
    double value = 0;
    bool negative = false;
    std::string integer, fraction, body;
    bool is_decimal = argument.type().id() == TypeId::kDecimal;
    if (is_decimal) {
      int scale = argument.type().decimal_scale();
      int128_t unscaled = argument.type().physical_type() == PhysicalType::kInt64
                              ? ref.vector->data<int64_t>()[ref.index]
                              : ref.vector->data<int128_t>()[ref.index];
      negative = unscaled < 0;
      value = static_cast<double>(unscaled) / std::pow(10.0, scale);
      if (spec.conversion == 'f') {
        int128_t magnitude = negative ? -unscaled : unscaled;
        if (precision < scale) magnitude = Decimal::RoundDivide(magnitude, scale - precision);
        std::string exact = Decimal::Format(magnitude, std::min(precision, scale));
        size_t dot = exact.find('.');
        integer = exact.substr(0, dot);
        fraction = dot == std::string::npos ? "" : exact.substr(dot + 1);
        fraction.resize(static_cast<size_t>(precision), '0');
      }
    } else {
      value = argument.type().id() == TypeId::kReal
                  ? static_cast<double>(ref.vector->data<float>()[ref.index])
                  : ref.vector->data<double>()[ref.index];
      negative = std::signbit(value) && !std::isnan(value);
    }
    double magnitude = std::fabs(value);
    if (std::isnan(value) || std::isinf(value)) {
      body = std::isnan(value) ? "NaN" : "Infinity";
      if (std::isnan(value)) negative = false;
    } else if (spec.conversion == 'f') {
      if (!is_decimal) FixedParts(magnitude, precision, integer, fraction);
      if (spec.group) Group(integer);
      body = integer + (precision > 0 ? "." + fraction : "");
    } else if (spec.conversion == 'e') {
      body = Scientific(magnitude, precision);
    } else {
      int significant = precision == 0 ? 1 : precision;
      DecimalDigits d = magnitude == 0 ? DecimalDigits{"0", 1} : ShortestDigits(magnitude);
      if (magnitude != 0) RoundDigits(d, significant);
      int exponent = magnitude == 0 ? 0 : d.exponent - 1;
      if (magnitude == 0 || (exponent >= -4 && exponent < significant)) {
        FixedParts(magnitude, std::max(0, significant - 1 - exponent), integer, fraction);
        if (spec.group) Group(integer);
        body = integer + (fraction.empty() ? "" : "." + fraction);
      } else {
        body = Scientific(magnitude, significant - 1);
      }
    }
    std::string sign =
        negative ? (spec.parentheses ? "(" : "-") : (spec.plus ? "+" : (spec.space ? " " : ""));
    std::string close = negative && spec.parentheses ? ")" : "";
    bool finite = std::isfinite(value);
    if (finite && spec.zero && spec.width > 0 &&
        sign.size() + body.size() + close.size() < static_cast<size_t>(spec.width)) {
      body.insert(0, static_cast<size_t>(spec.width) - sign.size() - body.size() - close.size(),
                  '0');
    }
    piece = sign + body + close;
  }
  if (spec.upper) {
    for (char& c : piece) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  size_t length = numeric ? piece.size() : static_cast<size_t>(utf8::Length(piece));
  if (spec.width > 0 && length < static_cast<size_t>(spec.width)) {
    std::string padding(static_cast<size_t>(spec.width) - length, ' ');
    piece = spec.left ? piece + padding : padding + piece;
  }
  out.append(piece);
}

}  // namespace switchboard
