// XxHash64: the 64-bit xxHash of a byte string (seed 0 in Parquet), the hash of split-block bloom
// filters.
#pragma once

#include <cstddef>
#include <cstdint>

namespace switchboard::parquet {

/// XXH64 as specified by its author
/// (https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md).
uint64_t XxHash64(const void* data, size_t size, uint64_t seed = 0);

}  // namespace switchboard::parquet
