// Window function evaluation over sorted partitions.
#include "exec/operators/physical_window.h"

#include <algorithm>
#include <mutex>
#include <numeric>

#include "common/string_util.h"
#include "exec/expression_executor.h"
#include "exec/pipeline.h"
#include "exec/row_sorter.h"
#include "function/comparison.h"
#include "function/query_context.h"

namespace switchboard {

namespace {

struct WindowSinkState : GlobalSinkState {
  std::mutex mutex;
  std::unique_ptr<ChunkCollection> rows;
  /// results[w][chunk]: window w's values for the rows of input chunk `chunk`.
  std::vector<std::vector<Vector>> results;
};

struct WindowLocalState : LocalSinkState {
  std::unique_ptr<ChunkCollection> rows;
};

// Evaluates `expressions` over every row of `rows` into a collection aligned with it.
std::unique_ptr<ChunkCollection> Evaluate(const ChunkCollection& rows, const std::vector<const Expression*>& expressions,
                                          QueryContext* query) {
  std::vector<LogicalType> types;
  for (const Expression* e : expressions) types.push_back(e->type);
  auto out = std::make_unique<ChunkCollection>(types, query->memory);
  if (expressions.empty()) return out;
  ExpressionExecutor executor(query, expressions);
  DataChunk values;
  values.Initialize(types);
  for (idx_t c = 0; c < rows.ChunkCount(); ++c) {
    values.Reset();
    executor.Execute(rows.chunk(c), values);
    out->Append(values);
  }
  return out;
}

// A sorted view of one window specification: row order, partition and peer boundaries.
struct SortedWindow {
  std::vector<idx_t> order;           // sorted position -> row
  std::vector<idx_t> partition_start; // per sorted position
  std::vector<idx_t> partition_end;
  std::vector<idx_t> peer_start;
  std::vector<idx_t> peer_end;
  std::vector<idx_t> peer_group;      // peer group number within the partition
};

SortedWindow SortForWindow(const ChunkCollection& keys, idx_t row_count, idx_t partition_count,
                           const std::vector<AggregateExpression::Order>& orders) {
  SortedWindow w;
  if (keys.types().empty()) {
    // OVER (): the rows in input order, one partition, all peers.
    w.order.resize(row_count);
    std::iota(w.order.begin(), w.order.end(), idx_t{0});
    w.partition_start.assign(row_count, 0);
    w.partition_end.assign(row_count, row_count);
    w.peer_start = w.partition_start;
    w.peer_end = w.partition_end;
    w.peer_group.assign(row_count, 0);
    return w;
  }
  std::vector<SortSpec> partition_specs, all_specs;
  for (idx_t k = 0; k < partition_count; ++k) {
    partition_specs.push_back({k, false, false});
    all_specs.push_back({k, false, false});
  }
  for (size_t k = 0; k < orders.size(); ++k) {
    all_specs.push_back({partition_count + k, orders[k].descending, orders[k].nulls_first});
  }
  RowSorter all(keys, all_specs);
  RowSorter by_partition(keys, partition_specs);
  w.order = all.Sort();
  idx_t n = w.order.size();
  w.partition_start.resize(n);
  w.partition_end.resize(n);
  w.peer_start.resize(n);
  w.peer_end.resize(n);
  w.peer_group.resize(n);
  idx_t part = 0, peer = 0, group = 0;
  for (idx_t p = 0; p < n; ++p) {
    bool new_partition = p == 0 || (partition_count > 0 && by_partition.Compare(w.order[p - 1], w.order[p]) != 0);
    bool new_peer = new_partition || all.Compare(w.order[p - 1], w.order[p]) != 0;
    if (new_partition) {
      part = p;
      group = 0;
    }
    if (new_peer) {
      peer = p;
      if (!new_partition) ++group;
    }
    w.partition_start[p] = part;
    w.peer_start[p] = peer;
    w.peer_group[p] = group;
  }
  for (idx_t p = n; p-- > 0;) {
    bool last_of_partition = p + 1 == n || w.partition_start[p + 1] != w.partition_start[p];
    bool last_of_peer = last_of_partition || w.peer_start[p + 1] != w.peer_start[p];
    w.partition_end[p] = last_of_partition ? p + 1 : w.partition_end[p + 1];
    w.peer_end[p] = last_of_peer ? p + 1 : w.peer_end[p + 1];
  }
  return w;
}

Vector& ResultSlot(std::vector<Vector>& results, idx_t row) { return results[row / kVectorSize]; }

int64_t OffsetAt(const ChunkCollection& values, idx_t column, idx_t row) {
  Value v = values.GetValue(column, row);
  if (v.is_null()) SB_THROW(kInvalidParameter, "Window frame offset must not be NULL");
  int64_t offset = v.GetInt64();
  if (offset < 0) SB_THROW(kInvalidParameter, "Window frame offset must not be negative: {}", offset);
  return offset;
}

// Frame [start, end) of sorted position p.
struct FrameComputer {
  const WindowExpression& window;
  const SortedWindow& sorted;
  const ChunkCollection& values;  // aligned with rows; offsets at start_column/end_column
  idx_t start_column, end_column;
  const std::vector<Value>* order_keys;  // RANGE with offsets: sorted order key values

  idx_t Bound(const FrameBound& bound, idx_t p, bool is_start, idx_t column) const {
    idx_t ps = sorted.partition_start[p], pe = sorted.partition_end[p];
    idx_t row = sorted.order[p];
    switch (bound.kind) {
      case FrameBoundKind::kUnboundedPreceding: return ps;
      case FrameBoundKind::kUnboundedFollowing: return pe;
      case FrameBoundKind::kCurrentRow:
        if (window.frame_unit == FrameUnit::kRows) return is_start ? p : p + 1;
        return is_start ? sorted.peer_start[p] : sorted.peer_end[p];
      case FrameBoundKind::kPreceding:
      case FrameBoundKind::kFollowing: {
        bool preceding = bound.kind == FrameBoundKind::kPreceding;
        if (window.frame_unit == FrameUnit::kRows) {
          int64_t offset = OffsetAt(values, column, row);
          int64_t target = static_cast<int64_t>(p) + (preceding ? -offset : offset) + (is_start ? 0 : 1);
          return static_cast<idx_t>(std::clamp<int64_t>(target, static_cast<int64_t>(ps), static_cast<int64_t>(pe)));
        }
        if (window.frame_unit == FrameUnit::kGroups) {
          int64_t offset = OffsetAt(values, column, row);
          int64_t target = static_cast<int64_t>(sorted.peer_group[p]) + (preceding ? -offset : offset);
          // Peer group numbers do not decrease within a partition: binary search.
          auto first_with_group = [&](int64_t group) {
            idx_t lo = ps, hi = pe;
            while (lo < hi) {
              idx_t mid = lo + (hi - lo) / 2;
              if (static_cast<int64_t>(sorted.peer_group[mid]) < group) lo = mid + 1;
              else hi = mid;
            }
            return lo;
          };
          return first_with_group(is_start ? target : target + 1);
        }
        // RANGE: the bound's value was computed per row (order key -/+ offset).
        Value limit = values.GetValue(column, row);
        if ((*order_keys)[p].is_null() || limit.is_null()) {
          return is_start ? sorted.peer_start[p] : sorted.peer_end[p];
        }
        bool descending = window.orders[0].descending;
        // Rows with a key on the frame side of `limit`: keys >= limit (asc start) etc.
        auto before_limit = [&](idx_t q) {
          const Value& key = (*order_keys)[q];
          if (key.is_null()) return window.orders[0].nulls_first;
          int c = CompareValues(key, limit);
          if (is_start) return descending ? c > 0 : c < 0;
          return descending ? c >= 0 : c <= 0;
        };
        idx_t lo = ps, hi = pe;
        while (lo < hi) {
          idx_t mid = lo + (hi - lo) / 2;
          if (before_limit(mid)) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      }
    }
    return ps;
  }

  std::pair<idx_t, idx_t> Frame(idx_t p) const {
    idx_t start = Bound(window.start, p, true, start_column);
    idx_t end = Bound(window.end, p, false, end_column);
    return {start, std::max(start, end)};
  }
};

// Adds sorted rows [begin, end) of the arguments (and, if present, the filter) to `state`.
void UpdateRange(const AggregateExpression& aggregate, const ChunkCollection& sorted_args, idx_t argument_count,
                 bool has_filter, idx_t begin, idx_t end, uint8_t* state, const std::vector<idx_t>* skip = nullptr) {
  while (begin < end) {
    idx_t chunk_index = begin / kVectorSize;
    idx_t offset = begin % kVectorSize;
    const DataChunk& chunk = sorted_args.chunk(chunk_index);
    idx_t take = std::min(end - begin, chunk.size() - offset);
    SelectionVector sel(take);
    idx_t n = 0;
    for (idx_t i = 0; i < take; ++i) {
      idx_t position = begin + i;
      if (skip && std::find(skip->begin(), skip->end(), position) != skip->end()) continue;
      if (has_filter) {
        Value pass = chunk.column(argument_count).GetValue(offset + i);
        if (pass.is_null() || !pass.GetBoolean()) continue;
      }
      sel.set_index(n++, offset + i);
    }
    if (n > 0) {
      std::vector<Vector> arguments;
      for (idx_t a = 0; a < argument_count; ++a) {
        arguments.push_back(chunk.column(a));
        arguments.back().Slice(sel, n);
      }
      AggregateInputs inputs{arguments.data(), arguments.size(), n, aggregate.bind_data.get()};
      if (aggregate.function.simple_update) {
        aggregate.function.simple_update(inputs, state);
      } else {
        std::vector<uint8_t*> states(n, state);
        aggregate.function.update(inputs, states.data());
      }
    }
    begin += take;
  }
}

}  // namespace

PhysicalWindow::PhysicalWindow(std::vector<LogicalType> types, std::vector<std::unique_ptr<WindowExpression>> windows,
                               double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality), windows_(std::move(windows)) {}

PhysicalWindow::~PhysicalWindow() = default;

std::unique_ptr<GlobalSinkState> PhysicalWindow::GetGlobalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<WindowSinkState>();
  std::vector<LogicalType> input_types(types.begin(), types.end() - static_cast<std::ptrdiff_t>(windows_.size()));
  state->rows = std::make_unique<ChunkCollection>(input_types, context.query->memory);
  return state;
}

std::unique_ptr<LocalSinkState> PhysicalWindow::GetLocalSinkState(ExecutionContext& context) const {
  auto state = std::make_unique<WindowLocalState>();
  std::vector<LogicalType> input_types(types.begin(), types.end() - static_cast<std::ptrdiff_t>(windows_.size()));
  state->rows = std::make_unique<ChunkCollection>(input_types, context.query->memory);
  return state;
}

void PhysicalWindow::Sink(ExecutionContext&, DataChunk& chunk, GlobalSinkState&, LocalSinkState& local) const {
  static_cast<WindowLocalState&>(local).rows->Append(chunk);
}

void PhysicalWindow::Combine(ExecutionContext&, GlobalSinkState& global, LocalSinkState& local) const {
  auto& g = static_cast<WindowSinkState&>(global);
  std::lock_guard<std::mutex> lock(g.mutex);
  g.rows->Merge(std::move(*static_cast<WindowLocalState&>(local).rows));
}

void PhysicalWindow::Finalize(ExecutionContext& context, GlobalSinkState& global) const {
  auto& g = static_cast<WindowSinkState&>(global);
  const ChunkCollection& rows = *g.rows;
  idx_t n = rows.size();
  g.results.resize(windows_.size());
  for (size_t w = 0; w < windows_.size(); ++w) {
    for (idx_t c = 0; c < rows.ChunkCount(); ++c) g.results[w].emplace_back(windows_[w]->type, kVectorSize);
  }
  if (n == 0) return;

  std::vector<bool> done(windows_.size(), false);
  for (size_t first = 0; first < windows_.size(); ++first) {
    if (done[first]) continue;
    const WindowExpression& spec = *windows_[first];
    // Sort once for every window with the same PARTITION BY and ORDER BY.
    std::vector<const Expression*> key_expressions;
    for (const auto& p : spec.partitions) key_expressions.push_back(p.get());
    for (const auto& o : spec.orders) key_expressions.push_back(o.expression.get());
    auto keys = Evaluate(rows, key_expressions, context.query);
    SortedWindow sorted = SortForWindow(*keys, n, spec.partitions.size(), spec.orders);
    std::vector<Value> order_keys;

    for (size_t wi = first; wi < windows_.size(); ++wi) {
      const WindowExpression& window = *windows_[wi];
      if (done[wi]) continue;
      bool same_spec = window.partitions.size() == spec.partitions.size() && window.orders.size() == spec.orders.size();
      for (size_t k = 0; same_spec && k < spec.partitions.size(); ++k) {
        same_spec = window.partitions[k]->Equals(*spec.partitions[k]);
      }
      for (size_t k = 0; same_spec && k < spec.orders.size(); ++k) {
        same_spec = window.orders[k].expression->Equals(*spec.orders[k].expression) &&
                    window.orders[k].descending == spec.orders[k].descending &&
                    window.orders[k].nulls_first == spec.orders[k].nulls_first;
      }
      if (!same_spec) continue;
      done[wi] = true;
      std::vector<Vector>& results = g.results[wi];

      // Per-row inputs: arguments, FILTER, frame offsets.
      std::vector<const Expression*> inputs;
      for (const auto& arg : window.children) inputs.push_back(arg.get());
      idx_t argument_count = inputs.size();
      bool has_filter = window.aggregate && window.aggregate->filter;
      if (has_filter) inputs.push_back(window.aggregate->filter.get());
      idx_t start_column = inputs.size();
      if (window.start.offset) inputs.push_back(window.start.offset.get());
      idx_t end_column = inputs.size();
      if (window.end.offset) inputs.push_back(window.end.offset.get());
      auto values = Evaluate(rows, inputs, context.query);
      if (window.frame_unit == FrameUnit::kRange && (window.start.offset || window.end.offset) && order_keys.empty()) {
        order_keys.reserve(n);
        for (idx_t p = 0; p < n; ++p) order_keys.push_back(keys->GetValue(spec.partitions.size(), sorted.order[p]));
      }
      FrameComputer frames{window, sorted, *values, start_column, end_column, &order_keys};

      if (window.aggregate) {
        // Arguments (and filter) in sorted order, so frames are contiguous ranges.
        std::vector<idx_t> columns;
        for (idx_t c = 0; c < argument_count + (has_filter ? 1 : 0); ++c) columns.push_back(c);
        std::vector<LogicalType> sorted_types;
        for (idx_t c : columns) sorted_types.push_back(values->types()[c]);
        ChunkCollection sorted_args(sorted_types, context.query->memory);
        DataChunk buffer;
        buffer.Initialize(sorted_types);
        for (idx_t start = 0; start < n; start += kVectorSize) {
          idx_t m = std::min(kVectorSize, n - start);
          buffer.Reset();
          GatherRows(*values, sorted.order.data() + start, m, columns, buffer);
          sorted_args.Append(buffer);
        }
        const AggregateExpression& aggregate = *window.aggregate;
        const AggregateFunction& f = aggregate.function;
        std::vector<uint8_t> state_bytes(std::max<idx_t>(f.state_size, 16) + 16);
        uint8_t* state = state_bytes.data() + (16 - reinterpret_cast<uintptr_t>(state_bytes.data()) % 16) % 16;
        bool running = window.start.kind == FrameBoundKind::kUnboundedPreceding && window.exclusion == FrameExclusion::kNoOthers;
        idx_t p = 0;
        while (p < n) {
          idx_t pe = sorted.partition_end[p];
          if (running) {
            f.initialize(state, aggregate.bind_data.get());
            idx_t added = p;
            for (; p < pe; ++p) {
              idx_t end = frames.Frame(p).second;
              if (end > added) {
                UpdateRange(aggregate, sorted_args, argument_count, has_filter, added, end, state);
                added = end;
              }
              idx_t row = sorted.order[p];
              f.finalize(&state, 1, aggregate.bind_data.get(), ResultSlot(results, row), row % kVectorSize);
            }
            if (f.destroy) f.destroy(&state, 1);
            continue;
          }
          for (; p < pe; ++p) {
            auto [start, end] = frames.Frame(p);
            std::vector<idx_t> skip;
            if (window.exclusion == FrameExclusion::kCurrentRow) skip.push_back(p);
            if (window.exclusion == FrameExclusion::kGroup || window.exclusion == FrameExclusion::kTies) {
              for (idx_t q = sorted.peer_start[p]; q < sorted.peer_end[p]; ++q) {
                if (window.exclusion == FrameExclusion::kGroup || q != p) skip.push_back(q);
              }
            }
            f.initialize(state, aggregate.bind_data.get());
            UpdateRange(aggregate, sorted_args, argument_count, has_filter, start, end, state, skip.empty() ? nullptr : &skip);
            idx_t row = sorted.order[p];
            f.finalize(&state, 1, aggregate.bind_data.get(), ResultSlot(results, row), row % kVectorSize);
            if (f.destroy) f.destroy(&state, 1);
          }
        }
        continue;
      }

      // Ranking and navigation functions.
      WindowFunctionKind kind = window.function->kind;
      for (idx_t p = 0; p < n; ++p) {
        idx_t row = sorted.order[p];
        Vector& out = ResultSlot(results, row);
        idx_t slot = row % kVectorSize;
        idx_t ps = sorted.partition_start[p], pe = sorted.partition_end[p];
        auto copy_value = [&](idx_t source_position) {
          idx_t source_row = sorted.order[source_position];
          out.CopyRow(values->chunk(source_row / kVectorSize).column(0), source_row % kVectorSize, slot);
        };
        auto is_null_at = [&](idx_t position) {
          idx_t source_row = sorted.order[position];
          return !values->chunk(source_row / kVectorSize).column(0).validity().RowIsValid(source_row % kVectorSize);
        };
        switch (kind) {
          case WindowFunctionKind::kRowNumber:
            out.data<int64_t>()[slot] = static_cast<int64_t>(p - ps + 1);
            break;
          case WindowFunctionKind::kRank:
            out.data<int64_t>()[slot] = static_cast<int64_t>(sorted.peer_start[p] - ps + 1);
            break;
          case WindowFunctionKind::kDenseRank:
            out.data<int64_t>()[slot] = static_cast<int64_t>(sorted.peer_group[p] + 1);
            break;
          case WindowFunctionKind::kPercentRank:
            out.data<double>()[slot] = pe - ps <= 1 ? 0.0
                                                    : static_cast<double>(sorted.peer_start[p] - ps) / static_cast<double>(pe - ps - 1);
            break;
          case WindowFunctionKind::kCumeDist:
            out.data<double>()[slot] = static_cast<double>(sorted.peer_end[p] - ps) / static_cast<double>(pe - ps);
            break;
          case WindowFunctionKind::kNtile: {
            Value buckets_value = values->GetValue(0, row);
            if (buckets_value.is_null()) {
              out.SetNull(slot);
              break;
            }
            int64_t buckets = buckets_value.GetInt64();
            if (buckets <= 0) SB_THROW(kInvalidParameter, "Buckets must be greater than 0");
            int64_t size = static_cast<int64_t>(pe - ps), i = static_cast<int64_t>(p - ps);
            int64_t per = size / buckets, extra = size % buckets;
            int64_t bucket = i < extra * (per + 1) ? i / (per + 1) : extra + (i - extra * (per + 1)) / std::max<int64_t>(per, 1);
            out.data<int64_t>()[slot] = bucket + 1;
            break;
          }
          case WindowFunctionKind::kLag:
          case WindowFunctionKind::kLead: {
            int64_t offset = 1;
            if (argument_count > 1) {
              Value offset_value = values->GetValue(1, row);
              if (offset_value.is_null()) {
                out.SetNull(slot);
                break;
              }
              offset = offset_value.GetInt64();
              if (offset < 0) SB_THROW(kInvalidParameter, "Offset must be at least 0");
            }
            bool lag = kind == WindowFunctionKind::kLag;
            int64_t position = static_cast<int64_t>(p);
            int64_t remaining = offset;
            bool found = offset == 0;
            while (!found) {
              position += lag ? -1 : 1;
              if (position < static_cast<int64_t>(ps) || position >= static_cast<int64_t>(pe)) break;
              if (window.ignore_nulls && is_null_at(static_cast<idx_t>(position))) continue;
              if (--remaining == 0) found = true;
            }
            if (found) {
              copy_value(static_cast<idx_t>(position));
            } else if (argument_count > 2) {
              out.CopyRow(values->chunk(row / kVectorSize).column(2), row % kVectorSize, slot);
            } else {
              out.SetNull(slot);
            }
            break;
          }
          case WindowFunctionKind::kFirstValue:
          case WindowFunctionKind::kLastValue:
          case WindowFunctionKind::kNthValue: {
            auto [start, end] = frames.Frame(p);
            int64_t nth = 1;
            if (kind == WindowFunctionKind::kNthValue) {
              Value nth_value = values->GetValue(1, row);
              if (nth_value.is_null()) {
                out.SetNull(slot);
                break;
              }
              nth = nth_value.GetInt64();
              if (nth <= 0) SB_THROW(kInvalidParameter, "Offset must be at least 1");
            }
            bool from_end = kind == WindowFunctionKind::kLastValue;
            std::optional<idx_t> chosen;
            int64_t seen = 0;
            for (idx_t k = 0; k < end - start; ++k) {
              idx_t q = from_end ? end - 1 - k : start + k;
              if (window.ignore_nulls && is_null_at(q)) continue;
              if (++seen == nth) {
                chosen = q;
                break;
              }
            }
            if (chosen) copy_value(*chosen);
            else out.SetNull(slot);
            break;
          }
        }
      }
    }
  }
}

namespace {
struct WindowSourceState : GlobalSourceState {
  idx_t chunk = 0;
};
}  // namespace

std::unique_ptr<GlobalSourceState> PhysicalWindow::GetGlobalSourceState(ExecutionContext&) const {
  return std::make_unique<WindowSourceState>();
}

void PhysicalWindow::GetData(ExecutionContext&, DataChunk& chunk, GlobalSourceState& global, LocalSourceState&) const {
  auto& g = static_cast<WindowSinkState&>(*sink_state);
  auto& state = static_cast<WindowSourceState&>(global);
  if (state.chunk >= g.rows->ChunkCount()) return;
  idx_t c = state.chunk++;
  const DataChunk& input = g.rows->chunk(c);
  for (idx_t i = 0; i < input.ColumnCount(); ++i) chunk.column(i) = input.column(i);
  for (size_t w = 0; w < windows_.size(); ++w) chunk.column(input.ColumnCount() + w) = g.results[w][c];
  chunk.SetSize(input.size());
}

void PhysicalWindow::BuildPipelines(PipelineBuilder& builder, Pipeline& current) {
  current.source = this;
  Pipeline& input = builder.CreatePipeline();
  input.sink = this;
  children[0]->BuildPipelines(builder, input);
}

std::string PhysicalWindow::Details() const {
  std::vector<std::string> parts;
  for (const auto& w : windows_) parts.push_back(w->ToString());
  return Join(parts, ", ");
}

}  // namespace switchboard
