// PhysicalRecursiveCte: WITH RECURSIVE. A source that runs the anchor (children[0]) once and the
// recursive step (children[1], reading the working table through a CTE scan) until it yields no
// new rows, then emits everything produced.
#pragma once

#include <memory>

#include "exec/physical_operator.h"
#include "types/chunk_collection.h"

namespace switchboard {

class PhysicalRecursiveCte : public PhysicalOperator {
 public:
  /// `union_all` false: rows already produced are dropped (UNION semantics), which also ends
  /// recursions that revisit rows.
  PhysicalRecursiveCte(std::vector<LogicalType> types, bool union_all, idx_t max_iterations,
                       double estimated_cardinality);

  std::shared_ptr<const ChunkCollection>* working_table() { return &working_; }

  std::unique_ptr<GlobalSourceState> GetGlobalSourceState(ExecutionContext& context) const override;
  void GetData(ExecutionContext& context, DataChunk& chunk, GlobalSourceState& global,
               LocalSourceState& local) const override;
  void BuildPipelines(PipelineBuilder& builder, Pipeline& current) override;
  std::string Name() const override { return union_all_ ? "RECURSIVE_CTE UNION ALL" : "RECURSIVE_CTE UNION"; }

 private:
  bool union_all_;
  idx_t max_iterations_;
  mutable std::shared_ptr<const ChunkCollection> working_;
};

/// Runs the subtree `plan` to completion and returns its rows (used by recursive CTEs).
ChunkCollection ExecuteSubtree(ExecutionContext& context, PhysicalOperator& plan);

}  // namespace switchboard
