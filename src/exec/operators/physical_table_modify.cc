// INSERT, DELETE and UPDATE sinks: rows are applied to the table in Finalize, atomically.
#include "exec/operators/physical_table_modify.h"

#include <atomic>
#include <mutex>

#include "exec/pipeline.h"
#include "function/query_context.h"

namespace switchboard {

namespace {
struct ModifySinkState : GlobalSinkState {
  std::mutex mutex;
  std::unique_ptr<TableAppender> appender;
  std::vector<int64_t> row_ids;
  std::unique_ptr<ChunkCollection> values;  // UPDATE: new values per row id
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

std::unique_ptr<GlobalSinkState> PhysicalTableModify::GetGlobalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<ModifySinkState>();
  if (kind_ == TableModifyKind::kInsert) state->appender = table_->CreateAppender(overwrite_);
  if (kind_ == TableModifyKind::kUpdate) {
    std::vector<LogicalType> value_types;
    for (idx_t c : updated_columns_) value_types.push_back(table_->columns[c].type);
    state->values = std::make_unique<ChunkCollection>(value_types, context.query->memory);
  }
  return state;
}

std::unique_ptr<LocalSinkState> PhysicalTableModify::GetLocalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<ModifyLocalState>();
  if (kind_ == TableModifyKind::kUpdate) {
    std::vector<LogicalType> value_types;
    for (idx_t c : updated_columns_) value_types.push_back(table_->columns[c].type);
    state->values = std::make_unique<ChunkCollection>(value_types, context.query->memory);
  }
  return state;
}

void PhysicalTableModify::Sink(ExecutionContext&, DataChunk& chunk, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<ModifySinkState&>(global);
  auto& l = static_cast<ModifyLocalState&>(local);
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
  }
  return "MODIFY";
}

}  // namespace switchboard
