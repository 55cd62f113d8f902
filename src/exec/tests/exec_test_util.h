// Helpers for the exec unit tests: vectors and chunks from Values, and a readable printer for
// types in failure messages.
#pragma once

#include <ostream>
#include <vector>

#include "types/data_chunk.h"
#include "types/value.h"

namespace switchboard {

inline void PrintTo(const Value& value, std::ostream* out) { *out << value.ToString(); }

namespace testing {

/// A flat vector of `type` holding `values` (NULL Values become NULL rows).
inline Vector FlatVector(const LogicalType& type, const std::vector<Value>& values) {
  Vector vector(type, std::max<idx_t>(values.size(), 1));
  for (idx_t i = 0; i < values.size(); ++i) vector.SetValue(i, values[i]);
  return vector;
}

/// A chunk of flat columns: rows[r][c] is column c of row r.
inline DataChunk MakeChunk(const std::vector<LogicalType>& types,
                           const std::vector<std::vector<Value>>& rows) {
  DataChunk chunk;
  chunk.Initialize(types, std::max<idx_t>(rows.size(), 1));
  for (idx_t r = 0; r < rows.size(); ++r) {
    for (idx_t c = 0; c < types.size(); ++c) chunk.column(c).SetValue(r, rows[r][c]);
  }
  chunk.SetSize(rows.size());
  return chunk;
}

/// Values of rows [0, count) of `vector`.
inline std::vector<Value> Values(const Vector& vector, idx_t count) {
  std::vector<Value> out;
  for (idx_t i = 0; i < count; ++i) out.push_back(vector.GetValue(i));
  return out;
}

}  // namespace testing
}  // namespace switchboard
