// ChunkCollection: rows materialized as a list of full DataChunks, with random access by row
// number. Holds query results, in-memory tables, sort and join inputs.
#pragma once

#include <memory>
#include <vector>

#include "types/data_chunk.h"

namespace switchboard {

class MemoryTracker;

/// Every chunk but the last is full (kVectorSize rows), so row r lives in chunk r / kVectorSize
/// at r % kVectorSize. Appends copy (strings and nested values included). Not thread-safe;
/// threads fill their own collections and Merge them.
class ChunkCollection {
 public:
  /// `tracker` (optional, not owned) is charged an estimate of the bytes held.
  explicit ChunkCollection(std::vector<LogicalType> types, MemoryTracker* tracker = nullptr);
  ~ChunkCollection();
  ChunkCollection(ChunkCollection&&) noexcept;
  ChunkCollection& operator=(ChunkCollection&&) noexcept;

  const std::vector<LogicalType>& types() const { return types_; }
  idx_t size() const { return count_; }
  idx_t ChunkCount() const { return chunks_.size(); }
  DataChunk& chunk(idx_t i) { return *chunks_[i]; }
  const DataChunk& chunk(idx_t i) const { return *chunks_[i]; }

  /// Appends all rows of `chunk` (any vector kinds).
  void Append(const DataChunk& chunk);
  /// Moves all of `other`'s rows to the end of this collection.
  void Merge(ChunkCollection&& other);
  /// Value of column `column` at row `row` (slow path).
  Value GetValue(idx_t column, idx_t row) const;
  /// Bytes charged to the tracker so far.
  int64_t bytes() const { return bytes_; }
  /// Returns the charged bytes to the tracker and stops tracking (for rows that outlive the
  /// query that produced them, such as a result handed to the caller).
  void Untrack();

 private:
  void AppendRows(const DataChunk& chunk);
  void Charge(const DataChunk& chunk, idx_t rows);

  std::vector<LogicalType> types_;
  std::vector<std::unique_ptr<DataChunk>> chunks_;
  idx_t count_ = 0;
  MemoryTracker* tracker_;
  int64_t bytes_ = 0;
};

/// Estimated bytes held by the first `rows` rows of `chunk` (fixed-width data, validity and
/// out-of-line string payload), for memory accounting.
int64_t EstimateChunkBytes(const DataChunk& chunk, idx_t rows);

}  // namespace switchboard
