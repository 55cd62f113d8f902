// FileSystem: the one interface through which the engine touches files, local or remote: ranged
// reads, listing with glob patterns, streaming writes that publish atomically (optionally only
// when the target is absent), rename, delete and directories.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "fs/buffer.h"

namespace switchboard {

/// What a listing or Stat reports about one entry.
struct FileInfo {
  /// The entry's path, in the same form (scheme included) as the path that was listed.
  std::string path;
  int64_t size = 0;
  bool is_directory = false;
  /// Last modification, microseconds since the epoch.
  int64_t modified_micros = 0;
};

/// A file opened for positional reads.
///
/// Thread-safe: ReadAt may be called from several threads at once (it keeps no cursor).
class RandomAccessFile {
 public:
  virtual ~RandomAccessFile() = default;

  /// The path the file was opened with.
  virtual const std::string& path() const = 0;
  /// Size in bytes when the file was opened.
  virtual int64_t size() const = 0;

  /// Reads exactly `length` bytes starting at `offset` into `out`.
  /// Errors: kIoError when the range does not lie inside the file or the read fails (the message
  /// names the path and the OS error).
  virtual Result<void> ReadAt(int64_t offset, int64_t length, uint8_t* out) const = 0;

  /// ReadAt into a new Buffer of `length` bytes. Errors: as ReadAt.
  Result<std::shared_ptr<Buffer>> Read(int64_t offset, int64_t length) const;
};

/// How OpenForWrite publishes the file.
enum class WriteMode : uint8_t {
  /// Close atomically replaces whatever is at the path.
  kOverwrite,
  /// Close atomically creates the file and fails if something already exists at the path
  /// (Iceberg's commit protocol relies on this).
  kCreateIfAbsent,
};

/// A file being written from start to end. Nothing is visible at the path until Close succeeds;
/// destroying the object without a successful Close discards what was written.
///
/// Not thread-safe: one writer at a time.
class WritableFile {
 public:
  virtual ~WritableFile() = default;

  virtual const std::string& path() const = 0;
  /// Bytes appended so far.
  virtual int64_t position() const = 0;

  /// Appends `size` bytes. Errors: kIoError when the write fails (disk full, ...).
  virtual Result<void> Append(const void* data, size_t size) = 0;

  /// Flushes, makes the data durable and publishes the file at its path.
  /// Errors: kIoError when a write or sync fails, and, in kCreateIfAbsent mode, when a file
  /// appeared at the path in the meantime (IsAlreadyExists is true for that error). After a
  /// failed Close nothing was published.
  virtual Result<void> Close() = 0;
};

/// A file system, chosen by a path's scheme (FileSystem::ForPath). Paths may be plain
/// ("/data/x.parquet", "data/x.parquet"), local URIs ("file:///data/x.parquet") or, once other
/// schemes are registered, remote ("s3://bucket/key").
///
/// Every method is thread-safe. Every error is kIoError and its message names the path and the
/// underlying (OS or service) error.
class FileSystem {
 public:
  using Factory = std::function<Result<std::shared_ptr<FileSystem>>(std::string_view path)>;

  virtual ~FileSystem() = default;

  /// The file system serving `path`: "file://" URIs and paths without a scheme are local.
  /// Errors: kIoError for a scheme with no registered file system.
  static Result<std::shared_ptr<FileSystem>> ForPath(std::string_view path);
  /// Registers (or replaces) the factory that ForPath uses for `scheme` ("s3").
  static void RegisterScheme(std::string scheme, Factory factory);
  /// "s3" for "s3://bucket/key", "file" for "file:///x", "" for a plain path.
  static std::string_view SchemeOf(std::string_view path);

  /// True when `error` is the "already exists" failure of a kCreateIfAbsent write.
  static bool IsAlreadyExists(const Error& error);
  /// The error implementations return when kCreateIfAbsent finds `path` taken.
  static Error AlreadyExistsError(std::string_view path);

  /// Opens a file for positional reads.
  /// Errors: kIoError when it does not exist, is a directory, or cannot be opened.
  virtual Result<std::unique_ptr<RandomAccessFile>> OpenForRead(const std::string& path) = 0;

  /// Starts writing a file that Close publishes (see WriteMode). Missing parent directories are
  /// created. Errors: kIoError when the file cannot be created, and in kCreateIfAbsent mode when
  /// a file already exists at the path (IsAlreadyExists is true for that error).
  virtual Result<std::unique_ptr<WritableFile>> OpenForWrite(const std::string& path,
                                                             WriteMode mode) = 0;

  /// Facts about one path. Errors: kIoError when it does not exist or cannot be inspected.
  virtual Result<FileInfo> Stat(const std::string& path) = 0;

  /// Whether something exists at `path`. Errors: kIoError when that cannot be determined (for
  /// example permission denied on a parent directory).
  virtual Result<bool> Exists(const std::string& path) = 0;

  /// The entries of directory `path` (files and directories), sorted by path; with `recursive`,
  /// everything below it (directories are descended into and listed too).
  /// Errors: kIoError when `path` is not a readable directory.
  virtual Result<std::vector<FileInfo>> List(const std::string& path, bool recursive) = 0;

  /// The files (not directories) whose paths match `pattern`, sorted by path. Patterns use `*`
  /// (any characters but '/'), `**` as a whole segment (any number of directories, including
  /// none), `?` (one character) and `[...]` classes (ranges, `!` or `^` negation). A pattern
  /// without wildcards names one file: the result holds it, or is empty when it does not exist.
  /// Errors: kIoError when a directory on the way cannot be listed.
  Result<std::vector<FileInfo>> Glob(const std::string& pattern);

  /// Moves `from` to `to`, replacing a file at `to`. Errors: kIoError when `from` does not
  /// exist or the move fails.
  virtual Result<void> Rename(const std::string& from, const std::string& to) = 0;

  /// Deletes a file or an empty directory. Errors: kIoError when it does not exist, is a
  /// non-empty directory, or cannot be removed.
  virtual Result<void> Delete(const std::string& path) = 0;

  /// Creates `path` and any missing parents; succeeds when it already is a directory.
  /// Errors: kIoError when a component exists and is not a directory, or creation fails.
  virtual Result<void> CreateDirectories(const std::string& path) = 0;
};

/// "Cannot <action> '<path>': <OS error text>" as a kIoError, from errno value `os_error`.
Error IoError(std::string_view action, std::string_view path, int os_error);

}  // namespace switchboard
