// ThriftCompactWriter: an encoder of the Thrift compact protocol for the footer, page headers,
// page indexes and bloom filter headers the Parquet writer emits.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "format/parquet/thrift_compact_reader.h"

namespace switchboard::parquet {

/// Appends compact-protocol values to a byte vector. Fields must be written in increasing id
/// order inside each struct (the encoding of small id deltas relies on it). Not thread-safe.
class ThriftCompactWriter {
 public:
  explicit ThriftCompactWriter(std::vector<uint8_t>& out) : out_(out) {}

  void BeginStruct();
  /// Writes the STOP byte and returns to the enclosing struct.
  void EndStruct();
  void FieldHeader(int16_t id, ThriftType type);

  void BoolField(int16_t id, bool value);
  void ByteField(int16_t id, int8_t value) {
    FieldHeader(id, ThriftType::kByte);
    out_.push_back(static_cast<uint8_t>(value));
  }
  void I16Field(int16_t id, int16_t value) {
    FieldHeader(id, ThriftType::kI16);
    WriteZigZag(value);
  }
  void I32Field(int16_t id, int32_t value) {
    FieldHeader(id, ThriftType::kI32);
    WriteZigZag(value);
  }
  void I64Field(int16_t id, int64_t value) {
    FieldHeader(id, ThriftType::kI64);
    WriteZigZag(value);
  }
  void BinaryField(int16_t id, std::string_view value) {
    FieldHeader(id, ThriftType::kBinary);
    Binary(value);
  }
  /// Starts a struct-valued field; finish it with EndStruct.
  void StructField(int16_t id) {
    FieldHeader(id, ThriftType::kStruct);
    BeginStruct();
  }
  /// A list field header; the caller then writes `size` elements.
  void ListField(int16_t id, ThriftType element_type, size_t size) {
    FieldHeader(id, ThriftType::kList);
    ListHeader(element_type, size);
  }

  void ListHeader(ThriftType element_type, size_t size);
  void BoolElement(bool value) { out_.push_back(value ? 1 : 2); }
  void I32(int32_t value) { WriteZigZag(value); }
  void I64(int64_t value) { WriteZigZag(value); }
  void Binary(std::string_view value);

 private:
  void WriteVarint(uint64_t value);
  void WriteZigZag(int64_t value) {
    WriteVarint((static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63));
  }

  std::vector<uint8_t>& out_;
  int16_t last_field_id_ = 0;
  std::vector<int16_t> field_id_stack_;
};

}  // namespace switchboard::parquet
