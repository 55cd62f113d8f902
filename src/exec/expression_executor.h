// ExpressionExecutor: evaluates bound expressions over DataChunks, vector at a time, with lazy
// evaluation for CASE, COALESCE, AND and OR, and selection-vector output for filters.
#pragma once

#include <memory>
#include <vector>

#include "function/function.h"
#include "sql/planner/expression.h"

namespace switchboard {

class QueryContext;
struct ExpressionState;

/// Evaluates a fixed list of physical expressions (column references are kReference into the
/// input chunk). Holds per-expression scratch vectors, so each thread owns its own executor.
/// Errors from functions propagate as Exception.
class ExpressionExecutor {
 public:
  ExpressionExecutor(const QueryContext* query, std::vector<const Expression*> expressions);
  ExpressionExecutor(const QueryContext* query, const Expression& expression);
  ~ExpressionExecutor();
  ExpressionExecutor(const ExpressionExecutor&) = delete;
  ExpressionExecutor& operator=(const ExpressionExecutor&) = delete;

  /// Evaluates expression `index` over every row of `input` into `result` (which is reset to a
  /// writable vector of the expression's type, or replaced by a reference/constant).
  void Execute(const DataChunk& input, idx_t index, Vector& result);
  /// Evaluates every expression into the columns of `output` and sets its size.
  void Execute(const DataChunk& input, DataChunk& output);
  /// Positions of `input` rows where boolean expression 0 is TRUE; returns their number.
  idx_t Select(const DataChunk& input, SelectionVector& true_sel);

  /// Evaluates a constant expression (no column references).
  static Value EvaluateConstant(const Expression& expression, const QueryContext* query);

 private:
  friend class LambdaRunner;
  void Eval(const Expression& expr, ExpressionState& state, const SelectionVector* sel, idx_t count,
            Vector& result);
  idx_t EvalSelect(const Expression& expr, ExpressionState& state, const SelectionVector* sel,
                   idx_t count, SelectionVector* true_sel, SelectionVector* false_sel);

  void EvalFunction(const Expression& expr, ExpressionState& state, const SelectionVector* sel,
                    idx_t count, Vector& result);
  void EvalConjunction(const Expression& expr, ExpressionState& state, const SelectionVector* sel,
                       idx_t count, Vector& result);
  void EvalCase(const Expression& expr, ExpressionState& state, const SelectionVector* sel,
                idx_t count, Vector& result);
  void EvalCoalesce(const Expression& expr, ExpressionState& state, const SelectionVector* sel,
                    idx_t count, Vector& result);
  void EvalInList(const Expression& expr, ExpressionState& state, const SelectionVector* sel,
                  idx_t count, Vector& result);
  void EvalTry(const Expression& expr, ExpressionState& state, const SelectionVector* sel,
               idx_t count, Vector& result);

  const QueryContext* query_;
  std::vector<const Expression*> expressions_;
  std::vector<std::unique_ptr<ExpressionState>> states_;
  const DataChunk* input_ = nullptr;
  /// Parameter vectors of the lambdas being evaluated, innermost last.
  std::vector<const std::vector<Vector>*> lambda_frames_;
};

}  // namespace switchboard
