// Tests for SniffCsv: dialect, header and type detection.
#include "format/csv/csv_sniffer.h"

#include <gtest/gtest.h>

namespace switchboard {
namespace {

CsvSniffResult Sniff(std::string_view text, CsvSniffOptions options = {}) {
  auto result = SniffCsv("test.csv", text, true, options);
  EXPECT_TRUE(result.ok()) << result.error().message;
  return result.ok() ? *result : CsvSniffResult{};
}

TEST(CsvSnifferTest, DetectsCommonDelimiters) {
  EXPECT_EQ(Sniff("a,b,c\n1,2,3\n").dialect.delimiter, ',');
  EXPECT_EQ(Sniff("a|b|c\n1|2|3\n").dialect.delimiter, '|');
  EXPECT_EQ(Sniff("a;b;c\n1,5;2,5;3\n").dialect.delimiter, ';');
  EXPECT_EQ(Sniff("a\tb\n1\t2\n").dialect.delimiter, '\t');
}

TEST(CsvSnifferTest, PrefersTheDelimiterOutsideQuotes) {
  CsvSniffResult result = Sniff("name|note\n\"x\"|\"a, b, c\"\n\"y\"|\"d, e\"\n");
  EXPECT_EQ(result.dialect.delimiter, '|');
  EXPECT_EQ(result.names, (std::vector<std::string>{"name", "note"}));
}

TEST(CsvSnifferTest, DetectsSingleQuotesAndBackslashEscapes) {
  EXPECT_EQ(Sniff("a,b\n'x,y',1\n'z,w',2\n").dialect.quote, '\'');
  CsvSniffResult escaped = Sniff("a,b\n\"x\\\"y\",1\n\"p\\\"q, r\",2\n");
  EXPECT_EQ(escaped.dialect.escape, '\\');
}

TEST(CsvSnifferTest, InfersTypesAndHeader) {
  CsvSniffResult result = Sniff(
      "id,amount,ok,day,at,name\n"
      "1,2.5,true,2024-05-01,2024-05-01 10:00:00,alice\n"
      "2,3,false,2024-05-02,2024-05-02 11:00:00,\n");
  EXPECT_TRUE(result.header);
  EXPECT_EQ(result.names, (std::vector<std::string>{"id", "amount", "ok", "day", "at", "name"}));
  EXPECT_EQ(result.types, (std::vector<LogicalType>{TypeId::kBigint, TypeId::kDouble, TypeId::kBoolean, TypeId::kDate,
                                                    LogicalType::Timestamp(3), LogicalType::Varchar()}));
}

TEST(CsvSnifferTest, NoHeaderWhenTheFirstRowFitsTheTypes) {
  CsvSniffResult result = Sniff("1,x\n2,y\n");
  EXPECT_FALSE(result.header);
  EXPECT_EQ(result.names, (std::vector<std::string>{"column0", "column1"}));
  EXPECT_EQ(result.types[0], LogicalType(TypeId::kBigint));
}

TEST(CsvSnifferTest, AllTextColumnsHaveAHeaderWhenTheFirstRowLooksLikeNames) {
  EXPECT_TRUE(Sniff("first,last\nada,lovelace\n").header);
  EXPECT_FALSE(Sniff("x,x\nada,lovelace\n").header);
}

TEST(CsvSnifferTest, NamesEmptyAndDuplicateHeaderFields) {
  CsvSniffResult result = Sniff("a,,a,A\n1,2,3,4\n");
  EXPECT_EQ(result.names, (std::vector<std::string>{"a", "column1", "a_1", "A_2"}));
}

TEST(CsvSnifferTest, UsesGivenOptions) {
  CsvSniffOptions options;
  options.delimiter = ';';
  options.header = false;
  options.skip_rows = 1;
  CsvSniffResult result = Sniff("junk line\nx;1\ny;2\n", options);
  EXPECT_FALSE(result.header);
  EXPECT_EQ(result.dialect.delimiter, ';');
  EXPECT_EQ(result.types, (std::vector<LogicalType>{LogicalType::Varchar(), TypeId::kBigint}));
}

TEST(CsvSnifferTest, NullStringsDoNotDecideTypes) {
  CsvSniffOptions options;
  options.null_strings = {"NA"};
  CsvSniffResult result = Sniff("n\n1\nNA\n3\n", options);
  EXPECT_EQ(result.types[0], LogicalType(TypeId::kBigint));
}

}  // namespace
}  // namespace switchboard
