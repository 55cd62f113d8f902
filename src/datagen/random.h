// RowRandom: counter-based pseudo-random numbers for data generators. The numbers drawn for a
// (seed, stream, row) triple never depend on which rows were generated before, so blocks of rows
// can be generated on any thread, in any order, with identical results.
#pragma once

#include <cmath>
#include <cstdint>

#include "common/hash.h"

namespace switchboard {

/// A short sequence of random numbers belonging to one row of one column (`stream`). Cheap to
/// construct (two hash rounds), so generators make one per row and value. Not cryptographic.
class RowRandom {
 public:
  RowRandom(uint64_t seed, uint64_t stream, uint64_t row)
      : state_(MixHash(MixHash(seed * 0x9e3779b97f4a7c15ULL + stream) +
                       row * 0xbf58476d1ce4e5b9ULL)) {}

  /// The next 64 random bits (SplitMix64).
  uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return MixHash(state_);
  }

  /// Uniform in [low, high], both inclusive (multiply-shift; the bias is below 2^-32 for any
  /// range a generator uses).
  int64_t Uniform(int64_t low, int64_t high) {
    auto span = static_cast<unsigned __int128>(static_cast<uint64_t>(high - low) + 1);
    return low + static_cast<int64_t>((span * Next()) >> 64);
  }

  /// Uniform in [0, 1).
  double UniformDouble() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  /// True with probability `p`.
  bool Bernoulli(double p) { return UniformDouble() < p; }

  /// Standard normal (Box-Muller; two draws).
  double Normal() {
    double u = UniformDouble();
    double v = UniformDouble();
    return std::sqrt(-2 * std::log(1 - u)) * std::cos(2 * M_PI * v);
  }
  /// Lognormal with the given median: median * exp(sigma * Normal()).
  double Lognormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }
  /// Exponential with the given mean.
  double Exponential(double mean) { return -mean * std::log(1 - UniformDouble()); }

 private:
  uint64_t state_;
};

}  // namespace switchboard
