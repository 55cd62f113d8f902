// FileIO: path relocation and whole-file access.
#include "table/iceberg/file_io.h"

#include "common/string_util.h"

namespace switchboard::iceberg {

std::string NormalizeLocation(std::string_view path) {
  std::string out(path);
  if (StartsWith(out, "file://")) {
    out = out.substr(7);
  } else if (StartsWith(out, "file:")) {
    out = out.substr(5);
  }
  while (StartsWith(out, "./")) out = out.substr(2);
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::string JoinPath(std::string_view base, std::string_view name) {
  std::string out(base);
  if (!out.empty() && out.back() != '/') out.push_back('/');
  out += name;
  return out;
}

FileIO::FileIO(const std::string& stored_location, const std::string& actual_location)
    : stored_prefix_(NormalizeLocation(stored_location)), actual_prefix_(NormalizeLocation(actual_location)) {
  if (stored_prefix_ == actual_prefix_) {
    stored_prefix_.clear();
    actual_prefix_.clear();
  }
}

std::string FileIO::Resolve(const std::string& stored_path) const {
  if (stored_prefix_.empty()) return stored_path;
  std::string normalized = NormalizeLocation(stored_path);
  if (normalized == stored_prefix_) return actual_prefix_;
  if (StartsWith(normalized, stored_prefix_) && normalized[stored_prefix_.size()] == '/') {
    return actual_prefix_ + normalized.substr(stored_prefix_.size());
  }
  return stored_path;
}

Result<std::shared_ptr<RandomAccessFile>> FileIO::OpenForRead(const std::string& stored_path) const {
  std::string path = Resolve(stored_path);
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(path));
  SB_ASSIGN_OR_RETURN(std::unique_ptr<RandomAccessFile> file, fs->OpenForRead(path));
  return std::shared_ptr<RandomAccessFile>(std::move(file));
}

Result<std::string> FileIO::ReadFile(const std::string& stored_path, int64_t max_size) const {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<RandomAccessFile> file, OpenForRead(stored_path));
  if (file->size() > max_size) {
    return Error{ErrorCode::kResourceLimit,
                 fmt::format("'{}' is {} bytes, more than the {} this reader accepts", file->path(), file->size(), max_size)};
  }
  std::string contents(static_cast<size_t>(file->size()), '\0');
  SB_RETURN_IF_ERROR(file->ReadAt(0, file->size(), reinterpret_cast<uint8_t*>(contents.data())));
  return contents;
}

Result<std::unique_ptr<WritableFile>> FileIO::OpenForWrite(const std::string& path, WriteMode mode) const {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(path));
  return fs->OpenForWrite(path, mode);
}

Result<void> FileIO::WriteFile(const std::string& path, std::string_view contents, WriteMode mode) const {
  SB_ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> file, OpenForWrite(path, mode));
  SB_RETURN_IF_ERROR(file->Append(contents.data(), contents.size()));
  return file->Close();
}

Result<bool> FileIO::Exists(const std::string& path) const {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(path));
  return fs->Exists(path);
}

Result<void> FileIO::Delete(const std::string& path) const {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(path));
  SB_ASSIGN_OR_RETURN(bool exists, fs->Exists(path));
  if (!exists) return Ok();
  return fs->Delete(path);
}

}  // namespace switchboard::iceberg
