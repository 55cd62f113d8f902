// Tests for the string helpers.
#include <gtest/gtest.h>

#include "common/string_util.h"

namespace switchboard {
namespace {

TEST(StringUtilTest, LevenshteinIgnoresCase) {
  EXPECT_EQ(LevenshteinDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(LevenshteinDistance("Orders", "orders"), 0u);
  EXPECT_EQ(LevenshteinDistance("", "abc"), 3u);
}

TEST(StringUtilTest, DidYouMeanNamesCloseCandidatesOnly) {
  std::vector<std::string> columns = {"customer_id", "customer_name", "region"};
  EXPECT_EQ(DidYouMean("custmer_id", columns), ", did you mean \"customer_id\"?");
  EXPECT_EQ(DidYouMean("zzzzzz", columns), "");
}

TEST(StringUtilTest, SplitKeepsEmptyParts) {
  auto parts = Split("a,,b", ',');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(Join(parts, "|"), "a||b");
}

}  // namespace
}  // namespace switchboard
