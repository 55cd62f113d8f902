// Decimal arithmetic helpers: powers of ten, 128-bit integer text conversion, and parsing and
// formatting of scaled values.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "types/logical_type.h"

namespace switchboard {

struct Decimal {
  /// 10^0 .. 10^38.
  static int128_t PowerOfTen(int exponent);
  /// Largest unscaled magnitude of a precision: 10^precision - 1.
  static int128_t MaxUnscaled(int precision) { return PowerOfTen(precision) - 1; }
  static bool Fits(int128_t unscaled, int precision) {
    int128_t max = MaxUnscaled(precision);
    return unscaled <= max && unscaled >= -max;
  }

  static std::string Int128ToString(int128_t value);
  /// Decimal text of an integer; nullopt when it is not one or does not fit 128 bits.
  static std::optional<int128_t> ParseInt128(std::string_view text);

  /// 'unscaled / 10^scale' with exactly `scale` fractional digits: 1.50, -0.05, 12.
  static std::string Format(int128_t unscaled, int scale);
  /// Parses '12.345', '-1e3', ' 7 ' into an unscaled value of `scale`, rounding half away from
  /// zero; nullopt when the text is not a number or the result needs more than `precision`.
  static std::optional<int128_t> Parse(std::string_view text, int precision, int scale);

  /// Divides by 10^digits rounding half away from zero (Trino's decimal rescale rule).
  static int128_t RoundDivide(int128_t value, int digits);
};

/// Java's Double.toString form that Trino prints: shortest round-trip digits, '1.0', '0.001',
/// '1.0E7', '1.5E-5', 'NaN', 'Infinity', '-Infinity'.
std::string FormatDouble(double value);
/// The same for REAL, with float precision.
std::string FormatReal(float value);

}  // namespace switchboard
