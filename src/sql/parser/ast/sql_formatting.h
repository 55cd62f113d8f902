// Small helpers for printing AST nodes back to SQL.
#pragma once

#include <string>
#include <string_view>

namespace switchboard::ast {

/// `text` as a standard SQL string literal: single quotes, inner quotes doubled.
std::string QuoteString(std::string_view text);

/// Appends `separator` and then `text` to `out`, without the separator when `out` is empty.
void AppendWithSeparator(std::string& out, std::string_view separator, std::string_view text);

}  // namespace switchboard::ast
