// Parquet benchmark: scan throughput (all columns, or projected columns with a pushed
// predicate), write throughput and file size, timed as the median of several runs.
//
//   parquet_bench scan FILE [--runs N] [--threads T] [--columns a,b] [--filter col>=value]...
//   parquet_bench write FILE OUT [--runs N] [--codec snappy|zstd|gzip|lz4_raw|none]
//   parquet_bench copy FILE OUT REPEAT   (writes FILE's rows REPEAT times: a bigger input)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "common/string_util.h"
#include "format/parquet/parquet_reader.h"
#include "format/parquet/parquet_writer.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard::parquet {
namespace {

using Clock = std::chrono::steady_clock;

struct Arguments {
  std::vector<std::string> positional;
  int runs = 5;
  int threads = 1;
  std::vector<std::string> columns;
  std::vector<std::string> filters;
  CompressionCodec codec = CompressionCodec::kSnappy;
};

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "parquet_bench: %s\n", message.c_str());
  std::exit(1);
}

template <typename T>
T Check(Result<T> result) {
  if (!result.ok()) Fail(result.error().message);
  return std::move(result).value();
}

void Check(Result<void> result) {
  if (!result.ok()) Fail(result.error().message);
}

Arguments Parse(int argc, char** argv) {
  Arguments args;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&] {
      if (i + 1 >= argc) Fail("missing value after " + arg);
      return std::string(argv[++i]);
    };
    if (arg == "--runs") {
      args.runs = std::stoi(next());
    } else if (arg == "--threads") {
      args.threads = std::stoi(next());
    } else if (arg == "--columns") {
      args.columns = Split(next(), ',');
    } else if (arg == "--filter") {
      args.filters.push_back(next());
    } else if (arg == "--codec") {
      std::string codec = ToLower(next());
      if (codec == "snappy")
        args.codec = CompressionCodec::kSnappy;
      else if (codec == "zstd")
        args.codec = CompressionCodec::kZstd;
      else if (codec == "gzip")
        args.codec = CompressionCodec::kGzip;
      else if (codec == "lz4_raw")
        args.codec = CompressionCodec::kLz4Raw;
      else if (codec == "none")
        args.codec = CompressionCodec::kUncompressed;
      else
        Fail("unknown codec " + codec);
    } else {
      args.positional.push_back(arg);
    }
  }
  return args;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// A constant of `type` parsed from text (numbers, dates, strings).
Value ParseConstant(const LogicalType& type, const std::string& text) {
  switch (type.id()) {
    case TypeId::kDate: {
      auto days = Date::Parse(text);
      if (!days) Fail("bad date " + text);
      return Value::Date(*days);
    }
    case TypeId::kDecimal: {
      auto unscaled = Decimal::Parse(text, type.decimal_precision(), type.decimal_scale());
      if (!unscaled) Fail("bad decimal " + text);
      return Value::Decimal(*unscaled, type.decimal_precision(), type.decimal_scale());
    }
    case TypeId::kVarchar:
      return Value::Varchar(text);
    case TypeId::kReal:
    case TypeId::kDouble:
      return Value::Double(std::stod(text));
    default:
      return Value::Bigint(std::stoll(text));
  }
}

// "col>=value" and friends.
ParquetPredicate ParseFilter(const ParquetSchema& schema, const std::string& text) {
  static const std::pair<const char*, ParquetPredicate::Op> kOps[] = {
      {">=", ParquetPredicate::Op::kGreaterEqual}, {"<=", ParquetPredicate::Op::kLessEqual},
      {"<>", ParquetPredicate::Op::kNotEqual},     {"=", ParquetPredicate::Op::kEqual},
      {"<", ParquetPredicate::Op::kLess},          {">", ParquetPredicate::Op::kGreater}};
  for (const auto& [symbol, op] : kOps) {
    size_t at = text.find(symbol);
    if (at == std::string::npos) continue;
    int column = schema.FindField(text.substr(0, at));
    if (column < 0) Fail("no column in filter " + text);
    Value constant = ParseConstant(schema.fields()[static_cast<size_t>(column)].type,
                                   text.substr(at + std::strlen(symbol)));
    return ParquetPredicate::Compare(column, op, std::move(constant));
  }
  Fail("cannot parse filter " + text);
}

// Touches every value so that nothing can be skipped; returns a checksum.
uint64_t Touch(const DataChunk& chunk) {
  uint64_t sum = 0;
  for (idx_t c = 0; c < chunk.ColumnCount(); ++c) {
    const Vector& v = chunk.column(c);
    PhysicalType type = v.type().physical_type();
    if (type == PhysicalType::kString) {
      const auto* strings = v.data<StringView>();
      for (idx_t r = 0; r < chunk.size(); ++r) sum += strings[r].size();
    } else if (type != PhysicalType::kList && type != PhysicalType::kStruct) {
      size_t width = PhysicalTypeSize(type);
      const uint8_t* bytes = v.data<uint8_t>();
      for (idx_t r = 0; r < chunk.size(); ++r) sum += bytes[r * width];
    }
  }
  return sum + chunk.size();
}

int Scan(const Arguments& args) {
  if (args.positional.size() != 1) Fail("scan FILE");
  const std::string& path = args.positional[0];
  std::vector<double> times;
  int64_t rows = 0;
  uint64_t checksum = 0;
  ParquetScanCounters counters;
  for (int run = 0; run <= args.runs; ++run) {  // run 0 warms the page cache
    auto start = Clock::now();
    auto reader = Check(ParquetReader::Open(path));
    ParquetScanOptions options;
    if (args.columns.empty()) {
      for (size_t i = 0; i < reader->schema().fields().size(); ++i)
        options.columns.push_back(static_cast<int>(i));
    } else {
      for (const std::string& name : args.columns)
        options.columns.push_back(reader->schema().FindField(name));
    }
    for (const std::string& filter : args.filters) {
      options.predicates.push_back(ParseFilter(reader->schema(), filter));
    }
    std::atomic<int> next{0};
    std::atomic<int64_t> total{0};
    std::atomic<uint64_t> sum{0};
    std::vector<ParquetScanCounters> per_thread(static_cast<size_t>(args.threads));
    auto worker = [&](int thread) {
      DataChunk chunk;
      for (int g = next++; g < reader->num_row_groups(); g = next++) {
        auto scanner = Check(reader->ScanRowGroup(g, options));
        while (Check(scanner->Next(chunk))) {
          total += static_cast<int64_t>(chunk.size());
          sum += Touch(chunk);
        }
        per_thread[static_cast<size_t>(thread)].Add(scanner->counters());
      }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < args.threads; ++t) threads.emplace_back(worker, t);
    worker(0);
    for (auto& thread : threads) thread.join();
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (run > 0) times.push_back(ms);
    rows = total;
    checksum = sum;
    counters = ParquetScanCounters{};
    for (const auto& c : per_thread) counters.Add(c);
  }
  std::printf("rows=%lld checksum=%llu median_ms=%.2f min_ms=%.2f runs=%d threads=%d\n",
              static_cast<long long>(rows), static_cast<unsigned long long>(checksum),
              Median(times), *std::min_element(times.begin(), times.end()), args.runs,
              args.threads);
  std::printf(
      "row_groups=%lld pruned=%lld pages_skipped=%lld rows_decoded=%lld bytes_read=%lld\n",
      static_cast<long long>(counters.row_groups),
      static_cast<long long>(
          counters.row_groups_pruned_by_statistics + counters.row_groups_pruned_by_bloom_filter +
          counters.row_groups_pruned_by_page_index + counters.row_groups_pruned_by_dictionary),
      static_cast<long long>(counters.pages_skipped), static_cast<long long>(counters.rows_decoded),
      static_cast<long long>(counters.bytes_read));
  return 0;
}

// Every row of `path`, as chunks in memory, and the columns to write them as.
std::vector<DataChunk> LoadChunks(const std::string& path,
                                  std::vector<ParquetWriterField>& fields) {
  auto reader = Check(ParquetReader::Open(path));
  ParquetScanOptions options;
  for (size_t i = 0; i < reader->schema().fields().size(); ++i) {
    const ParquetField& field = reader->schema().fields()[i];
    options.columns.push_back(static_cast<int>(i));
    fields.emplace_back(field.name, field.type, field.nullable);
  }
  std::vector<DataChunk> chunks;
  for (int g = 0; g < reader->num_row_groups(); ++g) {
    auto scanner = Check(reader->ScanRowGroup(g, options));
    while (true) {
      DataChunk chunk;
      if (!Check(scanner->Next(chunk))) break;
      chunks.push_back(std::move(chunk));
    }
  }
  return chunks;
}

ParquetWriteResult WriteChunks(const std::string& out,
                               const std::vector<ParquetWriterField>& fields,
                               const std::vector<DataChunk>& chunks, int repeat,
                               CompressionCodec codec) {
  ParquetWriterOptions options;
  options.codec = codec;
  auto writer = Check(ParquetWriter::Open(out, fields, options));
  for (int r = 0; r < repeat; ++r) {
    for (const DataChunk& chunk : chunks) Check(writer->Write(chunk));
  }
  return Check(writer->Close());
}

int Write(const Arguments& args) {
  if (args.positional.size() != 2) Fail("write FILE OUT");
  std::vector<ParquetWriterField> fields;
  std::vector<DataChunk> chunks = LoadChunks(args.positional[0], fields);
  std::vector<double> times;
  ParquetWriteResult result;
  for (int run = 0; run <= args.runs; ++run) {
    auto start = Clock::now();
    result = WriteChunks(args.positional[1], fields, chunks, 1, args.codec);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (run > 0) times.push_back(ms);
  }
  std::printf("rows=%lld file_size=%lld median_ms=%.2f min_ms=%.2f runs=%d\n",
              static_cast<long long>(result.row_count), static_cast<long long>(result.file_size),
              Median(times), *std::min_element(times.begin(), times.end()), args.runs);
  return 0;
}

int Copy(const Arguments& args) {
  if (args.positional.size() != 3) Fail("copy FILE OUT REPEAT");
  std::vector<ParquetWriterField> fields;
  std::vector<DataChunk> chunks = LoadChunks(args.positional[0], fields);
  ParquetWriteResult result =
      WriteChunks(args.positional[1], fields, chunks, std::stoi(args.positional[2]), args.codec);
  std::printf("rows=%lld file_size=%lld\n", static_cast<long long>(result.row_count),
              static_cast<long long>(result.file_size));
  return 0;
}

}  // namespace
}  // namespace switchboard::parquet

int main(int argc, char** argv) {
  using namespace switchboard::parquet;
  if (argc < 2) Fail("usage: parquet_bench scan|write|copy ...");
  Arguments args = Parse(argc, argv);
  std::string mode = argv[1];
  if (mode == "scan") return Scan(args);
  if (mode == "write") return Write(args);
  if (mode == "copy") return Copy(args);
  Fail("unknown mode " + mode);
}
