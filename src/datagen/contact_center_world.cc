// The contact-center cast: names, accounts, agents and queues, and the volume model.
#include "datagen/contact_center_world.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "datagen/column_text.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

enum Stream : uint64_t {
  kAccountSize = 101,
  kAccountSegment,
  kCustomerName,
  kCustomerPhone,
  kCustomerRegion,
  kCustomerAddress,
  kCustomerCreated,
  kCallerPropensity,
  kBuyerPropensity,
  kAgentName,
  kAgentSkills,
  kAgentShift,
  kIds,
};

constexpr std::array<std::string_view, 64> kFirstNames = {
    "James",   "Mary",      "Robert",  "Patricia", "John",        "Jennifer", "Michael", "Linda",
    "David",   "Elizabeth", "William", "Barbara",  "Richard",     "Susan",    "Joseph",  "Jessica",
    "Thomas",  "Sarah",     "Charles", "Karen",    "Christopher", "Lisa",     "Daniel",  "Nancy",
    "Matthew", "Betty",     "Anthony", "Margaret", "Mark",        "Sandra",   "Donald",  "Ashley",
    "Steven",  "Kimberly",  "Paul",    "Emily",    "Andrew",      "Donna",    "Joshua",  "Michelle",
    "Kenneth", "Carol",     "Kevin",   "Amanda",   "Brian",       "Melissa",  "George",  "Deborah",
    "Timothy", "Stephanie", "Ronald",  "Rebecca",  "Jason",       "Sharon",   "Edward",  "Laura",
    "Jeffrey", "Cynthia",   "Ryan",    "Kathleen", "Jacob",       "Amy",      "Gary",    "Angela"};
constexpr std::array<std::string_view, 64> kLastNames = {
    "Smith",    "Johnson",   "Williams", "Brown",     "Jones",    "Garcia",   "Miller",
    "Davis",    "Rodriguez", "Martinez", "Hernandez", "Lopez",    "Gonzalez", "Wilson",
    "Anderson", "Thomas",    "Taylor",   "Moore",     "Jackson",  "Martin",   "Lee",
    "Perez",    "Thompson",  "White",    "Harris",    "Sanchez",  "Clark",    "Ramirez",
    "Lewis",    "Robinson",  "Walker",   "Young",     "Allen",    "King",     "Wright",
    "Scott",    "Torres",    "Nguyen",   "Hill",      "Flores",   "Green",    "Adams",
    "Nelson",   "Baker",     "Hall",     "Rivera",    "Campbell", "Mitchell", "Carter",
    "Roberts",  "Gomez",     "Phillips", "Evans",     "Turner",   "Diaz",     "Parker",
    "Cruz",     "Edwards",   "Collins",  "Reyes",     "Stewart",  "Morris",   "Morales",
    "O'Brien"};
constexpr std::array<std::string_view, 8> kStreets = {
    "Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Pine St", "Elm St", "Lake Rd", "Sunset Blvd"};
constexpr std::array<std::string_view, 3> kEmailDomains = {"example.com", "example.net",
                                                           "example.org"};

struct City {
  std::string_view name;
  std::string_view state;
  int area_code;
  int zip_prefix;
};
struct Region {
  std::string_view name;
  std::array<City, 3> cities;
};
constexpr std::array<Region, 5> kRegions = {{
    {"Northeast",
     {{{"New York", "NY", 212, 100}, {"Boston", "MA", 617, 21}, {"Philadelphia", "PA", 215, 191}}}},
    {"Southeast",
     {{{"Atlanta", "GA", 404, 303}, {"Miami", "FL", 305, 331}, {"Charlotte", "NC", 704, 282}}}},
    {"Midwest",
     {{{"Chicago", "IL", 312, 606}, {"Detroit", "MI", 313, 482}, {"Minneapolis", "MN", 612, 554}}}},
    {"Southwest",
     {{{"Houston", "TX", 713, 770}, {"Phoenix", "AZ", 602, 850}, {"Dallas", "TX", 214, 752}}}},
    {"West",
     {{{"Los Angeles", "CA", 213, 900}, {"Seattle", "WA", 206, 981}, {"Denver", "CO", 303, 802}}}},
}};
// Regions weighted by population, roughly.
constexpr std::array<double, 5> kRegionWeights = {0.18, 0.25, 0.21, 0.14, 0.22};

constexpr std::array<std::string_view, 4> kSegmentNames = {"Consumer", "SMB", "Enterprise", "VIP"};

// Day-of-week volume factors (Monday first) and hourly arrival shares (UTC).
constexpr std::array<double, 7> kWeekdayVolume = {1.20, 1.08, 1.00, 0.98, 0.92, 0.50, 0.32};
constexpr double kWorkDaysPerWeek = 5;

// Productive seconds per shift (8.5 h less lunch and breaks) and the occupancy staffing aims at.
constexpr double kProductiveSeconds = 7.25 * 3600;
constexpr double kTargetOccupancy = 0.72;

template <typename T, size_t N>
const T& PickFrom(const std::array<T, N>& list, RowRandom& random) {
  return list[static_cast<size_t>(random.Uniform(0, static_cast<int64_t>(N) - 1))];
}

size_t PickWeighted(const double* weights, size_t count, RowRandom& random) {
  double total = std::accumulate(weights, weights + count, 0.0);
  double x = random.UniformDouble() * total;
  for (size_t i = 0; i + 1 < count; ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return count - 1;
}

}  // namespace

void ContactCenterWorld::AliasTable::Build(const std::vector<double>& weights) {
  size_t n = weights.size();
  probability.assign(n, 0);
  alias.assign(n, 0);
  double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<double> scaled(n);
  std::vector<int32_t> small;
  std::vector<int32_t> large;
  for (size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] * static_cast<double>(n) / total;
    (scaled[i] < 1 ? small : large).push_back(static_cast<int32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    int32_t s = small.back();
    small.pop_back();
    int32_t l = large.back();
    probability[static_cast<size_t>(s)] = scaled[static_cast<size_t>(s)];
    alias[static_cast<size_t>(s)] = l;
    scaled[static_cast<size_t>(l)] += scaled[static_cast<size_t>(s)] - 1;
    if (scaled[static_cast<size_t>(l)] < 1) {
      large.pop_back();
      small.push_back(l);
    }
  }
  for (int32_t i : large) probability[static_cast<size_t>(i)] = 1;
  for (int32_t i : small) probability[static_cast<size_t>(i)] = 1;
}

int ContactCenterWorld::AliasTable::Pick(RowRandom& random) const {
  auto i = static_cast<size_t>(random.Uniform(0, static_cast<int64_t>(probability.size()) - 1));
  return random.UniformDouble() < probability[i] ? static_cast<int>(i) : alias[i];
}

ContactCenterWorld::ContactCenterWorld(const ContactCenterOptions& options) : options_(options) {
  const uint64_t seed = options.seed;
  // Queues and the instance: stable ids.
  RowRandom ids(seed, kIds, 0);
  std::string instance = Uuid(ids);
  instance_arn_ = fmt::format("arn:aws:connect:us-east-1:{}:instance/{}", account_id(), instance);
  for (size_t q = 0; q < kQueues.size(); ++q) {
    queue_ids_.push_back(Uuid(ids));
    queue_arns_.push_back(fmt::format("{}/queue/{}", instance_arn_, queue_ids_.back()));
  }
  for (size_t status = 0; status < kAgentStatusNames.size(); ++status) {
    status_arns_.push_back(fmt::format("{}/agent-state/{}", instance_arn_, Uuid(ids)));
  }

  // Customers come in accounts: most alone (consumers), some in groups (businesses).
  account_of_.resize(static_cast<size_t>(options.customers));
  segments_.resize(static_cast<size_t>(options.customers));
  int32_t account = 0;
  for (int customer = 0; customer < options.customers; ++account) {
    RowRandom size_random(seed, kAccountSize, static_cast<uint64_t>(account));
    RowRandom segment_random(seed, kAccountSegment, static_cast<uint64_t>(account));
    bool business = size_random.Bernoulli(0.12);
    int size = business ? static_cast<int>(size_random.Uniform(2, 8)) : 1;
    CustomerSegment segment = CustomerSegment::kConsumer;
    if (segment_random.Bernoulli(0.03)) {
      segment = CustomerSegment::kVip;
    } else if (business) {
      segment =
          segment_random.Bernoulli(0.7) ? CustomerSegment::kSmb : CustomerSegment::kEnterprise;
    }
    for (int i = 0; i < size && customer < options.customers; ++i, ++customer) {
      account_of_[static_cast<size_t>(customer)] = account;
      segments_[static_cast<size_t>(customer)] = segment;
    }
  }
  // Calling and buying habits: heavy-tailed, businesses and VIPs call more.
  std::vector<double> calls(static_cast<size_t>(options.customers));
  std::vector<double> buys(calls.size());
  for (size_t c = 0; c < calls.size(); ++c) {
    RowRandom call_random(seed, kCallerPropensity, c);
    RowRandom buy_random(seed, kBuyerPropensity, c);
    constexpr std::array<double, 4> kSegmentCalls = {1.0, 1.6, 2.2, 2.5};
    calls[c] = kSegmentCalls[static_cast<size_t>(segments_[c])] * call_random.Lognormal(1, 0.8);
    buys[c] = buy_random.Lognormal(1, 0.8);
  }
  callers_.Build(calls);
  buyers_.Build(buys);

  // Agents: queues staffed in proportion to their workload times their staffing factor.
  std::array<double, kQueues.size()> staffing;
  for (size_t q = 0; q < kQueues.size(); ++q) {
    const QueueSpec& spec = kQueues[q];
    staffing[q] = spec.share * (spec.talk_seconds + spec.after_work_seconds) * spec.staffing;
    mean_handle_seconds_ += spec.share * (spec.talk_seconds + spec.after_work_seconds + 5);
  }
  for (int a = 0; a < options.agents; ++a) {
    RowRandom name(seed, kAgentName, static_cast<uint64_t>(a));
    RowRandom skills(seed, kAgentSkills, static_cast<uint64_t>(a));
    RowRandom shift(seed, kAgentShift, static_cast<uint64_t>(a));
    Agent agent;
    agent.first_name = PickFrom(kFirstNames, name);
    agent.last_name = PickFrom(kLastNames, name);
    std::string last;
    for (char c : agent.last_name) {
      if (std::isalpha(static_cast<unsigned char>(c))) last += static_cast<char>(std::tolower(c));
    }
    agent.username =
        fmt::format("{}{}{}", static_cast<char>(std::tolower(agent.first_name[0])), last, a + 1);
    agent.arn = fmt::format("{}/agent/{}", instance_arn_, Uuid(name));
    // Primary queues by quota, so every queue gets its share however few the agents; VIP
    // contacts overflow to single-skilled Customer Support agents.
    double position =
        (a + 0.5) / options.agents * std::accumulate(staffing.begin(), staffing.end(), 0.0);
    agent.primary_queue = 0;
    while (agent.primary_queue + 1 < static_cast<int>(staffing.size()) &&
           position >= staffing[static_cast<size_t>(agent.primary_queue)]) {
      position -= staffing[static_cast<size_t>(agent.primary_queue++)];
    }
    agent.secondary_queue = -1;
    if (agent.primary_queue != kVipQueue && skills.Bernoulli(0.3)) {
      int other = static_cast<int>(PickWeighted(staffing.data(), kVipQueue, skills));
      if (other != agent.primary_queue) agent.secondary_queue = other;
    }
    if (agent.primary_queue == kCustomerSupportQueue && agent.secondary_queue < 0)
      agent.secondary_queue = kVipQueue;
    size_t start_hour = PickWeighted(kShiftStartWeights.data(), kShiftStartWeights.size(), shift);
    agent.shift_start_minute =
        static_cast<int>(kFirstShiftStartMinute + 60 * start_hour + 15 * shift.Uniform(0, 3));
    std::string_view primary = kQueues[static_cast<size_t>(agent.primary_queue)].name;
    agent.routing_profile_name =
        agent.secondary_queue < 0
            ? fmt::format("{} Profile", primary)
            : fmt::format("{} + {} Profile", primary,
                          kQueues[static_cast<size_t>(agent.secondary_queue)].name);
    RowRandom profile(seed, kIds,
                      1000 + static_cast<uint64_t>(agent.primary_queue) * 16 +
                          static_cast<uint64_t>(agent.secondary_queue + 1));
    agent.routing_profile_arn = fmt::format("{}/routing-profile/{}", instance_arn_, Uuid(profile));
    agents_.push_back(std::move(agent));
  }
}

void ContactCenterWorld::FillCustomer(int index, CustomerRecord& record) const {
  auto i = static_cast<uint64_t>(index);
  FormatInto(record.customer_id, "CUST-{:07}", index + 1);
  FormatInto(record.account_number, "ACC-{:08}", 10000000 + account_of_[i]);
  RowRandom name(seed(), kCustomerName, i);
  std::string_view first = PickFrom(kFirstNames, name);
  std::string_view last = PickFrom(kLastNames, name);
  record.first_name.assign(first);
  record.last_name.assign(last);
  record.email.clear();
  for (std::string_view part : {first, std::string_view("."), last}) {
    for (char c : part) {
      if (c != '\'') record.email += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  fmt::format_to(std::back_inserter(record.email), "{}@{}", index + 1,
                 PickFrom(kEmailDomains, name));
  RowRandom region_random(seed(), kCustomerRegion, i);
  const Region& region =
      kRegions[PickWeighted(kRegionWeights.data(), kRegionWeights.size(), region_random)];
  const City& city = PickFrom(region.cities, region_random);
  record.region = region.name;
  record.city = city.name;
  record.state = city.state;
  RowRandom phone(seed(), kCustomerPhone, i);
  FormatInto(record.phone_number, "+1{}555{:04}", city.area_code, phone.Uniform(100, 9999));
  RowRandom address(seed(), kCustomerAddress, i);
  FormatInto(record.street, "{} {}", address.Uniform(1, 9999), PickFrom(kStreets, address));
  FormatInto(record.zip, "{:03}{:02}", city.zip_prefix, address.Uniform(0, 99));
  record.segment = kSegmentNames[static_cast<size_t>(segments_[i])];
  // Customers joined up to five years before the simulated period.
  RowRandom created(seed(), kCustomerCreated, i);
  int64_t first_micros = int64_t{first_date()} * kMicrosPerDay;
  record.created_micros = first_micros - created.Uniform(kMicrosPerDay, 5 * 365 * kMicrosPerDay);
  record.created_micros -= record.created_micros % kMicrosPerSecond;
}

int ContactCenterWorld::PickCaller(RowRandom& random) const { return callers_.Pick(random); }
int ContactCenterWorld::PickBuyer(RowRandom& random) const { return buyers_.Pick(random); }

double ContactCenterWorld::WorkProbability(int day_of_week) {
  double mean = std::accumulate(kWeekdayVolume.begin(), kWeekdayVolume.end(), 0.0) / 7;
  double p = kWorkDaysPerWeek / 7 * kWeekdayVolume[static_cast<size_t>(day_of_week - 1)] / mean;
  return std::min(p, 0.97);
}

double ContactCenterWorld::ExpectedContacts(int32_t date) const {
  double agents_at_work = options_.agents * WorkProbability(Date::DayOfWeek(date));
  return agents_at_work * kProductiveSeconds * kTargetOccupancy / mean_handle_seconds_;
}

const std::array<double, 24>& ContactCenterWorld::HourlyCurve() {
  // Arrivals follow the staffing the shift plan gives (agents present per hour, shifts starting
  // at any quarter of their start hour), raised at the late-morning and early-afternoon peaks
  // and lowered at lunch and in the evening: the center is busiest, and queues longest, then.
  static const std::array<double, 24> curve = [] {
    constexpr std::array<double, 24> kPeaks = {0,    0,    0,    0,    0,    0,   0,   0.55,
                                               0.75, 0.95, 1.15, 1.1,  0.95, 1.0, 1.1, 1.05,
                                               0.95, 0.9,  0.85, 0.85, 0.85, 0,   0,   0};
    std::array<double, 24> shares{};
    for (size_t start = 0; start < kShiftStartWeights.size(); ++start) {
      for (int quarter = 0; quarter < 4; ++quarter) {
        double begin =
            (kFirstShiftStartMinute + 60.0 * static_cast<double>(start) + 15.0 * quarter) / 60;
        double end = begin + kShiftMinutes / 60.0;
        for (int hour = 0; hour < 24; ++hour) {
          double overlap =
              std::max(0.0, std::min<double>(end, hour + 1) - std::max<double>(begin, hour));
          shares[static_cast<size_t>(hour)] += kShiftStartWeights[start] / 4 * overlap;
        }
      }
    }
    double total = 0;
    for (size_t hour = 0; hour < 24; ++hour) total += shares[hour] *= kPeaks[hour];
    for (double& share : shares) share /= total;
    return shares;
  }();
  return curve;
}

char* ContactCenterWorld::WriteUuid(char* out, RowRandom& random) {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t high = (random.Next() & ~uint64_t{0xf000}) | 0x4000;
  uint64_t low = (random.Next() & ~(uint64_t{3} << 62)) | (uint64_t{2} << 62);
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) *out++ = '-';
    uint64_t word = i < 16 ? high : low;
    *out++ = kHex[(word >> (60 - 4 * (i % 16))) & 15];
  }
  return out;
}

std::string ContactCenterWorld::Uuid(RowRandom& random) {
  std::string uuid(kUuidLength, '\0');
  WriteUuid(uuid.data(), random);
  return uuid;
}

}  // namespace switchboard
