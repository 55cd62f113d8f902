// JsonPath: the JSONPath subset of Trino's json_extract family: `$`, `.key`, `["key"]`,
// `['key']`, `[index]`, and the wildcards `.*` and `[*]`.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

namespace switchboard {

/// A compiled path; immutable and shared by threads.
class JsonPath {
 public:
  /// Parses `path`; throws kInvalidParameter "Invalid JSON path: '...'".
  static JsonPath Parse(std::string_view path);

  /// Appends the values the path selects under `root`, in document order (none when a step
  /// does not apply).
  void Select(simdjson::dom::element root, std::vector<simdjson::dom::element>& out) const;

  /// Whether the path can select more than one value.
  bool has_wildcard() const { return has_wildcard_; }

 private:
  struct Step {
    enum class Kind : uint8_t { kKey, kIndex, kWildcard } kind;
    std::string key;
    int64_t index = 0;
  };

  void SelectFrom(simdjson::dom::element value, size_t step,
                  std::vector<simdjson::dom::element>& out) const;

  std::vector<Step> steps_;
  bool has_wildcard_ = false;
};

}  // namespace switchboard
