// TimeZone: named (IANA, from the system's zoneinfo files) and fixed-offset time zones, identified
// by small integer keys that TIMESTAMP WITH TIME ZONE values carry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace switchboard {

/// All functions are thread-safe. Keys are stable for the life of the process (never persisted).
class TimeZone {
 public:
  static constexpr int16_t kUtc = 0;

  /// The key for "UTC", "Z", "+05:30", "-0800", "America/New_York" (case-insensitive);
  /// nullopt when the name is neither an offset within +-14:00 nor a zone in the zoneinfo database.
  static std::optional<int16_t> Lookup(std::string_view name);
  /// The key for a fixed offset in minutes (-840 .. 840); 0 minutes is UTC.
  static int16_t FixedOffset(int offset_minutes);
  /// "UTC", "+05:30" or the zone's canonical name.
  static std::string Name(int16_t key);
  /// Offset from UTC, in seconds, in force at `utc_seconds`.
  static int32_t OffsetAt(int16_t key, int64_t utc_seconds);
  /// The instant a local wall-clock time denotes. Local times skipped by a forward transition
  /// move forward by the gap; repeated ones take the earlier instant (java.time's rules).
  static int64_t LocalToUtc(int16_t key, int64_t local_seconds);
};

}  // namespace switchboard
