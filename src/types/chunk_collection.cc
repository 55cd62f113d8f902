// ChunkCollection appends, merges and memory accounting.
#include "types/chunk_collection.h"

#include "common/memory_tracker.h"
#include "types/value.h"

namespace switchboard {

ChunkCollection::ChunkCollection(std::vector<LogicalType> types, MemoryTracker* tracker)
    : types_(std::move(types)), tracker_(tracker) {}

ChunkCollection::~ChunkCollection() {
  if (tracker_ && bytes_ > 0) tracker_->Release(bytes_);
}

ChunkCollection::ChunkCollection(ChunkCollection&& other) noexcept
    : types_(std::move(other.types_)),
      chunks_(std::move(other.chunks_)),
      count_(other.count_),
      tracker_(other.tracker_),
      bytes_(other.bytes_) {
  other.count_ = 0;
  other.bytes_ = 0;
}

ChunkCollection& ChunkCollection::operator=(ChunkCollection&& other) noexcept {
  if (this != &other) {
    if (tracker_ && bytes_ > 0) tracker_->Release(bytes_);
    types_ = std::move(other.types_);
    chunks_ = std::move(other.chunks_);
    count_ = other.count_;
    tracker_ = other.tracker_;
    bytes_ = other.bytes_;
    other.count_ = 0;
    other.bytes_ = 0;
  }
  return *this;
}

int64_t EstimateChunkBytes(const DataChunk& chunk, idx_t rows) {
  // Fixed-width bytes plus string payload; nested values are approximated by their entries.
  int64_t bytes = 0;
  for (idx_t c = 0; c < chunk.ColumnCount(); ++c) {
    const Vector& v = chunk.column(c);
    bytes += static_cast<int64_t>(PhysicalTypeSize(v.type().physical_type()) * rows + rows / 8);
    if (v.type().physical_type() == PhysicalType::kString && v.IsFlat()) {
      const StringView* data = v.data<StringView>();
      for (idx_t r = 0; r < rows; ++r) {
        if (v.validity().RowIsValid(r) && !data[r].IsInline()) bytes += data[r].size();
      }
    }
  }
  return bytes;
}

void ChunkCollection::Charge(const DataChunk& chunk, idx_t rows) {
  if (!tracker_) return;
  int64_t bytes = EstimateChunkBytes(chunk, rows);
  tracker_->Reserve(bytes);
  bytes_ += bytes;
}

void ChunkCollection::Append(const DataChunk& chunk) {
  AppendRows(chunk);
  Charge(chunk, chunk.size());
}

void ChunkCollection::AppendRows(const DataChunk& chunk) {
  idx_t offset = 0;
  while (offset < chunk.size()) {
    if (chunks_.empty() || chunks_.back()->size() == kVectorSize) {
      auto fresh = std::make_unique<DataChunk>();
      fresh->Initialize(types_);
      chunks_.push_back(std::move(fresh));
    }
    DataChunk& target = *chunks_.back();
    idx_t take = std::min(kVectorSize - target.size(), chunk.size() - offset);
    SelectionVector sel(take);
    for (idx_t i = 0; i < take; ++i) sel.set_index(i, offset + i);
    target.Append(chunk, sel, take);
    count_ += take;
    offset += take;
  }
}

void ChunkCollection::Merge(ChunkCollection&& other) {
  if (other.count_ == 0) return;
  // Full chunks move; a chunk following a partial one is copied so that every chunk but the
  // last stays full.
  for (auto& c : other.chunks_) {
    if (!chunks_.empty() && chunks_.back()->size() < kVectorSize) {
      AppendRows(*c);
      continue;
    }
    count_ += c->size();
    chunks_.push_back(std::move(c));
  }
  if (tracker_ == other.tracker_) {
    bytes_ += other.bytes_;
  } else if (other.tracker_) {
    other.tracker_->Release(other.bytes_);
  }
  other.bytes_ = 0;
  other.chunks_.clear();
  other.count_ = 0;
}

void ChunkCollection::Untrack() {
  if (tracker_ && bytes_ > 0) tracker_->Release(bytes_);
  tracker_ = nullptr;
  bytes_ = 0;
}

Value ChunkCollection::GetValue(idx_t column, idx_t row) const {
  return chunks_[row / kVectorSize]->column(column).GetValue(row % kVectorSize);
}

}  // namespace switchboard
