// HyperLogLog sketch: exact small sets, dense registers, and Ertl's improved raw estimator
// ("New cardinality estimation algorithms for HyperLogLog sketches", 2017).
#include "function/hyperloglog.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace switchboard {

HyperLogLog::HyperLogLog(int precision) : precision_(precision) {}

int HyperLogLog::PrecisionFor(double max_standard_error) {
  double registers = std::pow(1.04 / max_standard_error, 2);
  int precision = static_cast<int>(std::ceil(std::log2(registers)));
  return std::clamp(precision, kMinPrecision, kMaxPrecision);
}

void HyperLogLog::Add(uint64_t hash) {
  if (!registers_.empty()) {
    AddToRegisters(hash);
    return;
  }
  auto it = std::lower_bound(sparse_.begin(), sparse_.end(), hash);
  if (it != sparse_.end() && *it == hash) return;
  sparse_.insert(it, hash);
  if (sparse_.size() > (size_t{1} << precision_) / 4) Densify();
}

void HyperLogLog::AddToRegisters(uint64_t hash) {
  int q = 64 - precision_;
  uint64_t index = hash >> q;
  uint64_t rest = hash << precision_;
  uint8_t rho =
      rest == 0 ? static_cast<uint8_t>(q + 1) : static_cast<uint8_t>(__builtin_clzll(rest) + 1);
  if (rho > q + 1) rho = static_cast<uint8_t>(q + 1);
  uint8_t& slot = registers_[index];
  if (rho > slot) slot = rho;
}

void HyperLogLog::Densify() {
  registers_.assign(size_t{1} << precision_, 0);
  for (uint64_t hash : sparse_) AddToRegisters(hash);
  sparse_.clear();
  sparse_.shrink_to_fit();
}

void HyperLogLog::Merge(const HyperLogLog& other) {
  if (other.registers_.empty()) {
    for (uint64_t hash : other.sparse_) Add(hash);
    return;
  }
  if (registers_.empty()) Densify();
  for (size_t i = 0; i < registers_.size(); ++i)
    registers_[i] = std::max(registers_[i], other.registers_[i]);
}

namespace {

double Sigma(double x) {
  if (x == 1) return std::numeric_limits<double>::infinity();
  double y = 1, z = x, previous;
  do {
    x *= x;
    previous = z;
    z += x * y;
    y += y;
  } while (z != previous);
  return z;
}

double Tau(double x) {
  if (x == 0 || x == 1) return 0;
  double y = 1, z = 1 - x, previous;
  do {
    x = std::sqrt(x);
    previous = z;
    y *= 0.5;
    z -= (1 - x) * (1 - x) * y;
  } while (z != previous);
  return z / 3;
}

}  // namespace

int64_t HyperLogLog::Estimate() const {
  if (registers_.empty()) return static_cast<int64_t>(sparse_.size());
  int q = 64 - precision_;
  double m = static_cast<double>(registers_.size());
  std::vector<int64_t> histogram(static_cast<size_t>(q) + 2, 0);
  for (uint8_t r : registers_) ++histogram[r];
  double z = m * Tau(1 - static_cast<double>(histogram[q + 1]) / m);
  for (int k = q; k >= 1; --k) z = 0.5 * (z + static_cast<double>(histogram[k]));
  z += m * Sigma(static_cast<double>(histogram[0]) / m);
  double alpha = 0.5 / std::log(2.0);
  return static_cast<int64_t>(std::llround(alpha * m * m / z));
}

}  // namespace switchboard
