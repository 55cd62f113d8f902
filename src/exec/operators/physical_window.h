// PhysicalWindow: window functions (ranking, navigation, and aggregates over ROWS/RANGE/GROUPS
// frames). Collects its input, sorts it once per distinct (PARTITION BY, ORDER BY), computes every
// function, and emits the input rows with one result column per function.
#pragma once

#include "exec/physical_operator.h"
#include "sql/planner/expression.h"

namespace switchboard {

class PhysicalWindow : public PhysicalOperator {
 public:
  /// `windows` are physical WindowExpressions over the input. For RANGE frames with offsets the
  /// bound's `offset` expression computes the boundary value (order key -/+ offset) per row.
  PhysicalWindow(std::vector<LogicalType> types, std::vector<std::unique_ptr<WindowExpression>> windows,
                 double estimated_cardinality);
  ~PhysicalWindow() override;

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
  std::string Name() const override { return "WINDOW"; }
  std::string Details() const override;

 private:
  std::vector<std::unique_ptr<WindowExpression>> windows_;
};

}  // namespace switchboard
