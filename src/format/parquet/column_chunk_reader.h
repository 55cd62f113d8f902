// ColumnChunkReader: reads the rows of one leaf column chunk: pages through PageReader,
// repetition and definition levels, and values through a ValueDecoder.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/page_reader.h"
#include "format/parquet/rle_bit_packed_decoder.h"
#include "format/parquet/schema.h"
#include "format/parquet/value_decoder.h"
#include "types/vector.h"

namespace switchboard::parquet {

/// The levels and the non-NULL values of some rows of a nested leaf, for record assembly.
struct LevelBatch {
  std::vector<uint8_t> repetition;
  std::vector<uint8_t> definition;
  /// ARRAY(leaf type) used only as a growable holder: its child holds the values densely.
  Vector values_holder;
  size_t value_count = 0;

  const Vector& values() const { return values_holder.list_child(); }
  void Clear() {
    repetition.clear();
    definition.clear();
    values_holder.ResetForWrite(1);
    value_count = 0;
  }
};

/// Rows are numbered from the start of the row group. Reading moves forward only. Not
/// thread-safe: one per column chunk of a row group scan.
class ColumnChunkReader {
 public:
  /// `page_first_rows` (empty when unknown) gives the first row of each data page the page
  /// reader will return, from the offset index; it lets page ranges skip rows without reading
  /// them. `num_rows` is the row group's row count.
  ColumnChunkReader(const LeafColumn& leaf, std::unique_ptr<PageReader> pages,
                    std::unique_ptr<ValueDecoder> decoder, std::vector<int64_t> page_first_rows,
                    int64_t num_rows);

  const LeafColumn& leaf() const { return leaf_; }
  /// The next row to be read.
  int64_t current_row() const { return current_row_; }

  /// Top-level leaves without repetition: reads the next `rows` rows into rows
  /// [offset, offset + rows) of flat vector `out` (of the decoder's output type).
  /// Errors: kCorruptData (the column ends early, malformed pages or levels).
  Result<void> ReadFlat(size_t rows, Vector& out, size_t offset);

  /// Appends the levels and values of the next `rows` rows to `batch`. Errors: as ReadFlat.
  Result<void> ReadNested(size_t rows, LevelBatch& batch);

  /// Skips forward to row `row` (not before current_row()). Errors: as ReadFlat.
  Result<void> SkipTo(int64_t row);

  /// The dictionary of the chunk when its first page is a dictionary page (loaded on first
  /// use), else nullptr. Errors: as ReadFlat.
  Result<const Vector*> Dictionary();

 private:
  class LevelDecoder {
   public:
    Result<void> Reset(Encoding encoding, const uint8_t* data, size_t size, int max_level,
                       size_t num_values);
    /// Decodes `count` levels; false when the page holds fewer.
    bool Get(uint8_t* out, size_t count);
    bool Skip(size_t count);
    /// True (with the level) when the next `count` levels are all equal.
    bool PeekRun(size_t count, uint8_t& level);

   private:
    bool legacy_ = false;
    RleBitPackedDecoder<uint8_t> rle_;
    std::vector<uint8_t> unpacked_;
    size_t position_ = 0;
  };

  Error Corrupt(std::string_view problem) const;
  /// `error` prefixed with the file, column and current page.
  Error PageError(Error error) const;
  Result<void> DecodeValues(size_t count, Vector& out, size_t offset);
  Result<void> SkipValues(size_t count);
  /// Loads the next data page (handling a dictionary page first); false at the end of the chunk.
  Result<bool> NextDataPage();
  Result<bool> FetchPage(Page& page);
  Result<void> LoadDictionary(Page& page);
  /// Decodes up to kLevelChunk levels of the current page into pending_*.
  Result<void> FillPending();
  /// Consumes pending levels for up to `rows` rows (a row ends where the next starts at level
  /// 0); appends them to `batch` when given. Returns rows completed and values covered.
  Result<void> ConsumeNested(size_t rows, LevelBatch* batch);

  const LeafColumn& leaf_;
  std::unique_ptr<PageReader> pages_;
  std::unique_ptr<ValueDecoder> decoder_;
  std::vector<int64_t> page_first_rows_;
  int64_t num_rows_;
  int max_definition_;
  int max_repetition_;

  std::optional<Page> lookahead_;  // a data page read while looking for the dictionary
  bool dictionary_checked_ = false;
  bool seen_data_page_ = false;
  size_t data_pages_ = 0;
  Page page_;
  int64_t levels_left_ = 0;  // levels of the current page not yet decoded
  LevelDecoder repetition_;
  LevelDecoder definition_;
  int64_t current_row_ = 0;

  // Nested leaves: levels decoded ahead of the rows consumed.
  std::vector<uint8_t> pending_repetition_;
  std::vector<uint8_t> pending_definition_;
  size_t pending_position_ = 0;
  bool at_page_start_ = true;
  // Flat leaves: definition levels of the current batch.
  std::vector<uint8_t> scratch_levels_;
};

}  // namespace switchboard::parquet
