// Small string helpers shared by every module: case folding, splitting, joining, and the
// closest-match search behind "did you mean" hints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace switchboard {

std::string ToLower(std::string_view text);
std::string ToUpper(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);

std::vector<std::string> Split(std::string_view text, char separator);
std::string Join(const std::vector<std::string>& parts, std::string_view separator);
std::string_view TrimWhitespace(std::string_view text);

/// SQL LIKE matching of `text` against `pattern` (`%` any run, `_` one character; bytes, no
/// escape character). For SHOW ... LIKE and catalog listings; queries use the like() function.
bool MatchLikePattern(std::string_view text, std::string_view pattern);

/// Edit distance (insertions, deletions, substitutions), ignoring ASCII case.
size_t LevenshteinDistance(std::string_view a, std::string_view b);

/// Up to `limit` candidates closest to `name` (a distance of at most a third of its length, at
/// least 2), nearest first, for "did you mean" hints.
std::vector<std::string> ClosestMatches(std::string_view name,
                                        const std::vector<std::string>& candidates,
                                        size_t limit = 3);

/// ", did you mean \"x\"?" style suffix for an error message, or "" when nothing is close.
std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace switchboard
