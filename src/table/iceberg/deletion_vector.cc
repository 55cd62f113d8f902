// Deletion vector blobs: portable Roaring bitmaps (64-bit: 32-bit bitmaps keyed by the high
// half of each position).
#include "table/iceberg/deletion_vector.h"

#include <zlib.h>

#include <cstring>

namespace switchboard::iceberg {

namespace {

constexpr uint8_t kMagic[4] = {0xD1, 0xD3, 0x39, 0x64};
constexpr uint32_t kCookieNoRuns = 12346;
constexpr uint32_t kCookieRuns = 12347;
constexpr uint32_t kMaxArrayContainer = 4096;
constexpr size_t kBitmapContainerBytes = 8192;

Error Corrupt(const std::string& message) {
  return Error{ErrorCode::kCorruptData, "Invalid deletion vector: " + message};
}

class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  size_t remaining() const { return size_ - position_; }
  template <typename T>
  Result<T> Read() {
    if (remaining() < sizeof(T)) return Corrupt("it ends early");
    T value;
    std::memcpy(&value, data_ + position_, sizeof(T));
    position_ += sizeof(T);
    return value;
  }
  Result<const uint8_t*> Bytes(size_t size) {
    if (remaining() < size) return Corrupt("it ends early");
    const uint8_t* out = data_ + position_;
    position_ += size;
    return out;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t position_ = 0;
};

uint32_t ReadBigEndian32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

void AppendBigEndian32(std::string& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}

template <typename T>
void AppendLittleEndian(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

/// Decodes one 32-bit portable Roaring bitmap at the reader's position, adding `high << 32 | low`
/// for each member to `out`.
Result<void> DecodeBitmap32(ByteReader& reader, uint64_t high, std::vector<int64_t>& out) {
  SB_ASSIGN_OR_RETURN(uint32_t cookie, reader.Read<uint32_t>());
  uint32_t containers = 0;
  bool has_runs = (cookie & 0xffff) == kCookieRuns;
  const uint8_t* run_flags = nullptr;
  if (cookie == kCookieNoRuns) {
    SB_ASSIGN_OR_RETURN(containers, reader.Read<uint32_t>());
  } else if (has_runs) {
    containers = (cookie >> 16) + 1;
    SB_ASSIGN_OR_RETURN(run_flags, reader.Bytes((containers + 7) / 8));
  } else {
    return Corrupt(fmt::format("unknown Roaring cookie {}", cookie));
  }
  if (containers > 65536) return Corrupt(fmt::format("{} containers in one bitmap", containers));
  SB_ASSIGN_OR_RETURN(const uint8_t* header, reader.Bytes(size_t{containers} * 4));
  // Offsets (present without runs, or with runs when there are at least 4 containers) are not
  // needed: containers follow each other.
  if (!has_runs || containers >= 4) {
    SB_ASSIGN_OR_RETURN(const uint8_t* offsets, reader.Bytes(size_t{containers} * 4));
    (void)offsets;
  }
  for (uint32_t c = 0; c < containers; ++c) {
    uint16_t key;
    uint16_t cardinality_minus_one;
    std::memcpy(&key, header + c * 4, 2);
    std::memcpy(&cardinality_minus_one, header + c * 4 + 2, 2);
    uint32_t cardinality = uint32_t{cardinality_minus_one} + 1;
    uint64_t base = (high << 32) | (uint64_t{key} << 16);
    bool is_run = has_runs && (run_flags[c / 8] >> (c % 8)) & 1;
    if (is_run) {
      SB_ASSIGN_OR_RETURN(uint16_t runs, reader.Read<uint16_t>());
      SB_ASSIGN_OR_RETURN(const uint8_t* pairs, reader.Bytes(size_t{runs} * 4));
      for (uint16_t r = 0; r < runs; ++r) {
        uint16_t value;
        uint16_t length;
        std::memcpy(&value, pairs + r * 4, 2);
        std::memcpy(&length, pairs + r * 4 + 2, 2);
        if (uint32_t{value} + length > 0xffff) return Corrupt("a run passes the end of its container");
        for (uint32_t v = value; v <= uint32_t{value} + length; ++v) out.push_back(static_cast<int64_t>(base | v));
      }
    } else if (cardinality <= kMaxArrayContainer) {
      SB_ASSIGN_OR_RETURN(const uint8_t* values, reader.Bytes(size_t{cardinality} * 2));
      for (uint32_t i = 0; i < cardinality; ++i) {
        uint16_t value;
        std::memcpy(&value, values + i * 2, 2);
        out.push_back(static_cast<int64_t>(base | value));
      }
    } else {
      SB_ASSIGN_OR_RETURN(const uint8_t* words, reader.Bytes(kBitmapContainerBytes));
      for (uint32_t w = 0; w < 1024; ++w) {
        uint64_t word;
        std::memcpy(&word, words + w * 8, 8);
        while (word != 0) {
          int bit = __builtin_ctzll(word);
          out.push_back(static_cast<int64_t>(base | (w * 64 + static_cast<uint32_t>(bit))));
          word &= word - 1;
        }
      }
    }
  }
  return Ok();
}

}  // namespace

Result<std::vector<int64_t>> DecodeDeletionVector(std::string_view blob) {
  const auto* data = reinterpret_cast<const uint8_t*>(blob.data());
  if (blob.size() < 12) return Corrupt(fmt::format("{} bytes is too short", blob.size()));
  uint32_t length = ReadBigEndian32(data);
  if (length < 4 || size_t{length} + 8 != blob.size()) {
    return Corrupt(fmt::format("its length field says {} bytes but the blob holds {}", length, blob.size() - 8));
  }
  if (std::memcmp(data + 4, kMagic, 4) != 0) return Corrupt("bad magic");
  uint32_t stored_crc = ReadBigEndian32(data + 4 + length);
  uint32_t crc = static_cast<uint32_t>(crc32(0, data + 4, length));
  if (crc != stored_crc) return Corrupt("checksum mismatch");
  ByteReader reader(data + 8, length - 4);
  SB_ASSIGN_OR_RETURN(uint64_t bitmaps, reader.Read<uint64_t>());
  if (bitmaps > reader.remaining() / 8) return Corrupt(fmt::format("{} bitmaps cannot fit", bitmaps));
  std::vector<int64_t> positions;
  int64_t previous_key = -1;
  for (uint64_t i = 0; i < bitmaps; ++i) {
    SB_ASSIGN_OR_RETURN(uint32_t key, reader.Read<uint32_t>());
    if (int64_t{key} <= previous_key) return Corrupt("bitmap keys are not ascending");
    if (key > 0x7fffffff) return Corrupt("a position is negative");
    previous_key = key;
    SB_RETURN_IF_ERROR(DecodeBitmap32(reader, key, positions));
  }
  if (reader.remaining() != 0) return Corrupt(fmt::format("{} bytes are left over", reader.remaining()));
  for (size_t i = 1; i < positions.size(); ++i) {
    if (positions[i] <= positions[i - 1]) return Corrupt("positions are not ascending");
  }
  return positions;
}

std::string EncodeDeletionVector(const std::vector<int64_t>& positions) {
  // Group positions by their high 32 bits, then by the high 16 bits of the low half.
  std::string bitmap;
  std::vector<std::pair<uint32_t, std::vector<uint32_t>>> groups;
  for (int64_t position : positions) {
    auto high = static_cast<uint32_t>(static_cast<uint64_t>(position) >> 32);
    if (groups.empty() || groups.back().first != high) groups.push_back({high, {}});
    groups.back().second.push_back(static_cast<uint32_t>(position));
  }
  AppendLittleEndian<uint64_t>(bitmap, groups.size());
  for (const auto& [high, lows] : groups) {
    AppendLittleEndian<uint32_t>(bitmap, high);
    std::vector<std::pair<uint16_t, std::vector<uint16_t>>> containers;
    for (uint32_t low : lows) {
      auto key = static_cast<uint16_t>(low >> 16);
      if (containers.empty() || containers.back().first != key) containers.push_back({key, {}});
      containers.back().second.push_back(static_cast<uint16_t>(low));
    }
    AppendLittleEndian<uint32_t>(bitmap, kCookieNoRuns);
    AppendLittleEndian<uint32_t>(bitmap, static_cast<uint32_t>(containers.size()));
    for (const auto& [key, values] : containers) {
      AppendLittleEndian<uint16_t>(bitmap, key);
      AppendLittleEndian<uint16_t>(bitmap, static_cast<uint16_t>(values.size() - 1));
    }
    uint32_t offset = static_cast<uint32_t>(8 + containers.size() * 8);
    for (const auto& [key, values] : containers) {
      AppendLittleEndian<uint32_t>(bitmap, offset);
      offset += values.size() <= kMaxArrayContainer ? static_cast<uint32_t>(values.size() * 2) : kBitmapContainerBytes;
    }
    for (const auto& [key, values] : containers) {
      if (values.size() <= kMaxArrayContainer) {
        for (uint16_t value : values) AppendLittleEndian<uint16_t>(bitmap, value);
      } else {
        std::vector<uint64_t> words(1024, 0);
        for (uint16_t value : values) words[value / 64] |= uint64_t{1} << (value % 64);
        for (uint64_t word : words) AppendLittleEndian<uint64_t>(bitmap, word);
      }
    }
  }
  std::string body(reinterpret_cast<const char*>(kMagic), 4);
  body += bitmap;
  std::string blob;
  AppendBigEndian32(blob, static_cast<uint32_t>(body.size()));
  blob += body;
  AppendBigEndian32(blob, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
  return blob;
}

}  // namespace switchboard::iceberg
