// RowSorter: orders the rows of a ChunkCollection by key columns, using byte-comparable
// normalized keys (memcmp) and a typed tie-break for long strings and nested values.
#pragma once

#include <vector>

#include "types/chunk_collection.h"

namespace switchboard {

struct SortSpec {
  idx_t column;  // key column in the collection
  bool descending = false;
  bool nulls_first = false;
};

class RowSorter {
 public:
  RowSorter(const ChunkCollection& rows, std::vector<SortSpec> specs);

  /// The row numbers of the collection in sorted order (stable).
  std::vector<idx_t> Sort() const;
  /// Like Sort, but only the first `limit` rows are fully ordered (top-N).
  std::vector<idx_t> SortTop(idx_t limit) const;
  /// <0, 0, >0 comparing rows a and b by the keys.
  int Compare(idx_t a, idx_t b) const;

 private:
  void EncodeKeys();
  bool Less(idx_t a, idx_t b) const;

  const ChunkCollection& rows_;
  std::vector<SortSpec> specs_;
  idx_t key_width_ = 0;
  std::vector<uint8_t> keys_;   // key_width_ bytes per row
  bool needs_tie_break_ = false;
  // Flat copies of the key columns for the tie-break.
  std::vector<std::vector<StringView>> strings_;
  std::vector<std::vector<Value>> nested_;
};

/// Copies rows order[0..count) of `rows` (columns `columns`, in that order) into `out`.
void GatherRows(const ChunkCollection& rows, const idx_t* order, idx_t count,
                const std::vector<idx_t>& columns, DataChunk& out);

}  // namespace switchboard
