// Tests for statistics decoding (sort orders, legacy fields, NaN rules), pruning decisions,
// exact vector filtering, bloom filters and XXH64.
#include "format/parquet/predicate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "format/parquet/bloom_filter.h"
#include "format/parquet/statistics.h"
#include "format/parquet/tests/parquet_test_util.h"
#include "format/parquet/xxhash64.h"

namespace switchboard::parquet {
namespace {

using Op = ParquetPredicate::Op;

std::string Bytes(int32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); }
std::string Bytes(double v) { return std::string(reinterpret_cast<const char*>(&v), 8); }

LeafColumn IntLeaf() {
  LeafColumn leaf;
  leaf.path = {"x"};
  leaf.physical_type = Type::kInt32;
  leaf.type = TypeId::kInteger;
  leaf.sort_order = SortOrder::kSigned;
  leaf.column_order = ColumnOrder::kTypeDefined;
  return leaf;
}

ColumnStatistics IntStats(int32_t min, int32_t max, int64_t nulls = 0, int64_t values = 100) {
  Statistics s;
  s.min_value = Bytes(min);
  s.max_value = Bytes(max);
  s.null_count = nulls;
  return DecodeStatistics(IntLeaf(), s, values);
}

bool Skips(ParquetPredicate p, const ColumnStatistics& stats, LogicalType type = TypeId::kInteger) {
  auto bound = BoundPredicate::Bind(p, type);
  EXPECT_TRUE(bound.ok()) << bound.error().message;
  return bound->CanSkip(stats);
}

TEST(StatisticsTest, DecodesBoundsAndExactness) {
  ColumnStatistics s = IntStats(-5, 40, 3);
  ASSERT_TRUE(s.min && s.max);
  EXPECT_EQ(s.min->GetInt64(), -5);
  EXPECT_EQ(s.max->GetInt64(), 40);
  EXPECT_TRUE(s.min_exact);  // fixed-width bounds are exact unless stated otherwise
  EXPECT_EQ(s.null_count, 3);
}

TEST(StatisticsTest, LegacyFieldsOnlyForSignedNumericColumns) {
  Statistics legacy;
  legacy.min = Bytes(1);
  legacy.max = Bytes(9);
  EXPECT_TRUE(DecodeStatistics(IntLeaf(), legacy, 10).min.has_value());
  LeafColumn text;
  text.path = {"s"};
  text.physical_type = Type::kByteArray;
  text.type = TypeId::kVarchar;
  text.sort_order = SortOrder::kUnsigned;
  Statistics legacy_text;
  legacy_text.min = "a";
  legacy_text.max = "\xff";
  EXPECT_FALSE(DecodeStatistics(text, legacy_text, 10).min.has_value());
  LeafColumn unsigned_int = IntLeaf();
  unsigned_int.sort_order = SortOrder::kUnsigned;
  unsigned_int.transform = ValueTransform::kUnsigned;
  unsigned_int.type = TypeId::kBigint;
  EXPECT_FALSE(DecodeStatistics(unsigned_int, legacy, 10).min.has_value());
}

TEST(StatisticsTest, NaNBoundsAreIgnored) {
  LeafColumn leaf;
  leaf.path = {"d"};
  leaf.physical_type = Type::kDouble;
  leaf.type = TypeId::kDouble;
  leaf.sort_order = SortOrder::kSigned;
  Statistics s;
  s.min = Bytes(1.0);
  s.max = Bytes(std::nan(""));
  ColumnStatistics decoded = DecodeStatistics(leaf, s, 2);
  ASSERT_TRUE(decoded.min.has_value());
  EXPECT_FALSE(decoded.max.has_value());
}

TEST(PredicateTest, PrunesRowGroupsFromRanges) {
  ColumnStatistics s = IntStats(10, 20);
  EXPECT_TRUE(Skips(ParquetPredicate::Compare(0, Op::kEqual, Value::Integer(5)), s));
  EXPECT_FALSE(Skips(ParquetPredicate::Compare(0, Op::kEqual, Value::Integer(15)), s));
  EXPECT_TRUE(Skips(ParquetPredicate::Compare(0, Op::kLess, Value::Integer(10)), s));
  EXPECT_FALSE(Skips(ParquetPredicate::Compare(0, Op::kLessEqual, Value::Integer(10)), s));
  EXPECT_TRUE(Skips(ParquetPredicate::Compare(0, Op::kGreater, Value::Integer(20)), s));
  EXPECT_FALSE(Skips(ParquetPredicate::Compare(0, Op::kGreaterEqual, Value::Integer(20)), s));
  EXPECT_TRUE(Skips(ParquetPredicate::In(0, {Value::Integer(1), Value::Integer(25)}), s));
  EXPECT_FALSE(Skips(ParquetPredicate::In(0, {Value::Integer(1), Value::Integer(12)}), s));
  EXPECT_TRUE(Skips(ParquetPredicate::IsNull(0), s));
  EXPECT_FALSE(Skips(ParquetPredicate::IsNotNull(0), s));
  ColumnStatistics constant = IntStats(7, 7);
  EXPECT_TRUE(Skips(ParquetPredicate::Compare(0, Op::kNotEqual, Value::Integer(7)), constant));
  ColumnStatistics all_null = IntStats(0, 0, 100, 100);
  EXPECT_TRUE(Skips(ParquetPredicate::IsNotNull(0), all_null));
  EXPECT_TRUE(Skips(ParquetPredicate::Compare(0, Op::kEqual, Value::Integer(0)), all_null));
  EXPECT_FALSE(Skips(ParquetPredicate::IsNull(0), all_null));
}

TEST(PredicateTest, ConstantsOfOtherNumericTypesCompareExactly) {
  ColumnStatistics s = IntStats(10, 20);
  // x = 15.5 can never hold for an integer column; x < 10.5 holds for 10.
  EXPECT_TRUE(Skips(ParquetPredicate::Compare(0, Op::kEqual, Value::Double(15.5)), s));
  EXPECT_FALSE(Skips(ParquetPredicate::Compare(0, Op::kLess, Value::Double(10.5)), s));
  EXPECT_TRUE(Skips(ParquetPredicate::Compare(0, Op::kLess, Value::Decimal(1000, 4, 2)), s));
  EXPECT_TRUE(
      Skips(ParquetPredicate::Compare(0, Op::kGreater, Value::Bigint(int64_t{1} << 40)), s));
  EXPECT_TRUE(Skips(ParquetPredicate::Compare(0, Op::kEqual, Value::Null(TypeId::kInteger)), s));
  auto mismatch = BoundPredicate::Bind(
      ParquetPredicate::Compare(0, Op::kEqual, Value::Varchar("a")), TypeId::kInteger);
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().code, ErrorCode::kTypeMismatch);
}

TEST(PredicateTest, FiltersVectorsWithSqlNullAndNaNSemantics) {
  Vector v(TypeId::kDouble, 6);
  double values[] = {1.0, 2.0, std::nan(""), 4.0, 5.0, 2.0};
  for (int i = 0; i < 6; ++i) v.data<double>()[i] = values[i];
  v.SetNull(4);
  auto filter = [&](ParquetPredicate p) {
    auto bound = BoundPredicate::Bind(p, TypeId::kDouble);
    EXPECT_TRUE(bound.ok());
    sel_t sel[6] = {0, 1, 2, 3, 4, 5};
    idx_t n = bound->Filter(v, sel, 6);
    return std::vector<sel_t>(sel, sel + n);
  };
  EXPECT_EQ(filter(ParquetPredicate::Compare(0, Op::kEqual, Value::Double(2.0))),
            (std::vector<sel_t>{1, 5}));
  EXPECT_EQ(filter(ParquetPredicate::Compare(0, Op::kNotEqual, Value::Double(2.0))),
            (std::vector<sel_t>{0, 2, 3}));
  EXPECT_EQ(filter(ParquetPredicate::Compare(0, Op::kGreaterEqual, Value::Double(2.0))),
            (std::vector<sel_t>{1, 3, 5}));
  EXPECT_EQ(filter(ParquetPredicate::IsNull(0)), (std::vector<sel_t>{4}));
  EXPECT_EQ(filter(ParquetPredicate::In(0, {Value::Double(4.0), Value::Integer(1)})),
            (std::vector<sel_t>{0, 3}));
}

TEST(PredicateTest, FiltersStringsByteWise) {
  Vector v(TypeId::kVarchar, 4);
  const char* words[] = {"apple", "banana-long-enough", "cherry", "\xc3\xa9t\xc3\xa9"};
  for (int i = 0; i < 4; ++i) v.data<StringView>()[i] = v.AddString(words[i]);
  auto bound = BoundPredicate::Bind(
      ParquetPredicate::Compare(0, Op::kGreater, Value::Varchar("banana")), TypeId::kVarchar);
  ASSERT_TRUE(bound.ok());
  sel_t sel[4] = {0, 1, 2, 3};
  EXPECT_EQ(bound->Filter(v, sel, 4), 3u);  // non-ASCII bytes sort after ASCII
  auto in = BoundPredicate::Bind(
      ParquetPredicate::In(0, {Value::Varchar("cherry"), Value::Varchar("banana-long-enough")}),
      TypeId::kVarchar);
  sel_t all[4] = {0, 1, 2, 3};
  ASSERT_EQ(in->Filter(v, all, 4), 2u);
  EXPECT_EQ(all[0], 1u);
}

TEST(BloomFilterTest, XxHash64MatchesReferenceValues) {
  EXPECT_EQ(XxHash64("", 0), 0xEF46DB3751D8E999ULL);
  const char* text = "Nobody inspects the spammish repetition";
  EXPECT_EQ(XxHash64(text, std::strlen(text)), 0xFBCEA83C8A378BF1ULL);
}

TEST(BloomFilterTest, ReadsTheParquetMrFilterOfTheTestData) {
  std::string bytes = testing::ReadTextFile(
      testing::SharedDir() + "/testdata/parquet-testing/data/bloom_filter.xxhash.bin");
  ASSERT_FALSE(bytes.empty());
  auto filter =
      BloomFilter::Deserialize(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  ASSERT_TRUE(filter.ok()) << filter.error().message;
  for (const char* word : {"hello", "parquet", "bloom", "filter"}) {
    EXPECT_TRUE(filter->MightContain(BloomFilter::Hash(word, std::strlen(word)))) << word;
  }
  int false_positives = 0;
  for (int i = 0; i < 1000; ++i) {
    std::string word = "absent" + std::to_string(i);
    false_positives += filter->MightContain(BloomFilter::Hash(word.data(), word.size()));
  }
  EXPECT_LT(false_positives, 50);
}

TEST(BloomFilterTest, SerializesAndRejectsBadHeaders) {
  BloomFilter filter(BloomFilter::OptimalNumBytes(1000, 0.01));
  for (int i = 0; i < 1000; ++i) filter.Insert(XxHash64(&i, sizeof(i)));
  std::vector<uint8_t> bytes;
  filter.Serialize(bytes);
  auto back = BloomFilter::Deserialize(bytes.data(), bytes.size());
  ASSERT_TRUE(back.ok());
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(back->MightContain(XxHash64(&i, sizeof(i))));
  auto truncated = BloomFilter::Deserialize(bytes.data(), bytes.size() - 1);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().code, ErrorCode::kCorruptData);
  std::string legacy = testing::ReadTextFile(testing::SharedDir() +
                                             "/testdata/parquet-testing/data/bloom_filter.bin");
  EXPECT_FALSE(
      BloomFilter::Deserialize(reinterpret_cast<const uint8_t*>(legacy.data()), legacy.size())
          .ok());
}

TEST(BloomFilterTest, PredicateHashesUseThePhysicalEncoding) {
  LeafColumn leaf = IntLeaf();
  auto bound = BoundPredicate::Bind(ParquetPredicate::Compare(0, Op::kEqual, Value::Integer(42)),
                                    TypeId::kInteger);
  auto hashes = bound->BloomFilterHashes(leaf);
  ASSERT_TRUE(hashes.has_value());
  int32_t stored = 42;
  EXPECT_EQ((*hashes)[0], XxHash64(&stored, 4));
  auto range = BoundPredicate::Bind(ParquetPredicate::Compare(0, Op::kLess, Value::Integer(42)),
                                    TypeId::kInteger);
  EXPECT_FALSE(range->BloomFilterHashes(leaf).has_value());
}

}  // namespace
}  // namespace switchboard::parquet
