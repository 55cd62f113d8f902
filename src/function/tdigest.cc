// Merging t-digest: buffered points merged into centroids whose size the arcsine scale function
// bounds, and interpolated quantiles.
#include "function/tdigest.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace switchboard {

void TDigest::Add(double value, double weight) {
  if (total_weight_ == 0) {
    min_ = max_ = value;
  } else {
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
  }
  pending_.push_back(Centroid{value, weight, 1});
  total_weight_ += weight;
  if (pending_.size() >= static_cast<size_t>(5 * compression_)) Compress();
}

void TDigest::Merge(const TDigest& other) {
  if (other.total_weight_ == 0) return;
  if (total_weight_ == 0) {
    min_ = other.min_;
    max_ = other.max_;
  } else {
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
  }
  pending_.insert(pending_.end(), other.centroids_.begin(), other.centroids_.end());
  pending_.insert(pending_.end(), other.pending_.begin(), other.pending_.end());
  total_weight_ += other.total_weight_;
  if (pending_.size() >= static_cast<size_t>(5 * compression_)) Compress();
}

void TDigest::Compress() {
  if (pending_.empty()) return;
  pending_.insert(pending_.end(), centroids_.begin(), centroids_.end());
  std::stable_sort(pending_.begin(), pending_.end(),
                   [](const Centroid& a, const Centroid& b) { return a.mean < b.mean; });
  auto scale = [&](double q) {
    return compression_ / (2 * std::numbers::pi) * std::asin(2 * q - 1);
  };
  centroids_.clear();
  Centroid current = pending_[0];
  double before = 0;  // weight of the centroids already emitted
  for (size_t i = 1; i < pending_.size(); ++i) {
    const Centroid& next = pending_[i];
    double q_left = before / total_weight_;
    double q_right = (before + current.weight + next.weight) / total_weight_;
    if (scale(q_right) - scale(q_left) <= 1) {
      double weight = current.weight + next.weight;
      current.mean += (next.mean - current.mean) * next.weight / weight;
      current.weight = weight;
      current.points += next.points;
    } else {
      before += current.weight;
      centroids_.push_back(current);
      current = next;
    }
  }
  centroids_.push_back(current);
  pending_.clear();
}

double TDigest::QuantileOfCompressed(double q) const {
  double target = q * total_weight_;
  bool exact = std::all_of(centroids_.begin(), centroids_.end(),
                           [](const Centroid& c) { return c.points == 1; });
  if (exact) {
    // Nearest rank: the first value whose cumulative weight reaches q * total.
    double cumulative = 0;
    for (const Centroid& c : centroids_) {
      cumulative += c.weight;
      if (cumulative >= target) return c.mean;
    }
    return centroids_.back().mean;
  }
  // Interpolate between the centers of neighbouring centroids, and toward min and max at the ends.
  double cumulative = 0;
  for (size_t i = 0; i < centroids_.size(); ++i) {
    const Centroid& c = centroids_[i];
    double center = cumulative + c.weight / 2;
    if (target < center) {
      double left_position = i == 0 ? 0 : cumulative - centroids_[i - 1].weight / 2;
      double left_value = i == 0 ? min_ : centroids_[i - 1].mean;
      if (i == 0 && c.points == 1) return c.mean;
      double span = center - left_position;
      return span <= 0 ? c.mean
                       : left_value + (c.mean - left_value) * (target - left_position) / span;
    }
    cumulative += c.weight;
  }
  const Centroid& last = centroids_.back();
  if (last.points == 1) return last.mean;
  double center = total_weight_ - last.weight / 2;
  double span = total_weight_ - center;
  return span <= 0 ? max_ : last.mean + (max_ - last.mean) * (target - center) / span;
}

double TDigest::Quantile(double q) const { return Quantiles({q})[0]; }

std::vector<double> TDigest::Quantiles(const std::vector<double>& qs) const {
  std::vector<double> out;
  if (pending_.empty()) {
    for (double q : qs) out.push_back(QuantileOfCompressed(q));
    return out;
  }
  TDigest copy = *this;
  if (copy.centroids_.empty()) {
    // Nothing merged yet: sort the points and answer exactly.
    copy.centroids_ = std::move(copy.pending_);
    copy.pending_.clear();
    std::stable_sort(copy.centroids_.begin(), copy.centroids_.end(),
                     [](const Centroid& a, const Centroid& b) { return a.mean < b.mean; });
  } else {
    copy.Compress();
  }
  for (double q : qs) out.push_back(copy.QuantileOfCompressed(q));
  return out;
}

}  // namespace switchboard
