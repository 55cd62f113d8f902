// InterruptSignal: routes Ctrl-C (SIGINT) in the interactive shell to the prompt or to the running
// statement.
#pragma once

#include <thread>

namespace switchboard {

class Connection;

/// While it exists, SIGINT does not end the process: its handler writes a byte to a pipe (the only
/// async-signal-safe work it does). The shell polls `fd()` at the prompt to discard the line being
/// typed; while a Watch exists, a thread turns each Ctrl-C into Connection::Interrupt(). One
/// instance at a time; the previous SIGINT disposition is restored on destruction.
class InterruptSignal {
 public:
  InterruptSignal();
  ~InterruptSignal();
  InterruptSignal(const InterruptSignal&) = delete;
  InterruptSignal& operator=(const InterruptSignal&) = delete;

  /// Readable when Ctrl-C was pressed and not yet consumed.
  int fd() const { return pipe_[0]; }
  /// Consumes pending Ctrl-C presses; returns whether there were any.
  bool Consume() const;

  /// Interrupts `connection`'s running statement on Ctrl-C until destroyed (joins its thread).
  class Watch {
   public:
    Watch(const InterruptSignal& signal, Connection& connection);
    ~Watch();
    Watch(const Watch&) = delete;
    Watch& operator=(const Watch&) = delete;

   private:
    int stop_pipe_[2];
    std::thread thread_;
  };

 private:
  int pipe_[2];
};

}  // namespace switchboard
