// LocalFileSystem: POSIX files, directory walking and atomic publication of written files.
#include "fs/local_file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

namespace switchboard {

namespace {

constexpr size_t kWriteBufferSize = 1 << 20;

int64_t ModifiedMicros(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000 + st.st_mtim.tv_nsec / 1000;
}

FileInfo MakeInfo(std::string path, const struct stat& st) {
  FileInfo info;
  info.path = std::move(path);
  info.is_directory = S_ISDIR(st.st_mode);
  info.size = info.is_directory ? 0 : static_cast<int64_t>(st.st_size);
  info.modified_micros = ModifiedMicros(st);
  return info;
}

std::string ParentDirectory(const std::string& local_path) {
  size_t slash = local_path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return local_path.substr(0, slash);
}

// Makes a directory entry durable (after a create or rename inside it). Best effort: some file
// systems do not allow fsync on directories.
void SyncDirectory(const std::string& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

Result<void> MakeDirectories(const std::string& local_path, const std::string& shown_path) {
  if (local_path.empty()) return Ok();
  size_t pos = 0;
  while (pos != std::string::npos) {
    pos = local_path.find('/', pos + 1);
    std::string prefix = local_path.substr(0, pos);
    if (prefix.empty()) continue;
    if (::mkdir(prefix.c_str(), 0777) == 0) continue;
    int error = errno;
    if (error == EEXIST) {
      struct stat st;
      if (::stat(prefix.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) continue;
      return Error{ErrorCode::kIoError,
                   fmt::format("Cannot create directory '{}': '{}' exists and is not a directory",
                               shown_path, prefix)};
    }
    return IoError("create directory", shown_path, error);
  }
  return Ok();
}

class LocalRandomAccessFile final : public RandomAccessFile {
 public:
  LocalRandomAccessFile(std::string path, int fd, int64_t size)
      : path_(std::move(path)), fd_(fd), size_(size) {}
  ~LocalRandomAccessFile() override { ::close(fd_); }

  const std::string& path() const override { return path_; }
  int64_t size() const override { return size_; }

  Result<void> ReadAt(int64_t offset, int64_t length, uint8_t* out) const override {
    if (offset < 0 || length < 0 || offset > size_ || length > size_ - offset) {
      return Error{ErrorCode::kIoError,
                   fmt::format("Cannot read '{}': bytes {}..{} lie outside the file of {} bytes",
                               path_, offset, offset + length, size_)};
    }
    while (length > 0) {
      ssize_t n = ::pread(fd_, out, static_cast<size_t>(length), offset);
      if (n < 0) {
        if (errno == EINTR) continue;
        return IoError("read", path_, errno);
      }
      if (n == 0) {
        return Error{
            ErrorCode::kIoError,
            fmt::format("Cannot read '{}': unexpected end of file at byte {}", path_, offset)};
      }
      out += n;
      offset += n;
      length -= n;
    }
    return Ok();
  }

 private:
  std::string path_;
  int fd_;
  int64_t size_;
};

class LocalWritableFile final : public WritableFile {
 public:
  LocalWritableFile(std::string path, std::string target, std::string temp, int fd, WriteMode mode)
      : path_(std::move(path)),
        target_(std::move(target)),
        temp_(std::move(temp)),
        fd_(fd),
        mode_(mode) {
    buffer_.reserve(kWriteBufferSize);
  }
  ~LocalWritableFile() override {
    if (fd_ >= 0) ::close(fd_);
    if (!temp_gone_) ::unlink(temp_.c_str());
  }

  const std::string& path() const override { return path_; }
  int64_t position() const override { return position_; }

  Result<void> Append(const void* data, size_t size) override {
    if (fd_ < 0) {
      return Error{ErrorCode::kIoError, fmt::format("Cannot write '{}': file is closed", path_)};
    }
    const auto* bytes = static_cast<const uint8_t*>(data);
    position_ += static_cast<int64_t>(size);
    if (buffer_.size() + size <= kWriteBufferSize) {
      buffer_.insert(buffer_.end(), bytes, bytes + size);
      return Ok();
    }
    SB_RETURN_IF_ERROR(Flush());
    if (size >= kWriteBufferSize) return WriteAll(bytes, size);
    buffer_.insert(buffer_.end(), bytes, bytes + size);
    return Ok();
  }

  Result<void> Close() override {
    if (fd_ < 0) {
      return Error{ErrorCode::kIoError, fmt::format("Cannot close '{}': already closed", path_)};
    }
    Result<void> result = FlushSyncAndPublish();
    // Whether published or failed, no temporary file is left behind.
    if (!result.ok()) ::unlink(temp_.c_str());
    temp_gone_ = true;
    return result;
  }

 private:
  Result<void> FlushSyncAndPublish() {
    Result<void> flushed = Flush();
    if (flushed.ok() && ::fsync(fd_) != 0) flushed = IoError("sync", path_, errno);
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 && flushed.ok()) flushed = IoError("close", path_, errno);
    SB_RETURN_IF_ERROR(flushed);
    SB_RETURN_IF_ERROR(Publish());
    SyncDirectory(ParentDirectory(target_));
    return Ok();
  }

  Result<void> Flush() {
    if (buffer_.empty()) return Ok();
    Result<void> result = WriteAll(buffer_.data(), buffer_.size());
    buffer_.clear();
    return result;
  }

  Result<void> WriteAll(const uint8_t* data, size_t size) {
    while (size > 0) {
      ssize_t n = ::write(fd_, data, size);
      if (n < 0) {
        if (errno == EINTR) continue;
        return IoError("write", path_, errno);
      }
      data += n;
      size -= static_cast<size_t>(n);
    }
    return Ok();
  }

  Result<void> Publish() {
    if (mode_ == WriteMode::kOverwrite) {
      if (::rename(temp_.c_str(), target_.c_str()) != 0) return IoError("publish", path_, errno);
      return Ok();
    }
    if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) == 0) {
      return Ok();
    }
    int error = errno;
    if (error == EEXIST) return FileSystem::AlreadyExistsError(path_);
    if (error != EINVAL && error != ENOSYS && error != ENOTSUP) {
      return IoError("publish", path_, error);
    }
    // The file system cannot rename without replacing: link(2) fails if the target exists.
    if (::link(temp_.c_str(), target_.c_str()) != 0) {
      error = errno;
      if (error == EEXIST) return FileSystem::AlreadyExistsError(path_);
      return IoError("publish", path_, error);
    }
    ::unlink(temp_.c_str());
    return Ok();
  }

  std::string path_;
  std::string target_;
  std::string temp_;
  int fd_;
  WriteMode mode_;
  int64_t position_ = 0;
  bool temp_gone_ = false;
  std::vector<uint8_t> buffer_;
};

Result<void> ListInto(const std::string& local_dir, const std::string& shown_dir, bool recursive,
                      std::vector<FileInfo>& out) {
  DIR* dir = ::opendir(local_dir.c_str());
  if (dir == nullptr) return IoError("list directory", shown_dir, errno);
  std::vector<std::string> names;
  errno = 0;
  while (struct dirent* entry = ::readdir(dir)) {
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    names.emplace_back(name);
  }
  int error = errno;
  ::closedir(dir);
  if (error != 0) return IoError("list directory", shown_dir, error);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::string local = local_dir.back() == '/' ? local_dir + name : local_dir + "/" + name;
    std::string shown = shown_dir.back() == '/' ? shown_dir + name : shown_dir + "/" + name;
    struct stat st;
    if (::stat(local.c_str(), &st) != 0) {
      if (errno == ENOENT) continue;  // removed meanwhile, or a dangling symlink
      return IoError("inspect", shown, errno);
    }
    out.push_back(MakeInfo(shown, st));
    if (recursive && S_ISDIR(st.st_mode)) {
      SB_RETURN_IF_ERROR(ListInto(local, shown, recursive, out));
    }
  }
  return Ok();
}

}  // namespace

std::shared_ptr<LocalFileSystem> LocalFileSystem::Instance() {
  static std::shared_ptr<LocalFileSystem> instance = std::make_shared<LocalFileSystem>();
  return instance;
}

std::string LocalFileSystem::ToLocalPath(std::string_view path) {
  constexpr std::string_view kScheme = "file://";
  if (path.substr(0, kScheme.size()) != kScheme) return std::string(path);
  std::string_view rest = path.substr(kScheme.size());
  constexpr std::string_view kLocalhost = "localhost/";
  if (rest.substr(0, kLocalhost.size()) == kLocalhost) rest.remove_prefix(kLocalhost.size() - 1);
  return std::string(rest);
}

Result<std::unique_ptr<RandomAccessFile>> LocalFileSystem::OpenForRead(const std::string& path) {
  std::string local = ToLocalPath(path);
  int fd = ::open(local.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return IoError("open", path, errno);
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int error = errno;
    ::close(fd);
    return IoError("inspect", path, error);
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return IoError("open", path, EISDIR);
  }
  return std::unique_ptr<RandomAccessFile>(
      new LocalRandomAccessFile(path, fd, static_cast<int64_t>(st.st_size)));
}

Result<std::unique_ptr<WritableFile>> LocalFileSystem::OpenForWrite(const std::string& path,
                                                                    WriteMode mode) {
  std::string local = ToLocalPath(path);
  if (local.empty() || local.back() == '/') {
    return Error{ErrorCode::kIoError, fmt::format("Cannot create '{}': not a file name", path)};
  }
  if (mode == WriteMode::kCreateIfAbsent) {
    SB_ASSIGN_OR_RETURN(bool exists, Exists(path));
    if (exists) return AlreadyExistsError(path);
  }
  std::string directory = ParentDirectory(local);
  SB_RETURN_IF_ERROR(MakeDirectories(directory, path));
  static std::atomic<uint64_t> counter{0};
  size_t slash = local.rfind('/');
  std::string name = slash == std::string::npos ? local : local.substr(slash + 1);
  std::string temp = fmt::format("{}/.{}.{}-{}.tmp", directory, name, ::getpid(),
                                 counter.fetch_add(1, std::memory_order_relaxed));
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return IoError("create", path, errno);
  return std::unique_ptr<WritableFile>(
      new LocalWritableFile(path, std::move(local), std::move(temp), fd, mode));
}

Result<FileInfo> LocalFileSystem::Stat(const std::string& path) {
  std::string local = ToLocalPath(path);
  struct stat st;
  if (::stat(local.c_str(), &st) != 0) return IoError("inspect", path, errno);
  return MakeInfo(path, st);
}

Result<bool> LocalFileSystem::Exists(const std::string& path) {
  std::string local = ToLocalPath(path);
  struct stat st;
  if (::stat(local.c_str(), &st) == 0) return true;
  if (errno == ENOENT || errno == ENOTDIR) return false;
  return IoError("inspect", path, errno);
}

Result<std::vector<FileInfo>> LocalFileSystem::List(const std::string& path, bool recursive) {
  std::vector<FileInfo> out;
  SB_RETURN_IF_ERROR(ListInto(ToLocalPath(path), path, recursive, out));
  std::sort(out.begin(), out.end(),
            [](const FileInfo& a, const FileInfo& b) { return a.path < b.path; });
  return out;
}

Result<void> LocalFileSystem::Rename(const std::string& from, const std::string& to) {
  std::string local_to = ToLocalPath(to);
  if (::rename(ToLocalPath(from).c_str(), local_to.c_str()) != 0) {
    return IoError(fmt::format("rename to '{}'", to), from, errno);
  }
  SyncDirectory(ParentDirectory(local_to));
  return Ok();
}

Result<void> LocalFileSystem::Delete(const std::string& path) {
  std::string local = ToLocalPath(path);
  if (::unlink(local.c_str()) == 0) return Ok();
  int error = errno;
  if (error == EISDIR || error == EPERM) {
    if (::rmdir(local.c_str()) == 0) return Ok();
    error = errno;
  }
  return IoError("delete", path, error);
}

Result<void> LocalFileSystem::CreateDirectories(const std::string& path) {
  return MakeDirectories(ToLocalPath(path), path);
}

}  // namespace switchboard
