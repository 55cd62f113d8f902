// Tests for the JSON functions and the casts between JSON and SQL types.
#include "function/cast.h"
#include "function/tests/function_test_util.h"

namespace switchboard {
namespace {

class JsonFunctionsTest : public FunctionTest {
 protected:
  Value Cast(const Value& value, const LogicalType& to, bool try_cast = false) {
    registry();  // registers the JSON casts
    CastOptions options;
    options.try_cast = try_cast;
    options.query = &query_;
    return CastValue(value, to, options);
  }
};

TEST_F(JsonFunctionsTest, ParseCanonicalizes) {
  EXPECT_VALUE(
      Call("json_parse", {Str(" {\"b\": [1, 2.50, 1e2], \"a\": null, \"c\": \"x\\u00e9\\n\"} ")}),
      Json("{\"a\":null,\"b\":[1,2.5,100.0],\"c\":\"xé\\n\"}"));
  EXPECT_VALUE(Call("json_parse", {Str("{\"k\": 1, \"k\": 2}")}), Json("{\"k\":2}"));
  EXPECT_VALUE(Call("json_parse", {Str("\"text\"")}), Json("\"text\""));
  EXPECT_VALUE(Call("json_parse", {Str("-12345678901234")}), Json("-12345678901234"));
  Error e = CallError("json_parse", {Str("{\"a\": 1")});
  EXPECT_EQ(e.code, ErrorCode::kInvalidJson);
  EXPECT_EQ(CallError("json_parse", {Str("")}).code, ErrorCode::kInvalidJson);
  EXPECT_VALUE(Call("json_format", {Json("[1,{\"a\":2}]")}), Str("[1,{\"a\":2}]"));
}

TEST_F(JsonFunctionsTest, ExtractFollowsThePath) {
  Value doc =
      Str("{\"store\": {\"book\": [{\"title\": \"A\", \"price\": 8.95}, {\"title\": \"B\"}]}, "
          "\"n\": 5}");
  EXPECT_VALUE(Call("json_extract", {doc, Str("$.store.book[0].title")}), Json("\"A\""));
  EXPECT_VALUE(Call("json_extract", {doc, Str("$.store.book[1]")}), Json("{\"title\":\"B\"}"));
  EXPECT_VALUE(Call("json_extract", {doc, Str("$[\"store\"]['book'][0].price")}), Json("8.95"));
  EXPECT_VALUE(Call("json_extract", {doc, Str("$")}), Call("json_parse", {doc}));
  EXPECT_VALUE(Call("json_extract", {doc, Str("$.store.book[*].title")}), Json("[\"A\",\"B\"]"));
  EXPECT_TRUE(Call("json_extract", {doc, Str("$.store.book[5]")}).is_null());
  EXPECT_TRUE(Call("json_extract", {doc, Str("$.missing")}).is_null());
  EXPECT_TRUE(Call("json_extract", {Str("not json"), Str("$")}).is_null());
  EXPECT_VALUE(Call("json_extract", {Json("{\"a\":{\"b\":[10,20]}}"), Str("$.a.b[1]")}),
               Json("20"));
  EXPECT_EQ(CallError("json_extract", {doc, Str("store")}).code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(CallError("json_extract", {doc, Str("$.a[")}).message, "Invalid JSON path: '$.a['");
}

TEST_F(JsonFunctionsTest, ExtractScalarReturnsTextOfScalarsOnly) {
  Value doc =
      Str("{\"agent\": {\"name\": \"Ana\", \"id\": 7, \"rate\": 1.50, \"on\": true, \"x\": null, "
          "\"tags\": [1]}}");
  EXPECT_VALUE(Call("json_extract_scalar", {doc, Str("$.agent.name")}), Str("Ana"));
  EXPECT_VALUE(Call("json_extract_scalar", {doc, Str("$.agent.id")}), Str("7"));
  EXPECT_VALUE(Call("json_extract_scalar", {doc, Str("$.agent.rate")}), Str("1.5"));
  EXPECT_VALUE(Call("json_extract_scalar", {doc, Str("$.agent.on")}), Str("true"));
  EXPECT_TRUE(Call("json_extract_scalar", {doc, Str("$.agent.x")}).is_null());
  EXPECT_TRUE(Call("json_extract_scalar", {doc, Str("$.agent.tags")}).is_null());
  EXPECT_TRUE(Call("json_extract_scalar", {doc, Str("$.agent")}).is_null());
}

TEST_F(JsonFunctionsTest, ArraysAndSizes) {
  EXPECT_VALUE(Call("json_array_length", {Str("[1, 2, 3]")}), Big(3));
  EXPECT_TRUE(Call("json_array_length", {Str("{\"a\": 1}")}).is_null());
  EXPECT_TRUE(Call("json_array_length", {Str("[1, 2")}).is_null());
  EXPECT_VALUE(Call("json_array_get", {Str("[\"a\", [3, 9], \"c\"]"), Big(1)}), Json("[3,9]"));
  EXPECT_VALUE(Call("json_array_get", {Str("[\"a\", [3, 9], \"c\"]"), Big(-1)}), Json("\"c\""));
  EXPECT_TRUE(Call("json_array_get", {Str("[1]"), Big(1)}).is_null());
  EXPECT_TRUE(Call("json_array_get", {Str("[1]"), Big(-2)}).is_null());
  EXPECT_VALUE(Call("json_array_contains", {Str("[1, 2, 3]"), Big(2)}), Bool(true));
  EXPECT_VALUE(Call("json_array_contains", {Str("[1, 2.5]"), Dbl(2.5)}), Bool(true));
  EXPECT_VALUE(Call("json_array_contains", {Str("[\"a\", true]"), Str("a")}), Bool(true));
  EXPECT_VALUE(Call("json_array_contains", {Str("[\"a\", true]"), Bool(false)}), Bool(false));
  EXPECT_TRUE(Call("json_array_contains", {Str("{}"), Big(1)}).is_null());
  EXPECT_VALUE(Call("json_size", {Str("{\"x\": {\"a\": 1, \"b\": 2}}"), Str("$.x")}), Big(2));
  EXPECT_VALUE(Call("json_size", {Str("{\"x\": [1, 2, 3]}"), Str("$.x")}), Big(3));
  EXPECT_VALUE(Call("json_size", {Str("{\"x\": 5}"), Str("$.x")}), Big(0));
  EXPECT_TRUE(Call("json_size", {Str("{\"x\": 5}"), Str("$.y")}).is_null());
  EXPECT_VALUE(Call("is_json_scalar", {Str("1")}), Bool(true));
  EXPECT_VALUE(Call("is_json_scalar", {Json("[1]")}), Bool(false));
  EXPECT_EQ(CallError("is_json_scalar", {Str("{")}).code, ErrorCode::kInvalidJson);
  EXPECT_VALUE(Call("json_object_keys", {Str("{\"b\": 1, \"a\": {\"c\": 2}}")}),
               StrArray({"b", "a"}));
  EXPECT_VALUE(Call("json_object_keys", {Json("{\"a\":1,\"b\":2}")}), StrArray({"a", "b"}));
  EXPECT_VALUE(Call("json_object_keys", {Str("{}")}), StrArray({}));
  EXPECT_TRUE(Call("json_object_keys", {Str("[1]")}).is_null());
  EXPECT_TRUE(Call("json_object_keys", {Str("{")}).is_null());
  EXPECT_TRUE(Call("json_object_keys", {Value::Null(LogicalType::Varchar())}).is_null());
}

TEST_F(JsonFunctionsTest, RedshiftExtractPathText) {
  Value doc =
      Str("{\"f2\":{\"f3\":1},\"f4\":{\"f5\":99,\"f6\":\"star\"},\"arr\":[10,{\"k\":\"v\"}]}");
  EXPECT_VALUE(Call("json_extract_path_text", {doc, Str("f4"), Str("f6")}), Str("star"));
  EXPECT_VALUE(Call("json_extract_path_text", {doc, Str("f2")}), Str("{\"f3\":1}"));
  EXPECT_VALUE(Call("json_extract_path_text", {doc, Str("arr"), Str("1"), Str("k")}), Str("v"));
  EXPECT_TRUE(Call("json_extract_path_text", {doc, Str("f9")}).is_null());
  EXPECT_EQ(CallError("json_extract_path_text", {Str("{bad"), Str("a")}).code,
            ErrorCode::kInvalidJson);
  EXPECT_TRUE(Call("json_extract_path_text", {Str("{bad"), Str("a"), Bool(true)}).is_null());
}

TEST_F(JsonFunctionsTest, CastsSqlValuesToJson) {
  EXPECT_VALUE(Cast(Str("abc\"d"), TypeId::kJson), Json("\"abc\\\"d\""));
  EXPECT_VALUE(Cast(Int(5), TypeId::kJson), Json("5"));
  EXPECT_VALUE(Cast(Dec("1.50", 3, 2), TypeId::kJson), Json("1.50"));
  EXPECT_VALUE(Cast(Dbl(2.0), TypeId::kJson), Json("2.0"));
  EXPECT_VALUE(Cast(Bool(true), TypeId::kJson), Json("true"));
  EXPECT_VALUE(Cast(ArrayOf(TypeId::kInteger, {Int(1), NullOf(TypeId::kInteger)}), TypeId::kJson),
               Json("[1,null]"));
  Value map = Value::Map(LogicalType::Varchar(), TypeId::kInteger,
                         {{Str("b"), Int(1)}, {Str("a"), Int(2)}});
  EXPECT_VALUE(Cast(map, TypeId::kJson), Json("{\"a\":2,\"b\":1}"));
  LogicalType named =
      LogicalType::Row({{"name", LogicalType::Varchar()}, {"id", TypeId::kInteger}});
  EXPECT_VALUE(Cast(Value::Row(named, {Str("Ana"), Int(7)}), TypeId::kJson),
               Json("{\"id\":7,\"name\":\"Ana\"}"));
  LogicalType anonymous = LogicalType::Row({{"", TypeId::kInteger}, {"", LogicalType::Varchar()}});
  EXPECT_VALUE(Cast(Value::Row(anonymous, {Int(1), Str("x")}), TypeId::kJson), Json("[1,\"x\"]"));
  EXPECT_VALUE(Cast(DateOf("2024-06-15"), TypeId::kJson), Json("\"2024-06-15\""));
}

TEST_F(JsonFunctionsTest, CastsJsonToSqlValues) {
  EXPECT_VALUE(Cast(Json("\"abc\""), LogicalType::Varchar()), Str("abc"));
  EXPECT_VALUE(Cast(Json("12"), LogicalType::Varchar()), Str("12"));
  EXPECT_VALUE(Cast(Json("1.5"), TypeId::kDouble), Dbl(1.5));
  EXPECT_VALUE(Cast(Json("\"42\""), TypeId::kBigint), Big(42));
  EXPECT_VALUE(Cast(Json("2.5"), TypeId::kInteger), Int(3));
  EXPECT_VALUE(Cast(Json("true"), TypeId::kInteger), Int(1));
  EXPECT_VALUE(Cast(Json("0.1"), LogicalType::Decimal(5, 2)), Dec("0.10", 5, 2));
  EXPECT_TRUE(Cast(Json("null"), TypeId::kInteger).is_null());
  EXPECT_VALUE(Cast(Json("[1,2,null]"), LogicalType::Array(TypeId::kBigint)),
               ArrayOf(TypeId::kBigint, {Big(1), Big(2), NullOf(TypeId::kBigint)}));
  Value contacts =
      Call("json_extract", {Str("{\"contacts\": [{\"id\": 1}, \"x\", [2]]}"), Str("$.contacts")});
  EXPECT_VALUE(Cast(contacts, LogicalType::Array(TypeId::kJson)),
               ArrayOf(TypeId::kJson, {Json("{\"id\":1}"), Json("\"x\""), Json("[2]")}));
  EXPECT_VALUE(
      Cast(Json("{\"a\":2,\"b\":1}"), LogicalType::Map(LogicalType::Varchar(), TypeId::kInteger)),
      Value::Map(LogicalType::Varchar(), TypeId::kInteger,
                 {{Str("a"), Int(2)}, {Str("b"), Int(1)}}));
  LogicalType row = LogicalType::Row({{"id", TypeId::kInteger}, {"name", LogicalType::Varchar()}});
  EXPECT_VALUE(Cast(Json("{\"NAME\":\"Ana\",\"id\":7}"), row),
               Value::Row(row, {Int(7), Str("Ana")}));
  EXPECT_VALUE(Cast(Json("[8,\"Bo\"]"), row), Value::Row(row, {Int(8), Str("Bo")}));
  EXPECT_VALUE(Cast(Json("{\"id\":9}"), row),
               Value::Row(row, {Int(9), NullOf(LogicalType::Varchar())}));
  EXPECT_ERROR_CODE(Cast(Json("[1]"), LogicalType::Varchar()), kInvalidCast);
  EXPECT_ERROR_CODE(Cast(Json("{\"a\":1}"), LogicalType::Array(TypeId::kInteger)), kInvalidCast);
  EXPECT_ERROR_CODE(Cast(Json("300"), TypeId::kTinyint), kInvalidCast);
  EXPECT_TRUE(Cast(Json("\"x\""), TypeId::kInteger, true).is_null());
}

TEST_F(JsonFunctionsTest, JsonRoundTripsThroughNestedTypes) {
  LogicalType type = LogicalType::Array(
      LogicalType::Map(LogicalType::Varchar(), LogicalType::Array(TypeId::kDouble)));
  Value json = Json("[{\"a\":[1.5,2.0]},{},{\"z\":null}]");
  Value sql = Cast(json, type);
  EXPECT_VALUE(Cast(sql, TypeId::kJson), json);
}

}  // namespace
}  // namespace switchboard
