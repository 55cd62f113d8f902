// PartitionedWriter: turns rows into the Parquet data files of an Iceberg table: one set of files
// per partition (values from the spec's transforms), rolled at the target file size, sorted by the
// table's sort order, with Parquet field ids, the iceberg.schema footer key, and the column
// metrics manifests record.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "format/parquet/parquet_writer.h"
#include "table/iceberg/file_io.h"
#include "table/iceberg/manifest.h"
#include "table/iceberg/table_metadata.h"
#include "types/data_chunk.h"

namespace switchboard::iceberg {

struct DataWriterOptions {
  /// Folder data files go in (partition folders below it).
  std::string data_location;
  /// A file is closed once it reaches this size (write.target-file-size-bytes).
  int64_t target_file_size = int64_t{512} << 20;
  parquet::ParquetWriterOptions parquet;
  /// Distinguishes the files of writers running at the same time.
  int32_t writer_id = 0;
};

/// The writer options a table's properties ask for: write.target-file-size-bytes,
/// write.parquet.compression-codec (zstd, snappy, gzip, lz4, brotli, uncompressed) and -level,
/// write.parquet.row-group-size-bytes, write.parquet.page-size-bytes,
/// write.parquet.dict-size-bytes, write.data.path.
/// Errors: kInvalidParameter for values that are not valid (naming the property), kNotSupported
/// for write.format.default other than parquet.
Result<DataWriterOptions> WriterOptionsFor(const TableMetadata& metadata);

/// Not thread-safe; writers running in parallel each write their own files.
class PartitionedWriter {
 public:
  /// `sort_order` may be null or unsorted. Errors: kNotSupported for partition sources that are
  /// not top-level columns and for unknown transforms.
  static Result<std::unique_ptr<PartitionedWriter>> Make(SchemaPtr schema, PartitionSpecPtr spec,
                                                         const SortOrder* sort_order, FileIO io,
                                                         DataWriterOptions options);
  ~PartitionedWriter();

  /// Writes rows whose columns are the schema's top-level fields in order, in their engine
  /// types. Errors: kNotNullViolation for NULLs in required columns, kIoError.
  Result<void> Write(const DataChunk& chunk);
  /// Closes every open file and returns the data files written (spec id and partition set).
  Result<std::vector<DataFilePtr>> Finish();
  /// Deletes every file written so far (after a failed statement).
  void Abort();

 private:
  struct Partition;
  PartitionedWriter() = default;
  Result<Partition*> PartitionFor(const std::string& key, const std::vector<Value>& values);
  Result<void> WriteToPartition(Partition& partition, const DataChunk& rows);
  Result<void> CloseFile(Partition& partition);
  Result<void> WriteSorted(Partition& partition);

  SchemaPtr schema_;
  PartitionSpecPtr spec_;
  std::vector<SortField> sort_fields_;
  int32_t sort_order_id_ = 0;
  FileIO io_;
  DataWriterOptions options_;
  std::vector<parquet::ParquetWriterField> fields_;
  std::vector<LogicalType> types_;
  std::string schema_json_;
  /// Field ids whose bounds are recorded (primitives outside lists and maps).
  std::vector<int32_t> bounded_ids_;
  std::vector<int> partition_sources_;  // per spec field: top-level column index
  std::vector<TypePtr> partition_source_types_;
  std::unordered_map<std::string, std::unique_ptr<Partition>> partitions_;  // by partition key
  std::vector<Partition*> partition_order_;                                 // in order of first row
  std::vector<DataFilePtr> written_;
  std::vector<std::string> paths_;
  int64_t file_counter_ = 0;
  std::string file_prefix_;
};

/// Binary bounds as Iceberg writes them: strings and binary truncated to 16 characters (bytes),
/// an upper bound incremented so it still bounds; nullopt when no upper bound that short exists.
std::optional<std::string> TruncatedBound(const Value& value, const Type& type, bool upper);

}  // namespace switchboard::iceberg
