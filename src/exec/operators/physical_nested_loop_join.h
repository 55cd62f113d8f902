// PhysicalNestedLoopJoin: joins on arbitrary predicates (and cross products) by pairing every
// probe row with the materialized build side, a build chunk at a time.
#pragma once

#include "exec/physical_operator.h"
#include "sql/planner/expression.h"
#include "sql/planner/logical_operator.h"

namespace switchboard {

class PhysicalNestedLoopJoin : public PhysicalOperator {
 public:
  /// `predicate` (may be null: cross product) is over [probe columns, build columns]. Output
  /// columns as for PhysicalHashJoin.
  PhysicalNestedLoopJoin(std::vector<LogicalType> types, JoinType join_type, PhysicalOperatorPtr probe,
                         PhysicalOperatorPtr build, ExpressionPtr predicate, double estimated_cardinality);

  std::unique_ptr<GlobalSinkState> GetGlobalSinkState(ExecutionContext& context) const override;
  std::unique_ptr<LocalSinkState> GetLocalSinkState(ExecutionContext& context) const override;
  void Sink(ExecutionContext& context, DataChunk& chunk, GlobalSinkState& global,
            LocalSinkState& local) const override;
  void Combine(ExecutionContext& context, GlobalSinkState& global, LocalSinkState& local) const override;
  void Finalize(ExecutionContext& context, GlobalSinkState& global) const override;

  std::unique_ptr<OperatorState> GetOperatorState(ExecutionContext& context) const override;
  OperatorResult Execute(ExecutionContext& context, DataChunk& input, DataChunk& output,
                         GlobalOperatorState& global, OperatorState& state) const override;

  std::unique_ptr<GlobalSourceState> GetGlobalSourceState(ExecutionContext& context) const override;
  void GetData(ExecutionContext& context, DataChunk& chunk, GlobalSourceState& global,
               LocalSourceState& local) const override;

  void BuildPipelines(PipelineBuilder& builder, Pipeline& current) override;
  std::string Name() const override;
  std::string Details() const override;

 private:
  JoinType join_type_;
  ExpressionPtr predicate_;
  std::vector<LogicalType> probe_types_;
  std::vector<LogicalType> build_types_;
};

}  // namespace switchboard
