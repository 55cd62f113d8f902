// JsonWriter: builds compact JSON text (objects, arrays, strings, numbers) for the metadata
// files Switchboard writes (Avro schemas, Iceberg table and view metadata).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard {

/// Appends `text` as a JSON string literal (quotes included; control characters, quotes and
/// backslashes escaped; other bytes copied as they are).
void AppendJsonQuoted(std::string& out, std::string_view text);

/// Writes one JSON value. Calls must nest correctly (a Key before each value inside an object);
/// commas are inserted automatically. Not thread-safe.
class JsonWriter {
 public:
  void StartObject();
  void EndObject();
  void StartArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(int64_t value);
  /// Shortest text that reads back as the same double; NaN and infinities are not JSON and are
  /// written as strings ("NaN", "Infinity", "-Infinity").
  void Double(double value);
  void Bool(bool value);
  void Null();
  /// A value that is already JSON text.
  void Raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  // Per open container: whether it has a value yet. A Key leaves the next value comma-free.
  std::vector<bool> has_value_;
  bool after_key_ = false;
};

}  // namespace switchboard
