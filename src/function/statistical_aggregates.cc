// Statistical aggregates over doubles: variance and standard deviation (sample and population),
// covariance, correlation, linear regression, geometric mean, skewness and kurtosis. Moments are
// accumulated with Welford's updates and merged with Chan's formulas, so partial states combine
// without loss of precision.
#include <cmath>

#include "function/aggregate_executor.h"
#include "function/function_registry.h"

namespace switchboard {

namespace {

/// Count, mean and central moments of one variable (M3 and M4 for skewness and kurtosis).
struct MomentState {
  int64_t count;
  double mean, m2, m3, m4;
};

struct Moments {
  static void Initialize(MomentState& s) { s = {0, 0, 0, 0, 0}; }
  static void Update(MomentState& s, const double& x, const FunctionData*) {
    int64_t n1 = s.count;
    s.count++;
    double n = static_cast<double>(s.count);
    double delta = x - s.mean;
    double delta_n = delta / n;
    double delta_n2 = delta_n * delta_n;
    double term1 = delta * delta_n * static_cast<double>(n1);
    s.mean += delta_n;
    s.m4 += term1 * delta_n2 * (n * n - 3 * n + 3) + 6 * delta_n2 * s.m2 - 4 * delta_n * s.m3;
    s.m3 += term1 * delta_n * (n - 2) - 3 * delta_n * s.m2;
    s.m2 += term1;
  }
  static void Combine(const MomentState& a, MomentState& b, const FunctionData*) {
    if (a.count == 0) return;
    if (b.count == 0) {
      b = a;
      return;
    }
    double na = static_cast<double>(a.count), nb = static_cast<double>(b.count), n = na + nb;
    double delta = a.mean - b.mean;
    double delta2 = delta * delta, delta3 = delta2 * delta, delta4 = delta2 * delta2;
    double m2 = b.m2 + a.m2 + delta2 * na * nb / n;
    double m3 = b.m3 + a.m3 + delta3 * na * nb * (nb - na) / (n * n) +
                3 * delta * (nb * a.m2 - na * b.m2) / n;
    double m4 = b.m4 + a.m4 + delta4 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n) +
                6 * delta2 * (na * na * b.m2 + nb * nb * a.m2) / (n * n) +
                4 * delta * (nb * a.m3 - na * b.m3) / n;
    b.mean = (nb * b.mean + na * a.mean) / n;
    b.m2 = m2;
    b.m3 = m3;
    b.m4 = m4;
    b.count += a.count;
  }
};

enum class Stat { kVarSamp, kVarPop, kStddevSamp, kStddevPop, kSkewness, kKurtosis };

template <Stat kStat>
struct MomentOp : Moments {
  static void Finalize(MomentState& s, Vector& result, idx_t row, const FunctionData*) {
    double n = static_cast<double>(s.count);
    double value;
    switch (kStat) {
      case Stat::kVarSamp:
      case Stat::kStddevSamp:
        if (s.count < 2) return result.SetNull(row);
        value = s.m2 / (n - 1);
        break;
      case Stat::kVarPop:
      case Stat::kStddevPop:
        if (s.count < 1) return result.SetNull(row);
        value = s.m2 / n;
        break;
      case Stat::kSkewness:
        if (s.count < 3 || s.m2 == 0) return result.SetNull(row);
        value = std::sqrt(n) * s.m3 / std::pow(s.m2, 1.5);
        break;
      case Stat::kKurtosis:
        // Excess kurtosis with the sample correction (as Trino's kurtosis).
        if (s.count < 4 || s.m2 == 0) return result.SetNull(row);
        value = (n * (n + 1) * (n - 1) * s.m4 / (s.m2 * s.m2) - 3 * (n - 1) * (n - 1)) /
                ((n - 2) * (n - 3));
        break;
    }
    if (kStat == Stat::kStddevSamp || kStat == Stat::kStddevPop) value = std::sqrt(value);
    result.data<double>()[row] = value;
  }
};

/// Two variables: counts, means, squared deviations and the co-moment.
struct CoMomentState {
  int64_t count;
  double mean_y, mean_x, m2_y, m2_x, c;
};

enum class CoStat { kCovarSamp, kCovarPop, kCorr, kRegrSlope, kRegrIntercept };

template <CoStat kStat>
struct CoMomentOp {
  static void Initialize(CoMomentState& s) { s = {0, 0, 0, 0, 0, 0}; }
  static void Update(CoMomentState& s, const double& y, const double& x, const FunctionData*) {
    s.count++;
    double n = static_cast<double>(s.count);
    double dx = x - s.mean_x;
    double dy = y - s.mean_y;
    s.mean_x += dx / n;
    s.mean_y += dy / n;
    s.m2_x += dx * (x - s.mean_x);
    s.m2_y += dy * (y - s.mean_y);
    s.c += dx * (y - s.mean_y);
  }
  static void Combine(const CoMomentState& a, CoMomentState& b, const FunctionData*) {
    if (a.count == 0) return;
    if (b.count == 0) {
      b = a;
      return;
    }
    double na = static_cast<double>(a.count), nb = static_cast<double>(b.count), n = na + nb;
    double dx = a.mean_x - b.mean_x, dy = a.mean_y - b.mean_y;
    b.m2_x += a.m2_x + dx * dx * na * nb / n;
    b.m2_y += a.m2_y + dy * dy * na * nb / n;
    b.c += a.c + dx * dy * na * nb / n;
    b.mean_x = (nb * b.mean_x + na * a.mean_x) / n;
    b.mean_y = (nb * b.mean_y + na * a.mean_y) / n;
    b.count += a.count;
  }
  static void Finalize(CoMomentState& s, Vector& result, idx_t row, const FunctionData*) {
    double n = static_cast<double>(s.count);
    double value;
    switch (kStat) {
      case CoStat::kCovarSamp:
        if (s.count < 2) return result.SetNull(row);
        value = s.c / (n - 1);
        break;
      case CoStat::kCovarPop:
        if (s.count < 1) return result.SetNull(row);
        value = s.c / n;
        break;
      case CoStat::kCorr:
        if (s.count < 2) return result.SetNull(row);
        value = s.c / std::sqrt(s.m2_x * s.m2_y);
        break;
      case CoStat::kRegrSlope:
      case CoStat::kRegrIntercept: {
        if (s.count < 1 || s.m2_x == 0) return result.SetNull(row);
        double slope = s.c / s.m2_x;
        value = kStat == CoStat::kRegrSlope ? slope : s.mean_y - slope * s.mean_x;
        break;
      }
    }
    result.data<double>()[row] = value;
  }
};

/// Sum of logarithms, for the geometric mean.
struct LogSumState {
  int64_t count;
  double sum;
};

struct GeometricMeanOp {
  static void Initialize(LogSumState& s) { s = {0, 0}; }
  static void Update(LogSumState& s, const double& x, const FunctionData*) {
    s.count++;
    s.sum += std::log(x);
  }
  static void Combine(const LogSumState& a, LogSumState& b, const FunctionData*) {
    b.count += a.count;
    b.sum += a.sum;
  }
  static void Finalize(LogSumState& s, Vector& result, idx_t row, const FunctionData*) {
    if (s.count == 0) return result.SetNull(row);
    result.data<double>()[row] = std::exp(s.sum / static_cast<double>(s.count));
  }
};

template <typename S, typename OP>
AggregateFunction Unary(const char* name) {
  AggregateFunction f;
  f.name = name;
  f.arguments = {TypeId::kDouble};
  f.return_type = TypeId::kDouble;
  UnaryAggregate<S, double, OP>::Fill(f);
  return f;
}

template <CoStat kStat>
AggregateFunction Binary(const char* name) {
  AggregateFunction f;
  f.name = name;
  f.arguments = {TypeId::kDouble, TypeId::kDouble};
  f.return_type = TypeId::kDouble;
  BinaryAggregate<CoMomentState, double, double, CoMomentOp<kStat>>::Fill(f);
  return f;
}

}  // namespace

void RegisterStatisticalAggregates(FunctionRegistry& registry) {
  registry.AddAggregate(WithDoc(
      Unary<MomentState, MomentOp<Stat::kStddevSamp>>("stddev_samp"), "stddev_samp(x) -> double",
      "Sample standard deviation of the non-NULL values (NULL for fewer than two).",
      "SELECT stddev_samp(duration_seconds) FROM interactions"));
  registry.AddAlias("stddev", "stddev_samp");
  registry.AddAggregate(WithDoc(Unary<MomentState, MomentOp<Stat::kStddevPop>>("stddev_pop"),
                                "stddev_pop(x) -> double",
                                "Population standard deviation of the non-NULL values.",
                                "SELECT stddev_pop(duration_seconds) FROM interactions"));
  registry.AddAggregate(WithDoc(Unary<MomentState, MomentOp<Stat::kVarSamp>>("var_samp"),
                                "var_samp(x) -> double",
                                "Sample variance of the non-NULL values (NULL for fewer than two).",
                                "SELECT var_samp(duration_seconds) FROM interactions"));
  registry.AddAlias("variance", "var_samp");
  registry.AddAggregate(WithDoc(Unary<MomentState, MomentOp<Stat::kVarPop>>("var_pop"),
                                "var_pop(x) -> double",
                                "Population variance of the non-NULL values.",
                                "SELECT var_pop(duration_seconds) FROM interactions"));
  registry.AddAggregate(WithDoc(Unary<MomentState, MomentOp<Stat::kSkewness>>("skewness"),
                                "skewness(x) -> double", "Skewness of the non-NULL values.",
                                "SELECT skewness(duration_seconds) FROM interactions"));
  registry.AddAggregate(
      WithDoc(Unary<MomentState, MomentOp<Stat::kKurtosis>>("kurtosis"), "kurtosis(x) -> double",
              "Excess kurtosis of the non-NULL values (with the sample correction).",
              "SELECT kurtosis(duration_seconds) FROM interactions"));
  registry.AddAggregate(WithDoc(Unary<LogSumState, GeometricMeanOp>("geometric_mean"),
                                "geometric_mean(x) -> double",
                                "Geometric mean of the non-NULL values.",
                                "SELECT geometric_mean(growth_factor) FROM metrics"));
  registry.AddAggregate(
      WithDoc(Binary<CoStat::kCovarSamp>("covar_samp"), "covar_samp(y, x) -> double",
              "Sample covariance of the pairs where both are non-NULL.",
              "SELECT covar_samp(handle_seconds, wait_seconds) FROM interactions"));
  registry.AddAggregate(
      WithDoc(Binary<CoStat::kCovarPop>("covar_pop"), "covar_pop(y, x) -> double",
              "Population covariance of the pairs where both are non-NULL.",
              "SELECT covar_pop(handle_seconds, wait_seconds) FROM interactions"));
  registry.AddAggregate(
      WithDoc(Binary<CoStat::kCorr>("corr"), "corr(y, x) -> double",
              "Pearson correlation coefficient of the pairs where both are non-NULL.",
              "SELECT corr(handle_seconds, wait_seconds) FROM interactions"));
  registry.AddAggregate(
      WithDoc(Binary<CoStat::kRegrSlope>("regr_slope"), "regr_slope(y, x) -> double",
              "Slope of the least-squares line of y on x.",
              "SELECT regr_slope(handle_seconds, wait_seconds) FROM interactions"));
  registry.AddAggregate(
      WithDoc(Binary<CoStat::kRegrIntercept>("regr_intercept"), "regr_intercept(y, x) -> double",
              "Intercept of the least-squares line of y on x.",
              "SELECT regr_intercept(handle_seconds, wait_seconds) FROM interactions"));
}

}  // namespace switchboard
