// Avro binary encoding and object container files: header, blocks, sync markers and the
// null, deflate, snappy and zstandard codecs.
#include "format/avro/avro_file.h"

#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <random>

namespace switchboard::avro {

namespace {

constexpr char kMagic[4] = {'O', 'b', 'j', '\x01'};
constexpr size_t kSyncSize = 16;
/// A block is closed once its encoded records reach this size.
constexpr size_t kTargetBlockSize = 64 * 1024;

/// Reads the binary encoding from a bounded buffer. Every read checks the bytes that remain.
class Decoder {
 public:
  Decoder(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  size_t remaining() const { return size_ - position_; }
  size_t position() const { return position_; }

  Result<int64_t> ReadLong() {
    uint64_t value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      if (position_ >= size_) return Corrupt("a number runs past the end of the data");
      uint8_t byte = data_[position_++];
      if (shift == 63 && (byte & 0x7e) != 0) return Corrupt("a number does not fit 64 bits");
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return static_cast<int64_t>((value >> 1) ^ (~(value & 1) + 1));
    }
    return Corrupt("a number is longer than 10 bytes");
  }

  Result<int32_t> ReadInt() {
    SB_ASSIGN_OR_RETURN(int64_t value, ReadLong());
    if (value < INT32_MIN || value > INT32_MAX) return Corrupt(fmt::format("int value {} is out of range", value));
    return static_cast<int32_t>(value);
  }

  Result<std::string_view> ReadFixed(size_t size) {
    if (size > remaining()) return Corrupt(fmt::format("{} bytes needed but only {} remain", size, remaining()));
    std::string_view out(reinterpret_cast<const char*>(data_ + position_), size);
    position_ += size;
    return out;
  }

  Result<std::string_view> ReadBytes() {
    SB_ASSIGN_OR_RETURN(int64_t length, ReadLong());
    if (length < 0) return Corrupt(fmt::format("negative length {}", length));
    return ReadFixed(static_cast<size_t>(length));
  }

  /// The item count of the next array or map block (0 ends the value). Negative counts are
  /// followed by the block's size in bytes, which is not needed.
  Result<int64_t> ReadBlockCount() {
    SB_ASSIGN_OR_RETURN(int64_t count, ReadLong());
    if (count < 0) {
      if (count == INT64_MIN) return Corrupt("invalid block count");
      count = -count;
      SB_ASSIGN_OR_RETURN(int64_t size, ReadLong());
      if (size < 0) return Corrupt("negative block size");
    }
    return count;
  }

  static Error Corrupt(const std::string& message) { return Error{ErrorCode::kCorruptData, message}; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t position_ = 0;
};

/// Fewest bytes a value of `node` can be encoded in (0 for null and empty records).
size_t MinEncodedSize(const AvroNode& node) {
  switch (node.type) {
    case AvroType::kNull: return 0;
    case AvroType::kFloat: return 4;
    case AvroType::kDouble: return 8;
    case AvroType::kFixed: return static_cast<size_t>(node.size);
    case AvroType::kRecord: {
      size_t total = 0;
      for (const auto& field : node.fields) total += MinEncodedSize(*field.type);
      return total;
    }
    default: return 1;
  }
}

/// Checks that `count` more items of `item` can be in the data that remains.
Result<void> CheckItemCount(int64_t count, const AvroNode& item, const Decoder& decoder, int64_t& empty_items,
                            const AvroReaderOptions& options) {
  size_t min_size = MinEncodedSize(item);
  if (min_size == 0) {
    empty_items += count;
    if (empty_items > options.max_empty_items) {
      return Decoder::Corrupt(fmt::format("more than {} items of a type that takes no bytes", options.max_empty_items));
    }
    return Ok();
  }
  if (static_cast<uint64_t>(count) > decoder.remaining() / min_size) {
    return Decoder::Corrupt(fmt::format("{} items cannot fit in the {} bytes that remain", count, decoder.remaining()));
  }
  return Ok();
}

Result<void> Decode(const AvroNode& node, Decoder& decoder, AvroValue& out, int64_t& empty_items,
                    const AvroReaderOptions& options) {
  out.children.clear();
  out.keys.clear();
  out.type = node.type;
  switch (node.type) {
    case AvroType::kNull:
      return Ok();
    case AvroType::kBoolean: {
      SB_ASSIGN_OR_RETURN(std::string_view byte, decoder.ReadFixed(1));
      if (static_cast<uint8_t>(byte[0]) > 1) return Decoder::Corrupt("a boolean that is neither 0 nor 1");
      out.integer = byte[0];
      return Ok();
    }
    case AvroType::kInt: {
      SB_ASSIGN_OR_RETURN(out.integer, decoder.ReadInt());
      return Ok();
    }
    case AvroType::kLong: {
      SB_ASSIGN_OR_RETURN(out.integer, decoder.ReadLong());
      return Ok();
    }
    case AvroType::kFloat: {
      SB_ASSIGN_OR_RETURN(std::string_view bytes, decoder.ReadFixed(4));
      float value;
      std::memcpy(&value, bytes.data(), 4);
      out.real = value;
      return Ok();
    }
    case AvroType::kDouble: {
      SB_ASSIGN_OR_RETURN(std::string_view bytes, decoder.ReadFixed(8));
      std::memcpy(&out.real, bytes.data(), 8);
      return Ok();
    }
    case AvroType::kBytes:
    case AvroType::kString: {
      SB_ASSIGN_OR_RETURN(std::string_view bytes, decoder.ReadBytes());
      out.bytes.assign(bytes);
      return Ok();
    }
    case AvroType::kFixed: {
      SB_ASSIGN_OR_RETURN(std::string_view bytes, decoder.ReadFixed(static_cast<size_t>(node.size)));
      out.bytes.assign(bytes);
      return Ok();
    }
    case AvroType::kEnum: {
      SB_ASSIGN_OR_RETURN(int32_t index, decoder.ReadInt());
      if (index < 0 || static_cast<size_t>(index) >= node.symbols.size()) {
        return Decoder::Corrupt(fmt::format("enum index {} of '{}' is out of range", index, node.name));
      }
      out.integer = index;
      return Ok();
    }
    case AvroType::kUnion: {
      SB_ASSIGN_OR_RETURN(int64_t branch, decoder.ReadLong());
      if (branch < 0 || static_cast<size_t>(branch) >= node.branches.size()) {
        return Decoder::Corrupt(fmt::format("union branch {} is out of range", branch));
      }
      return Decode(*node.branches[static_cast<size_t>(branch)], decoder, out, empty_items, options);
    }
    case AvroType::kRecord: {
      out.children.resize(node.fields.size());
      for (size_t i = 0; i < node.fields.size(); ++i) {
        Result<void> field = Decode(*node.fields[i].type, decoder, out.children[i], empty_items, options);
        if (!field.ok()) {
          return Error{field.error().code, fmt::format("{}.{}: {}", node.name, node.fields[i].name, field.error().message)};
        }
      }
      return Ok();
    }
    case AvroType::kArray:
    case AvroType::kMap: {
      while (true) {
        SB_ASSIGN_OR_RETURN(int64_t count, decoder.ReadBlockCount());
        if (count == 0) return Ok();
        SB_RETURN_IF_ERROR(CheckItemCount(count, *node.items, decoder, empty_items, options));
        size_t first = out.children.size();
        out.children.resize(first + static_cast<size_t>(count));
        for (int64_t i = 0; i < count; ++i) {
          if (node.type == AvroType::kMap) {
            SB_ASSIGN_OR_RETURN(std::string_view key, decoder.ReadBytes());
            out.keys.emplace_back(key);
          }
          SB_RETURN_IF_ERROR(Decode(*node.items, decoder, out.children[first + static_cast<size_t>(i)], empty_items, options));
        }
      }
    }
  }
  return Decoder::Corrupt("unknown type");
}

void WriteLong(std::string& out, int64_t value) {
  uint64_t zigzag = (static_cast<uint64_t>(value) << 1) ^ static_cast<uint64_t>(value >> 63);
  while (zigzag >= 0x80) {
    out.push_back(static_cast<char>((zigzag & 0x7f) | 0x80));
    zigzag >>= 7;
  }
  out.push_back(static_cast<char>(zigzag));
}

void WriteBytes(std::string& out, std::string_view bytes) {
  WriteLong(out, static_cast<int64_t>(bytes.size()));
  out.append(bytes);
}

Error Mismatch(const AvroNode& node, const AvroValue& value) {
  return Error{ErrorCode::kInvalidParameter,
               fmt::format("a {} value does not match Avro type {}", AvroTypeName(value.type), AvroTypeName(node.type))};
}

Result<void> Encode(const AvroNode& node, const AvroValue& value, std::string& out) {
  if (node.type == AvroType::kUnion) {
    for (size_t i = 0; i < node.branches.size(); ++i) {
      if (node.branches[i]->type == value.type) {
        WriteLong(out, static_cast<int64_t>(i));
        return Encode(*node.branches[i], value, out);
      }
    }
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("a {} value matches no branch of a union", AvroTypeName(value.type))};
  }
  if (node.type != value.type) return Mismatch(node, value);
  switch (node.type) {
    case AvroType::kNull:
      return Ok();
    case AvroType::kBoolean:
      out.push_back(value.integer ? 1 : 0);
      return Ok();
    case AvroType::kInt:
      if (value.integer < INT32_MIN || value.integer > INT32_MAX) {
        return Error{ErrorCode::kInvalidParameter, fmt::format("{} does not fit an Avro int", value.integer)};
      }
      WriteLong(out, value.integer);
      return Ok();
    case AvroType::kLong:
    case AvroType::kEnum:
      WriteLong(out, value.integer);
      return Ok();
    case AvroType::kFloat: {
      float f = static_cast<float>(value.real);
      out.append(reinterpret_cast<const char*>(&f), 4);
      return Ok();
    }
    case AvroType::kDouble:
      out.append(reinterpret_cast<const char*>(&value.real), 8);
      return Ok();
    case AvroType::kBytes:
    case AvroType::kString:
      WriteBytes(out, value.bytes);
      return Ok();
    case AvroType::kFixed:
      if (value.bytes.size() != static_cast<size_t>(node.size)) {
        return Error{ErrorCode::kInvalidParameter,
                     fmt::format("{} bytes do not fit fixed '{}' of {} bytes", value.bytes.size(), node.name, node.size)};
      }
      out.append(value.bytes);
      return Ok();
    case AvroType::kRecord:
      if (value.children.size() != node.fields.size()) {
        return Error{ErrorCode::kInvalidParameter, fmt::format("record '{}' needs {} fields, got {}", node.name,
                                                               node.fields.size(), value.children.size())};
      }
      for (size_t i = 0; i < node.fields.size(); ++i) {
        Result<void> field = Encode(*node.fields[i].type, value.children[i], out);
        if (!field.ok()) {
          return Error{field.error().code, fmt::format("{}.{}: {}", node.name, node.fields[i].name, field.error().message)};
        }
      }
      return Ok();
    case AvroType::kArray:
    case AvroType::kMap:
      if (node.type == AvroType::kMap && value.keys.size() != value.children.size()) {
        return Error{ErrorCode::kInvalidParameter, "a map value needs one key per entry"};
      }
      if (!value.children.empty()) {
        WriteLong(out, static_cast<int64_t>(value.children.size()));
        for (size_t i = 0; i < value.children.size(); ++i) {
          if (node.type == AvroType::kMap) WriteBytes(out, value.keys[i]);
          SB_RETURN_IF_ERROR(Encode(*node.items, value.children[i], out));
        }
      }
      WriteLong(out, 0);
      return Ok();
    case AvroType::kUnion:
      break;
  }
  return Mismatch(node, value);
}

uint32_t Crc32(std::string_view data) {
  return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
}

Result<std::string> Inflate(std::string_view input, int64_t limit) {
  z_stream stream{};
  if (inflateInit2(&stream, -15) != Z_OK) return Error{ErrorCode::kInternal, "zlib initialization failed"};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  stream.avail_in = static_cast<uInt>(input.size());
  std::string out;
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    if (static_cast<int64_t>(out.size()) >= limit) {
      inflateEnd(&stream);
      return Decoder::Corrupt(fmt::format("a deflate block expands past {} bytes", limit));
    }
    size_t have = out.size();
    out.resize(std::min<size_t>(static_cast<size_t>(limit), std::max<size_t>(have * 2, input.size() * 4 + 1024)));
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + have);
    stream.avail_out = static_cast<uInt>(out.size() - have);
    status = inflate(&stream, Z_NO_FLUSH);
    out.resize(out.size() - stream.avail_out);
    if (status == Z_BUF_ERROR && stream.avail_in == 0) break;  // input ended without a final block
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
      inflateEnd(&stream);
      return Decoder::Corrupt(fmt::format("invalid deflate data ({})", stream.msg ? stream.msg : "zlib error"));
    }
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) return Decoder::Corrupt("truncated deflate data");
  return out;
}

Result<std::string> Deflate(std::string_view input) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Error{ErrorCode::kInternal, "zlib initialization failed"};
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(input.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  stream.avail_in = static_cast<uInt>(input.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = deflate(&stream, Z_FINISH);
  out.resize(out.size() - stream.avail_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) return Error{ErrorCode::kInternal, "deflate failed"};
  return out;
}

Result<std::string> Decompress(AvroCodec codec, std::string_view input, int64_t limit) {
  switch (codec) {
    case AvroCodec::kNull:
      return std::string(input);
    case AvroCodec::kDeflate:
      return Inflate(input, limit);
    case AvroCodec::kSnappy: {
      if (input.size() < 4) return Decoder::Corrupt("a snappy block without its checksum");
      std::string_view body = input.substr(0, input.size() - 4);
      size_t length = 0;
      if (!snappy::GetUncompressedLength(body.data(), body.size(), &length)) {
        return Decoder::Corrupt("invalid snappy data");
      }
      if (static_cast<int64_t>(length) > limit) return Decoder::Corrupt(fmt::format("a snappy block expands past {} bytes", limit));
      std::string out(length, '\0');
      if (!snappy::RawUncompress(body.data(), body.size(), out.data())) return Decoder::Corrupt("invalid snappy data");
      const auto* crc = reinterpret_cast<const uint8_t*>(input.data() + body.size());
      uint32_t expected = (uint32_t{crc[0]} << 24) | (uint32_t{crc[1]} << 16) | (uint32_t{crc[2]} << 8) | crc[3];
      if (Crc32(out) != expected) return Decoder::Corrupt("snappy block checksum mismatch");
      return out;
    }
    case AvroCodec::kZstandard: {
      unsigned long long size = ZSTD_getFrameContentSize(input.data(), input.size());
      if (size == ZSTD_CONTENTSIZE_ERROR) return Decoder::Corrupt("invalid zstandard data");
      if (size != ZSTD_CONTENTSIZE_UNKNOWN) {
        if (size > static_cast<unsigned long long>(limit)) {
          return Decoder::Corrupt(fmt::format("a zstandard block expands past {} bytes", limit));
        }
        std::string out(size, '\0');
        size_t written = ZSTD_decompress(out.data(), out.size(), input.data(), input.size());
        if (ZSTD_isError(written) || written != size) return Decoder::Corrupt("invalid zstandard data");
        return out;
      }
      ZSTD_DStream* stream = ZSTD_createDStream();
      ZSTD_initDStream(stream);
      ZSTD_inBuffer in{input.data(), input.size(), 0};
      std::string out;
      size_t status = 1;
      while (status != 0) {
        if (static_cast<int64_t>(out.size()) >= limit) {
          ZSTD_freeDStream(stream);
          return Decoder::Corrupt(fmt::format("a zstandard block expands past {} bytes", limit));
        }
        size_t have = out.size();
        out.resize(std::min<size_t>(static_cast<size_t>(limit), have + ZSTD_DStreamOutSize()));
        ZSTD_outBuffer output{out.data() + have, out.size() - have, 0};
        status = ZSTD_decompressStream(stream, &output, &in);
        out.resize(have + output.pos);
        if (ZSTD_isError(status)) {
          ZSTD_freeDStream(stream);
          return Decoder::Corrupt("invalid zstandard data");
        }
        if (status != 0 && in.pos == in.size && output.pos == 0) {
          ZSTD_freeDStream(stream);
          return Decoder::Corrupt("truncated zstandard data");
        }
      }
      ZSTD_freeDStream(stream);
      return out;
    }
  }
  return Error{ErrorCode::kInternal, "unknown codec"};
}

Result<std::string> Compress(AvroCodec codec, std::string_view input) {
  switch (codec) {
    case AvroCodec::kNull:
      return std::string(input);
    case AvroCodec::kDeflate:
      return Deflate(input);
    case AvroCodec::kSnappy: {
      std::string out;
      snappy::Compress(input.data(), input.size(), &out);
      uint32_t crc = Crc32(input);
      for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((crc >> shift) & 0xff));
      return out;
    }
    case AvroCodec::kZstandard: {
      std::string out(ZSTD_compressBound(input.size()), '\0');
      size_t written = ZSTD_compress(out.data(), out.size(), input.data(), input.size(), 3);
      if (ZSTD_isError(written)) return Error{ErrorCode::kInternal, "zstandard compression failed"};
      out.resize(written);
      return out;
    }
  }
  return Error{ErrorCode::kInternal, "unknown codec"};
}

const char* CodecName(AvroCodec codec) {
  switch (codec) {
    case AvroCodec::kNull: return "null";
    case AvroCodec::kDeflate: return "deflate";
    case AvroCodec::kSnappy: return "snappy";
    case AvroCodec::kZstandard: return "zstandard";
  }
  return "null";
}

}  // namespace

Result<std::unique_ptr<AvroFileReader>> AvroFileReader::Open(std::string data, std::string name,
                                                             const AvroReaderOptions& options) {
  std::unique_ptr<AvroFileReader> reader(new AvroFileReader());
  reader->data_ = std::move(data);
  reader->name_ = std::move(name);
  reader->options_ = options;
  auto fail = [&](const Error& error) {
    return Error{error.code, fmt::format("Avro file '{}': {}", reader->name_, error.message)};
  };
  const std::string& bytes = reader->data_;
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return fail(Decoder::Corrupt("not an Avro object container file (bad magic)"));
  }
  Decoder decoder(reinterpret_cast<const uint8_t*>(bytes.data()) + sizeof(kMagic), bytes.size() - sizeof(kMagic));
  while (true) {
    Result<int64_t> count = decoder.ReadBlockCount();
    if (!count.ok()) return fail(count.error());
    if (*count == 0) break;
    for (int64_t i = 0; i < *count; ++i) {
      Result<std::string_view> key = decoder.ReadBytes();
      if (!key.ok()) return fail(key.error());
      Result<std::string_view> value = decoder.ReadBytes();
      if (!value.ok()) return fail(value.error());
      reader->metadata_[std::string(*key)] = std::string(*value);
    }
  }
  Result<std::string_view> sync = decoder.ReadFixed(kSyncSize);
  if (!sync.ok()) return fail(sync.error());
  reader->sync_ = std::string(*sync);
  reader->position_ = sizeof(kMagic) + decoder.position();

  auto schema = reader->metadata_.find("avro.schema");
  if (schema == reader->metadata_.end()) return fail(Decoder::Corrupt("the header has no avro.schema"));
  Result<AvroNodePtr> parsed = ParseAvroSchema(schema->second);
  if (!parsed.ok()) return fail(parsed.error());
  reader->schema_ = std::move(*parsed);
  std::string codec = reader->Metadata("avro.codec");
  if (codec.empty() || codec == "null") {
    reader->codec_ = AvroCodec::kNull;
  } else if (codec == "deflate") {
    reader->codec_ = AvroCodec::kDeflate;
  } else if (codec == "snappy") {
    reader->codec_ = AvroCodec::kSnappy;
  } else if (codec == "zstandard") {
    reader->codec_ = AvroCodec::kZstandard;
  } else {
    return Error{ErrorCode::kNotSupported, fmt::format("Avro file '{}': codec '{}' is not supported", reader->name_, codec)};
  }
  return reader;
}

std::string AvroFileReader::Metadata(const std::string& key) const {
  auto it = metadata_.find(key);
  return it == metadata_.end() ? "" : it->second;
}

Result<bool> AvroFileReader::NextBlock() {
  if (position_ == data_.size()) return false;
  ++block_index_;
  Decoder decoder(reinterpret_cast<const uint8_t*>(data_.data()) + position_, data_.size() - position_);
  SB_ASSIGN_OR_RETURN(int64_t count, decoder.ReadLong());
  SB_ASSIGN_OR_RETURN(int64_t size, decoder.ReadLong());
  if (count < 0) return Decoder::Corrupt(fmt::format("negative record count {}", count));
  if (size < 0 || size > options_.max_block_size) return Decoder::Corrupt(fmt::format("invalid block size {}", size));
  SB_ASSIGN_OR_RETURN(std::string_view compressed, decoder.ReadFixed(static_cast<size_t>(size)));
  SB_ASSIGN_OR_RETURN(std::string_view sync, decoder.ReadFixed(kSyncSize));
  if (sync != sync_) return Decoder::Corrupt("the sync marker after the block does not match the header's");
  position_ += decoder.position();
  SB_ASSIGN_OR_RETURN(block_, Decompress(codec_, compressed, options_.max_block_size));
  block_position_ = 0;
  size_t min_size = MinEncodedSize(*schema_);
  bool fits = min_size == 0 ? count <= options_.max_empty_items
                            : static_cast<uint64_t>(count) <= block_.size() / min_size;
  if (!fits) return Decoder::Corrupt(fmt::format("{} records cannot fit in a block of {} bytes", count, block_.size()));
  block_remaining_ = count;
  return true;
}

Result<bool> AvroFileReader::Next(AvroValue& out) {
  auto fail = [&](const Error& error) {
    return Error{error.code, fmt::format("Avro file '{}', block {}: {}", name_, block_index_, error.message)};
  };
  while (block_remaining_ == 0) {
    if (block_index_ >= 0 && block_position_ != block_.size()) {
      return fail(Decoder::Corrupt(fmt::format("{} bytes are left over after the block's records", block_.size() - block_position_)));
    }
    Result<bool> more = NextBlock();
    if (!more.ok()) return fail(more.error());
    if (!*more) return false;
  }
  Decoder decoder(reinterpret_cast<const uint8_t*>(block_.data()) + block_position_, block_.size() - block_position_);
  int64_t empty_items = 0;
  Result<void> decoded = Decode(*schema_, decoder, out, empty_items, options_);
  if (!decoded.ok()) return fail(decoded.error());
  block_position_ += decoder.position();
  --block_remaining_;
  return true;
}

Result<std::vector<AvroValue>> AvroFileReader::ReadAll() {
  std::vector<AvroValue> values;
  while (true) {
    AvroValue value;
    SB_ASSIGN_OR_RETURN(bool more, Next(value));
    if (!more) return values;
    values.push_back(std::move(value));
  }
}

AvroFileWriter::AvroFileWriter(AvroNodePtr schema, std::vector<std::pair<std::string, std::string>> metadata,
                               AvroCodec codec)
    : schema_(std::move(schema)), codec_(codec) {
  std::random_device random;
  for (size_t i = 0; i < kSyncSize; ++i) sync_.push_back(static_cast<char>(random() & 0xff));
  out_.append(kMagic, sizeof(kMagic));
  metadata.insert(metadata.begin(), {"avro.codec", CodecName(codec)});
  metadata.insert(metadata.begin(), {"avro.schema", AvroSchemaToJson(*schema_)});
  WriteLong(out_, static_cast<int64_t>(metadata.size()));
  for (const auto& [key, value] : metadata) {
    WriteBytes(out_, key);
    WriteBytes(out_, value);
  }
  WriteLong(out_, 0);
  out_ += sync_;
}

Result<void> AvroFileWriter::Append(const AvroValue& datum) {
  size_t before = block_.size();
  Result<void> encoded = Encode(*schema_, datum, block_);
  if (!encoded.ok()) {
    block_.resize(before);
    return encoded;
  }
  ++block_records_;
  ++records_;
  if (block_.size() >= kTargetBlockSize) return FlushBlock();
  return Ok();
}

Result<void> AvroFileWriter::FlushBlock() {
  if (block_records_ == 0) return Ok();
  SB_ASSIGN_OR_RETURN(std::string compressed, Compress(codec_, block_));
  WriteLong(out_, block_records_);
  WriteLong(out_, static_cast<int64_t>(compressed.size()));
  out_ += compressed;
  out_ += sync_;
  block_.clear();
  block_records_ = 0;
  return Ok();
}

Result<std::string> AvroFileWriter::Finish() {
  SB_RETURN_IF_ERROR(FlushBlock());
  return std::move(out_);
}

}  // namespace switchboard::avro
