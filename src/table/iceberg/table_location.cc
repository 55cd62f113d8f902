// Locating and loading metadata files.
#include "table/iceberg/table_location.h"

#include <charconv>

#include "common/string_util.h"

namespace switchboard::iceberg {

namespace {

std::string FileName(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool IsMetadataFile(std::string_view name) {
  return EndsWith(name, ".metadata.json") || EndsWith(name, ".metadata.json.gz");
}

/// The metadata file in `metadata_dir` that `version` names: a number ("2"), a file name, or a
/// file name without its ".metadata.json" suffix (as version-hint.text may hold).
Result<std::string> MetadataFileFor(const std::shared_ptr<FileSystem>& fs, const std::string& metadata_dir,
                                    const std::string& version) {
  std::string name(TrimWhitespace(version));
  for (const std::string& candidate : {name, name + ".metadata.json", name + ".gz.metadata.json", "v" + name + ".metadata.json",
                                       "v" + name + ".gz.metadata.json", name + ".metadata.json.gz"}) {
    std::string path = JoinPath(metadata_dir, candidate);
    SB_ASSIGN_OR_RETURN(bool exists, fs->Exists(path));
    if (exists && IsMetadataFile(candidate)) return path;
  }
  int64_t number = -1;
  auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), number);
  if (ec == std::errc() && end == name.data() + name.size()) {
    SB_ASSIGN_OR_RETURN(std::vector<FileInfo> entries, fs->List(metadata_dir, false));
    for (const FileInfo& entry : entries) {
      std::string file = FileName(entry.path);
      if (IsMetadataFile(file) && !StartsWith(file, "v") && MetadataFileVersion(file) == number) return entry.path;
    }
  }
  return Error{ErrorCode::kInvalidParameter,
               fmt::format("No metadata file for version '{}' in '{}'", version, metadata_dir)};
}

}  // namespace

int64_t MetadataFileVersion(std::string_view name) {
  if (StartsWith(name, "v")) name.remove_prefix(1);
  int64_t number = -1;
  auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), number);
  if (ec != std::errc() || end == name.data() || (*end != '.' && *end != '-')) return -1;
  return number;
}

Result<std::shared_ptr<const TableMetadata>> ReadMetadataFile(const FileIO& io, const std::string& location) {
  SB_ASSIGN_OR_RETURN(std::string contents, io.ReadFile(location));
  SB_ASSIGN_OR_RETURN(TableMetadata metadata, ParseTableMetadata(contents, location));
  return std::make_shared<const TableMetadata>(std::move(metadata));
}

Result<LoadedTable> LoadTableFromPath(const std::string& path, const std::string& version) {
  std::string normalized = NormalizeLocation(path);
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(normalized));
  std::string table_dir;
  std::string metadata_path;
  if (IsMetadataFile(FileName(normalized))) {
    metadata_path = normalized;
    std::string metadata_dir = normalized.substr(0, normalized.size() - FileName(normalized).size());
    metadata_dir = NormalizeLocation(metadata_dir.empty() ? "." : metadata_dir);
    table_dir = EndsWith(metadata_dir, "/metadata") ? metadata_dir.substr(0, metadata_dir.size() - 9)
                                                    : (metadata_dir == "metadata" ? "." : metadata_dir);
  } else {
    table_dir = normalized;
    std::string metadata_dir = JoinPath(table_dir, "metadata");
    Result<FileInfo> info = fs->Stat(metadata_dir);
    if (!info.ok() || !info->is_directory) {
      return Error{ErrorCode::kIoError,
                   fmt::format("'{}' is not an Iceberg table: it has no metadata folder", path)};
    }
    if (!version.empty()) {
      SB_ASSIGN_OR_RETURN(metadata_path, MetadataFileFor(fs, metadata_dir, version));
    } else {
      std::string hint_path = JoinPath(metadata_dir, "version-hint.text");
      SB_ASSIGN_OR_RETURN(bool has_hint, fs->Exists(hint_path));
      if (has_hint) {
        FileIO io;
        SB_ASSIGN_OR_RETURN(std::string hint, io.ReadFile(hint_path, 4096));
        SB_ASSIGN_OR_RETURN(metadata_path, MetadataFileFor(fs, metadata_dir, hint));
      } else {
        SB_ASSIGN_OR_RETURN(std::vector<FileInfo> entries, fs->List(metadata_dir, false));
        int64_t best = -1;
        for (const FileInfo& entry : entries) {
          std::string file = FileName(entry.path);
          int64_t number = IsMetadataFile(file) ? MetadataFileVersion(file) : -1;
          if (number > best) {
            best = number;
            metadata_path = entry.path;
          }
        }
        if (best < 0) return Error{ErrorCode::kInvalidParameter, fmt::format("'{}' holds no metadata files", metadata_dir)};
      }
    }
  }
  SB_ASSIGN_OR_RETURN(std::shared_ptr<const TableMetadata> metadata, ReadMetadataFile(FileIO(), metadata_path));
  LoadedTable table;
  table.io = FileIO(metadata->location, table_dir.empty() ? "." : table_dir);
  table.metadata = std::move(metadata);
  table.metadata_path = std::move(metadata_path);
  return table;
}

}  // namespace switchboard::iceberg
