// The scheduler behind WriteParquetBlocks: one mutex over all files' progress; blocks are
// generated and written outside it.
#include "datagen/parquet_block_writer.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>

#include "common/thread_pool.h"

namespace switchboard {

namespace {

struct FileState {
  const ParquetBlockOutput* output = nullptr;
  std::vector<LogicalType> types;
  size_t block_count = 0;
  size_t next_generate = 0;
  size_t next_write = 0;
  bool writing = false;  // a thread owns the writer
  bool closed = false;
  std::vector<std::unique_ptr<DataChunk>> ready;  // block b waits in slot b % blocks_ahead
  std::vector<std::unique_ptr<DataChunk>> spare;  // written chunks, reused for later blocks
  std::unique_ptr<parquet::ParquetWriter> writer;
  ParquetBlockOutputResult result;
};

class Scheduler {
 public:
  Scheduler(const std::vector<ParquetBlockOutput>& outputs, size_t blocks_ahead)
      : blocks_ahead_(blocks_ahead), files_(outputs.size()) {
    for (size_t i = 0; i < outputs.size(); ++i) {
      FileState& file = files_[i];
      file.output = &outputs[i];
      for (const auto& field : outputs[i].fields) file.types.push_back(field.type);
      file.block_count = outputs[i].source->BlockCount();
      file.ready.resize(blocks_ahead);
      file.result.path = outputs[i].path;
    }
  }

  void Work() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!error_) {
      if (FileState* file = NextToWrite()) {
        Write(*file, lock);
      } else if (FileState* file = NextToGenerate()) {
        Generate(*file, lock);
      } else if (AllClosed()) {
        return;
      } else {
        changed_.wait(lock);
      }
    }
  }

  Result<std::vector<ParquetBlockOutputResult>> TakeResults() {
    if (error_) return *error_;
    std::vector<ParquetBlockOutputResult> results;
    for (FileState& file : files_) results.push_back(std::move(file.result));
    return results;
  }

 private:
  // A file whose next block (or whose close) is due and whose writer is free.
  FileState* NextToWrite() {
    for (FileState& file : files_) {
      if (file.writing || file.closed) continue;
      if (file.next_write == file.block_count || file.ready[file.next_write % blocks_ahead_]) {
        return &file;
      }
    }
    return nullptr;
  }

  // Of the files with room for another block, the one least far along.
  FileState* NextToGenerate() {
    FileState* best = nullptr;
    for (FileState& file : files_) {
      if (file.next_generate == file.block_count ||
          file.next_generate >= file.next_write + blocks_ahead_) {
        continue;
      }
      if (!best ||
          file.next_generate * best->block_count < best->next_generate * file.block_count) {
        best = &file;
      }
    }
    return best;
  }

  bool AllClosed() const {
    for (const FileState& file : files_) {
      if (!file.closed) return false;
    }
    return true;
  }

  void Generate(FileState& file, std::unique_lock<std::mutex>& lock) {
    size_t block = file.next_generate++;
    std::unique_ptr<DataChunk> chunk;
    if (!file.spare.empty()) {
      chunk = std::move(file.spare.back());
      file.spare.pop_back();
    }
    lock.unlock();
    Result<void> generated = CatchErrors([&] {
      if (!chunk) {
        chunk = std::make_unique<DataChunk>();
        chunk->Initialize(file.types, file.output->source->MaxBlockRows());
      } else {
        chunk->Reset();
      }
      file.output->source->Generate(block, *chunk);
    });
    lock.lock();
    if (!generated.ok()) return Fail(std::move(generated).error());
    file.ready[block % blocks_ahead_] = std::move(chunk);
    changed_.notify_all();
  }

  void Write(FileState& file, std::unique_lock<std::mutex>& lock) {
    file.writing = true;
    bool last = file.next_write == file.block_count;
    std::unique_ptr<DataChunk> chunk;
    if (!last) chunk = std::move(file.ready[file.next_write % blocks_ahead_]);
    lock.unlock();
    Result<void> written = WriteOutsideLock(file, chunk.get());
    lock.lock();
    file.writing = false;
    if (!written.ok()) return Fail(std::move(written).error());
    if (last) {
      file.closed = true;
    } else {
      ++file.next_write;
      file.spare.push_back(std::move(chunk));
    }
    changed_.notify_all();
  }

  // Writes `chunk`, or closes the file when it is null. Only the thread that set `writing` runs
  // this for a file, so the file's writer and result need no lock.
  static Result<void> WriteOutsideLock(FileState& file, const DataChunk* chunk) {
    if (!file.writer) {
      SB_ASSIGN_OR_RETURN(file.writer,
                          parquet::ParquetWriter::Open(file.output->path, file.output->fields,
                                                       file.output->options));
    }
    if (chunk) return file.writer->Write(*chunk);
    SB_ASSIGN_OR_RETURN(parquet::ParquetWriteResult written, file.writer->Close());
    file.result.rows = written.row_count;
    file.result.bytes = written.file_size;
    file.writer.reset();
    return Ok();
  }

  void Fail(Error error) {
    if (!error_) error_ = std::move(error);
    changed_.notify_all();
  }

  const size_t blocks_ahead_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<FileState> files_;
  std::optional<Error> error_;
};

}  // namespace

Result<std::vector<ParquetBlockOutputResult>> WriteParquetBlocks(
    const std::vector<ParquetBlockOutput>& outputs, ThreadPool& threads, size_t blocks_ahead) {
  Scheduler scheduler(outputs, std::max<size_t>(blocks_ahead, 1));
  threads.ParallelFor(threads.threads(), [&](size_t) { scheduler.Work(); });
  return scheduler.TakeResults();
}

}  // namespace switchboard
