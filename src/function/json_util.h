// JSON support shared by the JSON functions and casts: parsing with simdjson, and writing the
// canonical JSON text that values of type json hold (compact, object keys sorted, numbers as
// Java prints them), from parsed documents and from vectors of SQL values.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

#include "types/vector.h"

namespace switchboard {

/// The array or object of an element known to be one, by value (safe in range-for loops).
inline simdjson::dom::array AsArray(simdjson::dom::element element) {
  return element.get_array().value_unsafe();
}
inline simdjson::dom::object AsObject(simdjson::dom::element element) {
  return element.get_object().value_unsafe();
}

/// Parses `text` with this thread's reusable parser. The element stays valid until the next
/// ParseJson call on the same thread. nullopt when the text is not one JSON value.
std::optional<simdjson::dom::element> ParseJson(std::string_view text);

/// Appends the canonical text of a parsed value: no insignificant whitespace, object keys in
/// sorted order (the last of duplicate keys wins), integers as written, other numbers in Java's
/// Double.toString form.
void AppendCanonicalJson(std::string& out, simdjson::dom::element element);

/// Appends `text` as a JSON string literal (escaping as Jackson does).
void AppendJsonString(std::string& out, std::string_view text);

/// Whether CAST(x AS JSON) is defined for values of `type`.
bool CanCastToJson(const LogicalType& type);

/// Appends the JSON for the value at position `index` of a flat-layout vector: numbers and
/// booleans as JSON literals, strings and temporal values as JSON strings, json values as they
/// are, arrays as arrays, maps and named rows as objects (keys sorted), anonymous rows as arrays,
/// and NULL as null.
void AppendJsonValue(std::string& out, const Vector& vector, idx_t index);

}  // namespace switchboard
