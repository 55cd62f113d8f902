// Tests for ParquetWriter: round trips of every type through the reader under every codec, page
// version and encoding; statistics, page index, bloom filters, metadata, metrics and errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>

#include "common/hash.h"
#include "format/parquet/parquet_reader.h"
#include "format/parquet/parquet_writer.h"
#include "format/parquet/tests/parquet_test_util.h"
#include "types/datetime.h"

namespace switchboard::parquet {
namespace {

using Op = ParquetPredicate::Op;

class ParquetWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/sb_parquet_writer_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `rows` sample rows of `types` in chunks of 1000; returns the Close result.
  ParquetWriteResult WriteSample(const std::string& path,
                                 const std::vector<std::pair<std::string, LogicalType>>& columns,
                                 int64_t rows, const ParquetWriterOptions& options) {
    std::vector<ParquetWriterField> fields;
    std::vector<LogicalType> types;
    int id = 1;
    for (const auto& [name, type] : columns) {
      fields.emplace_back(name, type, true, id++);
      types.push_back(type);
    }
    auto writer = ParquetWriter::Open(path, fields, options);
    EXPECT_TRUE(writer.ok()) << writer.error().message;
    if (!writer.ok()) return {};
    for (int64_t first = 0; first < rows; first += 1000) {
      DataChunk chunk;
      testing::FillSampleChunk(types, first,
                               static_cast<idx_t>(std::min<int64_t>(1000, rows - first)), chunk);
      auto written = (*writer)->Write(chunk);
      EXPECT_TRUE(written.ok()) << written.error().message;
    }
    auto result = (*writer)->Close();
    EXPECT_TRUE(result.ok()) << result.error().message;
    return result.ok() ? *result : ParquetWriteResult{};
  }

  // Reads the file back and compares every value with the samples it was written from.
  void ExpectSampleValues(const std::string& path,
                          const std::vector<std::pair<std::string, LogicalType>>& columns,
                          int64_t rows) {
    auto reader = ParquetReader::Open(path);
    ASSERT_TRUE(reader.ok()) << reader.error().message;
    ASSERT_EQ((*reader)->num_rows(), rows);
    ParquetScanOptions options;
    for (size_t c = 0; c < columns.size(); ++c) {
      options.columns.push_back(static_cast<int>(c));
      ASSERT_EQ((*reader)->schema().fields()[c].type, columns[c].second) << columns[c].first;
    }
    int64_t row = 0;
    DataChunk chunk;
    for (int g = 0; g < (*reader)->num_row_groups(); ++g) {
      auto scanner = (*reader)->ScanRowGroup(g, options);
      ASSERT_TRUE(scanner.ok()) << scanner.error().message;
      while (true) {
        auto more = (*scanner)->Next(chunk);
        ASSERT_TRUE(more.ok()) << more.error().message;
        if (!*more) break;
        for (idx_t r = 0; r < chunk.size(); ++r, ++row) {
          for (size_t c = 0; c < columns.size(); ++c) {
            Value expected = testing::SampleValue(columns[c].second, row);
            Value actual = chunk.column(c).GetValue(r);
            ASSERT_EQ(actual.ToString(), expected.ToString()) << columns[c].first << " row " << row;
          }
        }
      }
    }
    EXPECT_EQ(row, rows);
  }

  std::string dir_;
};

struct WriteVariant {
  const char* name;
  CompressionCodec codec;
  int page_version;
  bool dictionary;
  ValueEncoding fallback;
};

class ParquetWriterRoundTripTest : public ParquetWriterTest,
                                   public ::testing::WithParamInterface<WriteVariant> {};

TEST_P(ParquetWriterRoundTripTest, EveryTypeReadsBackUnchanged) {
  const WriteVariant& variant = GetParam();
  ParquetWriterOptions options;
  options.codec = variant.codec;
  options.data_page_version = variant.page_version;
  options.dictionary = variant.dictionary;
  options.fallback_encoding = variant.fallback;
  options.page_max_rows = 700;
  options.row_group_max_rows = 2500;
  auto columns = testing::AllWritableTypes();
  std::string path = dir_ + "/all.parquet";
  ParquetWriteResult result = WriteSample(path, columns, 6000, options);
  EXPECT_EQ(result.row_count, 6000);
  EXPECT_EQ(result.split_offsets.size(), 3u);
  ExpectSampleValues(path, columns, 6000);
}

INSTANTIATE_TEST_SUITE_P(
    Variants, ParquetWriterRoundTripTest,
    ::testing::Values(
        WriteVariant{"snappy_v1_dictionary", CompressionCodec::kSnappy, 1, true,
                     ValueEncoding::kPlain},
        WriteVariant{"zstd_v2_dictionary", CompressionCodec::kZstd, 2, true, ValueEncoding::kPlain},
        WriteVariant{"gzip_v1_plain", CompressionCodec::kGzip, 1, false, ValueEncoding::kPlain},
        WriteVariant{"lz4raw_v2_delta", CompressionCodec::kLz4Raw, 2, false, ValueEncoding::kDelta},
        WriteVariant{"brotli_v1_split", CompressionCodec::kBrotli, 1, false,
                     ValueEncoding::kByteStreamSplit},
        WriteVariant{"uncompressed_v2_plain", CompressionCodec::kUncompressed, 2, false,
                     ValueEncoding::kPlain}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(ParquetWriterTest, WritesStatisticsPageIndexAndMetrics) {
  std::vector<std::pair<std::string, LogicalType>> columns = {
      {"n", TypeId::kBigint}, {"s", TypeId::kVarchar}, {"d", TypeId::kDouble}};
  ParquetWriterOptions options;
  options.page_max_rows = 500;
  options.statistics_truncate_length = 16;
  std::string path = dir_ + "/stats.parquet";
  ParquetWriteResult result = WriteSample(path, columns, 3000, options);
  auto reader = ParquetReader::Open(path);
  ASSERT_TRUE(reader.ok());
  // Expected bounds and counts, from the samples.
  int64_t nulls[3] = {0, 0, 0};
  int64_t nans = 0;
  std::optional<int64_t> min_n;
  std::optional<int64_t> max_n;
  for (int64_t row = 0; row < 3000; ++row) {
    Value n = testing::SampleValue(columns[0].second, row);
    nulls[0] += n.is_null();
    if (!n.is_null()) {
      min_n = std::min(min_n.value_or(INT64_MAX), n.GetInt64());
      max_n = std::max(max_n.value_or(INT64_MIN), n.GetInt64());
    }
    nulls[1] += testing::SampleValue(columns[1].second, row).is_null();
    Value d = testing::SampleValue(columns[2].second, row);
    nulls[2] += d.is_null();
    nans += !d.is_null() && std::isnan(d.GetDouble());
  }
  ColumnStatistics n_stats = (*reader)->ColumnChunkStatistics(0, 0);
  ASSERT_TRUE(n_stats.min && n_stats.max);
  EXPECT_EQ(n_stats.min->GetInt64(), *min_n);
  EXPECT_EQ(n_stats.max->GetInt64(), *max_n);
  EXPECT_TRUE(n_stats.min_exact && n_stats.max_exact);
  EXPECT_EQ(n_stats.null_count, nulls[0]);
  EXPECT_EQ(result.columns[0].null_count, nulls[0]);
  EXPECT_EQ(result.columns[0].lower_bound->GetInt64(), *min_n);
  EXPECT_EQ(result.columns[0].field_id, 1);
  EXPECT_EQ(result.columns[0].value_count, 3000);
  EXPECT_GT(result.columns[0].column_size, 0);
  EXPECT_EQ(*result.columns[2].nan_count, nans);
  // Six pages per column with their index entries.
  auto column_index = (*reader)->ReadColumnIndex(0, 0);
  auto offset_index = (*reader)->ReadOffsetIndex(0, 0);
  ASSERT_TRUE(column_index.ok() && offset_index.ok());
  ASSERT_TRUE(column_index->has_value() && offset_index->has_value());
  EXPECT_EQ((*offset_index)->page_locations.size(), 6u);
  EXPECT_EQ((*column_index)->min_values.size(), 6u);
  EXPECT_EQ((*offset_index)->page_locations[1].first_row_index, 500);
}

TEST_F(ParquetWriterTest, PredicatesPruneWhatTheWriterIndexed) {
  std::vector<ParquetWriterField> fields = {{"id", TypeId::kBigint, false, 1},
                                            {"name", TypeId::kVarchar, true, 2}};
  ParquetWriterOptions options;
  options.row_group_max_rows = 10000;
  options.page_max_rows = 1000;
  options.bloom_filter_columns = {"name"};
  std::string path = dir_ + "/sorted.parquet";
  auto writer = ParquetWriter::Open(path, fields, options);
  ASSERT_TRUE(writer.ok());
  for (int64_t first = 0; first < 50000; first += 2048) {
    DataChunk chunk;
    chunk.Initialize({TypeId::kBigint, TypeId::kVarchar});
    idx_t n = static_cast<idx_t>(std::min<int64_t>(2048, 50000 - first));
    for (idx_t r = 0; r < n; ++r) {
      int64_t id = first + static_cast<int64_t>(r);
      chunk.column(0).SetValue(r, Value::Bigint(id));
      chunk.column(1).SetValue(r, Value::Varchar("name-" + std::to_string(id * 2)));
    }
    chunk.SetSize(n);
    ASSERT_TRUE((*writer)->Write(chunk).ok());
  }
  auto closed = (*writer)->Close();
  ASSERT_TRUE(closed.ok());
  auto reader = ParquetReader::Open(path);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->num_row_groups(), 5);

  auto run = [&](std::vector<ParquetPredicate> predicates) {
    ParquetScanOptions scan;
    scan.columns = {0, 1};
    scan.predicates = std::move(predicates);
    scan.emit_row_position = true;
    ParquetScanCounters counters;
    std::vector<int64_t> ids;
    DataChunk chunk;
    for (int g = 0; g < (*reader)->num_row_groups(); ++g) {
      auto scanner = (*reader)->ScanRowGroup(g, scan);
      EXPECT_TRUE(scanner.ok());
      while ((*scanner)->Next(chunk).value()) {
        for (idx_t r = 0; r < chunk.size(); ++r) {
          ids.push_back(chunk.column(0).data<int64_t>()[r]);
          EXPECT_EQ(chunk.column(2).data<int64_t>()[r], ids.back());  // position == id
        }
      }
      counters.Add((*scanner)->counters());
    }
    return std::make_pair(ids, counters);
  };
  auto [range_ids, range_counters] =
      run({ParquetPredicate::Compare(0, Op::kGreaterEqual, Value::Bigint(12345)),
           ParquetPredicate::Compare(0, Op::kLess, Value::Bigint(12400))});
  ASSERT_EQ(range_ids.size(), 55u);
  EXPECT_EQ(range_ids.front(), 12345);
  EXPECT_EQ(range_counters.row_groups_pruned_by_statistics, 4);
  EXPECT_GE(range_counters.pages_skipped, 2 * 9);  // both columns read one page of ten or more
  // "name-3" is inside every row group's name range but absent: the bloom filter says so.
  auto [absent, absent_counters] =
      run({ParquetPredicate::Compare(1, Op::kEqual, Value::Varchar("name-3"))});
  EXPECT_TRUE(absent.empty());
  // Row groups 2..4 start above "name-3"; 0 and 1 hold names around it, which only the bloom
  // filter excludes.
  EXPECT_EQ(absent_counters.row_groups_pruned_by_statistics, 3);
  EXPECT_EQ(absent_counters.row_groups_pruned_by_bloom_filter, 2);
  auto [present, present_counters] =
      run({ParquetPredicate::Compare(1, Op::kEqual, Value::Varchar("name-4242"))});
  ASSERT_EQ(present.size(), 1u);
  EXPECT_EQ(present[0], 2121);
}

TEST_F(ParquetWriterTest, TruncatesLongStringBoundsButReportsExactMetrics) {
  std::vector<ParquetWriterField> fields = {{"s", TypeId::kVarchar}, {"b", TypeId::kVarbinary}};
  ParquetWriterOptions options;
  options.statistics_truncate_length = 8;
  std::string path = dir_ + "/truncated.parquet";
  auto writer = ParquetWriter::Open(path, fields, options);
  ASSERT_TRUE(writer.ok());
  DataChunk chunk;
  chunk.Initialize({TypeId::kVarchar, TypeId::kVarbinary});
  const char* words[] = {"aaaaaaaaaaaaaaaa", "zzzzzzz\xc3\xa9zzzzz", "middle"};
  std::string binary_max = std::string(6, 'x') + "\xff\xff\xff";
  for (idx_t r = 0; r < 3; ++r) {
    chunk.column(0).SetValue(r, Value::Varchar(words[r]));
    chunk.column(1).SetValue(r, Value::Varbinary(r == 1 ? binary_max : std::string("bin")));
  }
  chunk.SetSize(3);
  ASSERT_TRUE((*writer)->Write(chunk).ok());
  auto result = (*writer)->Close();
  ASSERT_TRUE(result.ok());
  auto reader = ParquetReader::Open(path);
  ASSERT_TRUE(reader.ok());
  ColumnStatistics s = (*reader)->ColumnChunkStatistics(0, 0);
  EXPECT_EQ(s.min->GetString(), "aaaaaaaa");
  EXPECT_FALSE(s.min_exact);
  // The maximum keeps whole UTF-8 characters and rounds the last one up.
  EXPECT_EQ(s.max->GetString(), "zzzzzz{");
  EXPECT_FALSE(s.max_exact);
  EXPECT_EQ(result->columns[0].upper_bound->GetString(), words[1]);
  ColumnStatistics b = (*reader)->ColumnChunkStatistics(0, 1);
  EXPECT_EQ(b.max->GetString(), "xxxxxy");  // trailing 0xff bytes cannot be incremented
  EXPECT_FALSE(b.max_exact);
  // Predicates still see every value.
  ParquetScanOptions scan;
  scan.columns = {0};
  scan.predicates = {
      ParquetPredicate::Compare(0, ParquetPredicate::Op::kEqual, Value::Varchar(words[1]))};
  auto scanner = (*reader)->ScanRowGroup(0, scan);
  ASSERT_TRUE(scanner.ok());
  DataChunk out;
  ASSERT_TRUE((*scanner)->Next(out).value());
  EXPECT_EQ(out.size(), 1u);
}

TEST_F(ParquetWriterTest, KeepsMetadataAndFieldIds) {
  std::vector<ParquetWriterField> fields = {
      {"id", TypeId::kInteger, false, 1},
      {"tags",
       LogicalType::Array(TypeId::kVarchar),
       true,
       2,
       {{"element", TypeId::kVarchar, true, 3}}},
      {"attrs",
       LogicalType::Map(TypeId::kVarchar, TypeId::kInteger),
       true,
       4,
       {{"key", TypeId::kVarchar, false, 5}, {"value", TypeId::kInteger, true, 6}}}};
  ParquetWriterOptions options;
  options.key_value_metadata = {{"iceberg.schema", std::string("{\"type\":\"struct\"}")}};
  std::string path = dir_ + "/ids.parquet";
  auto writer = ParquetWriter::Open(path, fields, options);
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  auto closed = (*writer)->Close();
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->row_count, 0);
  auto reader = ParquetReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ((*reader)->FindKeyValue("iceberg.schema"), "{\"type\":\"struct\"}");
  const auto& schema = (*reader)->schema();
  EXPECT_EQ(schema.fields()[1].field_id, 2);
  EXPECT_EQ(schema.fields()[1].children[0].field_id, 3);
  EXPECT_EQ(schema.fields()[2].children[0].children[1].field_id, 6);
  std::vector<std::optional<int32_t>> leaf_ids;
  for (const auto& leaf : schema.leaves()) leaf_ids.push_back(leaf.field_id);
  EXPECT_EQ(leaf_ids, (std::vector<std::optional<int32_t>>{1, 3, 5, 6}));
  EXPECT_EQ((*reader)->metadata().created_by, "switchboard version 0.1.0");
}

TEST_F(ParquetWriterTest, RejectsNullsInRequiredColumnsAndMismatchedChunks) {
  std::vector<ParquetWriterField> fields = {{"id", TypeId::kInteger, false}};
  auto writer = ParquetWriter::Open(dir_ + "/required.parquet", fields);
  ASSERT_TRUE(writer.ok());
  DataChunk chunk;
  chunk.Initialize({TypeId::kInteger});
  chunk.column(0).SetValue(0, Value::Null(TypeId::kInteger));
  chunk.SetSize(1);
  auto result = (*writer)->Write(chunk);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidParameter);
  EXPECT_NE(result.error().message.find("id"), std::string::npos);
  DataChunk wrong;
  wrong.Initialize({TypeId::kVarchar});
  wrong.SetSize(0);
  EXPECT_FALSE((*writer)->Write(wrong).ok());
  auto empty_row = ParquetWriter::Open(dir_ + "/row.parquet", {{"r", LogicalType::Row({})}});
  ASSERT_FALSE(empty_row.ok());
  EXPECT_EQ(empty_row.error().code, ErrorCode::kNotSupported);
}

TEST_F(ParquetWriterTest, AcceptsConstantAndDictionaryVectors) {
  std::vector<ParquetWriterField> fields = {{"k", TypeId::kVarchar}, {"v", TypeId::kBigint}};
  std::string path = dir_ + "/kinds.parquet";
  auto writer = ParquetWriter::Open(path, fields);
  ASSERT_TRUE(writer.ok());
  DataChunk chunk;
  chunk.Initialize({TypeId::kVarchar, TypeId::kBigint});
  for (idx_t r = 0; r < 10; ++r)
    chunk.column(1).SetValue(r, Value::Bigint(static_cast<int64_t>(r)));
  chunk.SetSize(10);
  chunk.column(0) = Vector::Constant(Value::Varchar("same for every row"));
  SelectionVector reversed(10);
  for (idx_t r = 0; r < 10; ++r) reversed.set_index(r, 9 - r);
  chunk.column(1).Slice(reversed, 10);
  ASSERT_TRUE((*writer)->Write(chunk).ok());
  ASSERT_TRUE((*writer)->Close().ok());
  auto rows = testing::ReadRenderedRows(path);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 10u);
  EXPECT_EQ((*rows)[0][0], "same for every row");
  EXPECT_EQ((*rows)[0][1], "9");
  EXPECT_EQ((*rows)[9][1], "0");
}

TEST_F(ParquetWriterTest, RejectsIntervalsParquetCannotStoreInsteadOfTruncating) {
  for (const Value& value : {Value::IntervalDayTime(1500), Value::IntervalDayTime(-kMicrosPerDay),
                             Value::IntervalYearMonth(-2)}) {
    SCOPED_TRACE(value.ToString());
    std::vector<ParquetWriterField> fields = {{"flat", value.type()},
                                              {"nested", LogicalType::Array(value.type())}};
    for (int column = 0; column < 2; ++column) {
      auto writer = ParquetWriter::Open(dir_ + "/interval.parquet", fields);
      ASSERT_TRUE(writer.ok()) << writer.error().message;
      DataChunk chunk;
      chunk.Initialize({value.type(), LogicalType::Array(value.type())});
      Value ok = value.type().id() == TypeId::kIntervalDayTime ? Value::IntervalDayTime(2000)
                                                               : Value::IntervalYearMonth(3);
      chunk.column(0).SetValue(0, column == 0 ? value : ok);
      chunk.column(1).SetValue(0, Value::Array(value.type(), {ok, column == 1 ? value : ok}));
      chunk.SetSize(1);
      auto result = (*writer)->Write(chunk);
      ASSERT_FALSE(result.ok()) << "column " << column;
      EXPECT_EQ(result.error().code, ErrorCode::kNotSupported);
      EXPECT_NE(result.error().message.find(column == 0 ? "flat" : "nested"), std::string::npos)
          << result.error().message;
    }
  }
}

TEST_F(ParquetWriterTest, SortedKeysInShortRunsSkipTheDictionary) {
  // order_key: sorted, runs of 4 (like TPC-H's l_orderkey); day: sorted, runs of 1000;
  // supplier: 3000 values in no order.
  std::vector<ParquetWriterField> fields = {
      {"order_key", TypeId::kBigint}, {"day", TypeId::kBigint}, {"supplier", TypeId::kBigint}};
  std::string path = dir_ + "/keys.parquet";
  auto writer = ParquetWriter::Open(path, fields);
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  constexpr int64_t kRows = 40000;
  auto supplier_of = [](int64_t row) { return static_cast<int64_t>(MixHash(row) % 3000); };
  for (int64_t first = 0; first < kRows; first += 2000) {
    DataChunk chunk;
    chunk.Initialize({TypeId::kBigint, TypeId::kBigint, TypeId::kBigint}, 2000);
    for (idx_t r = 0; r < 2000; ++r) {
      int64_t row = first + static_cast<int64_t>(r);
      chunk.column(0).SetValue(r, Value::Bigint(row / 4));
      chunk.column(1).SetValue(r, Value::Bigint(row / 1000));
      chunk.column(2).SetValue(r, Value::Bigint(supplier_of(row)));
    }
    chunk.SetSize(2000);
    ASSERT_TRUE((*writer)->Write(chunk).ok());
  }
  ASSERT_TRUE((*writer)->Close().ok());
  auto reader = ParquetReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  ASSERT_EQ((*reader)->num_row_groups(), 1);
  auto data_page_encodings = [&](int leaf) {
    std::set<Encoding> encodings;
    const ColumnMetaData& meta = *(*reader)->metadata().row_groups[0].columns[leaf].meta_data;
    for (const PageEncodingStats& stats : *meta.encoding_stats) {
      if (stats.page_type != PageType::kDictionaryPage) encodings.insert(stats.encoding);
    }
    return std::make_pair(meta.dictionary_page_offset.has_value(), encodings);
  };
  EXPECT_EQ(data_page_encodings(0), std::make_pair(false, std::set<Encoding>{Encoding::kPlain}));
  EXPECT_EQ(data_page_encodings(1),
            std::make_pair(true, std::set<Encoding>{Encoding::kRleDictionary}));
  EXPECT_EQ(data_page_encodings(2),
            std::make_pair(true, std::set<Encoding>{Encoding::kRleDictionary}));
  auto rows = testing::ReadRenderedRows(path);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), static_cast<size_t>(kRows));
  for (int64_t row = 0; row < kRows; row += 1237) {
    EXPECT_EQ((*rows)[static_cast<size_t>(row)],
              (std::vector<std::string>{std::to_string(row / 4), std::to_string(row / 1000),
                                        std::to_string(supplier_of(row))}));
  }
}

TEST_F(ParquetWriterTest, PagesAndRowGroupsEndAtTheirByteLimits) {
  // 100-byte strings without dictionary or compression: sizes follow the values.
  std::vector<ParquetWriterField> fields = {{"s", TypeId::kVarchar}};
  ParquetWriterOptions options;
  options.codec = CompressionCodec::kUncompressed;
  options.dictionary = false;
  options.page_max_bytes = 64 << 10;
  options.row_group_max_bytes = 1 << 20;
  std::string path = dir_ + "/sized.parquet";
  auto writer = ParquetWriter::Open(path, fields, options);
  ASSERT_TRUE(writer.ok()) << writer.error().message;
  constexpr int64_t kRows = 50000;
  for (int64_t first = 0; first < kRows; first += 2000) {
    DataChunk chunk;
    chunk.Initialize({TypeId::kVarchar}, 2000);
    for (idx_t r = 0; r < 2000; ++r) {
      std::string text = fmt::format("{:0>100}", first + static_cast<int64_t>(r));
      chunk.column(0).SetValue(r, Value::Varchar(text));
    }
    chunk.SetSize(2000);
    ASSERT_TRUE((*writer)->Write(chunk).ok());
  }
  auto result = (*writer)->Close();
  ASSERT_TRUE(result.ok()) << result.error().message;
  auto reader = ParquetReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  // About 5.2 MB of values. A row group ends after the written chunk that reached 1 MB; a
  // page within one 1024-row slice past 64 KB.
  constexpr int64_t kChunkBytes = 2000 * 105;
  constexpr int64_t kSliceBytes = 1024 * 105;
  EXPECT_GE((*reader)->num_row_groups(), 5);
  int64_t rows = 0;
  for (int g = 0; g < (*reader)->num_row_groups(); ++g) {
    const RowGroup& group = (*reader)->metadata().row_groups[static_cast<size_t>(g)];
    EXPECT_LE(group.total_byte_size, options.row_group_max_bytes + kChunkBytes) << g;
    rows += group.num_rows;
    auto offsets = (*reader)->ReadOffsetIndex(g, 0);
    ASSERT_TRUE(offsets.ok() && offsets->has_value());
    if (group.num_rows >= 10000) EXPECT_GE((*offsets)->page_locations.size(), 10u) << g;
    for (const PageLocation& page : (*offsets)->page_locations) {
      EXPECT_LE(page.compressed_page_size, options.page_max_bytes + kSliceBytes) << g;
    }
  }
  EXPECT_EQ(rows, kRows);
}

}  // namespace
}  // namespace switchboard::parquet
