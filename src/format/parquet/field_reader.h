// FieldReader: reads one top-level column of a row group into engine vectors, either straight
// from one flat leaf or through record assembly of several nested leaves.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/column_chunk_reader.h"
#include "format/parquet/record_assembler.h"
#include "format/parquet/schema.h"

namespace switchboard::parquet {

/// Forward-only; not thread-safe (one per column of a row group scan).
class FieldReader {
 public:
  /// A reader for `field` over its leaves' chunk readers (in leaf order). `context` names the
  /// file and column for errors.
  static std::unique_ptr<FieldReader> Make(const ParquetField& field,
                                           const std::vector<LeafColumn>& leaves,
                                           std::vector<std::unique_ptr<ColumnChunkReader>> readers,
                                           std::string context);

  virtual ~FieldReader() = default;

  /// Reads the next `rows` rows into rows [0, rows) of flat vector `out` (of the field's type,
  /// reset for writing, with room for them). Errors: kCorruptData.
  virtual Result<void> Read(size_t rows, Vector& out) = 0;
  /// Skips forward to row `row` of the row group. Errors: kCorruptData.
  virtual Result<void> SkipTo(int64_t row) = 0;
  /// For a flat primitive column: its dictionary when the chunk has one (for pruning); nullptr
  /// otherwise. Must be called before reading. Errors: kCorruptData.
  virtual Result<const Vector*> Dictionary() = 0;
};

}  // namespace switchboard::parquet
