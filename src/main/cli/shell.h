// Shell: the interactive SQL shell (readline, history, dot commands, Ctrl-C) and the reader of
// SQL scripts piped to stdin.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "main/cli/interrupt_signal.h"
#include "main/cli/result_formatter.h"
#include "main/cli/statement_buffer.h"

namespace switchboard {

class Connection;

struct ShellSettings {
  OutputFormat format = OutputFormat::kTable;
  /// Print each statement's run time on stderr.
  bool timer = false;
};

/// Runs statements as they are completed (a line ending in ';', see StatementBuffer), printing
/// each statement's result to stdout in the current format and errors to stderr as
/// "Error: <message>". Lines starting with '.' between statements are dot commands:
///   .help  .mode [table|csv|json|markdown]  .timer on|off  .read FILE  .tables  .quit  .exit
/// Holds a reference to the connection, which must outlive it. Not thread-safe.
class Shell {
 public:
  Shell(Connection& connection, ShellSettings settings);

  /// Reads from the terminal with GNU readline: prompts, line editing, history kept in
  /// ~/.switchboard_history. An error is reported and the shell goes on; Ctrl-C interrupts the
  /// running statement, or discards the statement being typed. Returns the exit status (0) at
  /// .quit, .exit or end of input (Ctrl-D).
  int RunInteractive();

  /// Reads statements and dot commands from `in` without prompts (for `... | switchboard`); text
  /// after the last ';' runs at the end of input. Stops at the first error. Returns the exit
  /// status: 0, or 1 after an error.
  int RunScript(std::istream& in);

 private:
  enum class Status { kOk, kError, kQuit };

  /// Feeds one input line: runs a dot command or a completed statement. `remember`: add the
  /// completed entry to the readline history.
  Status HandleLine(std::string_view line, StatementBuffer& buffer, bool remember);
  /// Runs every line of `in`, then what is left in the buffer; stops at an error or .quit.
  Status RunStream(std::istream& in);
  Status RunDotCommand(std::string_view line);
  Status RunSql(std::string_view sql);
  /// Called by readline when a line is entered (nullopt at end of input).
  void OnLineEntered(std::optional<std::string> line);
  /// Writes "Error: <message>" to stderr.
  static Status ReportError(std::string_view message);

  Connection& connection_;
  ResultFormatter formatter_;
  bool timer_;
  /// Set while RunInteractive runs.
  const InterruptSignal* interrupt_ = nullptr;
  /// The readline history file while RunInteractive runs ("" without one).
  std::string history_path_;
  /// Nesting of .read files, to stop a file that reads itself.
  int read_depth_ = 0;
  /// RunInteractive's state between readline callbacks.
  StatementBuffer interactive_buffer_;
  bool quit_ = false;
};

}  // namespace switchboard
