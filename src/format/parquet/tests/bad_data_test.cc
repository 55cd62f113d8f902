// Tests that malformed files fail cleanly: every file of parquet-testing's bad_data/, and
// truncated and mutated copies of good files (never a crash, a hang or an unnamed error).
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "format/parquet/parquet_reader.h"
#include "format/parquet/tests/parquet_test_util.h"

namespace switchboard::parquet {
namespace {

namespace fs = std::filesystem;

// Reads every row of every column; returns the first error.
std::optional<Error> ReadEverything(const std::string& path, ParquetReaderOptions options = {}) {
  auto reader = ParquetReader::Open(path, options);
  if (!reader.ok()) return reader.error();
  ParquetScanOptions scan;
  for (size_t i = 0; i < (*reader)->schema().fields().size(); ++i)
    scan.columns.push_back(static_cast<int>(i));
  DataChunk chunk;
  for (int g = 0; g < (*reader)->num_row_groups(); ++g) {
    auto scanner = (*reader)->ScanRowGroup(g, scan);
    if (!scanner.ok()) return scanner.error();
    while (true) {
      auto more = (*scanner)->Next(chunk);
      if (!more.ok()) return more.error();
      if (!*more) break;
    }
  }
  return std::nullopt;
}

bool IsCleanError(const Error& error, const std::string& path) {
  bool known_code = error.code == ErrorCode::kCorruptData || error.code == ErrorCode::kIoError ||
                    error.code == ErrorCode::kNotSupported;
  return known_code && error.message.find(path) != std::string::npos;
}

TEST(ParquetBadDataTest, EveryBadFileFailsWithANamedError) {
  // ARROW-GH-43605 crashed one reader but is valid: its one-entry dictionary is indexed with
  // bit width 0, which the format allows; it reads like DuckDB reads it (21186 zeros).
  const std::string valid = "ARROW-GH-43605.parquet";
  std::string dir = testing::SharedDir() + "/testdata/parquet-testing/bad_data";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".parquet") continue;
    std::string path = entry.path().string();
    SCOPED_TRACE(path);
    std::optional<Error> error = ReadEverything(path);
    if (entry.path().filename() == valid) {
      EXPECT_FALSE(error.has_value()) << error->message;
      auto rows = testing::ReadRenderedRows(path);
      ASSERT_TRUE(rows.ok());
      EXPECT_EQ(rows->size(), 21186u);
      for (const auto& row : *rows) ASSERT_EQ(row[0], "0");
      continue;
    }
    ASSERT_TRUE(error.has_value()) << "read without error";
    EXPECT_TRUE(IsCleanError(*error, path)) << error->ToString();
    std::cout << error->ToString() << "\n";
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

std::vector<std::string> GoodFiles() {
  std::string data = testing::SharedDir() + "/testdata/parquet-testing/data/";
  return {data + "alltypes_plain.snappy.parquet", data + "nested_lists.snappy.parquet",
          data + "delta_byte_array.parquet",      data + "datapage_v2.snappy.parquet",
          data + "nonnullable.impala.parquet",    data + "byte_stream_split.zstd.parquet",
          data + "alltypes_tiny_pages.parquet"};
}

class CorruptCopies : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/sb_parquet_bad_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }

  void CheckVariant(const std::string& bytes, const std::string& label) {
    std::string path = dir_ + "/" + label + ".parquet";
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    ParquetReaderOptions options;
    options.max_page_size = 64 << 20;
    std::optional<Error> error = ReadEverything(path, options);
    if (error) {
      EXPECT_TRUE(IsCleanError(*error, path)) << label << ": " << error->ToString();
    }
  }

  std::string dir_;
};

TEST_F(CorruptCopies, TruncatedFilesFailCleanly) {
  for (const std::string& file : GoodFiles()) {
    std::string bytes = testing::ReadTextFile(file);
    ASSERT_FALSE(bytes.empty()) << file;
    for (size_t cut = 0; cut < bytes.size(); cut += std::max<size_t>(1, bytes.size() / 40)) {
      std::string truncated = bytes.substr(0, cut);
      CheckVariant(truncated, fs::path(file).stem().string() + "_cut" + std::to_string(cut));
    }
  }
}

TEST_F(CorruptCopies, MutatedFilesFailCleanlyOrReadSomething) {
  std::mt19937 rng(11);
  for (const std::string& file : GoodFiles()) {
    std::string bytes = testing::ReadTextFile(file);
    for (int round = 0; round < 60; ++round) {
      std::string mutated = bytes;
      int changes = 1 + static_cast<int>(rng() % 8);
      for (int i = 0; i < changes; ++i) {
        size_t at = rng() % mutated.size();
        // Bias towards the footer, where most structure lives.
        if (rng() % 2 == 0) at = mutated.size() - 1 - rng() % std::min<size_t>(mutated.size(), 400);
        mutated[at] = static_cast<char>(rng() % 4 == 0 ? 0xff : rng());
      }
      CheckVariant(mutated, fs::path(file).stem().string() + "_mut" + std::to_string(round));
    }
  }
}

TEST_F(CorruptCopies, DamagedFramesNameTheirProblem) {
  std::string good = testing::ReadTextFile(
      testing::SharedDir() + "/testdata/parquet-testing/data/" + "alltypes_plain.parquet");
  ASSERT_GT(good.size(), 100u);
  auto footer_length = [&](uint32_t length) {
    std::string bytes = good;
    std::memcpy(bytes.data() + bytes.size() - 8, &length, 4);
    return bytes;
  };
  struct Case {
    std::string label;
    std::string bytes;
    std::string problem;
  };
  std::vector<Case> cases = {
      {"tiny", "PAR1PAR1", "too small to be a Parquet file"},
      {"head", "XAR1" + good.substr(4), "does not start with 'PAR1'"},
      {"tail", good.substr(0, good.size() - 1) + "X", "does not end with 'PAR1'"},
      {"encrypted", good.substr(0, good.size() - 4) + "PARE", "encrypted Parquet files"},
      {"long_footer", footer_length(static_cast<uint32_t>(good.size())), "footer length"},
      {"short_footer", footer_length(3), "invalid footer"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    std::string path = dir_ + "/" + c.label + ".parquet";
    std::ofstream(path, std::ios::binary)
        .write(c.bytes.data(), static_cast<std::streamsize>(c.bytes.size()));
    std::optional<Error> error = ReadEverything(path);
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(IsCleanError(*error, path)) << error->ToString();
    EXPECT_NE(error->message.find(c.problem), std::string::npos) << error->message;
  }
}

}  // namespace
}  // namespace switchboard::parquet
