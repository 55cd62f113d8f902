// Tests of table metadata parsing (every metadata file in the shared corpus, malformed input)
// and writing (round trips).
#include "table/iceberg/table_metadata.h"

#include <gtest/gtest.h>

#include "common/string_util.h"

#include "table/iceberg/tests/iceberg_test_util.h"

namespace switchboard::iceberg {
namespace {

std::vector<std::string> CorpusMetadataFiles() {
  std::vector<std::string> files;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(IcebergTestData(), error);
       it != std::filesystem::recursive_directory_iterator(); ++it) {
    std::string path = it->path().string();
    if (EndsWith(path, ".metadata.json")) files.push_back(path);
  }
  return files;
}

TEST(TableMetadataTest, ParsesEveryMetadataFileOfTheCorpusAndRoundTripsIt) {
  std::vector<std::string> files = CorpusMetadataFiles();
  ASSERT_FALSE(files.empty()) << "the shared Iceberg corpus is missing: " << IcebergTestData();
  for (const std::string& path : files) {
    Result<TableMetadata> metadata = ParseTableMetadata(ReadTestFile(path), path);
    ASSERT_TRUE(metadata.ok()) << metadata.error().message;
    std::string json = SerializeTableMetadata(*metadata);
    Result<TableMetadata> again = ParseTableMetadata(json, "round trip");
    ASSERT_TRUE(again.ok()) << path << ": " << again.error().message << "\n" << json;
    EXPECT_EQ(SerializeTableMetadata(*again), json) << path;
    EXPECT_EQ(again->snapshots.size(), metadata->snapshots.size());
    EXPECT_EQ(again->CurrentSchema()->fields().size(), metadata->CurrentSchema()->fields().size());
  }
}

TEST(TableMetadataTest, ReadsV1DeprecatedFieldsAndGzip) {
  std::string text = ReadTestFile(IcebergTestData() + "/iceberg/lineitem_iceberg_gz/metadata/v2.gz.metadata.json");
  ASSERT_FALSE(text.empty()) << "the shared Iceberg corpus is missing: " << IcebergTestData();
  auto v1 = ParseTableMetadata(text, "gz");
  ASSERT_TRUE(v1.ok()) << v1.error().message;
  EXPECT_EQ(v1->format_version, 1);
  EXPECT_EQ(v1->location, "./lineitem_iceberg_gz");
  ASSERT_TRUE(v1->CurrentSnapshot());
  EXPECT_FALSE(v1->CurrentSnapshot()->manifest_list.empty());
}

TEST(TableMetadataTest, ParsesDefaultsOfEveryPrimitiveType) {
  std::string dir = IcebergTestData() + "/add_columns_with_defaults/default.db/add_columns_with_defaults/metadata/";
  std::string text = ReadTestFile(dir + "00003-3f1801a5-7dfb-4072-b14a-39cd12f9279b.metadata.json");
  ASSERT_FALSE(text.empty()) << "the shared Iceberg corpus is missing: " << dir;
  auto metadata = ParseTableMetadata(text, "x");
  ASSERT_TRUE(metadata.ok()) << metadata.error().message;
  const Schema& schema = *metadata->CurrentSchema();
  auto default_of = [&](const char* name) { return schema.FindTopLevel(name)->initial_default->ToString(); };
  EXPECT_EQ(default_of("col_boolean"), "true");
  EXPECT_EQ(default_of("col_long"), "-9223372036854775808");
  EXPECT_EQ(default_of("col_decimal"), "12345.00");
  EXPECT_EQ(default_of("col_date"), "2003-10-20");
  EXPECT_EQ(default_of("col_uuid"), "f79c3e09-677c-4bbd-a479-3f349cb785e7");
  EXPECT_EQ(schema.FindTopLevel("col_fixed")->initial_default->GetString(), std::string("\x01\x02\x03\xff\x03", 5));
  EXPECT_EQ(schema.FindTopLevel("col_timestamptz")->initial_default->GetTimestampTz().micros, 12345);
}

TEST(TableMetadataTest, RejectsMalformedMetadataWithClearErrors) {
  struct Case {
    const char* json;
    const char* message;
  };
  const Case cases[] = {
      {"", "not valid JSON"},
      {"[]", "not a JSON object"},
      {R"j({"format-version": 2})j", "\"location\" is missing"},
      {R"j({"format-version": 9, "location": "x"})j", "version 9 is not supported"},
      {R"j({"format-version": "2", "location": "x"})j", "expected an integer"},
      {R"j({"format-version": 2, "location": "x", "schemas": [], "current-schema-id": 0})j", "current schema 0"},
      {R"j({"format-version": 2, "location": "x", "current-schema-id": 0, "schemas": [{"type": "struct", "schema-id": 0,
          "fields": [{"id": 1, "name": "a", "required": true, "type": "decimal(99, 2)"}]}]})j", "Unknown Iceberg type"},
      {R"j({"format-version": 2, "location": "x", "current-schema-id": 0, "schemas": [{"type": "struct", "schema-id": 0,
          "fields": [{"id": 1, "name": "a", "type": "int"}, {"id": 1, "name": "b", "type": "int"}]}]})j", "field id 1 twice"},
      {R"j({"format-version": 2, "location": "x", "current-schema-id": 0, "schemas": [{"type": "struct", "schema-id": 0,
          "fields": []}], "partition-specs": [{"spec-id": 0, "fields": []}], "default-spec-id": 0,
          "current-snapshot-id": 5, "snapshots": []})j", "current snapshot 5"},
      {R"j({"format-version": 2, "location": "x", "current-schema-id": 0, "schemas": [{"type": "struct", "schema-id": 0,
          "fields": [{"id": 1, "name": "a", "type": "int", "initial-default": "seven"}]}]})j", "is not a int value"},
  };
  for (const Case& c : cases) {
    auto metadata = ParseTableMetadata(c.json, "m.json");
    ASSERT_FALSE(metadata.ok()) << c.json;
    EXPECT_NE(metadata.error().message.find(c.message), std::string::npos) << metadata.error().message;
    EXPECT_NE(metadata.error().message.find("m.json"), std::string::npos) << metadata.error().message;
  }
  EXPECT_FALSE(ParseTableMetadata(std::string("\x1f\x8b garbage", 10), "g").ok());
}

TEST(TableMetadataTest, GzipRoundTrips) {
  std::string text(100000, 'x');
  auto back = Gunzip(Gzip(text), 1 << 20);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, text);
  EXPECT_FALSE(Gunzip(Gzip(text), 1000).ok());
}

TEST(TableMetadataTest, NameMappingsParse) {
  auto mapping = ParseNameMapping(R"([{"field-id": 1, "names": ["id", "record_id"]},
      {"names": ["dropped"]}, {"field-id": 3, "names": ["location"], "fields": [{"field-id": 4, "names": ["lat"]}]}])");
  ASSERT_TRUE(mapping.ok()) << mapping.error().message;
  EXPECT_EQ(NameMapping::Find(mapping->fields, "record_id"), 1);
  EXPECT_EQ(NameMapping::Find(mapping->fields, "dropped"), std::nullopt);
  EXPECT_EQ(NameMapping::Find(mapping->fields, "lat"), std::nullopt);
  EXPECT_EQ(NameMapping::Find(mapping->fields[2].fields, "lat"), 4);
  EXPECT_FALSE(ParseNameMapping("{}").ok());
  EXPECT_FALSE(ParseNameMapping("[{\"field-id\": \"x\"}]").ok());
  auto wrapped = ParseNameMapping(R"({"type": "struct", "fields": [{"field-id": 7, "names": ["a"]}]})");
  ASSERT_TRUE(wrapped.ok()) << wrapped.error().message;
  EXPECT_EQ(NameMapping::Find(wrapped->fields, "a"), 7);
}

}  // namespace
}  // namespace switchboard::iceberg
