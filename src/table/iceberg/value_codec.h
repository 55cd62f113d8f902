// Iceberg's single-value serializations (spec Appendix D): the binary form of bounds and
// partition summaries, and the JSON form of column defaults; and the engine Value each
// primitive type is read as.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "table/iceberg/schema.h"
#include "types/value.h"

namespace switchboard {
class JsonWriter;
}

namespace switchboard::iceberg {

/// The binary form of a non-NULL `value` (an engine value of ToLogicalType(type), or one that
/// casts to it losslessly) for a primitive `type`.
std::string SerializeBinary(const Value& value, const Type& type);

/// Decodes a binary value of primitive `type`. Bounds written before a type promotion are
/// recognized by their length (4-byte int, float or date for long, double or timestamp).
/// Errors: kCorruptData when the bytes cannot hold a value of the type.
Result<Value> DeserializeBinary(std::string_view bytes, const Type& type);

/// Writes `value` in the JSON single-value form of `type` (any type; NULL as null).
void WriteJsonValue(JsonWriter& out, const Value& value, const Type& type);

/// Converts `value` (of any engine type) to the engine type of `type`, as a write or a default
/// stores it. Errors: kInvalidCast/kNumericOverflow when it does not convert, kNotSupported for
/// types without an engine counterpart.
Result<Value> ConformValue(const Value& value, const Type& type);

/// Orders two non-NULL values of the same primitive engine type (<0, 0, >0); floating-point
/// NaN sorts last.
int CompareValues(const Value& a, const Value& b);

/// Appends row `index` of a column (its physical type, read through `format`) to a key that is
/// equal for equal values: NULL only equals NULL, -0.0 equals 0.0, strings are length-prefixed.
/// Used to group rows by partition and to match equality deletes.
void AppendRowKey(std::string& key, const UnifiedFormat& format, PhysicalType physical, idx_t index);

/// The fewest big-endian two's complement bytes that hold `value` (decimals' binary form).
std::string MinimalBigEndian(int128_t value);

/// The canonical text of a UUID (lower-case, hyphenated), and the reverse (nullopt when `text`
/// is not one).
std::string FormatUuid(uint128_t uuid);
std::optional<uint128_t> ParseUuid(std::string_view text);

/// A random (version 4) UUID.
uint128_t RandomUuid();

}  // namespace switchboard::iceberg
