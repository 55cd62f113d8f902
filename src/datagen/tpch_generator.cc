// The TPC-H tables of clause 4.2.3, generated column by column in blocks of rows. Every value
// is drawn from RowRandom(seed, column stream, row), so a block's contents depend only on its
// position.
#include "datagen/tpch_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <string>

#include "common/thread_pool.h"
#include "datagen/column_text.h"
#include "datagen/parquet_block_writer.h"
#include "datagen/random.h"
#include "datagen/tpch_text_pool.h"
#include "datagen/weighted_list.h"
#include "fs/file_system.h"
#include "types/datetime.h"

namespace switchboard {

namespace {

// One random stream per generated column (and per auxiliary draw).
enum Stream : uint64_t {
  kPartName = 1,
  kPartMfgr,
  kPartBrand,
  kPartType,
  kPartSize,
  kPartContainer,
  kPartComment,
  kSupplierAddress,
  kSupplierNation,
  kSupplierPhone,
  kSupplierBalance,
  kSupplierComment,
  kSupplierPress,
  kPartsuppQuantity,
  kPartsuppCost,
  kPartsuppComment,
  kCustomerAddress,
  kCustomerNation,
  kCustomerPhone,
  kCustomerBalance,
  kCustomerSegment,
  kCustomerComment,
  kOrderCustomer,
  kOrderDate,
  kOrderPriority,
  kOrderClerk,
  kOrderComment,
  kOrderLineCount,
  kLinePart,
  kLineSupplier,
  kLineQuantity,
  kLineDiscount,
  kLineTax,
  kLineShipDate,
  kLineCommitDate,
  kLineReceiptDate,
  kLineReturnFlag,
  kLineInstruction,
  kLineMode,
  kLineComment,
  kNationComment,
  kRegionComment,
};

// Clause 4.2.2.13 lists.
constexpr std::array<std::string_view, 92> kColors = {
    "almond",   "antique",   "aquamarine", "azure",      "beige",     "bisque",    "black",
    "blanched", "blue",      "blush",      "brown",      "burlywood", "burnished", "chartreuse",
    "chiffon",  "chocolate", "coral",      "cornflower", "cornsilk",  "cream",     "cyan",
    "dark",     "deep",      "dim",        "dodger",     "drab",      "firebrick", "floral",
    "forest",   "frosted",   "gainsboro",  "ghost",      "goldenrod", "green",     "grey",
    "honeydew", "hot",       "indian",     "ivory",      "khaki",     "lace",      "lavender",
    "lawn",     "lemon",     "light",      "lime",       "linen",     "magenta",   "maroon",
    "medium",   "metallic",  "midnight",   "mint",       "misty",     "moccasin",  "navajo",
    "navy",     "olive",     "orange",     "orchid",     "pale",      "papaya",    "peach",
    "peru",     "pink",      "plum",       "powder",     "puff",      "purple",    "red",
    "rose",     "rosy",      "royal",      "saddle",     "salmon",    "sandy",     "seashell",
    "sienna",   "sky",       "slate",      "smoke",      "snow",      "spring",    "steel",
    "tan",      "thistle",   "tomato",     "turquoise",  "violet",    "wheat",     "white",
    "yellow"};
constexpr std::array<std::string_view, 6> kTypeSyllable1 = {"STANDARD", "SMALL",   "MEDIUM",
                                                            "LARGE",    "ECONOMY", "PROMO"};
constexpr std::array<std::string_view, 5> kTypeSyllable2 = {"ANODIZED", "BURNISHED", "PLATED",
                                                            "POLISHED", "BRUSHED"};
constexpr std::array<std::string_view, 5> kTypeSyllable3 = {"TIN", "NICKEL", "BRASS", "STEEL",
                                                            "COPPER"};
constexpr std::array<std::string_view, 5> kContainerSyllable1 = {"SM", "LG", "MED", "JUMBO",
                                                                 "WRAP"};
constexpr std::array<std::string_view, 8> kContainerSyllable2 = {"CASE", "BOX",  "BAG", "JAR",
                                                                 "PKG",  "PACK", "CAN", "DRUM"};
constexpr std::array<std::string_view, 5> kSegments = {"AUTOMOBILE", "BUILDING", "FURNITURE",
                                                       "MACHINERY", "HOUSEHOLD"};
constexpr std::array<std::string_view, 5> kPriorities = {"1-URGENT", "2-HIGH", "3-MEDIUM",
                                                         "4-NOT SPECIFIED", "5-LOW"};
constexpr std::array<std::string_view, 4> kInstructions = {"DELIVER IN PERSON", "COLLECT COD",
                                                           "NONE", "TAKE BACK RETURN"};
constexpr std::array<std::string_view, 7> kModes = {"REG AIR", "AIR",  "RAIL", "SHIP",
                                                    "TRUCK",   "MAIL", "FOB"};

// Clause 4.2.3: nations with their regions.
struct NationRow {
  std::string_view name;
  int32_t region;
};
constexpr std::array<NationRow, 25> kNations = {{
    {"ALGERIA", 0},       {"ARGENTINA", 1}, {"BRAZIL", 1}, {"CANADA", 1},
    {"EGYPT", 4},         {"ETHIOPIA", 0},  {"FRANCE", 3}, {"GERMANY", 3},
    {"INDIA", 2},         {"INDONESIA", 2}, {"IRAN", 4},   {"IRAQ", 4},
    {"JAPAN", 2},         {"JORDAN", 4},    {"KENYA", 0},  {"MOROCCO", 0},
    {"MOZAMBIQUE", 0},    {"PERU", 1},      {"CHINA", 2},  {"ROMANIA", 3},
    {"SAUDI ARABIA", 4},  {"VIETNAM", 2},   {"RUSSIA", 3}, {"UNITED KINGDOM", 3},
    {"UNITED STATES", 1},
}};
constexpr std::array<std::string_view, 5> kRegions = {"AFRICA", "AMERICA", "ASIA", "EUROPE",
                                                      "MIDDLE EAST"};

// 64 symbols for random v-strings (clause 4.2.2.7).
constexpr std::string_view kVStringAlphabet =
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ, ";
static_assert(kVStringAlphabet.size() == 64);

// The 150 part types (all syllable combinations), built once.
const std::vector<std::string>& PartTypes() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> all;
    for (auto a : kTypeSyllable1) {
      for (auto b : kTypeSyllable2) {
        for (auto c : kTypeSyllable3) all.push_back(fmt::format("{} {} {}", a, b, c));
      }
    }
    return all;
  }();
  return types;
}

const std::vector<std::string>& Containers() {
  static const std::vector<std::string> containers = [] {
    std::vector<std::string> all;
    for (auto a : kContainerSyllable1) {
      for (auto b : kContainerSyllable2) all.push_back(fmt::format("{} {}", a, b));
    }
    return all;
  }();
  return containers;
}

// Clause 4.2.2.12 dates, as days since 1970-01-01.
const int32_t kStartDate = Date::FromCivil(1992, 1, 1);
const int32_t kCurrentDate = Date::FromCivil(1995, 6, 17);
const int32_t kEndDate = Date::FromCivil(1998, 12, 31);

constexpr idx_t kBlockRows = 8192;
constexpr int kMaxLinesPerOrder = 7;

const LogicalType kMoney = LogicalType::Decimal(15, 2);

// Scale-dependent sizes shared by every table's generator.
struct TpchScale {
  uint64_t seed;
  int64_t parts;
  int64_t suppliers;
  int64_t customers;
  int64_t orders;
  int64_t clerks;
  const TpchTextPool* text;
};

int64_t Scaled(int64_t base, double scale_factor) {
  return std::max<int64_t>(1, std::llround(static_cast<double>(base) * scale_factor));
}

// Clause 4.2.3: P_RETAILPRICE in cents.
int64_t RetailPriceCents(int64_t partkey) {
  return 90000 + (partkey / 10) % 20001 + 100 * (partkey % 1000);
}

// Clause 4.2.3: the i-th (0..3) supplier of a part.
int64_t PartSupplier(int64_t partkey, int64_t i, int64_t suppliers) {
  return (partkey + i * (suppliers / 4 + (partkey - 1) / suppliers)) % suppliers + 1;
}

// Clause 4.2.3: order keys are sparse, the first 8 of every 32.
int64_t OrderKey(int64_t order_index) {
  int64_t n = order_index + 1;
  return ((n >> 3) << 5) | (n & 7);
}

// The values of order `order`'s lines that ORDERS aggregates, drawn as LINEITEM draws them.
// RowRandom rows of a line are order * 8 + line number.
struct LineDraws {
  const TpchScale& scale;

  int LineCount(int64_t order) const {
    RowRandom random(scale.seed, kOrderLineCount, static_cast<uint64_t>(order));
    return static_cast<int>(random.Uniform(1, kMaxLinesPerOrder));
  }
  int32_t OrderDate(int64_t order) const {
    RowRandom random(scale.seed, kOrderDate, static_cast<uint64_t>(order));
    return static_cast<int32_t>(random.Uniform(kStartDate, kEndDate - 151));
  }
  int64_t Draw(Stream stream, uint64_t line_row, int64_t low, int64_t high) const {
    RowRandom random(scale.seed, stream, line_row);
    return random.Uniform(low, high);
  }
  int64_t Part(uint64_t line_row) const { return Draw(kLinePart, line_row, 1, scale.parts); }
  int64_t Quantity(uint64_t line_row) const { return Draw(kLineQuantity, line_row, 1, 50); }
  int64_t Discount(uint64_t line_row) const { return Draw(kLineDiscount, line_row, 0, 10); }
  int64_t Tax(uint64_t line_row) const { return Draw(kLineTax, line_row, 0, 8); }
  int32_t ShipDate(uint64_t line_row, int32_t order_date) const {
    return order_date + static_cast<int32_t>(Draw(kLineShipDate, line_row, 1, 121));
  }
};

uint64_t LineRow(int64_t order, int line_number) {
  return static_cast<uint64_t>(order) * 8 + static_cast<uint64_t>(line_number);
}

// Fills a column with a string that is a pure function of the key, through `write(out, key)`
// returning the end of what it wrote (at most max_length bytes).
template <typename Write>
void FormatColumn(Vector& column, idx_t rows, size_t max_length, int64_t first_key, Write write) {
  ColumnTextWriter text(column, rows * max_length);
  for (idx_t i = 0; i < rows; ++i) {
    char* end = write(text.cursor(), first_key + static_cast<int64_t>(i));
    text.Commit(i, static_cast<size_t>(end - text.cursor()));
  }
}

char* WriteKeyName(char* out, std::string_view prefix, int64_t key) {
  return WriteZeroPadded(WriteText(out, prefix), static_cast<uint64_t>(key), 9);
}

// Clause 4.2.2.9: country code (nation key + 10) and three random groups.
char* WritePhone(char* out, int32_t nation, RowRandom& random) {
  out = WriteZeroPadded(out, static_cast<uint64_t>(nation + 10), 2);
  *out++ = '-';
  out = WriteZeroPadded(out, static_cast<uint64_t>(random.Uniform(100, 999)), 3);
  *out++ = '-';
  out = WriteZeroPadded(out, static_cast<uint64_t>(random.Uniform(100, 999)), 3);
  *out++ = '-';
  return WriteZeroPadded(out, static_cast<uint64_t>(random.Uniform(1000, 9999)), 4);
}

char* WriteVString(char* out, RowRandom& random, int min_length, int max_length) {
  auto length = static_cast<int>(random.Uniform(min_length, max_length));
  uint64_t bits = 0;
  for (int i = 0; i < length; ++i) {
    if (i % 10 == 0) bits = random.Next();
    out[i] = kVStringAlphabet[bits & 63];
    bits >>= 6;
  }
  return out + length;
}

// Column helpers over keys first_key .. first_key + rows - 1.
void FillRandomInt32(Vector& column, idx_t rows, uint64_t seed, Stream stream, int64_t first_row,
                     int64_t low, int64_t high) {
  auto* out = column.data<int32_t>();
  for (idx_t i = 0; i < rows; ++i) {
    RowRandom random(seed, stream, static_cast<uint64_t>(first_row) + i);
    out[i] = static_cast<int32_t>(random.Uniform(low, high));
  }
}

void FillRandomInt64(Vector& column, idx_t rows, uint64_t seed, Stream stream, int64_t first_row,
                     int64_t low, int64_t high) {
  auto* out = column.data<int64_t>();
  for (idx_t i = 0; i < rows; ++i) {
    RowRandom random(seed, stream, static_cast<uint64_t>(first_row) + i);
    out[i] = random.Uniform(low, high);
  }
}

void FillKeys(Vector& column, idx_t rows, int64_t first_key) {
  auto* out = column.data<int32_t>();
  for (idx_t i = 0; i < rows; ++i)
    out[i] = static_cast<int32_t>(first_key + static_cast<int64_t>(i));
}

// Picks from a list of strings with static storage, uniformly (the values are not copied).
template <typename List>
void FillPick(Vector& column, idx_t rows, uint64_t seed, Stream stream, int64_t first_row,
              const List& list) {
  auto* out = column.data<StringView>();
  for (idx_t i = 0; i < rows; ++i) {
    RowRandom random(seed, stream, static_cast<uint64_t>(first_row) + i);
    std::string_view value =
        list[static_cast<size_t>(random.Uniform(0, static_cast<int64_t>(list.size()) - 1))];
    out[i] = StringView(value.data(), static_cast<uint32_t>(value.size()));
  }
}

// Comments: substrings of the text pool, which outlives every block (not copied).
void FillComment(Vector& column, idx_t rows, const TpchScale& scale, Stream stream,
                 int64_t first_row, int min_length, int max_length) {
  auto* out = column.data<StringView>();
  for (idx_t i = 0; i < rows; ++i) {
    RowRandom random(scale.seed, stream, static_cast<uint64_t>(first_row) + i);
    std::string_view text = scale.text->Substring(random, min_length, max_length);
    out[i] = StringView(text.data(), static_cast<uint32_t>(text.size()));
  }
}

// A table whose rows are numbered 0..rows-1 and generated kBlockRows at a time.
class KeyedTable : public BlockSource {
 public:
  KeyedTable(const TpchScale& scale, int64_t rows) : scale_(scale), rows_(rows) {}
  size_t BlockCount() const override {
    return static_cast<size_t>((rows_ + static_cast<int64_t>(kBlockRows) - 1) /
                               static_cast<int64_t>(kBlockRows));
  }
  idx_t MaxBlockRows() const override { return kBlockRows; }
  void Generate(size_t block, DataChunk& chunk) const override {
    int64_t first = static_cast<int64_t>(block * kBlockRows);
    auto rows =
        static_cast<idx_t>(std::min<int64_t>(static_cast<int64_t>(kBlockRows), rows_ - first));
    GenerateRows(first, rows, chunk);
    chunk.SetSize(rows);
  }

 protected:
  /// Fills rows [first, first + rows) (keys first + 1 ...).
  virtual void GenerateRows(int64_t first, idx_t rows, DataChunk& chunk) const = 0;

  const TpchScale& scale_;
  int64_t rows_;
};

class PartTable final : public KeyedTable {
 public:
  explicit PartTable(const TpchScale& scale) : KeyedTable(scale, scale.parts) {}

 private:
  void GenerateRows(int64_t first, idx_t rows, DataChunk& chunk) const override {
    const uint64_t seed = scale_.seed;
    FillKeys(chunk.column(0), rows, first + 1);
    // P_NAME: five distinct colors.
    FormatColumn(chunk.column(1), rows, 5 * 11, first + 1, [&](char* out, int64_t key) {
      RowRandom random(seed, kPartName, static_cast<uint64_t>(key - 1));
      std::array<int64_t, 5> picked;
      for (size_t word = 0; word < picked.size(); ++word) {
        int64_t color;
        do {
          color = random.Uniform(0, kColors.size() - 1);
        } while (std::find(picked.begin(), picked.begin() + word, color) != picked.begin() + word);
        picked[word] = color;
        if (word > 0) *out++ = ' ';
        out = WriteText(out, kColors[static_cast<size_t>(color)]);
      }
      return out;
    });
    // P_MFGR "Manufacturer#M" and P_BRAND "Brand#MN".
    auto manufacturer = [&](int64_t key) {
      RowRandom random(seed, kPartMfgr, static_cast<uint64_t>(key - 1));
      return static_cast<uint64_t>(random.Uniform(1, 5));
    };
    FormatColumn(chunk.column(2), rows, 14, first + 1, [&](char* out, int64_t key) {
      return WriteDecimal(WriteText(out, "Manufacturer#"), manufacturer(key));
    });
    FormatColumn(chunk.column(3), rows, 8, first + 1, [&](char* out, int64_t key) {
      RowRandom random(seed, kPartBrand, static_cast<uint64_t>(key - 1));
      out = WriteDecimal(WriteText(out, "Brand#"), manufacturer(key));
      return WriteDecimal(out, static_cast<uint64_t>(random.Uniform(1, 5)));
    });
    FillPick(chunk.column(4), rows, seed, kPartType, first, PartTypes());
    FillRandomInt32(chunk.column(5), rows, seed, kPartSize, first, 1, 50);
    FillPick(chunk.column(6), rows, seed, kPartContainer, first, Containers());
    auto* price = chunk.column(7).data<int64_t>();
    for (idx_t i = 0; i < rows; ++i)
      price[i] = RetailPriceCents(first + 1 + static_cast<int64_t>(i));
    FillComment(chunk.column(8), rows, scale_, kPartComment, first, 5, 22);
  }
};

// Writes S_NAME/C_NAME, address, nation, phone and balance, the columns SUPPLIER and CUSTOMER
// share (columns 1..5 of both).
void FillParty(const TpchScale& scale, std::string_view name_prefix, Stream address, Stream nation,
               Stream phone, Stream balance, int64_t first, idx_t rows, DataChunk& chunk) {
  FillKeys(chunk.column(0), rows, first + 1);
  FormatColumn(chunk.column(1), rows, name_prefix.size() + 9, first + 1,
               [&](char* out, int64_t key) { return WriteKeyName(out, name_prefix, key); });
  FormatColumn(chunk.column(2), rows, 40, first + 1, [&](char* out, int64_t key) {
    RowRandom random(scale.seed, address, static_cast<uint64_t>(key - 1));
    return WriteVString(out, random, 10, 40);
  });
  FillRandomInt32(chunk.column(3), rows, scale.seed, nation, first, 0, 24);
  const int32_t* nations = chunk.column(3).data<int32_t>();
  FormatColumn(chunk.column(4), rows, 15, first + 1, [&](char* out, int64_t key) {
    RowRandom random(scale.seed, phone, static_cast<uint64_t>(key - 1));
    return WritePhone(out, nations[key - 1 - first], random);
  });
  FillRandomInt64(chunk.column(5), rows, scale.seed, balance, first, -99999, 999999);
}

class SupplierTable final : public KeyedTable {
 public:
  explicit SupplierTable(const TpchScale& scale) : KeyedTable(scale, scale.suppliers) {}

 private:
  // Clause 4.2.3: SF * 5 suppliers carry "Customer ... Complaints" in S_COMMENT and another
  // SF * 5 "Customer ... Recommends". One supplier in every stratum of kPressStratum is chosen,
  // strata alternating between the two.
  static constexpr int64_t kPressStratum = 1000;

  void GenerateRows(int64_t first, idx_t rows, DataChunk& chunk) const override {
    FillParty(scale_, "Supplier#", kSupplierAddress, kSupplierNation, kSupplierPhone,
              kSupplierBalance, first, rows, chunk);
    FillComment(chunk.column(6), rows, scale_, kSupplierComment, first, 25, 100);
    auto* comments = chunk.column(6).data<StringView>();
    for (idx_t i = 0; i < rows; ++i) {
      int64_t row = first + static_cast<int64_t>(i);
      int64_t stratum = row / kPressStratum;
      RowRandom random(scale_.seed, kSupplierPress, static_cast<uint64_t>(stratum));
      if (random.Uniform(0, kPressStratum - 1) != row % kPressStratum) continue;
      std::string_view verdict = stratum % 2 == 0 ? "Complaints" : "Recommends";
      comments[i] = PressComment(comments[i].view(), verdict, random, chunk.column(6));
    }
  }

  static StringView PressComment(std::string_view comment, std::string_view verdict,
                                 RowRandom& random, Vector& column) {
    constexpr std::string_view kCustomer = "Customer ";
    auto length = static_cast<int64_t>(comment.size());
    auto fixed = static_cast<int64_t>(kCustomer.size() + verdict.size());
    int64_t gap = random.Uniform(0, length - fixed);
    int64_t offset = random.Uniform(0, length - fixed - gap);
    char* out = column.string_heap().Allocate(comment.size());
    std::memcpy(out, comment.data(), comment.size());
    std::memcpy(out + offset, kCustomer.data(), kCustomer.size());
    std::memcpy(out + offset + static_cast<int64_t>(kCustomer.size()) + gap, verdict.data(),
                verdict.size());
    return StringView(out, static_cast<uint32_t>(comment.size()));
  }
};

class PartsuppTable final : public BlockSource {
 public:
  explicit PartsuppTable(const TpchScale& scale) : scale_(scale) {}
  size_t BlockCount() const override {
    return static_cast<size_t>((scale_.parts + kPartsPerBlock - 1) / kPartsPerBlock);
  }
  idx_t MaxBlockRows() const override { return kPartsPerBlock * 4; }
  void Generate(size_t block, DataChunk& chunk) const override {
    int64_t first_part = static_cast<int64_t>(block) * kPartsPerBlock;
    int64_t parts = std::min<int64_t>(kPartsPerBlock, scale_.parts - first_part);
    auto rows = static_cast<idx_t>(parts * 4);
    int64_t first_row = first_part * 4;
    auto* partkeys = chunk.column(0).data<int32_t>();
    auto* suppkeys = chunk.column(1).data<int32_t>();
    for (idx_t i = 0; i < rows; ++i) {
      int64_t partkey = first_part + static_cast<int64_t>(i / 4) + 1;
      partkeys[i] = static_cast<int32_t>(partkey);
      suppkeys[i] = static_cast<int32_t>(
          PartSupplier(partkey, static_cast<int64_t>(i % 4), scale_.suppliers));
    }
    FillRandomInt32(chunk.column(2), rows, scale_.seed, kPartsuppQuantity, first_row, 1, 9999);
    FillRandomInt64(chunk.column(3), rows, scale_.seed, kPartsuppCost, first_row, 100, 100000);
    FillComment(chunk.column(4), rows, scale_, kPartsuppComment, first_row, 49, 198);
    chunk.SetSize(rows);
  }

 private:
  static constexpr int64_t kPartsPerBlock = kBlockRows / 4;
  const TpchScale& scale_;
};

class CustomerTable final : public KeyedTable {
 public:
  explicit CustomerTable(const TpchScale& scale) : KeyedTable(scale, scale.customers) {}

 private:
  void GenerateRows(int64_t first, idx_t rows, DataChunk& chunk) const override {
    FillParty(scale_, "Customer#", kCustomerAddress, kCustomerNation, kCustomerPhone,
              kCustomerBalance, first, rows, chunk);
    FillPick(chunk.column(6), rows, scale_.seed, kCustomerSegment, first, kSegments);
    FillComment(chunk.column(7), rows, scale_, kCustomerComment, first, 29, 116);
  }
};

class OrdersTable final : public KeyedTable {
 public:
  explicit OrdersTable(const TpchScale& scale) : KeyedTable(scale, scale.orders) {}

 private:
  void GenerateRows(int64_t first, idx_t rows, DataChunk& chunk) const override {
    const uint64_t seed = scale_.seed;
    const LineDraws lines{scale_};
    auto* keys = chunk.column(0).data<int32_t>();
    for (idx_t i = 0; i < rows; ++i)
      keys[i] = static_cast<int32_t>(OrderKey(first + static_cast<int64_t>(i)));
    // O_CUSTKEY: customers whose key is a multiple of 3 place no orders.
    auto* customers = chunk.column(1).data<int32_t>();
    int64_t eligible = scale_.customers - scale_.customers / 3;
    for (idx_t i = 0; i < rows; ++i) {
      RowRandom random(seed, kOrderCustomer, static_cast<uint64_t>(first) + i);
      int64_t n = random.Uniform(0, eligible - 1);
      customers[i] = static_cast<int32_t>(n + n / 2 + 1);
    }
    // O_ORDERSTATUS and O_TOTALPRICE from the order's lines.
    auto* statuses = chunk.column(2).data<StringView>();
    auto* totals = chunk.column(3).data<int64_t>();
    auto* dates = chunk.column(4).data<int32_t>();
    for (idx_t i = 0; i < rows; ++i) {
      int64_t order = first + static_cast<int64_t>(i);
      int32_t order_date = lines.OrderDate(order);
      int line_count = lines.LineCount(order);
      int shipped = 0;
      int64_t total = 0;
      for (int line = 1; line <= line_count; ++line) {
        uint64_t row = LineRow(order, line);
        int64_t price = lines.Quantity(row) * RetailPriceCents(lines.Part(row));
        total += (price * (100 - lines.Discount(row)) / 100) * (100 + lines.Tax(row)) / 100;
        shipped += lines.ShipDate(row, order_date) <= kCurrentDate;
      }
      statuses[i] = StringView(shipped == line_count ? "F" : (shipped == 0 ? "O" : "P"), 1);
      totals[i] = total;
      dates[i] = order_date;
    }
    FillPick(chunk.column(5), rows, seed, kOrderPriority, first, kPriorities);
    FormatColumn(chunk.column(6), rows, 15, first, [&](char* out, int64_t order) {
      RowRandom random(seed, kOrderClerk, static_cast<uint64_t>(order));
      return WriteKeyName(out, "Clerk#", random.Uniform(1, scale_.clerks));
    });
    auto* ship_priority = chunk.column(7).data<int32_t>();
    std::fill(ship_priority, ship_priority + rows, 0);
    FillComment(chunk.column(8), rows, scale_, kOrderComment, first, 19, 78);
  }
};

class LineitemTable final : public BlockSource {
 public:
  explicit LineitemTable(const TpchScale& scale) : scale_(scale) {}
  size_t BlockCount() const override {
    return static_cast<size_t>((scale_.orders + static_cast<int64_t>(kBlockRows) - 1) /
                               static_cast<int64_t>(kBlockRows));
  }
  idx_t MaxBlockRows() const override { return kBlockRows * kMaxLinesPerOrder; }

  void Generate(size_t block, DataChunk& chunk) const override {
    const uint64_t seed = scale_.seed;
    const LineDraws lines{scale_};
    int64_t first_order = static_cast<int64_t>(block * kBlockRows);
    int64_t orders =
        std::min<int64_t>(static_cast<int64_t>(kBlockRows), scale_.orders - first_order);
    // The random-stream row of every line, its order key and number; the order dates.
    std::vector<uint64_t> line_rows;
    std::vector<int32_t> order_dates;
    line_rows.reserve(static_cast<size_t>(orders) * kMaxLinesPerOrder);
    order_dates.reserve(line_rows.capacity());
    auto* orderkeys = chunk.column(0).data<int32_t>();
    auto* numbers = chunk.column(3).data<int32_t>();
    for (int64_t order = first_order; order < first_order + orders; ++order) {
      int32_t order_date = lines.OrderDate(order);
      auto key = static_cast<int32_t>(OrderKey(order));
      int line_count = lines.LineCount(order);
      for (int line = 1; line <= line_count; ++line) {
        orderkeys[line_rows.size()] = key;
        numbers[line_rows.size()] = line;
        order_dates.push_back(order_date);
        line_rows.push_back(LineRow(order, line));
      }
    }
    const idx_t rows = line_rows.size();
    auto* parts = chunk.column(1).data<int32_t>();
    auto* suppliers = chunk.column(2).data<int32_t>();
    auto* quantities = chunk.column(4).data<int64_t>();
    auto* prices = chunk.column(5).data<int64_t>();
    auto* discounts = chunk.column(6).data<int64_t>();
    auto* taxes = chunk.column(7).data<int64_t>();
    for (idx_t i = 0; i < rows; ++i) parts[i] = static_cast<int32_t>(lines.Part(line_rows[i]));
    for (idx_t i = 0; i < rows; ++i) {
      RowRandom random(seed, kLineSupplier, line_rows[i]);
      suppliers[i] =
          static_cast<int32_t>(PartSupplier(parts[i], random.Uniform(0, 3), scale_.suppliers));
    }
    for (idx_t i = 0; i < rows; ++i) quantities[i] = lines.Quantity(line_rows[i]) * 100;
    for (idx_t i = 0; i < rows; ++i) prices[i] = quantities[i] / 100 * RetailPriceCents(parts[i]);
    for (idx_t i = 0; i < rows; ++i) discounts[i] = lines.Discount(line_rows[i]);
    for (idx_t i = 0; i < rows; ++i) taxes[i] = lines.Tax(line_rows[i]);
    auto* ship = chunk.column(10).data<int32_t>();
    auto* commit = chunk.column(11).data<int32_t>();
    auto* receipt = chunk.column(12).data<int32_t>();
    for (idx_t i = 0; i < rows; ++i) ship[i] = lines.ShipDate(line_rows[i], order_dates[i]);
    for (idx_t i = 0; i < rows; ++i) {
      RowRandom random(seed, kLineCommitDate, line_rows[i]);
      commit[i] = order_dates[i] + static_cast<int32_t>(random.Uniform(30, 90));
    }
    for (idx_t i = 0; i < rows; ++i) {
      RowRandom random(seed, kLineReceiptDate, line_rows[i]);
      receipt[i] = ship[i] + static_cast<int32_t>(random.Uniform(1, 30));
    }
    // L_RETURNFLAG: R or A once received by the current date, else N; L_LINESTATUS: O for
    // lines shipped after it, else F.
    auto* flags = chunk.column(8).data<StringView>();
    auto* statuses = chunk.column(9).data<StringView>();
    for (idx_t i = 0; i < rows; ++i) {
      RowRandom random(seed, kLineReturnFlag, line_rows[i]);
      const char* flag = receipt[i] <= kCurrentDate ? (random.Uniform(0, 1) == 0 ? "R" : "A") : "N";
      flags[i] = StringView(flag, 1);
    }
    for (idx_t i = 0; i < rows; ++i)
      statuses[i] = StringView(ship[i] > kCurrentDate ? "O" : "F", 1);
    FillPickByRow(chunk.column(13), line_rows, kLineInstruction, kInstructions);
    FillPickByRow(chunk.column(14), line_rows, kLineMode, kModes);
    auto* comments = chunk.column(15).data<StringView>();
    for (idx_t i = 0; i < rows; ++i) {
      RowRandom random(seed, kLineComment, line_rows[i]);
      std::string_view text = scale_.text->Substring(random, 10, 43);
      comments[i] = StringView(text.data(), static_cast<uint32_t>(text.size()));
    }
    chunk.SetSize(rows);
  }

 private:
  template <typename List>
  void FillPickByRow(Vector& column, const std::vector<uint64_t>& line_rows, Stream stream,
                     const List& list) const {
    auto* out = column.data<StringView>();
    for (size_t i = 0; i < line_rows.size(); ++i) {
      RowRandom random(scale_.seed, stream, line_rows[i]);
      std::string_view value =
          list[static_cast<size_t>(random.Uniform(0, static_cast<int64_t>(list.size()) - 1))];
      out[i] = StringView(value.data(), static_cast<uint32_t>(value.size()));
    }
  }

  const TpchScale& scale_;
};

class NationTable final : public KeyedTable {
 public:
  explicit NationTable(const TpchScale& scale) : KeyedTable(scale, kNations.size()) {}

 private:
  void GenerateRows(int64_t first, idx_t rows, DataChunk& chunk) const override {
    auto* keys = chunk.column(0).data<int32_t>();
    auto* names = chunk.column(1).data<StringView>();
    auto* regions = chunk.column(2).data<int32_t>();
    for (idx_t i = 0; i < rows; ++i) {
      const NationRow& nation = kNations[static_cast<size_t>(first) + i];
      keys[i] = static_cast<int32_t>(first + static_cast<int64_t>(i));
      names[i] = StringView(nation.name.data(), static_cast<uint32_t>(nation.name.size()));
      regions[i] = nation.region;
    }
    FillComment(chunk.column(3), rows, scale_, kNationComment, first, 31, 114);
  }
};

class RegionTable final : public KeyedTable {
 public:
  explicit RegionTable(const TpchScale& scale) : KeyedTable(scale, kRegions.size()) {}

 private:
  void GenerateRows(int64_t first, idx_t rows, DataChunk& chunk) const override {
    auto* keys = chunk.column(0).data<int32_t>();
    auto* names = chunk.column(1).data<StringView>();
    for (idx_t i = 0; i < rows; ++i) {
      std::string_view name = kRegions[static_cast<size_t>(first) + i];
      keys[i] = static_cast<int32_t>(first + static_cast<int64_t>(i));
      names[i] = StringView(name.data(), static_cast<uint32_t>(name.size()));
    }
    FillComment(chunk.column(2), rows, scale_, kRegionComment, first, 31, 115);
  }
};

// Column names and types of each table, as in ../shared/testdata/tpch.
std::vector<parquet::ParquetWriterField> TableFields(TpchTable table) {
  const LogicalType integer = TypeId::kInteger;
  const LogicalType varchar = LogicalType::Varchar();
  const LogicalType date = TypeId::kDate;
  auto fields = [](std::initializer_list<std::pair<const char*, LogicalType>> columns) {
    std::vector<parquet::ParquetWriterField> result;
    for (const auto& [name, type] : columns) result.emplace_back(name, type);
    return result;
  };
  switch (table) {
    case TpchTable::kPart:
      return fields({{"p_partkey", integer},
                     {"p_name", varchar},
                     {"p_mfgr", varchar},
                     {"p_brand", varchar},
                     {"p_type", varchar},
                     {"p_size", integer},
                     {"p_container", varchar},
                     {"p_retailprice", kMoney},
                     {"p_comment", varchar}});
    case TpchTable::kSupplier:
      return fields({{"s_suppkey", integer},
                     {"s_name", varchar},
                     {"s_address", varchar},
                     {"s_nationkey", integer},
                     {"s_phone", varchar},
                     {"s_acctbal", kMoney},
                     {"s_comment", varchar}});
    case TpchTable::kPartsupp:
      return fields({{"ps_partkey", integer},
                     {"ps_suppkey", integer},
                     {"ps_availqty", integer},
                     {"ps_supplycost", kMoney},
                     {"ps_comment", varchar}});
    case TpchTable::kCustomer:
      return fields({{"c_custkey", integer},
                     {"c_name", varchar},
                     {"c_address", varchar},
                     {"c_nationkey", integer},
                     {"c_phone", varchar},
                     {"c_acctbal", kMoney},
                     {"c_mktsegment", varchar},
                     {"c_comment", varchar}});
    case TpchTable::kOrders:
      return fields({{"o_orderkey", integer},
                     {"o_custkey", integer},
                     {"o_orderstatus", varchar},
                     {"o_totalprice", kMoney},
                     {"o_orderdate", date},
                     {"o_orderpriority", varchar},
                     {"o_clerk", varchar},
                     {"o_shippriority", integer},
                     {"o_comment", varchar}});
    case TpchTable::kLineitem:
      return fields({{"l_orderkey", integer},
                     {"l_partkey", integer},
                     {"l_suppkey", integer},
                     {"l_linenumber", integer},
                     {"l_quantity", kMoney},
                     {"l_extendedprice", kMoney},
                     {"l_discount", kMoney},
                     {"l_tax", kMoney},
                     {"l_returnflag", varchar},
                     {"l_linestatus", varchar},
                     {"l_shipdate", date},
                     {"l_commitdate", date},
                     {"l_receiptdate", date},
                     {"l_shipinstruct", varchar},
                     {"l_shipmode", varchar},
                     {"l_comment", varchar}});
    case TpchTable::kNation:
      return fields({{"n_nationkey", integer},
                     {"n_name", varchar},
                     {"n_regionkey", integer},
                     {"n_comment", varchar}});
    case TpchTable::kRegion:
      return fields({{"r_regionkey", integer}, {"r_name", varchar}, {"r_comment", varchar}});
  }
  return {};
}

std::unique_ptr<BlockSource> MakeSource(TpchTable table, const TpchScale& scale) {
  switch (table) {
    case TpchTable::kPart:
      return std::make_unique<PartTable>(scale);
    case TpchTable::kSupplier:
      return std::make_unique<SupplierTable>(scale);
    case TpchTable::kPartsupp:
      return std::make_unique<PartsuppTable>(scale);
    case TpchTable::kCustomer:
      return std::make_unique<CustomerTable>(scale);
    case TpchTable::kOrders:
      return std::make_unique<OrdersTable>(scale);
    case TpchTable::kLineitem:
      return std::make_unique<LineitemTable>(scale);
    case TpchTable::kNation:
      return std::make_unique<NationTable>(scale);
    case TpchTable::kRegion:
      return std::make_unique<RegionTable>(scale);
  }
  return nullptr;
}

}  // namespace

const std::vector<TpchTable>& AllTpchTables() {
  static const std::vector<TpchTable> tables = {
      TpchTable::kPart,   TpchTable::kSupplier, TpchTable::kPartsupp, TpchTable::kCustomer,
      TpchTable::kOrders, TpchTable::kLineitem, TpchTable::kNation,   TpchTable::kRegion};
  return tables;
}

std::string_view TpchTableName(TpchTable table) {
  switch (table) {
    case TpchTable::kPart:
      return "part";
    case TpchTable::kSupplier:
      return "supplier";
    case TpchTable::kPartsupp:
      return "partsupp";
    case TpchTable::kCustomer:
      return "customer";
    case TpchTable::kOrders:
      return "orders";
    case TpchTable::kLineitem:
      return "lineitem";
    case TpchTable::kNation:
      return "nation";
    case TpchTable::kRegion:
      return "region";
  }
  return "";
}

int64_t TpchBaseRowCount(TpchTable table, double scale_factor) {
  switch (table) {
    case TpchTable::kPart:
      return Scaled(200000, scale_factor);
    case TpchTable::kSupplier:
      return Scaled(10000, scale_factor);
    case TpchTable::kPartsupp:
      return 4 * Scaled(200000, scale_factor);
    case TpchTable::kCustomer:
      return Scaled(150000, scale_factor);
    case TpchTable::kOrders:
      return Scaled(1500000, scale_factor);
    case TpchTable::kLineitem:
      return 4 * Scaled(1500000, scale_factor);
    case TpchTable::kNation:
      return static_cast<int64_t>(kNations.size());
    case TpchTable::kRegion:
      return static_cast<int64_t>(kRegions.size());
  }
  return 0;
}

Result<std::vector<TpchTableReport>> GenerateTpch(const TpchOptions& options,
                                                  const std::string& out_dir) {
  if (!(options.scale_factor > 0 && options.scale_factor <= 100000)) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("TPC-H scale factor {} is outside (0, 100000]", options.scale_factor)};
  }
  constexpr int64_t kLongestComment = 198;  // PS_COMMENT
  if (options.text_pool_bytes < kLongestComment) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("TPC-H text pool of {} bytes is shorter than the longest comment",
                             options.text_pool_bytes)};
  }
  SB_ASSIGN_OR_RETURN(std::shared_ptr<FileSystem> fs, FileSystem::ForPath(out_dir));
  SB_RETURN_IF_ERROR(fs->CreateDirectories(out_dir));

  size_t threads = options.threads != 0 ? options.threads
                                        : std::max<size_t>(1, std::thread::hardware_concurrency());
  ThreadPool pool(threads);
  TpchTextPool text(options.seed, options.text_pool_bytes, pool);
  const double sf = options.scale_factor;
  const TpchScale scale{options.seed, TpchBaseRowCount(TpchTable::kPart, sf),
                        TpchBaseRowCount(TpchTable::kSupplier, sf),
                        TpchBaseRowCount(TpchTable::kCustomer, sf),
                        TpchBaseRowCount(TpchTable::kOrders, sf),
                        // Clerks: SF * 1000, and like dbgen never fewer than SF 1's 1000.
                        std::max<int64_t>(1000, Scaled(1000, sf)), &text};

  std::vector<std::unique_ptr<BlockSource>> sources;
  std::vector<ParquetBlockOutput> outputs;
  parquet::ParquetWriterOptions writer_options;
  writer_options.codec = options.codec;
  const std::vector<TpchTable>& tables = options.tables.empty() ? AllTpchTables() : options.tables;
  for (TpchTable table : tables) {
    sources.push_back(MakeSource(table, scale));
    outputs.push_back(
        ParquetBlockOutput{fmt::format("{}/{}.parquet", out_dir, TpchTableName(table)),
                           TableFields(table), writer_options, sources.back().get()});
  }
  SB_ASSIGN_OR_RETURN(std::vector<ParquetBlockOutputResult> written,
                      WriteParquetBlocks(outputs, pool, threads + 1));
  std::vector<TpchTableReport> reports;
  for (size_t i = 0; i < written.size(); ++i) {
    reports.push_back(
        TpchTableReport{tables[i], written[i].path, written[i].rows, written[i].bytes});
  }
  return reports;
}

}  // namespace switchboard
