// Differential tests of the Parquet reader against DuckDB (the oracle in $SB_SHARED_DIR/oracle):
// every file of parquet-testing's data/ and of TPC-H SF 0.01 must read with the values DuckDB
// reads; files DuckDB cannot read are checked against their documented contents.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "format/parquet/bloom_filter.h"
#include "format/parquet/parquet_reader.h"
#include "format/parquet/parquet_writer.h"
#include "format/parquet/tests/parquet_test_util.h"

namespace switchboard::parquet {
namespace {

namespace fs = std::filesystem;
using testing::CellsEqual;
using testing::kNull;
using testing::ParseCsv;
using testing::ReadRenderedRows;
using testing::SharedDir;

std::string Oracle() { return SharedDir() + "/oracle/duckdb-sql"; }

bool OracleAvailable() { return ::access(Oracle().c_str(), X_OK) == 0; }

std::string SqlString(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

// The COPY statement that writes DuckDB's canonical rendering of `path` to `csv`.
std::string CopyStatement(const std::string& path, const std::string& csv) {
  auto reader = ParquetReader::Open(path);
  if (!reader.ok()) return {};
  const ParquetSchema& schema = (*reader)->schema();
  std::string select;
  for (const ParquetField& field : schema.fields()) {
    if (!select.empty()) select += ", ";
    select += testing::DuckDbExpression(field, schema, field.name);
  }
  if (select.empty()) select = "NULL";
  return fmt::format(
      "COPY (SELECT {} FROM read_parquet({}, file_row_number=true) ORDER BY file_row_number) "
      "TO {} (HEADER false);\n",
      select, SqlString(path), SqlString(csv));
}

// Runs DuckDB over `statements` (statement i writes `outputs[i]`). DuckDB stops at the first
// file it cannot read, so the statements after a failure run again, in one more process each
// time.
void RunOracle(const std::vector<std::string>& statements, const std::vector<std::string>& outputs,
               const std::string& dir) {
  size_t next = 0;
  while (next < statements.size()) {
    std::string script = fmt::format("{}/from_{}.sql", dir, next);
    {
      std::ofstream out(script);
      for (size_t i = next; i < statements.size(); ++i) out << statements[i];
    }
    std::string output;
    testing::RunCommand(Oracle() + " --threads 1 -f " + script + " 2>&1", output);
    while (next < statements.size() && fs::exists(outputs[next])) ++next;
    ++next;  // the statement that failed, if any
  }
}

std::vector<std::string> TestFiles() {
  std::vector<std::string> files;
  for (const std::string& root :
       {SharedDir() + "/testdata/parquet-testing/data", SharedDir() + "/testdata/tpch/sf0.01"}) {
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".parquet") {
        files.push_back(entry.path().string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Describe(const std::vector<std::string>& row) {
  std::string out;
  for (const std::string& cell : row) {
    if (!out.empty()) out += " | ";
    out += cell == kNull ? "NULL" : cell.substr(0, 80);
  }
  return out;
}

// Compares rendered rows; returns a description of the first difference, or "".
std::string FirstDifference(const std::vector<std::vector<std::string>>& expected,
                            const std::vector<std::vector<std::string>>& actual) {
  if (expected.size() != actual.size()) {
    return fmt::format("{} rows expected, {} read", expected.size(), actual.size());
  }
  for (size_t r = 0; r < expected.size(); ++r) {
    if (expected[r].size() != actual[r].size()) {
      return fmt::format("row {}: {} cells expected, {} read", r, expected[r].size(),
                         actual[r].size());
    }
    for (size_t c = 0; c < expected[r].size(); ++c) {
      if (!CellsEqual(expected[r][c], actual[r][c])) {
        return fmt::format("row {} column {}: expected '{}', read '{}'", r, c,
                           expected[r][c] == kNull ? "NULL" : expected[r][c],
                           actual[r][c] == kNull ? "NULL" : actual[r][c]);
      }
    }
  }
  return {};
}

// Checks of files whose values come from parquet-testing's documentation rather than DuckDB.
using DocumentedCheck = void (*)(const std::string& path);

void ExpectRows(const std::string& path, const std::vector<std::vector<std::string>>& expected) {
  auto rows = ReadRenderedRows(path);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(FirstDifference(expected, *rows), "");
}

// hadoop_lz4_compressed and non_hadoop_lz4_compressed: the same four rows as
// lz4_raw_compressed.parquet in the other LZ4 framings.
void CheckLz4RawContents(const std::string& path) {
  auto reference = ReadRenderedRows(fs::path(path).parent_path() / "lz4_raw_compressed.parquet");
  ASSERT_TRUE(reference.ok()) << reference.error().message;
  ASSERT_EQ(reference->size(), 4u);
  EXPECT_EQ(Describe((*reference)[0]), "1593604800 | 616263 | 42");
  ExpectRows(path, *reference);
}

// byte_stream_split_extended: each BYTE_STREAM_SPLIT column beside its PLAIN twin.
void CheckByteStreamSplitTwins(const std::string& path) {
  auto rows = ReadRenderedRows(path);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 200u);
  ASSERT_EQ((*rows)[0].size(), 14u);
  for (const auto& row : *rows) {
    for (size_t c = 0; c < 14; c += 2) EXPECT_EQ(row[c], row[c + 1]) << "column " << c;
  }
}

// map_no_value.md: three MAP rows with NULL values, and two columns of [1,2,3], [4,5,6], [7,8,9].
void CheckMapWithoutValues(const std::string& path) {
  std::vector<std::vector<std::string>> expected;
  for (int r = 0; r < 3; ++r) {
    int a = 3 * r + 1;
    std::string list = fmt::format("[{},{},{}]", a, a + 1, a + 2);
    expected.push_back(
        {fmt::format(R"({{"{}":null,"{}":null,"{}":null}})", a, a + 1, a + 2), list, list});
  }
  ExpectRows(path, expected);
}

// int96_from_spark.md lists the values as microseconds since the epoch; DuckDB converts INT96
// through 64-bit nanoseconds, which overflows for the year 290000.
void CheckInt96Microseconds(const std::string& path) {
  ExpectRows(path, {{"1704141296123456"},
                    {"1704070800000000"},
                    {"253402225200000000"},
                    {"1735599600000000"},
                    {kNull},
                    {"9089380393200000000"}});
}

// Files DuckDB cannot read, or reads differently from their documentation, with the check of
// their documented contents.
const std::map<std::string, DocumentedCheck>& DocumentedContents() {
  static const std::map<std::string, DocumentedCheck> checks = {
      {"hadoop_lz4_compressed.parquet", CheckLz4RawContents},
      {"non_hadoop_lz4_compressed.parquet", CheckLz4RawContents},
      {"byte_stream_split_extended.gzip.parquet", CheckByteStreamSplitTwins},
      {"map_no_value.parquet", CheckMapWithoutValues},
      {"int96_from_spark.parquet", CheckInt96Microseconds},
  };
  return checks;
}

// DuckDB reads these, but not as their documentation says.
const std::set<std::string> kDuckDbDeviations = {"int96_from_spark.parquet"};

class ParquetOracleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(OracleAvailable()) << "the DuckDB oracle is missing: " << Oracle();
    char pattern[] = "/tmp/sb_parquet_oracle_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  std::string dir_;
};

// Every .parquet file under the folders reads as DuckDB reads it; a file DuckDB cannot read (or
// reads against its documentation) must have a documented-contents check, so a new file of a
// kind nothing here covers fails instead of passing unseen.
TEST_F(ParquetOracleTest, EveryTestFileReadsLikeDuckDbOrItsDocumentation) {
  std::vector<std::string> files = TestFiles();
  ASSERT_FALSE(files.empty());
  std::vector<std::string> statements;
  std::vector<std::string> outputs;
  for (size_t i = 0; i < files.size(); ++i) {
    outputs.push_back(fmt::format("{}/{}.csv", dir_, i));
    statements.push_back(CopyStatement(files[i], outputs.back()));
  }
  RunOracle(statements, outputs, dir_);
  int compared = 0;
  std::string documented;
  for (size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i]);
    std::string name = fs::path(files[i]).filename().string();
    if (!fs::exists(outputs[i]) || kDuckDbDeviations.count(name) > 0) {
      auto check = DocumentedContents().find(name);
      if (check == DocumentedContents().end()) {
        ADD_FAILURE() << "DuckDB cannot read " << name << " and no documented contents check it";
        continue;
      }
      check->second(files[i]);
      documented += " " + name;
      continue;
    }
    auto actual = ReadRenderedRows(files[i]);
    ASSERT_TRUE(actual.ok()) << actual.error().message;
    std::vector<std::vector<std::string>> expected = ParseCsv(testing::ReadTextFile(outputs[i]));
    EXPECT_EQ(FirstDifference(expected, *actual), "");
    ++compared;
  }
  std::cout << "compared " << compared << " files with DuckDB; checked against their "
            << "documentation:" << documented << "\n";
  EXPECT_GE(compared, 60);
}

// parquet-testing's bloom_filter.xxhash.bin: a split-block filter holding the four words that
// parquet-mr's compatibility test inserted.
TEST_F(ParquetOracleTest, StandaloneBloomFilterHoldsItsDocumentedWords) {
  std::string bytes =
      testing::ReadTextFile(SharedDir() + "/testdata/parquet-testing/data/bloom_filter.xxhash.bin");
  ASSERT_FALSE(bytes.empty());
  auto filter =
      BloomFilter::Deserialize(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  ASSERT_TRUE(filter.ok()) << filter.error().message;
  for (std::string_view word : {"hello", "parquet", "bloom", "filter"}) {
    EXPECT_TRUE(filter->MightContain(BloomFilter::Hash(word.data(), word.size()))) << word;
  }
  std::string_view absent = "NOT_EXISTS";
  EXPECT_FALSE(filter->MightContain(BloomFilter::Hash(absent.data(), absent.size())));
}

// Every file with an _expect.csv beside it (the delta-encoded ones) reads as that CSV says.
TEST_F(ParquetOracleTest, DeltaEncodedFilesMatchTheirExpectedCsv) {
  std::string data = SharedDir() + "/testdata/parquet-testing/data/";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(data)) {
    std::string name = entry.path().filename().string();
    const std::string suffix = "_expect.csv";
    if (name.size() <= suffix.size() || name.substr(name.size() - suffix.size()) != suffix)
      continue;
    std::string parquet = data + name.substr(0, name.size() - suffix.size()) + ".parquet";
    SCOPED_TRACE(parquet);
    auto expected = ParseCsv(testing::ReadTextFile(entry.path().string()));
    ASSERT_FALSE(expected.empty());
    expected.erase(expected.begin());  // header
    auto actual = ReadRenderedRows(parquet);
    ASSERT_TRUE(actual.ok()) << actual.error().message;
    EXPECT_EQ(FirstDifference(expected, *actual), "");
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

// DuckDB's text of a statistics bound (`column` of parquet_metadata) of a leaf of `type`,
// rendered as CanonicalText renders the value.
std::string StatsBoundExpression(const LogicalType& type, const std::string& column) {
  switch (type.id()) {
    case TypeId::kVarbinary:
      return fmt::format("hex({}::BLOB)", column);
    case TypeId::kTime:
      return fmt::format("epoch_us({}::TIME)::VARCHAR", column);
    case TypeId::kTimestamp:
      return fmt::format("epoch_us({}::TIMESTAMP)::VARCHAR", column);
    case TypeId::kTimestampTz:
      return fmt::format("epoch_us({}::TIMESTAMPTZ)::VARCHAR", column);
    default:
      return column;
  }
}

// The parquet_metadata query that writes every column chunk's null count and bounds to `csv`.
std::string StatisticsStatement(const std::string& path, const std::string& csv) {
  auto reader = ParquetReader::Open(path);
  if (!reader.ok()) return {};
  std::string min = "CASE column_id";
  std::string max = "CASE column_id";
  const auto& leaves = (*reader)->schema().leaves();
  for (size_t leaf = 0; leaf < leaves.size(); ++leaf) {
    min += fmt::format(" WHEN {} THEN {}", leaf,
                       StatsBoundExpression(leaves[leaf].type, "stats_min_value"));
    max += fmt::format(" WHEN {} THEN {}", leaf,
                       StatsBoundExpression(leaves[leaf].type, "stats_max_value"));
  }
  return fmt::format(
      "COPY (SELECT row_group_id, column_id, stats_null_count, {} END, {} END FROM "
      "parquet_metadata({}) ORDER BY row_group_id, column_id) TO {} (HEADER false);\n",
      min, max, SqlString(path), SqlString(csv));
}

struct WriterVariant {
  std::string name;
  CompressionCodec codec;
  int page_version;
  bool dictionary;
  ValueEncoding fallback;
};

TEST_F(ParquetOracleTest, WrittenFilesReadBackInDuckDbWithTypesStatisticsAndFieldIds) {
  std::vector<WriterVariant> variants = {
      {"snappy_v1", CompressionCodec::kSnappy, 1, true, ValueEncoding::kPlain},
      {"zstd_v2_delta", CompressionCodec::kZstd, 2, false, ValueEncoding::kDelta},
      {"gzip_v1_split", CompressionCodec::kGzip, 1, false, ValueEncoding::kByteStreamSplit},
      {"lz4raw_v2", CompressionCodec::kLz4Raw, 2, true, ValueEncoding::kPlain},
      {"brotli_v1", CompressionCodec::kBrotli, 1, true, ValueEncoding::kPlain},
      {"uncompressed_v1", CompressionCodec::kUncompressed, 1, false, ValueEncoding::kPlain},
  };
  // Besides the types the reader returns unchanged: CHAR (read as VARCHAR) and the intervals
  // (Parquet's INTERVAL, read as ROW(months, days, milliseconds)).
  auto columns = testing::AllWritableTypes();
  columns.emplace_back("c_char", LogicalType::Char(4));
  columns.emplace_back("c_interval_day_time", TypeId::kIntervalDayTime);
  columns.emplace_back("c_interval_year_month", TypeId::kIntervalYearMonth);
  std::vector<ParquetWriterField> fields;
  std::vector<LogicalType> types;
  // Field ids (as Iceberg writes them) and key-value metadata, as DuckDB lists them.
  std::vector<std::vector<std::string>> expected_metadata = {{"kv:written.by", "oracle test"}};
  for (const auto& [name, type] : columns) {
    int32_t field_id = 100 + static_cast<int32_t>(fields.size());
    fields.emplace_back(name, type, true, field_id);
    types.push_back(type);
    expected_metadata.push_back({name, std::to_string(field_id)});
  }
  std::sort(expected_metadata.begin(), expected_metadata.end());
  // The rows written, rendered.
  std::vector<std::vector<std::string>> written;
  std::vector<DataChunk> chunks(4);
  for (size_t i = 0; i < chunks.size(); ++i) {
    testing::FillSampleChunk(types, static_cast<int64_t>(i) * 750, 750, chunks[i]);
    for (idx_t r = 0; r < chunks[i].size(); ++r) {
      std::vector<std::string>& cells = written.emplace_back();
      for (idx_t c = 0; c < chunks[i].ColumnCount(); ++c) {
        bool null = false;
        std::string text = testing::CanonicalText(chunks[i].column(c), r, null);
        cells.push_back(null ? kNull : text);
      }
    }
  }
  std::vector<std::string> files;
  std::vector<std::string> statements;
  std::vector<std::string> outputs;
  for (const WriterVariant& variant : variants) {
    ParquetWriterOptions options;
    options.codec = variant.codec;
    options.data_page_version = variant.page_version;
    options.dictionary = variant.dictionary;
    options.fallback_encoding = variant.fallback;
    options.row_group_max_rows = 1000;
    options.page_max_rows = 300;
    options.key_value_metadata = {{"written.by", "oracle test"}};
    std::string path = fmt::format("{}/written_{}.parquet", dir_, variant.name);
    auto writer = ParquetWriter::Open(path, fields, options);
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    for (const DataChunk& chunk : chunks) ASSERT_TRUE((*writer)->Write(chunk).ok());
    ASSERT_TRUE((*writer)->Close().ok());
    files.push_back(path);
    outputs.push_back(path + ".values.csv");
    statements.push_back(CopyStatement(path, outputs.back()));
    outputs.push_back(path + ".types.csv");
    statements.push_back(fmt::format(
        "COPY (SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet({}))) "
        "TO {} (HEADER false);\n",
        SqlString(path), SqlString(outputs.back())));
    outputs.push_back(path + ".stats.csv");
    statements.push_back(StatisticsStatement(path, outputs.back()));
    outputs.push_back(path + ".metadata.csv");
    statements.push_back(fmt::format(
        "COPY (SELECT name, field_id::VARCHAR FROM parquet_schema({0}) WHERE field_id IS NOT NULL "
        "UNION ALL SELECT 'kv:' || decode(key), decode(value) FROM parquet_kv_metadata({0}) "
        "ORDER BY ALL) TO {1} (HEADER false);\n",
        SqlString(path), SqlString(outputs.back())));
  }
  RunOracle(statements, outputs, dir_);
  const std::map<std::string, std::string> duckdb_types = {
      {"c_boolean", "BOOLEAN"},
      {"c_tinyint", "TINYINT"},
      {"c_smallint", "SMALLINT"},
      {"c_integer", "INTEGER"},
      {"c_bigint", "BIGINT"},
      {"c_real", "FLOAT"},
      {"c_double", "DOUBLE"},
      {"c_decimal_5_2", "DECIMAL(5,2)"},
      {"c_decimal_18_6", "DECIMAL(18,6)"},
      {"c_decimal_38_10", "DECIMAL(38,10)"},
      {"c_varchar", "VARCHAR"},
      {"c_varbinary", "BLOB"},
      {"c_json", "JSON"},
      {"c_date", "DATE"},
      {"c_time", "TIME"},
      {"c_timestamp", "TIMESTAMP"},
      {"c_timestamptz", "TIMESTAMP WITH TIME ZONE"},
      {"c_uuid", "UUID"},
      {"c_array", "INTEGER[]"},
      {"c_array_of_rows", "STRUCT(x DOUBLE, label VARCHAR)[]"},
      {"c_nested_array", "VARCHAR[][]"},
      {"c_map", "MAP(VARCHAR, BIGINT)"},
      {"c_row", "STRUCT(id INTEGER, tags VARCHAR[], point STRUCT(x DOUBLE, label VARCHAR))"},
      {"c_char", "VARCHAR"},
      {"c_interval_day_time", "INTERVAL"},
      {"c_interval_year_month", "INTERVAL"},
  };
  int bounds_compared = 0;
  for (size_t f = 0; f < files.size(); ++f) {
    SCOPED_TRACE(files[f]);
    // Values: DuckDB and our reader both read the rows written.
    ASSERT_TRUE(fs::exists(outputs[4 * f])) << "DuckDB could not read the file";
    auto duckdb_rows = ParseCsv(testing::ReadTextFile(outputs[4 * f]));
    EXPECT_EQ(FirstDifference(written, duckdb_rows), "") << "DuckDB";
    auto our_rows = ReadRenderedRows(files[f]);
    ASSERT_TRUE(our_rows.ok()) << our_rows.error().message;
    EXPECT_EQ(FirstDifference(written, *our_rows), "") << "Switchboard";
    // Types.
    auto described = ParseCsv(testing::ReadTextFile(outputs[4 * f + 1]));
    ASSERT_EQ(described.size(), columns.size());
    for (const auto& row : described) {
      std::string type = row[1];
      type.erase(std::remove(type.begin(), type.end(), '"'), type.end());
      EXPECT_EQ(type, duckdb_types.at(row[0])) << row[0];
    }
    // Field ids and key-value metadata.
    EXPECT_EQ(ParseCsv(testing::ReadTextFile(outputs[4 * f + 3])), expected_metadata);
    // Statistics: DuckDB parses every chunk's statistics to the counts and bounds we wrote.
    auto reader = ParquetReader::Open(files[f]);
    ASSERT_TRUE(reader.ok());
    auto stats = ParseCsv(testing::ReadTextFile(outputs[4 * f + 2]));
    ASSERT_EQ(stats.size(), static_cast<size_t>((*reader)->num_row_groups()) *
                                (*reader)->schema().leaves().size());
    for (const auto& row : stats) {
      int group = std::stoi(row[0]);
      int leaf = std::stoi(row[1]);
      ColumnStatistics ours = (*reader)->ColumnChunkStatistics(group, leaf);
      EXPECT_EQ(row[2], std::to_string(*ours.null_count)) << "leaf " << leaf;
      const LeafColumn& column = (*reader)->schema().leaves()[static_cast<size_t>(leaf)];
      if (!ours.min) {
        EXPECT_EQ(row[3], kNull) << "leaf " << leaf << ": DuckDB has a bound we did not write";
        continue;
      }
      for (int bound = 0; bound < 2; ++bound) {
        const Value& value = bound == 0 ? *ours.min : *ours.max;
        const std::string& duckdb = row[3 + static_cast<size_t>(bound)];
        // DuckDB shows no bound for an infinite floating-point one.
        bool infinite =
            (column.type.id() == TypeId::kDouble || column.type.id() == TypeId::kReal) &&
            std::isinf(value.GetDouble());
        if (duckdb == kNull && infinite) continue;
        Vector vector(value.type(), 1);
        vector.SetValue(0, value);
        bool null;
        EXPECT_TRUE(CellsEqual(duckdb, testing::CanonicalText(vector, 0, null)))
            << "leaf " << leaf << " (" << column.PathString() << ") bound " << bound << ": DuckDB "
            << duckdb << ", ours " << testing::CanonicalText(vector, 0, null);
        ++bounds_compared;
      }
    }
  }
  // Every ordered leaf has bounds in every row group of every file.
  EXPECT_GE(bounds_compared, static_cast<int>(files.size()) * 3 * 2 * 25);
}

// A column chunk that starts dictionary-encoded and falls back to PLAIN pages part-way reads in
// DuckDB, and DuckDB's probe of our bloom filters never excludes a value that was written.
TEST_F(ParquetOracleTest, DictionaryFallbackAndBloomFiltersReadInDuckDb) {
  constexpr int64_t kRows = 20000;
  std::vector<ParquetWriterField> fields = {{"id", TypeId::kBigint}, {"code", TypeId::kVarchar}};
  auto code_of = [](int64_t row) {
    return row < 6000 ? fmt::format("code{}", row % 10) : fmt::format("unique-{}", row);
  };
  ParquetWriterOptions options;
  options.row_group_max_rows = 10000;
  options.page_max_rows = 1000;
  options.dictionary_max_bytes = 16 << 10;
  options.bloom_filter_columns = {"id", "code"};
  std::string path = dir_ + "/fallback.parquet";
  std::vector<std::vector<std::string>> written;
  {
    auto writer = ParquetWriter::Open(path, fields, options);
    ASSERT_TRUE(writer.ok()) << writer.error().message;
    for (int64_t first = 0; first < kRows; first += 2000) {
      DataChunk chunk;
      chunk.Initialize({TypeId::kBigint, TypeId::kVarchar}, 2000);
      for (idx_t r = 0; r < 2000; ++r) {
        int64_t row = first + static_cast<int64_t>(r);
        chunk.column(0).SetValue(r, Value::Bigint(row * 7));
        chunk.column(1).SetValue(r, Value::Varchar(code_of(row)));
        written.push_back({std::to_string(row * 7), code_of(row)});
      }
      chunk.SetSize(2000);
      ASSERT_TRUE((*writer)->Write(chunk).ok());
    }
    ASSERT_TRUE((*writer)->Close().ok());
  }
  auto reader = ParquetReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  ASSERT_EQ((*reader)->num_row_groups(), 2);
  std::set<Encoding> first_chunk_encodings;
  for (const PageEncodingStats& stats :
       *(*reader)->metadata().row_groups[0].columns[1].meta_data->encoding_stats) {
    if (stats.page_type != PageType::kDictionaryPage) first_chunk_encodings.insert(stats.encoding);
  }
  EXPECT_EQ(first_chunk_encodings,
            (std::set<Encoding>{Encoding::kRleDictionary, Encoding::kPlain}));

  std::vector<std::string> statements = {CopyStatement(path, dir_ + "/fallback.csv")};
  std::vector<std::string> outputs = {dir_ + "/fallback.csv"};
  // Probes: values of each row group and values never written.
  std::vector<std::pair<std::string, std::string>> probes;  // column, value
  for (int64_t row = 0; row < kRows; row += 997) {
    probes.emplace_back("id", std::to_string(row * 7));
    probes.emplace_back("code", "'" + code_of(row) + "'");
  }
  for (int i = 0; i < 100; ++i) {
    probes.emplace_back("id", std::to_string(i * 7 + 3));
    probes.emplace_back("code", fmt::format("'absent-{}'", i));
  }
  std::string probe_sql;
  for (size_t i = 0; i < probes.size(); ++i) {
    if (i > 0) probe_sql += " UNION ALL ";
    probe_sql += fmt::format(
        "SELECT {} AS probe, row_group_id, bloom_filter_excludes FROM parquet_bloom_probe({}, "
        "'{}', {})",
        i, SqlString(path), probes[i].first, probes[i].second);
  }
  outputs.push_back(dir_ + "/probes.csv");
  statements.push_back(fmt::format("COPY ({} ORDER BY probe, row_group_id) TO {} (HEADER false);\n",
                                   probe_sql, SqlString(outputs.back())));
  RunOracle(statements, outputs, dir_);

  ASSERT_TRUE(fs::exists(outputs[0])) << "DuckDB could not read the file";
  EXPECT_EQ(FirstDifference(written, ParseCsv(testing::ReadTextFile(outputs[0]))), "");
  ASSERT_TRUE(fs::exists(outputs[1])) << "DuckDB could not probe the bloom filters";
  auto probed = ParseCsv(testing::ReadTextFile(outputs[1]));
  ASSERT_EQ(probed.size(), probes.size() * 2);
  size_t present_probes = probes.size() - 200;
  int absent_excluded = 0;
  for (const auto& row : probed) {
    size_t probe = std::stoul(row[0]);
    int64_t group = std::stoll(row[1]);
    if (probe < present_probes) {
      int64_t written_row = static_cast<int64_t>(probe / 2) * 997;
      bool in_group = written_row / options.row_group_max_rows == group;
      if (in_group) EXPECT_EQ(row[2], "false") << "probe " << probe << " row group " << group;
    } else {
      absent_excluded += row[2] == "true";
    }
  }
  EXPECT_GE(absent_excluded, 390);  // 400 absent probes at a 1% false-positive rate
}

// Files DuckDB writes with types, encodings and page versions parquet-testing lacks (unsigned
// integers, timestamp units, UUID, INTERVAL, decimals in every storage, nested values; DELTA
// and BYTE_STREAM_SPLIT pages in format v2) read as DuckDB reads them, under every codec.
TEST_F(ParquetOracleTest, FilesDuckDbWritesReadAsDuckDbReadsThem) {
  // NULL for about one row in seven, differently per column.
  auto nullable = [](int column, const std::string& expression) {
    return fmt::format("CASE WHEN hash(i, {}) % 7 = 0 THEN NULL ELSE {} END", column, expression);
  };
  const std::vector<std::string> expressions = {
      "i % 3 = 0",
      "(i % 256 - 128)::TINYINT",
      "(i % 256)::UTINYINT",
      "(i * 17 % 65536)::USMALLINT",
      "(i * 2654435761 % 4294967296)::UINTEGER",
      "hash(i)",
      "(i * 7919 - 10000000)::INTEGER",
      "(hash(i) >> 1)::BIGINT - 4611686018427387904",
      "CASE i % 101 WHEN 0 THEN 'nan'::FLOAT WHEN 1 THEN '-inf'::FLOAT ELSE (i / 7)::FLOAT END",
      "CASE i % 103 WHEN 0 THEN 'inf'::DOUBLE ELSE i / 7 - 100 END",
      "(i % 9999 / 100 - 40)::DECIMAL(4,2)",
      "(hash(i) % 1000000000000000 / 1000 - 400000000000)::DECIMAL(18,3)",
      "(hash(i)::HUGEINT * 1000000007 / 1000000000)::DECIMAL(38,9)",
      "repeat('s', i % 5) || (i % 50)::VARCHAR || CASE WHEN i % 37 = 0 THEN repeat('long', 40) "
      "ELSE '' END",
      "encode('b' || (i % 61)::VARCHAR)",
      "json_object('k', i, 's', 'v' || (i % 9)::VARCHAR)",
      "DATE '1970-01-01' + (i * 37 % 40000 - 10000)::INTEGER",
      "'00:00:00'::TIME + to_microseconds(i * 1234567 % 86400000000)",
      "TIMESTAMP '2000-01-01' + to_microseconds(i * 987654321)",
      "(TIMESTAMP '1900-01-01' + to_microseconds(i * 98765432123))::TIMESTAMP_MS",
      "(TIMESTAMP '2000-01-01' + to_microseconds(i * 987654321) + to_microseconds(7))"
      "::TIMESTAMP_NS",
      "(TIMESTAMP '2000-01-01' + to_microseconds(i * 987654321))::TIMESTAMPTZ",
      "md5(i::VARCHAR)::UUID",
      "to_days((i % 100)::INTEGER) + to_months((i % 13)::INTEGER) + to_milliseconds(i)",
      "CASE i % 5 WHEN 0 THEN [] ELSE [i, NULL, i * 2][1:i % 4] END",
      "[[i::VARCHAR], [], NULL, ['x', NULL]][1:i % 5]",
      "{'a': i::INTEGER, 'b': 's' || (i % 10)::VARCHAR, 'c': [i / 2, NULL]}",
      "[{'x': i / 3, 'y': CASE WHEN i % 2 = 0 THEN 'even' END}][1:i % 2 + 1]",
      "map(['k1', 'k2'][1:i % 3], [i, NULL][1:i % 3])",
  };
  std::string select;
  for (size_t c = 0; c < expressions.size(); ++c) {
    if (!select.empty()) select += ", ";
    select += fmt::format("{} AS c{}", nullable(static_cast<int>(c), expressions[c]), c);
  }
  std::vector<std::string> files;
  std::vector<std::string> writes;
  for (const char* codec : {"uncompressed", "snappy", "gzip", "zstd", "lz4_raw", "brotli"}) {
    for (const char* version : {"v1", "v2"}) {
      files.push_back(fmt::format("{}/duckdb_{}_{}.parquet", dir_, codec, version));
      writes.push_back(fmt::format(
          "COPY (SELECT {} FROM range(3000) t(i)) TO {} (FORMAT parquet, COMPRESSION {}, "
          "PARQUET_VERSION {}, ROW_GROUP_SIZE 1000);\n",
          select, SqlString(files.back()), codec, version));
    }
  }
  RunOracle(writes, files, dir_);
  std::vector<std::string> statements;
  std::vector<std::string> outputs;
  for (const std::string& file : files) {
    ASSERT_TRUE(fs::exists(file)) << "DuckDB did not write " << file;
    outputs.push_back(file + ".csv");
    statements.push_back(CopyStatement(file, outputs.back()));
  }
  RunOracle(statements, outputs, dir_);
  for (size_t f = 0; f < files.size(); ++f) {
    SCOPED_TRACE(files[f]);
    ASSERT_TRUE(fs::exists(outputs[f])) << "DuckDB could not read its own file";
    auto actual = ReadRenderedRows(files[f]);
    ASSERT_TRUE(actual.ok()) << actual.error().message;
    ASSERT_EQ(actual->size(), 3000u);
    EXPECT_EQ(FirstDifference(ParseCsv(testing::ReadTextFile(outputs[f])), *actual), "");
  }
}

}  // namespace
}  // namespace switchboard::parquet
