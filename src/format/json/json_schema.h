// JSON schema inference: the column names and types that a sample of JSON values suggests.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "types/logical_type.h"

namespace switchboard {

/// Accumulates the shape of sampled values and resolves it to types: objects become ROW (or
/// MAP(VARCHAR, ...) past `map_threshold` distinct keys), arrays ARRAY, integers BIGINT,
/// numbers with fractions DOUBLE, booleans BOOLEAN, strings VARCHAR unless every one is an ISO
/// 8601 date, time or timestamp (then DATE, TIME, TIMESTAMP or TIMESTAMP WITH TIME ZONE);
/// scalars of different kinds VARCHAR; scalars mixed with objects or arrays JSON; only nulls
/// VARCHAR. Keys match ignoring case (the first spelling names the field). Not thread-safe.
class JsonSchemaBuilder {
 public:
  explicit JsonSchemaBuilder(size_t map_threshold = 200);
  ~JsonSchemaBuilder();

  /// Adds one value. Errors: kCorruptData (message without a location) for invalid JSON.
  Result<void> Add(std::string_view json);

  /// Whether every value added was an object.
  bool records() const;
  /// With records(): one column per key in first-seen order; otherwise one column named "json"
  /// for the whole value.
  void Resolve(std::vector<std::string>& names, std::vector<LogicalType>& types) const;

 private:
  struct Node;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace switchboard
