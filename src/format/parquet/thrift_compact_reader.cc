// ThriftCompactReader: varints, field and list headers, and skipping of unknown values.
#include "format/parquet/thrift_compact_reader.h"

#include <fmt/format.h>

#include <cstring>

namespace switchboard::parquet {

void ThriftCompactReader::Fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
  data_ = end_;
}

void ThriftCompactReader::BeginStruct() {
  if (++depth_ > kMaxDepth) {
    Fail(fmt::format("Thrift structures nested deeper than {} levels", kMaxDepth));
    return;
  }
  field_id_stack_.push_back(last_field_id_);
  last_field_id_ = 0;
}

void ThriftCompactReader::EndStruct() {
  if (depth_ > 0) --depth_;
  if (!field_id_stack_.empty()) {
    last_field_id_ = field_id_stack_.back();
    field_id_stack_.pop_back();
  }
}

bool ThriftCompactReader::ReadFieldHeader(FieldHeader& header) {
  if (data_ >= end_) {
    if (ok()) Fail("Thrift structure ends without a STOP field");
    return false;
  }
  uint8_t byte = *data_++;
  if (byte == 0) return false;
  uint8_t type = byte & 0x0f;
  if (!ValidType(type) || type == 0) {
    Fail(fmt::format("invalid Thrift field type code {}", type));
    return false;
  }
  int delta = byte >> 4;
  int16_t id = delta != 0 ? static_cast<int16_t>(last_field_id_ + delta) : ReadI16();
  if (!ok()) return false;
  last_field_id_ = id;
  header.id = id;
  header.type = static_cast<ThriftType>(type);
  return true;
}

bool ThriftCompactReader::ReadBoolElement() {
  if (data_ >= end_) {
    Fail("Thrift boolean runs past the end of the data");
    return false;
  }
  return *data_++ == 1;
}

int8_t ThriftCompactReader::ReadByte() {
  if (data_ >= end_) {
    Fail("Thrift byte runs past the end of the data");
    return 0;
  }
  return static_cast<int8_t>(*data_++);
}

double ThriftCompactReader::ReadDouble() {
  if (remaining() < 8) {
    Fail("Thrift double runs past the end of the data");
    return 0;
  }
  double value;
  std::memcpy(&value, data_, 8);
  data_ += 8;
  return value;
}

uint64_t ThriftCompactReader::ReadVarint(int max_bytes) {
  uint64_t result = 0;
  for (int i = 0; i < max_bytes; ++i) {
    if (data_ >= end_) {
      Fail("Thrift varint runs past the end of the data");
      return 0;
    }
    uint8_t byte = *data_++;
    result |= static_cast<uint64_t>(byte & 0x7f) << (7 * i);
    if ((byte & 0x80) == 0) return result;
  }
  Fail("Thrift varint is too long");
  return 0;
}

std::string_view ThriftCompactReader::ReadBinary() {
  uint64_t length = ReadVarint(5);
  if (!ok()) return {};
  if (length > remaining()) {
    Fail(fmt::format("Thrift binary of {} bytes exceeds the {} bytes left", length, remaining()));
    return {};
  }
  std::string_view result(reinterpret_cast<const char*>(data_), length);
  data_ += length;
  return result;
}

ThriftCompactReader::ListHeader ThriftCompactReader::ReadListHeader() {
  ListHeader header;
  if (data_ >= end_) {
    Fail("Thrift list header runs past the end of the data");
    return header;
  }
  uint8_t byte = *data_++;
  uint8_t type = byte & 0x0f;
  uint64_t size = byte >> 4;
  if (size == 15) size = ReadVarint(5);
  if (!ok()) return header;
  if (!ValidType(type) || type == 0) {
    Fail(fmt::format("invalid Thrift list element type code {}", type));
    return header;
  }
  // Every element takes at least one byte (doubles eight).
  uint64_t min_bytes = size * (type == static_cast<uint8_t>(ThriftType::kDouble) ? 8 : 1);
  if (size > kMaxContainerSize || min_bytes > remaining()) {
    Fail(fmt::format("Thrift list of {} elements exceeds the {} bytes left", size, remaining()));
    return header;
  }
  header.element_type = static_cast<ThriftType>(type);
  header.size = static_cast<uint32_t>(size);
  return header;
}

void ThriftCompactReader::Skip(ThriftType type, bool in_container, int depth) {
  if (depth > kMaxDepth) {
    Fail(fmt::format("Thrift values nested deeper than {} levels", kMaxDepth));
    return;
  }
  switch (type) {
    case ThriftType::kBoolTrue:
    case ThriftType::kBoolFalse:
      if (in_container) ReadByte();
      return;
    case ThriftType::kByte:
      ReadByte();
      return;
    case ThriftType::kI16:
    case ThriftType::kI32:
    case ThriftType::kI64:
      ReadVarint(10);
      return;
    case ThriftType::kDouble:
      ReadDouble();
      return;
    case ThriftType::kBinary:
      ReadBinary();
      return;
    case ThriftType::kList:
    case ThriftType::kSet: {
      ListHeader header = ReadListHeader();
      for (uint32_t i = 0; i < header.size && ok(); ++i) Skip(header.element_type, true, depth + 1);
      return;
    }
    case ThriftType::kMap: {
      uint64_t size = ReadVarint(5);
      if (size == 0 || !ok()) return;
      if (size > kMaxContainerSize || size * 2 > remaining()) {
        Fail(fmt::format("Thrift map of {} entries exceeds the {} bytes left", size, remaining()));
        return;
      }
      uint8_t types = static_cast<uint8_t>(ReadByte());
      uint8_t key = types >> 4;
      uint8_t value = types & 0x0f;
      if (!ValidType(key) || !ValidType(value) || key == 0 || value == 0) {
        Fail("invalid Thrift map element type");
        return;
      }
      for (uint64_t i = 0; i < size && ok(); ++i) {
        Skip(static_cast<ThriftType>(key), true, depth + 1);
        Skip(static_cast<ThriftType>(value), true, depth + 1);
      }
      return;
    }
    case ThriftType::kStruct: {
      BeginStruct();
      FieldHeader header;
      while (ok() && ReadFieldHeader(header)) Skip(header.type, false, depth + 1);
      EndStruct();
      return;
    }
    case ThriftType::kStop:
      break;
  }
  Fail(fmt::format("cannot skip Thrift value of type code {}", static_cast<int>(type)));
}

}  // namespace switchboard::parquet
