// Sorting: rows and their evaluated sort keys are buffered per thread, merged, then sorted with
// normalized keys. Top-N prunes each thread's buffer to the rows that can still qualify.
#include "exec/operators/physical_order.h"

#include <mutex>

#include <fmt/format.h>

#include "common/string_util.h"
#include "exec/expression_executor.h"
#include "exec/pipeline.h"
#include "exec/row_sorter.h"
#include "function/query_context.h"

namespace switchboard {

namespace {

struct OrderSinkState : GlobalSinkState {
  std::mutex mutex;
  std::unique_ptr<ChunkCollection> rows;
  std::vector<idx_t> order;  // after Finalize: the rows to emit, in order
};

struct OrderLocalState : LocalSinkState {
  std::unique_ptr<ExpressionExecutor> executor;
  std::unique_ptr<ChunkCollection> rows;
  DataChunk extended;  // input columns + sort keys
};

std::vector<SortSpec> Specs(const std::vector<BoundOrder>& orders, idx_t first_key) {
  std::vector<SortSpec> specs;
  for (size_t k = 0; k < orders.size(); ++k) {
    specs.push_back({first_key + k, orders[k].descending, orders[k].nulls_first});
  }
  return specs;
}

}  // namespace

PhysicalOrder::PhysicalOrder(std::vector<LogicalType> types, std::vector<BoundOrder> orders,
                             std::optional<int64_t> limit, int64_t offset, bool with_ties,
                             double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality),
      orders_(std::move(orders)),
      limit_(limit),
      offset_(offset),
      with_ties_(with_ties) {}

std::unique_ptr<GlobalSinkState> PhysicalOrder::GetGlobalSinkState(ExecutionContext&) const {
  return std::make_unique<OrderSinkState>();
}

std::unique_ptr<LocalSinkState> PhysicalOrder::GetLocalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<OrderLocalState>();
  std::vector<const Expression*> keys;
  std::vector<LogicalType> extended_types = types;
  for (const auto& o : orders_) {
    keys.push_back(o.expression.get());
    extended_types.push_back(o.expression->type);
  }
  state->executor = std::make_unique<ExpressionExecutor>(context.query, keys);
  state->rows = std::make_unique<ChunkCollection>(extended_types, context.query->memory);
  state->extended.Initialize(extended_types);
  return state;
}

// Keeps only the rows of `rows` that can be among the first `keep` (ties included).
static std::unique_ptr<ChunkCollection> Prune(std::unique_ptr<ChunkCollection> rows, const std::vector<SortSpec>& specs,
                                              idx_t keep, QueryContext* query) {
  RowSorter sorter(*rows, specs);
  std::vector<idx_t> order = sorter.SortTop(keep);
  idx_t end = std::min<idx_t>(keep, order.size());
  while (end > 0 && end < order.size() && sorter.Compare(order[end - 1], order[end]) == 0) ++end;
  auto pruned = std::make_unique<ChunkCollection>(rows->types(), query->memory);
  std::vector<idx_t> all(rows->types().size());
  for (idx_t c = 0; c < all.size(); ++c) all[c] = c;
  DataChunk buffer;
  buffer.Initialize(rows->types());
  for (idx_t start = 0; start < end; start += kVectorSize) {
    idx_t n = std::min(kVectorSize, end - start);
    buffer.Reset();
    GatherRows(*rows, order.data() + start, n, all, buffer);
    pruned->Append(buffer);
  }
  return pruned;
}

void PhysicalOrder::Sink(ExecutionContext& context, DataChunk& chunk, GlobalSinkState&, LocalSinkState& local) const {
  auto& l = static_cast<OrderLocalState&>(local);
  l.extended.Reset();
  for (idx_t c = 0; c < chunk.ColumnCount(); ++c) l.extended.column(c) = chunk.column(c);
  for (idx_t k = 0; k < orders_.size(); ++k) l.executor->Execute(chunk, k, l.extended.column(chunk.ColumnCount() + k));
  l.extended.SetSize(chunk.size());
  l.rows->Append(l.extended);
  if (limit_) {
    idx_t keep = static_cast<idx_t>(*limit_ + offset_);
    if (l.rows->size() > std::max<idx_t>(4 * keep, 8 * kVectorSize)) {
      l.rows = Prune(std::move(l.rows), Specs(orders_, types.size()), keep, context.query);
    }
  }
}

void PhysicalOrder::Combine(ExecutionContext&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<OrderSinkState&>(global);
  auto& l = static_cast<OrderLocalState&>(local);
  std::lock_guard<std::mutex> lock(g.mutex);
  if (!g.rows) {
    g.rows = std::move(l.rows);
  } else {
    g.rows->Merge(std::move(*l.rows));
  }
}

void PhysicalOrder::Finalize(ExecutionContext&, GlobalSinkState& global) const {
  auto& g = static_cast<OrderSinkState&>(global);
  if (!g.rows) return;
  RowSorter sorter(*g.rows, Specs(orders_, types.size()));
  if (!limit_) {
    g.order = sorter.Sort();
    return;
  }
  idx_t begin = static_cast<idx_t>(offset_);
  idx_t end = static_cast<idx_t>(offset_ + *limit_);
  std::vector<idx_t> order = sorter.SortTop(end);
  end = std::min<idx_t>(end, order.size());
  if (with_ties_) {
    while (end > 0 && end < order.size() && sorter.Compare(order[end - 1], order[end]) == 0) ++end;
  }
  begin = std::min(begin, end);
  g.order.assign(order.begin() + static_cast<std::ptrdiff_t>(begin), order.begin() + static_cast<std::ptrdiff_t>(end));
}

namespace {
struct OrderSourceState : GlobalSourceState {
  idx_t position = 0;
};
}  // namespace

std::unique_ptr<GlobalSourceState> PhysicalOrder::GetGlobalSourceState(ExecutionContext&) const {
  return std::make_unique<OrderSourceState>();
}

void PhysicalOrder::GetData(ExecutionContext&, DataChunk& chunk, GlobalSourceState& global, LocalSourceState&) const {
  auto& g = static_cast<OrderSinkState&>(*sink_state);
  auto& state = static_cast<OrderSourceState&>(global);
  if (!g.rows || state.position >= g.order.size()) return;
  idx_t n = std::min(kVectorSize, g.order.size() - state.position);
  std::vector<idx_t> columns(types.size());
  for (idx_t c = 0; c < columns.size(); ++c) columns[c] = c;
  GatherRows(*g.rows, g.order.data() + state.position, n, columns, chunk);
  state.position += n;
}

void PhysicalOrder::BuildPipelines(PipelineBuilder& builder, Pipeline& current) {
  current.source = this;
  Pipeline& input = builder.CreatePipeline();
  input.sink = this;
  children[0]->BuildPipelines(builder, input);
}

std::string PhysicalOrder::Details() const {
  std::vector<std::string> parts;
  for (const auto& o : orders_) {
    parts.push_back(o.expression->ToString() + (o.descending ? " DESC" : " ASC") +
                    (o.nulls_first ? " NULLS FIRST" : " NULLS LAST"));
  }
  std::string out = Join(parts, ", ");
  if (limit_) out += fmt::format(" limit={}", *limit_);
  if (offset_ > 0) out += fmt::format(" offset={}", offset_);
  if (with_ties_) out += " with ties";
  return out;
}

}  // namespace switchboard
