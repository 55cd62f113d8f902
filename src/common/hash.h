// Hash functions for hash joins, aggregation and partitioning. Fast, not cryptographic; stable
// within a build (never persisted).
#pragma once

#include <cstdint>
#include <cstring>

namespace switchboard {

using hash_t = uint64_t;

/// Finalizer that spreads every input bit over the result (murmur3's fmix64 constants).
inline hash_t MixHash(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

inline hash_t HashInt(uint64_t x) { return MixHash(x); }

/// Order-dependent combination of a running hash with the next column's hash.
inline hash_t CombineHashes(hash_t seed, hash_t next) {
  return MixHash(seed * 0x9e3779b97f4a7c15ULL + next);
}

/// Hash of a byte string. Reads 8 bytes at a time; the tail is read without crossing `size`.
hash_t HashBytes(const void* data, size_t size);

}  // namespace switchboard
