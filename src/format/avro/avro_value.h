// AvroValue: one decoded Avro datum (a record, an array, a primitive, ...) as a small tree, the
// form in which manifest lists and manifests are read and written.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "format/avro/avro_schema.h"

namespace switchboard::avro {

/// A datum of any Avro type. A union's value is the value of its chosen branch (so `type` is
/// never kUnion); `type == kNull` is the null value.
struct AvroValue {
  AvroType type = AvroType::kNull;
  /// boolean (0/1), int, long, and an enum's symbol index.
  int64_t integer = 0;
  /// float and double.
  double real = 0;
  /// bytes, string and fixed.
  std::string bytes;
  /// Record fields in schema order, array items, map values.
  std::vector<AvroValue> children;
  /// Map keys, one per child.
  std::vector<std::string> keys;

  bool is_null() const { return type == AvroType::kNull; }

  static AvroValue Null() { return AvroValue(); }
  static AvroValue Boolean(bool value) { return Scalar(AvroType::kBoolean, value ? 1 : 0); }
  static AvroValue Int(int32_t value) { return Scalar(AvroType::kInt, value); }
  static AvroValue Long(int64_t value) { return Scalar(AvroType::kLong, value); }
  static AvroValue Float(float value) {
    AvroValue v;
    v.type = AvroType::kFloat;
    v.real = value;
    return v;
  }
  static AvroValue Double(double value) {
    AvroValue v;
    v.type = AvroType::kDouble;
    v.real = value;
    return v;
  }
  static AvroValue String(std::string value) { return Binary(AvroType::kString, std::move(value)); }
  static AvroValue Bytes(std::string value) { return Binary(AvroType::kBytes, std::move(value)); }
  static AvroValue Fixed(std::string value) { return Binary(AvroType::kFixed, std::move(value)); }
  static AvroValue Record(std::vector<AvroValue> fields) { return Nested(AvroType::kRecord, std::move(fields)); }
  static AvroValue Array(std::vector<AvroValue> items) { return Nested(AvroType::kArray, std::move(items)); }

 private:
  static AvroValue Scalar(AvroType type, int64_t value) {
    AvroValue v;
    v.type = type;
    v.integer = value;
    return v;
  }
  static AvroValue Binary(AvroType type, std::string value) {
    AvroValue v;
    v.type = type;
    v.bytes = std::move(value);
    return v;
  }
  static AvroValue Nested(AvroType type, std::vector<AvroValue> children) {
    AvroValue v;
    v.type = type;
    v.children = std::move(children);
    return v;
  }
};

}  // namespace switchboard::avro
