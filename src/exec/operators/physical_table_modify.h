// PhysicalTableModify: the sink of INSERT, DELETE, UPDATE and MERGE; afterwards a source of one row
// holding the number of rows changed.
#pragma once

#include <memory>

#include "catalog/catalog.h"
#include "exec/physical_operator.h"

namespace switchboard {

enum class TableModifyKind : uint8_t { kInsert, kDelete, kUpdate, kMerge };

class PhysicalTableModify : public PhysicalOperator {
 public:
  /// Input rows: for kInsert the table's columns in order; for kDelete the row id (bigint) last;
  /// for kUpdate the new values of `updated_columns`, then the row id; for kMerge the action
  /// (integer MergeAction), the new row (all table columns) and the target row id.
  PhysicalTableModify(TableModifyKind kind, std::shared_ptr<TableEntry> table, bool overwrite,
                      std::vector<idx_t> updated_columns);

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
  std::string Name() const override;
  std::string Details() const override { return table_->name.ToString(); }

 private:
  /// Types of the rows collected besides row ids: UPDATE's new values, MERGE's new rows.
  std::vector<LogicalType> ValueTypes() const;

  TableModifyKind kind_;
  std::shared_ptr<TableEntry> table_;
  bool overwrite_;
  std::vector<idx_t> updated_columns_;
};

}  // namespace switchboard
