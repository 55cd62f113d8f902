// ThriftCompactReader: a bounded decoder of the Thrift compact protocol, the wire format of every
// Parquet footer, page header and page index structure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace switchboard::parquet {

/// Compact-protocol type codes (the low nibble of a field header).
enum class ThriftType : uint8_t {
  kStop = 0,
  kBoolTrue = 1,
  kBoolFalse = 2,
  kByte = 3,
  kI16 = 4,
  kI32 = 5,
  kI64 = 6,
  kDouble = 7,
  kBinary = 8,
  kList = 9,
  kSet = 10,
  kMap = 11,
  kStruct = 12,
};

/// Reads compact-protocol values from a byte range it does not own.
///
/// Errors are sticky: the first malformed input (a read past the end, an over-long varint, a
/// length or count larger than the bytes left, nesting deeper than kMaxDepth, an unknown type
/// code) records a message, and from then on every read returns a zero value and consumes
/// nothing. Callers check ok() once at the end and in loops over counts. Counts are bounded by
/// the remaining bytes, so no read allocates more than the input could describe. Not
/// thread-safe.
class ThriftCompactReader {
 public:
  static constexpr int kMaxDepth = 64;
  /// Largest element count of one list, set or map.
  static constexpr uint32_t kMaxContainerSize = 1u << 24;

  struct FieldHeader {
    int16_t id = 0;
    ThriftType type = ThriftType::kStop;
  };
  struct ListHeader {
    ThriftType element_type = ThriftType::kStop;
    uint32_t size = 0;
  };

  ThriftCompactReader(const uint8_t* data, size_t size)
      : data_(data), end_(data + size), begin_(data) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  /// Bytes consumed so far.
  size_t position() const { return static_cast<size_t>(data_ - begin_); }
  size_t remaining() const { return static_cast<size_t>(end_ - data_); }

  /// Records `message` as the error (keeping the first one).
  void Fail(std::string message);

  /// Enters a struct: field ids restart from 0. Fails beyond kMaxDepth.
  void BeginStruct();
  void EndStruct();
  /// The next field header; false at the struct's STOP (or after an error).
  bool ReadFieldHeader(FieldHeader& header);

  /// A field's boolean value: compact protocol stores it in the header's type code.
  static bool FieldBool(const FieldHeader& header) { return header.type == ThriftType::kBoolTrue; }
  /// A boolean list element (one byte).
  bool ReadBoolElement();
  int8_t ReadByte();
  int16_t ReadI16() { return static_cast<int16_t>(ReadZigZag(3)); }
  int32_t ReadI32() { return static_cast<int32_t>(ReadZigZag(5)); }
  int64_t ReadI64() { return ReadZigZag(10); }
  double ReadDouble();
  /// Bytes of a binary or string value; the view points into the input.
  std::string_view ReadBinary();
  std::string ReadString() { return std::string(ReadBinary()); }
  ListHeader ReadListHeader();

  /// Skips one field's value of `type`.
  void SkipField(ThriftType type) { Skip(type, /*in_container=*/false, depth_); }

 private:
  uint64_t ReadVarint(int max_bytes);
  int64_t ReadZigZag(int max_bytes) {
    uint64_t v = ReadVarint(max_bytes);
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  void Skip(ThriftType type, bool in_container, int depth);
  bool ValidType(uint8_t code) const { return code <= static_cast<uint8_t>(ThriftType::kStruct); }

  const uint8_t* data_;
  const uint8_t* end_;
  const uint8_t* begin_;
  std::string error_;
  int depth_ = 0;
  int16_t last_field_id_ = 0;
  std::vector<int16_t> field_id_stack_;
};

}  // namespace switchboard::parquet
