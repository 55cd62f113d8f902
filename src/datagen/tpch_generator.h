// TPC-H data generation (specification clause 4.2) into Parquet: one file per table, named and
// typed like ../shared/testdata/tpch (`<table>.parquet`, INTEGER keys, DECIMAL(15,2) money,
// DATE dates, VARCHAR text).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "format/parquet/parquet_thrift.h"

namespace switchboard {

enum class TpchTable : uint8_t {
  kPart,
  kSupplier,
  kPartsupp,
  kCustomer,
  kOrders,
  kLineitem,
  kNation,
  kRegion,
};

/// All tables, in the order the specification lists them.
const std::vector<TpchTable>& AllTpchTables();
std::string_view TpchTableName(TpchTable table);

/// Rows of a table at a scale factor (clause 4.2.5); for LINEITEM, whose size is random, the
/// number of orders times four (its expected size).
int64_t TpchBaseRowCount(TpchTable table, double scale_factor);

struct TpchOptions {
  double scale_factor = 1;
  uint64_t seed = 0;
  /// Threads for generation and writing; 0 means one per core.
  size_t threads = 0;
  parquet::CompressionCodec codec = parquet::CompressionCodec::kZstd;
  /// Size of the pseudo-text pool comments are cut from (clause 4.2.2.10 asks for 300 MB).
  int64_t text_pool_bytes = int64_t{300} << 20;
  /// The tables to write; empty means all. A table's contents do not depend on which others
  /// are written.
  std::vector<TpchTable> tables;
};

struct TpchTableReport {
  TpchTable table;
  std::string path;
  int64_t rows = 0;
  int64_t bytes = 0;
};

/// Writes `<out_dir>/<table>.parquet` for the tables asked for, creating out_dir. The files' bytes
/// depend only on the scale factor, the seed, the codec and the pool size, not on the threads.
/// Memory is bounded by the text pool and a few blocks per table, whatever the scale factor.
/// Errors: kInvalidParameter for a scale factor outside (0, 100000] or a pool smaller than the
/// longest comment; kIoError from the files.
Result<std::vector<TpchTableReport>> GenerateTpch(const TpchOptions& options,
                                                  const std::string& out_dir);

}  // namespace switchboard
