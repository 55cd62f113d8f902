// simdjson helpers for Iceberg's JSON documents.
#include "table/iceberg/json_internal.h"

namespace switchboard::iceberg::json {

Error Malformed(std::string_view what, const std::string& message) {
  return Error{ErrorCode::kCorruptData, fmt::format("{}: {}", what, message)};
}

Result<Element> Document::Parse(std::string_view text, std::string_view what) {
  Element root;
  if (auto error = parser_.parse(text.data(), text.size(), true).get(root); error) {
    return Malformed(what, fmt::format("not valid JSON ({})", simdjson::error_message(error)));
  }
  return root;
}

std::optional<Element> Member(Element object, std::string_view key) {
  Element value;
  if (!object.is_object() || object[key].get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
  return value;
}

Result<Element> Required(Element object, std::string_view key, std::string_view what) {
  std::optional<Element> value = Member(object, key);
  if (!value) return Malformed(what, fmt::format("\"{}\" is missing", key));
  return *value;
}

Result<std::string> String(Element value, std::string_view what) {
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return Malformed(what, fmt::format("expected a string, found {}", simdjson::minify(value)));
  }
  return std::string(text);
}

Result<int64_t> Int64(Element value, std::string_view what) {
  int64_t number;
  if (value.get_int64().get(number) != simdjson::SUCCESS) {
    return Malformed(what, fmt::format("expected an integer, found {}", simdjson::minify(value)));
  }
  return number;
}

Result<int32_t> Int32(Element value, std::string_view what) {
  SB_ASSIGN_OR_RETURN(int64_t number, Int64(value, what));
  if (number < INT32_MIN || number > INT32_MAX) return Malformed(what, fmt::format("{} is out of range", number));
  return static_cast<int32_t>(number);
}

Result<bool> Bool(Element value, std::string_view what) {
  bool flag;
  if (value.get_bool().get(flag) != simdjson::SUCCESS) {
    return Malformed(what, fmt::format("expected true or false, found {}", simdjson::minify(value)));
  }
  return flag;
}

Result<Object> AsObject(Element value, std::string_view what) {
  Object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) {
    return Malformed(what, fmt::format("expected an object, found {}", simdjson::minify(value)));
  }
  return object;
}

Result<Array> AsArray(Element value, std::string_view what) {
  Array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) {
    return Malformed(what, fmt::format("expected an array, found {}", simdjson::minify(value)));
  }
  return array;
}

}  // namespace switchboard::iceberg::json
