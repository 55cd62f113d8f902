// Vector hashing: equal values hash equally whatever the vector's kind, NULLs hash to one value,
// floats are normalized, and multi-column hashes depend on every column.
#include "exec/vector_hash.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "exec/tests/exec_test_util.h"

namespace switchboard::testing {
namespace {

std::vector<hash_t> Hashes(const Vector& vector, idx_t count) {
  std::vector<hash_t> hashes(count);
  HashVector(vector, count, hashes.data(), false);
  return hashes;
}

TEST(VectorHashTest, FlatConstantAndDictionaryVectorsHashEqualValuesEqually) {
  Vector flat = FlatVector(
      LogicalType::Varchar(),
      {Value::Varchar("x"), Value::Varchar("a long value, not inlined"), Value::Varchar("x")});
  Vector constant = Vector::Constant(Value::Varchar("x"));
  SelectionVector sel(2);
  sel.set_index(0, 1);
  sel.set_index(1, 2);
  Vector dictionary = FlatVector(
      LogicalType::Varchar(),
      {Value::Varchar("x"), Value::Varchar("a long value, not inlined"), Value::Varchar("x")});
  dictionary.Slice(sel, 2);

  auto flat_hashes = Hashes(flat, 3);
  EXPECT_EQ(flat_hashes[0], flat_hashes[2]);
  EXPECT_NE(flat_hashes[0], flat_hashes[1]);
  EXPECT_EQ(Hashes(constant, 3), (std::vector<hash_t>(3, flat_hashes[0])));
  EXPECT_EQ(Hashes(dictionary, 2), (std::vector<hash_t>{flat_hashes[1], flat_hashes[2]}));
}

TEST(VectorHashTest, NullsHashToOneValueWhateverTheirType) {
  Vector integers =
      FlatVector(TypeId::kInteger, {Value::Null(TypeId::kInteger), Value::Integer(0)});
  Vector strings = FlatVector(LogicalType::Varchar(), {Value::Null(LogicalType::Varchar())});
  auto integer_hashes = Hashes(integers, 2);
  EXPECT_NE(integer_hashes[0], integer_hashes[1]);
  EXPECT_EQ(integer_hashes[0], Hashes(strings, 1)[0]);
  EXPECT_EQ(Hashes(Vector::ConstantNull(TypeId::kBigint), 1)[0], integer_hashes[0]);
}

TEST(VectorHashTest, NegativeZeroAndEveryNanHashLikeTheirCanonicalForms) {
  double other_nan = -std::numeric_limits<double>::quiet_NaN();
  Vector doubles =
      FlatVector(TypeId::kDouble, {Value::Double(0.0), Value::Double(-0.0),
                                   Value::Double(std::nan("")), Value::Double(other_nan)});
  auto hashes = Hashes(doubles, 4);
  EXPECT_EQ(hashes[0], hashes[1]);
  EXPECT_EQ(hashes[2], hashes[3]);
  EXPECT_NE(hashes[0], hashes[2]);
}

TEST(VectorHashTest, MultiColumnHashesDependOnEveryColumnAndItsPosition) {
  Vector a = FlatVector(TypeId::kBigint, {Value::Bigint(1), Value::Bigint(2), Value::Bigint(1)});
  Vector b = FlatVector(TypeId::kBigint, {Value::Bigint(2), Value::Bigint(1), Value::Bigint(2)});
  std::vector<hash_t> ab(3), ba(3);
  HashColumns({&a, &b}, 3, ab.data());
  HashColumns({&b, &a}, 3, ba.data());
  EXPECT_EQ(ab[0], ab[2]);
  EXPECT_NE(ab[0], ab[1]);  // (1, 2) vs (2, 1)
  EXPECT_NE(ab[0], ba[0]);
  std::vector<hash_t> combined = Hashes(a, 3);
  HashVector(b, 3, combined.data(), true);
  EXPECT_EQ(combined, ab);
}

}  // namespace
}  // namespace switchboard::testing
