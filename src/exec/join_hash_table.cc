// JoinHashTable row storage and bucket chaining.
#include "exec/join_hash_table.h"

#include <cstring>

#include "common/memory_tracker.h"
#include "common/thread_pool.h"

namespace switchboard {

namespace {
// Extra bytes per row: hash (8), next pointer (8), matched flag (1) and a flag marking rows whose
// keys can never match (1).
constexpr idx_t kExtraBytes = 24;
constexpr idx_t kFirstBlockBytes = 256 * 1024;
constexpr idx_t kMaxBlockBytes = 4 * 1024 * 1024;
std::vector<LogicalType> Concat(std::vector<LogicalType> a, const std::vector<LogicalType>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}
}  // namespace

JoinHashTable::RowBlocks::RowBlocks(const RowLayout& layout, MemoryTracker* tracker)
    : layout_(layout), arena_(std::make_unique<Arena>(4096, tracker)), tracker_(tracker) {}

JoinHashTable::RowBlocks::~RowBlocks() {
  if (layout_.has_nested()) {
    for (auto& block : blocks_) {
      for (idx_t r = 0; r < block.rows; ++r) layout_.DestroyNested(block.memory.data() + r * layout_.row_width());
    }
  }
  if (tracker_ && charged_ > 0) tracker_->Release(charged_);
}

void JoinHashTable::RowBlocks::Append(const std::vector<const Vector*>& columns, const hash_t* hashes,
                                      const std::vector<bool>& null_safe, idx_t count) {
  scratch_.resize(count);
  idx_t width = layout_.row_width();
  for (idx_t i = 0; i < count; ++i) {
    if (blocks_.empty() || blocks_.back().rows == blocks_.back().capacity) {
      idx_t bytes = blocks_.empty() ? kFirstBlockBytes : std::min(kMaxBlockBytes, 2 * blocks_.back().memory.size());
      idx_t capacity = std::max<idx_t>(64, bytes / width);
      bytes = capacity * width;
      if (tracker_) {
        tracker_->Reserve(static_cast<int64_t>(bytes));
        charged_ += static_cast<int64_t>(bytes);
      }
      blocks_.push_back({ZeroedArray<uint8_t>(bytes), capacity});
    }
    Block& block = blocks_.back();
    scratch_[i] = block.memory.data() + block.rows * width;
    ++block.rows;
  }
  count_ += count;
  layout_.Scatter(columns, count, scratch_.data());
  idx_t keys = null_safe.size();
  idx_t extra = layout_.extra_offset();
  for (idx_t i = 0; i < count; ++i) {
    uint8_t* row = scratch_[i];
    layout_.Persist(row, *arena_);
    std::memcpy(row + extra, &hashes[i], sizeof(hash_t));
    bool joinable = true;
    for (idx_t k = 0; k < keys; ++k) {
      if (!null_safe[k] && !layout_.IsValid(row, k)) joinable = false;
    }
    row[extra + 17] = joinable ? 0 : 1;
  }
}

JoinHashTable::JoinHashTable(std::vector<LogicalType> key_types, std::vector<LogicalType> payload_types,
                             std::vector<bool> null_safe, MemoryTracker* tracker)
    : layout_(Concat(key_types, payload_types), kExtraBytes),
      key_count_(key_types.size()),
      null_safe_(std::move(null_safe)),
      tracker_(tracker) {
  hash_offset_ = layout_.extra_offset();
  next_offset_ = hash_offset_ + 8;
  matched_offset_ = hash_offset_ + 16;
}

JoinHashTable::~JoinHashTable() {
  if (tracker_ && charged_ > 0) tracker_->Release(charged_);
}

void JoinHashTable::AddBlocks(std::unique_ptr<RowBlocks> blocks) {
  count_ += blocks->count_;
  blocks_.push_back(std::move(blocks));
}

void JoinHashTable::Build(ThreadPool* pool) {
  idx_t slots = 1024;
  while (slots < count_ * 2) slots *= 2;
  if (tracker_) {
    int64_t bytes = static_cast<int64_t>(slots * sizeof(uint8_t*) + count_ * sizeof(uint8_t*));
    tracker_->Reserve(bytes);
    charged_ += bytes;
  }
  buckets_ = ZeroedArray<const uint8_t*>(slots);
  mask_ = slots - 1;
  // Every block of rows with the position of its first row in rows_; blocks are chained in
  // parallel, each row pushed onto its bucket's chain with a compare-and-swap.
  std::vector<std::pair<const RowBlocks::Block*, idx_t>> work;
  idx_t position = 0;
  for (auto& blocks : blocks_) {
    for (auto& block : blocks->blocks_) {
      work.emplace_back(&block, position);
      position += block.rows;
    }
  }
  rows_.resize(count_);
  std::atomic<bool> has_null_key{false};
  idx_t width = layout_.row_width();
  auto chain = [&](size_t w) {
    const auto& [block, first] = work[w];
    bool null_key = false;
    for (idx_t r = 0; r < block->rows; ++r) {
      uint8_t* row = const_cast<uint8_t*>(block->memory.data()) + r * width;
      rows_[first + r] = row;
      if (row[hash_offset_ + 17] != 0) {
        null_key = true;
        continue;  // a NULL key never matches
      }
      std::atomic_ref<const uint8_t*> head(buckets_[RowHash(row) & mask_]);
      const uint8_t* next = head.load(std::memory_order_relaxed);
      do {
        std::memcpy(row + next_offset_, &next, sizeof(next));
      } while (!head.compare_exchange_weak(next, row, std::memory_order_relaxed));
    }
    if (null_key) has_null_key.store(true, std::memory_order_relaxed);
  };
  if (pool && work.size() > 1) {
    pool->ParallelFor(work.size(), chain);
  } else {
    for (size_t w = 0; w < work.size(); ++w) chain(w);
  }
  has_null_key_ = has_null_key.load();
}

}  // namespace switchboard
