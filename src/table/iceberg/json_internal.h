// Helpers for reading Iceberg's JSON documents (table and view metadata, name mappings,
// manifest key-value metadata) with simdjson, with errors that name the document and field.
// Internal to table/iceberg: only its .cc files include it.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "table/iceberg/schema.h"

namespace switchboard::iceberg::json {

using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using Array = simdjson::dom::array;

/// A parsed document; elements stay valid while it lives.
class Document {
 public:
  /// Errors: kCorruptData ("<what> is not valid JSON: ...").
  Result<Element> Parse(std::string_view text, std::string_view what);

 private:
  simdjson::dom::parser parser_;
};

Error Malformed(std::string_view what, const std::string& message);

/// A member of an object, or nullopt when it is absent or null.
std::optional<Element> Member(Element object, std::string_view key);
/// A member that must be present. Errors: kCorruptData naming `what` and the key.
Result<Element> Required(Element object, std::string_view key, std::string_view what);

Result<std::string> String(Element value, std::string_view what);
Result<int64_t> Int64(Element value, std::string_view what);
Result<int32_t> Int32(Element value, std::string_view what);
Result<bool> Bool(Element value, std::string_view what);
Result<Object> AsObject(Element value, std::string_view what);
Result<Array> AsArray(Element value, std::string_view what);

/// A value in Iceberg's JSON single-value form for `type`, as an engine value of its engine
/// type. Errors: kCorruptData when the JSON does not hold a value of the type.
Result<Value> ParseValue(Element value, const Type& type, std::string_view what);

}  // namespace switchboard::iceberg::json
