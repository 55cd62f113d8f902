// Tests of the TPC-H generator: row counts, keys and value domains of clause 4.2, consistency
// between ORDERS and LINEITEM, and output that depends on the seed but not on the threads.
#include "datagen/tpch_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "common/thread_pool.h"
#include "datagen/tests/datagen_test_util.h"
#include "datagen/tpch_text_pool.h"
#include "types/datetime.h"
#include "types/value.h"

namespace switchboard {
namespace {

namespace fs = std::filesystem;
using datagen_testing::ReadBytes;
using datagen_testing::ReadTable;
using datagen_testing::Table;

// A small text pool keeps the tests fast; the pool's size changes nothing but which
// substrings comments are cut from.
constexpr int64_t kTestPoolBytes = int64_t{8} << 20;

std::string TempDir(const std::string& name) { return datagen_testing::ScratchDir("tpch_" + name); }

class TpchGeneratorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(TempDir("sf001"));
    TpchOptions options;
    options.scale_factor = 0.01;
    options.seed = 7;
    options.threads = 2;
    options.text_pool_bytes = kTestPoolBytes;
    auto reports = GenerateTpch(options, *dir_);
    ASSERT_TRUE(reports.ok()) << reports.error().message;
    reports_ = new std::vector<TpchTableReport>(std::move(reports).value());
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete reports_;
  }

  static Table Read(std::string_view table) {
    return ReadTable(fmt::format("{}/{}.parquet", *dir_, table));
  }

  static std::string* dir_;
  static std::vector<TpchTableReport>* reports_;
};

std::string* TpchGeneratorTest::dir_ = nullptr;
std::vector<TpchTableReport>* TpchGeneratorTest::reports_ = nullptr;

TEST_F(TpchGeneratorTest, WritesEveryTableWithTheSpecifiedRowCount) {
  std::map<std::string, int64_t> rows;
  for (const TpchTableReport& report : *reports_) {
    rows[std::string(TpchTableName(report.table))] = report.rows;
    EXPECT_TRUE(fs::exists(report.path)) << report.path;
  }
  EXPECT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows["part"], 2000);
  EXPECT_EQ(rows["supplier"], 100);
  EXPECT_EQ(rows["partsupp"], 8000);
  EXPECT_EQ(rows["customer"], 1500);
  EXPECT_EQ(rows["orders"], 15000);
  EXPECT_EQ(rows["nation"], 25);
  EXPECT_EQ(rows["region"], 5);
  // 1 to 7 lines per order, uniformly: 60000 expected, standard deviation about 245.
  EXPECT_NEAR(rows["lineitem"], 60000, 1500);
}

TEST_F(TpchGeneratorTest, PartsFollowTheirDomains) {
  Table part = Read("part");
  std::set<std::string> types;
  std::set<std::string> containers;
  for (size_t i = 0; i < part.rows.size(); ++i) {
    int64_t key = part.Int(i, "p_partkey");
    EXPECT_EQ(key, static_cast<int64_t>(i) + 1);
    // Five distinct colors.
    std::istringstream words(part.Text(i, "p_name"));
    std::set<std::string> colors{std::istream_iterator<std::string>(words), {}};
    EXPECT_EQ(colors.size(), 5u) << part.Text(i, "p_name");
    std::string mfgr = part.Text(i, "p_mfgr");
    std::string brand = part.Text(i, "p_brand");
    ASSERT_EQ(mfgr.substr(0, 13), "Manufacturer#");
    ASSERT_EQ(brand.size(), 8u);
    EXPECT_EQ(brand[6], mfgr[13]);
    EXPECT_GE(brand[7], '1');
    EXPECT_LE(brand[7], '5');
    EXPECT_GE(part.Int(i, "p_size"), 1);
    EXPECT_LE(part.Int(i, "p_size"), 50);
    int64_t cents = 90000 + (key / 10) % 20001 + 100 * (key % 1000);
    EXPECT_EQ(part.Int(i, "p_retailprice"), cents);
    size_t comment = part.Text(i, "p_comment").size();
    EXPECT_GE(comment, 5u);
    EXPECT_LE(comment, 22u);
    types.insert(part.Text(i, "p_type"));
    containers.insert(part.Text(i, "p_container"));
  }
  EXPECT_EQ(types.size(), 150u);
  EXPECT_EQ(containers.size(), 40u);
  EXPECT_TRUE(types.count("PROMO BRUSHED COPPER"));
  EXPECT_TRUE(containers.count("JUMBO PKG"));
}

TEST_F(TpchGeneratorTest, PartsuppListsFourSuppliersPerPart) {
  Table partsupp = Read("partsupp");
  const int64_t suppliers = 100;
  for (size_t i = 0; i < partsupp.rows.size(); ++i) {
    int64_t part = partsupp.Int(i, "ps_partkey");
    int64_t nth = static_cast<int64_t>(i % 4);
    EXPECT_EQ(part, static_cast<int64_t>(i / 4) + 1);
    EXPECT_EQ(partsupp.Int(i, "ps_suppkey"),
              (part + nth * (suppliers / 4 + (part - 1) / suppliers)) % suppliers + 1);
    EXPECT_GE(partsupp.Int(i, "ps_availqty"), 1);
    EXPECT_LE(partsupp.Int(i, "ps_availqty"), 9999);
    EXPECT_GE(partsupp.Int(i, "ps_supplycost"), 100);
    EXPECT_LE(partsupp.Int(i, "ps_supplycost"), 100000);
    size_t comment = partsupp.Text(i, "ps_comment").size();
    EXPECT_GE(comment, 49u);
    EXPECT_LE(comment, 198u);
  }
}

TEST_F(TpchGeneratorTest, CustomersAndSuppliersHaveNationPhonesAndBalances) {
  for (auto [table, prefix] : {std::pair{"customer", "c_"}, std::pair{"supplier", "s_"}}) {
    Table t = Read(table);
    for (size_t i = 0; i < t.rows.size(); ++i) {
      std::string p(prefix);
      int64_t nation = t.Int(i, p + "nationkey");
      EXPECT_GE(nation, 0);
      EXPECT_LE(nation, 24);
      std::string phone = t.Text(i, p + "phone");
      ASSERT_EQ(phone.size(), 15u) << phone;
      EXPECT_EQ(std::stoi(phone.substr(0, 2)), nation + 10);
      EXPECT_EQ(phone[2], '-');
      EXPECT_GE(t.Int(i, p + "acctbal"), -99999);
      EXPECT_LE(t.Int(i, p + "acctbal"), 999999);
      size_t address = t.Text(i, p + "address").size();
      EXPECT_GE(address, 10u);
      EXPECT_LE(address, 40u);
      EXPECT_EQ(t.Text(i, p + "name"),
                fmt::format("{}#{:09}", std::string(table) == "customer" ? "Customer" : "Supplier",
                            i + 1));
    }
  }
  Table customer = Read("customer");
  std::set<std::string> segments;
  for (size_t i = 0; i < customer.rows.size(); ++i)
    segments.insert(customer.Text(i, "c_mktsegment"));
  EXPECT_EQ(segments, (std::set<std::string>{"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD",
                                             "MACHINERY"}));
}

TEST_F(TpchGeneratorTest, OrdersAgreeWithTheirLines) {
  Table orders = Read("orders");
  Table lineitem = Read("lineitem");
  const int32_t start = Date::FromCivil(1992, 1, 1);
  const int32_t end = Date::FromCivil(1998, 12, 31);
  const int32_t current = Date::FromCivil(1995, 6, 17);
  std::map<int64_t, size_t> order_row;
  for (size_t i = 0; i < orders.rows.size(); ++i) {
    int64_t key = orders.Int(i, "o_orderkey");
    // Sparse keys: the first 8 of every 32.
    EXPECT_LT(key % 32, 8);
    EXPECT_NE(orders.Int(i, "o_custkey") % 3, 0);
    EXPECT_LE(orders.Int(i, "o_custkey"), 1500);
    order_row[key] = i;
  }
  EXPECT_EQ(orders.Int(orders.rows.size() - 1, "o_orderkey"), 60000);

  struct Totals {
    int64_t cents = 0;
    int lines = 0;
    int shipped = 0;
  };
  std::map<int64_t, Totals> totals;
  for (size_t i = 0; i < lineitem.rows.size(); ++i) {
    int64_t order = lineitem.Int(i, "l_orderkey");
    ASSERT_TRUE(order_row.count(order));
    size_t o = order_row[order];
    auto date = [&](const Table& t, size_t row, const char* name) {
      return static_cast<int32_t>(t.Int(row, name));
    };
    int32_t ordered = date(orders, o, "o_orderdate");
    EXPECT_GE(ordered, start);
    EXPECT_LE(ordered, end - 151);
    int32_t ship = date(lineitem, i, "l_shipdate");
    int32_t commit = date(lineitem, i, "l_commitdate");
    int32_t receipt = date(lineitem, i, "l_receiptdate");
    EXPECT_GE(ship - ordered, 1);
    EXPECT_LE(ship - ordered, 121);
    EXPECT_GE(commit - ordered, 30);
    EXPECT_LE(commit - ordered, 90);
    EXPECT_GE(receipt - ship, 1);
    EXPECT_LE(receipt - ship, 30);
    std::string flag = lineitem.Text(i, "l_returnflag");
    EXPECT_TRUE(receipt <= current ? (flag == "R" || flag == "A") : flag == "N") << flag;
    EXPECT_EQ(lineitem.Text(i, "l_linestatus"), ship > current ? "O" : "F");
    Totals& t = totals[order];
    EXPECT_EQ(lineitem.Int(i, "l_linenumber"), ++t.lines);
    auto cents = [&](const char* name) { return lineitem.Int(i, name); };
    int64_t quantity = cents("l_quantity") / 100;
    int64_t part = lineitem.Int(i, "l_partkey");
    EXPECT_GE(quantity, 1);
    EXPECT_LE(quantity, 50);
    EXPECT_LE(part, 2000);
    EXPECT_EQ(cents("l_extendedprice"),
              quantity * (90000 + (part / 10) % 20001 + 100 * (part % 1000)));
    int64_t discount = cents("l_discount");
    int64_t tax = cents("l_tax");
    EXPECT_LE(discount, 10);
    EXPECT_LE(tax, 8);
    int64_t supplier = lineitem.Int(i, "l_suppkey");
    bool supplies = false;
    for (int64_t n = 0; n < 4; ++n)
      supplies |= supplier == (part + n * (25 + (part - 1) / 100)) % 100 + 1;
    EXPECT_TRUE(supplies) << part << " " << supplier;
    t.cents += (cents("l_extendedprice") * (100 - discount) / 100) * (100 + tax) / 100;
    t.shipped += lineitem.Text(i, "l_linestatus") == "F";
  }
  EXPECT_EQ(totals.size(), orders.rows.size());
  for (const auto& [order, t] : totals) {
    size_t o = order_row[order];
    EXPECT_LE(t.lines, 7);
    EXPECT_EQ(orders.Int(o, "o_totalprice"), t.cents);
    EXPECT_EQ(orders.Text(o, "o_orderstatus"),
              t.shipped == t.lines ? "F" : (t.shipped == 0 ? "O" : "P"));
  }
}

TEST_F(TpchGeneratorTest, NationsAndRegionsAreTheFixedLists) {
  Table nation = Read("nation");
  Table region = Read("region");
  ASSERT_EQ(nation.rows.size(), 25u);
  EXPECT_EQ(nation.Text(0, "n_name"), "ALGERIA");
  EXPECT_EQ(nation.Text(24, "n_name"), "UNITED STATES");
  EXPECT_EQ(nation.Int(24, "n_regionkey"), 1);
  EXPECT_EQ(nation.Int(12, "n_regionkey"), 2);  // JAPAN, ASIA
  ASSERT_EQ(region.rows.size(), 5u);
  EXPECT_EQ(region.Text(4, "r_name"), "MIDDLE EAST");
}

TEST_F(TpchGeneratorTest, OutputDependsOnTheSeedButNotOnTheThreads) {
  std::string dir = TempDir("threads");
  TpchOptions options;
  options.scale_factor = 0.01;
  options.seed = 7;
  options.threads = 1;
  options.text_pool_bytes = kTestPoolBytes;
  ASSERT_TRUE(GenerateTpch(options, dir + "/one").ok());
  options.threads = 3;
  ASSERT_TRUE(GenerateTpch(options, dir + "/three").ok());
  options.seed = 8;
  options.tables = {TpchTable::kOrders};
  ASSERT_TRUE(GenerateTpch(options, dir + "/other").ok());
  for (TpchTable table : AllTpchTables()) {
    std::string name = fmt::format("{}.parquet", TpchTableName(table));
    std::string bytes = ReadBytes(dir + "/one/" + name);
    EXPECT_EQ(bytes, ReadBytes(*dir_ + "/" + name)) << name;
    EXPECT_EQ(bytes, ReadBytes(dir + "/three/" + name)) << name;
  }
  EXPECT_NE(ReadBytes(dir + "/other/orders.parquet"), ReadBytes(dir + "/one/orders.parquet"));
  EXPECT_FALSE(fs::exists(dir + "/other/lineitem.parquet"));
  fs::remove_all(dir);
}

TEST(TpchSupplierTest, OneSupplierInTwoThousandIsAComplaintAndOneARecommendation) {
  std::string dir = TempDir("press");
  TpchOptions options;
  options.scale_factor = 1;
  options.text_pool_bytes = kTestPoolBytes;
  options.tables = {TpchTable::kSupplier};
  ASSERT_TRUE(GenerateTpch(options, dir).ok());
  Table supplier = ReadTable(dir + "/supplier.parquet");
  ASSERT_EQ(supplier.rows.size(), 10000u);
  int complaints = 0;
  int recommendations = 0;
  for (size_t i = 0; i < supplier.rows.size(); ++i) {
    std::string comment = supplier.Text(i, "s_comment");
    size_t customer = comment.find("Customer ");
    if (customer == std::string::npos) continue;
    complaints += comment.find("Complaints", customer) != std::string::npos;
    recommendations += comment.find("Recommends", customer) != std::string::npos;
    EXPECT_GE(comment.size(), 25u);
    EXPECT_LE(comment.size(), 100u);
  }
  EXPECT_EQ(complaints, 5);
  EXPECT_EQ(recommendations, 5);
  fs::remove_all(dir);
}

TEST(TpchTextPoolTest, SentencesFollowTheGrammar) {
  ThreadPool threads(2);
  TpchTextPool pool(3, 3 << 20, threads);
  TpchTextPool same(3, 3 << 20, threads);
  EXPECT_EQ(pool.text(), same.text());
  std::string_view text = pool.text();
  EXPECT_EQ(text.size(), size_t{3} << 20);
  // Words are lower-case letters (and Tiresias, x-ray); terminators end sentences.
  size_t sentences = 0;
  for (char c : text) {
    ASSERT_TRUE(std::islower(static_cast<unsigned char>(c)) || c == ' ' || c == ',' || c == '.' ||
                c == ';' || c == ':' || c == '?' || c == '!' || c == '-' || c == 'T')
        << static_cast<int>(c);
    sentences += c == '.';
  }
  EXPECT_GT(sentences, text.size() / 200);
  EXPECT_NE(text.find("furiously"), std::string_view::npos);
  EXPECT_NE(text.find("special"), std::string_view::npos);
  EXPECT_NE(text.find("requests"), std::string_view::npos);
  TpchTextPool other(4, 3 << 20, threads);
  EXPECT_NE(pool.text(), other.text());
}

}  // namespace
}  // namespace switchboard
