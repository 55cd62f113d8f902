// The interactive shell (readline's callback interface, polled together with the Ctrl-C pipe) and
// the script reader.
#include "main/cli/shell.h"

#include <poll.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>

#include "common/string_util.h"
#include "main/connection.h"

namespace switchboard {

namespace {

constexpr const char* kPrompt = "switchboard> ";
constexpr const char* kContinuationPrompt = "         ...> ";
constexpr int kHistoryLines = 2000;
/// .read files may read other files, up to this depth.
constexpr int kMaxReadDepth = 16;

constexpr std::string_view kHelp =
    "Statements end with ';' and may span lines.\n"
    ".help                  show this help\n"
    ".mode [FORMAT]         output format: table, csv, json or markdown (no FORMAT: show it)\n"
    ".timer on|off          print each statement's run time\n"
    ".read FILE             run the statements and dot commands in FILE\n"
    ".tables                list the tables (SHOW TABLES)\n"
    ".quit, .exit           leave the shell (Ctrl-D too)\n"
    "Ctrl-C stops the running statement, or discards the statement being typed.\n";

/// Where readline's line callback (which takes no context) reports lines.
std::function<void(std::optional<std::string>)> g_on_line;

void OnReadlineLine(char* line) {
  std::optional<std::string> text;
  if (line != nullptr) {
    text = line;
    std::free(line);
  }
  // Restores the terminal while the line runs; InstallPrompt installs the handler again.
  rl_callback_handler_remove();
  g_on_line(std::move(text));
}

void InstallPrompt(bool continuation) {
  rl_callback_handler_install(continuation ? kContinuationPrompt : kPrompt, OnReadlineLine);
}

/// ~/.switchboard_history, or "" without a home directory.
std::string HistoryPath() {
  const char* home = std::getenv("HOME");
  return home == nullptr || *home == '\0' ? std::string()
                                          : std::string(home) + "/.switchboard_history";
}

}  // namespace

Shell::Status Shell::ReportError(std::string_view message) {
  std::cerr << "Error: " << message << std::endl;
  return Status::kError;
}

Shell::Shell(Connection& connection, ShellSettings settings)
    : connection_(connection), formatter_(settings.format), timer_(settings.timer) {}

int Shell::RunInteractive() {
  InterruptSignal interrupt;
  interrupt_ = &interrupt;
  history_path_ = HistoryPath();
  using_history();
  stifle_history(kHistoryLines);
  if (!history_path_.empty()) {
    // append_history needs the file to exist.
    if (read_history(history_path_.c_str()) != 0) write_history(history_path_.c_str());
  }
  rl_readline_name = "switchboard";
  rl_catch_signals = 0;  // SIGINT is InterruptSignal's
  g_on_line = [this](std::optional<std::string> line) { OnLineEntered(std::move(line)); };

  std::cout << "Switchboard shell. Statements end with ';'. Enter .help for help." << std::endl;
  quit_ = false;
  InstallPrompt(false);
  while (!quit_) {
    pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {interrupt.fd(), POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[1].revents != 0 && interrupt.Consume()) {
      // Ctrl-C at the prompt: drop the line being edited and the statement typed so far.
      rl_callback_sigcleanup();
      rl_replace_line("", 0);
      rl_callback_handler_remove();
      interactive_buffer_.Clear();
      std::cout << std::endl;
      InstallPrompt(false);
    } else if (fds[0].revents != 0) {
      rl_callback_read_char();
    }
  }
  rl_callback_handler_remove();
  if (!history_path_.empty()) history_truncate_file(history_path_.c_str(), kHistoryLines);
  g_on_line = nullptr;
  interrupt_ = nullptr;
  return 0;
}

void Shell::OnLineEntered(std::optional<std::string> line) {
  if (!line) {
    std::cout << std::endl;
    quit_ = true;
    return;
  }
  if (HandleLine(*line, interactive_buffer_, true) == Status::kQuit) {
    quit_ = true;
    return;
  }
  InstallPrompt(!interactive_buffer_.IsEmpty());
}

int Shell::RunScript(std::istream& in) { return RunStream(in) == Status::kError ? 1 : 0; }

Shell::Status Shell::RunStream(std::istream& in) {
  StatementBuffer buffer;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Status status = HandleLine(line, buffer, false);
    if (status != Status::kOk) return status;
  }
  return buffer.IsEmpty() ? Status::kOk : RunSql(buffer.Take());
}

Shell::Status Shell::HandleLine(std::string_view line, StatementBuffer& buffer, bool remember) {
  std::string entry;
  Status status = Status::kOk;
  std::string_view trimmed = TrimWhitespace(line);
  if (buffer.IsEmpty() && StartsWith(trimmed, ".")) {
    buffer.Clear();  // comment lines before the command
    entry = std::string(trimmed);
    status = RunDotCommand(trimmed);
  } else {
    buffer.AppendLine(line);
    if (buffer.IsComplete()) {
      entry = buffer.Take();
      status = RunSql(entry);
    } else if (buffer.IsEmpty()) {
      buffer.Clear();  // only comments so far
    }
  }
  if (remember && !entry.empty()) {
    std::replace(entry.begin(), entry.end(), '\n', ' ');
    add_history(entry.c_str());
    if (!history_path_.empty()) append_history(1, history_path_.c_str());
  }
  return status;
}

Shell::Status Shell::RunDotCommand(std::string_view line) {
  size_t space = line.find_first_of(" \t");
  std::string_view command = line.substr(0, space);
  std::string_view argument =
      space == std::string_view::npos ? std::string_view() : TrimWhitespace(line.substr(space));
  if (command == ".help") {
    std::cout << kHelp;
  } else if (command == ".quit" || command == ".exit") {
    return Status::kQuit;
  } else if (command == ".mode") {
    if (argument.empty()) {
      std::cout << OutputFormatName(formatter_.format()) << std::endl;
    } else if (std::optional<OutputFormat> format = ParseOutputFormat(argument)) {
      formatter_ = ResultFormatter(*format);
    } else {
      return ReportError(fmt::format("unknown mode '{}' (table, csv, json or markdown)", argument));
    }
  } else if (command == ".timer") {
    if (argument != "on" && argument != "off") return ReportError(".timer takes 'on' or 'off'");
    timer_ = argument == "on";
  } else if (command == ".read") {
    if (argument.empty()) return ReportError(".read needs a file name");
    if (read_depth_ >= kMaxReadDepth) {
      return ReportError(fmt::format(".read nested more than {} files deep", kMaxReadDepth));
    }
    std::ifstream file{std::filesystem::path(argument)};
    if (!file)
      return ReportError(fmt::format("cannot read {}: {}", argument, std::strerror(errno)));
    ++read_depth_;
    Status status = RunStream(file);
    --read_depth_;
    return status;
  } else if (command == ".tables") {
    return RunSql("SHOW TABLES");
  } else {
    return ReportError(fmt::format("unknown command '{}' (enter .help for the list)", command));
  }
  return Status::kOk;
}

Shell::Status Shell::RunSql(std::string_view sql) {
  std::optional<InterruptSignal::Watch> watch;
  if (interrupt_ != nullptr) watch.emplace(*interrupt_, connection_);
  Result<void> status = connection_.QueryEach(sql, [&](std::unique_ptr<QueryResult> result) {
    formatter_.Write(*result, std::cout);
    std::cout.flush();
    if (timer_) std::cerr << ResultFormatter::RunTimeLine(result->elapsed_ms()) << std::endl;
  });
  watch.reset();
  if (status.ok()) return Status::kOk;
  // The terminal echoed "^C" after the prompt line; start the message on a line of its own.
  if (interrupt_ != nullptr && status.error().code == ErrorCode::kQueryCanceled) std::cerr << "\n";
  return ReportError(status.error().message);
}

}  // namespace switchboard
