// SimulateDay: one day of the contact center as a discrete-event simulation. Contacts arrive
// (first contacts of the day and repeat contacts of recent days' callers), wait in their queue
// until a skilled agent is free or the caller gives up, and are handled; agents log in, take
// breaks and lunch, and log out. The result is every contact and every agent event of the day.
#pragma once

#include <cstdint>
#include <vector>

#include "datagen/contact_center_world.h"

namespace switchboard {

enum class Channel : uint8_t { kVoice, kChat, kTask };
enum class Initiation : uint8_t { kInbound, kCallback };
enum class Disposition : uint8_t {
  kResolved,
  kTransferred,
  kEscalated,
  kUnresolved,
  kCallbackRequested,
  kAbandoned,
};

/// Connect's contact states, as far as the simulation uses them.
enum class ContactState : uint8_t { kConnecting, kConnected, kOnHold, kEnded };

/// One contact. Times are milliseconds since the epoch; those after `arrival` are 0 when the
/// caller abandoned before an agent took the contact.
struct SimulatedContact {
  uint64_t key = 0;  // unique across days: seeds the contact's ids
  int64_t arrival = 0;
  int64_t offered = 0;   // routed to the agent (ringing)
  int64_t answered = 0;  // connected to the agent
  int64_t hold_start = 0;
  int64_t hold_end = 0;
  int64_t ended = 0;  // disconnected, or abandoned
  int64_t after_work_end = 0;
  int32_t customer = -1;  // -1: the caller could not be identified
  int32_t agent = -1;
  uint8_t queue = 0;
  Channel channel = Channel::kVoice;
  Initiation initiation = Initiation::kInbound;
  Disposition disposition = Disposition::kAbandoned;
  bool repeats = false;  // the caller comes back about the same matter
};

enum class AgentEventType : uint8_t { kLogin, kLogout, kStateChange, kHeartBeat };

/// What an agent snapshot says: the status and the contact the agent holds, if any.
struct AgentState {
  AgentStatus status = AgentStatus::kOffline;
  int64_t status_start = 0;
  int32_t contact = -1;  // index into DayActivity::contacts
  ContactState contact_state = ContactState::kConnecting;
  int64_t contact_state_start = 0;
};

struct AgentEvent {
  int64_t time = 0;
  int32_t agent = 0;
  AgentEventType type = AgentEventType::kStateChange;
  bool has_previous = false;  // LOGIN and HEART_BEAT events carry no previous snapshot
  AgentState current;
  AgentState previous;
};

struct DayActivity {
  int32_t date = 0;
  /// In order of arrival.
  std::vector<SimulatedContact> contacts;
  /// In order of time (then agent).
  std::vector<AgentEvent> events;
};

/// Simulates `date`. Deterministic: depends only on the world and the date.
DayActivity SimulateDay(const ContactCenterWorld& world, int32_t date);

}  // namespace switchboard
