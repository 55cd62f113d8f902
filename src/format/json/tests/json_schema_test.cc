// Tests for JsonSchemaBuilder: the types inferred from sampled values.
#include "format/json/json_schema.h"

#include <gtest/gtest.h>

namespace switchboard {
namespace {

std::pair<std::vector<std::string>, std::vector<std::string>> Infer(std::vector<std::string> values,
                                                                    size_t map_threshold = 200) {
  JsonSchemaBuilder builder(map_threshold);
  for (const auto& v : values) EXPECT_TRUE(builder.Add(v).ok()) << v;
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  builder.Resolve(names, types);
  std::vector<std::string> type_names;
  for (const auto& t : types) type_names.push_back(t.ToString());
  return {names, type_names};
}

TEST(JsonSchemaTest, InfersColumnsFromObjectKeysInFirstSeenOrder) {
  auto [names, types] = Infer({"{\"id\": 1, \"score\": 2}", "{\"score\": 2.5, \"ok\": true, \"Id\": 3}"});
  EXPECT_EQ(names, (std::vector<std::string>{"id", "score", "ok"}));
  EXPECT_EQ(types, (std::vector<std::string>{"bigint", "double", "boolean"}));
}

TEST(JsonSchemaTest, DetectsIso8601Strings) {
  auto [names, types] = Infer({"{\"d\": \"2024-05-01\", \"t\": \"2024-05-01T10:00:00Z\", \"l\": \"2024-05-01 10:00:00\", "
                               "\"n\": \"123\", \"s\": \"hello\"}"});
  EXPECT_EQ(types, (std::vector<std::string>{"date", "timestamp(3) with time zone", "timestamp(3)", "varchar", "varchar"}));
}

TEST(JsonSchemaTest, NestedObjectsAndArrays) {
  auto [names, types] = Infer({"{\"agent\": {\"id\": 7, \"tags\": [\"a\"]}, \"queues\": [1, 2]}",
                               "{\"agent\": {\"name\": \"x\"}, \"queues\": []}"});
  EXPECT_EQ(types, (std::vector<std::string>{"row(id bigint, tags array(varchar), name varchar)", "array(bigint)"}));
}

TEST(JsonSchemaTest, MixedKindsBecomeVarcharOrJson) {
  auto [names, types] = Infer({"{\"a\": 1, \"b\": {\"x\": 1}, \"c\": null}", "{\"a\": \"x\", \"b\": 5}"});
  EXPECT_EQ(types, (std::vector<std::string>{"varchar", "json", "varchar"}));
}

TEST(JsonSchemaTest, ManyKeysBecomeAMap) {
  auto [names, types] = Infer({"{\"m\": {\"a\": 1, \"b\": 2, \"c\": 3}}"}, 2);
  EXPECT_EQ(types, (std::vector<std::string>{"map(varchar, json)"}));
}

TEST(JsonSchemaTest, ValuesThatAreNotObjectsMakeOneColumn) {
  auto [names, types] = Infer({"[1, 2]", "[3]"});
  EXPECT_EQ(names, (std::vector<std::string>{"json"}));
  EXPECT_EQ(types, (std::vector<std::string>{"array(bigint)"}));
}

TEST(JsonSchemaTest, InvalidJsonIsReported) {
  JsonSchemaBuilder builder;
  EXPECT_FALSE(builder.Add("{\"a\": }").ok());
}

}  // namespace
}  // namespace switchboard
