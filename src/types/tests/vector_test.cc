// Tests for Vector kinds, slicing, flattening and row copies, including nested types.
#include <gtest/gtest.h>

#include "types/data_chunk.h"
#include "types/value.h"

namespace switchboard {
namespace {

Vector IntegerVector(std::initializer_list<std::optional<int32_t>> values) {
  Vector v(TypeId::kInteger);
  idx_t i = 0;
  for (auto value : values) {
    v.SetValue(i++, value ? Value::Integer(*value) : Value::Null(TypeId::kInteger));
  }
  return v;
}

TEST(VectorTest, SliceMakesADictionaryWithoutCopying) {
  Vector v = IntegerVector({10, std::nullopt, 30, 40});
  SelectionVector sel(2);
  sel.set_index(0, 3);
  sel.set_index(1, 1);
  v.Slice(sel, 2);
  EXPECT_EQ(v.kind(), VectorKind::kDictionary);
  EXPECT_EQ(v.GetValue(0), Value::Integer(40));
  EXPECT_TRUE(v.GetValue(1).is_null());
  UnifiedFormat format;
  v.ToUnifiedFormat(2, format);
  EXPECT_EQ(format.GetData<int32_t>()[format.sel->get_index(0)], 40);
  EXPECT_FALSE(format.RowIsValid(1));
}

TEST(VectorTest, SlicesComposeAndFlattenGathers) {
  Vector v = IntegerVector({1, 2, 3, 4, 5});
  SelectionVector first(3);
  for (idx_t i = 0; i < 3; ++i) first.set_index(i, 4 - i);  // 5, 4, 3
  v.Slice(first, 3);
  SelectionVector second(1);
  second.set_index(0, 2);  // -> 3
  v.Slice(second, 1);
  v.Flatten(1);
  EXPECT_TRUE(v.IsFlat());
  EXPECT_EQ(v.data<int32_t>()[0], 3);
}

TEST(VectorTest, ConstantsFlattenToEveryRow) {
  Vector v = Vector::Constant(Value::Varchar("a string longer than twelve"));
  v.Flatten(5);
  for (idx_t i = 0; i < 5; ++i) EXPECT_EQ(v.GetValue(i), Value::Varchar("a string longer than twelve"));
  Vector null = Vector::ConstantNull(TypeId::kBigint);
  EXPECT_TRUE(null.IsNullConstant());
  null.Flatten(3);
  EXPECT_TRUE(null.GetValue(2).is_null());
}

TEST(VectorTest, NestedValuesRoundTripThroughSetAndGet) {
  auto row_type = LogicalType::Row({{"id", TypeId::kVarchar}, {"qty", TypeId::kInteger}});
  auto type = LogicalType::Array(row_type);
  Vector v(type, 4);
  Value first = Value::Array(row_type, {Value::Row(row_type, {Value::Varchar("PROD-01-long-name"),
                                                              Value::Integer(2)}),
                                        Value::Row(row_type, {Value::Varchar("P2"), Value::Null(TypeId::kInteger)})});
  Value empty = Value::Array(row_type, {});
  v.SetValue(0, first);
  v.SetValue(1, Value::Null(type));
  v.SetValue(2, empty);
  EXPECT_EQ(v.GetValue(0), first);
  EXPECT_TRUE(v.GetValue(1).is_null());
  EXPECT_EQ(v.GetValue(2), empty);
}

TEST(VectorTest, ListChildrenGrowBeyondTheirFirstCapacity) {
  auto type = LogicalType::Array(TypeId::kVarchar);
  Vector v(type, 2);
  std::vector<Value> many;
  for (int i = 0; i < 100; ++i) many.push_back(Value::Varchar("element number " + std::to_string(i)));
  v.SetValue(0, Value::Array(TypeId::kVarchar, many));
  v.SetValue(1, Value::Array(TypeId::kVarchar, {Value::Varchar("last")}));
  EXPECT_EQ(v.GetValue(0).children().size(), 100u);
  EXPECT_EQ(v.GetValue(0).children()[99], Value::Varchar("element number 99"));
  EXPECT_EQ(v.GetValue(1).children()[0], Value::Varchar("last"));
}

TEST(VectorTest, CopyRowsDeepCopiesStringsAndNestedValuesFromAnyKind) {
  auto map_type = LogicalType::Map(TypeId::kVarchar, TypeId::kVarchar);
  Vector source(map_type);
  Value chicago = Value::Map(TypeId::kVarchar, TypeId::kVarchar,
                             {{Value::Varchar("city"), Value::Varchar("Chicago, Illinois, USA")}});
  source.SetValue(0, chicago);
  source.SetValue(1, Value::Null(map_type));
  SelectionVector reversed(2);
  reversed.set_index(0, 1);
  reversed.set_index(1, 0);
  source.Slice(reversed, 2);

  Vector target(map_type);
  target.CopyRows(source, SelectionVector(), 2, 3);
  source = Vector();  // the copy must not depend on the source
  EXPECT_TRUE(target.GetValue(3).is_null());
  EXPECT_EQ(target.GetValue(4), chicago);
}

TEST(VectorTest, SetNullOnARowAlsoNullsItsFields) {
  auto row_type = LogicalType::Row({{"name", TypeId::kVarchar}, {"qty", TypeId::kInteger}});
  Vector rows(row_type);
  rows.SetValue(
      0, Value::Row(row_type, {Value::Varchar("a value longer than inline"), Value::Integer(1)}));
  rows.SetNull(0);
  EXPECT_FALSE(rows.struct_children()[0].validity().RowIsValid(0));
  EXPECT_FALSE(rows.struct_children()[1].validity().RowIsValid(0));
  // A copy of the NULL row reads no field value.
  Vector copy(row_type);
  copy.CopyRows(rows, SelectionVector(), 1, 0);
  EXPECT_TRUE(copy.GetValue(0).is_null());
  EXPECT_TRUE(copy.struct_children()[0].GetValue(0).is_null());
}

TEST(DataChunkTest, ResetReusesUnsharedBuffersAndAppendCopies) {
  DataChunk chunk;
  chunk.Initialize({TypeId::kInteger, TypeId::kVarchar}, 8);
  chunk.column(0).SetValue(0, Value::Integer(7));
  chunk.column(1).SetValue(0, Value::Varchar("seven"));
  chunk.SetSize(1);
  DataChunk copy;
  copy.Initialize(chunk.GetTypes(), 8);
  copy.Append(chunk);
  copy.Append(chunk);
  EXPECT_EQ(copy.size(), 2u);
  EXPECT_EQ(copy.ToString(), "7\tseven\n7\tseven\n");
  const uint8_t* before = chunk.column(0).raw_data();
  chunk.Reset();
  EXPECT_EQ(chunk.column(0).raw_data(), before);
  EXPECT_EQ(chunk.size(), 0u);
}

}  // namespace
}  // namespace switchboard
