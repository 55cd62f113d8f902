// Byte-string hashing.
#include "common/hash.h"

namespace switchboard {

namespace {
constexpr uint64_t kMul1 = 0xa0761d6478bd642fULL;
constexpr uint64_t kMul2 = 0xe7037ed1a0b428dbULL;

inline uint64_t Load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline uint64_t MulFold(uint64_t a, uint64_t b) {
  unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}
}  // namespace

hash_t HashBytes(const void* data, size_t size) {
  const auto* p = static_cast<const uint8_t*>(data);
  uint64_t h = size * kMul1;
  size_t i = 0;
  for (; i + 16 <= size; i += 16) {
    h = MulFold(Load64(p + i) ^ kMul1, Load64(p + i + 8) ^ h ^ kMul2);
  }
  if (i + 8 <= size) {
    h = MulFold(Load64(p + i) ^ kMul1, h ^ kMul2);
    i += 8;
  }
  if (i < size) {
    uint64_t tail = 0;
    std::memcpy(&tail, p + i, size - i);
    h = MulFold(tail ^ kMul2, h ^ kMul1);
  }
  return MixHash(h);
}

}  // namespace switchboard
