// The scheme registry behind FileSystem::ForPath, glob expansion on top of List, and the shared
// error helpers.
#include "fs/file_system.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>

#include "fs/glob_pattern.h"
#include "fs/local_file_system.h"

namespace switchboard {

namespace {

constexpr std::string_view kAlreadyExistsSuffix = ": file already exists";

struct SchemeRegistry {
  std::mutex mutex;
  std::map<std::string, FileSystem::Factory, std::less<>> factories;
};

SchemeRegistry& Registry() {
  static SchemeRegistry registry;
  return registry;
}

std::string JoinPath(std::string_view directory, std::string_view name) {
  if (directory.empty()) return std::string(name);
  std::string result(directory);
  if (result.back() != '/') result += '/';
  result += name;
  return result;
}

// Expands `segments[index..]` below `directory` into `out`.
Result<void> ExpandGlob(FileSystem& fs, const std::string& directory,
                        const std::vector<std::string>& segments, size_t index,
                        std::vector<FileInfo>& out) {
  const std::string& segment = segments[index];
  bool last = index + 1 == segments.size();
  std::string list_path = directory.empty() ? "." : directory;
  if (segment == "**") {
    std::string rest;
    for (size_t i = index; i < segments.size(); ++i) {
      if (i > index) rest += '/';
      rest += segments[i];
    }
    GlobPattern pattern(rest);
    SB_ASSIGN_OR_RETURN(std::vector<FileInfo> entries, fs.List(list_path, /*recursive=*/true));
    size_t prefix = list_path.size() + (list_path.back() == '/' ? 0 : 1);
    for (FileInfo& entry : entries) {
      if (entry.is_directory || entry.path.size() <= prefix) continue;
      std::string_view relative = std::string_view(entry.path).substr(prefix);
      if (!pattern.Matches(relative)) continue;
      entry.path = JoinPath(directory, relative);
      out.push_back(std::move(entry));
    }
    return Ok();
  }
  if (!GlobPattern::HasWildcards(segment)) {
    std::string child = JoinPath(directory, segment);
    SB_ASSIGN_OR_RETURN(bool exists, fs.Exists(child));
    if (!exists) return Ok();
    SB_ASSIGN_OR_RETURN(FileInfo info, fs.Stat(child));
    if (last) {
      if (!info.is_directory) out.push_back(std::move(info));
      return Ok();
    }
    if (!info.is_directory) return Ok();
    return ExpandGlob(fs, child, segments, index + 1, out);
  }
  SB_ASSIGN_OR_RETURN(std::vector<FileInfo> entries, fs.List(list_path, /*recursive=*/false));
  size_t prefix = list_path.size() + (list_path.back() == '/' ? 0 : 1);
  for (FileInfo& entry : entries) {
    if (entry.path.size() <= prefix) continue;
    std::string_view name = std::string_view(entry.path).substr(prefix);
    if (!GlobMatchSegment(segment, name)) continue;
    std::string child = JoinPath(directory, name);
    if (last) {
      if (!entry.is_directory) {
        entry.path = std::move(child);
        out.push_back(std::move(entry));
      }
    } else if (entry.is_directory) {
      SB_RETURN_IF_ERROR(ExpandGlob(fs, child, segments, index + 1, out));
    }
  }
  return Ok();
}

}  // namespace

Error IoError(std::string_view action, std::string_view path, int os_error) {
  char buffer[256];
  // GNU strerror_r returns the message (possibly a static string rather than `buffer`).
  const char* text = strerror_r(os_error, buffer, sizeof(buffer));
  return Error{ErrorCode::kIoError, fmt::format("Cannot {} '{}': {}", action, path, text)};
}

Result<std::shared_ptr<Buffer>> RandomAccessFile::Read(int64_t offset, int64_t length) const {
  if (length < 0) {
    return Error{ErrorCode::kIoError,
                 fmt::format("Cannot read '{}': negative length {}", path(), length)};
  }
  std::shared_ptr<Buffer> buffer = Buffer::Allocate(static_cast<size_t>(length));
  SB_RETURN_IF_ERROR(ReadAt(offset, length, buffer->data()));
  return buffer;
}

std::string_view FileSystem::SchemeOf(std::string_view path) {
  size_t colon = path.find("://");
  if (colon == std::string_view::npos || colon == 0) return {};
  for (size_t i = 0; i < colon; ++i) {
    char c = path[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return {};
  }
  return path.substr(0, colon);
}

Result<std::shared_ptr<FileSystem>> FileSystem::ForPath(std::string_view path) {
  std::string_view scheme = SchemeOf(path);
  if (scheme.empty() || scheme == "file") {
    return std::shared_ptr<FileSystem>(LocalFileSystem::Instance());
  }
  Factory factory;
  {
    SchemeRegistry& registry = Registry();
    std::lock_guard<std::mutex> lock(registry.mutex);
    auto it = registry.factories.find(scheme);
    if (it != registry.factories.end()) factory = it->second;
  }
  if (!factory) {
    return Error{ErrorCode::kIoError,
                 fmt::format("Cannot access '{}': no file system is registered for scheme '{}'",
                             path, scheme)};
  }
  return factory(path);
}

void FileSystem::RegisterScheme(std::string scheme, Factory factory) {
  SchemeRegistry& registry = Registry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  registry.factories[std::move(scheme)] = std::move(factory);
}

bool FileSystem::IsAlreadyExists(const Error& error) {
  std::string_view message = error.message;
  return error.code == ErrorCode::kIoError && message.size() >= kAlreadyExistsSuffix.size() &&
         message.substr(message.size() - kAlreadyExistsSuffix.size()) == kAlreadyExistsSuffix;
}

Error FileSystem::AlreadyExistsError(std::string_view path) {
  return Error{ErrorCode::kIoError,
               fmt::format("Cannot create '{}'{}", path, kAlreadyExistsSuffix)};
}

Result<std::vector<FileInfo>> FileSystem::Glob(const std::string& pattern) {
  std::vector<FileInfo> out;
  size_t wildcard = pattern.find_first_of("*?[");
  if (wildcard == std::string::npos) {
    SB_ASSIGN_OR_RETURN(bool exists, Exists(pattern));
    if (!exists) return out;
    SB_ASSIGN_OR_RETURN(FileInfo info, Stat(pattern));
    if (!info.is_directory) out.push_back(std::move(info));
    return out;
  }
  // The directory part before the first wildcard is taken literally.
  size_t scheme_end = SchemeOf(pattern).empty() ? 0 : SchemeOf(pattern).size() + 3;
  size_t slash = pattern.rfind('/', wildcard);
  std::string directory;
  std::string rest;
  if (slash == std::string::npos || slash < scheme_end) {
    directory = pattern.substr(0, scheme_end);
    rest = pattern.substr(scheme_end);
  } else {
    // Keep the root slash of absolute paths ("/x*" lists "/").
    directory = pattern.substr(0, slash == scheme_end ? slash + 1 : slash);
    rest = pattern.substr(slash + 1);
  }
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= rest.size()) {
    size_t end = rest.find('/', start);
    if (end == std::string::npos) end = rest.size();
    if (end > start) segments.push_back(rest.substr(start, end - start));
    start = end + 1;
  }
  if (segments.empty()) return out;
  SB_RETURN_IF_ERROR(ExpandGlob(*this, directory, segments, 0, out));
  std::sort(out.begin(), out.end(),
            [](const FileInfo& a, const FileInfo& b) { return a.path < b.path; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const FileInfo& a, const FileInfo& b) { return a.path == b.path; }),
            out.end());
  return out;
}

}  // namespace switchboard
