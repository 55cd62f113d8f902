// Tests for Buffer and its recycling pool.
#include "fs/buffer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <thread>
#include <vector>

namespace switchboard {
namespace {

TEST(BufferTest, AllocatesTheRequestedSize) {
  for (size_t size : {size_t{0}, size_t{10}, Buffer::kMinPooledSize + 1, size_t{3} << 20}) {
    auto buffer = Buffer::Allocate(size);
    EXPECT_EQ(buffer->size(), size);
    if (size > 0) {
      std::memset(buffer->data(), 0xab, size);
      EXPECT_EQ(buffer->data()[size - 1], 0xab);
    }
  }
}

TEST(BufferTest, RecyclesLargeBlocks) {
  uint8_t* first;
  {
    auto buffer = Buffer::Allocate(Buffer::kMinPooledSize * 3);
    first = buffer->data();
  }
  // A freed block of the same size class serves the next allocation.
  auto again = Buffer::Allocate(Buffer::kMinPooledSize * 3 + 100);
  EXPECT_EQ(again->data(), first);
}

TEST(BufferTest, PoolIsSafeAcrossThreads) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 200; ++i) {
        auto buffer = Buffer::Allocate(Buffer::kMinPooledSize << (i % 4));
        std::memset(buffer->data(), t, buffer->size());
        EXPECT_EQ(buffer->data()[buffer->size() / 2], t);
      }
    });
  }
  for (auto& thread : threads) thread.join();
}

}  // namespace
}  // namespace switchboard
