// Hash aggregation: thread-local partitioned pre-aggregation, parallel partition merge. DISTINCT
// and ordered (ORDER BY) aggregates collect their inputs while sinking and update their groups in
// Finalize: deduplicated, then sorted by the ordering keys.
#include "exec/operators/physical_hash_aggregate.h"

#include <atomic>
#include <mutex>

#include "common/string_util.h"
#include "common/thread_pool.h"
#include "exec/expression_executor.h"
#include "exec/grouped_hash_table.h"
#include "exec/pipeline.h"
#include "exec/row_sorter.h"
#include "exec/vector_hash.h"
#include "function/query_context.h"

namespace switchboard {

namespace {

constexpr idx_t kPartitionBits = 4;
constexpr idx_t kPartitions = idx_t{1} << kPartitionBits;

inline idx_t PartitionOf(hash_t hash) { return (hash >> 40) & (kPartitions - 1); }

idx_t AlignState(idx_t size) { return (size + 15) / 16 * 16; }

using TablePtr = std::unique_ptr<GroupedHashTable>;
using CollectionPtr = std::unique_ptr<ChunkCollection>;

/// Whether an aggregate sees its inputs only in Finalize: DISTINCT ones deduplicated, ordered
/// ones sorted by their ORDER BY keys.
bool DefersInputs(const AggregateExpression& aggregate) {
  return aggregate.distinct || !aggregate.order_by.empty();
}

/// Positions 0..count) grouped by partition (one partition when `partitioned` is false), each in
/// input order.
std::vector<std::vector<sel_t>> RouteToPartitions(const hash_t* hashes, idx_t count,
                                                  bool partitioned) {
  std::vector<std::vector<sel_t>> routed(partitioned ? kPartitions : 1);
  for (idx_t i = 0; i < count; ++i)
    routed[partitioned ? PartitionOf(hashes[i]) : 0].push_back(static_cast<sel_t>(i));
  return routed;
}

}  // namespace

/// Everything the threads produced, and after Finalize the merged tables.
struct AggregateSinkState : GlobalSinkState {
  const PhysicalHashAggregate* op = nullptr;
  std::mutex mutex;
  // [set][partition] -> one table per thread, then (after Finalize) the merged table at [0].
  std::vector<std::vector<std::vector<TablePtr>>> tables;
  // [set][aggregate] -> per-thread distinct tables (keys of the set, arguments, ordering keys).
  std::vector<std::vector<std::vector<TablePtr>>> distinct_tables;
  // [set][aggregate] -> the inputs of an ordered non-DISTINCT aggregate (same columns).
  std::vector<std::vector<CollectionPtr>> ordered_inputs;
  // Ungrouped fast path: one combined payload.
  std::vector<uint8_t> single_payload;
  bool single_initialized = false;

  ~AggregateSinkState() override;
  bool UsesSinglePayload() const;
  /// payloads[i] = the payload of key row i's group in grouping set `set`. Only after the
  /// partitions are merged, when every group exists.
  void FindGroupPayloads(size_t set, const std::vector<const Vector*>& keys, idx_t count,
                         uint8_t** payloads);
  /// Updates deferred aggregate `aggregate` of grouping set `set` with `inputs` (keys, arguments,
  /// ordering keys), row by row in order.
  void UpdateDeferred(size_t set, size_t aggregate, DataChunk& inputs);
};

struct AggregateLocalState : LocalSinkState {
  std::unique_ptr<ExpressionExecutor> executor;
  std::vector<Vector> values;  // evaluated groups, arguments, filters
  std::vector<std::vector<TablePtr>> tables;           // [set][partition]
  std::vector<std::vector<TablePtr>> distinct_tables;  // [set][aggregate]
  std::vector<std::vector<CollectionPtr>> ordered_inputs;  // [set][aggregate]
  std::vector<uint8_t> single_payload;
  // Scratch.
  std::vector<hash_t> hashes;
  std::vector<uint8_t*> rows;
  std::vector<uint8_t*> states;
};

namespace {

// Index layout of the evaluated expressions: groups, then per aggregate its arguments, filter
// and ordering keys.
struct InputLayout {
  std::vector<idx_t> argument_start;
  std::vector<idx_t> filter_index;  // kRowIdColumn when none
  std::vector<idx_t> order_start;
  std::vector<const Expression*> expressions;
};

InputLayout MakeInputLayout(const ExpressionList& groups,
                            const std::vector<std::unique_ptr<AggregateExpression>>& aggregates) {
  InputLayout layout;
  for (const auto& g : groups) layout.expressions.push_back(g.get());
  for (const auto& a : aggregates) {
    layout.argument_start.push_back(layout.expressions.size());
    for (const auto& arg : a->children) layout.expressions.push_back(arg.get());
    if (a->filter) {
      layout.filter_index.push_back(layout.expressions.size());
      layout.expressions.push_back(a->filter.get());
    } else {
      layout.filter_index.push_back(kRowIdColumn);
    }
    layout.order_start.push_back(layout.expressions.size());
    for (const auto& order : a->order_by) layout.expressions.push_back(order.expression.get());
  }
  return layout;
}

std::vector<LogicalType> KeyTypes(const ExpressionList& groups, const std::vector<idx_t>& set) {
  std::vector<LogicalType> types;
  for (idx_t g : set) types.push_back(groups[g]->type);
  return types;
}

/// The columns a deferred aggregate keeps per input row: the grouping set's keys, the
/// arguments, then the ordering keys.
std::vector<LogicalType> DeferredInputTypes(const ExpressionList& groups,
                                            const std::vector<idx_t>& set,
                                            const AggregateExpression& aggregate) {
  std::vector<LogicalType> types = KeyTypes(groups, set);
  for (const auto& argument : aggregate.children) types.push_back(argument->type);
  for (const auto& order : aggregate.order_by) types.push_back(order.expression->type);
  return types;
}

/// Positions of the rows 0..count) where the boolean `filter` is true go to `keep`; returns how
/// many.
idx_t SelectPassingRows(const Vector& filter, idx_t count, SelectionVector& keep) {
  UnifiedFormat format;
  filter.ToUnifiedFormat(count, format);
  const bool* pass = format.GetData<bool>();
  idx_t kept = 0;
  for (idx_t i = 0; i < count; ++i) {
    idx_t index = format.sel->get_index(i);
    if (format.validity->RowIsValid(index) && pass[index]) keep.set_index(kept++, i);
  }
  return kept;
}

// Runs `update` of aggregate `a` for rows 0..count) of `values` whose states are `states`,
// keeping only rows where the FILTER holds.
void UpdateAggregate(const AggregateExpression& aggregate, std::vector<Vector>& values, idx_t argument_start,
                     idx_t filter_index, idx_t count, uint8_t** states) {
  std::vector<Vector> arguments;
  for (idx_t i = 0; i < aggregate.children.size(); ++i) arguments.push_back(values[argument_start + i]);
  std::vector<uint8_t*> filtered_states;
  if (filter_index != kRowIdColumn) {
    SelectionVector keep(count);
    idx_t kept = SelectPassingRows(values[filter_index], count, keep);
    if (kept < count) {
      for (auto& arg : arguments) arg.Slice(keep, kept);
      filtered_states.resize(kept);
      for (idx_t i = 0; i < kept; ++i) filtered_states[i] = states[keep.get_index(i)];
      states = filtered_states.data();
      count = kept;
    }
  }
  if (count == 0) return;
  AggregateInputs inputs{arguments.data(), arguments.size(), count, aggregate.bind_data.get()};
  aggregate.function.update(inputs, states);
}

}  // namespace

bool AggregateSinkState::UsesSinglePayload() const {
  return op->groups_.empty() && !op->has_deferred_inputs_ && op->grouping_sets_.size() == 1;
}

void AggregateSinkState::FindGroupPayloads(size_t set, const std::vector<const Vector*>& keys,
                                           idx_t count, uint8_t** payloads) {
  std::vector<hash_t> hashes(count);
  HashColumns(keys, count, hashes.data());
  auto routed = RouteToPartitions(hashes.data(), count, !op->grouping_sets_[set].empty());
  for (size_t p = 0; p < routed.size(); ++p) {
    const auto& positions = routed[p];
    if (positions.empty()) continue;
    SB_CHECK(!tables[set][p].empty());
    GroupedHashTable& table = *tables[set][p][0];
    idx_t n = positions.size();
    SelectionVector sel(n);
    std::vector<hash_t> partition_hashes(n);
    for (idx_t k = 0; k < n; ++k) {
      sel.set_index(k, positions[k]);
      partition_hashes[k] = hashes[positions[k]];
    }
    std::vector<Vector> sliced;
    std::vector<const Vector*> sliced_keys;
    sliced.reserve(keys.size());
    for (const Vector* key : keys) {
      sliced.push_back(*key);
      if (n < count) sliced.back().Slice(sel, n);
      sliced_keys.push_back(&sliced.back());
    }
    std::vector<uint8_t*> rows(n);
    SelectionVector created(n);
    idx_t created_count =
        table.FindOrCreate(sliced_keys, partition_hashes.data(), n, rows.data(), created);
    SB_CHECK(created_count == 0);
    for (idx_t k = 0; k < n; ++k) payloads[positions[k]] = rows[k] + table.payload_offset();
  }
}

void AggregateSinkState::UpdateDeferred(size_t set, size_t aggregate_index, DataChunk& inputs) {
  const auto& aggregate = *op->aggregates_[aggregate_index];
  idx_t key_count = op->grouping_sets_[set].size();
  idx_t count = inputs.size();
  std::vector<const Vector*> keys;
  for (idx_t k = 0; k < key_count; ++k) keys.push_back(&inputs.column(k));
  std::vector<uint8_t*> states(count);
  FindGroupPayloads(set, keys, count, states.data());
  for (idx_t i = 0; i < count; ++i) states[i] += op->state_offsets_[aggregate_index];
  std::vector<Vector> arguments(inputs.columns().begin() + key_count,
                                inputs.columns().begin() + key_count + aggregate.children.size());
  AggregateInputs update_inputs{arguments.data(), arguments.size(), count,
                                aggregate.bind_data.get()};
  aggregate.function.update(update_inputs, states.data());
}

AggregateSinkState::~AggregateSinkState() {
  // Release the states of aggregates that own heap memory.
  auto destroy = [&](GroupedHashTable& table) {
    table.ForEachBatch([&](uint8_t** rows, idx_t count) {
      std::vector<uint8_t*> states(count);
      for (size_t a = 0; a < op->aggregates_.size(); ++a) {
        const auto& f = op->aggregates_[a]->function;
        if (!f.destroy) continue;
        for (idx_t i = 0; i < count; ++i) states[i] = rows[i] + table.payload_offset() + op->state_offsets_[a];
        f.destroy(states.data(), count);
      }
    });
  };
  for (auto& set : tables) {
    for (auto& partition : set) {
      for (auto& table : partition) {
        if (table) destroy(*table);
      }
    }
  }
  if (single_initialized) {
    for (size_t a = 0; a < op->aggregates_.size(); ++a) {
      const auto& f = op->aggregates_[a]->function;
      uint8_t* state = single_payload.data() + op->state_offsets_[a];
      if (f.destroy) f.destroy(&state, 1);
    }
  }
}

PhysicalHashAggregate::PhysicalHashAggregate(std::vector<LogicalType> types, ExpressionList groups,
                                             std::vector<std::unique_ptr<AggregateExpression>> aggregates,
                                             std::vector<std::vector<idx_t>> grouping_sets,
                                             std::vector<std::vector<idx_t>> grouping_functions,
                                             double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality),
      groups_(std::move(groups)),
      aggregates_(std::move(aggregates)),
      grouping_sets_(std::move(grouping_sets)),
      grouping_functions_(std::move(grouping_functions)) {
  if (grouping_sets_.empty()) {
    std::vector<idx_t> all;
    for (idx_t g = 0; g < groups_.size(); ++g) all.push_back(g);
    grouping_sets_.push_back(std::move(all));
  }
  for (const auto& a : aggregates_) {
    state_offsets_.push_back(payload_bytes_);
    payload_bytes_ += AlignState(a->function.state_size);
    has_deferred_inputs_ = has_deferred_inputs_ || DefersInputs(*a);
  }
}

// The sink state destroys aggregate states through this operator's aggregates: release it first.
PhysicalHashAggregate::~PhysicalHashAggregate() { sink_state.reset(); }

std::unique_ptr<GlobalSinkState> PhysicalHashAggregate::GetGlobalSinkState(ExecutionContext&) const {
  auto state = std::make_unique<AggregateSinkState>();
  state->op = this;
  state->tables.resize(grouping_sets_.size());
  for (auto& set : state->tables) set.resize(kPartitions);
  state->distinct_tables.resize(grouping_sets_.size());
  for (auto& set : state->distinct_tables) set.resize(aggregates_.size());
  state->ordered_inputs.resize(grouping_sets_.size());
  for (auto& set : state->ordered_inputs) set.resize(aggregates_.size());
  return state;
}

std::unique_ptr<LocalSinkState> PhysicalHashAggregate::GetLocalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<AggregateLocalState>();
  InputLayout layout = MakeInputLayout(groups_, aggregates_);
  state->executor = std::make_unique<ExpressionExecutor>(context.query, layout.expressions);
  state->values.resize(layout.expressions.size());
  state->tables.resize(grouping_sets_.size());
  state->distinct_tables.resize(grouping_sets_.size());
  state->ordered_inputs.resize(grouping_sets_.size());
  for (size_t s = 0; s < grouping_sets_.size(); ++s) {
    state->tables[s].resize(kPartitions);
    state->distinct_tables[s].resize(aggregates_.size());
    state->ordered_inputs[s].resize(aggregates_.size());
  }
  return state;
}

void PhysicalHashAggregate::Sink(ExecutionContext& context, DataChunk& chunk, GlobalSinkState& global,
                                 LocalSinkState& local) const {
  auto& g = static_cast<AggregateSinkState&>(global);
  auto& l = static_cast<AggregateLocalState&>(local);
  idx_t count = chunk.size();
  if (count == 0) return;
  InputLayout layout = MakeInputLayout(groups_, aggregates_);
  for (idx_t i = 0; i < layout.expressions.size(); ++i) l.executor->Execute(chunk, i, l.values[i]);

  if (g.UsesSinglePayload()) {
    if (l.single_payload.empty()) {
      l.single_payload.assign(payload_bytes_ + 16, 0);
      for (size_t a = 0; a < aggregates_.size(); ++a) {
        aggregates_[a]->function.initialize(l.single_payload.data() + state_offsets_[a], aggregates_[a]->bind_data.get());
      }
    }
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      const auto& aggregate = *aggregates_[a];
      uint8_t* state = l.single_payload.data() + state_offsets_[a];
      if (layout.filter_index[a] == kRowIdColumn && aggregate.function.simple_update) {
        std::vector<Vector> arguments;
        for (idx_t i = 0; i < aggregate.children.size(); ++i) arguments.push_back(l.values[layout.argument_start[a] + i]);
        AggregateInputs inputs{arguments.data(), arguments.size(), count, aggregate.bind_data.get()};
        aggregate.function.simple_update(inputs, state);
      } else {
        l.states.assign(count, state);
        UpdateAggregate(aggregate, l.values, layout.argument_start[a], layout.filter_index[a], count, l.states.data());
      }
    }
    return;
  }

  l.hashes.resize(count);
  l.rows.resize(count);
  l.states.resize(count);
  for (size_t s = 0; s < grouping_sets_.size(); ++s) {
    const auto& set = grouping_sets_[s];
    std::vector<const Vector*> keys;
    for (idx_t gi : set) keys.push_back(&l.values[gi]);
    HashColumns(keys, count, l.hashes.data());
    // Route rows to partitions; each partition table sees its rows in input order.
    auto routed = RouteToPartitions(l.hashes.data(), count, !set.empty());
    for (idx_t p = 0; p < routed.size(); ++p) {
      auto& rows_of_partition = routed[p];
      if (rows_of_partition.empty()) continue;
      auto& table = l.tables[s][p];
      if (!table) table = std::make_unique<GroupedHashTable>(KeyTypes(groups_, set), payload_bytes_, context.query->memory);
      idx_t n = rows_of_partition.size();
      std::vector<Vector> sliced;
      std::vector<const Vector*> sliced_keys;
      SelectionVector sel(n);
      std::vector<hash_t> part_hashes(n);
      for (idx_t k = 0; k < n; ++k) {
        sel.set_index(k, rows_of_partition[k]);
        part_hashes[k] = l.hashes[rows_of_partition[k]];
      }
      bool whole = n == count;
      sliced.reserve(keys.size());
      for (const Vector* key : keys) {
        sliced.push_back(*key);
        if (!whole) sliced.back().Slice(sel, n);
      }
      for (auto& v : sliced) sliced_keys.push_back(&v);
      std::vector<uint8_t*> part_rows(n);
      SelectionVector created(n);
      idx_t new_count = table->FindOrCreate(sliced_keys, part_hashes.data(), n, part_rows.data(), created);
      for (idx_t k = 0; k < new_count; ++k) {
        uint8_t* row = part_rows[created.get_index(k)] + table->payload_offset();
        for (size_t a = 0; a < aggregates_.size(); ++a) {
          aggregates_[a]->function.initialize(row + state_offsets_[a], aggregates_[a]->bind_data.get());
        }
      }
      for (idx_t k = 0; k < n; ++k) l.rows[rows_of_partition[k]] = part_rows[k] + table->payload_offset();
    }
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      const auto& aggregate = *aggregates_[a];
      if (DefersInputs(aggregate)) {
        // Keep (group, arguments, ordering keys) of the rows that pass the FILTER: once each for
        // DISTINCT, all of them otherwise. The updates happen in Finalize.
        DataChunk inputs;
        for (const Vector* key : keys) inputs.columns().push_back(*key);
        for (idx_t i = 0; i < aggregate.children.size(); ++i)
          inputs.columns().push_back(l.values[layout.argument_start[a] + i]);
        for (idx_t k = 0; k < aggregate.order_by.size(); ++k)
          inputs.columns().push_back(l.values[layout.order_start[a] + k]);
        inputs.SetSize(count);
        if (layout.filter_index[a] != kRowIdColumn) {
          SelectionVector keep(count);
          idx_t kept = SelectPassingRows(l.values[layout.filter_index[a]], count, keep);
          if (kept < count) inputs.Slice(keep, kept);
        }
        idx_t n = inputs.size();
        if (n == 0) continue;
        if (!aggregate.distinct) {
          auto& collection = l.ordered_inputs[s][a];
          if (!collection) {
            collection = std::make_unique<ChunkCollection>(
                DeferredInputTypes(groups_, set, aggregate), context.query->memory);
          }
          collection->Append(inputs);
          continue;
        }
        auto& table = l.distinct_tables[s][a];
        if (!table) {
          table = std::make_unique<GroupedHashTable>(DeferredInputTypes(groups_, set, aggregate), 0,
                                                     context.query->memory);
        }
        std::vector<const Vector*> columns;
        for (const Vector& column : inputs.columns()) columns.push_back(&column);
        std::vector<hash_t> distinct_hashes(n);
        HashColumns(columns, n, distinct_hashes.data());
        std::vector<uint8_t*> ignored(n);
        SelectionVector created(n);
        table->FindOrCreate(columns, distinct_hashes.data(), n, ignored.data(), created);
        continue;
      }
      for (idx_t i = 0; i < count; ++i) l.states[i] = l.rows[i] + state_offsets_[a];
      UpdateAggregate(aggregate, l.values, layout.argument_start[a], layout.filter_index[a], count, l.states.data());
    }
  }
}

void PhysicalHashAggregate::Combine(ExecutionContext&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<AggregateSinkState&>(global);
  auto& l = static_cast<AggregateLocalState&>(local);
  std::lock_guard<std::mutex> lock(g.mutex);
  if (g.UsesSinglePayload()) {
    if (l.single_payload.empty()) return;
    if (!g.single_initialized) {
      g.single_payload = std::move(l.single_payload);
      g.single_initialized = true;
      return;
    }
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      const auto& f = aggregates_[a]->function;
      uint8_t* source = l.single_payload.data() + state_offsets_[a];
      uint8_t* target = g.single_payload.data() + state_offsets_[a];
      f.combine(&source, &target, 1, aggregates_[a]->bind_data.get());
      if (f.destroy) f.destroy(&source, 1);
    }
    return;
  }
  for (size_t s = 0; s < grouping_sets_.size(); ++s) {
    for (idx_t p = 0; p < kPartitions; ++p) {
      if (l.tables[s][p]) g.tables[s][p].push_back(std::move(l.tables[s][p]));
    }
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      if (l.distinct_tables[s][a]) g.distinct_tables[s][a].push_back(std::move(l.distinct_tables[s][a]));
      if (auto& ordered = l.ordered_inputs[s][a]) {
        if (g.ordered_inputs[s][a]) {
          g.ordered_inputs[s][a]->Merge(std::move(*ordered));
        } else {
          g.ordered_inputs[s][a] = std::move(ordered);
        }
      }
    }
  }
}

void PhysicalHashAggregate::Finalize(ExecutionContext& context, GlobalSinkState& global) const {
  auto& g = static_cast<AggregateSinkState&>(global);
  if (g.UsesSinglePayload()) {
    if (!g.single_initialized) {
      g.single_payload.assign(payload_bytes_ + 16, 0);
      for (size_t a = 0; a < aggregates_.size(); ++a) {
        aggregates_[a]->function.initialize(g.single_payload.data() + state_offsets_[a], aggregates_[a]->bind_data.get());
      }
      g.single_initialized = true;
    }
    return;
  }
  auto combine = [&](uint8_t** sources, uint8_t** targets, idx_t count, idx_t payload_offset) {
    std::vector<uint8_t*> s(count), t(count);
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      for (idx_t i = 0; i < count; ++i) {
        s[i] = sources[i] + payload_offset + state_offsets_[a];
        t[i] = targets[i] + payload_offset + state_offsets_[a];
      }
      const auto& f = aggregates_[a]->function;
      f.combine(s.data(), t.data(), count, aggregates_[a]->bind_data.get());
      if (f.destroy) f.destroy(s.data(), count);
    }
  };
  // Merge every partition's thread-local tables into one, partitions in parallel.
  std::vector<std::pair<size_t, idx_t>> work;
  for (size_t s = 0; s < grouping_sets_.size(); ++s) {
    for (idx_t p = 0; p < kPartitions; ++p) {
      if (g.tables[s][p].size() > 1) work.emplace_back(s, p);
    }
  }
  auto merge = [&](size_t w) {
    auto& list = g.tables[work[w].first][work[w].second];
    for (size_t i = 1; i < list.size(); ++i) {
      idx_t offset = list[0]->payload_offset();
      list[0]->Merge(*list[i], [&](uint8_t** sources, uint8_t** targets, idx_t count) {
        combine(sources, targets, count, offset);
      });
      list[i].reset();
    }
    list.resize(1);
  };
  if (context.query->pool && work.size() > 1) {
    context.query->pool->ParallelFor(work.size(), merge);
  } else {
    for (size_t w = 0; w < work.size(); ++w) merge(w);
  }
  // A grouping set without keys produces one row even for empty input.
  for (size_t s = 0; s < grouping_sets_.size(); ++s) {
    if (!grouping_sets_[s].empty() || !g.tables[s][0].empty()) continue;
    auto table = std::make_unique<GroupedHashTable>(std::vector<LogicalType>{}, payload_bytes_, context.query->memory);
    hash_t hash = 0;
    uint8_t* row;
    SelectionVector created(1);
    std::vector<const Vector*> none;
    HashColumns(none, 1, &hash);
    table->FindOrCreate(none, &hash, 1, &row, created);
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      aggregates_[a]->function.initialize(row + table->payload_offset() + state_offsets_[a], aggregates_[a]->bind_data.get());
    }
    g.tables[s][0].push_back(std::move(table));
  }
  // Deferred aggregates: merge each one's distinct inputs, sort the inputs of ordered ones by their
  // ordering keys, then update the groups in that order.
  for (size_t s = 0; s < grouping_sets_.size(); ++s) {
    const auto& set = grouping_sets_[s];
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      const auto& aggregate = *aggregates_[a];
      if (!DefersInputs(aggregate)) continue;
      std::vector<LogicalType> input_types = DeferredInputTypes(groups_, set, aggregate);
      DataChunk batch;
      batch.Initialize(input_types);
      CollectionPtr ordered = std::move(g.ordered_inputs[s][a]);
      auto& distinct_list = g.distinct_tables[s][a];
      if (!distinct_list.empty()) {
        for (size_t i = 1; i < distinct_list.size(); ++i) {
          distinct_list[0]->Merge(*distinct_list[i], [](uint8_t**, uint8_t**, idx_t) {});
          distinct_list[i].reset();
        }
        const GroupedHashTable& distinct = *distinct_list[0];
        if (!aggregate.order_by.empty())
          ordered = std::make_unique<ChunkCollection>(input_types, context.query->memory);
        distinct.ForEachBatch([&](uint8_t** rows, idx_t count) {
          batch.Reset();
          for (idx_t c = 0; c < input_types.size(); ++c)
            distinct.layout().Gather(rows, count, c, batch.column(c));
          batch.SetSize(count);
          if (ordered) {
            ordered->Append(batch);
          } else {
            g.UpdateDeferred(s, a, batch);
          }
        });
      }
      if (!ordered) continue;
      idx_t order_start = set.size() + aggregate.children.size();
      std::vector<SortSpec> specs;
      for (idx_t k = 0; k < aggregate.order_by.size(); ++k) {
        specs.push_back(
            {order_start + k, aggregate.order_by[k].descending, aggregate.order_by[k].nulls_first});
      }
      std::vector<idx_t> order = RowSorter(*ordered, std::move(specs)).Sort();
      std::vector<idx_t> columns(order_start);
      for (idx_t c = 0; c < order_start; ++c) columns[c] = c;
      for (idx_t start = 0; start < order.size(); start += kVectorSize) {
        batch.Reset();
        GatherRows(*ordered, order.data() + start, std::min(kVectorSize, order.size() - start),
                   columns, batch);
        g.UpdateDeferred(s, a, batch);
      }
    }
  }
}

namespace {

struct AggregateSourceState : GlobalSourceState {
  std::vector<std::pair<size_t, GroupedHashTable*>> tables;  // (set, table)
  std::atomic<idx_t> next_table{0};
  std::mutex mutex;
  idx_t current = 0;    // table being read
  idx_t position = 0;   // next group in it
  bool single_done = false;
  idx_t MaxThreads() const override { return 1; }
};

}  // namespace

std::unique_ptr<GlobalSourceState> PhysicalHashAggregate::GetGlobalSourceState(ExecutionContext&) const {
  auto& g = static_cast<AggregateSinkState&>(*sink_state);
  auto state = std::make_unique<AggregateSourceState>();
  if (!g.UsesSinglePayload()) {
    for (size_t s = 0; s < grouping_sets_.size(); ++s) {
      for (auto& partition : g.tables[s]) {
        if (!partition.empty() && partition[0]->size() > 0) state->tables.emplace_back(s, partition[0].get());
      }
    }
  }
  return state;
}

void PhysicalHashAggregate::GetData(ExecutionContext&, DataChunk& chunk, GlobalSourceState& global,
                                    LocalSourceState&) const {
  auto& g = static_cast<AggregateSinkState&>(*sink_state);
  auto& state = static_cast<AggregateSourceState&>(global);
  idx_t group_count = groups_.size();
  if (g.UsesSinglePayload()) {
    if (state.single_done) return;
    state.single_done = true;
    for (size_t a = 0; a < aggregates_.size(); ++a) {
      uint8_t* s = g.single_payload.data() + state_offsets_[a];
      aggregates_[a]->function.finalize(&s, 1, aggregates_[a]->bind_data.get(), chunk.column(a), 0);
    }
    chunk.SetSize(1);
    return;
  }
  while (state.current < state.tables.size() && state.position >= state.tables[state.current].second->size()) {
    ++state.current;
    state.position = 0;
  }
  if (state.current >= state.tables.size()) return;
  auto [set_index, table] = state.tables[state.current];
  idx_t count = std::min(kVectorSize, table->size() - state.position);
  std::vector<uint8_t*> rows(count);
  for (idx_t i = 0; i < count; ++i) rows[i] = table->Row(state.position + i);
  state.position += count;
  const auto& set = grouping_sets_[set_index];
  for (idx_t gi = 0; gi < group_count; ++gi) {
    auto it = std::find(set.begin(), set.end(), gi);
    if (it == set.end()) {
      chunk.column(gi) = Vector::ConstantNull(types[gi]);
    } else {
      table->layout().Gather(rows.data(), count, static_cast<idx_t>(it - set.begin()), chunk.column(gi));
    }
  }
  std::vector<uint8_t*> states(count);
  for (size_t a = 0; a < aggregates_.size(); ++a) {
    for (idx_t i = 0; i < count; ++i) states[i] = rows[i] + table->payload_offset() + state_offsets_[a];
    aggregates_[a]->function.finalize(states.data(), count, aggregates_[a]->bind_data.get(),
                                      chunk.column(group_count + a), 0);
  }
  for (size_t f = 0; f < grouping_functions_.size(); ++f) {
    // GROUPING(a, b, ...): bit i (from the right) set when argument i is not grouped in this set.
    int64_t mask = 0;
    const auto& args = grouping_functions_[f];
    for (size_t i = 0; i < args.size(); ++i) {
      bool grouped = std::find(set.begin(), set.end(), args[i]) != set.end();
      if (!grouped) mask |= int64_t{1} << (args.size() - 1 - i);
    }
    chunk.column(group_count + aggregates_.size() + f) = Vector::Constant(Value::Bigint(mask));
  }
  chunk.SetSize(count);
}

void PhysicalHashAggregate::BuildPipelines(PipelineBuilder& builder, Pipeline& current) {
  current.source = this;
  Pipeline& input = builder.CreatePipeline();
  input.sink = this;
  children[0]->BuildPipelines(builder, input);
}

std::string PhysicalHashAggregate::Details() const {
  std::vector<std::string> parts;
  for (const auto& g : groups_) parts.push_back(g->ToString());
  std::string out;
  if (!parts.empty()) out = "groups=[" + Join(parts, ", ") + "] ";
  parts.clear();
  for (const auto& a : aggregates_) parts.push_back(a->ToString());
  out += "aggregates=[" + Join(parts, ", ") + "]";
  if (grouping_sets_.size() > 1) out += " sets=" + std::to_string(grouping_sets_.size());
  return out;
}

}  // namespace switchboard
