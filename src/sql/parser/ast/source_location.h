// Positions in SQL text: the line:column where an AST node starts and the byte span of a statement.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace switchboard::ast {

/// Where a node starts in the SQL text. 1-based; the column counts characters, not bytes.
/// A default-constructed location (0:0) marks a node that was not parsed from text.
struct SourceLocation {
  uint32_t line = 0;
  uint32_t column = 0;

  /// "line 3:15", the prefix of error messages about this node.
  std::string ToString() const {
    return "line " + std::to_string(line) + ":" + std::to_string(column);
  }
};

/// A half-open byte range [begin, end) of the SQL text.
struct SourceSpan {
  uint32_t begin = 0;
  uint32_t end = 0;

  /// The text of this span in `sql`, which must be the text the span was taken from.
  std::string_view Of(std::string_view sql) const { return sql.substr(begin, end - begin); }
};

}  // namespace switchboard::ast
