// Hash join build, probe (resumable when one input chunk yields more than a chunk of output),
// and the scan of unmatched build rows for FULL joins.
#include "exec/operators/physical_hash_join.h"

#include <atomic>
#include <functional>
#include <mutex>

#include "common/string_util.h"
#include "exec/expression_executor.h"
#include "exec/join_hash_table.h"
#include "exec/pipeline.h"
#include "exec/vector_hash.h"
#include "function/query_context.h"

namespace switchboard {

namespace {

struct JoinSinkState : GlobalSinkState {
  std::mutex mutex;
  std::unique_ptr<JoinHashTable> table;
};

struct JoinLocalState : LocalSinkState {
  std::unique_ptr<ExpressionExecutor> executor;
  std::vector<Vector> keys;
  std::unique_ptr<JoinHashTable::RowBlocks> blocks;
  std::vector<hash_t> hashes;
};

}  // namespace

/// Probe progress over one input chunk.
struct ProbeState : OperatorState {
  std::unique_ptr<ExpressionExecutor> keys_executor;
  std::unique_ptr<ExpressionExecutor> residual_executor;
  std::vector<Vector> keys;
  bool started = false;
  idx_t count = 0;
  std::vector<hash_t> hashes;
  std::vector<const uint8_t*> next;  // next candidate per probe row
  std::vector<sel_t> active;         // probe rows whose chain is not yet walked to its end
  std::vector<uint8_t> found;        // probe row has a (residual-passing) match
  std::vector<uint32_t> matches;     // matches per probe row (single joins)
  std::vector<uint8_t> scratch;      // encoded probe keys (the key prefix of the build layout)
  std::vector<uint8_t*> scratch_rows;
  std::vector<sel_t> probe_rows;     // key-matching pairs of the current step
  std::vector<const uint8_t*> build_rows;
  DataChunk pairs;                   // probe columns + build columns of candidate pairs
};

PhysicalHashJoin::PhysicalHashJoin(std::vector<LogicalType> types, JoinType join_type, PhysicalOperatorPtr probe,
                                   PhysicalOperatorPtr build, ExpressionList probe_keys, ExpressionList build_keys,
                                   std::vector<bool> null_safe, ExpressionPtr residual, double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality),
      join_type_(join_type),
      probe_keys_(std::move(probe_keys)),
      build_keys_(std::move(build_keys)),
      null_safe_(std::move(null_safe)),
      residual_(std::move(residual)) {
  SB_CHECK(join_type_ != JoinType::kRight, "RIGHT joins are planned as LEFT joins");
  probe_types_ = probe->types;
  build_types_ = build->types;
  std::vector<bool> residual_reads(build_types_.size(), false);
  if (residual_) {
    VisitExpression(*residual_, [&](const Expression& e) {
      if (e.kind != ExpressionKind::kReference) return;
      idx_t index = e.As<ReferenceExpression>().index;
      if (index >= probe_types_.size()) residual_reads[index - probe_types_.size()] = true;
    });
  }
  for (idx_t c = 0; c < build_types_.size(); ++c) {
    build_constants_.push_back(build->ConstantColumn(c));
    bool needed = EmitsBuildColumns() || residual_reads[c];
    if (needed && !build_constants_.back()) {
      stored_position_.push_back(stored_types_.size());
      stored_types_.push_back(build_types_[c]);
    } else {
      stored_position_.push_back(std::nullopt);
    }
  }
  children.push_back(std::move(probe));
  children.push_back(std::move(build));
}

PhysicalHashJoin::~PhysicalHashJoin() = default;

bool PhysicalHashJoin::EmitsBuildColumns() const {
  return join_type_ == JoinType::kInner || join_type_ == JoinType::kLeft || join_type_ == JoinType::kFull ||
         join_type_ == JoinType::kSingle;
}

const JoinHashTable& PhysicalHashJoin::table() const { return *static_cast<JoinSinkState&>(*sink_state).table; }

// ----- build ---------------------------------------------------------------------------------

std::unique_ptr<GlobalSinkState> PhysicalHashJoin::GetGlobalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<JoinSinkState>();
  std::vector<LogicalType> key_types;
  for (const auto& k : build_keys_) key_types.push_back(k->type);
  state->table = std::make_unique<JoinHashTable>(key_types, stored_types_, null_safe_, context.query->memory);
  return state;
}

std::unique_ptr<LocalSinkState> PhysicalHashJoin::GetLocalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<JoinLocalState>();
  std::vector<const Expression*> keys;
  for (const auto& k : build_keys_) keys.push_back(k.get());
  state->executor = std::make_unique<ExpressionExecutor>(context.query, keys);
  state->keys.resize(keys.size());
  state->blocks = static_cast<JoinSinkState&>(*sink_state).table->CreateBlocks();
  return state;
}

void PhysicalHashJoin::Sink(ExecutionContext&, DataChunk& chunk, GlobalSinkState&, LocalSinkState& local) const {
  auto& l = static_cast<JoinLocalState&>(local);
  idx_t count = chunk.size();
  std::vector<const Vector*> columns;
  for (idx_t k = 0; k < l.keys.size(); ++k) {
    l.executor->Execute(chunk, k, l.keys[k]);
    columns.push_back(&l.keys[k]);
  }
  l.hashes.resize(count);
  HashColumns(columns, count, l.hashes.data());
  for (idx_t c = 0; c < chunk.ColumnCount(); ++c) {
    if (stored_position_[c]) columns.push_back(&chunk.column(c));
  }
  l.blocks->Append(columns, l.hashes.data(), null_safe_, count);
}

void PhysicalHashJoin::Combine(ExecutionContext&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<JoinSinkState&>(global);
  std::lock_guard<std::mutex> lock(g.mutex);
  g.table->AddBlocks(std::move(static_cast<JoinLocalState&>(local).blocks));
}

void PhysicalHashJoin::Finalize(ExecutionContext& context, GlobalSinkState& global) const {
  static_cast<JoinSinkState&>(global).table->Build(context.query->threads > 1 ? context.query->pool : nullptr);
}

// ----- probe ---------------------------------------------------------------------------------

std::unique_ptr<OperatorState> PhysicalHashJoin::GetOperatorState(ExecutionContext& context) const {
  auto state = std::make_unique<ProbeState>();
  std::vector<const Expression*> keys;
  for (const auto& k : probe_keys_) keys.push_back(k.get());
  state->keys_executor = std::make_unique<ExpressionExecutor>(context.query, keys);
  state->keys.resize(keys.size());
  if (residual_) state->residual_executor = std::make_unique<ExpressionExecutor>(context.query, *residual_);
  std::vector<LogicalType> pair_types = probe_types_;
  pair_types.insert(pair_types.end(), build_types_.begin(), build_types_.end());
  state->pairs.Initialize(pair_types);
  return state;
}

namespace {

// Fills `pairs` with the probe rows `probe_rows` and the build rows `build_rows`.
void MaterializePairs(const DataChunk& input, const std::vector<sel_t>& probe_rows,
                      const std::vector<const uint8_t*>& build_rows, idx_t probe_columns,
                      const std::function<void(const std::vector<const uint8_t*>&, idx_t, Vector&)>& gather_build,
                      DataChunk& pairs) {
  idx_t n = probe_rows.size();
  pairs.Reset();
  SelectionVector sel(n);
  for (idx_t i = 0; i < n; ++i) sel.set_index(i, probe_rows[i]);
  for (idx_t c = 0; c < probe_columns; ++c) {
    pairs.column(c) = input.column(c);
    pairs.column(c).Slice(sel, n);
  }
  for (idx_t c = probe_columns; c < pairs.ColumnCount(); ++c) gather_build(build_rows, c - probe_columns, pairs.column(c));
  pairs.SetSize(n);
}

}  // namespace

OperatorResult PhysicalHashJoin::Execute(ExecutionContext&, DataChunk& input, DataChunk& output,
                                         GlobalOperatorState&, OperatorState& state_base) const {
  auto& state = static_cast<ProbeState&>(state_base);
  const JoinHashTable& ht = table();
  idx_t probe_columns = probe_types_.size();
  if (!state.started) {
    state.started = true;
    state.count = input.size();
    idx_t count = state.count;
    std::vector<const Vector*> keys;
    for (idx_t k = 0; k < state.keys.size(); ++k) {
      state.keys_executor->Execute(input, k, state.keys[k]);
      keys.push_back(&state.keys[k]);
    }
    state.hashes.resize(count);
    HashColumns(keys, count, state.hashes.data());
    idx_t width = ht.layout().prefix_width(keys.size());
    state.scratch.assign(count * width, 0);
    state.scratch_rows.resize(count);
    for (idx_t i = 0; i < count; ++i) state.scratch_rows[i] = state.scratch.data() + i * width;
    ht.layout().Scatter(keys, count, state.scratch_rows.data());
    state.next.resize(count);
    state.found.assign(count, 0);
    state.matches.assign(count, 0);
    state.active.clear();
    if (ht.size() > 0) {
      // Bucket heads for the whole chunk first (independent loads), with the rows prefetched
      // for the first step.
      for (idx_t i = 0; i < count; ++i) {
        bool joinable = true;
        for (idx_t k = 0; k < keys.size(); ++k) {
          if (!null_safe_[k] && !ht.layout().IsValid(state.scratch_rows[i], k)) joinable = false;
        }
        const uint8_t* head = joinable ? ht.Bucket(state.hashes[i]) : nullptr;
        state.next[i] = head;
        if (head) {
          __builtin_prefetch(head);
          state.active.push_back(static_cast<sel_t>(i));
        }
      }
    }
  }

  idx_t key_count = ht.key_count();
  bool need_pairs = EmitsBuildColumns() || residual_;
  bool existence_only = !EmitsBuildColumns();
  // One step along every unfinished chain: each probe row contributes at most one pair, so a
  // step yields at most a chunk. Walking all chains a step at a time keeps many independent
  // row loads in flight instead of one chain's dependent loads.
  auto& probe_rows = state.probe_rows;
  auto& build_rows = state.build_rows;
  probe_rows.clear();
  build_rows.clear();
  idx_t unfinished = 0;
  for (sel_t i : state.active) {
    if (existence_only && state.found[i]) continue;
    const uint8_t* candidate = state.next[i];
    const uint8_t* next = ht.Next(candidate);
    state.next[i] = next;
    if (next) {
      __builtin_prefetch(next);
      state.active[unfinished++] = i;
    }
    if (ht.RowHash(candidate) != state.hashes[i] || !ht.layout().KeysEqual(candidate, state.scratch_rows[i], key_count)) {
      continue;
    }
    if (!need_pairs) {
      state.found[i] = 1;
      continue;
    }
    probe_rows.push_back(i);
    build_rows.push_back(candidate);
  }
  state.active.resize(unfinished);

  if (!probe_rows.empty()) {
    DataChunk& pairs = state.pairs;
    MaterializePairs(input, probe_rows, build_rows, probe_columns,
                     [&](const std::vector<const uint8_t*>& rows, idx_t column, Vector& result) {
                       GatherBuildColumn(rows, column, result);
                     },
                     pairs);
    SelectionVector kept_sel(pairs.size());
    idx_t kept = pairs.size();
    bool filtered = false;
    if (residual_) {
      kept = state.residual_executor->Select(pairs, kept_sel);
      filtered = kept < pairs.size();
    }
    for (idx_t k = 0; k < kept; ++k) {
      idx_t pair = filtered ? kept_sel.get_index(k) : k;
      idx_t i = probe_rows[pair];
      state.found[i] = 1;
      if (++state.matches[i] > 1 && join_type_ == JoinType::kSingle) {
        SB_THROW(kCardinalityViolation, "Scalar sub-query has returned multiple rows");
      }
      if (join_type_ == JoinType::kFull) ht.MarkMatched(build_rows[pair]);
    }
    if (EmitsBuildColumns() && kept > 0) {
      output.Reference(pairs);
      if (filtered) output.Slice(kept_sel, kept);
      return OperatorResult::kHaveMoreOutput;
    }
  }
  if (!state.active.empty()) return OperatorResult::kHaveMoreOutput;

  // Every chain is done: emit what depends on whether a probe row matched.
  state.started = false;
  idx_t count = state.count;
  switch (join_type_) {
    case JoinType::kInner:
      return OperatorResult::kNeedMoreInput;
    case JoinType::kSemi:
    case JoinType::kAnti: {
      SelectionVector sel(count);
      idx_t n = 0;
      bool want = join_type_ == JoinType::kSemi;
      for (idx_t i = 0; i < count; ++i) {
        if ((state.found[i] != 0) == want) sel.set_index(n++, i);
      }
      output.Reference(input);
      if (n < count) output.Slice(sel, n);
      return OperatorResult::kNeedMoreInput;
    }
    case JoinType::kMark: {
      for (idx_t c = 0; c < probe_columns; ++c) output.column(c) = input.column(c);
      Vector& mark = output.column(probe_columns);
      bool* out = mark.data<bool>();
      for (idx_t i = 0; i < count; ++i) {
        if (state.found[i]) {
          out[i] = true;
          continue;
        }
        bool probe_null = false;
        for (idx_t k = 0; k < key_count; ++k) {
          if (!null_safe_[k] && !ht.layout().IsValid(state.scratch_rows[i], k)) probe_null = true;
        }
        if (ht.size() > 0 && (probe_null || ht.has_null_key())) mark.SetNull(i);
        else out[i] = false;
      }
      output.SetSize(count);
      return OperatorResult::kNeedMoreInput;
    }
    case JoinType::kLeft:
    case JoinType::kFull:
    case JoinType::kSingle: {
      SelectionVector sel(count);
      idx_t n = 0;
      for (idx_t i = 0; i < count; ++i) {
        if (!state.found[i]) sel.set_index(n++, i);
      }
      if (n == 0) return OperatorResult::kNeedMoreInput;
      for (idx_t c = 0; c < probe_columns; ++c) {
        output.column(c) = input.column(c);
        output.column(c).Slice(sel, n);
      }
      for (idx_t c = probe_columns; c < output.ColumnCount(); ++c) {
        output.column(c) = Vector::ConstantNull(output.column(c).type());
      }
      output.SetSize(n);
      return OperatorResult::kNeedMoreInput;
    }
    case JoinType::kRight:
      break;
  }
  SB_CHECK(false, "unexpected join type");
}

void PhysicalHashJoin::GatherBuildColumn(const std::vector<const uint8_t*>& rows, idx_t column, Vector& result) const {
  if (!stored_position_[column]) {
    // A constant of the build plan, or a column nothing downstream of the table reads.
    result = build_constants_[column] ? Vector::Constant(*build_constants_[column])
                                      : Vector::ConstantNull(build_types_[column]);
    return;
  }
  const JoinHashTable& ht = table();
  ht.layout().Gather(reinterpret_cast<const uint8_t* const*>(rows.data()), rows.size(),
                     ht.key_count() + *stored_position_[column], result);
}

// ----- unmatched build rows ------------------------------------------------------------------

namespace {
struct OuterScanState : GlobalSourceState {
  idx_t position = 0;
};
}  // namespace

std::unique_ptr<GlobalSourceState> PhysicalHashJoin::GetGlobalSourceState(ExecutionContext&) const {
  return std::make_unique<OuterScanState>();
}

void PhysicalHashJoin::GetData(ExecutionContext&, DataChunk& chunk, GlobalSourceState& global, LocalSourceState&) const {
  auto& state = static_cast<OuterScanState&>(global);
  const JoinHashTable& ht = table();
  const auto& rows = ht.rows();
  std::vector<const uint8_t*> unmatched;
  while (state.position < rows.size() && unmatched.size() < kVectorSize) {
    const uint8_t* row = rows[state.position++];
    if (!ht.IsMatched(row)) unmatched.push_back(row);
  }
  idx_t n = unmatched.size();
  if (n == 0) return;
  idx_t probe_columns = probe_types_.size();
  for (idx_t c = 0; c < probe_columns; ++c) chunk.column(c) = Vector::ConstantNull(types[c]);
  for (idx_t c = probe_columns; c < types.size(); ++c) GatherBuildColumn(unmatched, c - probe_columns, chunk.column(c));
  chunk.SetSize(n);
}

void PhysicalHashJoin::BuildPipelines(PipelineBuilder& builder, Pipeline& current) {
  if (join_type_ == JoinType::kFull) {
    // After the probe pipeline, a sibling pipeline emits the build rows nothing matched.
    Pipeline& outer = builder.CreateSiblingAbove(current, *this);
    outer.source = this;
    outer.dependencies.push_back(&current);
  }
  builder.AddOperator(current, *this);
  Pipeline& build = builder.CreatePipeline();
  build.sink = this;
  children[1]->BuildPipelines(builder, build);
  children[0]->BuildPipelines(builder, current);
}

std::optional<Value> PhysicalHashJoin::ConstantColumn(idx_t column) const {
  // Outer joins fill the other side's columns with NULLs, so only NULL constants survive them.
  auto survives = [](JoinType type, bool padded, std::optional<Value> value) -> std::optional<Value> {
    if (!value || !padded || value->is_null()) return value;
    return type == JoinType::kInner ? value : std::nullopt;
  };
  idx_t probe_columns = probe_types_.size();
  if (column < probe_columns) return survives(join_type_, join_type_ == JoinType::kFull, children[0]->ConstantColumn(column));
  if (!EmitsBuildColumns()) return std::nullopt;  // the mark column
  return survives(join_type_, join_type_ != JoinType::kInner, build_constants_[column - probe_columns]);
}

std::string PhysicalHashJoin::Name() const { return std::string("HASH_JOIN ") + JoinTypeName(join_type_); }

std::string PhysicalHashJoin::Details() const {
  std::vector<std::string> parts;
  for (size_t k = 0; k < probe_keys_.size(); ++k) {
    parts.push_back(probe_keys_[k]->ToString() + (null_safe_[k] ? " IS NOT DISTINCT FROM " : " = ") +
                    build_keys_[k]->ToString());
  }
  if (residual_) parts.push_back(residual_->ToString());
  return Join(parts, " AND ");
}

}  // namespace switchboard
