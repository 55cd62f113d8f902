// JSON text of Amazon Connect agent events: key order and names as in the agent event stream's
// documentation; every string the simulation produces is plain ASCII without quotes.
#include "datagen/connect_event_format.h"

#include <cctype>

#include "datagen/column_text.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

enum Stream : uint64_t { kEventId = 301, kContactId };

std::string_view ChannelName(Channel channel) {
  switch (channel) {
    case Channel::kVoice:
      return "VOICE";
    case Channel::kChat:
      return "CHAT";
    case Channel::kTask:
      return "TASK";
  }
  return "";
}

std::string_view ContactStateName(ContactState state) {
  switch (state) {
    case ContactState::kConnecting:
      return "CONNECTING";
    case ContactState::kConnected:
      return "CONNECTED";
    case ContactState::kOnHold:
      return "CONNECTED_ONHOLD";
    case ContactState::kEnded:
      return "ENDED";
  }
  return "";
}

void AppendString(std::string_view value, std::string& out) {
  out += '"';
  out += value;
  out += '"';
}

}  // namespace

char* WriteContactId(const ContactCenterWorld& world, const SimulatedContact& contact, char* out) {
  RowRandom random(world.seed(), kContactId, contact.key);
  return ContactCenterWorld::WriteUuid(out, random);
}

void AppendJsonKey(std::string_view key, KeyCase keys, std::string& out) {
  out += '"';
  if (keys == KeyCase::kLower) {
    for (char c : key) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  } else {
    out += key;
  }
  out += "\":";
}

ConnectEventFormat::ConnectEventFormat(const ContactCenterWorld& world, const DayActivity& day)
    : world_(world), day_(day) {
  for (KeyCase keys : {KeyCase::kAsSent, KeyCase::kLower}) {
    auto& configurations = configuration_[static_cast<size_t>(keys)];
    for (const Agent& agent : world.agents()) {
      std::string out;
      auto key = [&](std::string_view name) { AppendJsonKey(name, keys, out); };
      auto queue = [&](int q) {
        out += '{';
        key("ARN");
        AppendString(world.queue_arn(q), out);
        out += ',';
        key("Name");
        AppendString(kQueues[static_cast<size_t>(q)].name, out);
        out += '}';
      };
      out += '{';
      key("AgentHierarchyGroups");
      out += "null,";
      key("FirstName");
      AppendString(agent.first_name, out);
      out += ',';
      key("LastName");
      AppendString(agent.last_name, out);
      out += ',';
      key("RoutingProfile");
      out += '{';
      key("ARN");
      AppendString(agent.routing_profile_arn, out);
      out += ',';
      key("DefaultOutboundQueue");
      queue(agent.primary_queue);
      out += ',';
      key("InboundQueues");
      out += '[';
      queue(agent.primary_queue);
      if (agent.secondary_queue >= 0) {
        out += ',';
        queue(agent.secondary_queue);
      }
      out += "],";
      key("Name");
      AppendString(agent.routing_profile_name, out);
      out += "},";
      key("Username");
      AppendString(agent.username, out);
      out += '}';
      configurations.push_back(std::move(out));
    }
  }
}

void ConnectEventFormat::AppendEventId(size_t event, std::string& out) const {
  RowRandom random(world_.seed(), kEventId, (static_cast<uint64_t>(day_.date) << 32) | event);
  size_t at = out.size();
  out.resize(at + ContactCenterWorld::kUuidLength);
  ContactCenterWorld::WriteUuid(out.data() + at, random);
}

void ConnectEventFormat::AppendTimestamp(int64_t millis, std::string& out) {
  switchboard::AppendTimestamp(out, millis * kMicrosPerMilli, 'T', true);
  out += 'Z';
}

void ConnectEventFormat::AppendSnapshot(const AgentEvent& event, const AgentState& state,
                                        KeyCase keys, std::string& out) const {
  auto key = [&](std::string_view name) { AppendJsonKey(name, keys, out); };
  auto timestamp = [&](int64_t millis) {
    out += '"';
    AppendTimestamp(millis, out);
    out += '"';
  };
  out += '{';
  key("AgentStatus");
  out += '{';
  key("ARN");
  AppendString(world_.status_arn(state.status), out);
  out += ',';
  key("Name");
  AppendString(kAgentStatusNames[static_cast<size_t>(state.status)], out);
  out += ',';
  key("StartTimestamp");
  timestamp(state.status_start);
  out += "},";
  key("Configuration");
  out += configuration_[static_cast<size_t>(keys)][static_cast<size_t>(event.agent)];
  out += ',';
  key("Contacts");
  out += '[';
  if (state.contact >= 0) {
    const SimulatedContact& contact = day_.contacts[static_cast<size_t>(state.contact)];
    out += '{';
    key("Channel");
    AppendString(ChannelName(contact.channel), out);
    out += ',';
    key("ConnectedToAgentTimestamp");
    if (state.contact_state == ContactState::kConnecting) {
      out += "null";
    } else {
      timestamp(contact.answered);
    }
    out += ',';
    key("ContactId");
    out += '"';
    size_t at = out.size();
    out.resize(at + ContactCenterWorld::kUuidLength);
    WriteContactId(world_, contact, out.data() + at);
    out += "\",";
    key("InitialContactId");
    out += "null,";
    key("InitiationMethod");
    AppendString(contact.initiation == Initiation::kCallback ? "CALLBACK" : "INBOUND", out);
    out += ',';
    key("Queue");
    out += '{';
    key("ARN");
    AppendString(world_.queue_arn(contact.queue), out);
    out += ',';
    key("Name");
    AppendString(kQueues[contact.queue].name, out);
    out += "},";
    key("QueueTimestamp");
    timestamp(contact.arrival);
    out += ',';
    key("State");
    AppendString(ContactStateName(state.contact_state), out);
    out += ',';
    key("StateStartTimestamp");
    timestamp(state.contact_state_start);
    out += '}';
  }
  out += "]}";
}

void ConnectEventFormat::AppendEvent(size_t index, std::string& out) const {
  const AgentEvent& event = day_.events[index];
  const Agent& agent = world_.agents()[static_cast<size_t>(event.agent)];
  out += "{\"AWSAccountId\":";
  AppendString(world_.account_id(), out);
  out += ",\"AgentARN\":";
  AppendString(agent.arn, out);
  out += ",\"CurrentAgentSnapshot\":";
  AppendSnapshot(event, event.current, KeyCase::kAsSent, out);
  out += ",\"EventId\":\"";
  AppendEventId(index, out);
  out += "\",\"EventTimestamp\":\"";
  AppendTimestamp(event.time, out);
  out += "\",\"EventType\":";
  AppendString(EventTypeName(event.type), out);
  out += ",\"InstanceARN\":";
  AppendString(world_.instance_arn(), out);
  out += ",\"PreviousAgentSnapshot\":";
  if (event.has_previous) {
    AppendSnapshot(event, event.previous, KeyCase::kAsSent, out);
  } else {
    out += "null";
  }
  out += ",\"Version\":\"2017-10-01\"}";
}

std::string_view ConnectEventFormat::EventTypeName(AgentEventType type) {
  switch (type) {
    case AgentEventType::kLogin:
      return "LOGIN";
    case AgentEventType::kLogout:
      return "LOGOUT";
    case AgentEventType::kStateChange:
      return "STATE_CHANGE";
    case AgentEventType::kHeartBeat:
      return "HEART_BEAT";
  }
  return "";
}

}  // namespace switchboard
