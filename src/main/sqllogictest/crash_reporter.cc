// Fatal-signal handlers that write the current test record before the process ends.
#include "main/sqllogictest/crash_reporter.h"

#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "common/error.h"

namespace switchboard {

namespace {

/// The message the handler writes: the context, then ": crashed (signal N)\n". Filled outside
/// the handler so that the handler only calls write(), which is async-signal-safe.
char g_message[512];
volatile sig_atomic_t g_context_length = 0;
bool g_installed = false;

void OnFatalSignal(int signal) {
  size_t length = static_cast<size_t>(g_context_length);
  char suffix[] = ": crashed (signal 00)\n";
  suffix[18] = static_cast<char>('0' + signal / 10 % 10);
  suffix[19] = static_cast<char>('0' + signal % 10);
  [[maybe_unused]] ssize_t written = write(STDERR_FILENO, g_message, length);
  written = write(STDERR_FILENO, suffix, sizeof(suffix) - 1);
  std::signal(signal, SIG_DFL);
  raise(signal);
}

}  // namespace

CrashReporter::CrashReporter() {
  SB_CHECK(!g_installed, "only one CrashReporter may exist at a time");
  g_installed = true;
  struct sigaction action {};
  action.sa_handler = OnFatalSignal;
  sigemptyset(&action.sa_mask);
  for (size_t i = 0; i < std::size(kSignals); ++i) sigaction(kSignals[i], &action, &previous_[i]);
}

CrashReporter::~CrashReporter() {
  for (size_t i = 0; i < std::size(kSignals); ++i) sigaction(kSignals[i], &previous_[i], nullptr);
  g_context_length = 0;
  g_installed = false;
}

void CrashReporter::SetContext(std::string_view context) {
  size_t length = std::min<size_t>(context.size(), 400);
  g_context_length = 0;
  std::memcpy(g_message, context.data(), length);
  g_context_length = static_cast<sig_atomic_t>(length);
}

}  // namespace switchboard
