// Tests of Avro schema parsing and printing.
#include "format/avro/avro_schema.h"

#include <gtest/gtest.h>

namespace switchboard::avro {
namespace {

constexpr const char* kManifestFileSchema = R"({
  "type": "record", "name": "manifest_file", "fields": [
    {"name": "manifest_path", "type": "string", "doc": "Location URI with FS scheme", "field-id": 500},
    {"name": "partitions", "type": ["null", {"type": "array", "items": {
        "type": "record", "name": "r508", "fields": [
          {"name": "contains_null", "type": "boolean", "field-id": 509},
          {"name": "lower_bound", "type": ["null", "bytes"], "default": null, "field-id": 510}]},
      "element-id": 508}], "default": null, "field-id": 507},
    {"name": "ts", "type": {"type": "long", "logicalType": "timestamp-micros", "adjust-to-utc": true}, "field-id": 1},
    {"name": "d", "type": {"type": "fixed", "name": "fixed_9", "size": 9, "logicalType": "decimal", "precision": 20, "scale": 2}, "field-id": 2}
  ]})";

TEST(AvroSchemaTest, ParsesIcebergAttributes) {
  auto schema = ParseAvroSchema(kManifestFileSchema);
  ASSERT_TRUE(schema.ok()) << schema.error().message;
  const AvroNode& root = **schema;
  ASSERT_EQ(root.type, AvroType::kRecord);
  EXPECT_EQ(root.name, "manifest_file");
  ASSERT_EQ(root.fields.size(), 4u);
  EXPECT_EQ(root.fields[0].field_id, 500);
  EXPECT_EQ(root.fields[0].doc, "Location URI with FS scheme");
  const AvroNode& partitions = *root.fields[1].type;
  ASSERT_EQ(partitions.type, AvroType::kUnion);
  EXPECT_EQ(partitions.NullBranch(), 0);
  EXPECT_TRUE(root.fields[1].default_null);
  const AvroNode& array = *partitions.branches[1];
  EXPECT_EQ(array.type, AvroType::kArray);
  EXPECT_EQ(array.element_id, 508);
  EXPECT_EQ(array.items->FindFieldById(510), 1);
  EXPECT_EQ(root.fields[2].type->logical_type, "timestamp-micros");
  EXPECT_TRUE(root.fields[2].type->adjust_to_utc);
  EXPECT_EQ(root.fields[3].type->size, 9);
  EXPECT_EQ(root.fields[3].type->precision, 20);
  EXPECT_EQ(root.fields[3].type->scale, 2);
  EXPECT_EQ(root.FindField("ts"), 2);
  EXPECT_EQ(root.FindField("nope"), -1);
}

TEST(AvroSchemaTest, PrintsJsonThatParsesBackToTheSameSchema) {
  auto schema = ParseAvroSchema(kManifestFileSchema);
  ASSERT_TRUE(schema.ok());
  std::string json = AvroSchemaToJson(**schema);
  auto again = ParseAvroSchema(json);
  ASSERT_TRUE(again.ok()) << again.error().message << "\n" << json;
  EXPECT_EQ(AvroSchemaToJson(**again), json);
  EXPECT_NE(json.find("\"field-id\":509"), std::string::npos);
  EXPECT_NE(json.find("\"element-id\":508"), std::string::npos);
  EXPECT_NE(json.find("\"adjust-to-utc\":true"), std::string::npos);
}

TEST(AvroSchemaTest, ResolvesNamedTypeReferences) {
  auto schema = ParseAvroSchema(R"({"type": "record", "name": "a.outer", "fields": [
      {"name": "x", "type": {"type": "fixed", "name": "md5", "size": 16}},
      {"name": "y", "type": "md5"}, {"name": "z", "type": "a.md5"}]})");
  ASSERT_TRUE(schema.ok()) << schema.error().message;
  EXPECT_EQ((*schema)->fields[1].type, (*schema)->fields[0].type);
  EXPECT_EQ((*schema)->fields[2].type, (*schema)->fields[0].type);
  // A type used twice is printed once and referred to by name afterwards.
  std::string json = AvroSchemaToJson(**schema);
  EXPECT_NE(json.find(R"({"name":"y","type":"a.md5"})"), std::string::npos) << json;
}

TEST(AvroSchemaTest, RejectsMalformedSchemas) {
  const char* bad[] = {
      "",
      "{",
      "42",
      R"("no_such_type")",
      R"({"type": "record", "name": "r"})",
      R"({"type": "record", "fields": []})",
      R"({"type": "record", "name": "r", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "int"}]})",
      R"({"type": "record", "name": "r", "fields": [{"name": "a", "type": "r"}]})",
      R"({"type": "fixed", "name": "f"})",
      R"({"type": "fixed", "name": "f", "size": -1})",
      R"({"type": "array"})",
      R"([])",
      R"(["null", ["int"]])",
      R"({"type": "int", "logicalType": "decimal", "precision": 50})",
      R"({"type": "record", "name": "r", "fields": [{"name": "a", "type": "int", "field-id": "x"}]})",
      R"({"type": "record", "name": "r", "fields": [{"name": "a", "type": "int", "field-id": 99999999999}]})",
  };
  for (const char* json : bad) {
    auto schema = ParseAvroSchema(json);
    EXPECT_FALSE(schema.ok()) << json;
    if (!schema.ok()) {
      EXPECT_EQ(schema.error().code, ErrorCode::kCorruptData) << json;
    }
  }
}

TEST(AvroSchemaTest, RejectsNestingBeyondTheLimit) {
  std::string json;
  for (int i = 0; i < kMaxSchemaDepth + 5; ++i) json += R"({"type": "array", "items": )";
  json += "\"int\"";
  for (int i = 0; i < kMaxSchemaDepth + 5; ++i) json += "}";
  auto schema = ParseAvroSchema(json);
  ASSERT_FALSE(schema.ok());
  EXPECT_NE(schema.error().message.find("nesting"), std::string::npos);
}

}  // namespace
}  // namespace switchboard::avro
