// Tests for the statistical, collection and approximate aggregates (grouped and simple updates,
// combining partial states, and finalizing without changing the state).
#include <cmath>

#include "function/tests/function_test_util.h"

namespace switchboard {
namespace {

class AggregateFunctionsTest : public FunctionTest {
 protected:
  static std::vector<std::vector<Value>> Column(const std::vector<Value>& values) {
    std::vector<std::vector<Value>> rows;
    for (const Value& v : values) rows.push_back({v});
    return rows;
  }
  static std::vector<std::vector<Value>> Doubles(const std::vector<double>& values) {
    std::vector<std::vector<Value>> rows;
    for (double v : values) rows.push_back({Dbl(v)});
    return rows;
  }
};

TEST_F(AggregateFunctionsTest, VarianceAndStandardDeviation) {
  auto rows = Doubles({2, 4, 4, 4, 5, 5, 7, 9});
  EXPECT_NEAR(Aggregate("var_pop", {TypeId::kDouble}, rows).GetDouble(), 4.0, 1e-12);
  EXPECT_NEAR(Aggregate("stddev_pop", {TypeId::kDouble}, rows).GetDouble(), 2.0, 1e-12);
  EXPECT_NEAR(Aggregate("var_samp", {TypeId::kDouble}, rows).GetDouble(), 32.0 / 7, 1e-12);
  EXPECT_NEAR(Aggregate("variance", {TypeId::kDouble}, rows).GetDouble(), 32.0 / 7, 1e-12);
  EXPECT_NEAR(Aggregate("stddev", {TypeId::kDouble}, rows).GetDouble(), std::sqrt(32.0 / 7), 1e-12);
  EXPECT_TRUE(Aggregate("stddev_samp", {TypeId::kDouble}, Doubles({3})).is_null());
  EXPECT_VALUE(Aggregate("var_pop", {TypeId::kDouble}, Doubles({3})), Dbl(0));
  EXPECT_TRUE(Aggregate("var_pop", {TypeId::kDouble}, {}).is_null());
  auto with_nulls = Column({Int(1), NullOf(TypeId::kInteger), Int(3)});
  EXPECT_NEAR(Aggregate("var_samp", {TypeId::kInteger}, with_nulls).GetDouble(), 2.0, 1e-12);
}

TEST_F(AggregateFunctionsTest, MomentsAreStableForLargeOffsets) {
  std::vector<double> values;
  for (int i = 0; i < 1000; ++i) values.push_back(1e9 + (i % 10));
  EXPECT_NEAR(Aggregate("var_pop", {TypeId::kDouble}, Doubles(values), {}, 1e-6).GetDouble(), 8.25,
              1e-6);
}

TEST_F(AggregateFunctionsTest, SkewnessKurtosisAndGeometricMean) {
  auto rows = Doubles({1, 2, 3, 4, 10});
  EXPECT_NEAR(Aggregate("skewness", {TypeId::kDouble}, rows).GetDouble(), 1.1384199576606167, 1e-9);
  EXPECT_NEAR(Aggregate("kurtosis", {TypeId::kDouble}, rows).GetDouble(), 3.152, 1e-9);
  EXPECT_NEAR(Aggregate("geometric_mean", {TypeId::kDouble}, Doubles({1, 10, 100})).GetDouble(), 10,
              1e-9);
}

TEST_F(AggregateFunctionsTest, CovarianceCorrelationRegression) {
  std::vector<std::vector<Value>> rows = {{Dbl(1), Dbl(1)},
                                          {Dbl(3), Dbl(2)},
                                          {Dbl(5), Dbl(3)},
                                          {NullOf(TypeId::kDouble), Dbl(4)},
                                          {Dbl(9.5), Dbl(5)}};
  std::vector<LogicalType> types = {TypeId::kDouble, TypeId::kDouble};
  EXPECT_NEAR(Aggregate("covar_samp", types, rows).GetDouble(), 6.208333333333333, 1e-12);
  EXPECT_NEAR(Aggregate("covar_pop", types, rows).GetDouble(), 4.65625, 1e-12);
  EXPECT_NEAR(Aggregate("corr", types, rows).GetDouble(), 0.9994599216492511, 1e-12);
  EXPECT_NEAR(Aggregate("regr_slope", types, rows).GetDouble(), 2.1285714285714286, 1e-12);
  EXPECT_NEAR(Aggregate("regr_intercept", types, rows).GetDouble(), -1.2285714285714286, 1e-12);
  EXPECT_TRUE(Aggregate("corr", types, {{Dbl(1), Dbl(2)}}).is_null());
}

TEST_F(AggregateFunctionsTest, ArrayAggKeepsNullsAndOrder) {
  auto rows = Column({Int(3), NullOf(TypeId::kInteger), Int(1), Int(3)});
  EXPECT_VALUE(Aggregate("array_agg", {TypeId::kInteger}, rows),
               ArrayOf(TypeId::kInteger, {Int(3), NullOf(TypeId::kInteger), Int(1), Int(3)}));
  EXPECT_TRUE(Aggregate("array_agg", {TypeId::kInteger}, {}).is_null());
  auto strings = Column({Str("a rather long string"), Str("b")});
  EXPECT_VALUE(Aggregate("array_agg", {LogicalType::Varchar()}, strings),
               StrArray({"a rather long string", "b"}));
  auto nested = Column({IntArray({1, 2}), IntArray({})});
  EXPECT_VALUE(Aggregate("array_agg", {LogicalType::Array(TypeId::kInteger)}, nested),
               ArrayOf(LogicalType::Array(TypeId::kInteger), {IntArray({1, 2}), IntArray({})}));
  EXPECT_TRUE(
      registry().ResolveAggregate("array_agg", {TypeId::kInteger}).function.order_sensitive);
}

TEST_F(AggregateFunctionsTest, MapAggAndHistogram) {
  std::vector<std::vector<Value>> rows = {{Str("a"), Int(1)},
                                          {Str("b"), Int(2)},
                                          {Str("a"), Int(3)},
                                          {NullOf(LogicalType::Varchar()), Int(4)},
                                          {Str("c"), NullOf(TypeId::kInteger)}};
  Value map = Aggregate("map_agg", {LogicalType::Varchar(), TypeId::kInteger}, rows);
  EXPECT_VALUE(
      map,
      Value::Map(LogicalType::Varchar(), TypeId::kInteger,
                 {{Str("a"), Int(1)}, {Str("b"), Int(2)}, {Str("c"), NullOf(TypeId::kInteger)}}));
  auto keys = Column({Str("x"), Str("y"), Str("x"), NullOf(LogicalType::Varchar()), Str("x")});
  EXPECT_VALUE(Aggregate("histogram", {LogicalType::Varchar()}, keys),
               Value::Map(LogicalType::Varchar(), TypeId::kBigint,
                          {{Str("x"), Big(3)}, {Str("y"), Big(1)}}));
}

TEST_F(AggregateFunctionsTest, ListaggJoinsWithAConstantSeparator) {
  auto rows = std::vector<std::vector<Value>>{{Str("ana"), Str(", ")},
                                              {NullOf(LogicalType::Varchar()), Str(", ")},
                                              {Str("bo"), Str(", ")},
                                              {Str("cy"), Str(", ")}};
  std::vector<LogicalType> types = {LogicalType::Varchar(), LogicalType::Varchar()};
  EXPECT_VALUE(Aggregate("listagg", types, rows, {std::nullopt, Str(", ")}), Str("ana, bo, cy"));
  EXPECT_VALUE(Aggregate("string_agg", types, rows, {std::nullopt, Str(", ")}), Str("ana, bo, cy"));
  EXPECT_VALUE(Aggregate("listagg", {LogicalType::Varchar()}, Column({Str("a"), Str("b")})),
               Str("ab"));
  EXPECT_TRUE(Aggregate("listagg", types, {}, {std::nullopt, Str(",")}).is_null());
  EXPECT_ERROR_CODE(registry().ResolveAggregate("listagg", types), kInvalidParameter);
}

TEST_F(AggregateFunctionsTest, MinByAndMaxBy) {
  std::vector<std::vector<Value>> rows = {{Str("slow"), Int(90)},
                                          {Str("fast"), Int(10)},
                                          {Str("unknown"), NullOf(TypeId::kInteger)},
                                          {Str("medium"), Int(40)}};
  std::vector<LogicalType> types = {LogicalType::Varchar(), TypeId::kInteger};
  EXPECT_VALUE(Aggregate("min_by", types, rows), Str("fast"));
  EXPECT_VALUE(Aggregate("max_by", types, rows), Str("slow"));
  EXPECT_TRUE(Aggregate("min_by", types, {{Str("x"), NullOf(TypeId::kInteger)}}).is_null());
  std::vector<std::vector<Value>> by_string = {{Int(1), Str("b")},
                                               {Int(2), Str("a long key that is not inline")}};
  EXPECT_VALUE(Aggregate("min_by", {TypeId::kInteger, LogicalType::Varchar()}, by_string), Int(2));
}

TEST_F(AggregateFunctionsTest, ApproxDistinctIsExactForSmallSetsAndCloseForLargeOnes) {
  auto small = Column({Int(1), Int(2), Int(2), NullOf(TypeId::kInteger), Int(3)});
  EXPECT_VALUE(Aggregate("approx_distinct", {TypeId::kInteger}, small), Big(3));
  EXPECT_VALUE(Aggregate("approx_distinct", {TypeId::kInteger}, {}), Big(0));
  for (int64_t n : {1000, 20000, 200000}) {
    std::vector<std::vector<Value>> rows;
    for (int64_t i = 0; i < n; ++i) rows.push_back({Big(i % (n / 2) * 7919)});
    double estimate =
        static_cast<double>(Aggregate("approx_distinct", {TypeId::kBigint}, rows).GetInt64());
    double actual = static_cast<double>(n / 2);
    EXPECT_NEAR(estimate / actual, 1.0, 0.07) << "n = " << n;
  }
  std::vector<std::vector<Value>> rows;
  for (int i = 0; i < 50000; ++i) rows.push_back({Str("customer-" + std::to_string(i)), Dbl(0.01)});
  double precise =
      static_cast<double>(Aggregate("approx_distinct", {LogicalType::Varchar(), TypeId::kDouble},
                                    rows, {std::nullopt, Dbl(0.01)})
                              .GetInt64());
  EXPECT_NEAR(precise / 50000, 1.0, 0.03);
  EXPECT_ERROR_CODE(
      registry().ResolveAggregate("approx_distinct", {TypeId::kInteger, TypeId::kDouble},
                                  {std::nullopt, Dbl(0.5)}),
      kInvalidParameter);
}

TEST_F(AggregateFunctionsTest, ApproxPercentileExactForFewValues) {
  auto rows = std::vector<std::vector<Value>>{};
  for (int i = 1; i <= 10; ++i) rows.push_back({Big(i), Dbl(0.5)});
  std::vector<LogicalType> types = {TypeId::kBigint, TypeId::kDouble};
  EXPECT_VALUE(Aggregate("approx_percentile", types, rows, {std::nullopt, Dbl(0.5)}), Big(5));
  EXPECT_VALUE(Aggregate("approx_percentile", types, rows, {std::nullopt, Dbl(0.9)}), Big(9));
  EXPECT_VALUE(Aggregate("approx_percentile", types, rows, {std::nullopt, Dbl(0)}), Big(1));
  EXPECT_VALUE(Aggregate("approx_percentile", types, rows, {std::nullopt, Dbl(1)}), Big(10));
  Value percentiles = ArrayOf(TypeId::kDouble, {Dbl(0.1), Dbl(0.5)});
  std::vector<std::vector<Value>> array_rows;
  for (int i = 1; i <= 10; ++i) array_rows.push_back({Dbl(i), percentiles});
  EXPECT_VALUE(
      Aggregate("approx_percentile", {TypeId::kDouble, LogicalType::Array(TypeId::kDouble)},
                array_rows, {std::nullopt, percentiles}),
      ArrayOf(TypeId::kDouble, {Dbl(1), Dbl(5)}));
  std::vector<std::vector<Value>> weighted = {
      {Big(1), Big(1), Dbl(0.5)}, {Big(2), Big(8), Dbl(0.5)}, {Big(3), Big(1), Dbl(0.5)}};
  EXPECT_VALUE(Aggregate("approx_percentile", {TypeId::kBigint, TypeId::kBigint, TypeId::kDouble},
                         weighted, {std::nullopt, std::nullopt, Dbl(0.5)}),
               Big(2));
  EXPECT_ERROR_CODE(
      registry().ResolveAggregate("approx_percentile", types, {std::nullopt, Dbl(1.5)}),
      kInvalidParameter);
}

TEST_F(AggregateFunctionsTest, ApproxPercentileIsCloseForManyValues) {
  std::vector<std::vector<Value>> rows;
  for (int i = 0; i < 100000; ++i) rows.push_back({Dbl((i * 7919) % 100000), Dbl(0.99)});
  double p99 = Aggregate("approx_percentile", {TypeId::kDouble, TypeId::kDouble}, rows,
                         {std::nullopt, Dbl(0.99)}, 0.01)
                   .GetDouble();
  EXPECT_NEAR(p99, 99000, 300);
  double median = Aggregate("approx_percentile", {TypeId::kDouble, TypeId::kDouble}, rows,
                            {std::nullopt, Dbl(0.5)}, 0.01)
                      .GetDouble();
  EXPECT_NEAR(median, 50000, 1000);
}

TEST_F(AggregateFunctionsTest, ChecksumIgnoresOrderButSeesNulls) {
  Value a = Aggregate("checksum", {TypeId::kInteger}, Column({Int(1), Int(2), Int(3)}));
  Value b = Aggregate("checksum", {TypeId::kInteger}, Column({Int(3), Int(1), Int(2)}));
  Value c = Aggregate("checksum", {TypeId::kInteger},
                      Column({Int(3), Int(1), Int(2), NullOf(TypeId::kInteger)}));
  EXPECT_VALUE(a, b);
  EXPECT_NE(a.ToString(), c.ToString());
  EXPECT_EQ(a.type(), LogicalType(TypeId::kVarbinary));
  EXPECT_TRUE(Aggregate("checksum", {TypeId::kInteger}, {}).is_null());
}

}  // namespace
}  // namespace switchboard
