// GroupedHashTable: one group per distinct key (NULL is a key of its own), growth to many
// groups, colliding hashes, strings, Merge, and memory accounting.
#include "exec/grouped_hash_table.h"

#include <gtest/gtest.h>

#include <cstring>
#include <map>

#include "common/error.h"
#include "common/memory_tracker.h"
#include "exec/tests/exec_test_util.h"
#include "exec/vector_hash.h"

namespace switchboard::testing {
namespace {

/// Each group's payload is a row counter (int64).
class GroupedHashTableTest : public ::testing::Test {
 protected:
  static int64_t& Counter(const GroupedHashTable& table, uint8_t* row) {
    return *reinterpret_cast<int64_t*>(row + table.payload_offset());
  }

  /// Adds one row per key to `table` (counting rows per group); `hashes` overrides the real ones.
  /// Returns the number of new groups.
  static idx_t Add(GroupedHashTable& table, const std::vector<Value>& keys,
                   const hash_t* hashes = nullptr) {
    Vector vector = FlatVector(table.layout().types()[0], keys);
    std::vector<hash_t> real(keys.size());
    HashVector(vector, keys.size(), real.data(), false);
    std::vector<uint8_t*> rows(keys.size());
    SelectionVector new_groups(keys.size());
    idx_t created = table.FindOrCreate({&vector}, hashes ? hashes : real.data(), keys.size(),
                                       rows.data(), new_groups);
    for (idx_t i = 0; i < created; ++i) Counter(table, rows[new_groups.get_index(i)]) = 0;
    for (uint8_t* row : rows) ++Counter(table, row);
    return created;
  }

  /// key text -> row count of every group.
  static std::map<std::string, int64_t> Groups(const GroupedHashTable& table) {
    std::map<std::string, int64_t> groups;
    Vector keys(table.layout().types()[0]);
    table.ForEachBatch([&](uint8_t** rows, idx_t count) {
      table.layout().Gather(rows, count, 0, keys);
      for (idx_t i = 0; i < count; ++i)
        groups[keys.GetValue(i).ToString()] = Counter(table, rows[i]);
    });
    return groups;
  }
};

TEST_F(GroupedHashTableTest, EqualKeysInOneBatchShareTheirGroup) {
  GroupedHashTable table({TypeId::kInteger}, sizeof(int64_t), nullptr);
  EXPECT_EQ(
      Add(table, {Value::Integer(3), Value::Integer(1), Value::Integer(3), Value::Integer(3)}), 2u);
  EXPECT_EQ(Add(table, {Value::Integer(1), Value::Integer(2)}), 1u);
  EXPECT_EQ(table.size(), 3u);
  EXPECT_EQ(Groups(table), (std::map<std::string, int64_t>{{"1", 2}, {"2", 1}, {"3", 3}}));
}

TEST_F(GroupedHashTableTest, NullIsOneGroupDistinctFromZero) {
  GroupedHashTable table({TypeId::kBigint}, sizeof(int64_t), nullptr);
  Value null = Value::Null(TypeId::kBigint);
  Add(table, {null, Value::Bigint(0), null, null});
  EXPECT_EQ(Groups(table), (std::map<std::string, int64_t>{{"0", 1}, {"NULL", 3}}));
}

TEST_F(GroupedHashTableTest, GrowsToManyGroupsAndFindsThemAgain) {
  GroupedHashTable table({TypeId::kBigint}, sizeof(int64_t), nullptr);
  constexpr int64_t kGroups = 100000;
  for (int pass = 0; pass < 2; ++pass) {
    for (int64_t start = 0; start < kGroups; start += kVectorSize) {
      std::vector<Value> keys;
      for (int64_t k = start; k < std::min<int64_t>(start + kVectorSize, kGroups); ++k)
        keys.push_back(Value::Bigint(k * 7919));
      EXPECT_EQ(Add(table, keys), pass == 0 ? keys.size() : 0u);
    }
  }
  EXPECT_EQ(table.size(), static_cast<idx_t>(kGroups));
  int64_t total = 0;
  table.ForEachBatch([&](uint8_t** rows, idx_t count) {
    for (idx_t i = 0; i < count; ++i) {
      EXPECT_EQ(Counter(table, rows[i]), 2);
      total += Counter(table, rows[i]);
    }
  });
  EXPECT_EQ(total, 2 * kGroups);
}

TEST_F(GroupedHashTableTest, KeysWithCollidingHashesStayApart) {
  GroupedHashTable table({LogicalType::Varchar()}, sizeof(int64_t), nullptr);
  std::vector<Value> keys;
  for (int i = 0; i < 300; ++i) keys.push_back(Value::Varchar("key-" + std::to_string(i % 100)));
  std::vector<hash_t> same_hash(keys.size(), 0xfeedULL);
  EXPECT_EQ(Add(table, keys, same_hash.data()), 100u);
  auto groups = Groups(table);
  EXPECT_EQ(groups.size(), 100u);
  for (const auto& [key, rows] : groups) EXPECT_EQ(rows, 3) << key;
}

TEST_F(GroupedHashTableTest, LongStringKeysAreCopiedIntoTheTable) {
  GroupedHashTable table({LogicalType::Varchar()}, sizeof(int64_t), nullptr);
  const std::string a = "a grouping key that is far longer than the inline limit: a";
  const std::string b = "a grouping key that is far longer than the inline limit: b";
  Add(table, {Value::Varchar(a), Value::Varchar(b)});  // the input vector dies here
  Add(table, {Value::Varchar(b)});
  EXPECT_EQ(Groups(table), (std::map<std::string, int64_t>{{a, 1}, {b, 2}}));
}

TEST_F(GroupedHashTableTest, MergeCombinesSharedGroupsAndAdoptsTheRest) {
  GroupedHashTable ours({TypeId::kBigint}, sizeof(int64_t), nullptr);
  GroupedHashTable theirs({TypeId::kBigint}, sizeof(int64_t), nullptr);
  Add(ours, {Value::Bigint(1), Value::Bigint(2)});
  Add(theirs, {Value::Bigint(2), Value::Bigint(2), Value::Bigint(3)});
  idx_t combined = 0;
  ours.Merge(theirs, [&](uint8_t** sources, uint8_t** targets, idx_t count) {
    combined += count;
    for (idx_t i = 0; i < count; ++i) Counter(ours, targets[i]) += Counter(theirs, sources[i]);
  });
  EXPECT_EQ(combined, 1u);
  EXPECT_EQ(Groups(ours), (std::map<std::string, int64_t>{{"1", 1}, {"2", 3}, {"3", 1}}));
}

TEST_F(GroupedHashTableTest, ChargesItsTrackerAndReleasesEverything) {
  MemoryTracker tracker;
  {
    GroupedHashTable table({LogicalType::Varchar()}, sizeof(int64_t), &tracker);
    std::vector<Value> keys;
    for (int i = 0; i < 2000; ++i)
      keys.push_back(Value::Varchar("a long string key number " + std::to_string(i)));
    Add(table, keys);
    EXPECT_GE(tracker.used(), static_cast<int64_t>(2000 * table.layout().row_width()));
  }
  EXPECT_EQ(tracker.used(), 0);
}

TEST_F(GroupedHashTableTest, ThrowsOutOfMemoryAtTheLimit) {
  MemoryTracker tracker(256 * 1024);
  try {
    GroupedHashTable table({TypeId::kBigint}, sizeof(int64_t), &tracker);
    for (int64_t start = 0; start < 100000; start += kVectorSize) {
      std::vector<Value> keys;
      for (int64_t k = start; k < start + static_cast<int64_t>(kVectorSize); ++k)
        keys.push_back(Value::Bigint(k));
      Add(table, keys);
    }
    ADD_FAILURE() << "100000 groups fit in 256 KiB";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kOutOfMemory);
  }
  EXPECT_EQ(tracker.used(), 0);
}

}  // namespace
}  // namespace switchboard::testing
