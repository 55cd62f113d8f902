// UNNEST: evaluates the collections once per input chunk, then emits up to a chunk of output
// rows per call, gathering elements from the list children.
#include "exec/operators/physical_unnest.h"

#include "common/string_util.h"
#include "exec/expression_executor.h"

namespace switchboard {

namespace {
struct UnnestState : OperatorState {
  std::unique_ptr<ExpressionExecutor> executor;
  std::vector<Vector> lists;  // flattened collections of the current input chunk
  bool started = false;
  idx_t row = 0;      // input row being expanded
  idx_t element = 0;  // next element of that row
};

// Rows a collection value contributes (0 for NULL).
idx_t Length(const Vector& list, idx_t row) {
  if (!list.validity().RowIsValid(row)) return 0;
  return list.data<ListEntry>()[row].length;
}
}  // namespace

PhysicalUnnest::PhysicalUnnest(std::vector<LogicalType> types, ExpressionList expressions, bool with_ordinality,
                               bool keep_empty, double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality),
      expressions_(std::move(expressions)),
      with_ordinality_(with_ordinality),
      keep_empty_(keep_empty) {}

std::unique_ptr<OperatorState> PhysicalUnnest::GetOperatorState(ExecutionContext& context) const {
  auto state = std::make_unique<UnnestState>();
  std::vector<const Expression*> expressions;
  for (const auto& e : expressions_) expressions.push_back(e.get());
  state->executor = std::make_unique<ExpressionExecutor>(context.query, expressions);
  state->lists.resize(expressions.size());
  return state;
}

OperatorResult PhysicalUnnest::Execute(ExecutionContext&, DataChunk& input, DataChunk& output,
                                       GlobalOperatorState&, OperatorState& state_base) const {
  auto& state = static_cast<UnnestState&>(state_base);
  if (!state.started) {
    state.started = true;
    state.row = 0;
    state.element = 0;
    for (idx_t e = 0; e < expressions_.size(); ++e) {
      state.executor->Execute(input, e, state.lists[e]);
      state.lists[e].Flatten(input.size());
    }
  }
  // Plan the output: (input row, element index or -1 for the padding row of an empty input).
  std::vector<sel_t> rows;
  std::vector<int64_t> elements;
  while (state.row < input.size() && rows.size() < kVectorSize) {
    idx_t length = 0;
    for (const auto& list : state.lists) length = std::max(length, Length(list, state.row));
    if (length == 0) {
      if (keep_empty_ && state.element == 0) {
        rows.push_back(static_cast<sel_t>(state.row));
        elements.push_back(-1);
      }
      ++state.row;
      state.element = 0;
      continue;
    }
    while (state.element < length && rows.size() < kVectorSize) {
      rows.push_back(static_cast<sel_t>(state.row));
      elements.push_back(static_cast<int64_t>(state.element++));
    }
    if (state.element >= length) {
      ++state.row;
      state.element = 0;
    }
  }
  idx_t n = rows.size();
  SelectionVector input_sel(n);
  for (idx_t i = 0; i < n; ++i) input_sel.set_index(i, rows[i]);
  idx_t column = 0;
  for (; column < input.ColumnCount(); ++column) {
    output.column(column) = input.column(column);
    output.column(column).Slice(input_sel, n);
  }
  for (const auto& list : state.lists) {
    const Vector& child = list.list_child();
    const ListEntry* entries = list.data<ListEntry>();
    // Element positions in the child, or NULL where this collection is shorter.
    SelectionVector child_sel(n);
    std::vector<bool> present(n);
    for (idx_t i = 0; i < n; ++i) {
      idx_t r = rows[i];
      present[i] = elements[i] >= 0 && static_cast<idx_t>(elements[i]) < Length(list, r);
      child_sel.set_index(i, present[i] ? entries[r].offset + static_cast<idx_t>(elements[i]) : 0);
    }
    auto emit = [&](const Vector& source) {
      Vector& target = output.column(column++);
      target.ResetForWrite(kVectorSize);
      if (source.type().physical_type() == PhysicalType::kStruct || list.list_size() == 0) {
        for (idx_t i = 0; i < n; ++i) {
          if (present[i]) target.SetValue(i, source.GetValue(child_sel.get_index(i)));
          else target.SetNull(i);
        }
        return;
      }
      target.CopyRows(source, child_sel, n, 0);
      for (idx_t i = 0; i < n; ++i) {
        if (!present[i]) target.SetNull(i);
      }
    };
    bool row_elements = list.type().id() == TypeId::kArray && list.type().element_type().id() == TypeId::kRow;
    if (list.type().id() == TypeId::kMap || row_elements) {
      for (const Vector& field : child.struct_children()) {
        if (child.validity().AllValid()) {
          emit(field);
          continue;
        }
        // A NULL row element unnests to NULL fields (in a copy: the input must not change).
        Vector field_values(field.type(), std::max<idx_t>(list.list_size(), 1));
        field_values.CopyRows(field, SelectionVector(), list.list_size(), 0);
        for (idx_t k = 0; k < list.list_size(); ++k) {
          if (!child.validity().RowIsValid(k)) field_values.SetNull(k);
        }
        emit(field_values);
      }
    } else {
      emit(child);
    }
  }
  if (with_ordinality_) {
    Vector& ordinality = output.column(column);
    for (idx_t i = 0; i < n; ++i) {
      if (elements[i] >= 0) ordinality.data<int64_t>()[i] = elements[i] + 1;
      else ordinality.SetNull(i);
    }
  }
  output.SetSize(n);
  if (state.row < input.size()) return OperatorResult::kHaveMoreOutput;
  state.started = false;
  return OperatorResult::kNeedMoreInput;
}

std::string PhysicalUnnest::Details() const {
  std::vector<std::string> parts;
  for (const auto& e : expressions_) parts.push_back(e->ToString());
  return Join(parts, ", ") + (with_ordinality_ ? " WITH ORDINALITY" : "");
}

}  // namespace switchboard
