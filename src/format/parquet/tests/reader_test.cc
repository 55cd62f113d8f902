// Tests for ParquetReader on the shared test files: checksums, statistics exactness, pruning by
// page index, bloom filter and dictionary, row positions, metadata and concurrent scans.
#include <gtest/gtest.h>

#include <thread>

#include "format/parquet/parquet_reader.h"
#include "format/parquet/tests/parquet_test_util.h"

namespace switchboard::parquet {
namespace {

using Op = ParquetPredicate::Op;

std::string DataFile(const std::string& name) {
  return testing::SharedDir() + "/testdata/parquet-testing/data/" + name;
}

std::shared_ptr<ParquetReader> OpenFile(const std::string& path,
                                        ParquetReaderOptions options = {}) {
  auto reader = ParquetReader::Open(path, options);
  EXPECT_TRUE(reader.ok()) << reader.error().message;
  return reader.ok() ? *reader : nullptr;
}

struct ScanOutcome {
  int64_t rows = 0;
  ParquetScanCounters counters;
  std::vector<std::vector<std::string>> values;
  std::optional<Error> error;
};

ScanOutcome ScanAll(const ParquetReader& reader, const ParquetScanOptions& options) {
  ScanOutcome outcome;
  DataChunk chunk;
  for (int g = 0; g < reader.num_row_groups(); ++g) {
    auto scanner = reader.ScanRowGroup(g, options);
    if (!scanner.ok()) {
      outcome.error = scanner.error();
      return outcome;
    }
    while (true) {
      auto more = (*scanner)->Next(chunk);
      if (!more.ok()) {
        outcome.error = more.error();
        return outcome;
      }
      if (!*more) break;
      outcome.rows += static_cast<int64_t>(chunk.size());
      for (idx_t r = 0; r < chunk.size(); ++r) {
        std::vector<std::string> row;
        for (idx_t c = 0; c < chunk.ColumnCount(); ++c) {
          bool null;
          row.push_back(testing::CanonicalText(chunk.column(c), r, null));
          if (null) row.back() = "NULL";
        }
        outcome.values.push_back(std::move(row));
      }
    }
    outcome.counters.Add((*scanner)->counters());
  }
  return outcome;
}

ParquetScanOptions AllColumns(const ParquetReader& reader) {
  ParquetScanOptions options;
  for (size_t i = 0; i < reader.schema().fields().size(); ++i)
    options.columns.push_back(static_cast<int>(i));
  return options;
}

TEST(ParquetReaderTest, ChecksumsAreVerifiedOnlyWhenAsked) {
  ParquetReaderOptions verify;
  verify.verify_checksums = true;
  for (const char* name :
       {"datapage_v1-corrupt-checksum.parquet", "rle-dict-uncompressed-corrupt-checksum.parquet"}) {
    SCOPED_TRACE(name);
    auto lenient = OpenFile(DataFile(name));
    ScanOutcome ok = ScanAll(*lenient, AllColumns(*lenient));
    EXPECT_FALSE(ok.error.has_value());
    auto strict = OpenFile(DataFile(name), verify);
    ScanOutcome failed = ScanAll(*strict, AllColumns(*strict));
    ASSERT_TRUE(failed.error.has_value());
    EXPECT_EQ(failed.error->code, ErrorCode::kCorruptData);
    EXPECT_NE(failed.error->message.find("CRC mismatch"), std::string::npos);
    EXPECT_NE(failed.error->message.find(name), std::string::npos);
  }
  for (const char* name :
       {"datapage_v1-uncompressed-checksum.parquet", "plain-dict-uncompressed-checksum.parquet"}) {
    auto strict = OpenFile(DataFile(name), verify);
    EXPECT_FALSE(ScanAll(*strict, AllColumns(*strict)).error.has_value()) << name;
  }
}

TEST(ParquetReaderTest, ExposesTruncatedStatisticsWithTheirExactness) {
  auto reader = OpenFile(DataFile("binary_truncated_min_max.parquet"));
  struct Expected {
    const char* min;
    bool min_exact;
    const char* max;
    bool max_exact;
  };
  Expected expected[] = {{"Al", false, "Kf", false},
                         {"Al", false, "Kf", false},
                         {"Al", false, "\xF0\x9F\x9A\x80Kevin Bacon", true},
                         {"Al", false, "\xFF\xFF\x01\x02", true},
                         {"Al", true, "Ke", true},
                         {"Al", true, "Ke", true}};
  for (int leaf = 0; leaf < 6; ++leaf) {
    ColumnStatistics s = reader->ColumnChunkStatistics(0, leaf);
    ASSERT_TRUE(s.min && s.max) << leaf;
    EXPECT_EQ(s.min->GetString(), expected[leaf].min) << leaf;
    EXPECT_EQ(s.min_exact, expected[leaf].min_exact) << leaf;
    EXPECT_EQ(s.max->GetString(), expected[leaf].max) << leaf;
    EXPECT_EQ(s.max_exact, expected[leaf].max_exact) << leaf;
    EXPECT_EQ(s.null_count, 0);
  }
}

TEST(ParquetReaderTest, PageIndexSkipsPagesAndPredicatesAreExact) {
  auto reader = OpenFile(DataFile("alltypes_tiny_pages.parquet"));
  int id = reader->schema().FindField("id");
  ASSERT_GE(id, 0);
  ParquetScanOptions options = AllColumns(*reader);
  options.predicates = {ParquetPredicate::Compare(id, Op::kEqual, Value::Integer(100))};
  ScanOutcome pruned = ScanAll(*reader, options);
  ASSERT_FALSE(pruned.error.has_value()) << pruned.error->message;
  ASSERT_EQ(pruned.rows, 1);
  EXPECT_EQ(pruned.values[0][0], "100");
  EXPECT_GT(pruned.counters.pages_skipped, 0);
  EXPECT_GT(pruned.counters.rows_skipped, 7000);

  options.use_page_index = false;
  ScanOutcome full = ScanAll(*reader, options);
  ASSERT_FALSE(full.error.has_value());
  EXPECT_EQ(full.values, pruned.values);
  EXPECT_EQ(full.counters.pages_skipped, 0);
  EXPECT_EQ(full.counters.rows_decoded, reader->num_rows());
  EXPECT_GT(full.counters.bytes_read, pruned.counters.bytes_read);

  // A range predicate on another column, against a full scan filtered by hand.
  int smallint = reader->schema().FindField("smallint_col");
  ParquetScanOptions range = AllColumns(*reader);
  range.predicates = {ParquetPredicate::Compare(id, Op::kGreaterEqual, Value::Integer(3000)),
                      ParquetPredicate::Compare(id, Op::kLess, Value::Integer(3500)),
                      ParquetPredicate::Compare(smallint, Op::kEqual, Value::Smallint(4))};
  ScanOutcome some = ScanAll(*reader, range);
  ASSERT_FALSE(some.error.has_value()) << some.error->message;
  ScanOutcome everything = ScanAll(*reader, AllColumns(*reader));
  std::vector<std::vector<std::string>> expected;
  for (const auto& row : everything.values) {
    int v = std::stoi(row[0]);
    if (v >= 3000 && v < 3500 && row[static_cast<size_t>(smallint)] == "4") expected.push_back(row);
  }
  EXPECT_EQ(some.values, expected);
  EXPECT_EQ(some.rows, 50);
}

TEST(ParquetReaderTest, BloomFilterPrunesAbsentValuesInsideTheRange) {
  auto reader = OpenFile(DataFile("data_index_bloom_encoding_stats.parquet"));
  ParquetScanOptions options = AllColumns(*reader);
  options.predicates = {ParquetPredicate::Compare(0, Op::kEqual, Value::Varchar("Nope"))};
  ScanOutcome absent = ScanAll(*reader, options);
  ASSERT_FALSE(absent.error.has_value()) << absent.error->message;
  EXPECT_EQ(absent.rows, 0);
  EXPECT_EQ(absent.counters.row_groups_pruned_by_bloom_filter, 1);
  options.predicates = {ParquetPredicate::Compare(0, Op::kEqual, Value::Varchar("brown fox"))};
  ScanOutcome present = ScanAll(*reader, options);
  EXPECT_EQ(present.rows, 1);
  EXPECT_EQ(present.counters.row_groups_pruned_by_bloom_filter, 0);
}

TEST(ParquetReaderTest, DictionaryPrunesAbsentValues) {
  auto reader = OpenFile(testing::SharedDir() + "/testdata/tpch/sf0.01/lineitem.parquet");
  int shipmode = reader->schema().FindField("l_shipmode");
  ParquetScanOptions options;
  options.columns = {shipmode};
  options.use_bloom_filters =
      false;  // DuckDB's file also has bloom filters that would answer first
  options.predicates = {ParquetPredicate::Compare(shipmode, Op::kEqual, Value::Varchar("BOAT"))};
  ScanOutcome absent = ScanAll(*reader, options);
  ASSERT_FALSE(absent.error.has_value()) << absent.error->message;
  EXPECT_EQ(absent.rows, 0);
  EXPECT_EQ(absent.counters.row_groups_pruned_by_dictionary, reader->num_row_groups());
  options.predicates = {
      ParquetPredicate::In(shipmode, {Value::Varchar("MAIL"), Value::Varchar("SHIP")})};
  ScanOutcome present = ScanAll(*reader, options);
  EXPECT_EQ(present.counters.row_groups_pruned_by_dictionary, 0);
  EXPECT_GT(present.rows, 10000);
  for (const auto& row : present.values) EXPECT_TRUE(row[0] == "MAIL" || row[0] == "SHIP");
}

TEST(ParquetReaderTest, RowPositionsCountAcrossRowGroupsAndSurviveFilters) {
  auto reader = OpenFile(DataFile("sort_columns.parquet"));
  ASSERT_EQ(reader->num_row_groups(), 2);
  ParquetScanOptions options;
  options.emit_row_position = true;
  ScanOutcome all = ScanAll(*reader, options);
  ASSERT_EQ(all.rows, reader->num_rows());
  for (size_t i = 0; i < all.values.size(); ++i) EXPECT_EQ(all.values[i][0], std::to_string(i));
  options.columns = {0};
  options.predicates = {ParquetPredicate::IsNotNull(0)};
  ScanOutcome filtered = ScanAll(*reader, options);
  ScanOutcome reference = ScanAll(*reader, AllColumns(*reader));
  std::vector<std::string> expected;
  for (size_t i = 0; i < reference.values.size(); ++i) {
    if (reference.values[i][0] != "NULL") expected.push_back(std::to_string(i));
  }
  std::vector<std::string> positions;
  for (const auto& row : filtered.values) positions.push_back(row[1]);
  EXPECT_EQ(positions, expected);
}

TEST(ParquetReaderTest, ExposesKeyValueMetadataAndTypes) {
  auto reader = OpenFile(DataFile("int96_from_spark.parquet"));
  EXPECT_EQ(reader->FindKeyValue("org.apache.spark.version"), "3.4.3");
  EXPECT_FALSE(reader->FindKeyValue("missing").has_value());
  EXPECT_EQ(reader->schema().fields()[0].type, LogicalType::Timestamp(6));
  auto unknown = OpenFile(DataFile("unknown-logical-type.parquet"));
  EXPECT_EQ(unknown->schema().fields()[1].type, LogicalType(TypeId::kVarbinary));
}

TEST(ParquetReaderTest, ReadsEmptyAndAllNullPages) {
  // A v2 page with one NULL and no value bytes at all (they must not be decompressed), and a v2
  // page of ten NULLs whose empty values section is still a ZSTD frame.
  auto empty = testing::ReadRenderedRows(DataFile("datapage_v2_empty_datapage.snappy.parquet"));
  ASSERT_TRUE(empty.ok()) << empty.error().message;
  ASSERT_EQ(empty->size(), 1u);
  EXPECT_EQ((*empty)[0][0], testing::kNull);
  auto nulls = testing::ReadRenderedRows(DataFile("page_v2_empty_compressed.parquet"));
  ASSERT_TRUE(nulls.ok()) << nulls.error().message;
  ASSERT_EQ(nulls->size(), 10u);
  for (const auto& row : *nulls) EXPECT_EQ(row[0], testing::kNull);
  // A chunk whose only page holds no rows at all.
  auto no_rows = testing::ReadRenderedRows(DataFile("column_chunk_key_value_metadata.parquet"));
  ASSERT_TRUE(no_rows.ok()) << no_rows.error().message;
  EXPECT_TRUE(no_rows->empty());
}

TEST(ParquetReaderTest, RowGroupsScanConcurrently) {
  auto reader = OpenFile(testing::SharedDir() + "/testdata/tpch/sf0.01/lineitem.parquet");
  ParquetScanOptions options = AllColumns(*reader);
  ScanOutcome serial = ScanAll(*reader, options);
  ASSERT_FALSE(serial.error.has_value());
  std::vector<ScanOutcome> outcomes(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] { outcomes[static_cast<size_t>(t)] = ScanAll(*reader, options); });
  }
  for (auto& thread : threads) thread.join();
  for (const ScanOutcome& outcome : outcomes) EXPECT_EQ(outcome.values, serial.values);
}

TEST(ParquetReaderTest, RejectsBadArguments) {
  auto reader = OpenFile(DataFile("alltypes_plain.parquet"));
  ParquetScanOptions options;
  options.columns = {99};
  auto scan = reader->ScanRowGroup(0, options);
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().code, ErrorCode::kInvalidParameter);
  EXPECT_FALSE(reader->ScanRowGroup(5, ParquetScanOptions{}).ok());
  auto missing = ParquetReader::Open(DataFile("does-not-exist.parquet"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kIoError);
}

}  // namespace
}  // namespace switchboard::parquet
