// PhysicalOrder: ORDER BY (and, with a limit, top-N): collects its input, sorts it, and emits it
// in order as a single-threaded source.
#pragma once

#include <optional>

#include "exec/physical_operator.h"
#include "sql/planner/logical_operator.h"

namespace switchboard {

class PhysicalOrder : public PhysicalOperator {
 public:
  /// Without `limit`, a full sort. With it, only rows [offset, offset + limit) are emitted (plus
  /// rows tied with the last one when `with_ties`), and the input is pruned as it arrives.
  PhysicalOrder(std::vector<LogicalType> types, std::vector<BoundOrder> orders, std::optional<int64_t> limit,
                int64_t offset, bool with_ties, double estimated_cardinality);

  std::unique_ptr<GlobalSinkState> GetGlobalSinkState(ExecutionContext& context) const override;
  std::unique_ptr<LocalSinkState> GetLocalSinkState(ExecutionContext& context) const override;
  void Sink(ExecutionContext& context, DataChunk& chunk, GlobalSinkState& global,
            LocalSinkState& local) const override;
  void Combine(ExecutionContext& context, GlobalSinkState& global, LocalSinkState& local) const override;
  void Finalize(ExecutionContext& context, GlobalSinkState& global) const override;

  std::unique_ptr<GlobalSourceState> GetGlobalSourceState(ExecutionContext& context) const override;
  void GetData(ExecutionContext& context, DataChunk& chunk, GlobalSourceState& global,
               LocalSourceState& local) const override;
  bool SourceIsOrdered() const override { return true; }

  void BuildPipelines(PipelineBuilder& builder, Pipeline& current) override;
  std::string Name() const override { return limit_ ? "TOP_N" : "ORDER"; }
  std::string Details() const override;

 private:
  std::vector<BoundOrder> orders_;
  std::optional<int64_t> limit_;
  int64_t offset_;
  bool with_ties_;
};

}  // namespace switchboard
