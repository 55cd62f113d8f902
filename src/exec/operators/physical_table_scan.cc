// Table function scans.
#include "exec/operators/physical_table_scan.h"

#include "common/string_util.h"
#include "exec/pipeline.h"

namespace switchboard {

namespace {

struct ScanGlobalState : GlobalSourceState {
  TableScanRequest request;
  std::shared_ptr<GlobalTableState> table_state;
  idx_t MaxThreads() const override { return table_state->MaxThreads(); }
};

struct ScanLocalState : LocalSourceState {
  std::unique_ptr<LocalTableState> table_state;
};

}  // namespace

PhysicalTableScan::PhysicalTableScan(std::vector<LogicalType> types, TableFunction function,
                                     std::shared_ptr<const FunctionData> bind_data,
                                     std::vector<idx_t> column_ids, std::vector<TableFilter> filters,
                                     std::string display_name, std::vector<std::string> column_names,
                                     double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality),
      function_(std::move(function)),
      bind_data_(std::move(bind_data)),
      column_ids_(std::move(column_ids)),
      filters_(std::move(filters)),
      display_name_(std::move(display_name)),
      column_names_(std::move(column_names)) {}

std::unique_ptr<GlobalSourceState> PhysicalTableScan::GetGlobalSourceState(ExecutionContext& context) const {
  auto state = std::make_unique<ScanGlobalState>();
  state->request.bind_data = bind_data_.get();
  state->request.column_ids = column_ids_;
  state->request.filters = filters_;
  state->request.query = context.query;
  state->table_state = function_.init_global(state->request);
  last_state_ = state->table_state;
  return state;
}

std::unique_ptr<LocalSourceState> PhysicalTableScan::GetLocalSourceState(ExecutionContext&,
                                                                         GlobalSourceState& global) const {
  auto& g = static_cast<ScanGlobalState&>(global);
  auto state = std::make_unique<ScanLocalState>();
  state->table_state = function_.init_local(g.request, *g.table_state);
  return state;
}

void PhysicalTableScan::GetData(ExecutionContext&, DataChunk& chunk, GlobalSourceState& global,
                                LocalSourceState& local) const {
  auto& g = static_cast<ScanGlobalState&>(global);
  auto& l = static_cast<ScanLocalState&>(local);
  function_.scan(g.request, *g.table_state, *l.table_state, chunk);
}

void PhysicalTableScan::BuildPipelines(PipelineBuilder&, Pipeline& current) { current.source = this; }

std::string PhysicalTableScan::Details() const {
  std::vector<std::string> columns;
  for (idx_t id : column_ids_) columns.push_back(id == kRowIdColumn ? "rowid" : column_names_[id]);
  std::string out = display_name_ + " columns=[" + Join(columns, ", ") + "]";
  if (!filters_.empty()) {
    std::vector<std::string> parts;
    for (const auto& f : filters_) parts.push_back(f.ToString(column_names_[f.column]));
    out += " filters=[" + Join(parts, " AND ") + "]";
  }
  if (function_.describe) {
    std::string extra = function_.describe(bind_data_.get());
    if (!extra.empty()) out += " " + extra;
  }
  return out;
}

std::string PhysicalTableScan::ProfileDetails() const {
  if (!function_.describe_progress || !last_state_) return "";
  return function_.describe_progress(*last_state_);
}

}  // namespace switchboard
