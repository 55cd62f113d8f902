// PhysicalMaterializedCte: evaluates a WITH query once (children[0]) into rows that the CTE scans
// in children[1] read; children[1] is the operator's output.
#pragma once

#include <memory>

#include "exec/physical_operator.h"
#include "types/chunk_collection.h"

namespace switchboard {

class PhysicalMaterializedCte : public PhysicalOperator {
 public:
  PhysicalMaterializedCte(std::vector<LogicalType> types, std::string name, double estimated_cardinality);

  /// The slot CTE scans read once the definition has run.
  std::shared_ptr<const ChunkCollection>* result_slot() { return &result_; }

  std::unique_ptr<GlobalSinkState> GetGlobalSinkState(ExecutionContext& context) const override;
  std::unique_ptr<LocalSinkState> GetLocalSinkState(ExecutionContext& context) const override;
  void Sink(ExecutionContext& context, DataChunk& chunk, GlobalSinkState& global,
            LocalSinkState& local) const override;
  void Combine(ExecutionContext& context, GlobalSinkState& global, LocalSinkState& local) const override;
  void Finalize(ExecutionContext& context, GlobalSinkState& global) const override;

  void BuildPipelines(PipelineBuilder& builder, Pipeline& current) override;
  std::string Name() const override { return "CTE"; }
  std::string Details() const override { return name_; }

 private:
  std::string name_;
  std::shared_ptr<const ChunkCollection> result_;
};

}  // namespace switchboard
