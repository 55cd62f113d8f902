// Tests for the known-deviations list: its format, path matching and errors.
#include "main/sqllogictest/expected_failures.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace switchboard {
namespace {

constexpr std::string_view kList =
    "# Known deviations from SQLite's results.\n"
    "\n"
    "../shared/testdata/sqllogictest/random/expr/slt_good_0.test:1234  SQLite gives NULL for x/0\n"
    "../shared/testdata/sqllogictest/random/expr/slt_good_0.test:99\tbooleans print as true/false\n"
    "test/sql/a.test:7 reason   with   spaces\n";

TEST(ExpectedFailuresTest, FindsListedRecordsWithTheirReasons) {
  Result<ExpectedFailures> list = ExpectedFailures::Parse(kList, "known.txt");
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->size(), 3u);
  const std::string* reason =
      list->Find("../shared/testdata/sqllogictest/random/expr/slt_good_0.test", 1234);
  ASSERT_NE(reason, nullptr);
  EXPECT_EQ(*reason, "SQLite gives NULL for x/0");
  EXPECT_EQ(*list->Find("test/sql/a.test", 7), "reason   with   spaces");
  EXPECT_EQ(list->Find("test/sql/a.test", 8), nullptr);
  EXPECT_EQ(list->Find("test/sql/b.test", 7), nullptr);
  EXPECT_EQ(list->LinesOf("../shared/testdata/sqllogictest/random/expr/slt_good_0.test"),
            (std::vector<int>{99, 1234}));
}

TEST(ExpectedFailuresTest, MatchesRelativeAndAbsoluteSpellingsOfAPath) {
  Result<ExpectedFailures> list = ExpectedFailures::Parse(kList, "known.txt");
  ASSERT_TRUE(list.ok());
  std::filesystem::path absolute = std::filesystem::current_path() / "test/sql/./x/../a.test";
  EXPECT_NE(list->Find(absolute.string(), 7), nullptr);
  EXPECT_NE(list->Find("./test/sql/a.test", 7), nullptr);
}

TEST(ExpectedFailuresTest, RejectsEntriesWithoutReasonOrLine) {
  auto error = [](std::string_view text) {
    Result<ExpectedFailures> list = ExpectedFailures::Parse(text, "known.txt");
    EXPECT_FALSE(list.ok());
    return list.ok() ? std::string() : list.error().message;
  };
  EXPECT_EQ(error("# header\na.test:3\n"),
            "known.txt:2: the entry has no reason (expected '<test file>:<line>  <reason>')");
  EXPECT_EQ(error("a.test  no line\n"),
            "known.txt:1: the entry has no line number (expected '<test file>:<line>  <reason>')");
  EXPECT_EQ(error("a.test:x3 why\n"),
            "known.txt:1: 'x3' is not a line number (expected '<test file>:<line>  <reason>')");
  EXPECT_EQ(error("a.test:0 why\n"),
            "known.txt:1: '0' is not a line number (expected '<test file>:<line>  <reason>')");
  EXPECT_EQ(error("a.test:3 why\n./a.test:3 again\n"), "known.txt:2: ./a.test:3 is listed twice");
}

TEST(ExpectedFailuresTest, LoadReportsAMissingFile) {
  Result<ExpectedFailures> list = ExpectedFailures::Load("/nonexistent/known.txt");
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, ErrorCode::kIoError);
}

}  // namespace
}  // namespace switchboard
