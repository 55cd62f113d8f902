// Parsing and lookup of the known-deviations list.
#include "main/sqllogictest/expected_failures.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/string_util.h"

namespace switchboard {

Result<ExpectedFailures> ExpectedFailures::Parse(std::string_view text,
                                                 std::string_view list_name) {
  ExpectedFailures list;
  std::vector<std::string> lines = Split(text, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = TrimWhitespace(lines[i]);
    if (line.empty() || line[0] == '#') continue;
    auto fail = [&](std::string_view problem) {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("{}:{}: {} (expected '<test file>:<line>  <reason>')", list_name,
                               i + 1, problem)};
    };
    size_t space = line.find_first_of(" \t");
    std::string_view location = line.substr(0, space);
    std::string_view reason =
        space == std::string_view::npos ? std::string_view() : TrimWhitespace(line.substr(space));
    if (reason.empty()) return fail("the entry has no reason");
    size_t colon = location.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return fail("the entry has no line number");
    std::string_view number = location.substr(colon + 1);
    int record_line = 0;
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), record_line);
    if (error != std::errc() || end != number.data() + number.size() || record_line <= 0) {
      return fail(fmt::format("'{}' is not a line number", number));
    }
    auto& file_entries = list.entries_[FileKey(location.substr(0, colon))];
    if (!file_entries.emplace(record_line, std::string(reason)).second) {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("{}:{}: {} is listed twice", list_name, i + 1, location)};
    }
  }
  return list;
}

Result<ExpectedFailures> ExpectedFailures::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{ErrorCode::kIoError, fmt::format("cannot read expected-failures list {}", path)};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

const std::string* ExpectedFailures::Find(std::string_view test_file, int line) const {
  auto file = entries_.find(FileKey(test_file));
  if (file == entries_.end()) return nullptr;
  auto entry = file->second.find(line);
  return entry == file->second.end() ? nullptr : &entry->second;
}

std::vector<int> ExpectedFailures::LinesOf(std::string_view test_file) const {
  std::vector<int> lines;
  auto file = entries_.find(FileKey(test_file));
  if (file == entries_.end()) return lines;
  for (const auto& [line, reason] : file->second) lines.push_back(line);
  return lines;
}

size_t ExpectedFailures::size() const {
  size_t count = 0;
  for (const auto& [file, lines] : entries_) count += lines.size();
  return count;
}

std::string ExpectedFailures::FileKey(std::string_view path) {
  return std::filesystem::absolute(std::filesystem::path(path)).lexically_normal().string();
}

}  // namespace switchboard
