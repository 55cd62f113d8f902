// File expansion and Hive partition folders.
#include "connector/files/file_list.h"

#include <charconv>
#include <unordered_set>

#include "common/error.h"
#include "common/string_util.h"
#include "fs/file_system.h"
#include "fs/glob_pattern.h"
#include "function/cast.h"
#include "function/comparison.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

constexpr std::string_view kHiveDefaultPartition = "__HIVE_DEFAULT_PARTITION__";

void ExpandOne(const std::string& pattern, std::vector<std::string>& paths,
               std::unordered_set<std::string>& seen) {
  auto fs = FileSystem::ForPath(pattern);
  if (!fs.ok()) throw Exception(fs.error());
  if (!GlobPattern::HasWildcards(pattern)) {
    auto info = (*fs)->Stat(pattern);
    if (!info.ok())
      throw Exception(ErrorCode::kIoError, fmt::format("No file found at '{}'", pattern));
    if (info->is_directory) {
      throw Exception(
          ErrorCode::kInvalidParameter,
          fmt::format("'{}' is a folder: name its files, e.g. '{}/*.parquet' or '{}/**/*.parquet'",
                      pattern, pattern, pattern));
    }
    if (seen.insert(pattern).second) paths.push_back(pattern);
    return;
  }
  auto matches = (*fs)->Glob(pattern);
  if (!matches.ok()) {
    // A glob under a folder that does not exist matches nothing; say so rather than that the
    // folder could not be listed.
    size_t slash = pattern.rfind('/', pattern.find_first_of("*?["));
    std::string folder = slash == std::string::npos || slash == 0 ? "" : pattern.substr(0, slash);
    auto folder_exists = folder.empty() ? Result<bool>(true) : (*fs)->Exists(folder);
    if (folder_exists.ok() && !*folder_exists) {
      throw Exception(
          ErrorCode::kIoError,
          fmt::format("No files match '{}': folder '{}' does not exist", pattern, folder));
    }
    throw Exception(matches.error());
  }
  if (matches->empty()) {
    throw Exception(ErrorCode::kIoError, fmt::format("No files match '{}'", pattern));
  }
  for (auto& match : *matches) {
    if (seen.insert(match.path).second) paths.push_back(std::move(match.path));
  }
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    int value = 0;
    if (text[i] == '%' && i + 2 < text.size() &&
        std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16).ptr ==
            text.data() + i + 3) {
      out.push_back(static_cast<char>(value));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// The key=value folder segments of `path`, in order.
std::vector<std::pair<std::string, std::string>> HiveSegments(std::string_view path) {
  std::vector<std::pair<std::string, std::string>> segments;
  std::vector<std::string> parts = Split(path, '/');
  for (size_t i = 0; i + 1 < parts.size(); ++i) {  // the last part is the file name
    size_t eq = parts[i].find('=');
    if (eq == std::string::npos || eq == 0) continue;
    segments.emplace_back(parts[i].substr(0, eq),
                          PercentDecode(std::string_view(parts[i]).substr(eq + 1)));
  }
  return segments;
}

bool IsBigint(std::string_view text) {
  int64_t value;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

// BIGINT when every value is an integer, DATE when every value is a date, else VARCHAR.
LogicalType InferPartitionType(const std::vector<std::string_view>& values) {
  bool all_bigint = true, all_date = true;
  for (std::string_view v : values) {
    if (v == kHiveDefaultPartition) continue;
    all_bigint = all_bigint && IsBigint(v);
    all_date = all_date && v.size() == 10 && Date::Parse(v).has_value();
  }
  if (all_bigint) return TypeId::kBigint;
  if (all_date) return TypeId::kDate;
  return LogicalType::Varchar();
}

}  // namespace

Value HivePartitionValue(std::string_view text, const LogicalType& type) {
  if (text == kHiveDefaultPartition) return Value::Null(type);
  return CastValue(Value::Varchar(std::string(text)), type);
}

FileList ExpandFiles(const Value& argument, HivePartitioning hive) {
  FileList list;
  std::unordered_set<std::string> seen;
  if (argument.type().id() == TypeId::kArray) {
    for (const Value& element : argument.children()) {
      if (element.is_null())
        throw Exception(ErrorCode::kInvalidParameter, "A file list must not contain NULL");
      ExpandOne(element.GetString(), list.paths, seen);
    }
  } else if (argument.type().IsString() && !argument.is_null()) {
    ExpandOne(argument.GetString(), list.paths, seen);
  } else {
    throw Exception(ErrorCode::kInvalidParameter,
                    fmt::format("Expected a path, a glob or an array of them, got {}",
                                argument.type().ToString()));
  }
  if (list.paths.empty()) throw Exception(ErrorCode::kInvalidParameter, "The file list is empty");
  if (hive == HivePartitioning::kDisabled) return list;

  // Partition keys: those of the first file, which every other file must have in the same order.
  std::vector<std::vector<std::pair<std::string, std::string>>> segments;
  segments.reserve(list.paths.size());
  for (const auto& path : list.paths) segments.push_back(HiveSegments(path));
  auto same_keys = [&](const auto& a, const auto& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!EqualsIgnoreCase(a[i].first, b[i].first)) return false;
    }
    return true;
  };
  for (size_t f = 1; f < segments.size(); ++f) {
    if (same_keys(segments[0], segments[f])) continue;
    if (hive == HivePartitioning::kAuto) return list;
    throw Exception(ErrorCode::kInvalidParameter,
                    fmt::format("Hive partitioning: '{}' and '{}' have different partition folders",
                                list.paths[0], list.paths[f]));
  }
  if (segments[0].empty()) {
    if (hive == HivePartitioning::kEnabled) {
      throw Exception(
          ErrorCode::kInvalidParameter,
          fmt::format("Hive partitioning: '{}' has no key=value folders", list.paths[0]));
    }
    return list;
  }
  for (size_t k = 0; k < segments[0].size(); ++k) {
    std::vector<std::string_view> values;
    for (const auto& file : segments) values.push_back(file[k].second);
    list.partition_columns.push_back({ToLower(segments[0][k].first), InferPartitionType(values)});
  }
  list.partition_values.resize(list.paths.size());
  for (size_t f = 0; f < segments.size(); ++f) {
    for (size_t k = 0; k < segments[f].size(); ++k) {
      list.partition_values[f].push_back(
          HivePartitionValue(segments[f][k].second, list.partition_columns[k].type));
    }
  }
  return list;
}

std::string HivePartitionFolderValue(const Value& value) {
  if (value.is_null()) return std::string(kHiveDefaultPartition);
  std::string text = value.ToString();
  if (text.empty()) return std::string(kHiveDefaultPartition);
  std::string out;
  for (unsigned char c : text) {
    bool plain = std::isalnum(c) || c == '-' || c == '_' || c == ' ' || c >= 0x80 ||
                 (c == '.' && text != "." && text != "..");
    if (plain)
      out.push_back(static_cast<char>(c));
    else
      out += fmt::format("%{:02X}", static_cast<unsigned>(c));
  }
  return out;
}

FileList ListPartitionedFolder(const std::string& location,
                               const std::vector<HivePartitionColumn>& partition_columns) {
  FileList list;
  list.partition_columns = partition_columns;
  auto fs = FileSystem::ForPath(location);
  if (!fs.ok()) throw Exception(fs.error());
  auto exists = (*fs)->Exists(location);
  if (!exists.ok()) throw Exception(exists.error());
  if (!*exists) return list;
  auto entries = (*fs)->List(location, /*recursive=*/true);
  if (!entries.ok()) throw Exception(entries.error());
  std::string prefix = location;
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';
  for (const FileInfo& entry : *entries) {
    if (entry.is_directory || !StartsWith(entry.path, prefix)) continue;
    std::vector<std::string> parts = Split(std::string_view(entry.path).substr(prefix.size()), '/');
    bool hidden = false;
    for (const auto& part : parts)
      hidden = hidden || part.empty() || part[0] == '_' || part[0] == '.';
    if (hidden || parts.size() != partition_columns.size() + 1) continue;
    std::vector<Value> values;
    for (size_t k = 0; k < partition_columns.size(); ++k) {
      size_t eq = parts[k].find('=');
      if (eq == std::string::npos ||
          !EqualsIgnoreCase(std::string_view(parts[k]).substr(0, eq), partition_columns[k].name)) {
        break;
      }
      std::string text = PercentDecode(std::string_view(parts[k]).substr(eq + 1));
      try {
        values.push_back(HivePartitionValue(text, partition_columns[k].type));
      } catch (const Exception& e) {
        throw Exception(e.code(), fmt::format("Partition folder '{}' of '{}': {}", parts[k],
                                              location, e.error().message));
      }
    }
    if (values.size() != partition_columns.size()) continue;
    list.paths.push_back(entry.path);
    if (!partition_columns.empty()) list.partition_values.push_back(std::move(values));
  }
  return list;
}

bool ValueMatchesFilter(const Value& value, const TableFilter& filter) {
  switch (filter.kind) {
    case TableFilter::Kind::kIsNull:
      return value.is_null();
    case TableFilter::Kind::kIsNotNull:
      return !value.is_null();
    default:
      break;
  }
  if (value.is_null()) return false;
  if (filter.kind == TableFilter::Kind::kIn) {
    for (const Value& c : filter.constants) {
      if (!c.is_null() && CompareValues(value, c) == 0) return true;
    }
    return false;
  }
  int order = CompareValues(value, filter.constants[0]);
  switch (filter.kind) {
    case TableFilter::Kind::kEqual:
      return order == 0;
    case TableFilter::Kind::kNotEqual:
      return order != 0;
    case TableFilter::Kind::kLess:
      return order < 0;
    case TableFilter::Kind::kLessEqual:
      return order <= 0;
    case TableFilter::Kind::kGreater:
      return order > 0;
    case TableFilter::Kind::kGreaterEqual:
      return order >= 0;
    default:
      return false;
  }
}

}  // namespace switchboard
