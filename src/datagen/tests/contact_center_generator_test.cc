// Tests of the contact-center generator: every output is there and consistent with the others,
// the simulated world has the properties analysts look for (volume curves, service levels that
// differ by queue, repeat callers, plausible occupancy), deliberate anomalies are exactly the
// flagged ones, and the output depends on the options but not on the threads.
#include "datagen/contact_center_generator.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "datagen/contact_center_world.h"
#include "datagen/tests/datagen_test_util.h"
#include "types/datetime.h"

namespace switchboard {
namespace {

namespace fs = std::filesystem;
using datagen_testing::ReadBytes;
using datagen_testing::ReadTable;
using datagen_testing::Table;

ContactCenterOptions SmallWorld() {
  ContactCenterOptions options;
  options.days = 14;  // two of each weekday
  options.agents = 40;
  options.customers = 3000;
  options.seed = 11;
  options.end_date = Date::FromCivil(2024, 6, 30);  // a Sunday
  options.threads = 2;
  return options;
}

std::vector<std::string> FilesUnder(const std::string& dir, const std::string& extension) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension)
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// anomalies.csv rows: source, path, line, record_id, kind, detail.
struct Anomaly {
  std::string source, path, line, record, kind, detail;
};

std::vector<Anomaly> ReadAnomalies(const std::string& dir) {
  std::vector<Anomaly> anomalies;
  std::vector<std::string> lines = Lines(dir + "/anomalies.csv");
  EXPECT_FALSE(lines.empty());
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> cells;
    std::stringstream row(lines[i]);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    cells.resize(6);
    anomalies.push_back({cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]});
  }
  return anomalies;
}

class ContactCenterGeneratorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(datagen_testing::ScratchDir("contact_center"));
    auto report = GenerateContactCenter(SmallWorld(), *dir_);
    ASSERT_TRUE(report.ok()) << report.error().message;
    report_ = new ContactCenterReport(*report);
    // All interaction exports, with their partition values.
    interactions_ = new std::vector<Interaction>();
    for (const std::string& file : FilesUnder(*dir_ + "/genesys/interactions", ".parquet")) {
      std::string date = file.substr(file.find("date=") + 5, 10);
      Table table = ReadTable(file);
      for (size_t i = 0; i < table.rows.size(); ++i) {
        Interaction row;
        row.file = file;
        row.date = date;
        row.id = table.Text(i, "interaction_id");
        row.start = table.Int(i, "start_time");
        row.end = table.Int(i, "end_time");
        row.queue = table.Text(i, "queue_name");
        row.agent = table.IsNull(i, "agent_id") ? "" : table.Text(i, "agent_id");
        row.disposition = table.Text(i, "disposition");
        const Value& duration = table.at(i, "duration_seconds");
        row.duration = duration.GetInt64();
        const Value& wait = table.at(i, "wait_time_seconds");
        row.wait = wait.type().id() == TypeId::kDouble ? static_cast<int64_t>(wait.GetDouble())
                                                       : wait.GetInt64();
        row.customer = table.IsNull(i, "customer_id") ? "" : table.Text(i, "customer_id");
        interactions_->push_back(row);
      }
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete report_;
    delete interactions_;
  }

  struct Interaction {
    std::string file, date, id, queue, agent, disposition, customer;
    int64_t start, end, duration, wait;
  };

  static std::string* dir_;
  static ContactCenterReport* report_;
  static std::vector<Interaction>* interactions_;
};

std::string* ContactCenterGeneratorTest::dir_ = nullptr;
ContactCenterReport* ContactCenterGeneratorTest::report_ = nullptr;
std::vector<ContactCenterGeneratorTest::Interaction>* ContactCenterGeneratorTest::interactions_ =
    nullptr;

TEST_F(ContactCenterGeneratorTest, WritesEveryOutput) {
  for (const char* path : {"/genesys/queues.parquet", "/crm/crm.db", "/crm/crm_customer_data.csv",
                           "/crm/crm_customer_data.parquet", "/erp/raw_customers.parquet",
                           "/erp/raw_products.parquet", "/erp/raw_orders.parquet", "/anomalies.csv",
                           "/manifest.json", "/kfhconnectblog/agent-events-2024-06-17.parquet",
                           "/kfhconnectblog/agent-events-2024-06-30.parquet",
                           "/connect/agent-events/2024/06/17/10/agent-events.ndjson"}) {
    EXPECT_TRUE(fs::exists(*dir_ + path)) << path;
  }
  EXPECT_FALSE(fs::exists(*dir_ + "/kfhconnectblog/agent-events-2024-06-16.parquet"));
  // One export per day and queue.
  EXPECT_EQ(FilesUnder(*dir_ + "/genesys/interactions", ".parquet").size(), 14u * kQueues.size());
  EXPECT_EQ(static_cast<int64_t>(interactions_->size()), report_->interactions);
  EXPECT_GT(report_->interactions, 5000);
  EXPECT_GT(report_->agent_events, 50000);
}

TEST_F(ContactCenterGeneratorTest, VolumeFollowsTheDailyAndHourlyCurves) {
  std::map<int, int64_t> by_weekday;
  std::map<int64_t, int64_t> by_hour;
  for (const Interaction& row : *interactions_) {
    int32_t day = static_cast<int32_t>(FloorDiv(row.start, kMicrosPerDay));
    EXPECT_EQ(Date::Format(day), row.date);
    by_weekday[Date::DayOfWeek(day)] += 1;
    by_hour[(row.start - int64_t{day} * kMicrosPerDay) / (3600 * kMicrosPerSecond)] += 1;
  }
  EXPECT_GT(by_weekday[1], 2 * by_weekday[7]);  // Mondays are busy, Sundays quiet
  EXPECT_GT(by_weekday[3], by_weekday[6]);
  for (const auto& [hour, count] : by_hour) {
    EXPECT_GE(hour, 7);
    EXPECT_LT(hour, 21);
  }
  EXPECT_GT(by_hour[10], 3 * by_hour[7]);   // morning peak
  EXPECT_GT(by_hour[14], 2 * by_hour[20]);  // afternoon above evening
}

TEST_F(ContactCenterGeneratorTest, QueuesHaveDifferentServiceLevels) {
  std::map<std::string, std::pair<int64_t, int64_t>>
      within;  // queue -> (answered in time, offered)
  std::map<std::string, int> threshold;
  for (const QueueSpec& queue : kQueues)
    threshold[std::string(queue.name)] = queue.service_level_seconds;
  int64_t abandoned = 0;
  for (const Interaction& row : *interactions_) {
    auto& [in_time, offered] = within[row.queue];
    ++offered;
    if (row.disposition == "abandoned") {
      ++abandoned;
      EXPECT_TRUE(row.agent.empty());
    } else {
      EXPECT_FALSE(row.agent.empty());
      in_time += row.wait <= threshold[row.queue];
    }
  }
  ASSERT_EQ(within.size(), kQueues.size());
  // Share of contacts answered within the queue's threshold: staffing differs by queue.
  double lowest = 1;
  double highest = 0;
  for (const auto& [queue, counts] : within) {
    double level = static_cast<double>(counts.first) / static_cast<double>(counts.second);
    lowest = std::min(lowest, level);
    highest = std::max(highest, level);
  }
  EXPECT_GT(highest - lowest, 0.2);
  EXPECT_GT(highest, 0.7);
  double abandonment = static_cast<double>(abandoned) / static_cast<double>(interactions_->size());
  EXPECT_GT(abandonment, 0.02);
  EXPECT_LT(abandonment, 0.2);
}

TEST_F(ContactCenterGeneratorTest, SomeCustomersCallAgainWithinThreeDays) {
  std::map<std::string, std::vector<int64_t>> calls;
  for (const Interaction& row : *interactions_) {
    if (!row.customer.empty()) calls[row.customer].push_back(row.start);
  }
  int repeat_callers = 0;
  for (auto& [customer, times] : calls) {
    std::sort(times.begin(), times.end());
    for (size_t i = 1; i < times.size(); ++i) {
      if (times[i] - times[i - 1] <= 72 * 3600 * kMicrosPerSecond) {
        ++repeat_callers;
        break;
      }
    }
  }
  EXPECT_GT(repeat_callers, static_cast<int>(calls.size()) / 20);
  EXPECT_LT(repeat_callers, static_cast<int>(calls.size()));
}

TEST_F(ContactCenterGeneratorTest, AgentsAreBusyMostButNotAllOfTheirLoggedInTime) {
  // Handle time from the exports against logged-in time from the LOGIN/LOGOUT events.
  std::map<std::string, int64_t> handled;
  for (const Interaction& row : *interactions_) {
    if (!row.agent.empty() && row.duration > 0) handled[row.agent] += row.duration;
  }
  std::map<std::string, int64_t> logged_in;  // agent ARN -> seconds
  std::map<std::string, int64_t> login_at;
  for (const std::string& file : FilesUnder(*dir_ + "/kfhconnectblog", ".parquet")) {
    Table events = ReadTable(file);
    for (size_t i = 0; i < events.rows.size(); ++i) {
      std::string type = events.Text(i, "eventtype");
      if (type != "LOGIN" && type != "LOGOUT") continue;
      auto time = Timestamp::Parse(events.Text(i, "eventtimestamp"));
      ASSERT_TRUE(time.has_value());
      std::string arn = events.Text(i, "agentarn");
      if (type == "LOGIN") {
        login_at[arn] = time->micros;
      } else if (login_at.count(arn)) {
        logged_in[arn] += (time->micros - login_at[arn]) / kMicrosPerSecond;
      }
    }
  }
  int64_t total_handled = 0;
  for (const auto& [agent, seconds] : handled) total_handled += seconds;
  int64_t total_logged_in = 0;
  for (const auto& [agent, seconds] : logged_in) total_logged_in += seconds;
  double occupancy = static_cast<double>(total_handled) / static_cast<double>(total_logged_in);
  EXPECT_GT(occupancy, 0.4);
  EXPECT_LT(occupancy, 0.95);
  EXPECT_EQ(logged_in.size(), 40u);
}

TEST_F(ContactCenterGeneratorTest, ExactlyTheFlaggedEventRecordsAreMalformedOrDrifted) {
  std::vector<Anomaly> anomalies = ReadAnomalies(*dir_);
  std::map<std::pair<std::string, std::string>, std::string> flagged;  // (path, line) -> kind
  for (const Anomaly& a : anomalies) {
    if (a.source == "connect-agent-events") flagged[{a.path, a.line}] = a.kind;
  }
  EXPECT_GT(flagged.size(), 50u);
  int64_t lines = 0;
  int64_t malformed = 0;
  int64_t drifted = 0;
  std::set<std::string> event_ids;
  for (const std::string& file : FilesUnder(*dir_ + "/connect", ".ndjson")) {
    std::string relative = file.substr(dir_->size() + 1);
    std::vector<std::string> content = Lines(file);
    for (size_t n = 0; n < content.size(); ++n) {
      ++lines;
      auto it = flagged.find({relative, std::to_string(n + 1)});
      std::string kind = it == flagged.end() ? "" : it->second;
      simdjson::padded_string json(content[n]);
      simdjson::dom::parser dom;
      simdjson::dom::element event;
      bool parses = dom.parse(json).get(event) == simdjson::SUCCESS;
      if (kind == "malformed") {
        ++malformed;
        // Broken JSON, or JSON that breaks the event's contract.
        std::string_view type;
        std::string_view timestamp;
        bool valid = parses && event["EventType"].get(type) == simdjson::SUCCESS &&
                     event["EventTimestamp"].get(timestamp) == simdjson::SUCCESS &&
                     timestamp.size() == 24 && timestamp[10] == 'T' && timestamp.back() == 'Z';
        EXPECT_FALSE(valid) << relative << ":" << n + 1;
        continue;
      }
      ASSERT_TRUE(parses) << relative << ":" << n + 1;
      std::string_view version_text;
      bool string_version = event["Version"].get(version_text) == simdjson::SUCCESS;
      bool extra = event["AgentEventSchemaVersion"].error() == simdjson::SUCCESS;
      if (kind == "drift") {
        ++drifted;
        EXPECT_TRUE(extra || !string_version) << relative << ":" << n + 1;
      } else {
        EXPECT_TRUE(string_version && version_text == "2017-10-01" && !extra)
            << relative << ":" << n + 1;
      }
      std::string_view id;
      ASSERT_EQ(event["EventId"].get(id), simdjson::SUCCESS);
      EXPECT_TRUE(event_ids.insert(std::string(id)).second) << "duplicate EventId " << id;
      std::string_view type;
      ASSERT_EQ(event["EventType"].get(type), simdjson::SUCCESS);
      std::string_view username;
      EXPECT_EQ(event["CurrentAgentSnapshot"]["Configuration"]["Username"].get(username),
                simdjson::SUCCESS);
      EXPECT_EQ(event["PreviousAgentSnapshot"].is_null(), type == "LOGIN" || type == "HEART_BEAT")
          << type;
    }
  }
  EXPECT_EQ(lines, report_->agent_events);
  EXPECT_EQ(malformed + drifted, static_cast<int64_t>(flagged.size()));
  EXPECT_EQ(drifted, report_->drifted_records);

  // Firehose's delivery holds every event but the malformed ones, with lower-case keys.
  int64_t delivered = 0;
  for (const std::string& file : FilesUnder(*dir_ + "/kfhconnectblog", ".parquet")) {
    Table events = ReadTable(file);
    delivered += static_cast<int64_t>(events.rows.size());
    if (events.rows.empty()) continue;
    std::string snapshot = events.Text(0, "currentagentsnapshot");
    EXPECT_NE(snapshot.find("\"agentstatus\":{"), std::string::npos) << snapshot;
    EXPECT_NE(snapshot.find("\"routingprofile\":{"), std::string::npos) << snapshot;
    EXPECT_EQ(snapshot.find("AgentStatus"), std::string::npos);
  }
  EXPECT_EQ(delivered, lines - malformed);
}

TEST_F(ContactCenterGeneratorTest, DriftedExportFilesAreFlagged) {
  std::set<std::string> drifted;
  int bad_rows = 0;
  for (const Anomaly& a : ReadAnomalies(*dir_)) {
    if (a.source != "genesys-interactions") continue;
    if (a.record.empty()) {
      drifted.insert(*dir_ + "/" + a.path);
    } else {
      ++bad_rows;
    }
  }
  EXPECT_EQ(static_cast<int64_t>(drifted.size()), report_->drifted_files);
  for (const std::string& file : FilesUnder(*dir_ + "/genesys/interactions", ".parquet")) {
    Table table = ReadTable(file);
    bool standard = table.column.size() == 11 && !table.rows.empty() &&
                    table.at(0, "duration_seconds").type().id() == TypeId::kInteger &&
                    table.at(0, "wait_time_seconds").type().id() == TypeId::kInteger;
    if (table.rows.empty()) continue;
    EXPECT_EQ(!standard, drifted.count(file) > 0) << file;
  }
  // Rows with impossible values are flagged by interaction id.
  std::set<std::string> flagged_ids;
  for (const Anomaly& a : ReadAnomalies(*dir_)) {
    if (a.source == "genesys-interactions" && !a.record.empty()) flagged_ids.insert(a.record);
  }
  for (const Interaction& row : *interactions_) {
    bool impossible = row.duration < 0 || row.end < row.start ||
                      (!row.customer.empty() && std::stoi(row.customer.substr(5)) > 3000);
    EXPECT_EQ(impossible, flagged_ids.count(row.id) > 0) << row.id;
  }
  EXPECT_EQ(bad_rows, static_cast<int>(flagged_ids.size()));
}

TEST_F(ContactCenterGeneratorTest, CrmAndErpRecordsAgree) {
  Table crm = ReadTable(*dir_ + "/crm/crm_customer_data.parquet");
  ASSERT_EQ(crm.rows.size(), 3000u);
  std::vector<std::string> csv = Lines(*dir_ + "/crm/crm_customer_data.csv");
  ASSERT_EQ(csv.size(), 3001u);
  EXPECT_EQ(
      csv[0],
      "customer_id,account_number,customer_name,phone_number,email,segment,region,created_at");
  EXPECT_EQ(csv[1].substr(0, csv[1].find(',')), crm.Text(0, "customer_id"));

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((*dir_ + "/crm/crm.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(
      sqlite3_prepare_v2(
          db,
          "SELECT count(*), count(DISTINCT account_number), min(created_at) FROM CRM_CUSTOMER_DATA",
          -1, &statement, nullptr),
      SQLITE_OK);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(statement, 0), 3000);
  int accounts = sqlite3_column_int(statement, 1);
  EXPECT_LT(accounts, 3000);  // business accounts have several contacts
  EXPECT_GT(accounts, 2000);
  sqlite3_finalize(statement);
  sqlite3_close(db);

  std::set<std::string> customers;
  std::set<std::string> segments;
  for (size_t i = 0; i < crm.rows.size(); ++i) {
    customers.insert(crm.Text(i, "customer_id"));
    segments.insert(crm.Text(i, "segment"));
    EXPECT_LT(crm.Int(i, "created_at"), int64_t{SmallWorld().end_date - 13} * kMicrosPerDay);
  }
  EXPECT_EQ(segments, (std::set<std::string>{"Consumer", "Enterprise", "SMB", "VIP"}));
  for (const Interaction& row : *interactions_) {
    if (!row.customer.empty() && std::stoi(row.customer.substr(5)) <= 3000) {
      EXPECT_TRUE(customers.count(row.customer)) << row.customer;
    }
  }

  Table products = ReadTable(*dir_ + "/erp/raw_products.parquet");
  std::map<std::string, int64_t> price;
  for (size_t i = 0; i < products.rows.size(); ++i) {
    price[products.Text(i, "product_id")] = products.Int(i, "price");
    EXPECT_LT(products.Int(i, "cost"), products.Int(i, "price"));
  }
  Table orders = ReadTable(*dir_ + "/erp/raw_orders.parquet");
  EXPECT_EQ(static_cast<int64_t>(orders.rows.size()), report_->orders);
  std::set<std::string> statuses;
  int64_t previous = 0;
  for (size_t i = 0; i < orders.rows.size(); ++i) {
    EXPECT_TRUE(customers.count(orders.Text(i, "customer_id")));
    statuses.insert(orders.Text(i, "order_status"));
    EXPECT_GE(orders.Int(i, "order_date"), previous);
    previous = orders.Int(i, "order_date");
    const auto& items = orders.at(i, "items").children();
    ASSERT_FALSE(items.empty());
    int64_t total = 0;
    for (const Value& item : items) {
      const auto& fields = item.children();
      ASSERT_EQ(fields.size(), 4u);
      std::string product = fields[0].GetString();
      ASSERT_TRUE(price.count(product)) << product;
      EXPECT_EQ(fields[2].GetInt64(), price[product]);
      total +=
          (fields[1].GetInt64() * fields[2].GetInt64() * (100 - fields[3].GetInt64()) + 50) / 100;
    }
    EXPECT_EQ(orders.Int(i, "total_amount"), total);
    bool shipped = orders.Text(i, "order_status") == "shipped" ||
                   orders.Text(i, "order_status") == "delivered";
    EXPECT_EQ(orders.IsNull(i, "shipped_date"), !shipped);
  }
  EXPECT_EQ(statuses,
            (std::set<std::string>{"cancelled", "delivered", "pending", "processing", "shipped"}));
}

TEST(ContactCenterDeterminismTest, OutputDependsOnTheOptionsButNotOnTheThreads) {
  std::string dir = datagen_testing::ScratchDir("contact_center_threads");
  ContactCenterOptions options = SmallWorld();
  options.days = 2;
  options.agents = 10;
  options.customers = 500;
  options.threads = 1;
  ASSERT_TRUE(GenerateContactCenter(options, dir + "/one").ok());
  options.threads = 3;
  ASSERT_TRUE(GenerateContactCenter(options, dir + "/three").ok());
  options.seed += 1;
  ASSERT_TRUE(GenerateContactCenter(options, dir + "/other").ok());
  std::vector<std::string> files = FilesUnder(dir + "/one", ".parquet");
  for (const char* extension : {".ndjson", ".csv", ".json"}) {
    for (const std::string& file : FilesUnder(dir + "/one", extension)) files.push_back(file);
  }
  EXPECT_GT(files.size(), 20u);
  for (const std::string& file : files) {
    std::string relative = file.substr(dir.size() + 4);
    EXPECT_EQ(ReadBytes(file), ReadBytes(dir + "/three" + relative)) << relative;
  }
  EXPECT_NE(ReadBytes(dir + "/one/erp/raw_orders.parquet"),
            ReadBytes(dir + "/other/erp/raw_orders.parquet"));
  EXPECT_NE(ReadBytes(dir + "/one/anomalies.csv"), ReadBytes(dir + "/other/anomalies.csv"));
  fs::remove_all(dir);
}

TEST(ContactCenterOptionsTest, RejectsSizesOutOfRange) {
  ContactCenterOptions options = SmallWorld();
  options.agents = 0;
  auto report = GenerateContactCenter(options, datagen_testing::ScratchDir("contact_center_bad"));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kInvalidParameter);
}

}  // namespace
}  // namespace switchboard
