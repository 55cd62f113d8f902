// DataChunk: a batch of rows as one vector per column; the unit that flows through pipelines.
#pragma once

#include <string>
#include <vector>

#include "types/vector.h"

namespace switchboard {

/// Columns of equal row count (`size()` <= capacity). Copying is not allowed: use Reference to
/// share another chunk's vectors.
class DataChunk {
 public:
  DataChunk() = default;
  DataChunk(const DataChunk&) = delete;
  DataChunk& operator=(const DataChunk&) = delete;
  DataChunk(DataChunk&&) = default;
  DataChunk& operator=(DataChunk&&) = default;

  /// Flat vectors of the given types, `capacity` rows each, and size 0.
  void Initialize(const std::vector<LogicalType>& types, idx_t capacity = kVectorSize);

  idx_t size() const { return size_; }
  void SetSize(idx_t size) { size_ = size; }
  idx_t capacity() const { return capacity_; }
  idx_t ColumnCount() const { return columns_.size(); }
  Vector& column(idx_t i) { return columns_[i]; }
  const Vector& column(idx_t i) const { return columns_[i]; }
  std::vector<Vector>& columns() { return columns_; }
  std::vector<LogicalType> GetTypes() const;

  /// Size 0 and every column flat and writable again (buffers reused where unshared).
  void Reset();
  /// Shares `other`'s vectors and size.
  void Reference(const DataChunk& other);
  /// Keeps rows sel[0..count) of every column (no copy: columns become dictionaries).
  void Slice(const SelectionVector& sel, idx_t count);
  /// Makes every column flat.
  void Flatten();
  /// Appends rows sel[0..count) of `other` (same types) after the current rows; the caller
  /// ensures capacity.
  void Append(const DataChunk& other, const SelectionVector& sel, idx_t count);
  /// Appends all rows of `other`.
  void Append(const DataChunk& other);

  /// Rows as text, one per line, for tests and debugging.
  std::string ToString() const;

 private:
  std::vector<Vector> columns_;
  idx_t size_ = 0;
  idx_t capacity_ = kVectorSize;
};

}  // namespace switchboard
