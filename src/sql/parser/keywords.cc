// Trino's reserved words and the unquoted-identifier test.
#include "sql/parser/keywords.h"

#include <algorithm>
#include <array>

namespace switchboard::parser {

namespace {

// Trino's reserved keywords (docs: "Keywords and identifiers"), upper case, sorted.
constexpr std::array<std::string_view, 82> kReservedWords = {
    "ALTER",        "AND",
    "AS",           "BETWEEN",
    "BY",           "CASE",
    "CAST",         "CONSTRAINT",
    "CREATE",       "CROSS",
    "CUBE",         "CURRENT_CATALOG",
    "CURRENT_DATE", "CURRENT_PATH",
    "CURRENT_ROLE", "CURRENT_SCHEMA",
    "CURRENT_TIME", "CURRENT_TIMESTAMP",
    "CURRENT_USER", "DEALLOCATE",
    "DELETE",       "DESCRIBE",
    "DISTINCT",     "DROP",
    "ELSE",         "END",
    "ESCAPE",       "EXCEPT",
    "EXECUTE",      "EXISTS",
    "EXTRACT",      "FALSE",
    "FOR",          "FROM",
    "FULL",         "GROUP",
    "GROUPING",     "HAVING",
    "IN",           "INNER",
    "INSERT",       "INTERSECT",
    "INTO",         "IS",
    "JOIN",         "JSON_ARRAY",
    "JSON_EXISTS",  "JSON_OBJECT",
    "JSON_QUERY",   "JSON_TABLE",
    "JSON_VALUE",   "LEFT",
    "LIKE",         "LISTAGG",
    "LOCALTIME",    "LOCALTIMESTAMP",
    "NATURAL",      "NORMALIZE",
    "NOT",          "NULL",
    "ON",           "OR",
    "ORDER",        "OUTER",
    "PREPARE",      "RECURSIVE",
    "RIGHT",        "ROLLUP",
    "SELECT",       "SKIP",
    "TABLE",        "THEN",
    "TRIM",         "TRUE",
    "UESCAPE",      "UNION",
    "UNNEST",       "USING",
    "VALUES",       "WHEN",
    "WHERE",        "WITH",
};
static_assert(std::is_sorted(kReservedWords.begin(), kReservedWords.end()));

constexpr size_t kLongestReservedWord = 17;  // CURRENT_TIMESTAMP

}  // namespace

bool IsReservedWord(std::string_view word) {
  if (word.size() < 2 || word.size() > kLongestReservedWord) return false;
  char upper[kLongestReservedWord];
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    upper[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  }
  std::string_view key(upper, word.size());
  return std::binary_search(kReservedWords.begin(), kReservedWords.end(), key);
}

bool IsWord(std::string_view name) {
  if (name.empty() || !IsIdentifierStart(name[0])) return false;
  return std::all_of(name.begin(), name.end(), IsIdentifierPart);
}

}  // namespace switchboard::parser
