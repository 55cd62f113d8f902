// RowLayout: a fixed-width row format for keys and payloads kept in hash tables: a validity
// bitmap, one fixed-size field per column, then caller-defined bytes (aggregate states, hashes,
// chain pointers). Long strings live in an arena owned alongside the rows.
#pragma once

#include <vector>

#include "common/arena.h"
#include "types/vector.h"

namespace switchboard {

/// Field encodings: fixed-width values are stored as-is (floats normalized so that equal values
/// have equal bytes), strings as StringView, TIMESTAMP WITH TIME ZONE as (micros, zone) with
/// only micros compared, nested values as a pointer to a heap Value that the row owns (release
/// it with DestroyNested when the row is discarded).
class RowLayout {
 public:
  /// `extra_bytes` are appended after the fields, 16-byte aligned (for aggregate states).
  explicit RowLayout(std::vector<LogicalType> types, idx_t extra_bytes = 0);
  RowLayout() = default;

  const std::vector<LogicalType>& types() const { return types_; }
  idx_t ColumnCount() const { return types_.size(); }
  /// Bytes per row (a multiple of 16).
  idx_t row_width() const { return row_width_; }
  idx_t field_offset(idx_t column) const { return offsets_[column]; }
  /// Bytes that hold the validity bitmap and the fields of columns [0, columns): rows that only
  /// carry those columns (probe keys) may be this narrow.
  idx_t prefix_width(idx_t columns) const {
    return columns == 0 ? validity_bytes_ : offsets_[columns - 1] + widths_[columns - 1];
  }
  /// Offset of the caller-defined bytes.
  idx_t extra_offset() const { return extra_offset_; }
  bool has_nested() const { return has_nested_; }

  /// Writes rows 0..count) of `columns` into rows[i]: columns[c] fills layout column c (a prefix
  /// of the layout's columns may be given, e.g. only the keys). Long strings are referenced, not
  /// copied (see Persist).
  void Scatter(const std::vector<const Vector*>& columns, idx_t count, uint8_t* const* rows) const;
  /// Copies the long strings a row references into `arena`, so the row no longer depends on the
  /// vectors it was scattered from.
  void Persist(uint8_t* row, Arena& arena) const;
  /// Writes column `column` of rows[i] into rows offset+i of the flat vector `result`.
  void Gather(const uint8_t* const* rows, idx_t count, idx_t column, Vector& result, idx_t offset = 0) const;
  /// True when columns [0, compare_columns) of both rows are equal (NULL equals NULL).
  bool KeysEqual(const uint8_t* a, const uint8_t* b, idx_t compare_columns) const;
  bool IsValid(const uint8_t* row, idx_t column) const {
    return (row[column >> 3] >> (column & 7)) & 1;
  }
  /// Releases the nested values a row owns (a no-op without nested columns).
  void DestroyNested(uint8_t* row) const;

 private:
  enum class FieldKind : uint8_t { kFixed, kString, kTimestampTz, kNested };
  std::vector<LogicalType> types_;
  std::vector<idx_t> offsets_;
  std::vector<idx_t> widths_;
  std::vector<FieldKind> kinds_;
  idx_t validity_bytes_ = 0;
  idx_t row_width_ = 0;
  idx_t extra_offset_ = 0;
  bool has_nested_ = false;
  bool all_fixed_ = true;
};

}  // namespace switchboard
