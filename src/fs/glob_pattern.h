// GlobPattern: shell-style path patterns (`*`, `**`, `?`, `[...]`) as DuckDB's read_parquet
// accepts them, matched segment by segment against '/'-separated paths.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace switchboard {

/// A compiled glob. `*` matches any run of characters other than '/', `?` one character other
/// than '/', `[abc]`, `[a-z]`, `[!a-z]` and `[^a-z]` one character of (or not of) a class, and a
/// segment that is exactly `**` any number of whole segments, none included. A `[` without a
/// closing `]` is an ordinary character. Immutable and thread-safe once built.
class GlobPattern {
 public:
  explicit GlobPattern(std::string_view pattern);

  /// Whether `text` contains any of the wildcard characters `*`, `?` or `[`.
  static bool HasWildcards(std::string_view text);

  /// Whether the whole of `path` matches.
  bool Matches(std::string_view path) const;

 private:
  bool MatchSegments(size_t pattern_index, const std::vector<std::string_view>& path,
                     size_t path_index) const;

  std::vector<std::string> segments_;
};

/// Whether one path segment (no '/') matches one pattern segment (no `**` handling).
bool GlobMatchSegment(std::string_view pattern, std::string_view text);

}  // namespace switchboard
