// RowRanges: sorted, disjoint ranges of row numbers within a row group, the result of page-index
// pruning that a scan reads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace switchboard::parquet {

/// Half-open ranges [first, second), sorted and non-overlapping. A value type.
class RowRanges {
 public:
  RowRanges() = default;
  /// All of [0, num_rows).
  static RowRanges All(int64_t num_rows) {
    RowRanges ranges;
    if (num_rows > 0) ranges.ranges_.emplace_back(0, num_rows);
    return ranges;
  }

  const std::vector<std::pair<int64_t, int64_t>>& ranges() const { return ranges_; }
  bool empty() const { return ranges_.empty(); }
  int64_t RowCount() const {
    int64_t count = 0;
    for (const auto& [begin, end] : ranges_) count += end - begin;
    return count;
  }

  /// Adds [begin, end), merging with a range it touches; ranges must be added in order.
  void Append(int64_t begin, int64_t end) {
    if (begin >= end) return;
    if (!ranges_.empty() && begin <= ranges_.back().second) {
      ranges_.back().second = std::max(ranges_.back().second, end);
    } else {
      ranges_.emplace_back(begin, end);
    }
  }

  /// Whether [begin, end) overlaps any range.
  bool Overlaps(int64_t begin, int64_t end) const {
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(), begin,
                               [](int64_t row, const auto& range) { return row < range.second; });
    return it != ranges_.end() && it->first < end;
  }

  /// Rows in both.
  static RowRanges Intersect(const RowRanges& a, const RowRanges& b) {
    RowRanges result;
    size_t i = 0;
    size_t j = 0;
    while (i < a.ranges_.size() && j < b.ranges_.size()) {
      int64_t begin = std::max(a.ranges_[i].first, b.ranges_[j].first);
      int64_t end = std::min(a.ranges_[i].second, b.ranges_[j].second);
      result.Append(begin, end);
      if (a.ranges_[i].second < b.ranges_[j].second) {
        ++i;
      } else {
        ++j;
      }
    }
    return result;
  }

 private:
  std::vector<std::pair<int64_t, int64_t>> ranges_;
};

}  // namespace switchboard::parquet
