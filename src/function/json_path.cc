// JSONPath parsing and evaluation over simdjson documents.
#include "function/json_path.h"

#include <cctype>

#include "common/error.h"
#include "function/json_util.h"

namespace switchboard {

JsonPath JsonPath::Parse(std::string_view path) {
  auto fail = [&]() { SB_THROW(kInvalidParameter, "Invalid JSON path: '{}'", path); };
  JsonPath result;
  size_t i = 0;
  auto skip_blanks = [&] {
    while (i < path.size() && std::isspace(static_cast<unsigned char>(path[i]))) ++i;
  };
  skip_blanks();
  if (i >= path.size() || path[i] != '$') fail();
  ++i;
  while (true) {
    skip_blanks();
    if (i >= path.size()) break;
    Step step{Step::Kind::kKey, {}, 0};
    if (path[i] == '.') {
      ++i;
      if (i < path.size() && path[i] == '*') {
        step.kind = Step::Kind::kWildcard;
        ++i;
      } else {
        size_t start = i;
        while (i < path.size() && path[i] != '.' && path[i] != '[' &&
               !std::isspace(static_cast<unsigned char>(path[i])))
          ++i;
        if (i == start) fail();
        step.key = std::string(path.substr(start, i - start));
      }
    } else if (path[i] == '[') {
      ++i;
      skip_blanks();
      if (i >= path.size()) fail();
      char c = path[i];
      if (c == '*') {
        step.kind = Step::Kind::kWildcard;
        ++i;
      } else if (c == '"' || c == '\'') {
        ++i;
        bool closed = false;
        while (i < path.size()) {
          char k = path[i++];
          if (k == c) {
            closed = true;
            break;
          }
          if (k == '\\') {
            if (i >= path.size()) fail();
            k = path[i++];
          }
          step.key.push_back(k);
        }
        if (!closed) fail();
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        step.kind = Step::Kind::kIndex;
        while (i < path.size() && std::isdigit(static_cast<unsigned char>(path[i]))) {
          step.index = step.index * 10 + (path[i++] - '0');
          if (step.index > (int64_t{1} << 40)) fail();
        }
      } else {
        fail();
      }
      skip_blanks();
      if (i >= path.size() || path[i] != ']') fail();
      ++i;
    } else {
      fail();
    }
    result.has_wildcard_ = result.has_wildcard_ || step.kind == Step::Kind::kWildcard;
    result.steps_.push_back(std::move(step));
  }
  return result;
}

void JsonPath::Select(simdjson::dom::element root, std::vector<simdjson::dom::element>& out) const {
  SelectFrom(root, 0, out);
}

void JsonPath::SelectFrom(simdjson::dom::element value, size_t step,
                          std::vector<simdjson::dom::element>& out) const {
  using simdjson::dom::element_type;
  if (step == steps_.size()) {
    out.push_back(value);
    return;
  }
  const Step& s = steps_[step];
  switch (s.kind) {
    case Step::Kind::kKey: {
      if (value.type() != element_type::OBJECT) return;
      // The last field of a name wins, as in the canonical text.
      simdjson::dom::element found;
      bool any = false;
      for (auto field : AsObject(value)) {
        if (field.key == s.key) {
          found = field.value;
          any = true;
        }
      }
      if (any) SelectFrom(found, step + 1, out);
      return;
    }
    case Step::Kind::kIndex: {
      if (value.type() != element_type::ARRAY) return;
      simdjson::dom::element child;
      if (AsArray(value).at(static_cast<size_t>(s.index)).get(child) == simdjson::SUCCESS) {
        SelectFrom(child, step + 1, out);
      }
      return;
    }
    case Step::Kind::kWildcard:
      if (value.type() == element_type::ARRAY) {
        for (simdjson::dom::element child : AsArray(value)) SelectFrom(child, step + 1, out);
      } else if (value.type() == element_type::OBJECT) {
        for (auto field : AsObject(value)) SelectFrom(field.value, step + 1, out);
      }
      return;
  }
}

}  // namespace switchboard
