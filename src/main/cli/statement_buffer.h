// StatementBuffer: collects shell input lines until they end a SQL statement.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace switchboard {

/// Input is complete when its last significant character, outside quotes and comments, is ';'
/// (so "SELECT 1; SELECT" waits for more). Understands '...' strings (with '' inside), "..." and
/// `...` quoted identifiers, -- line comments and /* */ block comments; strings, identifiers and
/// block comments may span lines. Not thread-safe.
class StatementBuffer {
 public:
  /// Adds one line (without its line terminator).
  void AppendLine(std::string_view line);

  /// Whether the text so far ends a statement.
  bool IsComplete() const { return state_ == State::kCode && ends_with_semicolon_; }
  /// Whether nothing but whitespace and comments was added (and no quote or comment is open).
  bool IsEmpty() const { return state_ == State::kCode && !has_code_; }

  /// Returns the text (lines joined with "\n") and empties the buffer.
  std::string Take();
  void Clear();

 private:
  enum class State : uint8_t { kCode, kSingleQuote, kDoubleQuote, kBacktick, kBlockComment };

  std::string text_;
  State state_ = State::kCode;
  bool ends_with_semicolon_ = false;
  bool has_code_ = false;
};

}  // namespace switchboard
