// WeightedList: a list of strings drawn with integer weights in O(1) (one table lookup).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "datagen/random.h"

namespace switchboard {

/// Immutable after construction; safe to share between threads.
class WeightedList {
 public:
  /// (value, weight) pairs; weights are small positive integers (their sum is the table size).
  WeightedList(std::initializer_list<std::pair<std::string_view, uint32_t>> entries) {
    for (const auto& [value, weight] : entries) {
      for (uint32_t i = 0; i < weight; ++i)
        by_unit_.push_back(static_cast<uint32_t>(values_.size()));
      values_.push_back(value);
    }
  }

  /// Index of a value drawn with probability weight / total.
  uint32_t PickIndex(RowRandom& random) const {
    return by_unit_[static_cast<size_t>(
        random.Uniform(0, static_cast<int64_t>(by_unit_.size()) - 1))];
  }
  std::string_view Pick(RowRandom& random) const { return values_[PickIndex(random)]; }

  size_t size() const { return values_.size(); }
  std::string_view operator[](size_t i) const { return values_[i]; }

 private:
  std::vector<std::string_view> values_;
  std::vector<uint32_t> by_unit_;  // one entry per unit of weight
};

}  // namespace switchboard
