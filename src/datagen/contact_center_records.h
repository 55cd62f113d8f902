// The contact center's reference records: queues (Genesys), CRM customers (SQLite, CSV,
// Parquet) and the ERP customers, products and orders of the lakehouse seed (Parquet).
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "datagen/contact_center_world.h"

namespace switchboard {

class ThreadPool;

struct RecordFiles {
  int64_t customers = 0;
  int64_t products = 0;
  int64_t orders = 0;
  int64_t files = 0;
  int64_t bytes = 0;
};

/// Writes genesys/queues.parquet, crm/ (crm.db, crm_customer_data.csv and .parquet) and erp/
/// (raw_customers, raw_products, raw_orders .parquet) under `dir`. Errors: kIoError.
Result<RecordFiles> WriteContactCenterRecords(const ContactCenterWorld& world,
                                              const std::string& dir, ThreadPool& threads);

}  // namespace switchboard
