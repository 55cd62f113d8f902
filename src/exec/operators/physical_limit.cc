// LIMIT/OFFSET with a shared row counter.
#include "exec/operators/physical_limit.h"

#include <atomic>

#include <fmt/format.h>

namespace switchboard {

namespace {
struct LimitState : GlobalOperatorState {
  std::atomic<int64_t> seen{0};  // rows of input claimed so far
};
}  // namespace

PhysicalLimit::PhysicalLimit(std::vector<LogicalType> types, std::optional<int64_t> limit, int64_t offset,
                             double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality), limit_(limit), offset_(offset) {}

std::unique_ptr<GlobalOperatorState> PhysicalLimit::GetGlobalOperatorState(ExecutionContext&) const {
  return std::make_unique<LimitState>();
}

OperatorResult PhysicalLimit::Execute(ExecutionContext&, DataChunk& input, DataChunk& output,
                                      GlobalOperatorState& global, OperatorState&) const {
  auto& state = static_cast<LimitState&>(global);
  int64_t n = static_cast<int64_t>(input.size());
  int64_t start = state.seen.fetch_add(n);
  int64_t end_row = limit_ ? offset_ + *limit_ : INT64_MAX;
  // This chunk holds input rows [start, start + n); keep those inside [offset, end_row).
  int64_t from = std::max(offset_, start) - start;
  int64_t to = std::min(end_row, start + n) - start;
  if (to > from) {
    output.Reference(input);
    if (from > 0 || to < n) {
      SelectionVector sel(static_cast<idx_t>(to - from));
      for (int64_t i = from; i < to; ++i) sel.set_index(static_cast<idx_t>(i - from), static_cast<idx_t>(i));
      output.Slice(sel, static_cast<idx_t>(to - from));
    }
  }
  return start + n >= end_row ? OperatorResult::kFinished : OperatorResult::kNeedMoreInput;
}

std::string PhysicalLimit::Details() const {
  std::string out = limit_ ? fmt::format("limit={}", *limit_) : "limit=all";
  if (offset_ > 0) out += fmt::format(" offset={}", offset_);
  return out;
}

}  // namespace switchboard
