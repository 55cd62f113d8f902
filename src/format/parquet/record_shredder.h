// RecordShredder: turns the ARRAY, MAP and ROW values of one top-level column into the
// repetition and definition levels and leaf values of its Parquet leaf columns.
#pragma once

#include <vector>

#include "common/result.h"
#include "format/parquet/column_writer.h"
#include "format/parquet/schema.h"
#include "types/vector.h"

namespace switchboard::parquet {

/// Walks values row by row (nested columns only; flat ones go straight to their ColumnWriter).
/// Not thread-safe; one per nested column of a writer.
class RecordShredder {
 public:
  /// `field` (with its levels) must outlive the shredder; `writers` are the column's leaf
  /// writers in leaf order.
  RecordShredder(const ParquetField& field, std::vector<ColumnWriter*> writers);

  /// Shreds rows [begin, end) of flat vector `vector` (of the field's type) into the writers.
  /// Errors: kInvalidParameter for a NULL where the schema requires a value (naming the field).
  Result<void> Shred(const Vector& vector, idx_t begin, idx_t end);

 private:
  struct LeafBuffer {
    std::vector<uint8_t> repetition;
    std::vector<uint8_t> definition;
    std::vector<sel_t> value_rows;
    const Vector* values = nullptr;
  };

  Result<void> ShredValue(const ParquetField& field, const Vector& vector, idx_t row,
                          uint8_t repetition);
  /// Adds a level pair without a value to every leaf below `field`.
  void AddEmpty(const ParquetField& field, uint8_t repetition, uint8_t definition);
  void BindLeaves(const ParquetField& field, const Vector& vector);

  const ParquetField& field_;
  std::vector<ColumnWriter*> writers_;
  int first_leaf_;
  std::vector<LeafBuffer> leaves_;
};

}  // namespace switchboard::parquet
