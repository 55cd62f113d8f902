// Expression evaluation. Eval(expr, sel, count) computes the expression for input positions
// sel[0..count) (or 0..count) into a vector whose row j belongs to position j of that list.
#include "exec/expression_executor.h"

#include <algorithm>

#include "function/cast.h"
#include "function/comparison.h"
#include "function/query_context.h"
#include "function/scalar_executor.h"

namespace switchboard {

/// Scratch space of one expression node, reused across chunks.
struct ExpressionState {
  std::vector<std::unique_ptr<ExpressionState>> children;
  std::vector<Vector> child_results;
  DataChunk arguments;  // function arguments
  std::unique_ptr<Vector> constant;
  bool has_lambdas = false;
};

namespace {

std::unique_ptr<ExpressionState> MakeState(const Expression& expr) {
  auto state = std::make_unique<ExpressionState>();
  std::vector<LogicalType> types;
  for (const auto& child : expr.children) {
    state->children.push_back(MakeState(*child));
    state->child_results.emplace_back(child->type.IsValid() ? child->type : LogicalType(TypeId::kUnknown), 0);
    types.push_back(child->type.IsValid() ? child->type : LogicalType(TypeId::kUnknown));
    if (child->kind == ExpressionKind::kLambda) state->has_lambdas = true;
  }
  if (expr.kind == ExpressionKind::kFunction) state->arguments.Initialize(types, 0);
  if (expr.kind == ExpressionKind::kConstant) {
    state->constant = std::make_unique<Vector>(Vector::Constant(expr.As<ConstantExpression>().value));
  }
  return state;
}

// A fresh writable vector of `type` in `result` (reusing its buffers when possible).
void PrepareResult(Vector& result, const LogicalType& type) {
  if (result.type() == type) {
    result.ResetForWrite(kVectorSize);
  } else {
    result = Vector(type, kVectorSize);
  }
}

// Input positions of result positions `subset` (j -> sel[subset[j]]).
/// Returns fresh storage (never `subset`'s own): callers keep narrowing `subset` in place while
/// vectors evaluated through the composed selection are still in use.
SelectionVector Compose(const SelectionVector* sel, const SelectionVector& subset, idx_t count) {
  SelectionVector composed(count);
  for (idx_t j = 0; j < count; ++j) {
    idx_t row = subset.get_index(j);
    composed.set_index(j, sel ? sel->get_index(row) : row);
  }
  return composed;
}

bool IsUserError(ErrorCode code) {
  return code != ErrorCode::kInternal && code != ErrorCode::kOutOfMemory &&
         code != ErrorCode::kQueryCanceled && code != ErrorCode::kResourceLimit;
}

}  // namespace

/// Evaluates the lambda arguments of one higher-order function call for its kernel.
class LambdaRunner : public LambdaEvaluator {
 public:
  LambdaRunner(ExpressionExecutor& executor, const Expression& call, ExpressionState& state,
               const SelectionVector* sel)
      : executor_(executor), call_(call), state_(state), sel_(sel) {}

  void Evaluate(idx_t lambda_index, const std::vector<Vector>& parameters,
                const SelectionVector& outer_rows, idx_t count, Vector& result) override {
    const Expression& lambda = *call_.children[lambda_index];
    const Expression& body = *lambda.children[0];
    ExpressionState& body_state = *state_.children[lambda_index]->children[0];
    const DataChunk& outer = *executor_.input_;
    for (idx_t start = 0; start < count; start += kVectorSize) {
      idx_t n = std::min(kVectorSize, count - start);
      // Parameter rows [start, start + n) and the outer rows they belong to.
      SelectionVector window(n);
      SelectionVector outer_sel(n);
      for (idx_t i = 0; i < n; ++i) {
        window.set_index(i, start + i);
        idx_t outer_position = outer_rows.get_index(start + i);
        outer_sel.set_index(i, sel_ ? sel_->get_index(outer_position) : outer_position);
      }
      std::vector<Vector> frame;
      for (const Vector& p : parameters) {
        Vector slice = p;
        slice.Slice(window, n);
        frame.push_back(std::move(slice));
      }
      DataChunk expanded;
      expanded.Reference(outer);
      expanded.Slice(outer_sel, n);
      const DataChunk* saved_input = executor_.input_;
      executor_.input_ = &expanded;
      executor_.lambda_frames_.push_back(&frame);
      Vector batch;
      try {
        executor_.Eval(body, body_state, nullptr, n, batch);
      } catch (...) {
        executor_.lambda_frames_.pop_back();
        executor_.input_ = saved_input;
        throw;
      }
      executor_.lambda_frames_.pop_back();
      executor_.input_ = saved_input;
      result.CopyRows(batch, SelectionVector(), n, start);
    }
  }

 private:
  ExpressionExecutor& executor_;
  const Expression& call_;
  ExpressionState& state_;
  const SelectionVector* sel_;
};

ExpressionExecutor::ExpressionExecutor(const QueryContext* query, std::vector<const Expression*> expressions)
    : query_(query), expressions_(std::move(expressions)) {
  for (const Expression* e : expressions_) states_.push_back(MakeState(*e));
}

ExpressionExecutor::ExpressionExecutor(const QueryContext* query, const Expression& expression)
    : ExpressionExecutor(query, std::vector<const Expression*>{&expression}) {}

ExpressionExecutor::~ExpressionExecutor() = default;

void ExpressionExecutor::Execute(const DataChunk& input, idx_t index, Vector& result) {
  input_ = &input;
  Eval(*expressions_[index], *states_[index], nullptr, input.size(), result);
  input_ = nullptr;
}

void ExpressionExecutor::Execute(const DataChunk& input, DataChunk& output) {
  SB_CHECK(output.ColumnCount() == expressions_.size());
  for (idx_t i = 0; i < expressions_.size(); ++i) Execute(input, i, output.column(i));
  output.SetSize(input.size());
}

idx_t ExpressionExecutor::Select(const DataChunk& input, SelectionVector& true_sel) {
  input_ = &input;
  idx_t n = EvalSelect(*expressions_[0], *states_[0], nullptr, input.size(), &true_sel, nullptr);
  input_ = nullptr;
  return n;
}

Value ExpressionExecutor::EvaluateConstant(const Expression& expression, const QueryContext* query) {
  ExpressionExecutor executor(query, expression);
  DataChunk dummy;
  dummy.Initialize({}, 1);
  dummy.SetSize(1);
  Vector result;
  executor.Execute(dummy, 0, result);
  Value value = result.GetValue(0);
  if (value.is_null()) return Value::Null(expression.type);
  return value;
}

void ExpressionExecutor::Eval(const Expression& expr, ExpressionState& state, const SelectionVector* sel,
                              idx_t count, Vector& result) {
  switch (expr.kind) {
    case ExpressionKind::kReference: {
      result = input_->column(expr.As<ReferenceExpression>().index);
      if (sel) result.Slice(*sel, count);
      return;
    }
    case ExpressionKind::kLambdaParameter: {
      const auto& p = expr.As<LambdaParameterExpression>();
      SB_CHECK(p.lambda_depth < lambda_frames_.size());
      result = (*lambda_frames_[lambda_frames_.size() - 1 - p.lambda_depth])[p.index];
      if (sel) result.Slice(*sel, count);
      return;
    }
    case ExpressionKind::kConstant:
      result = *state.constant;
      return;
    case ExpressionKind::kFunction:
      EvalFunction(expr, state, sel, count, result);
      return;
    case ExpressionKind::kCast: {
      Vector& child = state.child_results[0];
      Eval(*expr.children[0], *state.children[0], sel, count, child);
      if (child.type() == expr.type) {
        result = child;
        return;
      }
      PrepareResult(result, expr.type);
      CastOptions options;
      options.try_cast = expr.As<CastExpression>().try_cast;
      options.query = query_;
      CastVector(child, result, count, options);
      return;
    }
    case ExpressionKind::kComparison: {
      Vector& left = state.child_results[0];
      Vector& right = state.child_results[1];
      Eval(*expr.children[0], *state.children[0], sel, count, left);
      Eval(*expr.children[1], *state.children[1], sel, count, right);
      PrepareResult(result, expr.type);
      if (left.IsConstant() && right.IsConstant()) {
        CompareVectors(expr.As<ComparisonExpression>().op, left, right, 1, result);
        result.SetKindConstant();
        return;
      }
      CompareVectors(expr.As<ComparisonExpression>().op, left, right, count, result);
      return;
    }
    case ExpressionKind::kConjunction:
      EvalConjunction(expr, state, sel, count, result);
      return;
    case ExpressionKind::kNot: {
      Vector& child = state.child_results[0];
      Eval(*expr.children[0], *state.children[0], sel, count, child);
      PrepareResult(result, expr.type);
      ExecuteUnary<bool, bool>(child, result, count, [](bool b) { return !b; });
      return;
    }
    case ExpressionKind::kIsNull: {
      Vector& child = state.child_results[0];
      Eval(*expr.children[0], *state.children[0], sel, count, child);
      PrepareResult(result, expr.type);
      bool negated = expr.As<OperatorExpression>().negated;
      bool* out = result.data<bool>();
      if (child.IsConstant()) {
        out[0] = child.IsNullConstant() != negated;
        result.SetKindConstant();
        return;
      }
      UnifiedFormat format;
      child.ToUnifiedFormat(count, format);
      for (idx_t i = 0; i < count; ++i) out[i] = !format.RowIsValid(i) != negated;
      return;
    }
    case ExpressionKind::kCase:
      EvalCase(expr, state, sel, count, result);
      return;
    case ExpressionKind::kCoalesce:
      EvalCoalesce(expr, state, sel, count, result);
      return;
    case ExpressionKind::kInList:
      EvalInList(expr, state, sel, count, result);
      return;
    case ExpressionKind::kTry:
      EvalTry(expr, state, sel, count, result);
      return;
    default:
      SB_CHECK(false, "expression {} cannot be evaluated here", expr.ToString());
  }
}

void ExpressionExecutor::EvalFunction(const Expression& expr, ExpressionState& state,
                                      const SelectionVector* sel, idx_t count, Vector& result) {
  const auto& call = expr.As<FunctionExpression>();
  DataChunk& args = state.arguments;
  bool all_constant = true;
  for (idx_t i = 0; i < expr.children.size(); ++i) {
    const Expression& child = *expr.children[i];
    if (child.kind == ExpressionKind::kLambda) {
      args.column(i) = Vector::ConstantNull(child.type.IsValid() ? child.type : LogicalType(TypeId::kUnknown));
      all_constant = false;
      continue;
    }
    Eval(child, *state.children[i], sel, count, args.column(i));
    all_constant = all_constant && args.column(i).IsConstant();
  }
  args.SetSize(count);
  PrepareResult(result, expr.type);
  FunctionContext context;
  context.bind_data = call.bind_data.get();
  context.query = query_;
  std::unique_ptr<LambdaRunner> runner;
  if (state.has_lambdas) {
    runner = std::make_unique<LambdaRunner>(*this, expr, state, sel);
    context.lambdas = runner.get();
  }
  if (call.function.null_handling == NullHandling::kPropagate && !expr.children.empty()) {
    // A constant NULL argument makes every row NULL without calling the kernel.
    for (idx_t i = 0; i < args.ColumnCount(); ++i) {
      if (args.column(i).IsNullConstant() && expr.children[i]->kind != ExpressionKind::kLambda) {
        result.SetKindConstant();
        result.SetNull(0);
        return;
      }
    }
  }
  if (all_constant && !expr.children.empty() && call.function.deterministic) args.SetSize(1);
  call.function.kernel(args, context, result);
  if (all_constant && !expr.children.empty() && call.function.deterministic) result.SetKindConstant();
}

void ExpressionExecutor::EvalConjunction(const Expression& expr, ExpressionState& state,
                                         const SelectionVector* sel, idx_t count, Vector& result) {
  bool is_and = expr.As<ConjunctionExpression>().is_and;
  PrepareResult(result, expr.type);
  bool* out = result.data<bool>();
  std::fill(out, out + count, is_and);
  std::vector<bool> saw_null(count, false);
  // Result positions still undecided.
  SelectionVector remaining(count);
  for (idx_t j = 0; j < count; ++j) remaining.set_index(j, j);
  idx_t remaining_count = count;
  for (idx_t c = 0; c < expr.children.size() && remaining_count > 0; ++c) {
    SelectionVector input_sel = Compose(sel, remaining, remaining_count);
    bool identity = !sel && remaining_count == count;
    Vector& child = state.child_results[c];
    Eval(*expr.children[c], *state.children[c], identity ? nullptr : &input_sel, remaining_count, child);
    UnifiedFormat format;
    child.ToUnifiedFormat(remaining_count, format);
    const bool* values = format.GetData<bool>();
    idx_t next = 0;
    for (idx_t k = 0; k < remaining_count; ++k) {
      idx_t j = remaining.get_index(k);
      idx_t index = format.sel->get_index(k);
      if (!format.validity->RowIsValid(index)) {
        saw_null[j] = true;
        remaining.set_index(next++, j);
      } else if (values[index] != is_and) {
        out[j] = !is_and;  // decided: FALSE for AND, TRUE for OR
      } else {
        remaining.set_index(next++, j);
      }
    }
    remaining_count = next;
  }
  for (idx_t k = 0; k < remaining_count; ++k) {
    idx_t j = remaining.get_index(k);
    if (saw_null[j]) result.SetNull(j);
  }
}

void ExpressionExecutor::EvalCase(const Expression& expr, ExpressionState& state,
                                  const SelectionVector* sel, idx_t count, Vector& result) {
  PrepareResult(result, expr.type);
  SelectionVector remaining(count);
  for (idx_t j = 0; j < count; ++j) remaining.set_index(j, j);
  idx_t remaining_count = count;
  size_t branches = (expr.children.size() - 1) / 2;
  for (size_t b = 0; b < branches && remaining_count > 0; ++b) {
    SelectionVector input_sel = Compose(sel, remaining, remaining_count);
    Vector& condition = state.child_results[2 * b];
    Eval(*expr.children[2 * b], *state.children[2 * b], &input_sel, remaining_count, condition);
    UnifiedFormat format;
    condition.ToUnifiedFormat(remaining_count, format);
    const bool* values = format.GetData<bool>();
    SelectionVector matched(remaining_count);
    idx_t matched_count = 0, next = 0;
    for (idx_t k = 0; k < remaining_count; ++k) {
      idx_t index = format.sel->get_index(k);
      if (format.validity->RowIsValid(index) && values[index]) {
        matched.set_index(matched_count++, remaining.get_index(k));
      } else {
        remaining.set_index(next++, remaining.get_index(k));
      }
    }
    remaining_count = next;
    if (matched_count == 0) continue;
    SelectionVector then_sel = Compose(sel, matched, matched_count);
    Vector& value = state.child_results[2 * b + 1];
    Eval(*expr.children[2 * b + 1], *state.children[2 * b + 1], &then_sel, matched_count, value);
    result.ScatterRows(value, matched_count, matched);
  }
  if (remaining_count > 0) {
    SelectionVector else_sel = Compose(sel, remaining, remaining_count);
    Vector& value = state.child_results.back();
    Eval(*expr.children.back(), *state.children.back(), &else_sel, remaining_count, value);
    result.ScatterRows(value, remaining_count, remaining);
  }
}

void ExpressionExecutor::EvalCoalesce(const Expression& expr, ExpressionState& state,
                                      const SelectionVector* sel, idx_t count, Vector& result) {
  PrepareResult(result, expr.type);
  SelectionVector remaining(count);
  for (idx_t j = 0; j < count; ++j) remaining.set_index(j, j);
  idx_t remaining_count = count;
  for (size_t c = 0; c < expr.children.size() && remaining_count > 0; ++c) {
    SelectionVector input_sel = Compose(sel, remaining, remaining_count);
    Vector& value = state.child_results[c];
    Eval(*expr.children[c], *state.children[c], &input_sel, remaining_count, value);
    UnifiedFormat format;
    value.ToUnifiedFormat(remaining_count, format);
    SelectionVector found_source(remaining_count), found_target(remaining_count);
    idx_t found = 0, next = 0;
    for (idx_t k = 0; k < remaining_count; ++k) {
      if (format.RowIsValid(k)) {
        found_source.set_index(found, k);
        found_target.set_index(found++, remaining.get_index(k));
      } else {
        remaining.set_index(next++, remaining.get_index(k));
      }
    }
    if (found > 0) {
      Vector picked = value;
      picked.Slice(found_source, found);
      result.ScatterRows(picked, found, found_target);
    }
    remaining_count = next;
  }
  for (idx_t k = 0; k < remaining_count; ++k) result.SetNull(remaining.get_index(k));
}

void ExpressionExecutor::EvalInList(const Expression& expr, ExpressionState& state,
                                    const SelectionVector* sel, idx_t count, Vector& result) {
  bool negated = expr.As<OperatorExpression>().negated;
  Vector& value = state.child_results[0];
  Eval(*expr.children[0], *state.children[0], sel, count, value);
  PrepareResult(result, expr.type);
  bool* out = result.data<bool>();
  std::fill(out, out + count, false);
  std::vector<bool> unknown(count, false);
  Vector comparison(TypeId::kBoolean, kVectorSize);
  for (size_t c = 1; c < expr.children.size(); ++c) {
    Vector& item = state.child_results[c];
    Eval(*expr.children[c], *state.children[c], sel, count, item);
    comparison.ResetForWrite(kVectorSize);
    CompareVectors(ComparisonOp::kEqual, value, item, count, comparison);
    UnifiedFormat format;
    comparison.ToUnifiedFormat(count, format);
    const bool* matches = format.GetData<bool>();
    for (idx_t j = 0; j < count; ++j) {
      idx_t index = format.sel->get_index(j);
      if (!format.validity->RowIsValid(index)) unknown[j] = true;
      else if (matches[index]) out[j] = true;
    }
  }
  for (idx_t j = 0; j < count; ++j) {
    if (out[j]) {
      out[j] = !negated;
    } else if (unknown[j]) {
      result.SetNull(j);
    } else {
      out[j] = negated;
    }
  }
}

void ExpressionExecutor::EvalTry(const Expression& expr, ExpressionState& state,
                                 const SelectionVector* sel, idx_t count, Vector& result) {
  try {
    Eval(*expr.children[0], *state.children[0], sel, count, result);
    return;
  } catch (const Exception& e) {
    if (!IsUserError(e.code())) throw;
  }
  // Some row failed: evaluate row by row, turning failures into NULL.
  Vector output(expr.type, kVectorSize);
  for (idx_t j = 0; j < count; ++j) {
    SelectionVector one(1);
    one.set_index(0, sel ? sel->get_index(j) : j);
    SelectionVector target(1);
    target.set_index(0, j);
    try {
      Vector row;
      Eval(*expr.children[0], *state.children[0], &one, 1, row);
      output.ScatterRows(row, 1, target);
    } catch (const Exception& e) {
      if (!IsUserError(e.code())) throw;
      output.SetNull(j);
    }
  }
  result = std::move(output);
}

idx_t ExpressionExecutor::EvalSelect(const Expression& expr, ExpressionState& state,
                                     const SelectionVector* sel, idx_t count,
                                     SelectionVector* true_sel, SelectionVector* false_sel) {
  auto position = [&](idx_t j) { return sel ? sel->get_index(j) : j; };
  switch (expr.kind) {
    case ExpressionKind::kComparison: {
      Vector& left = state.child_results[0];
      Vector& right = state.child_results[1];
      Eval(*expr.children[0], *state.children[0], sel, count, left);
      Eval(*expr.children[1], *state.children[1], sel, count, right);
      if (!sel) return SelectComparison(expr.As<ComparisonExpression>().op, left, right, nullptr, count, true_sel, false_sel);
      SelectionVector t(count), f(count);
      idx_t n = SelectComparison(expr.As<ComparisonExpression>().op, left, right, nullptr, count, &t,
                                 false_sel ? &f : nullptr);
      for (idx_t k = 0; k < n; ++k) true_sel->set_index(k, position(t.get_index(k)));
      if (false_sel) {
        for (idx_t k = 0; k < count - n; ++k) false_sel->set_index(k, position(f.get_index(k)));
      }
      return n;
    }
    case ExpressionKind::kConjunction: {
      if (expr.As<ConjunctionExpression>().is_and) {
        // Each conjunct filters the survivors of the previous one.
        SelectionVector current(count);
        for (idx_t j = 0; j < count; ++j) current.set_index(j, position(j));
        idx_t current_count = count;
        idx_t false_count = 0;
        for (size_t c = 0; c < expr.children.size() && current_count > 0; ++c) {
          SelectionVector passed(current_count), failed(current_count);
          idx_t n = EvalSelect(*expr.children[c], *state.children[c], &current, current_count, &passed,
                               false_sel ? &failed : nullptr);
          if (false_sel) {
            for (idx_t k = 0; k < current_count - n; ++k) false_sel->set_index(false_count++, failed.get_index(k));
          }
          current = passed;
          current_count = n;
        }
        for (idx_t k = 0; k < current_count; ++k) true_sel->set_index(k, current.get_index(k));
        if (false_sel) std::sort(false_sel->data(), false_sel->data() + false_count);
        return current_count;
      }
      // OR: each disjunct tests the rows the previous ones rejected.
      SelectionVector remaining(count);
      for (idx_t j = 0; j < count; ++j) remaining.set_index(j, position(j));
      idx_t remaining_count = count;
      idx_t true_count = 0;
      for (size_t c = 0; c < expr.children.size() && remaining_count > 0; ++c) {
        SelectionVector passed(remaining_count), failed(remaining_count);
        idx_t n = EvalSelect(*expr.children[c], *state.children[c], &remaining, remaining_count, &passed, &failed);
        for (idx_t k = 0; k < n; ++k) true_sel->set_index(true_count++, passed.get_index(k));
        remaining = failed;
        remaining_count -= n;
      }
      std::sort(true_sel->data(), true_sel->data() + true_count);
      if (false_sel) {
        for (idx_t k = 0; k < remaining_count; ++k) false_sel->set_index(k, remaining.get_index(k));
      }
      return true_count;
    }
    default: {
      Vector evaluated;
      Eval(expr, state, sel, count, evaluated);
      UnifiedFormat format;
      evaluated.ToUnifiedFormat(count, format);
      const bool* values = format.GetData<bool>();
      idx_t true_count = 0, false_count = 0;
      for (idx_t j = 0; j < count; ++j) {
        idx_t index = format.sel->get_index(j);
        if (format.validity->RowIsValid(index) && values[index]) {
          true_sel->set_index(true_count++, position(j));
        } else if (false_sel) {
          false_sel->set_index(false_count++, position(j));
        }
      }
      return true_count;
    }
  }
}

}  // namespace switchboard
