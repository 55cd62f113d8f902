// Tests of partition transforms against the Iceberg specification's examples and hash vectors.
#include "table/iceberg/transform.h"

#include <gtest/gtest.h>

#include "table/iceberg/value_codec.h"
#include "types/datetime.h"

namespace switchboard::iceberg {
namespace {

TypePtr T(TypeKind kind) { return Type::Primitive(kind); }

int64_t Micros(const char* text) { return Timestamp::Parse(text)->micros; }

TEST(TransformTest, BucketHashesMatchTheSpecificationVectors) {
  EXPECT_EQ(BucketHash(Value::Integer(34), *T(TypeKind::kInt)), 2017239379);
  EXPECT_EQ(BucketHash(Value::Bigint(34), *T(TypeKind::kLong)), 2017239379);
  EXPECT_EQ(BucketHash(Value::Decimal(1420, 4, 2), *Type::Decimal(4, 2)), -500754589);
  EXPECT_EQ(BucketHash(Value::Date(*Date::Parse("2017-11-16")), *T(TypeKind::kDate)), -653330422);
  EXPECT_EQ(BucketHash(Value::Time(*Time::Parse("22:31:08"), 6), *T(TypeKind::kTime)), -662762989);
  EXPECT_EQ(BucketHash(Value::Timestamp(Micros("2017-11-16 22:31:08"), 6), *T(TypeKind::kTimestamp)), -2047944441);
  EXPECT_EQ(BucketHash(Value::Timestamp(Micros("2017-11-16 22:31:08.000001"), 6), *T(TypeKind::kTimestamp)),
            -1207196810);
  TimestampTz pst = Timestamp::FromLocal(Micros("2017-11-16 14:31:08"), *Timestamp::Parse("2017-11-16 14:31:08-08:00")->zone);
  EXPECT_EQ(BucketHash(Value::TimestampWithZone(pst, 6), *T(TypeKind::kTimestampTz)), -2047944441);
  EXPECT_EQ(BucketHash(Value::Varchar("iceberg"), *T(TypeKind::kString)), 1210000089);
  EXPECT_EQ(BucketHash(Value::Uuid(*ParseUuid("f79c3e09-677c-4bbd-a479-3f349cb785e7")), *T(TypeKind::kUuid)),
            1488055340);
  EXPECT_EQ(BucketHash(Value::Varbinary(std::string("\x00\x01\x02\x03", 4)), *T(TypeKind::kBinary)), -188683207);
  EXPECT_EQ(BucketHash(Value::Varbinary(std::string("\x00\x01\x02\x03", 4)), *Type::Fixed(4)), -188683207);
}

TEST(TransformTest, BucketTakesTheHashWithoutItsSignModuloN) {
  Transform bucket = Transform::Parse("bucket[16]");
  ASSERT_EQ(bucket.kind, Transform::Kind::kBucket);
  EXPECT_EQ(bucket.Apply(Value::Integer(34), *T(TypeKind::kInt)), Value::Integer((2017239379 & INT32_MAX) % 16));
  // A negative hash: "iceberg" hashes positive, 14.20 negative.
  EXPECT_EQ(bucket.Apply(Value::Decimal(1420, 4, 2), *Type::Decimal(4, 2)),
            Value::Integer((-500754589 & INT32_MAX) % 16));
  EXPECT_TRUE(bucket.Apply(Value::Null(LogicalType(TypeId::kInteger)), *T(TypeKind::kInt)).is_null());
}

TEST(TransformTest, TruncateFollowsTheSpecificationExamples) {
  Transform truncate10 = Transform::Parse("truncate[10]");
  EXPECT_EQ(truncate10.Apply(Value::Integer(1), *T(TypeKind::kInt)), Value::Integer(0));
  EXPECT_EQ(truncate10.Apply(Value::Integer(-1), *T(TypeKind::kInt)), Value::Integer(-10));
  EXPECT_EQ(truncate10.Apply(Value::Bigint(-1), *T(TypeKind::kLong)), Value::Bigint(-10));
  Transform truncate50 = Transform::Parse("truncate[50]");
  EXPECT_EQ(truncate50.Apply(Value::Decimal(1065, 4, 2), *Type::Decimal(4, 2)), Value::Decimal(1050, 4, 2));
  Transform truncate3 = Transform::Parse("truncate[3]");
  EXPECT_EQ(truncate3.Apply(Value::Varchar("iceberg"), *T(TypeKind::kString)), Value::Varchar("ice"));
  EXPECT_EQ(truncate3.Apply(Value::Varbinary("\x01\x02\x03\x04\x05"), *T(TypeKind::kBinary)),
            Value::Varbinary("\x01\x02\x03"));
  // Strings are cut at code points, not bytes.
  EXPECT_EQ(Transform::Parse("truncate[2]").Apply(Value::Varchar("\xc3\xa9t\xc3\xa9"), *T(TypeKind::kString)),
            Value::Varchar("\xc3\xa9t"));
}

TEST(TransformTest, TimeTransformsCountFromTheEpoch) {
  Value ts = Value::Timestamp(Micros("2017-11-16 22:31:08"), 6);
  EXPECT_EQ(Transform::Parse("year").Apply(ts, *T(TypeKind::kTimestamp)), Value::Integer(47));
  EXPECT_EQ(Transform::Parse("month").Apply(ts, *T(TypeKind::kTimestamp)), Value::Integer(47 * 12 + 10));
  EXPECT_EQ(Transform::Parse("day").Apply(ts, *T(TypeKind::kTimestamp)), Value::Date(*Date::Parse("2017-11-16")));
  EXPECT_EQ(Transform::Parse("hour").Apply(ts, *T(TypeKind::kTimestamp)),
            Value::Integer(static_cast<int32_t>(Micros("2017-11-16 22:00:00") / kMicrosPerHour)));
  // Before 1970 values round down.
  Value before = Value::Timestamp(Micros("1969-12-31 23:59:59"), 6);
  EXPECT_EQ(Transform::Parse("year").Apply(before, *T(TypeKind::kTimestamp)), Value::Integer(-1));
  EXPECT_EQ(Transform::Parse("month").Apply(before, *T(TypeKind::kTimestamp)), Value::Integer(-1));
  EXPECT_EQ(Transform::Parse("hour").Apply(before, *T(TypeKind::kTimestamp)), Value::Integer(-1));
  EXPECT_EQ(Transform::Parse("day").Apply(Value::Date(-1), *T(TypeKind::kDate)), Value::Date(-1));
}

TEST(TransformTest, HumanStringsMatchIcebergPartitionPaths) {
  Value ts = Value::Timestamp(Micros("2024-03-01 10:15:00"), 6);
  auto human = [](const char* transform, const Value& v, TypePtr source) {
    Transform t = Transform::Parse(transform);
    TypePtr result = t.ResultType(source).ValueOrThrow();
    return t.HumanString(t.Apply(v, *source), *result);
  };
  EXPECT_EQ(human("day", ts, T(TypeKind::kTimestamp)), "2024-03-01");
  EXPECT_EQ(human("month", ts, T(TypeKind::kTimestamp)), "2024-03");
  EXPECT_EQ(human("year", ts, T(TypeKind::kTimestamp)), "2024");
  EXPECT_EQ(human("hour", ts, T(TypeKind::kTimestamp)), "2024-03-01-10");
  EXPECT_EQ(human("identity", Value::Varbinary("\x01\x02\x03"), T(TypeKind::kBinary)), "AQID");
  EXPECT_EQ(human("identity", Value::Decimal(123, 4, 2), Type::Decimal(4, 2)), "1.23");
  EXPECT_EQ(Transform::Identity().HumanString(Value::Null(LogicalType(TypeId::kInteger)), *T(TypeKind::kInt)), "null");
}

TEST(TransformTest, ResultTypesAndInvalidSources) {
  EXPECT_EQ(Transform::Parse("day").ResultType(T(TypeKind::kTimestampTz)).ValueOrThrow()->kind, TypeKind::kDate);
  EXPECT_EQ(Transform::Parse("bucket[4]").ResultType(T(TypeKind::kString)).ValueOrThrow()->kind, TypeKind::kInt);
  EXPECT_FALSE(Transform::Parse("day").ResultType(T(TypeKind::kString)).ok());
  EXPECT_FALSE(Transform::Parse("hour").ResultType(T(TypeKind::kDate)).ok());
  EXPECT_FALSE(Transform::Parse("bucket[4]").ResultType(T(TypeKind::kDouble)).ok());
  EXPECT_EQ(Transform::Parse("zorder").kind, Transform::Kind::kUnknown);
  EXPECT_EQ(Transform::Parse("bucket[0]").kind, Transform::Kind::kUnknown);
  EXPECT_EQ(Transform::Parse("Truncate[7]").ToString(), "truncate[7]");
}

TEST(TransformTest, VectorApplicationMatchesValueApplication) {
  Transform bucket = Transform::Parse("bucket[7]");
  Vector input(LogicalType::Varchar(), 4);
  const char* words[] = {"a", "a much longer string than twelve bytes", "", "iceberg"};
  for (int i = 0; i < 4; ++i) input.SetValue(static_cast<idx_t>(i), Value::Varchar(words[i]));
  input.SetNull(2);
  Vector output(LogicalType(TypeId::kInteger), 4);
  bucket.Apply(input, 4, *T(TypeKind::kString), output);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(output.GetValue(static_cast<idx_t>(i)),
              bucket.Apply(input.GetValue(static_cast<idx_t>(i)), *T(TypeKind::kString)))
        << i;
  }
}

}  // namespace
}  // namespace switchboard::iceberg
