// PhysicalHashJoin: equi-joins of every type. children[1] (build) is collected into a
// JoinHashTable; children[0] (probe) streams through it. An optional residual predicate over
// [probe columns, build columns] filters candidate pairs.
#pragma once

#include "exec/physical_operator.h"
#include "sql/planner/expression.h"
#include "sql/planner/logical_operator.h"

namespace switchboard {

class JoinHashTable;

class PhysicalHashJoin : public PhysicalOperator {
 public:
  /// Output: probe columns, then (inner/left/full/single) build columns or (mark) one boolean.
  /// `null_safe[k]`: key k uses IS NOT DISTINCT FROM (NULLs match). RIGHT joins are planned as
  /// LEFT joins with the inputs swapped.
  PhysicalHashJoin(std::vector<LogicalType> types, JoinType join_type, PhysicalOperatorPtr probe,
                   PhysicalOperatorPtr build, ExpressionList probe_keys, ExpressionList build_keys,
                   std::vector<bool> null_safe, ExpressionPtr residual, double estimated_cardinality);
  ~PhysicalHashJoin() override;

  // Build side.
  std::unique_ptr<GlobalSinkState> GetGlobalSinkState(ExecutionContext& context) const override;
  std::unique_ptr<LocalSinkState> GetLocalSinkState(ExecutionContext& context) const override;
  void Sink(ExecutionContext& context, DataChunk& chunk, GlobalSinkState& global,
            LocalSinkState& local) const override;
  void Combine(ExecutionContext& context, GlobalSinkState& global, LocalSinkState& local) const override;
  void Finalize(ExecutionContext& context, GlobalSinkState& global) const override;

  // Probe side.
  std::unique_ptr<OperatorState> GetOperatorState(ExecutionContext& context) const override;
  OperatorResult Execute(ExecutionContext& context, DataChunk& input, DataChunk& output,
                         GlobalOperatorState& global, OperatorState& state) const override;

  // Unmatched build rows (FULL joins), read after the probe pipeline.
  std::unique_ptr<GlobalSourceState> GetGlobalSourceState(ExecutionContext& context) const override;
  void GetData(ExecutionContext& context, DataChunk& chunk, GlobalSourceState& global,
               LocalSourceState& local) const override;

  void BuildPipelines(PipelineBuilder& builder, Pipeline& current) override;
  std::optional<Value> ConstantColumn(idx_t column) const override;
  std::string Name() const override;
  std::string Details() const override;

 private:
  friend struct ProbeState;
  const JoinHashTable& table() const;
  bool EmitsBuildColumns() const;
  /// Build column `column` of `rows` into `result` (a constant vector when it is not stored).
  void GatherBuildColumn(const std::vector<const uint8_t*>& rows, idx_t column, Vector& result) const;

  JoinType join_type_;
  ExpressionList probe_keys_;
  ExpressionList build_keys_;
  std::vector<bool> null_safe_;
  ExpressionPtr residual_;
  std::vector<LogicalType> probe_types_;
  std::vector<LogicalType> build_types_;
  // Per build column: its position among the payload columns the table stores, or nullopt for
  // columns the table does not store: constants of the build plan (emitted as constant vectors)
  // and, for joins that do not emit build columns, those the residual does not read.
  std::vector<std::optional<idx_t>> stored_position_;
  std::vector<std::optional<Value>> build_constants_;
  std::vector<LogicalType> stored_types_;
};

}  // namespace switchboard
