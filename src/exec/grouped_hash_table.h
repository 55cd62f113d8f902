// GroupedHashTable: finds or creates one row per distinct key, with caller-defined payload bytes
// per row (aggregate states). Used by GROUP BY, DISTINCT and set operations.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "common/hash.h"
#include "exec/row_layout.h"
#include "exec/zeroed_array.h"

namespace switchboard {

class MemoryTracker;

/// Open addressing (linear probing) over 64-bit entries holding a 16-bit hash salt and a group
/// number. Group rows live in fixed-size blocks, so row pointers stay valid as the table grows.
/// Not thread-safe: each thread builds its own tables, which Merge combines.
class GroupedHashTable {
 public:
  /// `payload_bytes` per group follow the key fields (16-byte aligned). `tracker` (optional) is
  /// charged for rows, strings and the slot array.
  GroupedHashTable(std::vector<LogicalType> key_types, idx_t payload_bytes, MemoryTracker* tracker);
  ~GroupedHashTable();
  GroupedHashTable(const GroupedHashTable&) = delete;
  GroupedHashTable& operator=(const GroupedHashTable&) = delete;

  const RowLayout& layout() const { return layout_; }
  idx_t size() const { return count_; }
  idx_t payload_offset() const { return payload_offset_; }

  /// rows_out[i] = the group row of key row i (0 <= i < count). Groups created by this call have
  /// their key fields set and their payload uninitialized; their positions i go to `new_groups`.
  /// Returns the number of new groups.
  idx_t FindOrCreate(const std::vector<const Vector*>& keys, const hash_t* hashes, idx_t count,
                     uint8_t** rows_out, SelectionVector& new_groups);

  uint8_t* Row(idx_t group) const {
    return blocks_[group >> kBlockShift].get() + (group & kBlockMask) * layout_.row_width();
  }
  hash_t RowHash(const uint8_t* row) const;

  /// Moves every group of `other` into this table. Groups present in both are passed to
  /// `combine(other_rows, our_rows, n)` (which must leave the other's payload destructible or
  /// destroyed); the rest are adopted with their payload.
  void Merge(GroupedHashTable& other,
             const std::function<void(uint8_t** sources, uint8_t** targets, idx_t count)>& combine);

  /// Calls fn(rows, n) over all groups in batches (for finalizing and destroying payloads).
  void ForEachBatch(const std::function<void(uint8_t** rows, idx_t count)>& fn) const;

 private:
  static constexpr idx_t kBlockShift = 12;
  static constexpr idx_t kBlockMask = (idx_t{1} << kBlockShift) - 1;

  uint8_t* AppendRow();
  void Grow();
  void InsertEntry(hash_t hash, idx_t group);
  /// Slot of `key_row`'s group, or the empty slot where it belongs.
  idx_t Probe(hash_t hash, const uint8_t* key_row) const;

  RowLayout layout_;
  idx_t payload_offset_;
  idx_t hash_offset_;
  ZeroedArray<uint64_t> entries_;  // 0 = empty; else salt << 48 | (group + 1)
  idx_t mask_ = 0;
  idx_t count_ = 0;
  std::vector<std::unique_ptr<uint8_t[]>> blocks_;
  std::vector<std::unique_ptr<Arena>> arenas_;  // long strings of the keys (adopted on Merge)
  std::vector<uint8_t> scratch_;                // encoded probe keys
  MemoryTracker* tracker_;
  int64_t charged_ = 0;
};

}  // namespace switchboard
