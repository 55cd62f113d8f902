// Parses the SQL corpora shared with the project: the TPC-H queries, the seeds' acceptance
// statements and SQLite's sqllogictest files. Every statement must parse and print stably.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "common/string_util.h"
#include "sql/parser/tests/parser_test_util.h"

namespace switchboard::testing {
namespace {

namespace fs = std::filesystem;

fs::path SharedDir() {
  if (const char* dir = std::getenv("SB_SHARED_DIR")) return dir;
  return fs::path(SB_PROJECT_SOURCE_DIR) / ".." / "shared";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

std::vector<fs::path> FilesIn(const fs::path& dir, std::string_view extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Checks that `sql` parses into `expected_statements` statements that print stably.
void ExpectParses(std::string_view sql, const std::string& where, size_t expected_statements,
                  size_t& parsed) {
  std::string printed = RoundTrip(sql);
  ASSERT_FALSE(printed.starts_with("FAIL")) << where << "\n" << sql << "\n" << printed;
  auto statements = ParseSql(sql);
  ASSERT_TRUE(statements.ok());
  EXPECT_EQ(statements->size(), expected_statements) << where;
  parsed += statements->size();
}

struct SqlLogicRecord {
  std::string sql;
  size_t line;
};

// The SQL of every record that applies to Switchboard: not behind `onlyif <other engine>` or
// `skipif switchboard`, and not after `halt`.
std::vector<SqlLogicRecord> ReadSqlLogicTest(const fs::path& path) {
  std::vector<std::string> lines = Split(ReadFile(path), '\n');
  for (auto& line : lines) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
  }
  std::vector<SqlLogicRecord> records;
  bool skip = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line == "halt") break;
    if (StartsWith(line, "skipif ") || StartsWith(line, "onlyif ")) {
      std::string engine = Split(line.substr(7), ' ')[0];
      if ((line[0] == 's') == (engine == "switchboard")) skip = true;
      continue;
    }
    if (!StartsWith(line, "statement ") && !StartsWith(line, "query ")) continue;
    SqlLogicRecord record{"", i + 2};
    for (++i; i < lines.size() && !lines[i].empty() && lines[i] != "----"; ++i) {
      record.sql += lines[i] + "\n";
    }
    if (i < lines.size() && lines[i] == "----") {
      while (i < lines.size() && !lines[i].empty()) ++i;  // the expected results
    }
    if (!skip) records.push_back(std::move(record));
    skip = false;
  }
  return records;
}

class ParserCorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(SharedDir())) << "the shared test data is missing: " << SharedDir();
  }
};

TEST_F(ParserCorpusTest, ParsesEveryTpchQuery) {
  size_t parsed = 0;
  auto files = FilesIn(SharedDir() / "testdata" / "tpch" / "queries", ".sql");
  ASSERT_EQ(files.size(), 22u);
  for (const auto& file : files) ExpectParses(ReadFile(file), file.string(), 1, parsed);
  std::cout << "[ corpus   ] TPC-H: " << parsed << " queries parsed\n";
}

TEST_F(ParserCorpusTest, ParsesEveryAcceptanceStatement) {
  size_t parsed = 0;
  auto files = FilesIn(SharedDir() / "contact-center" / "acceptance", ".sql");
  ASSERT_FALSE(files.empty());
  for (const auto& file : files) {
    std::string sql = ReadFile(file);
    ReplaceAll(sql, "{DATA}", "/tmp/switchboard-data");
    ReplaceAll(sql, "{WAREHOUSE}", "/tmp/switchboard-warehouse");
    ReplaceAll(sql, "{SNAPSHOT_FIRST}", "1");
    ReplaceAll(sql, "{TS_FIRST}", "2024-03-01 10:00:00");
    auto statements = ParseSql(sql);
    ASSERT_TRUE(statements.ok()) << file << ": " << statements.error().message;
    for (const auto& statement : *statements) {
      ExpectParses(statement->Text(sql), file.string(), 1, parsed);
    }
  }
  std::cout << "[ corpus   ] acceptance: " << parsed << " statements parsed\n";
  EXPECT_GE(parsed, 30u);
}

TEST_F(ParserCorpusTest, ParsesEverySqlLogicTestStatement) {
  fs::path dir = SharedDir() / "testdata" / "sqllogictest";
  std::vector<fs::path> files = {dir / "select1.test", dir / "select2.test", dir / "select3.test"};
  for (const auto& file : FilesIn(dir / "random", ".test")) files.push_back(file);
  size_t parsed = 0;
  for (const auto& file : files) {
    ASSERT_TRUE(fs::exists(file)) << file;
    for (const auto& record : ReadSqlLogicTest(file)) {
      ExpectParses(record.sql, file.string() + ":" + std::to_string(record.line), 1, parsed);
      if (HasFatalFailure()) return;
    }
  }
  std::cout << "[ corpus   ] sqllogictest: " << parsed << " statements parsed\n";
  EXPECT_GT(parsed, 80000u);
}

}  // namespace
}  // namespace switchboard::testing
