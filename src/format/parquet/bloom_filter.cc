// BloomFilter: block selection, salted bit masks and (de)serialization.
#include "format/parquet/bloom_filter.h"

#include <bit>
#include <cmath>
#include <cstring>

#include "format/parquet/parquet_thrift.h"
#include "format/parquet/xxhash64.h"

namespace switchboard::parquet {

namespace {

constexpr uint32_t kSalt[8] = {0x47b6137bU, 0x44974d91U, 0x8824ad5bU, 0xa2b7289dU,
                               0x705495c7U, 0x2df1424bU, 0x9efc4947U, 0x5c6bfb31U};

inline uint32_t BitOf(uint32_t key, int i) { return uint32_t{1} << ((key * kSalt[i]) >> 27); }

}  // namespace

size_t BloomFilter::OptimalNumBytes(uint64_t distinct_values, double fpp) {
  if (!(fpp > 0.0 && fpp < 1.0)) fpp = 0.01;
  double bits =
      -8.0 * static_cast<double>(distinct_values) / std::log(1.0 - std::pow(fpp, 1.0 / 8));
  double bytes = bits / 8;
  if (!(bytes < static_cast<double>(kMaxBytes))) return kMaxBytes;
  size_t n = std::bit_ceil(static_cast<size_t>(bytes) + 1);
  return n < kMinBytes ? kMinBytes : (n > kMaxBytes ? kMaxBytes : n);
}

BloomFilter::BloomFilter(size_t num_bytes) : words_(num_bytes / 4, 0) {}

Result<BloomFilter> BloomFilter::Deserialize(const uint8_t* data, size_t size) {
  size_t header_size = 0;
  SB_ASSIGN_OR_RETURN(BloomFilterHeader header,
                      DeserializeThrift<BloomFilterHeader>(data, size, &header_size));
  if (!header.algorithm_is_block || !header.hash_is_xxhash || !header.compression_is_none) {
    return Error{ErrorCode::kCorruptData,
                 "bloom filter uses an unsupported algorithm, hash or compression"};
  }
  size_t n = static_cast<size_t>(header.num_bytes);
  if (header.num_bytes < static_cast<int32_t>(kMinBytes) || n > kMaxBytes ||
      !std::has_single_bit(n)) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("bloom filter size {} is not a power of two between {} and {}",
                             header.num_bytes, kMinBytes, kMaxBytes)};
  }
  if (n > size - header_size) {
    return Error{
        ErrorCode::kCorruptData,
        fmt::format("bloom filter of {} bytes exceeds the {} bytes stored", n, size - header_size)};
  }
  BloomFilter filter;
  filter.words_.resize(n / 4);
  std::memcpy(filter.words_.data(), data + header_size, n);
  return filter;
}

uint64_t BloomFilter::Hash(const void* data, size_t size) { return XxHash64(data, size, 0); }

void BloomFilter::Insert(uint64_t hash) {
  uint32_t* block = words_.data() + BlockIndex(hash) * 8;
  uint32_t key = static_cast<uint32_t>(hash);
  for (int i = 0; i < 8; ++i) block[i] |= BitOf(key, i);
}

bool BloomFilter::MightContain(uint64_t hash) const {
  const uint32_t* block = words_.data() + BlockIndex(hash) * 8;
  uint32_t key = static_cast<uint32_t>(hash);
  for (int i = 0; i < 8; ++i) {
    if ((block[i] & BitOf(key, i)) == 0) return false;
  }
  return true;
}

void BloomFilter::Serialize(std::vector<uint8_t>& out) const {
  BloomFilterHeader header;
  header.num_bytes = static_cast<int32_t>(num_bytes());
  header.algorithm_is_block = header.hash_is_xxhash = header.compression_is_none = true;
  SerializeThrift(header, out);
  size_t at = out.size();
  out.resize(at + num_bytes());
  std::memcpy(out.data() + at, words_.data(), num_bytes());
}

}  // namespace switchboard::parquet
