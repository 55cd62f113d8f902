// LocalFileSystem: the FileSystem for the local disk (POSIX pread, temp file + atomic publish on
// Close, fsync for durability).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "fs/file_system.h"

namespace switchboard {

/// Serves plain paths and "file://" URIs. Writes go to a hidden temporary file beside the target
/// that Close fsyncs and then publishes: kOverwrite renames it over the target, kCreateIfAbsent
/// links it into place with renameat2(RENAME_NOREPLACE) (or link(2) where the file system lacks
/// it), which fails atomically when the target exists. Stateless and thread-safe.
class LocalFileSystem final : public FileSystem {
 public:
  /// The shared instance (the class holds no state).
  static std::shared_ptr<LocalFileSystem> Instance();

  /// The OS path of `path`: "file:///x" and "file://localhost/x" become "/x"; other paths are
  /// returned unchanged.
  static std::string ToLocalPath(std::string_view path);

  Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const std::string& path) override;
  Result<std::unique_ptr<WritableFile>> OpenForWrite(const std::string& path,
                                                     WriteMode mode) override;
  Result<FileInfo> Stat(const std::string& path) override;
  Result<bool> Exists(const std::string& path) override;
  Result<std::vector<FileInfo>> List(const std::string& path, bool recursive) override;
  Result<void> Rename(const std::string& from, const std::string& to) override;
  Result<void> Delete(const std::string& path) override;
  Result<void> CreateDirectories(const std::string& path) override;
};

}  // namespace switchboard
