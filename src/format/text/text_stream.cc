// Compressed and plain text streams over the FileSystem interface.
#include "format/text/text_stream.h"

#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <vector>

#include "common/string_util.h"

namespace switchboard {

namespace {

constexpr size_t kInputChunk = size_t{1} << 20;

// The raw bytes of a file, front to back.
class RawInput {
 public:
  explicit RawInput(std::unique_ptr<RandomAccessFile> file) : file_(std::move(file)) {}

  int64_t size() const { return file_->size(); }
  int64_t position() const { return position_; }
  Result<size_t> Read(char* out, size_t size) {
    int64_t left = file_->size() - position_;
    size_t take = static_cast<size_t>(std::min<int64_t>(left, static_cast<int64_t>(size)));
    if (take == 0) return size_t{0};
    SB_RETURN_IF_ERROR(file_->ReadAt(position_, static_cast<int64_t>(take), reinterpret_cast<uint8_t*>(out)));
    position_ += static_cast<int64_t>(take);
    return take;
  }

 private:
  std::unique_ptr<RandomAccessFile> file_;
  int64_t position_ = 0;
};

class PlainReader final : public SequentialReader {
 public:
  explicit PlainReader(RawInput input) : input_(std::move(input)) {}
  Result<size_t> Read(char* out, size_t size) override {
    SB_ASSIGN_OR_RETURN(size_t got, input_.Read(out, size));
    bytes_read_ = input_.position();
    return got;
  }

 private:
  RawInput input_;
};

// Shared input buffering for the decompressing readers.
class CompressedReader : public SequentialReader {
 protected:
  explicit CompressedReader(RawInput input) : input_(std::move(input)), in_(kInputChunk) {}

  // Makes sure unread input is available; false at the end of the file.
  Result<bool> FillInput() {
    if (in_pos_ < in_size_) return true;
    SB_ASSIGN_OR_RETURN(size_t got, input_.Read(in_.data(), in_.size()));
    bytes_read_ = input_.position();
    in_pos_ = 0;
    in_size_ = got;
    return got > 0;
  }
  Error Corrupt(std::string_view what) const {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("'{}' is not a valid {} file: {}", path_, StreamCompressionName(compression_), what)};
  }

  RawInput input_;
  std::vector<char> in_;
  size_t in_pos_ = 0;
  size_t in_size_ = 0;
};

class GzipReader final : public CompressedReader {
 public:
  explicit GzipReader(RawInput input) : CompressedReader(std::move(input)) {
    std::memset(&stream_, 0, sizeof(stream_));
    ok_ = inflateInit2(&stream_, 15 + 32) == Z_OK;  // gzip or zlib header, detected
  }
  ~GzipReader() override {
    if (ok_) inflateEnd(&stream_);
  }

  Result<size_t> Read(char* out, size_t size) override {
    if (!ok_) return Corrupt("cannot start the decompressor");
    size_t produced = 0;
    while (produced < size && !done_) {
      SB_ASSIGN_OR_RETURN(bool more, FillInput());
      if (!more) {
        if (in_member_) return Corrupt("the file ends inside compressed data (truncated?)");
        done_ = true;
        break;
      }
      stream_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      stream_.avail_in = static_cast<uInt>(in_size_ - in_pos_);
      stream_.next_out = reinterpret_cast<Bytef*>(out + produced);
      stream_.avail_out = static_cast<uInt>(std::min<size_t>(size - produced, UINT32_MAX));
      uInt before_out = stream_.avail_out;
      in_member_ = true;
      int rc = inflate(&stream_, Z_NO_FLUSH);
      produced += before_out - stream_.avail_out;
      in_pos_ = in_size_ - stream_.avail_in;
      if (rc == Z_STREAM_END) {
        // Another member may follow (multi-member gzip, as concatenated exports produce).
        in_member_ = false;
        if (inflateReset(&stream_) != Z_OK) return Corrupt("cannot restart the decompressor");
        continue;
      }
      if (rc == Z_BUF_ERROR) continue;  // needs more input or more output space
      if (rc != Z_OK) return Corrupt(stream_.msg ? stream_.msg : "inflate failed");
    }
    return produced;
  }

 private:
  z_stream stream_;
  bool ok_ = false;
  bool in_member_ = false;
  bool done_ = false;
};

class ZstdReader final : public CompressedReader {
 public:
  explicit ZstdReader(RawInput input) : CompressedReader(std::move(input)), stream_(ZSTD_createDStream()) {
    if (stream_) ZSTD_initDStream(stream_);
  }
  ~ZstdReader() override { ZSTD_freeDStream(stream_); }

  Result<size_t> Read(char* out, size_t size) override {
    if (!stream_) return Corrupt("cannot start the decompressor");
    ZSTD_outBuffer output{out, size, 0};
    while (output.pos < output.size && !done_) {
      SB_ASSIGN_OR_RETURN(bool more, FillInput());
      if (!more) {
        if (in_frame_) return Corrupt("the file ends inside a frame (truncated?)");
        done_ = true;
        break;
      }
      ZSTD_inBuffer input{in_.data(), in_size_, in_pos_};
      size_t rc = ZSTD_decompressStream(stream_, &output, &input);
      in_pos_ = input.pos;
      if (ZSTD_isError(rc)) return Corrupt(ZSTD_getErrorName(rc));
      in_frame_ = rc != 0;
    }
    return output.pos;
  }

 private:
  ZSTD_DStream* stream_;
  bool in_frame_ = false;
  bool done_ = false;
};

// Compresses what is appended, in chunks, into the wrapped file.
class CompressingWritableFile final : public WritableFile {
 public:
  CompressingWritableFile(std::unique_ptr<WritableFile> file, StreamCompression compression, int level)
      : file_(std::move(file)), compression_(compression), out_(kInputChunk) {
    if (compression_ == StreamCompression::kGzip) {
      std::memset(&gzip_, 0, sizeof(gzip_));
      ok_ = deflateInit2(&gzip_, level > 0 ? level : Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                         Z_DEFAULT_STRATEGY) == Z_OK;
    } else {
      zstd_ = ZSTD_createCStream();
      ok_ = zstd_ && !ZSTD_isError(ZSTD_initCStream(zstd_, level > 0 ? level : 3));
    }
  }
  ~CompressingWritableFile() override {
    if (compression_ == StreamCompression::kGzip) {
      if (ok_) deflateEnd(&gzip_);
    } else {
      ZSTD_freeCStream(zstd_);
    }
  }

  const std::string& path() const override { return file_->path(); }
  int64_t position() const override { return position_; }

  Result<void> Append(const void* data, size_t size) override {
    position_ += static_cast<int64_t>(size);
    return Compress(data, size, false);
  }

  Result<void> Close() override {
    SB_RETURN_IF_ERROR(Compress(nullptr, 0, true));
    return file_->Close();
  }

 private:
  Result<void> Compress(const void* data, size_t size, bool finish) {
    if (!ok_) return Error{ErrorCode::kInternal, fmt::format("Cannot start compressing '{}'", path())};
    if (compression_ == StreamCompression::kGzip) {
      gzip_.next_in = static_cast<Bytef*>(const_cast<void*>(data));
      gzip_.avail_in = static_cast<uInt>(size);
      while (true) {
        gzip_.next_out = reinterpret_cast<Bytef*>(out_.data());
        gzip_.avail_out = static_cast<uInt>(out_.size());
        int rc = deflate(&gzip_, finish ? Z_FINISH : Z_NO_FLUSH);
        if (rc == Z_STREAM_ERROR) return Error{ErrorCode::kInternal, "deflate failed"};
        size_t have = out_.size() - gzip_.avail_out;
        if (have > 0) SB_RETURN_IF_ERROR(file_->Append(out_.data(), have));
        if (finish ? rc == Z_STREAM_END : (gzip_.avail_in == 0 && gzip_.avail_out != 0)) break;
      }
      return Ok();
    }
    ZSTD_inBuffer input{data, size, 0};
    while (true) {
      ZSTD_outBuffer output{out_.data(), out_.size(), 0};
      size_t rc = finish ? ZSTD_endStream(zstd_, &output) : ZSTD_compressStream(zstd_, &output, &input);
      if (ZSTD_isError(rc)) return Error{ErrorCode::kInternal, fmt::format("zstd: {}", ZSTD_getErrorName(rc))};
      if (output.pos > 0) SB_RETURN_IF_ERROR(file_->Append(out_.data(), output.pos));
      if (finish ? rc == 0 : input.pos == input.size) break;
    }
    return Ok();
  }

  std::unique_ptr<WritableFile> file_;
  StreamCompression compression_;
  std::vector<char> out_;
  z_stream gzip_;
  ZSTD_CStream* zstd_ = nullptr;
  bool ok_ = false;
  int64_t position_ = 0;
};

}  // namespace

Result<StreamCompression> ParseStreamCompression(std::string_view name) {
  std::string lower = ToLower(name);
  if (lower == "auto" || lower == "infer") return StreamCompression::kAuto;
  if (lower == "none" || lower == "uncompressed") return StreamCompression::kNone;
  if (lower == "gzip" || lower == "gz") return StreamCompression::kGzip;
  if (lower == "zstd" || lower == "zst") return StreamCompression::kZstd;
  return Error{ErrorCode::kInvalidParameter,
               fmt::format("Unknown compression '{}': use auto, none, gzip or zstd", name)};
}

std::string_view StreamCompressionName(StreamCompression compression) {
  switch (compression) {
    case StreamCompression::kAuto: return "auto";
    case StreamCompression::kNone: return "none";
    case StreamCompression::kGzip: return "gzip";
    case StreamCompression::kZstd: return "zstd";
  }
  return "none";
}

StreamCompression CompressionFromPath(std::string_view path) {
  std::string lower = ToLower(path);
  if (EndsWith(lower, ".gz") || EndsWith(lower, ".gzip")) return StreamCompression::kGzip;
  if (EndsWith(lower, ".zst") || EndsWith(lower, ".zstd")) return StreamCompression::kZstd;
  return StreamCompression::kNone;
}

std::string_view CompressionSuffix(StreamCompression compression) {
  switch (compression) {
    case StreamCompression::kGzip: return ".gz";
    case StreamCompression::kZstd: return ".zst";
    default: return "";
  }
}

Result<std::unique_ptr<SequentialReader>> SequentialReader::Open(const std::string& path,
                                                                 StreamCompression compression) {
  SB_ASSIGN_OR_RETURN(auto fs, FileSystem::ForPath(path));
  SB_ASSIGN_OR_RETURN(auto file, fs->OpenForRead(path));
  if (compression == StreamCompression::kAuto) {
    uint8_t magic[4] = {0, 0, 0, 0};
    int64_t probe = std::min<int64_t>(file->size(), 4);
    if (probe > 0) SB_RETURN_IF_ERROR(file->ReadAt(0, probe, magic));
    if (probe >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) compression = StreamCompression::kGzip;
    else if (probe >= 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f && magic[3] == 0xfd)
      compression = StreamCompression::kZstd;
    else compression = StreamCompression::kNone;
  }
  int64_t size = file->size();
  RawInput input(std::move(file));
  std::unique_ptr<SequentialReader> reader;
  switch (compression) {
    case StreamCompression::kGzip: reader = std::make_unique<GzipReader>(std::move(input)); break;
    case StreamCompression::kZstd: reader = std::make_unique<ZstdReader>(std::move(input)); break;
    default: reader = std::make_unique<PlainReader>(std::move(input)); break;
  }
  reader->path_ = path;
  reader->file_size_ = size;
  reader->compression_ = compression;
  return reader;
}

std::unique_ptr<WritableFile> CompressingFile(std::unique_ptr<WritableFile> file, StreamCompression compression,
                                              int level) {
  SB_CHECK(compression != StreamCompression::kAuto);
  if (compression == StreamCompression::kNone) return file;
  return std::make_unique<CompressingWritableFile>(std::move(file), compression, level);
}

}  // namespace switchboard
