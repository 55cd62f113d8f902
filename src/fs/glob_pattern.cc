// Glob matching: segment splitting, `**` backtracking and character classes.
#include "fs/glob_pattern.h"

namespace switchboard {

namespace {

std::vector<std::string_view> SplitSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

// Matches `c` against the class that starts at pattern[open] == '['. Sets `end` to the index
// just past the closing ']'; returns false with end == npos when the class is unterminated.
bool MatchClass(std::string_view pattern, size_t open, char c, size_t& end) {
  size_t i = open + 1;
  bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool matched = false;
  bool first = true;
  while (i < pattern.size() && (pattern[i] != ']' || first)) {
    first = false;
    char low = pattern[i];
    char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      high = pattern[i + 2];
      i += 3;
    } else {
      ++i;
    }
    if (static_cast<unsigned char>(c) >= static_cast<unsigned char>(low) &&
        static_cast<unsigned char>(c) <= static_cast<unsigned char>(high)) {
      matched = true;
    }
  }
  if (i >= pattern.size()) {
    end = std::string_view::npos;
    return false;
  }
  end = i + 1;
  return matched != negate;
}

}  // namespace

bool GlobMatchSegment(std::string_view pattern, std::string_view text) {
  // Iterative matching with one backtrack point for the last `*` (linear in practice).
  size_t p = 0;
  size_t t = 0;
  size_t star_p = std::string_view::npos;
  size_t star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size()) {
      char pc = pattern[p];
      if (pc == '*') {
        while (p < pattern.size() && pattern[p] == '*') ++p;
        star_p = p;
        star_t = t;
        continue;
      }
      if (pc == '?') {
        ++p;
        ++t;
        continue;
      }
      if (pc == '[') {
        size_t end;
        bool matched = MatchClass(pattern, p, text[t], end);
        if (end == std::string_view::npos) {
          // Unterminated class: '[' is literal.
          if (text[t] == '[') {
            ++p;
            ++t;
            continue;
          }
        } else if (matched) {
          p = end;
          ++t;
          continue;
        }
      } else if (pc == text[t]) {
        ++p;
        ++t;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    t = ++star_t;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

GlobPattern::GlobPattern(std::string_view pattern) {
  for (std::string_view segment : SplitSegments(pattern)) segments_.emplace_back(segment);
}

bool GlobPattern::HasWildcards(std::string_view text) {
  return text.find_first_of("*?[") != std::string_view::npos;
}

bool GlobPattern::Matches(std::string_view path) const {
  return MatchSegments(0, SplitSegments(path), 0);
}

bool GlobPattern::MatchSegments(size_t pattern_index, const std::vector<std::string_view>& path,
                                size_t path_index) const {
  while (pattern_index < segments_.size()) {
    const std::string& segment = segments_[pattern_index];
    if (segment == "**") {
      // Collapse consecutive `**` segments, then try every split point.
      while (pattern_index + 1 < segments_.size() && segments_[pattern_index + 1] == "**") {
        ++pattern_index;
      }
      if (pattern_index + 1 == segments_.size()) return true;
      for (size_t k = path_index; k <= path.size(); ++k) {
        if (MatchSegments(pattern_index + 1, path, k)) return true;
      }
      return false;
    }
    if (path_index >= path.size() || !GlobMatchSegment(segment, path[path_index])) return false;
    ++pattern_index;
    ++path_index;
  }
  return path_index == path.size();
}

}  // namespace switchboard
