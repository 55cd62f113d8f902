// The day simulation: arrivals (first contacts by the hourly curve, repeat contacts of recent
// callers), agent plans (login, breaks, lunch, training, logout) and an event loop that routes
// waiting contacts to the longest-idle skilled agent and lets callers abandon.
#include "datagen/contact_center_simulation.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>
#include <queue>

#include "types/datetime.h"

namespace switchboard {

namespace {

enum Stream : uint64_t {
  kFirstContactCount = 201,
  kFirstContact,
  kFollowUp,
  kAgentDay,
  kHandling,
  kPatience,
  kLoginDelay,
};

constexpr int64_t kSecond = 1000;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;
constexpr int kMaxFollowUps = 3;
// Follow-ups come within 4 days, moved to the next opening when they fall outside hours: an
// episode's contacts all fall within this many days of its first.
constexpr int kEpisodeDays = 5;
constexpr int64_t kHeartBeatInterval = 120 * kSecond;
// Contacts waiting this long may be routed to agents of any queue.
constexpr int64_t kOverflowAfter = 45 * kSecond;

int64_t Poisson(RowRandom& random, double mean) {
  if (mean > 50)
    return std::max<int64_t>(0, std::llround(mean + std::sqrt(mean) * random.Normal()));
  double limit = std::exp(-mean);
  double product = random.UniformDouble();
  int64_t count = 0;
  while (product > limit) {
    ++count;
    product *= random.UniformDouble();
  }
  return count;
}

size_t PickShare(const double* shares, size_t count, RowRandom& random) {
  double x = random.UniformDouble();
  for (size_t i = 0; i + 1 < count; ++i) {
    if (x < shares[i]) return i;
    x -= shares[i];
  }
  return count - 1;
}

// Moves a time outside business hours into that day's hours (before opening) or the next
// day's (after closing), at an hour drawn by the arrival curve.
int64_t WithinHours(int64_t time, RowRandom& random) {
  int64_t day = time / kDay * kDay;
  int64_t hour = (time - day) / kHour;
  const auto& hours = ContactCenterWorld::HourlyCurve();
  if (hours[static_cast<size_t>(hour)] > 0) return time;
  return day + (hour < 12 ? 0 : kDay) +
         static_cast<int64_t>(PickShare(hours.data(), hours.size(), random)) * kHour +
         random.Uniform(0, kHour - 1);
}

struct Arrival {
  int64_t time;
  uint64_t key;
  int32_t customer;
  uint8_t queue;
  Channel channel;
  Initiation initiation;
  bool repeats;
};

// The first contacts of `date` and their follow-ups; appends those arriving on `target`.
void AddEpisodes(const ContactCenterWorld& world, int32_t date, int32_t target,
                 std::vector<Arrival>& out) {
  const uint64_t seed = world.seed();
  constexpr double kRepeatFirst = 0.22;  // a first contact is followed up
  constexpr double kRepeatAgain = 0.30;  // a follow-up is followed up again
  constexpr double kFollowUpsPerEpisode = kRepeatFirst * (1 + kRepeatAgain * (1 + kRepeatAgain));
  RowRandom count_random(seed, kFirstContactCount, static_cast<uint64_t>(date));
  int64_t count = Poisson(count_random, world.ExpectedContacts(date) / (1 + kFollowUpsPerEpisode));
  const auto& hours = ContactCenterWorld::HourlyCurve();
  std::array<double, kQueues.size()> shares;
  for (size_t q = 0; q < kQueues.size(); ++q) shares[q] = kQueues[q].share;
  for (int64_t j = 0; j < count; ++j) {
    uint64_t episode = (static_cast<uint64_t>(date) << 24) | static_cast<uint64_t>(j);
    RowRandom random(seed, kFirstContact, episode);
    Arrival arrival;
    arrival.time = int64_t{date} * kDay +
                   static_cast<int64_t>(PickShare(hours.data(), hours.size(), random)) * kHour +
                   random.Uniform(0, kHour - 1);
    arrival.key = episode << 2;
    arrival.customer = random.Bernoulli(0.04) ? -1 : world.PickCaller(random);
    bool vip = arrival.customer >= 0 && world.Segment(arrival.customer) == CustomerSegment::kVip;
    if (vip && random.Bernoulli(0.7)) {
      arrival.queue = kVipQueue;
    } else {
      arrival.queue = static_cast<uint8_t>(PickShare(shares.data(), kVipQueue, random));
    }
    double channel = random.UniformDouble();
    arrival.channel =
        channel < 0.78 ? Channel::kVoice : (channel < 0.95 ? Channel::kChat : Channel::kTask);
    arrival.initiation = Initiation::kInbound;
    int follow_ups = 0;
    while (follow_ups < kMaxFollowUps &&
           random.Bernoulli(follow_ups == 0 ? kRepeatFirst : kRepeatAgain)) {
      ++follow_ups;
    }
    arrival.repeats = follow_ups > 0;
    if (date == target) out.push_back(arrival);
    for (int i = 1; i <= follow_ups; ++i) {
      RowRandom follow(seed, kFollowUp, episode << 2 | static_cast<uint64_t>(i));
      int64_t delay = std::clamp<int64_t>(static_cast<int64_t>(follow.Lognormal(18.0 * kHour, 1.0)),
                                          20 * kMinute, 96 * kHour);
      arrival.time = WithinHours(arrival.time + delay, follow);
      arrival.key = episode << 2 | static_cast<uint64_t>(i);
      arrival.channel = follow.Bernoulli(0.85) ? Channel::kVoice : Channel::kChat;
      arrival.initiation = follow.Bernoulli(0.2) ? Initiation::kCallback : Initiation::kInbound;
      arrival.repeats = i < follow_ups;
      int32_t day = static_cast<int32_t>(arrival.time / kDay);
      if (day == target) out.push_back(arrival);
      if (day > target) break;
    }
  }
}

// One planned absence from the queue: a status other than Available for a while.
struct Activity {
  int64_t start;
  int64_t duration;
  AgentStatus status;
};

struct AgentPlan {
  bool works = false;
  int64_t login = 0;
  int64_t logout = 0;
  std::vector<Activity> activities;  // in order of start
};

AgentPlan PlanAgentDay(const ContactCenterWorld& world, int agent, int32_t date) {
  AgentPlan plan;
  RowRandom random(world.seed(), kAgentDay,
                   (static_cast<uint64_t>(date) << 20) | static_cast<uint64_t>(agent));
  plan.works = random.Bernoulli(ContactCenterWorld::WorkProbability(Date::DayOfWeek(date)));
  if (!plan.works) return plan;
  const Agent& profile = world.agents()[static_cast<size_t>(agent)];
  int64_t start = int64_t{date} * kDay + profile.shift_start_minute * kMinute +
                  random.Uniform(-10 * kMinute, 10 * kMinute);
  plan.login = start;
  plan.logout = start + kShiftMinutes * kMinute + random.Uniform(0, 5 * kMinute);
  auto at = [&](int from_minute, int to_minute) {
    return start + random.Uniform(from_minute * kMinute, to_minute * kMinute);
  };
  plan.activities.push_back({at(100, 120), 15 * kMinute, AgentStatus::kBreak});
  plan.activities.push_back(
      {at(225, 255), (random.Bernoulli(0.5) ? 30 : 45) * kMinute, AgentStatus::kLunch});
  if (random.Bernoulli(0.08)) {
    plan.activities.push_back(
        {at(320, 330), random.Uniform(30, 45) * kMinute, AgentStatus::kTraining});
  }
  plan.activities.push_back({at(390, 410), 15 * kMinute, AgentStatus::kBreak});
  return plan;
}

class DaySimulation {
 public:
  DaySimulation(const ContactCenterWorld& world, int32_t date) : world_(world), date_(date) {}

  DayActivity Run() {
    DayActivity day;
    day.date = date_;
    std::vector<Arrival> arrivals;
    for (int32_t episode_date = date_ - kEpisodeDays; episode_date <= date_; ++episode_date) {
      AddEpisodes(world_, episode_date, date_, arrivals);
    }
    std::sort(arrivals.begin(), arrivals.end(), [](const Arrival& a, const Arrival& b) {
      return a.time != b.time ? a.time < b.time : a.key < b.key;
    });
    contacts_.reserve(arrivals.size());
    for (const Arrival& arrival : arrivals) {
      SimulatedContact contact;
      contact.key = arrival.key;
      contact.arrival = arrival.time;
      contact.customer = arrival.customer;
      contact.queue = arrival.queue;
      contact.channel = arrival.channel;
      contact.initiation = arrival.initiation;
      contact.repeats = arrival.repeats;
      Schedule(arrival.time, kArrive, static_cast<int32_t>(contacts_.size()));
      contacts_.push_back(contact);
    }
    const auto& agents = world_.agents();
    runs_.resize(agents.size());
    for (size_t a = 0; a < agents.size(); ++a) {
      AgentRun& run = runs_[a];
      run.plan = PlanAgentDay(world_, static_cast<int>(a), date_);
      if (!run.plan.works) continue;
      Schedule(run.plan.login, kLogin, static_cast<int32_t>(a));
      for (size_t i = 0; i < run.plan.activities.size(); ++i) {
        Schedule(run.plan.activities[i].start, kActivityStart, static_cast<int32_t>(a));
      }
      Schedule(run.plan.logout, kLogout, static_cast<int32_t>(a));
    }
    while (!events_.empty()) {
      Event event = events_.top();
      events_.pop();
      Handle(event);
    }
    day.contacts = std::move(contacts_);
    day.events = MergeAgentEvents();
    return day;
  }

 private:
  enum Kind : uint8_t {
    kLogin,
    kAvailable,
    kActivityStart,
    kActivityEnd,
    kLogout,
    kArrive,
    kOverflow,
    kAbandon,
    kFree,
  };
  struct Event {
    int64_t time;
    uint64_t sequence;
    Kind kind;
    int32_t id;
    bool operator>(const Event& other) const {
      return time != other.time ? time > other.time : sequence > other.sequence;
    }
  };
  struct AgentRun {
    AgentPlan plan;
    bool logged_in = false;
    bool busy = false;  // on a contact or in after-contact work
    int64_t idle_since = 0;
    size_t next_activity = 0;
    size_t activities_due = 0;  // planned starts that have come
    bool logout_due = false;
    AgentState state;
    std::vector<AgentEvent> events;
  };

  void Schedule(int64_t time, Kind kind, int32_t id) {
    events_.push({time, sequence_++, kind, id});
  }

  void Handle(const Event& event) {
    switch (event.kind) {
      case kLogin: {
        AgentRun& run = runs_[static_cast<size_t>(event.id)];
        run.logged_in = true;
        run.state = AgentState{AgentStatus::kOffline, event.time};
        Emit(event.id, event.time, AgentEventType::kLogin, std::nullopt);
        RowRandom random(world_.seed(), kLoginDelay,
                         (static_cast<uint64_t>(date_) << 20) | static_cast<uint64_t>(event.id));
        Schedule(event.time + random.Uniform(5 * kSecond, 60 * kSecond), kAvailable, event.id);
        break;
      }
      case kAvailable:
      case kActivityEnd:
        SetStatus(event.id, event.time, AgentStatus::kAvailable);
        break;
      case kActivityStart:
        ++runs_[static_cast<size_t>(event.id)].activities_due;
        StartDueActivities(event.id, event.time);
        break;
      case kLogout:
        runs_[static_cast<size_t>(event.id)].logout_due = true;
        StartDueActivities(event.id, event.time);
        break;
      case kArrive:
        Arrive(event.id, event.time);
        break;
      case kOverflow:
        Overflow(event.id, event.time);
        break;
      case kAbandon: {
        SimulatedContact& contact = contacts_[static_cast<size_t>(event.id)];
        if (contact.agent < 0 && contact.ended == 0) {
          contact.ended = event.time;
          contact.disposition = Disposition::kAbandoned;
        }
        break;
      }
      case kFree: {
        AgentRun& run = runs_[static_cast<size_t>(event.id)];
        run.busy = false;
        run.idle_since = event.time;
        StartDueActivities(event.id, event.time);
        break;
      }
    }
  }

  // Starts the activities (or the logout) whose time has come, if the agent is free and
  // Available; otherwise they wait until the agent is.
  void StartDueActivities(int32_t agent, int64_t now) {
    AgentRun& run = runs_[static_cast<size_t>(agent)];
    if (!run.logged_in || run.busy || run.state.status != AgentStatus::kAvailable) return;
    if (run.next_activity < run.activities_due) {
      const Activity& activity = run.plan.activities[run.next_activity++];
      SetStatus(agent, now, activity.status);
      Schedule(now + activity.duration, kActivityEnd, agent);
      return;
    }
    if (run.logout_due) {
      AgentState previous = run.state;
      run.state = AgentState{AgentStatus::kOffline, now};
      run.logged_in = false;
      Emit(agent, now, AgentEventType::kLogout, previous);
      return;
    }
    TakeNextContact(agent, now);
  }

  void SetStatus(int32_t agent, int64_t now, AgentStatus status) {
    AgentRun& run = runs_[static_cast<size_t>(agent)];
    AgentState previous = run.state;
    run.state.status = status;
    run.state.status_start = now;
    Emit(agent, now, AgentEventType::kStateChange, previous);
    if (status == AgentStatus::kAvailable) {
      run.idle_since = now;
      StartDueActivities(agent, now);
    }
  }

  bool Serves(const Agent& agent, int queue) const {
    return agent.primary_queue == queue || agent.secondary_queue == queue;
  }

  void Arrive(int32_t index, int64_t now) {
    SimulatedContact& contact = contacts_[static_cast<size_t>(index)];
    RowRandom random(world_.seed(), kPatience, contact.key);
    const QueueSpec& queue = kQueues[contact.queue];
    double patience =
        queue.patience_seconds *
        (contact.channel == Channel::kVoice ? 1 : (contact.channel == Channel::kChat ? 3 : 30));
    Schedule(now + static_cast<int64_t>(random.Exponential(patience) * kSecond), kAbandon, index);
    Schedule(now + kOverflowAfter, kOverflow, index);
    int32_t agent = LongestIdleAgent(contact.queue);
    if (agent >= 0) {
      Assign(agent, index, now);
    } else {
      waiting_[contact.queue].push_back(index);
    }
  }

  // A contact still waiting after kOverflowAfter may go to any free agent.
  void Overflow(int32_t index, int64_t now) {
    const SimulatedContact& contact = contacts_[static_cast<size_t>(index)];
    if (!Waiting(contact)) return;
    int32_t agent = LongestIdleAgent(-1);
    if (agent >= 0) Assign(agent, index, now);  // its queue entry is skipped from now on
  }

  static bool Waiting(const SimulatedContact& contact) {
    return contact.agent < 0 && contact.ended == 0;
  }

  // The free Available agent idle longest that serves `queue` (any queue for -1), or -1.
  int32_t LongestIdleAgent(int queue) const {
    int32_t best = -1;
    for (size_t a = 0; a < runs_.size(); ++a) {
      const AgentRun& run = runs_[a];
      if (!run.logged_in || run.busy || run.state.status != AgentStatus::kAvailable ||
          (queue >= 0 && !Serves(world_.agents()[a], queue))) {
        continue;
      }
      if (best < 0 || run.idle_since < runs_[static_cast<size_t>(best)].idle_since)
        best = static_cast<int32_t>(a);
    }
    return best;
  }

  // The contact waiting longest in `queue` (dropping those no longer waiting), or -1.
  int32_t FirstWaiting(int queue) {
    auto& waiting = waiting_[static_cast<size_t>(queue)];
    while (!waiting.empty() && !Waiting(contacts_[static_cast<size_t>(waiting.front())]))
      waiting.pop_front();
    return waiting.empty() ? -1 : waiting.front();
  }

  // Gives a free agent the longest-waiting contact of its queues (VIP first, then the primary
  // queue, then the secondary), else the longest-waiting contact of any queue that has waited
  // past kOverflowAfter.
  void TakeNextContact(int32_t agent, int64_t now) {
    const Agent& profile = world_.agents()[static_cast<size_t>(agent)];
    int32_t best = -1;
    auto consider = [&](int queue) {
      int32_t first = FirstWaiting(queue);
      if (first >= 0 && (best < 0 || contacts_[static_cast<size_t>(first)].arrival <
                                         contacts_[static_cast<size_t>(best)].arrival)) {
        best = first;
      }
    };
    // VIP contacts first, for agents who serve them.
    if (Serves(profile, kVipQueue)) consider(kVipQueue);
    if (best < 0) consider(profile.primary_queue);
    if (best < 0 && profile.secondary_queue >= 0) consider(profile.secondary_queue);
    if (best < 0) {
      for (int queue = 0; queue < static_cast<int>(kQueues.size()); ++queue) consider(queue);
      if (best >= 0 && now - contacts_[static_cast<size_t>(best)].arrival < kOverflowAfter)
        best = -1;
    }
    if (best >= 0) Assign(agent, best, now);
  }

  // Agent `agent` takes contact `index` at `now`: the whole handling is drawn at once, with its
  // agent events; the agent is busy until the after-contact work ends.
  void Assign(int32_t agent, int32_t index, int64_t now) {
    SimulatedContact& contact = contacts_[static_cast<size_t>(index)];
    AgentRun& run = runs_[static_cast<size_t>(agent)];
    const QueueSpec& queue = kQueues[contact.queue];
    RowRandom random(world_.seed(), kHandling, contact.key);
    contact.agent = agent;
    contact.offered = now;
    contact.answered =
        now + (contact.channel == Channel::kVoice ? random.Uniform(2 * kSecond, 9 * kSecond)
                                                  : random.Uniform(500, 3 * kSecond));
    double scale =
        contact.channel == Channel::kVoice ? 1 : (contact.channel == Channel::kChat ? 1.3 : 0.6);
    auto talk = static_cast<int64_t>(
        std::clamp(random.Lognormal(0.85 * queue.talk_seconds * scale, 0.55), 20.0, 7200.0) *
        kSecond);
    contact.ended = contact.answered + talk;
    if (contact.channel == Channel::kVoice && random.Bernoulli(0.25)) {
      contact.hold_start = contact.answered + talk / 5 + random.Uniform(0, talk / 2);
      contact.hold_end = contact.hold_start + random.Uniform(20 * kSecond, 150 * kSecond);
      contact.ended += contact.hold_end - contact.hold_start;
    }
    auto after_work =
        static_cast<int64_t>(random.Lognormal(0.9 * queue.after_work_seconds, 0.4) * kSecond);
    contact.after_work_end = contact.ended + after_work;
    double outcome = random.UniformDouble();
    if (contact.repeats) {
      // The matter is not settled: the caller will be back.
      contact.disposition = outcome < 0.45   ? Disposition::kUnresolved
                            : outcome < 0.65 ? Disposition::kTransferred
                            : outcome < 0.75 ? Disposition::kCallbackRequested
                                             : Disposition::kResolved;
    } else {
      contact.disposition = outcome < 0.84   ? Disposition::kResolved
                            : outcome < 0.92 ? Disposition::kTransferred
                            : outcome < 0.97 ? Disposition::kEscalated
                                             : Disposition::kUnresolved;
    }
    run.busy = true;
    ContactTransition(agent, now, index, ContactState::kConnecting);
    ContactTransition(agent, contact.answered, index, ContactState::kConnected);
    if (contact.hold_start != 0) {
      ContactTransition(agent, contact.hold_start, index, ContactState::kOnHold);
      ContactTransition(agent, contact.hold_end, index, ContactState::kConnected);
    }
    ContactTransition(agent, contact.ended, index, ContactState::kEnded);
    ContactTransition(agent, contact.after_work_end, -1, ContactState::kEnded);
    Schedule(contact.after_work_end, kFree, agent);
  }

  // A STATE_CHANGE for the agent's contact: `index` -1 removes the contact.
  void ContactTransition(int32_t agent, int64_t time, int32_t index, ContactState state) {
    AgentRun& run = runs_[static_cast<size_t>(agent)];
    AgentState previous = run.state;
    run.state.contact = index;
    run.state.contact_state = state;
    run.state.contact_state_start = time;
    Emit(agent, time, AgentEventType::kStateChange, previous);
  }

  void Emit(int32_t agent, int64_t time, AgentEventType type, std::optional<AgentState> previous) {
    AgentRun& run = runs_[static_cast<size_t>(agent)];
    AgentEvent event;
    event.time = time;
    event.agent = agent;
    event.type = type;
    event.current = run.state;
    if (previous) {
      event.has_previous = true;
      event.previous = *previous;
    }
    run.events.push_back(event);
  }

  // Each agent's events are in time order; adds HEART_BEATs every 120 s without another event
  // while logged in, then merges all agents by time.
  std::vector<AgentEvent> MergeAgentEvents() {
    std::vector<AgentEvent> all;
    for (AgentRun& run : runs_) {
      for (size_t i = 0; i < run.events.size(); ++i) {
        const AgentEvent& event = run.events[i];
        all.push_back(event);
        if (event.type == AgentEventType::kLogout || i + 1 == run.events.size()) continue;
        for (int64_t beat = event.time + kHeartBeatInterval; beat < run.events[i + 1].time;
             beat += kHeartBeatInterval) {
          AgentEvent heart_beat;
          heart_beat.time = beat;
          heart_beat.agent = event.agent;
          heart_beat.type = AgentEventType::kHeartBeat;
          heart_beat.current = event.current;
          all.push_back(heart_beat);
        }
      }
    }
    std::stable_sort(all.begin(), all.end(), [](const AgentEvent& a, const AgentEvent& b) {
      return a.time != b.time ? a.time < b.time : a.agent < b.agent;
    });
    return all;
  }

  const ContactCenterWorld& world_;
  const int32_t date_;
  std::priority_queue<Event, std::vector<Event>, std::greater<>> events_;
  uint64_t sequence_ = 0;
  std::vector<SimulatedContact> contacts_;
  std::vector<AgentRun> runs_;
  std::array<std::deque<int32_t>, kQueues.size()> waiting_;
};

}  // namespace

DayActivity SimulateDay(const ContactCenterWorld& world, int32_t date) {
  return DaySimulation(world, date).Run();
}

}  // namespace switchboard
