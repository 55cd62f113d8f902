// Statement completion for the shell: a small scanner over quotes and comments.
#include "main/cli/statement_buffer.h"

#include <utility>

namespace switchboard {

void StatementBuffer::AppendLine(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    char next = i + 1 < line.size() ? line[i + 1] : '\0';
    switch (state_) {
      case State::kCode:
        if (c == '-' && next == '-') {
          i = line.size();  // the rest of the line is a comment
        } else if (c == '/' && next == '*') {
          state_ = State::kBlockComment;
          ++i;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
          has_code_ = true;
          ends_with_semicolon_ = c == ';';
          if (c == '\'') state_ = State::kSingleQuote;
          if (c == '"') state_ = State::kDoubleQuote;
          if (c == '`') state_ = State::kBacktick;
        }
        break;
      case State::kSingleQuote:
      case State::kDoubleQuote:
      case State::kBacktick: {
        char quote = state_ == State::kSingleQuote   ? '\''
                     : state_ == State::kDoubleQuote ? '"'
                                                     : '`';
        if (c != quote) break;
        if (next == quote) {
          ++i;  // a doubled quote stands for itself
        } else {
          state_ = State::kCode;
        }
        break;
      }
      case State::kBlockComment:
        if (c == '*' && next == '/') {
          state_ = State::kCode;
          ++i;
        }
        break;
    }
  }
  if (!text_.empty()) text_ += '\n';
  text_ += line;
}

std::string StatementBuffer::Take() {
  std::string text = std::move(text_);
  Clear();
  return text;
}

void StatementBuffer::Clear() {
  text_.clear();
  state_ = State::kCode;
  ends_with_semicolon_ = false;
  has_code_ = false;
}

}  // namespace switchboard
