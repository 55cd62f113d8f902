// HyperLogLog: a mergeable sketch of the number of distinct values, behind approx_distinct.
#pragma once

#include <cstdint>
#include <vector>

namespace switchboard {

/// Counts distinct 64-bit hashes with a standard error of about 1.04 / sqrt(2^precision).
/// Small sets are kept exactly (as sorted hashes); beyond 2^precision / 4 of them the sketch
/// switches to 2^precision registers, estimated with Ertl's improved estimator (no bias
/// correction tables needed). Not thread-safe; merge partial sketches with Merge.
class HyperLogLog {
 public:
  static constexpr int kMinPrecision = 4;
  static constexpr int kMaxPrecision = 16;

  explicit HyperLogLog(int precision);

  /// The precision whose standard error is at most `max_standard_error`.
  static int PrecisionFor(double max_standard_error);

  void Add(uint64_t hash);
  /// Adds every hash of `other` (which must have the same precision).
  void Merge(const HyperLogLog& other);
  int64_t Estimate() const;

 private:
  void Densify();
  void AddToRegisters(uint64_t hash);

  int precision_;
  std::vector<uint64_t> sparse_;    // sorted distinct hashes while the set is small
  std::vector<uint8_t> registers_;  // empty until dense
};

}  // namespace switchboard
