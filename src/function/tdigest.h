// TDigest: a mergeable sketch of a distribution for approximate quantiles, behind
// approx_percentile.
#pragma once

#include <cstdint>
#include <vector>

namespace switchboard {

/// A merging t-digest (Dunning) with the arcsine scale function. Quantiles near the tails are
/// accurate to a few values; while no points have been merged (up to 5 * compression points)
/// they are exact, by the nearest-rank rule. Not thread-safe; merge partial digests with Merge.
class TDigest {
 public:
  explicit TDigest(double compression = 100) : compression_(compression) {}

  void Add(double value, double weight);
  void Merge(const TDigest& other);
  bool empty() const { return total_weight_ == 0; }

  /// The q-quantile (0 <= q <= 1) of the values added. Compresses a copy when points are
  /// pending, so the digest itself is unchanged.
  double Quantile(double q) const;
  /// Quantiles of several q at once (one compression).
  std::vector<double> Quantiles(const std::vector<double>& qs) const;

 private:
  struct Centroid {
    double mean;
    double weight;
    int64_t points;  // values merged into it
  };

  void Compress();
  double QuantileOfCompressed(double q) const;

  double compression_;
  std::vector<Centroid> centroids_;  // sorted by mean, compressed
  std::vector<Centroid> pending_;
  double total_weight_ = 0;
  double min_ = 0, max_ = 0;
};

}  // namespace switchboard
