// Row repetition for INTERSECT/EXCEPT [ALL].
#include "exec/operators/physical_repeat_rows.h"

namespace switchboard {

namespace {
struct RepeatState : OperatorState {
  idx_t row = 0;
  int64_t emitted = 0;  // copies of `row` already emitted
};
}  // namespace

PhysicalRepeatRows::PhysicalRepeatRows(std::vector<LogicalType> types, SetOperationKind kind, bool all,
                                       double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality), kind_(kind), all_(all) {}

std::unique_ptr<OperatorState> PhysicalRepeatRows::GetOperatorState(ExecutionContext&) const {
  return std::make_unique<RepeatState>();
}

OperatorResult PhysicalRepeatRows::Execute(ExecutionContext&, DataChunk& input, DataChunk& output,
                                           GlobalOperatorState&, OperatorState& state_base) const {
  auto& state = static_cast<RepeatState&>(state_base);
  idx_t columns = types.size();
  UnifiedFormat left, right;
  input.column(columns).ToUnifiedFormat(input.size(), left);
  input.column(columns + 1).ToUnifiedFormat(input.size(), right);
  SelectionVector sel(kVectorSize);
  idx_t n = 0;
  while (state.row < input.size() && n < kVectorSize) {
    int64_t l = left.GetData<int64_t>()[left.sel->get_index(state.row)];
    int64_t r = right.GetData<int64_t>()[right.sel->get_index(state.row)];
    int64_t copies;
    if (kind_ == SetOperationKind::kIntersect) copies = all_ ? std::min(l, r) : (l > 0 && r > 0 ? 1 : 0);
    else copies = all_ ? std::max<int64_t>(l - r, 0) : (l > 0 && r == 0 ? 1 : 0);
    while (state.emitted < copies && n < kVectorSize) {
      sel.set_index(n++, state.row);
      ++state.emitted;
    }
    if (state.emitted >= copies) {
      ++state.row;
      state.emitted = 0;
    }
  }
  for (idx_t c = 0; c < columns; ++c) {
    output.column(c) = input.column(c);
    output.column(c).Slice(sel, n);
  }
  output.SetSize(n);
  if (state.row < input.size()) return OperatorResult::kHaveMoreOutput;
  state.row = 0;
  return OperatorResult::kNeedMoreInput;
}

std::string PhysicalRepeatRows::Name() const {
  return std::string(kind_ == SetOperationKind::kIntersect ? "INTERSECT" : "EXCEPT") + (all_ ? "_ALL" : "");
}

}  // namespace switchboard
