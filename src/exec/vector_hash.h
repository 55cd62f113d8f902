// Hashing of vectors, column at a time, consistent with GroupEquals: equal keys hash equally
// across threads and operators.
#pragma once

#include "common/hash.h"
#include "types/vector.h"

namespace switchboard {

/// hashes[i] = hash of row i (NULLs hash to a fixed value). With `combine`, mixes into the
/// existing hashes[i] instead (for multi-column keys).
void HashVector(const Vector& vector, idx_t count, hash_t* hashes, bool combine);

/// Hashes of `count` rows over several key columns.
void HashColumns(const std::vector<const Vector*>& columns, idx_t count, hash_t* hashes);

}  // namespace switchboard
