// RowSorter: multi-key orders, NULL placement, stability, long strings that differ after a shared
// prefix, and top-N.
#include "exec/row_sorter.h"

#include <gtest/gtest.h>

#include <limits>

#include "exec/tests/exec_test_util.h"

namespace switchboard::testing {
namespace {

ChunkCollection Collect(const std::vector<LogicalType>& types,
                        const std::vector<std::vector<Value>>& rows) {
  ChunkCollection collection(types);
  for (size_t start = 0; start < rows.size(); start += kVectorSize) {
    std::vector<std::vector<Value>> part(
        rows.begin() + static_cast<std::ptrdiff_t>(start),
        rows.begin() + static_cast<std::ptrdiff_t>(std::min(rows.size(), start + kVectorSize)));
    collection.Append(MakeChunk(types, part));
  }
  return collection;
}

TEST(RowSorterTest, SortsBySeveralKeysInTheirOwnDirections) {
  // (region, amount): region ascending, amount descending.
  auto rows = Collect({LogicalType::Varchar(), TypeId::kInteger},
                      {{Value::Varchar("us"), Value::Integer(5)},
                       {Value::Varchar("eu"), Value::Integer(1)},
                       {Value::Varchar("us"), Value::Integer(9)},
                       {Value::Varchar("eu"), Value::Integer(-3)},
                       {Value::Varchar("eu"), Value::Integer(7)}});
  RowSorter sorter(rows, {{0, false, false}, {1, true, false}});
  EXPECT_EQ(sorter.Sort(), (std::vector<idx_t>{4, 1, 3, 2, 0}));
  EXPECT_LT(sorter.Compare(4, 1), 0);
  EXPECT_GT(sorter.Compare(0, 2), 0);
}

TEST(RowSorterTest, PlacesNullsFirstOrLastInEitherDirection) {
  Value null = Value::Null(TypeId::kBigint);
  auto rows = Collect({TypeId::kBigint}, {{Value::Bigint(2)}, {null}, {Value::Bigint(1)}});
  EXPECT_EQ(RowSorter(rows, {{0, false, false}}).Sort(), (std::vector<idx_t>{2, 0, 1}));
  EXPECT_EQ(RowSorter(rows, {{0, false, true}}).Sort(), (std::vector<idx_t>{1, 2, 0}));
  EXPECT_EQ(RowSorter(rows, {{0, true, false}}).Sort(), (std::vector<idx_t>{0, 2, 1}));
  EXPECT_EQ(RowSorter(rows, {{0, true, true}}).Sort(), (std::vector<idx_t>{1, 0, 2}));
}

TEST(RowSorterTest, KeepsTheInputOrderOfTies) {
  std::vector<std::vector<Value>> input;
  for (int i = 0; i < 5000; ++i) input.push_back({Value::Integer(i % 3), Value::Integer(i)});
  auto rows = Collect({TypeId::kInteger, TypeId::kInteger}, input);
  std::vector<idx_t> order = RowSorter(rows, {{0, false, false}}).Sort();
  ASSERT_EQ(order.size(), 5000u);
  for (size_t i = 1; i < order.size(); ++i) {
    if (order[i] % 3 == order[i - 1] % 3)
      EXPECT_LT(order[i - 1], order[i]) << "position " << i;
    else
      EXPECT_LT(order[i - 1] % 3, order[i] % 3) << "position " << i;
  }
}

TEST(RowSorterTest, OrdersLongStringsThatShareALongPrefix) {
  const std::string prefix(40, 'x');
  auto rows = Collect({LogicalType::Varchar()}, {{Value::Varchar(prefix + "b")},
                                                 {Value::Varchar(prefix)},
                                                 {Value::Varchar(prefix + "a")},
                                                 {Value::Varchar("")},
                                                 {Value::Varchar(prefix + "ab")}});
  EXPECT_EQ(RowSorter(rows, {{0, false, false}}).Sort(), (std::vector<idx_t>{3, 1, 2, 4, 0}));
  EXPECT_EQ(RowSorter(rows, {{0, true, false}}).Sort(), (std::vector<idx_t>{0, 4, 2, 1, 3}));
}

TEST(RowSorterTest, OrdersSignedIntegersAndDoublesNumerically) {
  auto rows = Collect({TypeId::kBigint, TypeId::kDouble},
                      {{Value::Bigint(std::numeric_limits<int64_t>::max()), Value::Double(0.5)},
                       {Value::Bigint(-1), Value::Double(-2.5)},
                       {Value::Bigint(std::numeric_limits<int64_t>::min()), Value::Double(1e300)},
                       {Value::Bigint(0), Value::Double(-1e-300)}});
  EXPECT_EQ(RowSorter(rows, {{0, false, false}}).Sort(), (std::vector<idx_t>{2, 1, 3, 0}));
  EXPECT_EQ(RowSorter(rows, {{1, false, false}}).Sort(), (std::vector<idx_t>{1, 3, 0, 2}));
}

TEST(RowSorterTest, SortTopOrdersTheFirstRowsLikeAFullSort) {
  std::vector<std::vector<Value>> input;
  for (int i = 0; i < 3000; ++i) input.push_back({Value::Integer((i * 7919) % 3001)});
  auto rows = Collect({TypeId::kInteger}, input);
  RowSorter sorter(rows, {{0, true, false}});
  std::vector<idx_t> full = sorter.Sort();
  std::vector<idx_t> top = sorter.SortTop(10);
  ASSERT_GE(top.size(), 10u);
  EXPECT_EQ(std::vector<idx_t>(top.begin(), top.begin() + 10),
            std::vector<idx_t>(full.begin(), full.begin() + 10));
}

TEST(RowSorterTest, GatherRowsCopiesRowsInSortedOrder) {
  auto rows =
      Collect({TypeId::kInteger, LogicalType::Varchar()},
              {{Value::Integer(2), Value::Varchar("b")}, {Value::Integer(1), Value::Varchar("a")}});
  std::vector<idx_t> order = RowSorter(rows, {{0, false, false}}).Sort();
  DataChunk out;
  out.Initialize({LogicalType::Varchar(), TypeId::kInteger});
  GatherRows(rows, order.data(), order.size(), {1, 0}, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(Values(out.column(0), 2),
            (std::vector<Value>{Value::Varchar("a"), Value::Varchar("b")}));
  EXPECT_EQ(Values(out.column(1), 2), (std::vector<Value>{Value::Integer(1), Value::Integer(2)}));
}

}  // namespace
}  // namespace switchboard::testing
