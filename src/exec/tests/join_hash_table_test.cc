// JoinHashTable: rows appended from several blocks, chained by hash, NULL keys, long strings
// that outlive their input vectors, and memory accounting.
#include "exec/join_hash_table.h"

#include <gtest/gtest.h>

#include <map>

#include "common/error.h"
#include "common/memory_tracker.h"
#include "common/thread_pool.h"
#include "exec/tests/exec_test_util.h"
#include "exec/vector_hash.h"

namespace switchboard::testing {
namespace {

class JoinHashTableTest : public ::testing::Test {
 protected:
  /// Appends rows (key, payload) with their real hashes to a new block of `table`.
  static void AppendRows(JoinHashTable& table, const std::vector<Value>& keys,
                         const std::vector<Value>& payloads) {
    Vector key_vector = FlatVector(table.layout().types()[0], keys);
    Vector payload_vector = FlatVector(table.layout().types()[1], payloads);
    std::vector<hash_t> hashes(keys.size());
    HashVector(key_vector, keys.size(), hashes.data(), false);
    auto blocks = table.CreateBlocks();
    blocks->Append({&key_vector, &payload_vector}, hashes.data(), table.null_safe(), keys.size());
    table.AddBlocks(std::move(blocks));
  }

  /// The payloads of build rows whose key equals `key`, found by walking its hash chain.
  static std::vector<Value> Probe(const JoinHashTable& table, const Value& key) {
    Vector probe = FlatVector(key.type(), {key});
    hash_t hash;
    HashVector(probe, 1, &hash, false);
    std::vector<Value> payloads;
    Vector gathered_key(table.layout().types()[0], 1);
    Vector gathered_payload(table.layout().types()[1], 1);
    for (const uint8_t* row = table.Bucket(hash); row; row = table.Next(row)) {
      if (table.RowHash(row) != hash) continue;
      table.layout().Gather(&row, 1, 0, gathered_key);
      if (gathered_key.GetValue(0) != key) continue;
      table.layout().Gather(&row, 1, 1, gathered_payload);
      payloads.push_back(gathered_payload.GetValue(0));
    }
    std::sort(payloads.begin(), payloads.end(),
              [](const Value& a, const Value& b) { return a.GetInt64() < b.GetInt64(); });
    return payloads;
  }
};

TEST_F(JoinHashTableTest, FindsEveryBuildRowOfAKeyAcrossBlocks) {
  JoinHashTable table({TypeId::kBigint}, {TypeId::kBigint}, {false}, nullptr);
  // Two blocks, as two build threads would hand over; key = i % 7.
  for (int64_t block = 0; block < 2; ++block) {
    std::vector<Value> keys, payloads;
    for (int64_t i = block * 3000; i < (block + 1) * 3000; ++i) {
      keys.push_back(Value::Bigint(i % 7));
      payloads.push_back(Value::Bigint(i));
    }
    AppendRows(table, keys, payloads);
  }
  table.Build();
  EXPECT_EQ(table.size(), 6000u);
  EXPECT_EQ(table.rows().size(), 6000u);
  EXPECT_FALSE(table.has_null_key());
  for (int64_t key = 0; key < 7; ++key) {
    std::vector<Value> expected;
    for (int64_t i = key; i < 6000; i += 7) expected.push_back(Value::Bigint(i));
    EXPECT_EQ(Probe(table, Value::Bigint(key)), expected) << "key " << key;
  }
  EXPECT_TRUE(Probe(table, Value::Bigint(7)).empty());
}

TEST_F(JoinHashTableTest, RowsWithCollidingHashesShareAChainAndKeepTheirKeys) {
  JoinHashTable table({TypeId::kBigint}, {TypeId::kBigint}, {false}, nullptr);
  Vector keys = FlatVector(TypeId::kBigint, {Value::Bigint(1), Value::Bigint(2), Value::Bigint(3)});
  Vector payloads =
      FlatVector(TypeId::kBigint, {Value::Bigint(10), Value::Bigint(20), Value::Bigint(30)});
  std::vector<hash_t> same_hash(3, 0x1234);
  auto blocks = table.CreateBlocks();
  blocks->Append({&keys, &payloads}, same_hash.data(), table.null_safe(), 3);
  table.AddBlocks(std::move(blocks));
  table.Build();
  std::map<int64_t, int64_t> chain;
  Vector key(TypeId::kBigint, 1), payload(TypeId::kBigint, 1);
  for (const uint8_t* row = table.Bucket(0x1234); row; row = table.Next(row)) {
    EXPECT_EQ(table.RowHash(row), 0x1234u);
    table.layout().Gather(&row, 1, 0, key);
    table.layout().Gather(&row, 1, 1, payload);
    chain[key.GetValue(0).GetInt64()] = payload.GetValue(0).GetInt64();
  }
  EXPECT_EQ(chain, (std::map<int64_t, int64_t>{{1, 10}, {2, 20}, {3, 30}}));
}

TEST_F(JoinHashTableTest, NullKeysAreKeptButNeverChainedUnlessNullSafe) {
  JoinHashTable table({TypeId::kBigint}, {TypeId::kBigint}, {false}, nullptr);
  AppendRows(table, {Value::Null(TypeId::kBigint), Value::Bigint(5)},
             {Value::Bigint(1), Value::Bigint(2)});
  table.Build();
  EXPECT_TRUE(table.has_null_key());
  EXPECT_EQ(table.rows().size(), 2u);  // the NULL-key row is still there for outer joins
  EXPECT_TRUE(Probe(table, Value::Null(TypeId::kBigint)).empty());
  EXPECT_EQ(Probe(table, Value::Bigint(5)), (std::vector<Value>{Value::Bigint(2)}));

  JoinHashTable null_safe({TypeId::kBigint}, {TypeId::kBigint}, {true}, nullptr);
  AppendRows(null_safe, {Value::Null(TypeId::kBigint)}, {Value::Bigint(1)});
  null_safe.Build();
  EXPECT_FALSE(null_safe.has_null_key());
  EXPECT_EQ(Probe(null_safe, Value::Null(TypeId::kBigint)), (std::vector<Value>{Value::Bigint(1)}));
}

TEST_F(JoinHashTableTest, MatchedFlagsStartClearAndStick) {
  JoinHashTable table({TypeId::kBigint}, {TypeId::kBigint}, {false}, nullptr);
  AppendRows(table, {Value::Bigint(1), Value::Bigint(2)}, {Value::Bigint(1), Value::Bigint(2)});
  table.Build();
  for (const uint8_t* row : table.rows()) EXPECT_FALSE(table.IsMatched(row));
  table.MarkMatched(table.rows()[1]);
  EXPECT_FALSE(table.IsMatched(table.rows()[0]));
  EXPECT_TRUE(table.IsMatched(table.rows()[1]));
}

TEST_F(JoinHashTableTest, LongStringsOutliveTheVectorsTheyCameFrom) {
  JoinHashTable table({LogicalType::Varchar()}, {TypeId::kBigint}, {false}, nullptr);
  const std::string long_key = "a key much longer than the inline string limit";
  AppendRows(table, {Value::Varchar(long_key), Value::Varchar("short")},
             {Value::Bigint(1), Value::Bigint(2)});
  table.Build();  // the input vectors are gone by now
  EXPECT_EQ(Probe(table, Value::Varchar(long_key)), (std::vector<Value>{Value::Bigint(1)}));
  EXPECT_EQ(Probe(table, Value::Varchar("short")), (std::vector<Value>{Value::Bigint(2)}));
}

TEST_F(JoinHashTableTest, BuildsOnSeveralThreadsWithoutLosingRows) {
  JoinHashTable table({TypeId::kBigint}, {TypeId::kBigint}, {false}, nullptr);
  // Four blocks of 200000 rows (several row blocks each), key = i % 1000, plus NULL keys.
  constexpr int64_t kRowsPerBlock = 200000;
  for (int64_t block = 0; block < 4; ++block) {
    std::vector<Value> keys, payloads;
    for (int64_t i = block * kRowsPerBlock; i < (block + 1) * kRowsPerBlock; ++i) {
      keys.push_back(i % 50000 == 0 ? Value::Null(TypeId::kBigint) : Value::Bigint(i % 1000));
      payloads.push_back(Value::Bigint(i));
    }
    AppendRows(table, keys, payloads);
  }
  ThreadPool pool(4);
  table.Build(&pool);
  EXPECT_EQ(table.rows().size(), static_cast<size_t>(4 * kRowsPerBlock));
  EXPECT_TRUE(table.has_null_key());
  for (int64_t key : {1, 500, 999}) {
    std::vector<Value> expected;
    for (int64_t i = key; i < 4 * kRowsPerBlock; i += 1000) expected.push_back(Value::Bigint(i));
    EXPECT_EQ(Probe(table, Value::Bigint(key)), expected) << "key " << key;
  }
}

TEST_F(JoinHashTableTest, ChargesItsMemoryTrackerAndReleasesEverythingAtTheEnd) {
  MemoryTracker tracker;
  {
    JoinHashTable table({TypeId::kBigint}, {TypeId::kBigint}, {false}, &tracker);
    std::vector<Value> keys(5000, Value::Bigint(1)), payloads(5000, Value::Bigint(2));
    AppendRows(table, keys, payloads);
    int64_t rows_bytes = tracker.used();
    EXPECT_GE(rows_bytes, static_cast<int64_t>(5000 * table.layout().row_width()));
    table.Build();
    EXPECT_GT(tracker.used(), rows_bytes);  // the bucket array
  }
  EXPECT_EQ(tracker.used(), 0);
}

TEST_F(JoinHashTableTest, ThrowsOutOfMemoryAtTheLimit) {
  MemoryTracker tracker(64 * 1024);
  try {
    JoinHashTable table({TypeId::kBigint}, {TypeId::kBigint}, {false}, &tracker);
    std::vector<Value> keys(5000, Value::Bigint(1)), payloads(5000, Value::Bigint(2));
    AppendRows(table, keys, payloads);
    table.Build();
    ADD_FAILURE() << "no error at a 64 KiB limit";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kOutOfMemory);
    EXPECT_EQ(SqlState(e.code()), "53200");
  }
  EXPECT_EQ(tracker.used(), 0);
}

}  // namespace
}  // namespace switchboard::testing
