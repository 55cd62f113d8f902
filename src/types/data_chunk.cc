// DataChunk operations over all columns.
#include "types/data_chunk.h"

#include "common/error.h"
#include "types/value.h"

namespace switchboard {

void DataChunk::Initialize(const std::vector<LogicalType>& types, idx_t capacity) {
  columns_.clear();
  columns_.reserve(types.size());
  for (const auto& type : types) columns_.emplace_back(type, capacity);
  capacity_ = capacity;
  size_ = 0;
}

std::vector<LogicalType> DataChunk::GetTypes() const {
  std::vector<LogicalType> types;
  types.reserve(columns_.size());
  for (const auto& column : columns_) types.push_back(column.type());
  return types;
}

void DataChunk::Reset() {
  for (auto& column : columns_) column.ResetForWrite(capacity_);
  size_ = 0;
}

void DataChunk::Reference(const DataChunk& other) {
  columns_ = other.columns_;
  size_ = other.size_;
  capacity_ = other.capacity_;
}

void DataChunk::Slice(const SelectionVector& sel, idx_t count) {
  for (auto& column : columns_) column.Slice(sel, count);
  size_ = count;
}

void DataChunk::Flatten() {
  for (auto& column : columns_) column.Flatten(size_);
}

void DataChunk::Append(const DataChunk& other, const SelectionVector& sel, idx_t count) {
  SB_CHECK(other.ColumnCount() == ColumnCount() && size_ + count <= capacity_);
  for (idx_t c = 0; c < columns_.size(); ++c) {
    columns_[c].CopyRows(other.columns_[c], sel, count, size_);
  }
  size_ += count;
}

void DataChunk::Append(const DataChunk& other) { Append(other, SelectionVector(), other.size()); }

std::string DataChunk::ToString() const {
  std::string out;
  for (idx_t row = 0; row < size_; ++row) {
    for (idx_t c = 0; c < columns_.size(); ++c) {
      if (c > 0) out += '\t';
      out += columns_[c].GetValue(row).ToString();
    }
    out += '\n';
  }
  return out;
}

}  // namespace switchboard
