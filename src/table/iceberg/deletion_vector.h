// Deletion vectors: the deleted row positions of one data file as a Puffin
// `deletion-vector-v1` blob (a portable 64-bit Roaring bitmap with a length prefix, magic and
// CRC-32).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace switchboard::iceberg {

/// The positions a deletion-vector-v1 blob marks deleted, in ascending order. Errors:
/// kCorruptData (bad length, magic or checksum, malformed bitmap) naming what is wrong; every
/// count and offset is checked against the blob before use.
Result<std::vector<int64_t>> DecodeDeletionVector(std::string_view blob);

/// The deletion-vector-v1 blob of ascending, distinct, non-negative `positions` (array and
/// bitmap containers; no run containers).
std::string EncodeDeletionVector(const std::vector<int64_t>& positions);

}  // namespace switchboard::iceberg
