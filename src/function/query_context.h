// QueryContext: what a running query exposes to functions, scans and operators: the session's
// settings, resource accounting and the thread pool.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace switchboard {

class MemoryTracker;
class ThreadPool;

/// Owned by the connection for the duration of one statement; read-only to functions except
/// for the atomic counters.
class QueryContext {
 public:
  /// Statement start (UTC microseconds): current_timestamp and friends return it.
  int64_t start_micros = 0;
  /// The session's time zone key (see TimeZone).
  int16_t time_zone = 0;
  std::string user = "switchboard";
  std::string catalog;
  std::string schema;
  MemoryTracker* memory = nullptr;
  ThreadPool* pool = nullptr;
  /// Threads a query may use.
  uint32_t threads = 1;
  /// Bytes read from storage so far (files, remote databases).
  std::atomic<int64_t> bytes_scanned{0};
  /// Cap on bytes_scanned; 0 = none.
  int64_t max_bytes_scanned = 0;
  /// Set to stop the query at the next batch boundary.
  std::atomic<bool> cancelled{false};
  /// The session's interrupt flag (Ctrl-C in a shell, a cancel request); may be null.
  const std::atomic<bool>* interrupt = nullptr;

  /// Adds to bytes_scanned; throws kResourceLimit when the cap is exceeded.
  void AddBytesScanned(int64_t bytes);
  /// Throws kQueryCanceled when the query was cancelled.
  void CheckCancelled() const;
};

}  // namespace switchboard
