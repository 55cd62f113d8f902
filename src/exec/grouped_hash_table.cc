// GroupedHashTable probing, growth and merging.
#include "exec/grouped_hash_table.h"

#include <cstring>

#include "common/memory_tracker.h"

namespace switchboard {

namespace {

constexpr idx_t kInitialSlots = 1024;
constexpr uint64_t kGroupMask = (uint64_t{1} << 48) - 1;

inline uint64_t Salt(hash_t hash) { return hash >> 48; }

}  // namespace

GroupedHashTable::GroupedHashTable(std::vector<LogicalType> key_types, idx_t payload_bytes,
                                   MemoryTracker* tracker)
    : layout_(std::move(key_types), 16 + payload_bytes), tracker_(tracker) {
  hash_offset_ = layout_.extra_offset();
  payload_offset_ = layout_.extra_offset() + 16;
  entries_ = ZeroedArray<uint64_t>(kInitialSlots);
  mask_ = kInitialSlots - 1;
  arenas_.push_back(std::make_unique<Arena>(4096, tracker));
  if (tracker_) {
    tracker_->Reserve(static_cast<int64_t>(entries_.size() * sizeof(uint64_t)));
    charged_ += static_cast<int64_t>(entries_.size() * sizeof(uint64_t));
  }
}

GroupedHashTable::~GroupedHashTable() {
  if (layout_.has_nested()) {
    for (idx_t g = 0; g < count_; ++g) layout_.DestroyNested(Row(g));
  }
  if (tracker_ && charged_ > 0) tracker_->Release(charged_);
}

hash_t GroupedHashTable::RowHash(const uint8_t* row) const {
  hash_t h;
  std::memcpy(&h, row + hash_offset_, sizeof(h));
  return h;
}

uint8_t* GroupedHashTable::AppendRow() {
  idx_t block = count_ >> kBlockShift;
  if (block == blocks_.size()) {
    idx_t bytes = (idx_t{1} << kBlockShift) * layout_.row_width();
    if (tracker_) {
      tracker_->Reserve(static_cast<int64_t>(bytes));
      charged_ += static_cast<int64_t>(bytes);
    }
    blocks_.emplace_back(new uint8_t[bytes]);  // new[] aligns to 16 bytes on this platform
  }
  uint8_t* row = Row(count_);
  ++count_;
  return row;
}

void GroupedHashTable::InsertEntry(hash_t hash, idx_t group) {
  idx_t slot = hash & mask_;
  while (entries_[slot] != 0) slot = (slot + 1) & mask_;
  entries_[slot] = (Salt(hash) << 48) | (group + 1);
}

void GroupedHashTable::Grow() {
  idx_t slots = entries_.size() * 2;
  if (tracker_) {
    tracker_->Reserve(static_cast<int64_t>(entries_.size() * sizeof(uint64_t)));
    charged_ += static_cast<int64_t>(entries_.size() * sizeof(uint64_t));
  }
  entries_ = ZeroedArray<uint64_t>(slots);
  mask_ = slots - 1;
  for (idx_t g = 0; g < count_; ++g) InsertEntry(RowHash(Row(g)), g);
}

idx_t GroupedHashTable::Probe(hash_t hash, const uint8_t* key_row) const {
  uint64_t salt = Salt(hash);
  idx_t slot = hash & mask_;
  idx_t keys = layout_.ColumnCount();
  while (true) {
    uint64_t entry = entries_[slot];
    if (entry == 0) return slot;
    if ((entry >> 48) == salt && layout_.KeysEqual(Row((entry & kGroupMask) - 1), key_row, keys)) {
      return slot;
    }
    slot = (slot + 1) & mask_;
  }
}

idx_t GroupedHashTable::FindOrCreate(const std::vector<const Vector*>& keys, const hash_t* hashes,
                                     idx_t count, uint8_t** rows_out, SelectionVector& new_groups) {
  idx_t width = layout_.row_width();
  if (scratch_.size() < count * width) scratch_.resize(count * width);
  std::vector<uint8_t*> scratch_rows(count);
  for (idx_t i = 0; i < count; ++i) scratch_rows[i] = scratch_.data() + i * width;
  layout_.Scatter(keys, count, scratch_rows.data());
  // Room for every row to be a new group, so that slots stay put while the batch is probed; then
  // the home slots, and the group rows they point to, are fetched for the whole batch before
  // the rows are resolved one by one (independent misses overlap instead of queueing).
  while ((count_ + count) * 2 > entries_.size()) Grow();
  for (idx_t i = 0; i < count; ++i) __builtin_prefetch(&entries_[hashes[i] & mask_]);
  for (idx_t i = 0; i < count; ++i) {
    uint64_t entry = entries_[hashes[i] & mask_];
    if (entry != 0 && (entry >> 48) == Salt(hashes[i])) __builtin_prefetch(Row((entry & kGroupMask) - 1));
  }
  idx_t created = 0;
  for (idx_t i = 0; i < count; ++i) {
    idx_t slot = Probe(hashes[i], scratch_rows[i]);
    uint64_t entry = entries_[slot];
    if (entry != 0) {
      rows_out[i] = Row((entry & kGroupMask) - 1);
      layout_.DestroyNested(scratch_rows[i]);
      continue;
    }
    idx_t group = count_;
    uint8_t* row = AppendRow();
    std::memcpy(row, scratch_rows[i], layout_.extra_offset());
    layout_.Persist(row, *arenas_.front());
    std::memcpy(row + hash_offset_, &hashes[i], sizeof(hash_t));
    entries_[slot] = (Salt(hashes[i]) << 48) | (group + 1);
    rows_out[i] = row;
    new_groups.set_index(created++, i);
  }
  return created;
}

void GroupedHashTable::Merge(GroupedHashTable& other,
                             const std::function<void(uint8_t** sources, uint8_t** targets, idx_t count)>& combine) {
  std::vector<uint8_t*> sources, targets;
  sources.reserve(kVectorSize);
  targets.reserve(kVectorSize);
  auto flush = [&] {
    if (!sources.empty()) combine(sources.data(), targets.data(), sources.size());
    sources.clear();
    targets.clear();
  };
  for (idx_t g = 0; g < other.count_; ++g) {
    uint8_t* source = other.Row(g);
    hash_t hash = other.RowHash(source);
    if ((count_ + 1) * 2 > entries_.size()) Grow();
    idx_t slot = Probe(hash, source);
    uint64_t entry = entries_[slot];
    if (entry != 0) {
      sources.push_back(source);
      targets.push_back(Row((entry & kGroupMask) - 1));
      if (sources.size() == kVectorSize) flush();
      continue;
    }
    idx_t group = count_;
    uint8_t* row = AppendRow();
    std::memcpy(row, source, layout_.row_width());
    entries_[slot] = (Salt(hash) << 48) | (group + 1);
    if (layout_.has_nested()) {
      // The adopted row now owns the nested values; the other table must not free them.
      for (idx_t c = 0; c < layout_.ColumnCount(); ++c) {
        if (layout_.types()[c].IsNested()) source[c >> 3] &= static_cast<uint8_t>(~(1u << (c & 7)));
      }
    }
  }
  flush();
  // Adopted rows reference the other table's string arenas.
  for (auto& arena : other.arenas_) arenas_.push_back(std::move(arena));
  other.arenas_.clear();
}

void GroupedHashTable::ForEachBatch(const std::function<void(uint8_t** rows, idx_t count)>& fn) const {
  std::vector<uint8_t*> rows;
  rows.reserve(kVectorSize);
  for (idx_t g = 0; g < count_; ++g) {
    rows.push_back(Row(g));
    if (rows.size() == kVectorSize) {
      fn(rows.data(), rows.size());
      rows.clear();
    }
  }
  if (!rows.empty()) fn(rows.data(), rows.size());
}

}  // namespace switchboard
