// PhysicalChunkScan: a source over rows held in a ChunkCollection: VALUES lists, the single row of
// a query without FROM, materialized CTEs and the working table of a recursive CTE.
#pragma once

#include <memory>

#include "exec/physical_operator.h"
#include "types/chunk_collection.h"

namespace switchboard {

class PhysicalChunkScan : public PhysicalOperator {
 public:
  /// Scans `rows` (shared, so a recursive CTE can swap what later runs read).
  PhysicalChunkScan(std::vector<LogicalType> types, std::shared_ptr<const ChunkCollection>* rows,
                    std::string name, const PhysicalOperator* producer, double estimated_cardinality);
  /// Scans rows fixed at planning time.
  PhysicalChunkScan(std::vector<LogicalType> types, std::shared_ptr<const ChunkCollection> rows,
                    std::string name, double estimated_cardinality);

  std::unique_ptr<GlobalSourceState> GetGlobalSourceState(ExecutionContext& context) const override;
  void GetData(ExecutionContext& context, DataChunk& chunk, GlobalSourceState& global,
               LocalSourceState& local) const override;
  void BuildPipelines(PipelineBuilder& builder, Pipeline& current) override;
  const PhysicalOperator* SourceDependency() const override { return producer_; }
  std::string Name() const override { return name_; }

 private:
  std::shared_ptr<const ChunkCollection> owned_;
  std::shared_ptr<const ChunkCollection>* rows_;
  std::string name_;
  const PhysicalOperator* producer_;
};

}  // namespace switchboard
