// How engine values become sqllogictest result text, and the comparisons that tolerate the ways
// other engines (SQLite, DuckDB) wrote the expected text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "types/value.h"

namespace switchboard {

/// How values in R (floating point) columns are written.
enum class RealFormat : uint8_t {
  kFixed3,  // SQLite's corpus: printf("%.3f")
  kFull,    // DuckDB-style files: the value's full text, compared numerically
};

/// The text of `value` in a column of type letter `type_letter`:
/// - NULL is `NULL`; a value whose text is empty is `(empty)`; booleans are `true`/`false`;
/// - `I`: integers as integer text; REAL, DOUBLE and DECIMAL values are converted to an integer
///   by truncation toward zero, as SQLite's runner does (sqlite3_column_int64);
/// - `R`: numbers with three decimals under kFixed3, else the value's own text;
/// - varbinary values as DuckDB writes BLOBs (printable ASCII as it is, other bytes as `\xHH`);
/// - anything else (`T`, ...): Value::ToString(), Trino's CAST(x AS VARCHAR) text.
std::string RenderValue(const Value& value, char type_letter, RealFormat real_format);

/// The one normalization of T values, applied to expected and actual text alike: when the whole
/// text is a time or timestamp, `[YYYY-MM-DD ]HH:MM:SS[.fraction][zone]`, trailing zeros of the
/// fraction are dropped (and the '.' when none remain), and the zone suffixes ` UTC`, `+00`,
/// `+00:00` and `Z` are all written `+00`. Any other text (other zones included) is unchanged.
std::string NormalizeTemporalText(std::string_view text);

/// Whether `text` is a number written with exactly three decimals, as SQLite's corpus writes R
/// values (`-12.500`).
bool IsFixed3(std::string_view text);

/// Whether `text` is a number with a fractional part or exponent (`2.5`, `1.0E7`), not an integer.
bool IsFractionalNumber(std::string_view text);

/// Whether an R value matches its expected text: equal text; or, for expected text in three-decimal
/// form, the actual number printed with %.3f; or otherwise both numbers within a relative tolerance
/// of 1e-9.
bool RealTextsMatch(std::string_view expected, std::string_view actual);

}  // namespace switchboard
