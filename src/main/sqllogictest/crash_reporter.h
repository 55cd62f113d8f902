// CrashReporter: names the record that was running when the engine under test crashed.
#pragma once

#include <csignal>
#include <string_view>

namespace switchboard {

/// While it exists, a fatal signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) first writes
/// "<context>: crashed (signal N)" to stderr, then ends the process as the signal would have.
/// Without it, a crash in the engine loses which of a file's thousands of records caused it.
/// One instance at a time; the previous handlers are restored on destruction.
class CrashReporter {
 public:
  CrashReporter();
  ~CrashReporter();
  CrashReporter(const CrashReporter&) = delete;
  CrashReporter& operator=(const CrashReporter&) = delete;

  /// Sets the context written on a crash (at most 400 bytes are kept). Call from one thread.
  void SetContext(std::string_view context);

 private:
  static constexpr int kSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
  struct sigaction previous_[std::size(kSignals)];
};

}  // namespace switchboard
