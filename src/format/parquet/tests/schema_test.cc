// Tests for ParquetSchema: type mapping of every physical and logical type, LIST and MAP
// resolution (including the legacy forms), levels, field ids and malformed trees.
#include "format/parquet/schema.h"

#include <gtest/gtest.h>

namespace switchboard::parquet {
namespace {

using Kind = LogicalTypeAnnotation::Kind;

SchemaElement Leaf(std::string name, Type type,
                   FieldRepetitionType repetition = FieldRepetitionType::kOptional) {
  SchemaElement e;
  e.name = std::move(name);
  e.type = type;
  e.repetition_type = repetition;
  return e;
}

SchemaElement Group(std::string name, int children,
                    FieldRepetitionType repetition = FieldRepetitionType::kOptional) {
  SchemaElement e;
  e.name = std::move(name);
  e.num_children = children;
  e.repetition_type = repetition;
  return e;
}

SchemaElement Root(int children) {
  SchemaElement e;
  e.name = "schema";
  e.num_children = children;
  return e;
}

LogicalTypeAnnotation Annotation(Kind kind) {
  LogicalTypeAnnotation a;
  a.kind = kind;
  return a;
}

Result<ParquetSchema> Make(std::vector<SchemaElement> elements, SchemaOptions options = {}) {
  return ParquetSchema::Make(elements, std::nullopt, options);
}

LogicalType TypeOf(SchemaElement leaf, SchemaOptions options = {}) {
  auto schema = Make({Root(1), std::move(leaf)}, options);
  EXPECT_TRUE(schema.ok()) << schema.error().message;
  return schema.ok() ? schema->fields()[0].type : LogicalType();
}

TEST(SchemaTest, MapsIntegerAnnotations) {
  auto integer = [](Type physical, int bits, bool is_signed) {
    SchemaElement e = Leaf("x", physical);
    LogicalTypeAnnotation a = Annotation(Kind::kInteger);
    a.bit_width = static_cast<int8_t>(bits);
    a.is_signed = is_signed;
    e.logical_type = a;
    return TypeOf(e);
  };
  EXPECT_EQ(integer(Type::kInt32, 8, true), LogicalType(TypeId::kTinyint));
  EXPECT_EQ(integer(Type::kInt32, 16, true), LogicalType(TypeId::kSmallint));
  EXPECT_EQ(integer(Type::kInt32, 32, true), LogicalType(TypeId::kInteger));
  EXPECT_EQ(integer(Type::kInt64, 64, true), LogicalType(TypeId::kBigint));
  EXPECT_EQ(integer(Type::kInt32, 8, false), LogicalType(TypeId::kSmallint));
  EXPECT_EQ(integer(Type::kInt32, 16, false), LogicalType(TypeId::kInteger));
  EXPECT_EQ(integer(Type::kInt32, 32, false), LogicalType(TypeId::kBigint));
  EXPECT_EQ(integer(Type::kInt64, 64, false), LogicalType::Decimal(20, 0));
  SchemaElement legacy = Leaf("x", Type::kInt32);
  legacy.converted_type = ConvertedType::kUint16;
  EXPECT_EQ(TypeOf(legacy), LogicalType(TypeId::kInteger));
}

TEST(SchemaTest, MapsDecimalsInEveryStorage) {
  for (Type physical : {Type::kInt32, Type::kInt64, Type::kFixedLenByteArray, Type::kByteArray}) {
    SchemaElement e = Leaf("d", physical);
    if (physical == Type::kFixedLenByteArray) e.type_length = 16;
    LogicalTypeAnnotation a = Annotation(Kind::kDecimal);
    a.precision = 30;
    a.scale = 4;
    e.logical_type = a;
    EXPECT_EQ(TypeOf(e), LogicalType::Decimal(30, 4));
  }
  SchemaElement legacy = Leaf("d", Type::kInt32);
  legacy.converted_type = ConvertedType::kDecimal;
  legacy.precision = 5;
  legacy.scale = 2;
  EXPECT_EQ(TypeOf(legacy), LogicalType::Decimal(5, 2));
}

TEST(SchemaTest, DecimalPrecisionAbove38IsAClearError) {
  SchemaElement e = Leaf("huge", Type::kByteArray);
  LogicalTypeAnnotation a = Annotation(Kind::kDecimal);
  a.precision = 40;
  a.scale = 2;
  e.logical_type = a;
  auto schema = Make({Root(1), e});
  ASSERT_FALSE(schema.ok());
  EXPECT_EQ(schema.error().code, ErrorCode::kNotSupported);
  EXPECT_NE(schema.error().message.find("huge"), std::string::npos);
  EXPECT_NE(schema.error().message.find("DECIMAL(40,2)"), std::string::npos);
}

TEST(SchemaTest, MapsTemporalTypes) {
  auto temporal = [](Type physical, Kind kind, TimeUnit unit, bool utc) {
    SchemaElement e = Leaf("t", physical);
    LogicalTypeAnnotation a = Annotation(kind);
    a.unit = unit;
    a.is_adjusted_to_utc = utc;
    e.logical_type = a;
    return TypeOf(e);
  };
  EXPECT_EQ(temporal(Type::kInt64, Kind::kTimestamp, TimeUnit::kMillis, false),
            LogicalType::Timestamp(3));
  EXPECT_EQ(temporal(Type::kInt64, Kind::kTimestamp, TimeUnit::kMicros, false),
            LogicalType::Timestamp(6));
  EXPECT_EQ(temporal(Type::kInt64, Kind::kTimestamp, TimeUnit::kNanos, false),
            LogicalType::Timestamp(6));
  EXPECT_EQ(temporal(Type::kInt64, Kind::kTimestamp, TimeUnit::kMicros, true),
            LogicalType::TimestampTz(6));
  EXPECT_EQ(temporal(Type::kInt32, Kind::kTime, TimeUnit::kMillis, false), LogicalType::Time(3));
  EXPECT_EQ(temporal(Type::kInt64, Kind::kTime, TimeUnit::kNanos, false), LogicalType::Time(6));
  SchemaElement date = Leaf("d", Type::kInt32);
  date.converted_type = ConvertedType::kDate;
  EXPECT_EQ(TypeOf(date), LogicalType(TypeId::kDate));
  EXPECT_EQ(TypeOf(Leaf("i96", Type::kInt96)), LogicalType::Timestamp(6));
  SchemaElement legacy = Leaf("ts", Type::kInt64);
  legacy.converted_type = ConvertedType::kTimestampMillis;
  EXPECT_EQ(TypeOf(legacy), LogicalType::TimestampTz(3));
}

TEST(SchemaTest, MapsByteArraysAndFixedLengthAnnotations) {
  SchemaElement text = Leaf("s", Type::kByteArray);
  text.converted_type = ConvertedType::kUtf8;
  EXPECT_EQ(TypeOf(text), LogicalType(TypeId::kVarchar));
  SchemaElement json = Leaf("j", Type::kByteArray);
  json.logical_type = Annotation(Kind::kJson);
  EXPECT_EQ(TypeOf(json), LogicalType(TypeId::kJson));
  SchemaElement bson = Leaf("b", Type::kByteArray);
  bson.logical_type = Annotation(Kind::kBson);
  EXPECT_EQ(TypeOf(bson), LogicalType(TypeId::kVarbinary));
  EXPECT_EQ(TypeOf(Leaf("raw", Type::kByteArray)), LogicalType(TypeId::kVarbinary));
  SchemaOptions as_string;
  as_string.binary_as_string = true;
  EXPECT_EQ(TypeOf(Leaf("raw", Type::kByteArray), as_string), LogicalType(TypeId::kVarchar));
  SchemaElement uuid = Leaf("u", Type::kFixedLenByteArray);
  uuid.type_length = 16;
  uuid.logical_type = Annotation(Kind::kUuid);
  EXPECT_EQ(TypeOf(uuid), LogicalType(TypeId::kUuid));
  SchemaElement half = Leaf("h", Type::kFixedLenByteArray);
  half.type_length = 2;
  half.logical_type = Annotation(Kind::kFloat16);
  EXPECT_EQ(TypeOf(half), LogicalType(TypeId::kReal));
  SchemaElement interval = Leaf("iv", Type::kFixedLenByteArray);
  interval.type_length = 12;
  interval.converted_type = ConvertedType::kInterval;
  EXPECT_EQ(TypeOf(interval).ToString(), "row(months integer, days integer, milliseconds integer)");
  SchemaElement geometry = Leaf("g", Type::kByteArray);
  geometry.logical_type = Annotation(Kind::kGeometry);
  EXPECT_EQ(TypeOf(geometry), LogicalType(TypeId::kVarbinary));
  SchemaElement future = Leaf("f", Type::kInt32);
  future.logical_type = Annotation(Kind::kUnrecognized);
  EXPECT_EQ(TypeOf(future), LogicalType(TypeId::kInteger));
}

TEST(SchemaTest, ResolvesStandardAndLegacyLists) {
  // Standard three-level list of optional ints.
  SchemaElement list = Group("a", 1);
  list.converted_type = ConvertedType::kList;
  auto standard = Make({Root(1), list, Group("list", 1, FieldRepetitionType::kRepeated),
                        Leaf("element", Type::kInt32)});
  ASSERT_TRUE(standard.ok()) << standard.error().message;
  const ParquetField& field = standard->fields()[0];
  EXPECT_EQ(field.type, LogicalType::Array(TypeId::kInteger));
  EXPECT_EQ(field.definition_level, 1);
  EXPECT_EQ(field.element_definition_level, 2);
  EXPECT_EQ(standard->leaves()[0].max_definition_level, 3);
  EXPECT_EQ(standard->leaves()[0].max_repetition_level, 1);

  // Two-level: repeated primitive child.
  auto two_level =
      Make({Root(1), list, Leaf("item", Type::kInt32, FieldRepetitionType::kRepeated)});
  ASSERT_TRUE(two_level.ok());
  EXPECT_EQ(two_level->fields()[0].type, LogicalType::Array(TypeId::kInteger));
  EXPECT_EQ(two_level->leaves()[0].max_definition_level, 2);

  // Repeated group named "array" with one field: the group is the element (a struct).
  auto named_array = Make({Root(1), list, Group("array", 1, FieldRepetitionType::kRepeated),
                           Leaf("x", Type::kInt32, FieldRepetitionType::kRequired)});
  ASSERT_TRUE(named_array.ok());
  EXPECT_EQ(named_array->fields()[0].type.ToString(), "array(row(x integer))");

  // Repeated group with two fields: the element is a struct.
  auto pair = Make({Root(1), list, Group("item", 2, FieldRepetitionType::kRepeated),
                    Leaf("x", Type::kInt32), Leaf("y", Type::kInt64)});
  ASSERT_TRUE(pair.ok());
  EXPECT_EQ(pair->fields()[0].type.ToString(), "array(row(x integer, y bigint))");
}

TEST(SchemaTest, ResolvesMapsIncludingLegacyAndKeyOnlyForms) {
  SchemaElement map = Group("m", 1);
  map.converted_type = ConvertedType::kMap;
  SchemaElement key_value = Group("key_value", 2, FieldRepetitionType::kRepeated);
  key_value.converted_type = ConvertedType::kMapKeyValue;
  SchemaElement key = Leaf("key", Type::kByteArray, FieldRepetitionType::kRequired);
  key.converted_type = ConvertedType::kUtf8;
  auto schema = Make({Root(1), map, key_value, key, Leaf("value", Type::kInt32)});
  ASSERT_TRUE(schema.ok()) << schema.error().message;
  EXPECT_EQ(schema->fields()[0].type, LogicalType::Map(TypeId::kVarchar, TypeId::kInteger));
  EXPECT_EQ(schema->leaves()[1].max_definition_level, 3);

  // Only a key: a list of keys.
  SchemaElement keys_only = key_value;
  keys_only.num_children = 1;
  auto keys = Make({Root(1), map, keys_only, key});
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(keys->fields()[0].type, LogicalType::Array(TypeId::kVarchar));
}

TEST(SchemaTest, BareRepeatedFieldsBecomeRequiredArrays) {
  auto schema = Make({Root(2), Leaf("ids", Type::kInt32, FieldRepetitionType::kRepeated),
                      Group("phones", 1, FieldRepetitionType::kRepeated),
                      Leaf("number", Type::kInt64, FieldRepetitionType::kRequired)});
  ASSERT_TRUE(schema.ok()) << schema.error().message;
  EXPECT_EQ(schema->fields()[0].type, LogicalType::Array(TypeId::kInteger));
  EXPECT_FALSE(schema->fields()[0].nullable);
  EXPECT_EQ(schema->fields()[1].type.ToString(), "array(row(number bigint))");
  EXPECT_EQ(schema->leaves()[0].max_definition_level, 1);
}

TEST(SchemaTest, ExposesFieldIdsAndFindsFieldsByName) {
  SchemaElement a = Leaf("Alpha", Type::kInt32);
  a.field_id = 7;
  auto schema = Make({Root(2), a, Leaf("beta", Type::kInt64)});
  ASSERT_TRUE(schema.ok());
  EXPECT_EQ(schema->fields()[0].field_id, 7);
  EXPECT_EQ(schema->leaves()[0].field_id, 7);
  EXPECT_EQ(schema->FindField("Alpha"), 0);
  EXPECT_EQ(schema->FindField("alpha"), 0);
  EXPECT_EQ(schema->FindField("gamma"), -1);
}

TEST(SchemaTest, RejectsMalformedTrees) {
  auto too_many = Make({Root(3), Leaf("a", Type::kInt32)});
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().code, ErrorCode::kCorruptData);
  auto no_type = Make({Root(1), SchemaElement{}});
  EXPECT_FALSE(no_type.ok());
  SchemaElement bad_fixed = Leaf("f", Type::kFixedLenByteArray);
  bad_fixed.type_length = -1;
  EXPECT_FALSE(Make({Root(1), bad_fixed}).ok());
  SchemaElement bad_list = Group("l", 2);
  bad_list.converted_type = ConvertedType::kList;
  EXPECT_FALSE(Make({Root(1), bad_list, Leaf("a", Type::kInt32), Leaf("b", Type::kInt32)}).ok());
  // 100 nested groups exceed the depth limit.
  std::vector<SchemaElement> deep = {Root(1)};
  for (int i = 0; i < 100; ++i) deep.push_back(Group("g", 1));
  deep.push_back(Leaf("x", Type::kInt32));
  auto nested = Make(deep);
  ASSERT_FALSE(nested.ok());
  EXPECT_NE(nested.error().message.find("deeper"), std::string::npos);
  SchemaElement bad_decimal = Leaf("d", Type::kInt32);
  bad_decimal.converted_type = ConvertedType::kDecimal;
  bad_decimal.precision = 4;
  bad_decimal.scale = 6;
  EXPECT_FALSE(Make({Root(1), bad_decimal}).ok());
}

}  // namespace
}  // namespace switchboard::parquet
