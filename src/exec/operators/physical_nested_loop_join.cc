// Nested loop join: each probe row is broadcast against one build chunk at a time and the
// predicate is evaluated vector-wise over the pairs.
#include "exec/operators/physical_nested_loop_join.h"

#include <atomic>
#include <mutex>

#include "exec/expression_executor.h"
#include "exec/pipeline.h"
#include "function/query_context.h"
#include "types/chunk_collection.h"

namespace switchboard {

namespace {

struct NljSinkState : GlobalSinkState {
  std::mutex mutex;
  std::unique_ptr<ChunkCollection> rows;
  std::unique_ptr<std::atomic<uint8_t>[]> matched;  // per build row (FULL joins)
};

struct NljLocalState : LocalSinkState {
  std::unique_ptr<ChunkCollection> rows;
};

struct NljProbeState : OperatorState {
  std::unique_ptr<ExpressionExecutor> executor;
  bool started = false;
  /// With fewer build rows than input rows, each step pairs one build row with the whole input
  /// chunk (few, full output chunks); otherwise one input row with one build chunk.
  bool by_build_row = false;
  idx_t probe_row = 0;
  idx_t build_chunk = 0;
  idx_t build_row = 0;
  std::vector<uint8_t> found;
  std::vector<uint8_t> unknown;  // mark joins: the predicate was NULL for some pair
  std::vector<uint32_t> matches;
  DataChunk pairs;
};

}  // namespace

PhysicalNestedLoopJoin::PhysicalNestedLoopJoin(std::vector<LogicalType> types, JoinType join_type,
                                               PhysicalOperatorPtr probe, PhysicalOperatorPtr build,
                                               ExpressionPtr predicate, double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality), join_type_(join_type), predicate_(std::move(predicate)) {
  SB_CHECK(join_type_ != JoinType::kRight, "RIGHT joins are planned as LEFT joins");
  probe_types_ = probe->types;
  build_types_ = build->types;
  children.push_back(std::move(probe));
  children.push_back(std::move(build));
}

std::unique_ptr<GlobalSinkState> PhysicalNestedLoopJoin::GetGlobalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<NljSinkState>();
  state->rows = std::make_unique<ChunkCollection>(build_types_, context.query->memory);
  return state;
}

std::unique_ptr<LocalSinkState> PhysicalNestedLoopJoin::GetLocalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<NljLocalState>();
  state->rows = std::make_unique<ChunkCollection>(build_types_, context.query->memory);
  return state;
}

void PhysicalNestedLoopJoin::Sink(ExecutionContext&, DataChunk& chunk, GlobalSinkState&, LocalSinkState& local) const {
  static_cast<NljLocalState&>(local).rows->Append(chunk);
}

void PhysicalNestedLoopJoin::Combine(ExecutionContext&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<NljSinkState&>(global);
  std::lock_guard<std::mutex> lock(g.mutex);
  g.rows->Merge(std::move(*static_cast<NljLocalState&>(local).rows));
}

void PhysicalNestedLoopJoin::Finalize(ExecutionContext&, GlobalSinkState& global) const {
  auto& g = static_cast<NljSinkState&>(global);
  if (join_type_ != JoinType::kFull) return;
  g.matched.reset(new std::atomic<uint8_t>[std::max<idx_t>(g.rows->size(), 1)]);
  for (idx_t i = 0; i < g.rows->size(); ++i) g.matched[i].store(0);
}

std::unique_ptr<OperatorState> PhysicalNestedLoopJoin::GetOperatorState(ExecutionContext& context) const {
  auto state = std::make_unique<NljProbeState>();
  if (predicate_) state->executor = std::make_unique<ExpressionExecutor>(context.query, *predicate_);
  std::vector<LogicalType> pair_types = probe_types_;
  pair_types.insert(pair_types.end(), build_types_.begin(), build_types_.end());
  state->pairs.Initialize(pair_types);
  return state;
}

OperatorResult PhysicalNestedLoopJoin::Execute(ExecutionContext&, DataChunk& input, DataChunk& output,
                                               GlobalOperatorState&, OperatorState& state_base) const {
  auto& state = static_cast<NljProbeState&>(state_base);
  auto& g = static_cast<NljSinkState&>(*sink_state);
  const ChunkCollection& build = *g.rows;
  idx_t probe_columns = probe_types_.size();
  if (!state.started) {
    state.started = true;
    state.by_build_row = build.size() < input.size();
    state.probe_row = 0;
    state.build_chunk = 0;
    state.build_row = 0;
    state.found.assign(input.size(), 0);
    state.unknown.assign(input.size(), 0);
    state.matches.assign(input.size(), 0);
  }
  bool emits_build = join_type_ == JoinType::kInner || join_type_ == JoinType::kLeft ||
                     join_type_ == JoinType::kFull || join_type_ == JoinType::kSingle;
  bool existence_only = !emits_build;
  DataChunk& pairs = state.pairs;
  while (true) {
    // Next step: `m` pairs, pair k being (probe_of(k), build_of(k)).
    idx_t m;
    idx_t probe_row = 0, build_base = 0;
    pairs.Reset();
    if (state.by_build_row) {
      if (state.build_row >= build.size()) break;
      idx_t b = state.build_row++;
      const DataChunk& right = build.chunk(b / kVectorSize);
      m = input.size();
      SelectionVector repeat(m);
      for (idx_t k = 0; k < m; ++k) repeat.set_index(k, b % kVectorSize);
      for (idx_t c = 0; c < probe_columns; ++c) pairs.column(c) = input.column(c);
      for (idx_t c = 0; c < build_types_.size(); ++c) {
        pairs.column(probe_columns + c) = right.column(c);
        pairs.column(probe_columns + c).Slice(repeat, m);
      }
      build_base = b;
    } else {
      if (state.probe_row >= input.size()) break;
      probe_row = state.probe_row;
      if (state.build_chunk >= build.ChunkCount() || (existence_only && state.found[probe_row])) {
        ++state.probe_row;
        state.build_chunk = 0;
        continue;
      }
      idx_t chunk_index = state.build_chunk++;
      const DataChunk& right = build.chunk(chunk_index);
      m = right.size();
      SelectionVector repeat(m);
      for (idx_t r = 0; r < m; ++r) repeat.set_index(r, probe_row);
      for (idx_t c = 0; c < probe_columns; ++c) {
        pairs.column(c) = input.column(c);
        pairs.column(c).Slice(repeat, m);
      }
      for (idx_t c = 0; c < build_types_.size(); ++c) pairs.column(probe_columns + c) = right.column(c);
      build_base = chunk_index * kVectorSize;
    }
    auto probe_of = [&](idx_t k) { return state.by_build_row ? k : probe_row; };
    auto build_of = [&](idx_t k) { return state.by_build_row ? build_base : build_base + k; };
    pairs.SetSize(m);
    SelectionVector selected(m);
    idx_t n = m;
    bool filtered = false;
    if (predicate_) {
      if (join_type_ == JoinType::kMark) {
        // Mark joins need to know whether the predicate was NULL for some pair.
        Vector result;
        state.executor->Execute(pairs, 0, result);
        UnifiedFormat format;
        result.ToUnifiedFormat(m, format);
        n = 0;
        for (idx_t k = 0; k < m; ++k) {
          idx_t index = format.sel->get_index(k);
          if (!format.validity->RowIsValid(index)) state.unknown[probe_of(k)] = 1;
          else if (format.GetData<bool>()[index]) selected.set_index(n++, k);
        }
      } else {
        n = state.executor->Select(pairs, selected);
      }
      filtered = n < m;
    }
    if (n == 0) continue;
    for (idx_t j = 0; j < n; ++j) {
      idx_t k = filtered ? selected.get_index(j) : j;
      idx_t i = probe_of(k);
      state.found[i] = 1;
      if (++state.matches[i] > 1 && join_type_ == JoinType::kSingle) {
        SB_THROW(kCardinalityViolation, "Scalar sub-query has returned multiple rows");
      }
      if (join_type_ == JoinType::kFull) g.matched[build_of(k)].store(1, std::memory_order_relaxed);
    }
    if (emits_build) {
      output.Reference(pairs);
      if (filtered) output.Slice(selected, n);
      return OperatorResult::kHaveMoreOutput;
    }
  }
  state.started = false;
  idx_t count = input.size();
  switch (join_type_) {
    case JoinType::kInner:
      return OperatorResult::kNeedMoreInput;
    case JoinType::kSemi:
    case JoinType::kAnti: {
      SelectionVector sel(count);
      idx_t n = 0;
      for (idx_t i = 0; i < count; ++i) {
        if ((state.found[i] != 0) == (join_type_ == JoinType::kSemi)) sel.set_index(n++, i);
      }
      output.Reference(input);
      if (n < count) output.Slice(sel, n);
      return OperatorResult::kNeedMoreInput;
    }
    case JoinType::kMark: {
      for (idx_t c = 0; c < probe_columns; ++c) output.column(c) = input.column(c);
      Vector& mark = output.column(probe_columns);
      for (idx_t i = 0; i < count; ++i) {
        if (state.found[i]) mark.data<bool>()[i] = true;
        else if (state.unknown[i]) mark.SetNull(i);
        else mark.data<bool>()[i] = false;
      }
      output.SetSize(count);
      return OperatorResult::kNeedMoreInput;
    }
    default: {
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
  }
}

namespace {
struct NljOuterState : GlobalSourceState {
  idx_t chunk = 0;
};
}  // namespace

std::unique_ptr<GlobalSourceState> PhysicalNestedLoopJoin::GetGlobalSourceState(ExecutionContext&) const {
  return std::make_unique<NljOuterState>();
}

void PhysicalNestedLoopJoin::GetData(ExecutionContext&, DataChunk& chunk, GlobalSourceState& global, LocalSourceState&) const {
  auto& g = static_cast<NljSinkState&>(*sink_state);
  auto& state = static_cast<NljOuterState&>(global);
  idx_t probe_columns = probe_types_.size();
  while (state.chunk < g.rows->ChunkCount()) {
    idx_t index = state.chunk++;
    const DataChunk& right = g.rows->chunk(index);
    SelectionVector sel(right.size());
    idx_t n = 0;
    for (idx_t r = 0; r < right.size(); ++r) {
      if (!g.matched[index * kVectorSize + r].load(std::memory_order_relaxed)) sel.set_index(n++, r);
    }
    if (n == 0) continue;
    for (idx_t c = 0; c < probe_columns; ++c) chunk.column(c) = Vector::ConstantNull(types[c]);
    for (idx_t c = 0; c < build_types_.size(); ++c) {
      chunk.column(probe_columns + c) = right.column(c);
      chunk.column(probe_columns + c).Slice(sel, n);
    }
    chunk.SetSize(n);
    return;
  }
}

void PhysicalNestedLoopJoin::BuildPipelines(PipelineBuilder& builder, Pipeline& current) {
  if (join_type_ == JoinType::kFull) {
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

std::string PhysicalNestedLoopJoin::Name() const {
  if (!predicate_ && join_type_ == JoinType::kInner) return "CROSS_PRODUCT";
  return std::string("NESTED_LOOP_JOIN ") + JoinTypeName(join_type_);
}

std::string PhysicalNestedLoopJoin::Details() const { return predicate_ ? predicate_->ToString() : ""; }

}  // namespace switchboard
