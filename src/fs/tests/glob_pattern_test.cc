// Tests for GlobPattern: wildcards, character classes and `**` segments.
#include "fs/glob_pattern.h"

#include <gtest/gtest.h>

namespace switchboard {
namespace {

TEST(GlobPatternTest, StarMatchesWithinOneSegment) {
  GlobPattern pattern("data/*.parquet");
  EXPECT_TRUE(pattern.Matches("data/a.parquet"));
  EXPECT_TRUE(pattern.Matches("data/.parquet"));
  EXPECT_FALSE(pattern.Matches("data/x/a.parquet"));
  EXPECT_FALSE(pattern.Matches("data/a.parquet.tmp"));
}

TEST(GlobPatternTest, QuestionMarkMatchesOneCharacter) {
  GlobPattern pattern("f?.csv");
  EXPECT_TRUE(pattern.Matches("f1.csv"));
  EXPECT_FALSE(pattern.Matches("f.csv"));
  EXPECT_FALSE(pattern.Matches("f12.csv"));
}

TEST(GlobPatternTest, CharacterClassesSupportRangesAndNegation) {
  EXPECT_TRUE(GlobMatchSegment("part-[0-9].txt", "part-7.txt"));
  EXPECT_FALSE(GlobMatchSegment("part-[0-9].txt", "part-x.txt"));
  EXPECT_TRUE(GlobMatchSegment("[!a]x", "bx"));
  EXPECT_FALSE(GlobMatchSegment("[^a]x", "ax"));
  EXPECT_TRUE(GlobMatchSegment("[]]", "]"));
  EXPECT_TRUE(GlobMatchSegment("a[b", "a[b"));  // unterminated class is literal
}

TEST(GlobPatternTest, DoubleStarMatchesAnyNumberOfDirectories) {
  GlobPattern pattern("root/**/x.parquet");
  EXPECT_TRUE(pattern.Matches("root/x.parquet"));
  EXPECT_TRUE(pattern.Matches("root/a/x.parquet"));
  EXPECT_TRUE(pattern.Matches("root/a/b/c/x.parquet"));
  EXPECT_FALSE(pattern.Matches("root/a/y.parquet"));
  EXPECT_TRUE(GlobPattern("root/**").Matches("root/a/b"));
}

TEST(GlobPatternTest, StarBacktracksOverRepeatedSubstrings) {
  EXPECT_TRUE(GlobMatchSegment("*ab*ab", "xabyabab"));
  EXPECT_FALSE(GlobMatchSegment("*ab*abc", "xabyabab"));
}

TEST(GlobPatternTest, HasWildcardsDetectsSpecialCharacters) {
  EXPECT_TRUE(GlobPattern::HasWildcards("a/*.x"));
  EXPECT_TRUE(GlobPattern::HasWildcards("a?"));
  EXPECT_TRUE(GlobPattern::HasWildcards("[ab]"));
  EXPECT_FALSE(GlobPattern::HasWildcards("a/b.parquet"));
}

}  // namespace
}  // namespace switchboard
