// Iterative evaluation of recursive CTEs with nested executors.
#include "exec/operators/physical_recursive_cte.h"

#include "exec/executor.h"
#include "exec/grouped_hash_table.h"
#include "exec/operators/physical_result_collector.h"
#include "exec/pipeline.h"
#include "exec/vector_hash.h"
#include "function/query_context.h"

namespace switchboard {

ChunkCollection ExecuteSubtree(ExecutionContext& context, PhysicalOperator& plan) {
  PhysicalResultCollector collector(plan.types, false);
  Executor executor(context);
  executor.Execute(plan, collector);
  return collector.TakeResult();
}

namespace {
struct RecursiveState : GlobalSourceState {
  std::unique_ptr<ChunkCollection> rows;
  idx_t next_chunk = 0;
};
}  // namespace

PhysicalRecursiveCte::PhysicalRecursiveCte(std::vector<LogicalType> types, bool union_all, idx_t max_iterations,
                                           double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality), union_all_(union_all), max_iterations_(max_iterations) {}

std::unique_ptr<GlobalSourceState> PhysicalRecursiveCte::GetGlobalSourceState(ExecutionContext& context) const {
  auto state = std::make_unique<RecursiveState>();
  state->rows = std::make_unique<ChunkCollection>(types, context.query->memory);
  GroupedHashTable seen(types, 0, context.query->memory);
  // Keeps the rows of `batch` not produced before (UNION) and appends them to the result.
  auto add_new = [&](const ChunkCollection& batch) {
    auto fresh = std::make_shared<ChunkCollection>(types, context.query->memory);
    for (idx_t c = 0; c < batch.ChunkCount(); ++c) {
      const DataChunk& chunk = batch.chunk(c);
      if (union_all_) {
        fresh->Append(chunk);
        continue;
      }
      std::vector<const Vector*> keys;
      for (idx_t k = 0; k < chunk.ColumnCount(); ++k) keys.push_back(&chunk.column(k));
      std::vector<hash_t> hashes(chunk.size());
      HashColumns(keys, chunk.size(), hashes.data());
      std::vector<uint8_t*> rows(chunk.size());
      SelectionVector created(chunk.size());
      idx_t n = seen.FindOrCreate(keys, hashes.data(), chunk.size(), rows.data(), created);
      if (n == 0) continue;
      DataChunk kept;
      kept.Reference(chunk);
      kept.Slice(created, n);
      fresh->Append(kept);
    }
    for (idx_t c = 0; c < fresh->ChunkCount(); ++c) state->rows->Append(fresh->chunk(c));
    return fresh;
  };
  std::shared_ptr<const ChunkCollection> working =
      add_new(ExecuteSubtree(context, *children[0]));
  idx_t iterations = 0;
  while (working->size() > 0) {
    context.query->CheckCancelled();
    if (++iterations > max_iterations_) {
      SB_THROW(kResourceLimit, "Recursive query exceeded {} iterations", max_iterations_);
    }
    working_ = working;
    working = add_new(ExecuteSubtree(context, *children[1]));
  }
  working_.reset();
  return state;
}

void PhysicalRecursiveCte::GetData(ExecutionContext&, DataChunk& chunk, GlobalSourceState& global, LocalSourceState&) const {
  auto& state = static_cast<RecursiveState&>(global);
  if (state.next_chunk >= state.rows->ChunkCount()) return;
  chunk.Reference(state.rows->chunk(state.next_chunk++));
}

void PhysicalRecursiveCte::BuildPipelines(PipelineBuilder&, Pipeline& current) { current.source = this; }

}  // namespace switchboard
