// PhysicalTableScan: a source over a table function (tables, files and remote databases).
#pragma once

#include "exec/physical_operator.h"
#include "function/function.h"

namespace switchboard {

class PhysicalTableScan : public PhysicalOperator {
 public:
  PhysicalTableScan(std::vector<LogicalType> types, TableFunction function,
                    std::shared_ptr<const FunctionData> bind_data, std::vector<idx_t> column_ids,
                    std::vector<TableFilter> filters, std::string display_name,
                    std::vector<std::string> column_names, double estimated_cardinality);

  std::unique_ptr<GlobalSourceState> GetGlobalSourceState(ExecutionContext& context) const override;
  std::unique_ptr<LocalSourceState> GetLocalSourceState(ExecutionContext& context,
                                                        GlobalSourceState& global) const override;
  void GetData(ExecutionContext& context, DataChunk& chunk, GlobalSourceState& global,
               LocalSourceState& local) const override;
  void BuildPipelines(PipelineBuilder& builder, Pipeline& current) override;

  std::string Name() const override { return "TABLE_SCAN"; }
  std::string Details() const override;
  std::string ProfileDetails() const override;

 private:
  TableFunction function_;
  std::shared_ptr<const FunctionData> bind_data_;
  std::vector<idx_t> column_ids_;
  std::vector<TableFilter> filters_;
  std::string display_name_;
  std::vector<std::string> column_names_;
  /// The last global state, kept for EXPLAIN ANALYZE counters.
  mutable std::shared_ptr<GlobalTableState> last_state_;
};

}  // namespace switchboard
