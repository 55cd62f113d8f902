// Tests for array, map, row and lambda functions.
#include "function/comparison.h"
#include "function/tests/function_test_util.h"
#include "types/datetime.h"

namespace switchboard {
namespace {

class CollectionFunctionsTest : public FunctionTest {
 protected:
  Value Map(LogicalType key, LogicalType value, std::vector<std::pair<Value, Value>> entries) {
    return Value::Map(std::move(key), std::move(value), std::move(entries));
  }
  Value VarcharIntMap(std::vector<std::pair<std::string, int32_t>> entries) {
    std::vector<std::pair<Value, Value>> values;
    for (auto& [k, v] : entries) values.emplace_back(Str(k), Int(v));
    return Map(LogicalType::Varchar(), TypeId::kInteger, std::move(values));
  }
  Value IntArrayNull(std::vector<std::optional<int32_t>> elements) {
    std::vector<Value> values;
    for (auto& e : elements) values.push_back(e ? Int(*e) : NullOf(TypeId::kInteger));
    return ArrayOf(TypeId::kInteger, std::move(values));
  }
};

TEST_F(CollectionFunctionsTest, ArrayConstructorCoercesToACommonType) {
  EXPECT_VALUE(Call("array_constructor", {Int(1), Int(2)}), IntArray({1, 2}));
  EXPECT_EQ(ReturnType("array_constructor", {Int(1), Dbl(2.5)}),
            LogicalType::Array(TypeId::kDouble));
  EXPECT_VALUE(Call("array_constructor", {Int(1), Null()}), IntArrayNull({1, std::nullopt}));
  EXPECT_EQ(ReturnType("array_constructor", {}), LogicalType::Array(TypeId::kUnknown));
  EXPECT_VALUE(Call("array", {Str("a"), Str("a long element value")}),
               StrArray({"a", "a long element value"}));
  EXPECT_VALUE(Call("array_constructor", {IntArray({1}), IntArray({2, 3})}),
               ArrayOf(LogicalType::Array(TypeId::kInteger), {IntArray({1}), IntArray({2, 3})}));
  auto rows = CallRows("array_constructor", {TypeId::kInteger, TypeId::kInteger},
                       {{Int(1), Int(2)}, {Int(3), Null()}});
  EXPECT_VALUE(rows[0], IntArray({1, 2}));
  EXPECT_VALUE(rows[1], IntArrayNull({3, std::nullopt}));
}

TEST_F(CollectionFunctionsTest, SubscriptsAndElementAt) {
  Value array = IntArray({10, 20, 30});
  EXPECT_VALUE(Call("subscript", {array, Big(2)}), Int(20));
  EXPECT_EQ(CallError("subscript", {array, Big(0)}).message, "SQL array indices start at 1");
  EXPECT_EQ(CallError("subscript", {array, Big(-1)}).message, "Array subscript is negative: -1");
  Error e = CallError("subscript", {array, Big(4)});
  EXPECT_EQ(e.code, ErrorCode::kSubscriptOutOfRange);
  EXPECT_EQ(e.message, "Array subscript must be less than or equal to array length: 4 > 3");
  EXPECT_VALUE(Call("element_at", {array, Big(-1)}), Int(30));
  EXPECT_TRUE(Call("element_at", {array, Big(4)}).is_null());
  EXPECT_TRUE(Call("element_at", {array, Big(-4)}).is_null());
  EXPECT_EQ(CallError("element_at", {array, Big(0)}).code, ErrorCode::kSubscriptOutOfRange);
  Value map = VarcharIntMap({{"a", 1}, {"b", 2}});
  EXPECT_VALUE(Call("subscript", {map, Str("b")}), Int(2));
  Error missing = CallError("subscript", {map, Str("z")});
  EXPECT_EQ(missing.message, "Key not present in map: z");
  EXPECT_VALUE(Call("element_at", {map, Str("a")}), Int(1));
  EXPECT_TRUE(Call("element_at", {map, Str("z")}).is_null());
  EXPECT_VALUE(Call("cardinality", {array}), Big(3));
  EXPECT_VALUE(Call("cardinality", {map}), Big(2));
  auto rows = CallRows("element_at", {LogicalType::Array(TypeId::kInteger), TypeId::kBigint},
                       {{IntArray({1, 2}), Big(2)},
                        {NullOf(LogicalType::Array(TypeId::kInteger)), Big(1)},
                        {IntArray({}), Big(1)},
                        {IntArray({7}), Big(1)}});
  EXPECT_VALUE(rows[0], Int(2));
  EXPECT_TRUE(rows[1].is_null());
  EXPECT_TRUE(rows[2].is_null());
  EXPECT_VALUE(rows[3], Int(7));
}

TEST_F(CollectionFunctionsTest, SearchingWithNulls) {
  EXPECT_VALUE(Call("contains", {StrArray({"a", "b"}), Str("b")}), Bool(true));
  EXPECT_VALUE(Call("contains", {IntArray({1, 2}), Big(3)}), Bool(false));
  EXPECT_TRUE(Call("contains", {IntArrayNull({1, std::nullopt}), Int(3)}).is_null());
  EXPECT_VALUE(Call("contains", {IntArrayNull({1, std::nullopt}), Int(1)}), Bool(true));
  EXPECT_VALUE(Call("array_position", {IntArray({5, 7, 7}), Int(7)}), Big(2));
  EXPECT_VALUE(Call("array_position", {IntArray({5}), Int(9)}), Big(0));
  EXPECT_VALUE(Call("array_remove", {IntArrayNull({1, 2, std::nullopt, 1}), Int(1)}),
               IntArrayNull({2, std::nullopt}));
  EXPECT_VALUE(Call("contains", {ArrayOf(LogicalType::Array(TypeId::kInteger), {IntArray({1, 2})}),
                                 IntArray({1, 2})}),
               Bool(true));
}

TEST_F(CollectionFunctionsTest, DistinctSortExtremes) {
  EXPECT_VALUE(Call("array_distinct", {IntArrayNull({3, 1, 3, std::nullopt, std::nullopt})}),
               IntArrayNull({3, 1, std::nullopt}));
  EXPECT_VALUE(Call("array_sort", {IntArrayNull({3, std::nullopt, 1})}),
               IntArrayNull({1, 3, std::nullopt}));
  EXPECT_VALUE(Call("array_sort", {StrArray({"pear", "apple", "fig"})}),
               StrArray({"apple", "fig", "pear"}));
  EXPECT_VALUE(Call("array_max", {IntArray({4, 9, 2})}), Int(9));
  EXPECT_VALUE(Call("array_min", {IntArray({4, 9, 2})}), Int(2));
  EXPECT_TRUE(Call("array_max", {IntArrayNull({4, std::nullopt})}).is_null());
  EXPECT_TRUE(Call("array_min", {IntArray({})}).is_null());
  EXPECT_VALUE(Call("array_max", {StrArray({"b", "a long value here"})}), Str("b"));
  EXPECT_VALUE(Call("reverse", {IntArray({1, 2, 3})}), IntArray({3, 2, 1}));
}

TEST_F(CollectionFunctionsTest, JoinSliceAndTrim) {
  EXPECT_VALUE(Call("array_join", {IntArrayNull({1, std::nullopt, 3}), Str(",")}), Str("1,3"));
  EXPECT_VALUE(Call("array_join", {IntArrayNull({1, std::nullopt, 3}), Str(","), Str("n/a")}),
               Str("1,n/a,3"));
  EXPECT_VALUE(Call("array_join", {ArrayOf(TypeId::kDouble, {Dbl(1.5), Dbl(2)}), Str("|")}),
               Str("1.5|2.0"));
  EXPECT_VALUE(Call("slice", {IntArray({1, 2, 3, 4}), Big(2), Big(2)}), IntArray({2, 3}));
  EXPECT_VALUE(Call("slice", {IntArray({1, 2, 3, 4}), Big(-2), Big(5)}), IntArray({3, 4}));
  EXPECT_VALUE(Call("slice", {IntArray({1, 2}), Big(5), Big(1)}), IntArray({}));
  EXPECT_EQ(CallError("slice", {IntArray({1}), Big(0), Big(1)}).code,
            ErrorCode::kSubscriptOutOfRange);
  EXPECT_VALUE(Call("trim_array", {IntArray({1, 2, 3}), Big(2)}), IntArray({1}));
}

TEST_F(CollectionFunctionsTest, SetOperations) {
  EXPECT_VALUE(Call("array_union", {IntArray({1, 2, 1}), IntArray({2, 3})}), IntArray({1, 2, 3}));
  EXPECT_VALUE(Call("array_intersect", {IntArray({1, 2, 2, 3}), IntArray({2, 3, 4})}),
               IntArray({2, 3}));
  EXPECT_VALUE(Call("array_except", {IntArray({1, 2, 3, 1}), IntArray({2})}), IntArray({1, 3}));
  EXPECT_VALUE(Call("arrays_overlap", {IntArray({1, 2}), IntArray({2, 3})}), Bool(true));
  EXPECT_VALUE(Call("arrays_overlap", {IntArray({1, 2}), IntArray({3})}), Bool(false));
  EXPECT_TRUE(Call("arrays_overlap", {IntArrayNull({1, std::nullopt}), IntArray({3})}).is_null());
  EXPECT_VALUE(Call("array_union", {IntArray({1}), ArrayOf(TypeId::kBigint, {Big(5)})}),
               ArrayOf(TypeId::kBigint, {Big(1), Big(5)}));
}

TEST_F(CollectionFunctionsTest, FlattenZipRepeatConcat) {
  Value nested =
      ArrayOf(LogicalType::Array(TypeId::kInteger),
              {IntArray({1, 2}), NullOf(LogicalType::Array(TypeId::kInteger)), IntArray({3})});
  EXPECT_VALUE(Call("flatten", {nested}), IntArray({1, 2, 3}));
  LogicalType pair = LogicalType::Row({{"", TypeId::kInteger}, {"", LogicalType::Varchar()}});
  EXPECT_VALUE(Call("zip", {IntArray({1, 2}), StrArray({"a"})}),
               ArrayOf(pair, {Value::Row(pair, {Int(1), Str("a")}),
                              Value::Row(pair, {Int(2), NullOf(LogicalType::Varchar())})}));
  EXPECT_VALUE(Call("repeat", {Str("x"), Big(3)}), StrArray({"x", "x", "x"}));
  EXPECT_VALUE(Call("repeat", {Str("x"), Big(0)}), StrArray({}));
  EXPECT_EQ(CallError("repeat", {Str("x"), Big(-1)}).code, ErrorCode::kInvalidParameter);
  EXPECT_VALUE(Call("concat", {IntArray({1}), IntArray({2, 3})}), IntArray({1, 2, 3}));
  EXPECT_VALUE(Call("concat", {IntArray({1}), Int(9)}), IntArray({1, 9}));
  EXPECT_VALUE(Call("concat", {Int(0), IntArray({1})}), IntArray({0, 1}));
  EXPECT_TRUE(
      Call("concat", {IntArray({1}), NullOf(LogicalType::Array(TypeId::kInteger))}).is_null());
  EXPECT_EQ(CallError("concat", {Int(1), Int(2)}).code, ErrorCode::kTypeMismatch);
}

TEST_F(CollectionFunctionsTest, Sequences) {
  EXPECT_VALUE(Call("sequence", {Big(1), Big(10), Big(4)}),
               ArrayOf(TypeId::kBigint, {Big(1), Big(5), Big(9)}));
  EXPECT_VALUE(Call("sequence", {Big(3), Big(1)}),
               ArrayOf(TypeId::kBigint, {Big(3), Big(2), Big(1)}));
  EXPECT_EQ(CallError("sequence", {Big(1), Big(5), Big(-1)}).code, ErrorCode::kInvalidParameter);
  EXPECT_EQ(CallError("sequence", {Big(1), Big(5), Big(0)}).message, "step must not be zero");
  EXPECT_EQ(CallError("sequence", {Big(1), Big(100000)}).code, ErrorCode::kInvalidParameter);
  EXPECT_VALUE(Call("sequence", {DateOf("2024-02-27"), DateOf("2024-03-01")}),
               ArrayOf(TypeId::kDate, {DateOf("2024-02-27"), DateOf("2024-02-28"),
                                       DateOf("2024-02-29"), DateOf("2024-03-01")}));
  EXPECT_VALUE(
      Call("sequence", {DateOf("2024-01-31"), DateOf("2024-05-01"), Value::IntervalYearMonth(1)}),
      ArrayOf(TypeId::kDate, {DateOf("2024-01-31"), DateOf("2024-02-29"), DateOf("2024-03-31"),
                              DateOf("2024-04-30")}));
  EXPECT_VALUE(
      Call("sequence", {Ts("2024-01-01 00:00:00"), Ts("2024-01-01 02:00:00"),
                        Value::IntervalDayTime(kMicrosPerHour)}),
      ArrayOf(LogicalType::Timestamp(3),
              {Ts("2024-01-01 00:00:00"), Ts("2024-01-01 01:00:00"), Ts("2024-01-01 02:00:00")}));
  EXPECT_EQ(CallError("sequence", {DateOf("2024-01-01"), DateOf("2024-01-02"),
                                   Value::IntervalDayTime(kMicrosPerHour)})
                .code,
            ErrorCode::kInvalidParameter);
}

TEST_F(CollectionFunctionsTest, Maps) {
  Value map = Call("map", {StrArray({"a", "b"}), IntArray({1, 2})});
  EXPECT_VALUE(map, VarcharIntMap({{"a", 1}, {"b", 2}}));
  EXPECT_EQ(CallError("map", {StrArray({"a", "a"}), IntArray({1, 2})}).message,
            "Duplicate map keys (a) are not allowed");
  EXPECT_EQ(CallError("map", {StrArray({"a"}), IntArray({1, 2})}).message,
            "Key and value arrays must be the same length");
  EXPECT_EQ(CallError("map", {ArrayOf(LogicalType::Varchar(), {NullOf(LogicalType::Varchar())}),
                              IntArray({1})})
                .message,
            "map key cannot be null");
  EXPECT_EQ(ReturnType("map", {}), LogicalType::Map(TypeId::kUnknown, TypeId::kUnknown));
  EXPECT_VALUE(Call("cardinality", {Call("map", {})}), Big(0));
  EXPECT_VALUE(Call("map", {Str("k1"), Int(1), Str("k2"), Int(2)}),
               VarcharIntMap({{"k1", 1}, {"k2", 2}}));
  EXPECT_VALUE(Call("map_keys", {map}), StrArray({"a", "b"}));
  EXPECT_VALUE(Call("map_values", {map}), IntArray({1, 2}));
  LogicalType entry = LogicalType::Row({{"", LogicalType::Varchar()}, {"", TypeId::kInteger}});
  EXPECT_VALUE(Call("map_entries", {map}), ArrayOf(entry, {Value::Row(entry, {Str("a"), Int(1)}),
                                                           Value::Row(entry, {Str("b"), Int(2)})}));
  EXPECT_VALUE(Call("map_from_entries", {Call("map_entries", {map})}), map);
  EXPECT_VALUE(Call("map_concat", {map, VarcharIntMap({{"b", 5}, {"c", 6}})}),
               VarcharIntMap({{"b", 5}, {"c", 6}, {"a", 1}}));
}

TEST_F(CollectionFunctionsTest, Rows) {
  Value row = Call("row_constructor", {Int(1), Str("x")});
  EXPECT_EQ(row.type(), LogicalType::Row({{"", TypeId::kInteger}, {"", LogicalType::Varchar()}}));
  Value named = Call("named_struct", {Str("id"), Int(7), Str("name"), Str("Ana")});
  EXPECT_EQ(named.type(),
            LogicalType::Row({{"id", TypeId::kInteger}, {"name", LogicalType::Varchar()}}));
  EXPECT_VALUE(Call("$field", {named, Str("name")}), Str("Ana"));
  EXPECT_VALUE(Call("$field", {named, Str("ID")}), Int(7));
  Error e = CallError("$field", {named, Str("missing")});
  EXPECT_EQ(e.code, ErrorCode::kUndefinedColumn);
  EXPECT_TRUE(Call("$field", {NullOf(named.type()), Str("id")}).is_null());
  EXPECT_VALUE(Call("struct", {Int(1)}),
               Value::Row(LogicalType::Row({{"", TypeId::kInteger}}), {Int(1)}));
}

TEST_F(CollectionFunctionsTest, LambdasOverArrays) {
  TestLambda times_ten{TypeId::kInteger, [](const std::vector<Value>& p) {
                         return p[0].is_null() ? Value::Null(TypeId::kInteger)
                                               : Int(static_cast<int32_t>(p[0].GetInt64() * 10));
                       }};
  EXPECT_VALUE(Call("transform", {IntArrayNull({1, std::nullopt, 3}), Null()}, {{1, times_ten}}),
               IntArrayNull({10, std::nullopt, 30}));
  TestLambda positive{TypeId::kBoolean, [](const std::vector<Value>& p) {
                        return p[0].is_null() ? Value::Null(TypeId::kBoolean)
                                              : Bool(p[0].GetInt64() > 0);
                      }};
  EXPECT_VALUE(Call("filter", {IntArrayNull({5, -6, std::nullopt, 7}), Null()}, {{1, positive}}),
               IntArray({5, 7}));
  EXPECT_VALUE(Call("any_match", {IntArray({-1, 2}), Null()}, {{1, positive}}), Bool(true));
  EXPECT_VALUE(Call("all_match", {IntArray({-1, 2}), Null()}, {{1, positive}}), Bool(false));
  EXPECT_VALUE(Call("none_match", {IntArray({-1, -2}), Null()}, {{1, positive}}), Bool(true));
  EXPECT_TRUE(
      Call("any_match", {IntArrayNull({-1, std::nullopt}), Null()}, {{1, positive}}).is_null());
  EXPECT_VALUE(Call("all_match", {IntArray({}), Null()}, {{1, positive}}), Bool(true));
  TestLambda add{TypeId::kBigint, [](const std::vector<Value>& p) {
                   return Big(p[0].GetInt64() + p[1].GetInt64());
                 }};
  TestLambda identity{TypeId::kBigint, [](const std::vector<Value>& p) { return p[0]; }};
  EXPECT_VALUE(
      Call("reduce", {IntArray({5, 20, 50}), Int(0), Null(), Null()}, {{2, add}, {3, identity}}),
      Big(75));
  auto rows = CallRows("transform", {LogicalType::Array(TypeId::kInteger), TypeId::kInteger},
                       {{IntArray({1, 2}), Null()},
                        {NullOf(LogicalType::Array(TypeId::kInteger)), Null()},
                        {IntArray({3}), Null()}},
                       {{1, times_ten}});
  EXPECT_VALUE(rows[0], IntArray({10, 20}));
  EXPECT_TRUE(rows[1].is_null());
  EXPECT_VALUE(rows[2], IntArray({30}));
  TestLambda sum{TypeId::kInteger, [](const std::vector<Value>& p) {
                   if (p[0].is_null() || p[1].is_null()) return Value::Null(TypeId::kInteger);
                   return Int(static_cast<int32_t>(p[0].GetInt64() + p[1].GetInt64()));
                 }};
  EXPECT_VALUE(Call("zip_with", {IntArray({1, 2, 3}), IntArray({10, 20}), Null()}, {{2, sum}}),
               IntArrayNull({11, 22, std::nullopt}));
  TestLambda descending{TypeId::kInteger, [](const std::vector<Value>& p) {
                          int64_t a = p[0].GetInt64(), b = p[1].GetInt64();
                          return Int(a > b ? -1 : (a < b ? 1 : 0));
                        }};
  EXPECT_VALUE(Call("array_sort", {IntArray({3, 1, 2}), Null()}, {{1, descending}}),
               IntArray({3, 2, 1}));
}

TEST_F(CollectionFunctionsTest, LambdasOverMaps) {
  Value map = VarcharIntMap({{"a", 1}, {"b", 2}});
  TestLambda upper{LogicalType::Varchar(), [](const std::vector<Value>& p) {
                     std::string k = p[0].GetString();
                     for (char& c : k) c = static_cast<char>(std::toupper(c));
                     return Str(k);
                   }};
  EXPECT_VALUE(Call("transform_keys", {map, Null()}, {{1, upper}}),
               VarcharIntMap({{"A", 1}, {"B", 2}}));
  TestLambda constant{LogicalType::Varchar(),
                      [](const std::vector<Value>&) { return Str("same"); }};
  EXPECT_EQ(CallError("transform_keys", {map, Null()}, {{1, constant}}).message,
            "Duplicate map keys (same) are not allowed");
  TestLambda doubled{TypeId::kInteger, [](const std::vector<Value>& p) {
                       return Int(static_cast<int32_t>(p[1].GetInt64() * 2));
                     }};
  EXPECT_VALUE(Call("transform_values", {map, Null()}, {{1, doubled}}),
               VarcharIntMap({{"a", 2}, {"b", 4}}));
  TestLambda big{TypeId::kBoolean,
                 [](const std::vector<Value>& p) { return Bool(p[1].GetInt64() > 1); }};
  EXPECT_VALUE(Call("map_filter", {map, Null()}, {{1, big}}), VarcharIntMap({{"b", 2}}));
}

TEST_F(CollectionFunctionsTest, DistinctComparisonTreatsNestedNullsAsEqual) {
  LogicalType type = LogicalType::Array(TypeId::kInteger);
  Vector left(type, 3), right(type, 3), result(TypeId::kBoolean, 3);
  std::vector<std::pair<Value, Value>> rows = {
      {IntArrayNull({1, std::nullopt}), IntArrayNull({1, std::nullopt})},
      {IntArray({1, 2}), IntArrayNull({1, std::nullopt})},
      {NullOf(type), NullOf(type)}};
  for (idx_t i = 0; i < rows.size(); ++i) {
    left.SetValue(i, rows[i].first);
    right.SetValue(i, rows[i].second);
  }
  CompareVectors(ComparisonOp::kNotDistinctFrom, left, right, 3, result);
  EXPECT_VALUE(result.GetValue(0), Bool(true));
  EXPECT_VALUE(result.GetValue(1), Bool(false));
  EXPECT_VALUE(result.GetValue(2), Bool(true));
  CompareVectors(ComparisonOp::kEqual, left, right, 3, result);
  EXPECT_TRUE(result.GetValue(0).is_null());
}

}  // namespace
}  // namespace switchboard
