// MemoryTracker: counts the bytes a query (or the whole database) holds and enforces a limit.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace switchboard {

/// Thread-safe byte accounting with an optional limit and an optional parent that is charged
/// too. Reserve throws kOutOfMemory (SQLSTATE 53200) when the limit would be exceeded.
class MemoryTracker {
 public:
  static constexpr int64_t kNoLimit = INT64_MAX;

  /// `label` names the holder in the out-of-memory error and `remedy` says how to raise the limit.
  explicit MemoryTracker(int64_t limit = kNoLimit, MemoryTracker* parent = nullptr, std::string label = "query",
                         std::string remedy = "SET memory_limit = '...'")
      : limit_(limit), parent_(parent), label_(std::move(label)), remedy_(std::move(remedy)) {}
  MemoryTracker(const MemoryTracker&) = delete;
  MemoryTracker& operator=(const MemoryTracker&) = delete;

  /// Charges `bytes`; throws kOutOfMemory (charging nothing) when over the limit here or above.
  void Reserve(int64_t bytes);
  void Release(int64_t bytes);

  int64_t used() const { return used_.load(std::memory_order_relaxed); }
  int64_t peak() const { return peak_.load(std::memory_order_relaxed); }
  int64_t limit() const { return limit_; }
  void set_limit(int64_t limit) { limit_ = limit; }

 private:
  std::atomic<int64_t> used_{0};
  std::atomic<int64_t> peak_{0};
  int64_t limit_;
  MemoryTracker* parent_;
  std::string label_;
  std::string remedy_;
};

/// Parses "4GB", "512MB", "100000" (bytes), case-insensitively; -1 when it is not a size.
int64_t ParseByteSize(std::string_view text);

/// "1.5 GiB" style rendering for messages.
std::string FormatByteSize(int64_t bytes);

}  // namespace switchboard
