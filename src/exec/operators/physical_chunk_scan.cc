// Scans of materialized rows, a chunk per call, in parallel.
#include "exec/operators/physical_chunk_scan.h"

#include <atomic>

#include "common/error.h"

#include "exec/pipeline.h"

namespace switchboard {

namespace {
struct ChunkScanState : GlobalSourceState {
  std::shared_ptr<const ChunkCollection> rows;
  std::atomic<idx_t> next{0};
  idx_t MaxThreads() const override { return std::max<idx_t>(1, rows->ChunkCount()); }
};
}  // namespace

PhysicalChunkScan::PhysicalChunkScan(std::vector<LogicalType> types, std::shared_ptr<const ChunkCollection>* rows,
                                     std::string name, const PhysicalOperator* producer, double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality), rows_(rows), name_(std::move(name)), producer_(producer) {}

PhysicalChunkScan::PhysicalChunkScan(std::vector<LogicalType> types, std::shared_ptr<const ChunkCollection> rows,
                                     std::string name, double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality),
      owned_(std::move(rows)),
      rows_(&owned_),
      name_(std::move(name)),
      producer_(nullptr) {}

std::unique_ptr<GlobalSourceState> PhysicalChunkScan::GetGlobalSourceState(ExecutionContext&) const {
  auto state = std::make_unique<ChunkScanState>();
  state->rows = *rows_;
  SB_CHECK(state->rows != nullptr, "{} read before it was produced", name_);
  return state;
}

void PhysicalChunkScan::GetData(ExecutionContext&, DataChunk& chunk, GlobalSourceState& global, LocalSourceState&) const {
  auto& state = static_cast<ChunkScanState&>(global);
  idx_t index = state.next.fetch_add(1);
  if (index >= state.rows->ChunkCount()) {
    chunk.SetSize(0);
    return;
  }
  chunk.Reference(state.rows->chunk(index));
}

void PhysicalChunkScan::BuildPipelines(PipelineBuilder&, Pipeline& current) { current.source = this; }

}  // namespace switchboard
