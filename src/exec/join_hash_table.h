// JoinHashTable: the build side of a hash join as rows (keys, then payload) chained per bucket,
// probed a vector of keys at a time.
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include "common/hash.h"
#include "exec/row_layout.h"
#include "exec/zeroed_array.h"

namespace switchboard {

class MemoryTracker;
class ThreadPool;

/// Rows are appended by several threads into their own RowBlocks, handed over with AddBlocks,
/// and chained into buckets by Build. After Build the table is read-only except for the
/// per-row "matched" flags that outer joins set.
class JoinHashTable {
 public:
  /// Rows appended by one thread.
  class RowBlocks {
   public:
    explicit RowBlocks(const RowLayout& layout, MemoryTracker* tracker);
    ~RowBlocks();
    /// Appends `count` rows: `keys` then `payload` columns; rows whose keys are NULL (in a
    /// column that is not null-safe) are kept for outer joins but marked unjoinable.
    void Append(const std::vector<const Vector*>& columns, const hash_t* hashes, const std::vector<bool>& null_safe, idx_t count);

   private:
    friend class JoinHashTable;
    // Zero-filled row storage; blocks grow from 256 KiB to 4 MiB (huge pages for the large).
    struct Block {
      ZeroedArray<uint8_t> memory;
      idx_t capacity;  // rows
      idx_t rows = 0;
    };
    const RowLayout& layout_;
    std::vector<Block> blocks_;
    idx_t count_ = 0;
    std::unique_ptr<Arena> arena_;
    MemoryTracker* tracker_;
    int64_t charged_ = 0;
    std::vector<uint8_t*> scratch_;
  };

  JoinHashTable(std::vector<LogicalType> key_types, std::vector<LogicalType> payload_types,
                std::vector<bool> null_safe, MemoryTracker* tracker);
  ~JoinHashTable();

  const RowLayout& layout() const { return layout_; }
  idx_t key_count() const { return key_count_; }
  const std::vector<bool>& null_safe() const { return null_safe_; }
  std::unique_ptr<RowBlocks> CreateBlocks() const { return std::make_unique<RowBlocks>(layout_, tracker_); }
  void AddBlocks(std::unique_ptr<RowBlocks> blocks);
  /// Chains every row into the bucket array, on `pool`'s threads when given (the order of rows
  /// within a chain then varies from run to run).
  void Build(ThreadPool* pool = nullptr);

  idx_t size() const { return count_; }
  /// True when some build row has a NULL key (for NOT IN / mark joins).
  bool has_null_key() const { return has_null_key_; }

  /// First row of the chain for `hash` (or nullptr); follow with Next.
  const uint8_t* Bucket(hash_t hash) const { return buckets_[hash & mask_]; }
  const uint8_t* Next(const uint8_t* row) const {
    const uint8_t* next;
    std::memcpy(&next, row + next_offset_, sizeof(next));
    return next;
  }
  hash_t RowHash(const uint8_t* row) const {
    hash_t h;
    std::memcpy(&h, row + hash_offset_, sizeof(h));
    return h;
  }
  /// Sets and reads the outer-join "matched" flag.
  void MarkMatched(const uint8_t* row) const {
    reinterpret_cast<std::atomic<uint8_t>*>(const_cast<uint8_t*>(row) + matched_offset_)->store(1, std::memory_order_relaxed);
  }
  bool IsMatched(const uint8_t* row) const {
    return reinterpret_cast<const std::atomic<uint8_t>*>(row + matched_offset_)->load(std::memory_order_relaxed) != 0;
  }
  /// Every row (for the unmatched-rows scan of RIGHT and FULL joins).
  const std::vector<uint8_t*>& rows() const { return rows_; }

 private:
  RowLayout layout_;
  idx_t key_count_;
  std::vector<bool> null_safe_;
  idx_t hash_offset_, next_offset_, matched_offset_;
  std::vector<std::unique_ptr<RowBlocks>> blocks_;
  std::vector<uint8_t*> rows_;
  ZeroedArray<const uint8_t*> buckets_;
  idx_t mask_ = 0;
  idx_t count_ = 0;
  bool has_null_key_ = false;
  MemoryTracker* tracker_;
  int64_t charged_ = 0;
};

}  // namespace switchboard
