// RowGroupScanner: the scan of one row group: projection, pushed predicates (applied exactly),
// pruning by page index, optional row positions, and DataChunks of at most kVectorSize rows.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "common/result.h"
#include "format/parquet/predicate.h"
#include "format/parquet/row_ranges.h"
#include "types/data_chunk.h"

namespace switchboard::parquet {

class FieldReader;
class ParquetReader;

/// What a scan reads and keeps.
struct ParquetScanOptions {
  /// Top-level fields (indexes into ParquetSchema::fields()) in output column order. Nested
  /// fields are read whole. May be empty (row counts only).
  std::vector<int> columns;
  /// Conjuncts on top-level primitive fields; rows failing any never come out.
  std::vector<ParquetPredicate> predicates;
  /// Adds a last BIGINT column: each row's position in the file (0-based, across row groups),
  /// as Iceberg position deletes need.
  bool emit_row_position = false;
  /// Pruning switches (all on by default).
  bool use_statistics = true;
  bool use_bloom_filters = true;
  bool use_page_index = true;
  bool use_dictionaries = true;
};

/// Work a scan did and avoided, for EXPLAIN ANALYZE. Sum them over row groups with Add.
struct ParquetScanCounters {
  int64_t row_groups = 0;
  int64_t row_groups_pruned_by_statistics = 0;
  int64_t row_groups_pruned_by_bloom_filter = 0;
  int64_t row_groups_pruned_by_page_index = 0;
  int64_t row_groups_pruned_by_dictionary = 0;
  /// Data pages never read because the page index excluded their rows.
  int64_t pages_skipped = 0;
  /// Rows excluded by the page index without decoding.
  int64_t rows_skipped = 0;
  /// Rows decoded and tested against the predicates.
  int64_t rows_decoded = 0;
  /// Rows that failed a predicate.
  int64_t rows_filtered = 0;
  int64_t rows_returned = 0;
  /// Bytes read from the file (pages, page indexes, bloom filters).
  int64_t bytes_read = 0;

  void Add(const ParquetScanCounters& other);
};

/// Produces the rows of one row group that satisfy the scan's predicates, in file order.
///
/// Contract: Next fills `out` with up to kVectorSize rows and returns true, or returns false
/// (with out.size() == 0) when the row group is exhausted. `out` is (re)initialized with the
/// scan's output types when its columns differ; its previous contents are released, so callers
/// that keep a batch must Reference or copy it first. Output vectors are flat; strings point
/// into page buffers the vectors keep alive. Single-threaded; scanners of different row groups
/// (or of the same one) run independently on different threads.
class RowGroupScanner {
 public:
  /// Prepares the scan of `row_group` of `reader` (see ParquetReader::ScanRowGroup).
  static Result<std::unique_ptr<RowGroupScanner>> Make(const ParquetReader& reader, int row_group,
                                                       const ParquetScanOptions& options);
  ~RowGroupScanner();

  /// Errors: kCorruptData (naming file, column and page) and kIoError.
  Result<bool> Next(DataChunk& out);

  /// The output types: the projected fields' types, then BIGINT for row positions.
  const std::vector<LogicalType>& output_types() const { return output_types_; }
  /// Whether pruning excluded the whole row group (Next returns false at once).
  bool pruned() const { return ranges_.empty(); }
  /// Counters so far.
  ParquetScanCounters counters() const;

 private:
  RowGroupScanner() = default;
  Result<void> OpenField(const ParquetReader& reader, int field);

  struct Column {
    int field;
    std::unique_ptr<FieldReader> reader;
    int output = -1;  // output column, or -1 for a predicate-only field
    Vector scratch;   // the vector predicate-only fields are read into
  };

  int row_group_ = 0;
  int64_t first_row_ = 0;
  RowRanges ranges_;
  size_t range_index_ = 0;
  int64_t position_ = 0;
  std::vector<BoundPredicate> predicates_;
  std::vector<Column> columns_;      // predicate fields first, then the other projected ones
  size_t predicate_columns_ = 0;     // how many of columns_ hold predicate fields
  std::vector<int> predicate_slot_;  // per predicate: its column in columns_
  std::vector<int> output_source_;   // per projected output column: its column in columns_
  std::vector<LogicalType> output_types_;
  bool emit_row_position_ = false;
  SelectionVector selection_{kVectorSize};
  ParquetScanCounters counters_;
};

}  // namespace switchboard::parquet
