// ThriftCompactWriter: varints and headers of the compact protocol.
#include "format/parquet/thrift_compact_writer.h"

namespace switchboard::parquet {

void ThriftCompactWriter::BeginStruct() {
  field_id_stack_.push_back(last_field_id_);
  last_field_id_ = 0;
}

void ThriftCompactWriter::EndStruct() {
  out_.push_back(0);
  if (!field_id_stack_.empty()) {
    last_field_id_ = field_id_stack_.back();
    field_id_stack_.pop_back();
  }
}

void ThriftCompactWriter::FieldHeader(int16_t id, ThriftType type) {
  int delta = id - last_field_id_;
  if (delta > 0 && delta <= 15) {
    out_.push_back(static_cast<uint8_t>(delta << 4 | static_cast<uint8_t>(type)));
  } else {
    out_.push_back(static_cast<uint8_t>(type));
    WriteZigZag(id);
  }
  last_field_id_ = id;
}

void ThriftCompactWriter::BoolField(int16_t id, bool value) {
  FieldHeader(id, value ? ThriftType::kBoolTrue : ThriftType::kBoolFalse);
}

void ThriftCompactWriter::ListHeader(ThriftType element_type, size_t size) {
  if (size < 15) {
    out_.push_back(static_cast<uint8_t>(size << 4 | static_cast<uint8_t>(element_type)));
  } else {
    out_.push_back(static_cast<uint8_t>(0xf0 | static_cast<uint8_t>(element_type)));
    WriteVarint(size);
  }
}

void ThriftCompactWriter::Binary(std::string_view value) {
  WriteVarint(value.size());
  out_.insert(out_.end(), value.begin(), value.end());
}

void ThriftCompactWriter::WriteVarint(uint64_t value) {
  while (value >= 0x80) {
    out_.push_back(static_cast<uint8_t>(value | 0x80));
    value >>= 7;
  }
  out_.push_back(static_cast<uint8_t>(value));
}

}  // namespace switchboard::parquet
