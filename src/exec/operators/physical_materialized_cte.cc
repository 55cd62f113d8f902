// CTE materialization.
#include "exec/operators/physical_materialized_cte.h"

#include <mutex>

#include "exec/pipeline.h"
#include "function/query_context.h"

namespace switchboard {

namespace {
struct CteSinkState : GlobalSinkState {
  std::mutex mutex;
  std::shared_ptr<ChunkCollection> rows;
};
struct CteLocalState : LocalSinkState {
  std::unique_ptr<ChunkCollection> rows;
};
}  // namespace

PhysicalMaterializedCte::PhysicalMaterializedCte(std::vector<LogicalType> types, std::string name,
                                                 double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality), name_(std::move(name)) {}

std::unique_ptr<GlobalSinkState> PhysicalMaterializedCte::GetGlobalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<CteSinkState>();
  state->rows = std::make_shared<ChunkCollection>(children[0]->types, context.query->memory);
  return state;
}

std::unique_ptr<LocalSinkState> PhysicalMaterializedCte::GetLocalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<CteLocalState>();
  state->rows = std::make_unique<ChunkCollection>(children[0]->types, context.query->memory);
  return state;
}

void PhysicalMaterializedCte::Sink(ExecutionContext&, DataChunk& chunk, GlobalSinkState&, LocalSinkState& local) const {
  static_cast<CteLocalState&>(local).rows->Append(chunk);
}

void PhysicalMaterializedCte::Combine(ExecutionContext&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<CteSinkState&>(global);
  std::lock_guard<std::mutex> lock(g.mutex);
  g.rows->Merge(std::move(*static_cast<CteLocalState&>(local).rows));
}

void PhysicalMaterializedCte::Finalize(ExecutionContext&, GlobalSinkState& global) const {
  const_cast<PhysicalMaterializedCte*>(this)->result_ = static_cast<CteSinkState&>(global).rows;
}

void PhysicalMaterializedCte::BuildPipelines(PipelineBuilder& builder, Pipeline& current) {
  Pipeline& definition = builder.CreatePipeline();
  definition.sink = this;
  children[0]->BuildPipelines(builder, definition);
  children[1]->BuildPipelines(builder, current);
}

}  // namespace switchboard
