// Queue, CRM and ERP records: Parquet files through the block scheduler, the CRM table also as
// a SQLite database and as CSV.
#include "datagen/contact_center_records.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "common/thread_pool.h"
#include "datagen/column_text.h"
#include "datagen/parquet_block_writer.h"
#include "fs/file_system.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

enum Stream : uint64_t {
  kProduct = 401,
  kProductStock,
  kCustomerSource,
  kOrderDate,
  kOrderCustomer,
  kOrderItems,
  kOrderStatus,
};

constexpr idx_t kBlockRows = 2048;
// ERP orders start this many days before the contact-center period.
constexpr int kOrderLeadDays = 60;
constexpr double kOrdersPerCustomerDay = 0.015;

using parquet::ParquetWriterField;

StringView Static(std::string_view text) {
  return StringView(text.data(), static_cast<uint32_t>(text.size()));
}

int64_t ProductCount(const ContactCenterWorld& world) {
  return std::clamp<int64_t>(world.customers() / 40, 50, 5000);
}

int64_t OrderCount(const ContactCenterWorld& world) {
  return std::llround(world.customers() * kOrdersPerCustomerDay *
                      (world.options().days + kOrderLeadDays));
}

// Blocks of kBlockRows rows numbered 0..rows-1, each filled by `fill(first, rows, chunk)`.
template <typename Fill>
class RowBlocks final : public BlockSource {
 public:
  RowBlocks(int64_t rows, Fill fill) : rows_(rows), fill_(std::move(fill)) {}
  size_t BlockCount() const override {
    return static_cast<size_t>((rows_ + static_cast<int64_t>(kBlockRows) - 1) /
                               static_cast<int64_t>(kBlockRows));
  }
  idx_t MaxBlockRows() const override { return kBlockRows; }
  void Generate(size_t block, DataChunk& chunk) const override {
    int64_t first = static_cast<int64_t>(block * kBlockRows);
    auto rows =
        static_cast<idx_t>(std::min<int64_t>(static_cast<int64_t>(kBlockRows), rows_ - first));
    fill_(first, rows, chunk);
    chunk.SetSize(rows);
  }

 private:
  int64_t rows_;
  Fill fill_;
};

template <typename Fill>
std::unique_ptr<BlockSource> MakeBlocks(int64_t rows, Fill fill) {
  return std::make_unique<RowBlocks<Fill>>(rows, std::move(fill));
}

/// Appends MAP(VARCHAR, VARCHAR) rows to a flat map vector, in row order.
class MapRows {
 public:
  explicit MapRows(Vector& map) : map_(map) {}
  void Add(idx_t row,
           std::initializer_list<std::pair<std::string_view, std::string_view>> entries) {
    idx_t offset = map_.list_size();
    map_.ReserveListChild(offset + entries.size());
    Vector& keys = map_.list_child().struct_children()[0];
    Vector& values = map_.list_child().struct_children()[1];
    idx_t i = offset;
    for (const auto& [key, value] : entries) {
      keys.data<StringView>()[i] = Static(key);
      values.data<StringView>()[i] = values.AddString(value);
      ++i;
    }
    map_.data<ListEntry>()[row] =
        ListEntry{static_cast<uint32_t>(offset), static_cast<uint32_t>(entries.size())};
    map_.set_list_size(i);
  }

 private:
  Vector& map_;
};

const LogicalType kVarchar = LogicalType::Varchar();
const LogicalType kTimestamp = LogicalType::Timestamp(3);
const LogicalType kStringMap = LogicalType::Map(LogicalType::Varchar(), LogicalType::Varchar());

// '2024-06-01T10:15:30Z' into `out` (cleared first).
void IsoTimestamp(int64_t micros, std::string& out) {
  out.clear();
  AppendTimestamp(out, micros, 'T', false);
  out += 'Z';
}

// The product catalog: a category, a subcategory and nouns for names.
struct CatalogEntry {
  std::string_view category;
  std::string_view subcategory;
  std::array<std::string_view, 3> nouns;
};
constexpr std::array<CatalogEntry, 12> kCatalog = {{
    {"Electronics", "Audio", {"Headphones", "Speaker", "Earbuds"}},
    {"Electronics", "Computers", {"Keyboard", "Mouse", "Laptop Stand"}},
    {"Electronics", "Phones", {"Phone Case", "Charger", "Cable"}},
    {"Home", "Kitchen", {"Blender", "Knife Set", "Cookware Set"}},
    {"Home", "Decor", {"Lamp", "Throw Pillow", "Wall Clock"}},
    {"Home", "Bedding", {"Sheet Set", "Duvet", "Pillow"}},
    {"Apparel", "Men", {"T-Shirt", "Jacket", "Jeans"}},
    {"Apparel", "Women", {"Dress", "Sweater", "Scarf"}},
    {"Apparel", "Shoes", {"Sneakers", "Boots", "Sandals"}},
    {"Sports", "Fitness", {"Yoga Mat", "Dumbbells", "Resistance Bands"}},
    {"Sports", "Outdoor", {"Tent", "Backpack", "Water Bottle"}},
    {"Beauty", "Skincare", {"Moisturizer", "Serum", "Cleanser"}},
}};
constexpr std::array<std::string_view, 10> kProductAdjectives = {
    "Wireless", "Premium", "Classic", "Compact", "Deluxe",
    "Eco",      "Pro",     "Ultra",   "Smart",   "Essential"};
constexpr std::array<std::string_view, 6> kColors = {"black", "white", "gray",
                                                     "blue",  "red",   "green"};
constexpr std::array<std::string_view, 5> kBrands = {"Acme", "Northwind", "Contoso", "Fabrikam",
                                                     "Globex"};

struct Product {
  const CatalogEntry* entry;
  std::string_view adjective;
  std::string_view noun;
  std::string_view color;
  std::string_view brand;
  int64_t price_cents;
  int64_t cost_cents;
};

Product MakeProduct(const ContactCenterWorld& world, int64_t index) {
  RowRandom random(world.seed(), kProduct, static_cast<uint64_t>(index));
  Product product;
  product.entry = &kCatalog[static_cast<size_t>(random.Uniform(0, kCatalog.size() - 1))];
  product.adjective =
      kProductAdjectives[static_cast<size_t>(random.Uniform(0, kProductAdjectives.size() - 1))];
  product.noun = product.entry->nouns[static_cast<size_t>(random.Uniform(0, 2))];
  product.color = kColors[static_cast<size_t>(random.Uniform(0, kColors.size() - 1))];
  product.brand = kBrands[static_cast<size_t>(random.Uniform(0, kBrands.size() - 1))];
  double price = random.Lognormal(35, 0.9);
  product.price_cents =
      std::clamp<int64_t>(std::llround(price * 100) / 100 * 100 + 99, 299, 250099);
  product.cost_cents = product.price_cents * random.Uniform(40, 70) / 100;
  return product;
}

std::vector<ParquetWriterField> Fields(
    std::initializer_list<std::pair<const char*, LogicalType>> columns) {
  std::vector<ParquetWriterField> fields;
  for (const auto& [name, type] : columns) fields.emplace_back(name, type);
  return fields;
}

// CRM_CUSTOMER_DATA as SQLite and CSV: row by row from one reused record.
Result<void> WriteCrmSqliteAndCsv(const ContactCenterWorld& world, const std::string& dir,
                                  RecordFiles& files) {
  std::string db_path = dir + "/crm.db";
  std::remove(db_path.c_str());
  sqlite3* db = nullptr;
  auto fail = [&](std::string_view what) {
    Error error{ErrorCode::kIoError,
                fmt::format("{}: {}: {}", db_path, what, db ? sqlite3_errmsg(db) : "cannot open")};
    sqlite3_close(db);
    return error;
  };
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) return fail("open");
  const char* schema =
      "CREATE TABLE CRM_CUSTOMER_DATA (customer_id TEXT PRIMARY KEY, account_number TEXT NOT NULL, "
      "customer_name TEXT NOT NULL, phone_number TEXT, email TEXT, segment TEXT, region TEXT, "
      "created_at TEXT NOT NULL); BEGIN;";
  if (sqlite3_exec(db, schema, nullptr, nullptr, nullptr) != SQLITE_OK) return fail("create");
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO CRM_CUSTOMER_DATA VALUES (?, ?, ?, ?, ?, ?, ?, ?)", -1,
                         &insert, nullptr) != SQLITE_OK) {
    return fail("prepare");
  }
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(dir));
  SB_ASSIGN_OR_RETURN(std::unique_ptr<WritableFile> csv,
                      fs->OpenForWrite(dir + "/crm_customer_data.csv", WriteMode::kOverwrite));
  std::string text =
      "customer_id,account_number,customer_name,phone_number,email,segment,region,created_at\n";
  CustomerRecord record;
  std::string name;
  std::string created;
  for (int c = 0; c < world.customers(); ++c) {
    world.FillCustomer(c, record);
    name.assign(record.first_name).append(" ").append(record.last_name);
    created.clear();
    AppendTimestamp(created, record.created_micros, ' ', false);
    std::string_view values[] = {
        record.customer_id, record.account_number, name,          record.phone_number,
        record.email,       record.segment,        record.region, created};
    for (int i = 0; i < 8; ++i) {
      sqlite3_bind_text(insert, i + 1, values[i].data(), static_cast<int>(values[i].size()),
                        SQLITE_STATIC);
      if (i > 0) text += ',';
      text += values[i];  // no value holds a comma, quote or line break
    }
    text += '\n';
    if (sqlite3_step(insert) != SQLITE_DONE) {
      sqlite3_finalize(insert);
      return fail("insert");
    }
    sqlite3_reset(insert);
    if (text.size() > (1 << 20)) {
      SB_RETURN_IF_ERROR(csv->Append(text.data(), text.size()));
      text.clear();
    }
  }
  sqlite3_finalize(insert);
  if (sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("commit");
  sqlite3_close(db);
  SB_RETURN_IF_ERROR(csv->Append(text.data(), text.size()));
  files.bytes += csv->position();
  SB_RETURN_IF_ERROR(csv->Close());
  SB_ASSIGN_OR_RETURN(FileInfo db_info, fs->Stat(db_path));
  files.bytes += db_info.size;
  files.files += 2;
  return Ok();
}

}  // namespace

Result<RecordFiles> WriteContactCenterRecords(const ContactCenterWorld& world,
                                              const std::string& dir, ThreadPool& threads) {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(dir));
  for (const char* folder : {"/genesys", "/crm", "/erp"})
    SB_RETURN_IF_ERROR(fs->CreateDirectories(dir + folder));
  RecordFiles files;
  files.customers = world.customers();
  files.products = ProductCount(world);
  files.orders = OrderCount(world);
  const int64_t first_day_micros = int64_t{world.first_date()} * kMicrosPerDay;
  const int64_t end_micros = (int64_t{world.options().end_date} + 1) * kMicrosPerDay;

  std::vector<std::unique_ptr<BlockSource>> sources;
  std::vector<ParquetBlockOutput> outputs;
  auto add = [&](std::string path, std::vector<ParquetWriterField> fields,
                 parquet::CompressionCodec codec, std::unique_ptr<BlockSource> source) {
    parquet::ParquetWriterOptions options;
    options.codec = codec;
    outputs.push_back({dir + path, std::move(fields), options, source.get()});
    sources.push_back(std::move(source));
  };
  using parquet::CompressionCodec;

  // Queues with their service-level goals.
  add("/genesys/queues.parquet",
      Fields({{"queue_id", kVarchar},
              {"queue_name", kVarchar},
              {"service_level_seconds", TypeId::kInteger},
              {"service_level_target", TypeId::kDouble}}),
      CompressionCodec::kSnappy,
      MakeBlocks(kQueues.size(), [&world](int64_t first, idx_t rows, DataChunk& chunk) {
        for (idx_t i = 0; i < rows; ++i) {
          auto q = static_cast<size_t>(first) + i;
          chunk.column(0).data<StringView>()[i] = Static(world.queue_id(static_cast<int>(q)));
          chunk.column(1).data<StringView>()[i] = Static(kQueues[q].name);
          chunk.column(2).data<int32_t>()[i] = kQueues[q].service_level_seconds;
          chunk.column(3).data<double>()[i] = kQueues[q].service_level_target;
        }
      }));

  // CRM customers, as the CRM holds them.
  add("/crm/crm_customer_data.parquet",
      Fields({{"customer_id", kVarchar},
              {"account_number", kVarchar},
              {"customer_name", kVarchar},
              {"phone_number", kVarchar},
              {"email", kVarchar},
              {"segment", kVarchar},
              {"region", kVarchar},
              {"created_at", kTimestamp}}),
      CompressionCodec::kSnappy,
      MakeBlocks(world.customers(), [&world](int64_t first, idx_t rows, DataChunk& chunk) {
        CustomerRecord record;
        std::string name;
        for (idx_t i = 0; i < rows; ++i) {
          world.FillCustomer(static_cast<int>(first + static_cast<int64_t>(i)), record);
          name.assign(record.first_name).append(" ").append(record.last_name);
          std::string_view values[] = {record.customer_id,  record.account_number, name,
                                       record.phone_number, record.email,          record.segment,
                                       record.region};
          for (size_t c = 0; c < 7; ++c)
            chunk.column(c).data<StringView>()[i] = chunk.column(c).AddString(values[c]);
          chunk.column(7).data<int64_t>()[i] = record.created_micros;
        }
      }));

  // ERP customers: the same people as the e-commerce platform knows them.
  add("/erp/raw_customers.parquet",
      Fields({{"customer_id", kVarchar},
              {"email", kVarchar},
              {"first_name", kVarchar},
              {"last_name", kVarchar},
              {"phone", kVarchar},
              {"address", kStringMap},
              {"created_at", kVarchar},
              {"updated_at", kVarchar},
              {"source_system", kVarchar},
              {"_ingestion_timestamp", kTimestamp}}),
      CompressionCodec::kSnappy,
      MakeBlocks(world.customers(), [&world, first_day_micros](int64_t first, idx_t rows,
                                                               DataChunk& chunk) {
        constexpr std::array<std::string_view, 3> kSources = {"shopify", "salesforce", "pos"};
        CustomerRecord record;
        std::string text;
        MapRows addresses(chunk.column(5));
        for (idx_t i = 0; i < rows; ++i) {
          auto c = static_cast<uint64_t>(first) + i;
          world.FillCustomer(static_cast<int>(c), record);
          RowRandom random(world.seed(), kCustomerSource, c);
          std::string_view values[] = {record.customer_id, record.email, record.first_name,
                                       record.last_name, record.phone_number};
          for (size_t col = 0; col < 5; ++col)
            chunk.column(col).data<StringView>()[i] = chunk.column(col).AddString(values[col]);
          addresses.Add(i, {{"street", record.street},
                            {"city", record.city},
                            {"state", record.state},
                            {"zip", record.zip},
                            {"country", "USA"}});
          int64_t updated =
              std::min(first_day_micros - kMicrosPerSecond,
                       record.created_micros + random.Uniform(0, 365) * kMicrosPerDay);
          IsoTimestamp(record.created_micros, text);
          chunk.column(6).data<StringView>()[i] = chunk.column(6).AddString(text);
          IsoTimestamp(updated, text);
          chunk.column(7).data<StringView>()[i] = chunk.column(7).AddString(text);
          chunk.column(8).data<StringView>()[i] =
              Static(kSources[static_cast<size_t>(random.Uniform(0, 2))]);
          chunk.column(9).data<int64_t>()[i] = first_day_micros + 2 * kMicrosPerHour;
        }
      }));

  add("/erp/raw_products.parquet",
      Fields({{"product_id", kVarchar},
              {"sku", kVarchar},
              {"name", kVarchar},
              {"description", kVarchar},
              {"category", kVarchar},
              {"subcategory", kVarchar},
              {"price", LogicalType::Decimal(10, 2)},
              {"cost", LogicalType::Decimal(10, 2)},
              {"stock_quantity", TypeId::kInteger},
              {"attributes", kStringMap},
              {"created_at", kTimestamp},
              {"updated_at", kTimestamp},
              {"_ingestion_timestamp", kTimestamp}}),
      CompressionCodec::kZstd,
      MakeBlocks(files.products, [&world, first_day_micros](int64_t first, idx_t rows,
                                                            DataChunk& chunk) {
        MapRows attributes(chunk.column(9));
        std::string text;
        for (idx_t i = 0; i < rows; ++i) {
          int64_t p = first + static_cast<int64_t>(i);
          Product product = MakeProduct(world, p);
          RowRandom random(world.seed(), kProductStock, static_cast<uint64_t>(p));
          auto set = [&](size_t column, std::string_view value) {
            chunk.column(column).data<StringView>()[i] = chunk.column(column).AddString(value);
          };
          set(0, FormatInto(text, "PROD-{:05}", p + 1));
          set(1, FormatInto(text, "SKU-{}-{:05}", product.entry->subcategory.substr(0, 3), p + 1));
          set(2, FormatInto(text, "{} {}", product.adjective, product.noun));
          set(3, FormatInto(text, "{} {} {} by {}.", product.adjective, product.color, product.noun,
                            product.brand));
          chunk.column(4).data<StringView>()[i] = Static(product.entry->category);
          chunk.column(5).data<StringView>()[i] = Static(product.entry->subcategory);
          chunk.column(6).data<int64_t>()[i] = product.price_cents;
          chunk.column(7).data<int64_t>()[i] = product.cost_cents;
          chunk.column(8).data<int32_t>()[i] = static_cast<int32_t>(random.Uniform(0, 500));
          attributes.Add(i, {{"color", product.color}, {"brand", product.brand}});
          int64_t created = first_day_micros - random.Uniform(30, 3 * 365) * kMicrosPerDay;
          chunk.column(10).data<int64_t>()[i] = created;
          chunk.column(11).data<int64_t>()[i] =
              std::max(created, first_day_micros - random.Uniform(1, 30) * kMicrosPerDay);
          chunk.column(12).data<int64_t>()[i] = first_day_micros + 2 * kMicrosPerHour;
        }
      }));

  // ERP orders, in order of order_date, from kOrderLeadDays before the period to its end.
  const LogicalType item = LogicalType::Row({{"product_id", kVarchar},
                                             {"quantity", TypeId::kInteger},
                                             {"unit_price", LogicalType::Decimal(10, 2)},
                                             {"discount", LogicalType::Decimal(5, 2)}});
  const int64_t orders = files.orders;
  const int64_t products = files.products;
  add("/erp/raw_orders.parquet",
      Fields({{"order_id", kVarchar},
              {"customer_id", kVarchar},
              {"order_status", kVarchar},
              {"order_date", kTimestamp},
              {"required_date", kTimestamp},
              {"shipped_date", kTimestamp},
              {"items", LogicalType::Array(item)},
              {"shipping_address", kStringMap},
              {"total_amount", LogicalType::Decimal(12, 2)},
              {"_ingestion_timestamp", kTimestamp}}),
      CompressionCodec::kSnappy,
      MakeBlocks(orders, [&world, orders, products, first_day_micros, end_micros](
                             int64_t first, idx_t rows, DataChunk& chunk) {
        const int64_t start = first_day_micros - kOrderLeadDays * kMicrosPerDay;
        const int64_t step = (end_micros - start) / std::max<int64_t>(orders, 1);
        CustomerRecord record;
        std::string text;
        MapRows addresses(chunk.column(7));
        Vector& items = chunk.column(6);
        for (idx_t i = 0; i < rows; ++i) {
          int64_t o = first + static_cast<int64_t>(i);
          RowRandom date_random(world.seed(), kOrderDate, static_cast<uint64_t>(o));
          RowRandom customer_random(world.seed(), kOrderCustomer, static_cast<uint64_t>(o));
          RowRandom item_random(world.seed(), kOrderItems, static_cast<uint64_t>(o));
          RowRandom status_random(world.seed(), kOrderStatus, static_cast<uint64_t>(o));
          int64_t ordered = start + o * step + date_random.Uniform(0, step - 1);
          ordered -= ordered % kMicrosPerSecond;
          world.FillCustomer(world.PickBuyer(customer_random), record);
          chunk.column(0).data<StringView>()[i] =
              chunk.column(0).AddString(FormatInto(text, "ORD-{:08}", o + 1));
          chunk.column(1).data<StringView>()[i] = chunk.column(1).AddString(record.customer_id);
          // Status by age at the end of the period.
          double age_days = static_cast<double>(end_micros - ordered) / kMicrosPerDay;
          double u = status_random.UniformDouble();
          std::string_view status = u < 0.04       ? "cancelled"
                                    : age_days < 1 ? (u < 0.6 ? "pending" : "processing")
                                    : age_days < 3 ? (u < 0.35 ? "processing" : "shipped")
                                    : age_days < 7 ? (u < 0.5 ? "shipped" : "delivered")
                                                   : "delivered";
          chunk.column(2).data<StringView>()[i] = Static(status);
          chunk.column(3).data<int64_t>()[i] = ordered;
          chunk.column(4).data<int64_t>()[i] = ordered / kMicrosPerDay * kMicrosPerDay +
                                               status_random.Uniform(5, 10) * kMicrosPerDay;
          if (status == "shipped" || status == "delivered") {
            chunk.column(5).data<int64_t>()[i] =
                ordered + status_random.Uniform(12, 72) * kMicrosPerHour;
          } else {
            chunk.column(5).SetNull(i);
          }
          // 1 to 5 items of popular products (a few sell most).
          constexpr std::array<int64_t, 5> kItemWeights = {50, 25, 13, 8, 4};
          int64_t pick = item_random.Uniform(0, 99);
          int count = 1;
          for (int64_t below = kItemWeights[0]; pick >= below;
               below += kItemWeights[static_cast<size_t>(count++)]) {
          }
          idx_t offset = items.list_size();
          items.ReserveListChild(offset + static_cast<idx_t>(count));
          auto& fields = items.list_child().struct_children();
          int64_t total = 0;
          for (int n = 0; n < count; ++n) {
            idx_t e = offset + static_cast<idx_t>(n);
            double u2 = item_random.UniformDouble();
            auto product_index = static_cast<int64_t>(u2 * u2 * static_cast<double>(products));
            Product product = MakeProduct(world, product_index);
            fields[0].data<StringView>()[e] =
                fields[0].AddString(FormatInto(text, "PROD-{:05}", product_index + 1));
            auto quantity = static_cast<int32_t>(item_random.Uniform(1, 3));
            constexpr std::array<int64_t, 6> kDiscounts = {0, 0, 0, 5, 10, 15};
            int64_t discount = kDiscounts[static_cast<size_t>(item_random.Uniform(0, 5))];
            fields[1].data<int32_t>()[e] = quantity;
            fields[2].data<int64_t>()[e] = product.price_cents;
            fields[3].data<int64_t>()[e] = discount;
            total += (quantity * product.price_cents * (100 - discount) + 50) / 100;
          }
          items.data<ListEntry>()[i] =
              ListEntry{static_cast<uint32_t>(offset), static_cast<uint32_t>(count)};
          items.set_list_size(offset + static_cast<idx_t>(count));
          addresses.Add(i, {{"street", record.street},
                            {"city", record.city},
                            {"state", record.state},
                            {"zip", record.zip},
                            {"country", "USA"}});
          chunk.column(8).data<int64_t>()[i] = total;
          chunk.column(9).data<int64_t>()[i] =
              ordered + status_random.Uniform(1, 120) * 60 * kMicrosPerSecond;
        }
      }));

  SB_ASSIGN_OR_RETURN(std::vector<ParquetBlockOutputResult> written,
                      WriteParquetBlocks(outputs, threads, threads.threads() + 1));
  for (const ParquetBlockOutputResult& result : written) {
    files.files += 1;
    files.bytes += result.bytes;
  }
  SB_RETURN_IF_ERROR(WriteCrmSqliteAndCsv(world, dir + "/crm", files));
  return files;
}

}  // namespace switchboard
