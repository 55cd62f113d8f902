// ContactCenterWorld: the fixed cast of the contact-center simulation (queues with their
// service levels, agents with skills and shifts, customers with accounts and calling habits)
// and the day-level volume model. Everything is a pure function of the options.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "datagen/contact_center_generator.h"
#include "datagen/random.h"

namespace switchboard {

/// One inbound queue. Talk, after-contact work and caller patience are means in seconds;
/// `staffing` scales the agents assigned to the queue relative to its workload, so queues end
/// up with different service levels.
struct QueueSpec {
  std::string_view name;
  double share;
  double talk_seconds;
  double after_work_seconds;
  double patience_seconds;
  int service_level_seconds;
  double service_level_target;
  double staffing;
};

inline constexpr std::array<QueueSpec, 6> kQueues = {{
    {"Sales", 0.22, 300, 45, 150, 20, 0.80, 1.00},
    {"Customer Support", 0.30, 420, 60, 200, 30, 0.80, 0.93},
    {"Billing", 0.20, 360, 50, 170, 60, 0.70, 0.88},
    {"Technical Support", 0.15, 600, 90, 260, 60, 0.80, 1.00},
    {"Retention", 0.08, 480, 60, 150, 15, 0.90, 1.10},
    {"VIP", 0.05, 360, 60, 90, 10, 0.95, 1.45},
}};
inline constexpr int kCustomerSupportQueue = 1;
inline constexpr int kVipQueue = 5;

/// Shifts last kShiftMinutes (breaks and lunch included) and start in one of the hours from
/// kFirstShiftStartMinute on, with these weights, at a random quarter of the hour.
inline constexpr int kShiftMinutes = 510;
inline constexpr int kFirstShiftStartMinute = 390;  // 06:30
inline constexpr std::array<double, 7> kShiftStartWeights = {0.16, 0.18, 0.14, 0.12,
                                                             0.12, 0.13, 0.15};

enum class CustomerSegment : uint8_t { kConsumer, kSmb, kEnterprise, kVip };

/// Agent statuses as Amazon Connect names them.
enum class AgentStatus : uint8_t { kOffline, kAvailable, kBreak, kLunch, kTraining };
inline constexpr std::array<std::string_view, 5> kAgentStatusNames = {"Offline", "Available",
                                                                      "Break", "Lunch", "Training"};

/// A CRM customer, filled from its index by ContactCenterWorld::FillCustomer (which reuses the
/// strings' buffers, so filling one record per row allocates nothing after the first rows).
struct CustomerRecord {
  std::string customer_id;  // CUST-0000001
  std::string account_number;
  std::string first_name;
  std::string last_name;
  std::string phone_number;  // +1AAA555NNNN
  std::string email;
  std::string_view segment;
  std::string_view region;
  std::string street;
  std::string_view city;
  std::string_view state;
  std::string zip;
  int64_t created_micros;
};

/// An agent: identity for Connect events, skills and the usual shift start.
struct Agent {
  std::string first_name;
  std::string last_name;
  std::string username;
  std::string arn;
  int primary_queue;
  int secondary_queue;  // -1 when single-skilled
  int shift_start_minute;
  std::string routing_profile_name;
  std::string routing_profile_arn;
};

/// Immutable after construction; shared by the threads simulating days.
class ContactCenterWorld {
 public:
  explicit ContactCenterWorld(const ContactCenterOptions& options);

  const ContactCenterOptions& options() const { return options_; }
  uint64_t seed() const { return options_.seed; }
  int32_t first_date() const { return options_.end_date - options_.days + 1; }

  const std::vector<Agent>& agents() const { return agents_; }
  const std::string& queue_id(int queue) const { return queue_ids_[static_cast<size_t>(queue)]; }
  const std::string& queue_arn(int queue) const { return queue_arns_[static_cast<size_t>(queue)]; }
  const std::string& instance_arn() const { return instance_arn_; }
  std::string_view account_id() const { return "123456789012"; }
  const std::string& status_arn(AgentStatus status) const {
    return status_arns_[static_cast<size_t>(status)];
  }

  int customers() const { return options_.customers; }
  void FillCustomer(int index, CustomerRecord& record) const;
  CustomerSegment Segment(int index) const { return segments_[static_cast<size_t>(index)]; }
  /// A customer drawn by how often they call (a few call a lot).
  int PickCaller(RowRandom& random) const;
  /// A customer drawn by how often they order.
  int PickBuyer(RowRandom& random) const;

  /// Probability that an agent works on a day of the week (1 = Monday .. 7 = Sunday).
  static double WorkProbability(int day_of_week);
  /// Expected contacts arriving on `date` (all queues), from the agents expected at work.
  double ExpectedContacts(int32_t date) const;
  /// Share of the day's contacts arriving in each hour (UTC); zero outside business hours.
  static const std::array<double, 24>& HourlyCurve();

  /// Writes 8-4-4-4-12 lower-case hex of 128 random bits (version 4, variant 1): kUuidLength
  /// bytes. Returns the end.
  static char* WriteUuid(char* out, RowRandom& random);
  static constexpr size_t kUuidLength = 36;
  static std::string Uuid(RowRandom& random);

 private:
  // Walker's alias table: draws index i with probability weight[i] / sum in O(1).
  struct AliasTable {
    std::vector<double> probability;
    std::vector<int32_t> alias;
    void Build(const std::vector<double>& weights);
    int Pick(RowRandom& random) const;
  };

  ContactCenterOptions options_;
  std::vector<Agent> agents_;
  std::vector<std::string> queue_ids_;
  std::vector<std::string> queue_arns_;
  std::string instance_arn_;
  std::vector<std::string> status_arns_;
  std::vector<int32_t> account_of_;  // per customer
  std::vector<CustomerSegment> segments_;
  AliasTable callers_;
  AliasTable buyers_;
  double mean_handle_seconds_ = 0;
};

}  // namespace switchboard
