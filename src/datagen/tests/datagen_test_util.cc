// Parquet read-back and file helpers for the generator tests.
#include "datagen/tests/datagen_test_util.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "format/parquet/parquet_reader.h"
#include "format/parquet/row_group_scanner.h"

namespace switchboard::datagen_testing {

Table ReadTable(const std::string& path) {
  Table table;
  auto reader = parquet::ParquetReader::Open(path);
  EXPECT_TRUE(reader.ok()) << path << ": " << reader.error().message;
  if (!reader.ok()) return table;
  const auto& fields = (*reader)->schema().fields();
  parquet::ParquetScanOptions scan;
  for (size_t i = 0; i < fields.size(); ++i) {
    table.column[fields[i].name] = i;
    scan.columns.push_back(static_cast<int>(i));
  }
  for (int group = 0; group < (*reader)->num_row_groups(); ++group) {
    auto scanner = (*reader)->ScanRowGroup(group, scan);
    EXPECT_TRUE(scanner.ok()) << scanner.error().message;
    if (!scanner.ok()) return table;
    DataChunk chunk;
    while (true) {
      auto more = (*scanner)->Next(chunk);
      EXPECT_TRUE(more.ok()) << more.error().message;
      if (!more.ok() || !*more) break;
      for (idx_t row = 0; row < chunk.size(); ++row) {
        std::vector<Value> values;
        for (idx_t c = 0; c < chunk.ColumnCount(); ++c)
          values.push_back(chunk.column(c).GetValue(row));
        table.rows.push_back(std::move(values));
      }
    }
  }
  return table;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string ScratchDir(const std::string& name) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / fmt::format("sb_datagen_test_{}_{}", name, getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

}  // namespace switchboard::datagen_testing
