// WriteParquetBlocks: generates the rows of several Parquet files in numbered blocks on a thread
// pool and writes each file in block order, so the bytes written never depend on the number of
// threads and memory stays bounded however large the files are.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/parquet_writer.h"
#include "types/data_chunk.h"

namespace switchboard {

class ThreadPool;

/// The rows of one file, in blocks. Generate is called from several threads at once and must
/// depend only on the block number.
class BlockSource {
 public:
  virtual ~BlockSource() = default;
  virtual size_t BlockCount() const = 0;
  /// The most rows a block holds (the capacity of the chunks given to Generate).
  virtual idx_t MaxBlockRows() const = 0;
  /// Fills `chunk` (flat, empty, with the file's column types) with the rows of `block`.
  virtual void Generate(size_t block, DataChunk& chunk) const = 0;
};

struct ParquetBlockOutput {
  std::string path;
  std::vector<parquet::ParquetWriterField> fields;
  parquet::ParquetWriterOptions options;
  const BlockSource* source = nullptr;
};

struct ParquetBlockOutputResult {
  std::string path;
  int64_t rows = 0;
  int64_t bytes = 0;
};

/// Writes every output, one ParquetWriter each, with the pool's threads: a thread writes the next
/// block of a file when it is ready (writing first, as a file's writer is serial), otherwise
/// generates a block of the file that is least far along. At most `blocks_ahead` generated
/// blocks per file wait for their writer. Errors: the first error of a writer or of a
/// generator (a thrown Exception); files not yet closed are then abandoned.
Result<std::vector<ParquetBlockOutputResult>> WriteParquetBlocks(
    const std::vector<ParquetBlockOutput>& outputs, ThreadPool& threads, size_t blocks_ahead);

}  // namespace switchboard
