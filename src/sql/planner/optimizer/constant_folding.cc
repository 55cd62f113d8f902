// Constant folding: deterministic expressions over constants are evaluated once at planning
// time, and boolean connectives with constant operands are simplified.
#include "sql/planner/optimizer/optimizer.h"

#include "common/error.h"

namespace switchboard {

namespace {

bool IsBooleanConstant(const Expression& e, bool value) {
  if (e.kind != ExpressionKind::kConstant) return false;
  const Value& v = e.As<ConstantExpression>().value;
  return !v.is_null() && v.type().id() == TypeId::kBoolean && v.GetBoolean() == value;
}

void Fold(ExpressionPtr& expression, const ConstantEvaluator& evaluate) {
  ForEachChild(*expression, [&](ExpressionPtr& child) { Fold(child, evaluate); });
  if (expression->kind == ExpressionKind::kConjunction) {
    bool is_and = expression->As<ConjunctionExpression>().is_and;
    ExpressionList kept;
    for (auto& child : expression->children) {
      if (IsBooleanConstant(*child, !is_and)) {  // AND false / OR true decides
        expression = MakeConstant(Value::Boolean(!is_and));
        return;
      }
      if (!IsBooleanConstant(*child, is_and)) kept.push_back(std::move(child));
    }
    if (kept.empty()) {
      expression = MakeConstant(Value::Boolean(is_and));
      return;
    }
    std::string alias = expression->alias;
    expression = is_and ? MakeAnd(std::move(kept)) : MakeOr(std::move(kept));
    expression->alias = alias;
    return;
  }
  if (expression->kind == ExpressionKind::kConstant || !expression->IsFoldable()) return;
  try {
    Value value = evaluate(*expression);
    std::string alias = expression->alias;
    LogicalType type = expression->type;
    expression = MakeConstant(value.is_null() ? Value::Null(type) : std::move(value));
    expression->alias = alias;
  } catch (const Exception&) {
    // Errors (1/0, bad casts) surface only if the expression is evaluated for some row.
  }
}

}  // namespace

void FoldConstants(LogicalOperator& plan, const ConstantEvaluator& evaluate) {
  for (auto& child : plan.children) FoldConstants(*child, evaluate);
  if (!evaluate) return;
  ForEachExpression(plan, [&](ExpressionPtr& e) { Fold(e, evaluate); });
}

}  // namespace switchboard
