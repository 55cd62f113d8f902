// GenerateContactCenter: simulates the days in parallel and writes each day's files (agent
// event stream, Firehose delivery, interaction exports) from the day's task, then the reference
// records, the list of deliberate anomalies and the manifest.
#include "datagen/contact_center_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "common/thread_pool.h"
#include "datagen/column_text.h"
#include "datagen/connect_event_format.h"
#include "datagen/contact_center_records.h"
#include "datagen/contact_center_simulation.h"
#include "format/parquet/parquet_writer.h"
#include "fs/file_system.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

enum Stream : uint64_t {
  kEventAnomaly = 501,
  kRowAnomaly,
  kFileDrift,
  kAnonymousPhone,
};

// Shares of deliberately bad input.
constexpr double kMalformedEvents = 0.003;
constexpr double kDriftedEvents = 0.005;
constexpr double kBadInteractionRows = 0.002;
constexpr double kDriftedFiles = 0.04;

using parquet::ParquetWriterField;

StringView Static(std::string_view text) {
  return StringView(text.data(), static_cast<uint32_t>(text.size()));
}

std::string DatePath(int32_t date, char separator) {
  int64_t year;
  int month;
  int day;
  Date::ToCivil(date, year, month, day);
  return fmt::format("{:04}{}{:02}{}{:02}", year, separator, month, separator, day);
}

// What a day's task wrote.
struct DayFiles {
  int64_t interactions = 0;
  int64_t agent_events = 0;
  int64_t malformed = 0;
  int64_t drifted_records = 0;
  int64_t drifted_files = 0;
  int64_t files = 0;
  int64_t bytes = 0;
  std::string anomalies;  // anomalies.csv lines
};

void AddAnomaly(DayFiles& files, std::string_view source, const std::string& path, int64_t line,
                std::string_view record, std::string_view kind, std::string_view detail) {
  fmt::format_to(std::back_inserter(files.anomalies), "{},{},{},{},{},{}\n", source, path,
                 line > 0 ? std::to_string(line) : "", record, kind, detail);
}

Result<void> WriteText(FileSystem& fs, const std::string& path, const std::string& text,
                       DayFiles& files) {
  SB_ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> file,
                      fs.OpenForWrite(path, WriteMode::kOverwrite));
  SB_RETURN_IF_ERROR(file->Append(text.data(), text.size()));
  SB_RETURN_IF_ERROR(file->Close());
  files.files += 1;
  files.bytes += static_cast<int64_t>(text.size());
  return Ok();
}

Result<void> Finish(parquet::ParquetWriter& writer, DayFiles& files) {
  SB_ASSIGN_OR_RETURN(parquet::ParquetWriteResult result, writer.Close());
  files.files += 1;
  files.bytes += result.file_size;
  return Ok();
}

std::string_view DispositionName(Disposition disposition) {
  switch (disposition) {
    case Disposition::kResolved:
      return "resolved";
    case Disposition::kTransferred:
      return "transferred";
    case Disposition::kEscalated:
      return "escalated";
    case Disposition::kUnresolved:
      return "unresolved";
    case Disposition::kCallbackRequested:
      return "callback_requested";
    case Disposition::kAbandoned:
      return "abandoned";
  }
  return "";
}

std::string_view InteractionType(const SimulatedContact& contact) {
  if (contact.initiation == Initiation::kCallback) return "callback";
  switch (contact.channel) {
    case Channel::kVoice:
      return "voice";
    case Channel::kChat:
      return "chat";
    case Channel::kTask:
      return "email";
  }
  return "";
}

// How an export file drifts from the usual schema.
enum class FileDrift : uint8_t { kNone, kExtraColumn, kDurationBigint, kWaitTimeDouble };

// genesys/interactions/date=.../queue_id=.../part-0.parquet for one queue of a day.
Result<void> WriteInteractions(const ContactCenterWorld& world, const DayActivity& day, int queue,
                               const std::string& dir, DayFiles& files) {
  const uint64_t seed = world.seed();
  std::string relative = fmt::format("genesys/interactions/date={}/queue_id={}/part-0.parquet",
                                     DatePath(day.date, '-'), world.queue_id(queue));
  RowRandom drift_random(seed, kFileDrift,
                         (static_cast<uint64_t>(day.date) << 8) | static_cast<uint64_t>(queue));
  FileDrift drift = FileDrift::kNone;
  if (drift_random.Bernoulli(kDriftedFiles))
    drift = static_cast<FileDrift>(drift_random.Uniform(1, 3));

  const LogicalType varchar = LogicalType::Varchar();
  const LogicalType timestamp = LogicalType::Timestamp(3);
  std::vector<ParquetWriterField> fields = {
      {"interaction_id", varchar},
      {"start_time", timestamp},
      {"end_time", timestamp},
      {"queue_name", varchar},
      {"agent_id", varchar},
      {"disposition", varchar},
      {"duration_seconds",
       drift == FileDrift::kDurationBigint ? TypeId::kBigint : TypeId::kInteger},
      {"wait_time_seconds",
       drift == FileDrift::kWaitTimeDouble ? TypeId::kDouble : TypeId::kInteger},
      {"customer_id", varchar},
      {"interaction_type", varchar},
      {"phone_number", varchar}};
  if (drift == FileDrift::kExtraColumn) fields.emplace_back("wrap_up_code", varchar);
  switch (drift) {
    case FileDrift::kNone:
      break;
    case FileDrift::kExtraColumn:
      AddAnomaly(files, "genesys-interactions", relative, 0, "", "drift_extra_column",
                 "adds wrap_up_code VARCHAR");
      break;
    case FileDrift::kDurationBigint:
      AddAnomaly(files, "genesys-interactions", relative, 0, "", "drift_type_change",
                 "duration_seconds is BIGINT");
      break;
    case FileDrift::kWaitTimeDouble:
      AddAnomaly(files, "genesys-interactions", relative, 0, "", "drift_type_change",
                 "wait_time_seconds is DOUBLE");
      break;
  }
  files.drifted_files += drift != FileDrift::kNone;

  std::vector<LogicalType> types;
  for (const auto& field : fields) types.push_back(field.type);
  parquet::ParquetWriterOptions options;
  options.codec = parquet::CompressionCodec::kSnappy;
  SB_ASSIGN_OR_RETURN(std::unique_ptr<parquet::ParquetWriter> writer,
                      parquet::ParquetWriter::Open(dir + "/" + relative, fields, options));
  DataChunk chunk;
  chunk.Initialize(types);
  CustomerRecord record;
  char text[64];
  auto flush = [&]() -> Result<void> {
    if (chunk.size() == 0) return Ok();
    SB_RETURN_IF_ERROR(writer->Write(chunk));
    chunk.Reset();
    return Ok();
  };
  for (const SimulatedContact& contact : day.contacts) {
    if (contact.queue != queue) continue;
    idx_t row = chunk.size();
    auto set = [&](idx_t column, std::string_view value) {
      chunk.column(column).data<StringView>()[row] = chunk.column(column).AddString(value);
    };
    char* id_end = WriteContactId(world, contact, text);
    std::string_view id(text, static_cast<size_t>(id_end - text));
    set(0, id);
    bool answered = contact.agent >= 0;
    int64_t start = contact.arrival * kMicrosPerMilli;
    int64_t end = contact.ended * kMicrosPerMilli;
    int64_t duration = answered ? (contact.ended - contact.answered) / 1000 : 0;
    int64_t wait = ((answered ? contact.answered : contact.ended) - contact.arrival) / 1000;
    std::string_view customer_id;
    if (contact.customer >= 0) {
      world.FillCustomer(contact.customer, record);
      customer_id = record.customer_id;
    }
    // A few rows carry values the export should never hold.
    RowRandom bad(world.seed(), kRowAnomaly, contact.key);
    std::string unknown_customer;
    if (bad.Bernoulli(kBadInteractionRows)) {
      switch (bad.Uniform(0, 2)) {
        case 0:
          duration = -std::max<int64_t>(duration, 1);
          AddAnomaly(files, "genesys-interactions", relative, 0, id, "bad_value",
                     "negative duration_seconds");
          break;
        case 1:
          end = start - (end - start) - kMicrosPerSecond;
          AddAnomaly(files, "genesys-interactions", relative, 0, id, "bad_value",
                     "end_time before start_time");
          break;
        default:
          unknown_customer =
              fmt::format("CUST-{:07}", world.customers() + 1 + bad.Uniform(0, 999999));
          customer_id = unknown_customer;
          AddAnomaly(files, "genesys-interactions", relative, 0, id, "bad_reference",
                     "customer_id not in the CRM");
          break;
      }
      files.malformed += 1;
    }
    chunk.column(1).data<int64_t>()[row] = start;
    chunk.column(2).data<int64_t>()[row] = end;
    chunk.column(3).data<StringView>()[row] = Static(kQueues[static_cast<size_t>(queue)].name);
    if (answered) {
      chunk.column(4).data<StringView>()[row] =
          Static(world.agents()[static_cast<size_t>(contact.agent)].username);
    } else {
      chunk.column(4).SetNull(row);
    }
    chunk.column(5).data<StringView>()[row] = Static(DispositionName(contact.disposition));
    if (drift == FileDrift::kDurationBigint) {
      chunk.column(6).data<int64_t>()[row] = duration;
    } else {
      chunk.column(6).data<int32_t>()[row] = static_cast<int32_t>(duration);
    }
    if (drift == FileDrift::kWaitTimeDouble) {
      chunk.column(7).data<double>()[row] =
          static_cast<double>((answered ? contact.answered : contact.ended) - contact.arrival) /
          1000;
    } else {
      chunk.column(7).data<int32_t>()[row] = static_cast<int32_t>(wait);
    }
    if (customer_id.empty()) {
      chunk.column(8).SetNull(row);
    } else {
      set(8, customer_id);
    }
    chunk.column(9).data<StringView>()[row] = Static(InteractionType(contact));
    if (contact.channel != Channel::kVoice) {
      chunk.column(10).SetNull(row);
    } else if (contact.customer >= 0) {
      set(10, record.phone_number);
    } else {
      RowRandom phone(world.seed(), kAnonymousPhone, contact.key);
      char* end_of_phone =
          fmt::format_to(text, "+1{}555{:04}", phone.Uniform(201, 989), phone.Uniform(100, 9999));
      set(10, std::string_view(text, static_cast<size_t>(end_of_phone - text)));
    }
    if (drift == FileDrift::kExtraColumn) {
      char* end_of_code =
          fmt::format_to(text, "WRAP-{}", static_cast<int>(contact.disposition) + 1);
      set(11, std::string_view(text, static_cast<size_t>(end_of_code - text)));
    }
    chunk.SetSize(row + 1);
    files.interactions += 1;
    if (chunk.size() == chunk.capacity()) SB_RETURN_IF_ERROR(flush());
  }
  SB_RETURN_IF_ERROR(flush());
  return Finish(*writer, files);
}

enum class EventAnomaly : uint8_t {
  kNone,
  kTruncated,
  kBadTimestamp,
  kMissingEventType,
  kInvalidJson,
  kExtraField,
  kVersionAsNumber,
};

EventAnomaly DrawEventAnomaly(const ContactCenterWorld& world, int32_t date, size_t event) {
  RowRandom random(world.seed(), kEventAnomaly, (static_cast<uint64_t>(date) << 32) | event);
  double u = random.UniformDouble();
  if (u < kMalformedEvents) return static_cast<EventAnomaly>(random.Uniform(1, 4));
  if (u < kMalformedEvents + kDriftedEvents) return static_cast<EventAnomaly>(random.Uniform(5, 6));
  return EventAnomaly::kNone;
}

bool IsMalformed(EventAnomaly anomaly) {
  return anomaly >= EventAnomaly::kTruncated && anomaly <= EventAnomaly::kInvalidJson;
}

// Replaces the first `from` in `line` with `to`.
void ReplaceFirst(std::string& line, std::string_view from, std::string_view to) {
  size_t at = line.find(from);
  if (at != std::string::npos) line.replace(at, from.size(), to);
}

// Breaks or drifts one NDJSON line the way `anomaly` says; returns the anomaly's description.
std::string_view Apply(EventAnomaly anomaly, std::string& line, RowRandom& random) {
  switch (anomaly) {
    case EventAnomaly::kNone:
      return "";
    case EventAnomaly::kTruncated:
      line.resize(line.size() * static_cast<size_t>(random.Uniform(30, 90)) / 100);
      return "record cut short";
    case EventAnomaly::kBadTimestamp: {
      // '2024-06-01T10:15:30.123Z' becomes '2024-06-01 10:15:30'.
      size_t at = line.find("\"EventTimestamp\":\"");
      if (at != std::string::npos) {
        at += 18;
        line[at + 10] = ' ';
        line.erase(at + 19, 5);
      }
      return "EventTimestamp not ISO-8601";
    }
    case EventAnomaly::kMissingEventType: {
      size_t at = line.find("\"EventType\":\"");
      if (at != std::string::npos) line.erase(at, line.find(',', at) + 1 - at);
      return "EventType missing";
    }
    case EventAnomaly::kInvalidJson:
      ReplaceFirst(line, "\"Version\":", "\"Version\" ");
      return "not JSON (a colon is missing)";
    case EventAnomaly::kExtraField:
      ReplaceFirst(line,
                   ",\"Version\":", ",\"AgentEventSchemaVersion\":\"2024-05-01\",\"Version\":");
      return "adds AgentEventSchemaVersion";
    case EventAnomaly::kVersionAsNumber:
      ReplaceFirst(line, "\"Version\":\"2017-10-01\"", "\"Version\":20171001");
      return "Version is a number";
  }
  return "";
}

// The day's agent events: NDJSON per hour as the stream sends them, and one Parquet file as
// Firehose delivers them for the seed's kfhconnectblog table.
Result<void> WriteAgentEvents(const ContactCenterWorld& world, const DayActivity& day,
                              const std::string& dir, FileSystem& fs, DayFiles& files) {
  ConnectEventFormat format(world, day);
  const LogicalType varchar = LogicalType::Varchar();
  std::vector<ParquetWriterField> fields;
  for (const char* name :
       {"awsaccountid", "agentarn", "currentagentsnapshot", "eventid", "eventtimestamp",
        "eventtype", "instancearn", "previousagentsnapshot", "version"}) {
    fields.emplace_back(name, varchar);
  }
  parquet::ParquetWriterOptions options;
  options.codec = parquet::CompressionCodec::kSnappy;
  SB_RETURN_IF_ERROR(fs.CreateDirectories(dir + "/kfhconnectblog"));
  SB_ASSIGN_OR_RETURN(
      std::unique_ptr<parquet::ParquetWriter> writer,
      parquet::ParquetWriter::Open(
          fmt::format("{}/kfhconnectblog/agent-events-{}.parquet", dir, DatePath(day.date, '-')),
          fields, options));
  DataChunk chunk;
  chunk.Initialize(std::vector<LogicalType>(fields.size(), varchar));
  std::string hour_text;
  std::string line;
  std::string value;
  int64_t hour_lines = 0;
  int64_t current_hour = -1;
  auto flush_hour = [&]() -> Result<void> {
    if (current_hour < 0) return Ok();
    std::string folder =
        fmt::format("{}/connect/agent-events/{}/{:02}", dir,
                    DatePath(static_cast<int32_t>(current_hour / 24), '/'), current_hour % 24);
    SB_RETURN_IF_ERROR(fs.CreateDirectories(folder));
    SB_RETURN_IF_ERROR(WriteText(fs, folder + "/agent-events.ndjson", hour_text, files));
    hour_text.clear();
    hour_lines = 0;
    return Ok();
  };
  for (size_t i = 0; i < day.events.size(); ++i) {
    const AgentEvent& event = day.events[i];
    int64_t hour = FloorDiv(event.time, 3600000);
    if (hour != current_hour) {
      SB_RETURN_IF_ERROR(flush_hour());
      current_hour = hour;
    }
    line.clear();
    format.AppendEvent(i, line);
    EventAnomaly anomaly = DrawEventAnomaly(world, day.date, i);
    ++hour_lines;
    if (anomaly != EventAnomaly::kNone) {
      RowRandom random(world.seed(), kEventAnomaly, ~((static_cast<uint64_t>(day.date) << 32) | i));
      std::string_view detail = Apply(anomaly, line, random);
      value.clear();
      format.AppendEventId(i, value);
      bool malformed = IsMalformed(anomaly);
      AddAnomaly(files, "connect-agent-events",
                 fmt::format("connect/agent-events/{}/{:02}/agent-events.ndjson",
                             DatePath(static_cast<int32_t>(hour / 24), '/'), hour % 24),
                 hour_lines, value, malformed ? "malformed" : "drift", detail);
      (malformed ? files.malformed : files.drifted_records) += 1;
    }
    hour_text += line;
    hour_text += '\n';
    files.agent_events += 1;
    if (IsMalformed(anomaly)) continue;  // Firehose cannot convert it: not delivered

    idx_t row = chunk.size();
    const Agent& agent = world.agents()[static_cast<size_t>(event.agent)];
    auto set = [&](idx_t column, std::string_view text) {
      chunk.column(column).data<StringView>()[row] = chunk.column(column).AddString(text);
    };
    chunk.column(0).data<StringView>()[row] = Static(world.account_id());
    chunk.column(1).data<StringView>()[row] = Static(agent.arn);
    value.clear();
    format.AppendSnapshot(event, event.current, KeyCase::kLower, value);
    set(2, value);
    value.clear();
    format.AppendEventId(i, value);
    set(3, value);
    value.clear();
    ConnectEventFormat::AppendTimestamp(event.time, value);
    set(4, value);
    chunk.column(5).data<StringView>()[row] = Static(ConnectEventFormat::EventTypeName(event.type));
    chunk.column(6).data<StringView>()[row] = Static(world.instance_arn());
    if (event.has_previous) {
      value.clear();
      format.AppendSnapshot(event, event.previous, KeyCase::kLower, value);
      set(7, value);
    } else {
      chunk.column(7).SetNull(row);
    }
    chunk.column(8).data<StringView>()[row] =
        Static(anomaly == EventAnomaly::kVersionAsNumber ? "20171001" : "2017-10-01");
    chunk.SetSize(row + 1);
    if (chunk.size() == chunk.capacity()) {
      SB_RETURN_IF_ERROR(writer->Write(chunk));
      chunk.Reset();
    }
  }
  SB_RETURN_IF_ERROR(flush_hour());
  if (chunk.size() > 0) SB_RETURN_IF_ERROR(writer->Write(chunk));
  return Finish(*writer, files);
}

Result<DayFiles> WriteDay(const ContactCenterWorld& world, int32_t date, const std::string& dir) {
  DayActivity day = SimulateDay(world, date);
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(dir));
  DayFiles files;
  for (int queue = 0; queue < static_cast<int>(kQueues.size()); ++queue) {
    SB_RETURN_IF_ERROR(
        fs->CreateDirectories(fmt::format("{}/genesys/interactions/date={}/queue_id={}", dir,
                                          DatePath(date, '-'), world.queue_id(queue))));
    SB_RETURN_IF_ERROR(WriteInteractions(world, day, queue, dir, files));
  }
  SB_RETURN_IF_ERROR(WriteAgentEvents(world, day, dir, *fs, files));
  return files;
}

}  // namespace

Result<ContactCenterReport> GenerateContactCenter(const ContactCenterOptions& options,
                                                  const std::string& out_dir) {
  if (options.days < 1 || options.days > 3660 || options.agents < 1 || options.agents > 100000 ||
      options.customers < 1 || options.customers > 100000000) {
    return Error{
        ErrorCode::kInvalidParameter,
        fmt::format(
            "contact center of {} days, {} agents, {} customers is out of range (days 1..3660, "
            "agents 1..100000, customers 1..100000000)",
            options.days, options.agents, options.customers)};
  }
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(out_dir));
  SB_RETURN_IF_ERROR(fs->CreateDirectories(out_dir));
  const ContactCenterWorld world(options);
  size_t threads = options.threads != 0 ? options.threads
                                        : std::max<size_t>(1, std::thread::hardware_concurrency());
  ThreadPool pool(threads);

  std::vector<Result<DayFiles>> days(static_cast<size_t>(options.days),
                                     Error{ErrorCode::kInternal, "not run"});
  pool.ParallelFor(days.size(), [&](size_t d) {
    Result<Result<DayFiles>> day = CatchErrors(
        [&] { return WriteDay(world, world.first_date() + static_cast<int32_t>(d), out_dir); });
    days[d] = day.ok() ? std::move(day).value() : Result<DayFiles>(std::move(day).error());
  });
  ContactCenterReport report;
  std::string anomalies = "source,path,line,record_id,kind,detail\n";
  for (Result<DayFiles>& day : days) {
    if (!day.ok()) return std::move(day).error();
    report.interactions += day->interactions;
    report.agent_events += day->agent_events;
    report.malformed_records += day->malformed;
    report.drifted_records += day->drifted_records;
    report.drifted_files += day->drifted_files;
    report.files += day->files;
    report.bytes += day->bytes;
    anomalies += day->anomalies;
  }
  SB_ASSIGN_OR_RETURN(RecordFiles records, WriteContactCenterRecords(world, out_dir, pool));
  report.customers = records.customers;
  report.products = records.products;
  report.orders = records.orders;
  report.files += records.files;
  report.bytes += records.bytes;

  DayFiles extra;
  SB_RETURN_IF_ERROR(WriteText(*fs, out_dir + "/anomalies.csv", anomalies, extra));
  std::string manifest = fmt::format(
      "{{\"generator\":\"contact-center\",\"seed\":{},\"days\":{},\"first_date\":\"{}\",\"end_"
      "date\":\"{}\","
      "\"agents\":{},\"customers\":{},\"products\":{},\"orders\":{},\"interactions\":{},\"agent_"
      "events\":{},"
      "\"malformed_records\":{},\"drifted_records\":{},\"drifted_files\":{}}}\n",
      options.seed, options.days, Date::Format(world.first_date()), Date::Format(options.end_date),
      options.agents, options.customers, report.products, report.orders, report.interactions,
      report.agent_events, report.malformed_records, report.drifted_records, report.drifted_files);
  SB_RETURN_IF_ERROR(WriteText(*fs, out_dir + "/manifest.json", manifest, extra));
  report.files += extra.files;
  report.bytes += extra.bytes;
  return report;
}

}  // namespace switchboard
