// Compares the generated TPC-H SF 0.01 with dbgen's (../shared/testdata/tpch/sf0.01) through
// the reference engine's statistics: DuckDB's SUMMARIZE of each table (bounds, averages,
// spreads, quartiles, distinct counts) and the average length of every text column. The data
// are random, so numbers agree within tolerances; domains of categorical columns agree exactly.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "datagen/tpch_generator.h"
#include "format/parquet/tests/parquet_test_util.h"
#include "types/datetime.h"

namespace switchboard {
namespace {

namespace fs = std::filesystem;
using parquet::testing::ParseCsv;
using parquet::testing::RunCommand;
using parquet::testing::SharedDir;

// Columns with at most this many distinct values, each repeated, are categorical.
constexpr double kCategorical = 200;

struct ColumnSummary {
  std::string type;
  std::string min;
  std::string max;
  double distinct = 0;
  std::optional<double> avg;
  std::optional<double> std;
  std::optional<double> q25, q50, q75;
  double count = 0;
  std::optional<double> avg_length;  // text columns
  std::optional<double> std_length;
};

// Numbers, dates (as days) and timestamps (as fractional days); nullopt for empty fields.
std::optional<double> Number(const std::string& text) {
  if (text.empty() || text == parquet::testing::kNull) return std::nullopt;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    auto day = Date::Parse(text.substr(0, 10));
    if (!day) return std::nullopt;
    double fraction = 0;
    if (text.size() > 11) {
      auto time = Time::Parse(text.substr(11));
      if (time) fraction = static_cast<double>(*time) / static_cast<double>(kMicrosPerDay);
    }
    return *day + fraction;
  }
  return std::stod(text);
}

class TpchOracleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(
        (fs::temp_directory_path() / fmt::format("sb_tpch_oracle_{}", getpid())).string());
    TpchOptions options;
    options.scale_factor = 0.01;
    auto reports = GenerateTpch(options, *dir_);
    ASSERT_TRUE(reports.ok()) << reports.error().message;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  static std::map<std::string, ColumnSummary> Summarize(const std::string& file) {
    std::string duckdb = SharedDir() + "/oracle/duckdb-sql";
    std::string source = fmt::format("read_parquet('{}')", file);
    std::string output;
    int status =
        RunCommand(fmt::format("'{}' -c \"SUMMARIZE SELECT * FROM {}\"", duckdb, source), output);
    EXPECT_EQ(status, 0) << output;
    std::map<std::string, ColumnSummary> columns;
    auto rows = ParseCsv(output);
    if (rows.empty()) return columns;
    std::map<std::string, size_t> at;
    for (size_t i = 0; i < rows[0].size(); ++i) at[rows[0][i]] = i;
    std::string extra;  // exact distinct counts (SUMMARIZE's are estimates) and text lengths
    for (size_t r = 1; r < rows.size(); ++r) {
      const auto& row = rows[r];
      ColumnSummary& c = columns[row[at["column_name"]]];
      c.type = row[at["column_type"]];
      c.min = row[at["min"]];
      c.max = row[at["max"]];
      c.avg = Number(row[at["avg"]]);
      c.std = Number(row[at["std"]]);
      c.q25 = Number(row[at["q25"]]);
      c.q50 = Number(row[at["q50"]]);
      c.q75 = Number(row[at["q75"]]);
      c.count = *Number(row[at["count"]]);
      const std::string& name = row[at["column_name"]];
      extra += fmt::format("{}count(DISTINCT {}) AS \\\"{}:distinct\\\"", extra.empty() ? "" : ", ",
                           name, name);
      if (c.type == "VARCHAR") {
        extra += fmt::format(", avg(length({})) AS \\\"{}:avg_length\\\"", name, name);
        extra += fmt::format(", stddev_pop(length({})) AS \\\"{}:std_length\\\"", name, name);
      }
    }
    status =
        RunCommand(fmt::format("'{}' -c \"SELECT {} FROM {}\"", duckdb, extra, source), output);
    EXPECT_EQ(status, 0) << output;
    auto values = ParseCsv(output);
    for (size_t i = 0; values.size() == 2 && i < values[0].size(); ++i) {
      const std::string& label = values[0][i];
      size_t colon = label.find(':');
      ColumnSummary& c = columns[label.substr(0, colon)];
      std::string what = label.substr(colon + 1);
      std::optional<double> value = Number(values[1][i]);
      if (what == "distinct") c.distinct = value.value_or(0);
      if (what == "avg_length") c.avg_length = value;
      if (what == "std_length") c.std_length = value;
    }
    return columns;
  }

  static std::string* dir_;
};

std::string* TpchOracleTest::dir_ = nullptr;

// Within `tolerance` times `scale` of the reference (both present or both absent).
void ExpectClose(const std::string& what, std::optional<double> expected,
                 std::optional<double> actual, double scale, double tolerance) {
  ASSERT_EQ(expected.has_value(), actual.has_value()) << what;
  if (!expected) return;
  EXPECT_LE(std::fabs(*expected - *actual), tolerance * scale)
      << what << ": reference " << *expected << ", generated " << *actual;
}

TEST_F(TpchOracleTest, TablesHaveTheReferenceStatistics) {
  std::string reference_dir = SharedDir() + "/testdata/tpch/sf0.01";
  ASSERT_TRUE(fs::exists(SharedDir() + "/oracle/duckdb-sql")) << "the DuckDB oracle is missing under " << SharedDir();
  ASSERT_TRUE(fs::exists(reference_dir)) << "the shared TPC-H data is missing: " << reference_dir;
  for (TpchTable table : AllTpchTables()) {
    std::string name(TpchTableName(table));
    auto reference = Summarize(fmt::format("{}/{}.parquet", reference_dir, name));
    auto generated = Summarize(fmt::format("{}/{}.parquet", *dir_, name));
    ASSERT_FALSE(reference.empty()) << name;
    ASSERT_EQ(reference.size(), generated.size()) << name;
    for (const auto& [column, ref] : reference) {
      SCOPED_TRACE(fmt::format("{}.{}", name, column));
      ASSERT_TRUE(generated.count(column));
      const ColumnSummary& gen = generated.at(column);
      EXPECT_EQ(gen.type, ref.type);
      // Every table but LINEITEM has an exact size; LINEITEM's is random (sd ~0.4%).
      EXPECT_NEAR(gen.count, ref.count, table == TpchTable::kLineitem ? 0.02 * ref.count : 0);
      // Categorical columns (few values, each repeated): the same values, hence bounds.
      if (ref.distinct <= kCategorical && ref.count >= 10 * ref.distinct) {
        EXPECT_EQ(gen.min, ref.min);
        EXPECT_EQ(gen.max, ref.max);
        EXPECT_EQ(gen.distinct, ref.distinct);
      } else {
        EXPECT_NEAR(gen.distinct, ref.distinct, 0.05 * ref.distinct);
      }
      const double n = ref.count;
      if (ref.avg) {
        // Numbers and dates: bounds, center, quartiles and spread, allowing for sampling error
        // (a few standard errors; extremes of skewed distributions such as o_totalprice vary
        // most) and, for integers and dates, one unit of rounding.
        double range = *Number(ref.max) - *Number(ref.min);
        double unit = ref.type.find("DECIMAL") == 0 ? 0.01 : 1;
        double error = ref.std.value_or(range / std::sqrt(12.0)) / std::sqrt(n);
        ExpectClose("min", Number(ref.min), Number(gen.min), 1, 0.1 * range + unit);
        ExpectClose("max", Number(ref.max), Number(gen.max), 1, 0.1 * range + unit);
        ExpectClose("avg", ref.avg, gen.avg, 1, 0.01 * range + 5 * error);
        ExpectClose("q25", ref.q25, gen.q25, 1, 0.01 * range + 6 * error + unit);
        ExpectClose("q50", ref.q50, gen.q50, 1, 0.01 * range + 6 * error + unit);
        ExpectClose("q75", ref.q75, gen.q75, 1, 0.01 * range + 6 * error + unit);
        if (ref.std) ExpectClose("std", ref.std, gen.std, *ref.std, 0.02 + 5 / std::sqrt(n));
      }
      if (ref.avg_length) {
        ExpectClose("avg length", ref.avg_length, gen.avg_length, 1,
                    0.02 * *ref.avg_length + 5 * ref.std_length.value_or(0) / std::sqrt(n));
        ExpectClose("std length", ref.std_length, gen.std_length, *ref.std_length,
                    0.05 + 5 / std::sqrt(n));
      }
    }
  }
}

}  // namespace
}  // namespace switchboard
