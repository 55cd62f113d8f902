// ConnectEventFormat: Amazon Connect agent events as JSON, in the form the agent event stream
// sends (PascalCase keys) and in the form Kinesis Firehose's record conversion stores the nested
// snapshots (lower-case keys).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "datagen/contact_center_simulation.h"

namespace switchboard {

enum class KeyCase : uint8_t { kAsSent, kLower };

/// Formats the events of one day. Appends to caller-owned strings, so formatting a day's
/// events reuses a few buffers. Not thread-safe; one per day being written.
class ConnectEventFormat {
 public:
  ConnectEventFormat(const ContactCenterWorld& world, const DayActivity& day);

  /// The event's EventId (a UUID) and EventTimestamp.
  void AppendEventId(size_t event, std::string& out) const;
  static void AppendTimestamp(int64_t millis, std::string& out);

  /// An agent snapshot object (CurrentAgentSnapshot / PreviousAgentSnapshot).
  void AppendSnapshot(const AgentEvent& event, const AgentState& state, KeyCase keys,
                      std::string& out) const;

  /// The whole event as one JSON object, keys as Connect sends them.
  void AppendEvent(size_t event, std::string& out) const;

  static std::string_view EventTypeName(AgentEventType type);

 private:
  const ContactCenterWorld& world_;
  const DayActivity& day_;
  // Per agent, the "Configuration" object in each key case (it does not change in a day).
  std::vector<std::string> configuration_[2];
};

/// Writes the contact's id, a UUID (ContactCenterWorld::kUuidLength bytes) that is both
/// Connect's ContactId and the interaction export's interaction_id. Returns the end.
char* WriteContactId(const ContactCenterWorld& world, const SimulatedContact& contact, char* out);

/// Appends `key` as a quoted JSON key with its colon, lower-cased for KeyCase::kLower.
void AppendJsonKey(std::string_view key, KeyCase keys, std::string& out);

}  // namespace switchboard
