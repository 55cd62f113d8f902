// Sketch-based aggregates: approx_distinct (HyperLogLog), approx_percentile (t-digest), and the
// order-independent checksum.
#include <cmath>
#include <memory>

#include "common/error.h"
#include "function/aggregate_executor.h"
#include "function/bind_util.h"
#include "function/cast.h"
#include "function/function_registry.h"
#include "function/hyperloglog.h"
#include "function/nested_vector.h"
#include "function/tdigest.h"

namespace switchboard {

namespace {

// ----- approx_distinct
// -----------------------------------------------------------------------------

constexpr double kDefaultStandardError = 0.023;

struct DistinctData : FunctionData {
  int precision;
};

struct DistinctState {
  std::unique_ptr<HyperLogLog> sketch;
};

int PrecisionOf(const FunctionData* bind) {
  return static_cast<const DistinctData*>(bind)->precision;
}

void DistinctUpdate(AggregateInputs& inputs, uint8_t** states, uint8_t* single) {
  const Vector& input = inputs.arguments[0];
  int precision = PrecisionOf(inputs.bind_data);
  ObjectState<DistinctState>::ForEachRow(inputs, states, single, [&](DistinctState& s, idx_t i) {
    RowRef ref = ResolveRow(input, i);
    if (!IsValidAt(*ref.vector, ref.index)) return;
    if (!s.sketch) s.sketch = std::make_unique<HyperLogLog>(precision);
    s.sketch->Add(HashAt(*ref.vector, ref.index));
  });
}

void DistinctUpdateGrouped(AggregateInputs& inputs, uint8_t** states) {
  DistinctUpdate(inputs, states, nullptr);
}
void DistinctUpdateSingle(AggregateInputs& inputs, uint8_t* state) {
  DistinctUpdate(inputs, nullptr, state);
}

void DistinctCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData* bind) {
  for (idx_t i = 0; i < count; ++i) {
    auto& source = ObjectState<DistinctState>::Of(sources[i]);
    auto& target = ObjectState<DistinctState>::Of(targets[i]);
    if (!source.sketch) continue;
    if (!target.sketch) target.sketch = std::make_unique<HyperLogLog>(PrecisionOf(bind));
    target.sketch->Merge(*source.sketch);
  }
}

void DistinctFinalize(uint8_t** states, idx_t count, const FunctionData*, Vector& result,
                      idx_t offset) {
  for (idx_t i = 0; i < count; ++i) {
    auto& s = ObjectState<DistinctState>::Of(states[i]);
    result.data<int64_t>()[offset + i] = s.sketch ? s.sketch->Estimate() : 0;
  }
}

std::unique_ptr<FunctionData> BindApproxDistinct(
    AggregateFunction& function, const std::vector<LogicalType>& types,
    const std::vector<std::optional<Value>>& constants) {
  double error = kDefaultStandardError;
  if (types.size() > 1) {
    SB_USER_CHECK(constants.size() > 1 && constants[1] && !constants[1]->is_null(),
                  kInvalidParameter,
                  "approx_distinct: the maximum standard error must be a constant");
    error = CastValue(*constants[1], TypeId::kDouble).GetDouble();
    SB_USER_CHECK(error >= 0.0040625 && error <= 0.26, kInvalidParameter,
                  "Max standard error must be in [0.0040625, 0.26000]: {}", error);
  }
  auto data = std::make_unique<DistinctData>();
  data->precision = HyperLogLog::PrecisionFor(error);
  return data;
}

// ----- approx_percentile
// ---------------------------------------------------------------------------

/// Whether weights are given and an array of percentiles is asked for, and the percentiles when
/// they are constants known at bind time (otherwise each state reads them from its first row, as
/// Trino requires them to be the same for all rows).
struct PercentileData : FunctionData {
  std::vector<double> percentiles;
  bool array = false;
  bool weighted = false;
};

struct PercentileState {
  std::unique_ptr<TDigest> digest;
  std::vector<double> percentiles;  // read from the input when not bound
};

void CheckPercentile(double p) {
  SB_USER_CHECK(p >= 0 && p <= 1, kInvalidParameter, "Percentile must be between 0 and 1");
}

// The percentile argument of one row: a double, or an array of doubles.
std::vector<double> ReadPercentiles(const Vector& argument, idx_t row) {
  RowRef ref = ResolveRow(argument, row);
  SB_USER_CHECK(IsValidAt(*ref.vector, ref.index), kInvalidParameter, "Percentile cannot be null");
  std::vector<double> out;
  if (argument.type().id() == TypeId::kArray) {
    const ListEntry& entry = ref.vector->data<ListEntry>()[ref.index];
    const Vector& child = ref.vector->list_child();
    for (uint32_t k = 0; k < entry.length; ++k) {
      SB_USER_CHECK(IsValidAt(child, entry.offset + k), kInvalidParameter,
                    "Percentile cannot be null");
      out.push_back(child.data<double>()[entry.offset + k]);
    }
  } else {
    out.push_back(ref.vector->data<double>()[ref.index]);
  }
  for (double q : out) CheckPercentile(q);
  return out;
}

double ValueAsDouble(const Vector& v, idx_t index) {
  switch (v.type().physical_type()) {
    case PhysicalType::kInt64:
      return static_cast<double>(v.data<int64_t>()[index]);
    case PhysicalType::kFloat:
      return v.data<float>()[index];
    default:
      return v.data<double>()[index];
  }
}

void PercentileUpdate(AggregateInputs& inputs, uint8_t** states, uint8_t* single) {
  const auto& data = *static_cast<const PercentileData*>(inputs.bind_data);
  const Vector& values = inputs.arguments[0];
  ObjectState<PercentileState>::ForEachRow(
      inputs, states, single, [&](PercentileState& s, idx_t i) {
        RowRef value = ResolveRow(values, i);
        if (!IsValidAt(*value.vector, value.index)) return;
        double weight = 1;
        if (data.weighted) {
          RowRef w = ResolveRow(inputs.arguments[1], i);
          if (!IsValidAt(*w.vector, w.index)) return;
          int64_t given = w.vector->data<int64_t>()[w.index];
          SB_USER_CHECK(given > 0, kInvalidParameter,
                        "approx_percentile: weight must be greater than 0, got {}", given);
          weight = static_cast<double>(given);
        }
        double x = ValueAsDouble(*value.vector, value.index);
        if (std::isnan(x)) return;
        if (!s.digest) s.digest = std::make_unique<TDigest>();
        if (data.percentiles.empty() && s.percentiles.empty()) {
          s.percentiles = ReadPercentiles(inputs.arguments[inputs.argument_count - 1], i);
        }
        s.digest->Add(x, weight);
      });
}

void PercentileUpdateGrouped(AggregateInputs& inputs, uint8_t** states) {
  PercentileUpdate(inputs, states, nullptr);
}
void PercentileUpdateSingle(AggregateInputs& inputs, uint8_t* state) {
  PercentileUpdate(inputs, nullptr, state);
}

void PercentileCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData*) {
  for (idx_t i = 0; i < count; ++i) {
    auto& source = ObjectState<PercentileState>::Of(sources[i]);
    auto& target = ObjectState<PercentileState>::Of(targets[i]);
    if (!source.digest) continue;
    if (!target.digest) target.digest = std::make_unique<TDigest>();
    target.digest->Merge(*source.digest);
    if (target.percentiles.empty()) target.percentiles = source.percentiles;
  }
}

// Writes a quantile as the value type: integers round to the nearest.
void WriteQuantile(Vector& target, idx_t row, double q) {
  switch (target.type().physical_type()) {
    case PhysicalType::kInt64:
      target.data<int64_t>()[row] = std::llround(q);
      return;
    case PhysicalType::kFloat:
      target.data<float>()[row] = static_cast<float>(q);
      return;
    default:
      target.data<double>()[row] = q;
      return;
  }
}

void PercentileFinalize(uint8_t** states, idx_t count, const FunctionData* bind, Vector& result,
                        idx_t offset) {
  const auto& data = *static_cast<const PercentileData*>(bind);
  for (idx_t i = 0; i < count; ++i) {
    auto& s = ObjectState<PercentileState>::Of(states[i]);
    if (!s.digest || s.digest->empty()) {
      result.SetNull(offset + i);
      continue;
    }
    std::vector<double> quantiles =
        s.digest->Quantiles(data.percentiles.empty() ? s.percentiles : data.percentiles);
    if (!data.array) {
      WriteQuantile(result, offset + i, quantiles[0]);
      continue;
    }
    ListWriter writer(result);
    Vector& child = writer.Reserve(quantiles.size());
    idx_t start = writer.size();
    for (size_t k = 0; k < quantiles.size(); ++k) WriteQuantile(child, start + k, quantiles[k]);
    writer.Advance(quantiles.size());
    writer.EndRow(offset + i, start);
    writer.Finish();
  }
}

std::unique_ptr<FunctionData> BindApproxPercentile(
    AggregateFunction& function, const std::vector<LogicalType>& types,
    const std::vector<std::optional<Value>>& constants) {
  auto data = std::make_unique<PercentileData>();
  data->weighted = types.size() == 3;
  size_t p = types.size() - 1;
  data->array = types[p].id() == TypeId::kArray;
  if (p < constants.size() && constants[p]) {
    const Value& percentile = *constants[p];
    SB_USER_CHECK(!percentile.is_null(), kInvalidParameter, "Percentile cannot be null");
    for (const Value& element :
         data->array ? percentile.children() : std::vector<Value>{percentile}) {
      SB_USER_CHECK(!element.is_null(), kInvalidParameter, "Percentile cannot be null");
      data->percentiles.push_back(CastValue(element, TypeId::kDouble).GetDouble());
    }
    for (double q : data->percentiles) CheckPercentile(q);
  }
  function.return_type = data->array ? LogicalType::Array(types[0]) : types[0];
  return data;
}

// ----- checksum
// ------------------------------------------------------------------------------------

struct ChecksumState {
  uint64_t sum = 0;
  bool any = false;
};

void ChecksumUpdate(AggregateInputs& inputs, uint8_t** states, uint8_t* single) {
  const Vector& input = inputs.arguments[0];
  ObjectState<ChecksumState>::ForEachRow(inputs, states, single, [&](ChecksumState& s, idx_t i) {
    RowRef ref = ResolveRow(input, i);
    s.sum +=
        HashAt(*ref.vector, ref.index) * 0x9E3779B97F4A7C15ULL;  // NULLs count, with their own hash
    s.any = true;
  });
}

void ChecksumUpdateGrouped(AggregateInputs& inputs, uint8_t** states) {
  ChecksumUpdate(inputs, states, nullptr);
}
void ChecksumUpdateSingle(AggregateInputs& inputs, uint8_t* state) {
  ChecksumUpdate(inputs, nullptr, state);
}

void ChecksumCombine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData*) {
  for (idx_t i = 0; i < count; ++i) {
    auto& source = ObjectState<ChecksumState>::Of(sources[i]);
    auto& target = ObjectState<ChecksumState>::Of(targets[i]);
    target.sum += source.sum;
    target.any = target.any || source.any;
  }
}

void ChecksumFinalize(uint8_t** states, idx_t count, const FunctionData*, Vector& result,
                      idx_t offset) {
  for (idx_t i = 0; i < count; ++i) {
    auto& s = ObjectState<ChecksumState>::Of(states[i]);
    if (!s.any) {
      result.SetNull(offset + i);
      continue;
    }
    char bytes[8];
    for (int b = 0; b < 8; ++b) bytes[b] = static_cast<char>(s.sum >> (8 * b));
    result.data<StringView>()[offset + i] = result.AddString(std::string_view(bytes, 8));
  }
}

}  // namespace

void RegisterApproximateAggregates(FunctionRegistry& registry) {
  const LogicalType any;
  registry.AddAggregate(WithDoc(
      ObjectState<DistinctState>::Make("approx_distinct", {any}, TypeId::kBigint,
                                       DistinctUpdateGrouped, DistinctUpdateSingle, DistinctCombine,
                                       DistinctFinalize, BindApproxDistinct),
      "approx_distinct(x [, max_standard_error]) -> bigint",
      "The approximate number of distinct non-NULL values (HyperLogLog with a standard error of "
      "2.3% by default; "
      "exact for small sets).",
      "SELECT approx_distinct(customer_id) FROM interactions"));
  registry.AddAggregate(ObjectState<DistinctState>::Make(
      "approx_distinct", {any, TypeId::kDouble}, TypeId::kBigint, DistinctUpdateGrouped,
      DistinctUpdateSingle, DistinctCombine, DistinctFinalize, BindApproxDistinct));
  bool first = true;
  for (LogicalType type :
       {LogicalType(TypeId::kBigint), LogicalType(TypeId::kDouble), LogicalType(TypeId::kReal)}) {
    std::vector<std::vector<LogicalType>> forms = {
        {type, TypeId::kDouble},
        {type, TypeId::kBigint, TypeId::kDouble},
        {type, LogicalType::Array(TypeId::kDouble)},
        {type, TypeId::kBigint, LogicalType::Array(TypeId::kDouble)}};
    for (auto& arguments : forms) {
      AggregateFunction f = ObjectState<PercentileState>::Make(
          "approx_percentile", std::move(arguments), type, PercentileUpdateGrouped,
          PercentileUpdateSingle, PercentileCombine, PercentileFinalize, BindApproxPercentile);
      if (first) {
        f = WithDoc(std::move(f),
                    "approx_percentile(x, [weight,] percentage | array(percentage)) -> same as x",
                    "The approximate value at a percentile (or an array of values at percentiles) "
                    "of the non-NULL "
                    "values, optionally weighted; a t-digest, exact while it holds few values "
                    "(nearest rank).",
                    "SELECT approx_percentile(handle_seconds, 0.9) FROM interactions");
        first = false;
      }
      registry.AddAggregate(std::move(f));
    }
  }
  registry.AddAggregate(
      WithDoc(ObjectState<ChecksumState>::Make("checksum", {any}, TypeId::kVarbinary,
                                               ChecksumUpdateGrouped, ChecksumUpdateSingle,
                                               ChecksumCombine, ChecksumFinalize, nullptr),
              "checksum(x) -> varbinary",
              "An order-insensitive checksum of the values (NULLs included): equal multisets give "
              "equal checksums.",
              "SELECT checksum(agent_id) FROM interactions"));
}

}  // namespace switchboard
