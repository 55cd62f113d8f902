// SIGINT to self-pipe, and the watcher thread that interrupts running statements.
#include "main/cli/interrupt_signal.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "common/error.h"
#include "main/connection.h"

namespace switchboard {

namespace {

/// Write end of the active instance's pipe, for the signal handler.
volatile sig_atomic_t g_signal_pipe = -1;
struct sigaction g_previous_action;

void OnSigint(int) {
  int saved_errno = errno;
  char byte = 1;
  // A full pipe already holds a pending Ctrl-C; nothing is lost by dropping this one.
  [[maybe_unused]] ssize_t written = write(g_signal_pipe, &byte, 1);
  errno = saved_errno;
}

void MakePipe(int fds[2]) {
  SB_CHECK(pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0, "pipe2 failed: errno {}", errno);
}

}  // namespace

InterruptSignal::InterruptSignal() {
  SB_CHECK(g_signal_pipe == -1, "only one InterruptSignal may exist at a time");
  MakePipe(pipe_);
  g_signal_pipe = pipe_[1];
  struct sigaction action {};
  action.sa_handler = OnSigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &g_previous_action);
}

InterruptSignal::~InterruptSignal() {
  sigaction(SIGINT, &g_previous_action, nullptr);
  g_signal_pipe = -1;
  close(pipe_[0]);
  close(pipe_[1]);
}

bool InterruptSignal::Consume() const {
  bool any = false;
  char buffer[64];
  while (read(pipe_[0], buffer, sizeof(buffer)) > 0) any = true;
  return any;
}

InterruptSignal::Watch::Watch(const InterruptSignal& signal, Connection& connection) {
  MakePipe(stop_pipe_);
  thread_ = std::thread([this, &signal, &connection] {
    pollfd fds[2] = {{signal.fd(), POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    while (true) {
      if (poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (fds[1].revents != 0) return;
      if (signal.Consume()) connection.Interrupt();
    }
  });
}

InterruptSignal::Watch::~Watch() {
  char byte = 1;
  [[maybe_unused]] ssize_t written = write(stop_pipe_[1], &byte, 1);
  thread_.join();
  close(stop_pipe_[0]);
  close(stop_pipe_[1]);
}

}  // namespace switchboard
