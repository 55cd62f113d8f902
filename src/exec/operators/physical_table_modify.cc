// INSERT, DELETE, UPDATE and MERGE sinks: rows are applied to the table in Finalize, atomically.
#include "exec/operators/physical_table_modify.h"

#include <algorithm>
#include <atomic>
#include <mutex>

#include "exec/pipeline.h"
#include "function/query_context.h"
#include "sql/planner/logical_operator.h"

namespace switchboard {

namespace {
struct ModifySinkState : GlobalSinkState {
  std::mutex mutex;
  std::unique_ptr<TableAppender> appender;
  std::vector<int64_t> row_ids;
  std::unique_ptr<ChunkCollection> values;  // UPDATE: new values per row id; MERGE: rows to insert
  std::atomic<int64_t> count{0};
};
struct ModifyLocalState : LocalSinkState {
  std::vector<int64_t> row_ids;
  std::unique_ptr<ChunkCollection> values;
};
struct CountSource : GlobalSourceState {
  bool done = false;
};
}  // namespace

PhysicalTableModify::PhysicalTableModify(TableModifyKind kind, std::shared_ptr<TableEntry> table, bool overwrite,
                                         std::vector<idx_t> updated_columns)
    : PhysicalOperator({LogicalType(TypeId::kBigint)}, 1),
      kind_(kind),
      table_(std::move(table)),
      overwrite_(overwrite),
      updated_columns_(std::move(updated_columns)) {}

std::vector<LogicalType> PhysicalTableModify::ValueTypes() const {
  if (kind_ == TableModifyKind::kMerge) return table_->ColumnTypes();
  std::vector<LogicalType> types;
  for (idx_t c : updated_columns_) types.push_back(table_->columns[c].type);
  return types;
}

namespace {
/// MERGE input rows: row ids of updated and deleted rows into `row_ids`, new rows (updates and
/// inserts) into `values`; adds the rows that change something to `count`.
void SinkMergeRows(DataChunk& chunk, ModifyLocalState& local, std::atomic<int64_t>& count) {
  UnifiedFormat actions;
  chunk.column(0).ToUnifiedFormat(chunk.size(), actions);
  UnifiedFormat ids;
  chunk.column(chunk.ColumnCount() - 1).ToUnifiedFormat(chunk.size(), ids);
  const auto* action_data = actions.GetData<int32_t>();
  const auto* id_data = ids.GetData<int64_t>();
  SelectionVector inserted(chunk.size());
  idx_t inserted_count = 0;
  int64_t changed = 0;
  for (idx_t i = 0; i < chunk.size(); ++i) {
    idx_t a = actions.sel->get_index(i);
    auto action = actions.validity->RowIsValid(a) ? static_cast<MergeAction>(action_data[a]) : MergeAction::kNone;
    if (action == MergeAction::kNone) continue;
    ++changed;
    if (action != MergeAction::kInsert) {
      idx_t r = ids.sel->get_index(i);
      SB_CHECK(ids.validity->RowIsValid(r), "MERGE updates or deletes a row without a row id");
      local.row_ids.push_back(id_data[r]);
    }
    if (action != MergeAction::kDelete) inserted.set_index(inserted_count++, i);
  }
  count.fetch_add(changed);
  if (inserted_count == 0) return;
  DataChunk rows;
  rows.Initialize(local.values->types(), 0);
  for (idx_t c = 0; c < rows.ColumnCount(); ++c) rows.column(c) = chunk.column(c + 1);
  rows.SetSize(chunk.size());
  rows.Slice(inserted, inserted_count);
  local.values->Append(rows);
}
}  // namespace

std::unique_ptr<GlobalSinkState> PhysicalTableModify::GetGlobalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<ModifySinkState>();
  if (kind_ == TableModifyKind::kInsert) state->appender = table_->CreateAppender(overwrite_);
  if (kind_ == TableModifyKind::kUpdate || kind_ == TableModifyKind::kMerge) {
    state->values = std::make_unique<ChunkCollection>(ValueTypes(), context.query->memory);
  }
  return state;
}

std::unique_ptr<LocalSinkState> PhysicalTableModify::GetLocalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<ModifyLocalState>();
  if (kind_ == TableModifyKind::kUpdate || kind_ == TableModifyKind::kMerge) {
    state->values = std::make_unique<ChunkCollection>(ValueTypes(), context.query->memory);
  }
  return state;
}

void PhysicalTableModify::Sink(ExecutionContext&, DataChunk& chunk, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<ModifySinkState&>(global);
  auto& l = static_cast<ModifyLocalState&>(local);
  if (kind_ == TableModifyKind::kMerge) {
    SinkMergeRows(chunk, l, g.count);
    return;
  }
  g.count.fetch_add(static_cast<int64_t>(chunk.size()));
  if (kind_ == TableModifyKind::kInsert) {
    g.appender->Append(chunk);
    return;
  }
  const Vector& ids = chunk.column(chunk.ColumnCount() - 1);
  UnifiedFormat format;
  ids.ToUnifiedFormat(chunk.size(), format);
  for (idx_t i = 0; i < chunk.size(); ++i) l.row_ids.push_back(format.GetData<int64_t>()[format.sel->get_index(i)]);
  if (kind_ == TableModifyKind::kUpdate) {
    DataChunk values;
    values.Initialize(l.values->types(), 0);
    for (idx_t c = 0; c < updated_columns_.size(); ++c) values.column(c) = chunk.column(c);
    values.SetSize(chunk.size());
    l.values->Append(values);
  }
}

void PhysicalTableModify::Combine(ExecutionContext&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<ModifySinkState&>(global);
  auto& l = static_cast<ModifyLocalState&>(local);
  std::lock_guard<std::mutex> lock(g.mutex);
  g.row_ids.insert(g.row_ids.end(), l.row_ids.begin(), l.row_ids.end());
  if (l.values) g.values->Merge(std::move(*l.values));
}

void PhysicalTableModify::Finalize(ExecutionContext&, GlobalSinkState& global) const {
  auto& g = static_cast<ModifySinkState&>(global);
  switch (kind_) {
    case TableModifyKind::kInsert: g.appender->Commit(); break;
    case TableModifyKind::kDelete: table_->DeleteRows(g.row_ids); break;
    case TableModifyKind::kUpdate: table_->UpdateRows(g.row_ids, updated_columns_, *g.values); break;
    case TableModifyKind::kMerge: {
      std::vector<int64_t> sorted = g.row_ids;
      std::sort(sorted.begin(), sorted.end());
      if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
        SB_THROW(kCardinalityViolation, "One MERGE target table row matched more than one source row");
      }
      table_->MergeRows(g.row_ids, *g.values);
      break;
    }
  }
}

std::unique_ptr<GlobalSourceState> PhysicalTableModify::GetGlobalSourceState(ExecutionContext&) const {
  return std::make_unique<CountSource>();
}

void PhysicalTableModify::GetData(ExecutionContext&, DataChunk& chunk, GlobalSourceState& global, LocalSourceState&) const {
  auto& state = static_cast<CountSource&>(global);
  if (state.done) return;
  state.done = true;
  chunk.column(0).data<int64_t>()[0] = static_cast<ModifySinkState&>(*sink_state).count.load();
  chunk.SetSize(1);
}

void PhysicalTableModify::BuildPipelines(PipelineBuilder& builder, Pipeline& current) {
  current.source = this;
  Pipeline& input = builder.CreatePipeline();
  input.sink = this;
  children[0]->BuildPipelines(builder, input);
}

std::string PhysicalTableModify::Name() const {
  switch (kind_) {
    case TableModifyKind::kInsert: return overwrite_ ? "INSERT_OVERWRITE" : "INSERT";
    case TableModifyKind::kDelete: return "DELETE";
    case TableModifyKind::kUpdate: return "UPDATE";
    case TableModifyKind::kMerge: return "MERGE";
  }
  return "MODIFY";
}

}  // namespace switchboard
