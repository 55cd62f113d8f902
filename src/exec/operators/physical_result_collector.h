// PhysicalResultCollector: the sink at the top of a query; keeps every row in a ChunkCollection.
#pragma once

#include <memory>
#include <mutex>

#include "exec/physical_operator.h"
#include "types/chunk_collection.h"

namespace switchboard {

class PhysicalResultCollector : public PhysicalOperator {
 public:
  /// With `ordered`, the pipeline feeding it runs on one thread so rows keep their order.
  PhysicalResultCollector(std::vector<LogicalType> types, bool ordered);

  std::unique_ptr<GlobalSinkState> GetGlobalSinkState(ExecutionContext& context) const override;
  std::unique_ptr<LocalSinkState> GetLocalSinkState(ExecutionContext& context) const override;
  void Sink(ExecutionContext& context, DataChunk& chunk, GlobalSinkState& global,
            LocalSinkState& local) const override;
  void Combine(ExecutionContext& context, GlobalSinkState& global, LocalSinkState& local) const override;
  bool SinkNeedsOrder() const override { return ordered_; }
  std::string Name() const override { return "RESULT"; }

  /// The collected rows (valid after execution).
  ChunkCollection TakeResult();

 private:
  bool ordered_;
};

}  // namespace switchboard
