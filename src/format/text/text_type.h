// Schema inference for text values: which SQL types a field of a CSV file or a string of a JSON
// document could be read as, narrowed value by value over a sample.
#pragma once

#include <cstdint>
#include <string_view>

#include "types/logical_type.h"

namespace switchboard {

/// The candidate types of one column, narrowed by each value seen. Candidates, in the order of
/// preference: BOOLEAN (true/false), BIGINT, DOUBLE, DATE (YYYY-MM-DD), TIMESTAMP
/// (YYYY-MM-DD[ T]HH:MM[:SS[.fraction]]), TIMESTAMP WITH TIME ZONE (the same with a zone:
/// Z, +02:00, UTC, ...), TIME (HH:MM:SS[.fraction]); VARCHAR when none fits. Numbers with
/// leading zeros ("007", zip codes) stay text, so that no digits are lost.
class TextTypeCandidates {
 public:
  /// Narrows the candidates to those `text` (a non-NULL value) fits.
  void Add(std::string_view text);
  /// Narrows to the candidates of `other` too (merging samples).
  void Merge(const TextTypeCandidates& other);
  /// Whether any value was added.
  bool has_values() const { return has_values_; }
  /// The preferred candidate; VARCHAR when no value was seen or none fits. TIMESTAMP and TIME
  /// get precision 3 unless a value has more fractional digits (then 6).
  LogicalType Best() const;
  /// Whether `text` fits `type`'s candidate (false for types that are not candidates).
  static bool Fits(std::string_view text, const LogicalType& type);

 private:
  enum : uint8_t {
    kBoolean = 1,
    kBigint = 2,
    kDouble = 4,
    kDate = 8,
    kTimestamp = 16,
    kTimestampTz = 32,
    kTime = 64,
    kAll = 127,
  };
  static uint8_t Classify(std::string_view text, int& fraction_digits);

  uint8_t candidates_ = kAll;
  bool has_values_ = false;
  int fraction_digits_ = 0;
};

}  // namespace switchboard
