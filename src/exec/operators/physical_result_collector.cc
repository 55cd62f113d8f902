// Result collection with thread-local buffers.
#include "exec/operators/physical_result_collector.h"

#include "function/query_context.h"

namespace switchboard {

namespace {
struct CollectorGlobal : GlobalSinkState {
  std::mutex mutex;
  std::unique_ptr<ChunkCollection> rows;
};
struct CollectorLocal : LocalSinkState {
  explicit CollectorLocal(std::vector<LogicalType> types, MemoryTracker* tracker) : rows(std::move(types), tracker) {}
  ChunkCollection rows;
};
}  // namespace

PhysicalResultCollector::PhysicalResultCollector(std::vector<LogicalType> types, bool ordered)
    : PhysicalOperator(std::move(types), 0), ordered_(ordered) {}

std::unique_ptr<GlobalSinkState> PhysicalResultCollector::GetGlobalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<CollectorGlobal>();
  state->rows = std::make_unique<ChunkCollection>(types, context.query->memory);
  return state;
}

std::unique_ptr<LocalSinkState> PhysicalResultCollector::GetLocalSinkState(ExecutionContext& context) const {
  return std::make_unique<CollectorLocal>(types, context.query->memory);
}

void PhysicalResultCollector::Sink(ExecutionContext&, DataChunk& chunk, GlobalSinkState&, LocalSinkState& local) const {
  static_cast<CollectorLocal&>(local).rows.Append(chunk);
}

void PhysicalResultCollector::Combine(ExecutionContext&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<CollectorGlobal&>(global);
  std::lock_guard<std::mutex> lock(g.mutex);
  g.rows->Merge(std::move(static_cast<CollectorLocal&>(local).rows));
}

ChunkCollection PhysicalResultCollector::TakeResult() {
  auto& g = static_cast<CollectorGlobal&>(*sink_state);
  return std::move(*g.rows);
}

}  // namespace switchboard
