// PhysicalHashAggregate: GROUP BY (with grouping sets) and aggregates, including DISTINCT,
// FILTER and ORDER BY. Threads pre-aggregate into radix-partitioned local tables; Finalize merges
// each partition in parallel; the operator then acts as the source of the results.
#pragma once

#include "exec/physical_operator.h"
#include "sql/planner/expression.h"

namespace switchboard {

class PhysicalHashAggregate : public PhysicalOperator {
 public:
  /// `groups` and the aggregates' arguments and filters are evaluated over the input. Outputs
  /// groups, then aggregates, then one bigint per grouping function. Empty `grouping_sets` means
  /// one set with every group.
  PhysicalHashAggregate(std::vector<LogicalType> types, ExpressionList groups,
                        std::vector<std::unique_ptr<AggregateExpression>> aggregates,
                        std::vector<std::vector<idx_t>> grouping_sets,
                        std::vector<std::vector<idx_t>> grouping_functions, double estimated_cardinality);
  ~PhysicalHashAggregate() override;

  std::unique_ptr<GlobalSinkState> GetGlobalSinkState(ExecutionContext& context) const override;
  std::unique_ptr<LocalSinkState> GetLocalSinkState(ExecutionContext& context) const override;
  void Sink(ExecutionContext& context, DataChunk& chunk, GlobalSinkState& global,
            LocalSinkState& local) const override;
  void Combine(ExecutionContext& context, GlobalSinkState& global, LocalSinkState& local) const override;
  void Finalize(ExecutionContext& context, GlobalSinkState& global) const override;

  std::unique_ptr<GlobalSourceState> GetGlobalSourceState(ExecutionContext& context) const override;
  void GetData(ExecutionContext& context, DataChunk& chunk, GlobalSourceState& global,
               LocalSourceState& local) const override;

  void BuildPipelines(PipelineBuilder& builder, Pipeline& current) override;
  std::string Name() const override { return groups_.empty() ? "UNGROUPED_AGGREGATE" : "HASH_AGGREGATE"; }
  std::string Details() const override;

  /// Byte offset of each aggregate's state within a group's payload.
  const std::vector<idx_t>& state_offsets() const { return state_offsets_; }

 private:
  friend struct AggregateSinkState;
  friend struct AggregateLocalState;

  ExpressionList groups_;
  std::vector<std::unique_ptr<AggregateExpression>> aggregates_;
  std::vector<std::vector<idx_t>> grouping_sets_;
  std::vector<std::vector<idx_t>> grouping_functions_;
  std::vector<idx_t> state_offsets_;
  idx_t payload_bytes_ = 0;
  bool has_deferred_inputs_ = false;  // some aggregate is DISTINCT or ordered
};

}  // namespace switchboard
