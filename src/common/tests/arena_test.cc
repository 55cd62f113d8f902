// Tests for Arena and MemoryTracker.
#include <gtest/gtest.h>

#include <cstring>

#include "common/arena.h"
#include "common/error.h"
#include "common/memory_tracker.h"

namespace switchboard {
namespace {

TEST(ArenaTest, AllocationsAreAlignedAndIndependent) {
  Arena arena(16);
  uint8_t* a = arena.Allocate(3);
  uint8_t* b = arena.Allocate(100);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(a) % 8, 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(b) % 8, 0u);
  std::memset(a, 1, 3);
  std::memset(b, 2, 100);
  EXPECT_EQ(a[2], 1);
  EXPECT_EQ(b[99], 2);
}

TEST(ArenaTest, ChargesAndReleasesItsTracker) {
  MemoryTracker tracker;
  {
    Arena arena(1024, &tracker);
    arena.Allocate(10);
    EXPECT_EQ(tracker.used(), 1024);
    arena.Allocate(5000);
    EXPECT_GT(tracker.used(), 1024);
  }
  EXPECT_EQ(tracker.used(), 0);
}

TEST(MemoryTrackerTest, ThrowsOutOfMemoryPastTheLimitAndChargesNothing) {
  MemoryTracker parent(1000, nullptr, "database");
  MemoryTracker child(MemoryTracker::kNoLimit, &parent);
  child.Reserve(600);
  try {
    child.Reserve(600);
    FAIL() << "expected an out-of-memory error";
  } catch (const Exception& e) {
    EXPECT_EQ(e.code(), ErrorCode::kOutOfMemory);
    EXPECT_NE(std::string(e.what()).find("limit"), std::string::npos);
  }
  EXPECT_EQ(child.used(), 600);
  EXPECT_EQ(parent.used(), 600);
}

TEST(MemoryTrackerTest, ParsesByteSizes) {
  EXPECT_EQ(ParseByteSize("100"), 100);
  EXPECT_EQ(ParseByteSize("2KB"), 2048);
  EXPECT_EQ(ParseByteSize("1.5 GiB"), 1610612736);
  EXPECT_EQ(ParseByteSize("4gb"), int64_t{4} << 30);
  EXPECT_EQ(ParseByteSize("lots"), -1);
  EXPECT_EQ(ParseByteSize("5 parsecs"), -1);
}

}  // namespace
}  // namespace switchboard
