// Tests for statement completion in the shell.
#include "main/cli/statement_buffer.h"

#include <gtest/gtest.h>

namespace switchboard {
namespace {

TEST(StatementBufferTest, CompletesAtALineEndingInASemicolon) {
  StatementBuffer buffer;
  EXPECT_TRUE(buffer.IsEmpty());
  buffer.AppendLine("SELECT a,");
  EXPECT_FALSE(buffer.IsComplete());
  EXPECT_FALSE(buffer.IsEmpty());
  buffer.AppendLine("       b FROM t;  ");
  EXPECT_TRUE(buffer.IsComplete());
  EXPECT_EQ(buffer.Take(), "SELECT a,\n       b FROM t;  ");
  EXPECT_TRUE(buffer.IsEmpty());
  EXPECT_FALSE(buffer.IsComplete());
}

TEST(StatementBufferTest, WaitsWhenTextFollowsTheLastSemicolon) {
  StatementBuffer buffer;
  buffer.AppendLine("SELECT 1; SELECT");
  EXPECT_FALSE(buffer.IsComplete());
  buffer.AppendLine("2;");
  EXPECT_TRUE(buffer.IsComplete());
}

TEST(StatementBufferTest, IgnoresSemicolonsInQuotesAndComments) {
  StatementBuffer buffer;
  buffer.AppendLine("SELECT 'a;' || 'it''s;'");
  EXPECT_FALSE(buffer.IsComplete());
  buffer.AppendLine("  AS \"x;\" -- done;");
  EXPECT_FALSE(buffer.IsComplete());
  buffer.AppendLine("/* ; */ ;");
  EXPECT_TRUE(buffer.IsComplete());
}

TEST(StatementBufferTest, CarriesQuotesAndBlockCommentsAcrossLines) {
  StatementBuffer buffer;
  buffer.AppendLine("SELECT 'two");
  buffer.AppendLine("lines;';");
  EXPECT_TRUE(buffer.IsComplete());
  buffer.Clear();
  buffer.AppendLine("/* a comment;");
  EXPECT_FALSE(buffer.IsEmpty());
  buffer.AppendLine("still; */ SELECT `q;`;");
  EXPECT_TRUE(buffer.IsComplete());
}

TEST(StatementBufferTest, TrailingCommentAfterSemicolonStillCompletes) {
  StatementBuffer buffer;
  buffer.AppendLine("SELECT 1; -- the answer");
  EXPECT_TRUE(buffer.IsComplete());
}

TEST(StatementBufferTest, CommentOnlyInputIsEmpty) {
  StatementBuffer buffer;
  buffer.AppendLine("-- just a comment;");
  buffer.AppendLine("   ");
  EXPECT_TRUE(buffer.IsEmpty());
  EXPECT_FALSE(buffer.IsComplete());
}

}  // namespace
}  // namespace switchboard
