// Tests for ThreadPool.
#include <gtest/gtest.h>

#include <atomic>

#include "common/error.h"
#include "common/thread_pool.h"

namespace switchboard {
namespace {

TEST(ThreadPoolTest, RunsEveryTaskOnce) {
  ThreadPool pool(4);
  std::vector<std::atomic<int>> counts(1000);
  pool.ParallelFor(counts.size(), [&](size_t i) { counts[i]++; });
  for (auto& count : counts) EXPECT_EQ(count.load(), 1);
}

TEST(ThreadPoolTest, NestedLoopsDoNotDeadlock) {
  ThreadPool pool(2);
  std::atomic<int> total{0};
  pool.ParallelFor(8, [&](size_t) { pool.ParallelFor(8, [&](size_t) { total++; }); });
  EXPECT_EQ(total.load(), 64);
}

TEST(ThreadPoolTest, RethrowsTheFirstErrorAfterAllTasksFinish) {
  ThreadPool pool(3);
  std::atomic<int> finished{0};
  EXPECT_THROW(pool.ParallelFor(16,
                                [&](size_t i) {
                                  finished++;
                                  if (i == 5) SB_THROW(kInternal, "task {} failed", i);
                                }),
               Exception);
  EXPECT_EQ(finished.load(), 16);
}

}  // namespace
}  // namespace switchboard
