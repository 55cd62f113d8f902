// The contact-center world of ../shared/contact-center/README.md, simulated day by day and
// written in the forms its systems export: Amazon Connect agent events (NDJSON, and the Parquet
// that Kinesis Firehose delivers from them), Genesys-style interaction exports (Parquet,
// partitioned by date and queue), the CRM customer table (SQLite, CSV, Parquet) and the ERP
// customers, products and orders of the lakehouse seed (Parquet).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"

namespace switchboard {

struct ContactCenterOptions {
  int days = 28;
  int agents = 100;
  int customers = 20000;
  uint64_t seed = 0;
  /// The last day simulated (days since 1970-01-01); the first is end_date - days + 1.
  int32_t end_date = 0;
  /// Threads; 0 means one per core. The output does not depend on it.
  size_t threads = 0;
};

/// What was written, by output.
struct ContactCenterReport {
  int64_t interactions = 0;
  int64_t agent_events = 0;
  int64_t customers = 0;
  int64_t products = 0;
  int64_t orders = 0;
  /// Records written deliberately broken (malformed) or in a drifted schema, as listed in
  /// anomalies.csv.
  int64_t malformed_records = 0;
  int64_t drifted_records = 0;
  int64_t drifted_files = 0;
  int64_t files = 0;
  int64_t bytes = 0;
};

/// Writes the world into `out_dir` (created):
///
///   connect/agent-events/YYYY/MM/DD/HH/agent-events.ndjson   Amazon Connect agent event stream
///   kfhconnectblog/agent-events-YYYY-MM-DD.parquet            the same events as Firehose
///       delivers them for the seed's table (lower-case keys; malformed records left out)
///   genesys/interactions/date=YYYY-MM-DD/queue_id=ID/part-0.parquet   interaction exports
///   genesys/queues.parquet                                     queue ids, names, service levels
///   crm/crm.db (table CRM_CUSTOMER_DATA), crm/crm_customer_data.csv, .parquet
///   erp/raw_customers.parquet, erp/raw_products.parquet, erp/raw_orders.parquet
///   anomalies.csv        every malformed or drifted record and file: source, path, line,
///                        record id, kind, detail
///   manifest.json        the options and the counts
///
/// The output is a function of the options alone (threads aside). Errors: kInvalidParameter for
/// sizes out of range; kIoError from the files.
Result<ContactCenterReport> GenerateContactCenter(const ContactCenterOptions& options,
                                                  const std::string& out_dir);

}  // namespace switchboard
