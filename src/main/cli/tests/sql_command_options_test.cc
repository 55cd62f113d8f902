// Tests for the SQL command's options.
#include "main/cli/sql_command_options.h"

#include <gtest/gtest.h>

namespace switchboard {
namespace {

TEST(SqlCommandOptionsTest, KeepsCommandsAndFilesInOrder) {
  Result<SqlCommandOptions> options = SqlCommandOptions::Parse(
      {"-c", "CREATE TABLE t(a INTEGER)", "-f", "load.sql", "--command=SELECT * FROM t"});
  ASSERT_TRUE(options.ok()) << options.error().message;
  ASSERT_EQ(options->inputs.size(), 3u);
  EXPECT_EQ(options->inputs[0].kind, SqlInput::Kind::kSql);
  EXPECT_EQ(options->inputs[0].text, "CREATE TABLE t(a INTEGER)");
  EXPECT_EQ(options->inputs[1].kind, SqlInput::Kind::kFile);
  EXPECT_EQ(options->inputs[1].text, "load.sql");
  EXPECT_EQ(options->inputs[2].text, "SELECT * FROM t");
}

TEST(SqlCommandOptionsTest, ReadsDatabaseAndOutputOptions) {
  Result<SqlCommandOptions> options =
      SqlCommandOptions::Parse({"--warehouse", "/data/wh", "--format=csv", "--threads", "4",
                                "--memory-limit", "2GB", "--timer"});
  ASSERT_TRUE(options.ok()) << options.error().message;
  EXPECT_EQ(options->database.warehouse, "/data/wh");
  EXPECT_EQ(options->format, OutputFormat::kCsv);
  EXPECT_EQ(options->database.threads, 4u);
  EXPECT_EQ(options->database.memory_limit, 2LL * 1024 * 1024 * 1024);
  EXPECT_TRUE(options->timer);
  EXPECT_FALSE(options->help);
  EXPECT_TRUE(options->inputs.empty());
}

TEST(SqlCommandOptionsTest, DefaultsToAnInMemoryTableShell) {
  Result<SqlCommandOptions> options = SqlCommandOptions::Parse({});
  ASSERT_TRUE(options.ok());
  EXPECT_FALSE(options->database.warehouse.has_value());
  EXPECT_EQ(options->format, OutputFormat::kTable);
  EXPECT_TRUE(SqlCommandOptions::Parse({"-h"})->help);
}

TEST(SqlCommandOptionsTest, RejectsBadOptions) {
  auto error = [](std::vector<std::string> args) {
    Result<SqlCommandOptions> options = SqlCommandOptions::Parse(args);
    EXPECT_FALSE(options.ok());
    return options.ok() ? std::string() : options.error().message;
  };
  EXPECT_EQ(error({"--bogus"}), "unknown option '--bogus'");
  EXPECT_EQ(error({"-c"}), "option -c needs a value");
  EXPECT_EQ(error({"--timer=yes"}), "option --timer takes no value");
  EXPECT_EQ(error({"--format", "xml"}), "unknown format 'xml' (table, csv, json or markdown)");
  EXPECT_EQ(error({"--threads", "0"}), "--threads needs a positive integer, not '0'");
  EXPECT_EQ(error({"--memory-limit", "lots"}),
            "--memory-limit needs a size such as 4GB or 512MB, not 'lots'");
}

}  // namespace
}  // namespace switchboard
