// FileIO: how a table reaches its files. Resolves the paths stored in metadata (which name the
// location the table was written at) against where the table is now, and reads and writes whole
// files through the FileSystem of each path.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "fs/file_system.h"

namespace switchboard::iceberg {

/// Immutable; thread-safe.
class FileIO {
 public:
  /// `stored_location` is the table location its metadata records; `actual_location` is the
  /// folder the table is in now. Paths under the first are read from under the second (a table
  /// that was copied or moved reads correctly); other paths are used as they are.
  FileIO(const std::string& stored_location, const std::string& actual_location);
  /// A table read where it was written.
  FileIO() = default;

  /// The path to open for a path stored in metadata.
  std::string Resolve(const std::string& stored_path) const;

  /// The whole file. Errors: kIoError (naming the path); kResourceLimit when it is larger than
  /// `max_size`.
  Result<std::string> ReadFile(const std::string& stored_path, int64_t max_size = int64_t{1} << 30) const;
  Result<std::shared_ptr<RandomAccessFile>> OpenForRead(const std::string& stored_path) const;
  /// Writes `contents` to `path` (not resolved: writers name new files under the actual location).
  Result<void> WriteFile(const std::string& path, std::string_view contents, WriteMode mode) const;
  Result<std::unique_ptr<WritableFile>> OpenForWrite(const std::string& path, WriteMode mode) const;
  Result<bool> Exists(const std::string& path) const;
  /// Deletes a file; a missing file is not an error.
  Result<void> Delete(const std::string& path) const;

 private:
  std::string stored_prefix_;
  std::string actual_prefix_;
};

/// `path` without a trailing '/', a leading "./" and the "file:" scheme of local URIs.
std::string NormalizeLocation(std::string_view path);

/// `base` + "/" + `name`.
std::string JoinPath(std::string_view base, std::string_view name);

}  // namespace switchboard::iceberg
