// Bound expression copying, comparison, hashing, printing and construction helpers.
#include "sql/planner/expression.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/error.h"
#include "common/string_util.h"
#include "sql/planner/logical_operator.h"

namespace switchboard {

// ----- generic -------------------------------------------------------------------------------

std::unique_ptr<Expression> Expression::Copy() const {
  auto copy = CopyNode();
  copy->alias = alias;
  copy->children.clear();
  for (const auto& child : children) copy->children.push_back(child->Copy());
  return copy;
}

bool Expression::Equals(const Expression& other) const {
  if (kind != other.kind || type != other.type || children.size() != other.children.size()) return false;
  if (!NodeEquals(other)) return false;
  for (size_t i = 0; i < children.size(); ++i) {
    if (!children[i]->Equals(*other.children[i])) return false;
  }
  return true;
}

hash_t Expression::Hash() const {
  hash_t h = HashInt(static_cast<uint64_t>(kind));
  if (kind == ExpressionKind::kColumnRef) {
    const auto& ref = As<ColumnRefExpression>();
    h = CombineHashes(h, HashInt(ref.binding.table_index * 65536 + ref.binding.column_index));
  } else if (kind == ExpressionKind::kConstant) {
    h = CombineHashes(h, As<ConstantExpression>().value.Hash());
  } else if (kind == ExpressionKind::kFunction) {
    const auto& name = As<FunctionExpression>().function.name;
    h = CombineHashes(h, HashBytes(name.data(), name.size()));
  }
  for (const auto& child : children) h = CombineHashes(h, child->Hash());
  return h;
}

std::string Expression::ToString() const { return NodeToString(); }

bool Expression::IsFoldable() const {
  switch (kind) {
    case ExpressionKind::kConstant: return true;
    case ExpressionKind::kColumnRef:
    case ExpressionKind::kReference:
    case ExpressionKind::kSubquery:
    case ExpressionKind::kAggregate:
    case ExpressionKind::kWindow:
    case ExpressionKind::kLambda:
    case ExpressionKind::kLambdaParameter:
    case ExpressionKind::kGroupingId:
      return false;
    case ExpressionKind::kFunction:
      if (!As<FunctionExpression>().function.deterministic) return false;
      break;
    default:
      break;
  }
  for (const auto& child : children) {
    if (!child->IsFoldable()) return false;
  }
  return true;
}

bool Expression::IsDeterministic() const {
  if (kind == ExpressionKind::kFunction && !As<FunctionExpression>().function.deterministic) return false;
  for (const auto& child : children) {
    if (!child->IsDeterministic()) return false;
  }
  return true;
}

bool Expression::Contains(ExpressionKind target) const {
  bool found = false;
  VisitExpression(*this, [&](const Expression& e) { found = found || e.kind == target; });
  return found;
}

void ForEachChild(Expression& expression, const std::function<void(ExpressionPtr&)>& fn) {
  for (auto& child : expression.children) fn(child);
  auto visit_orders = [&](std::vector<AggregateExpression::Order>& orders) {
    for (auto& order : orders) fn(order.expression);
  };
  if (expression.kind == ExpressionKind::kAggregate) {
    auto& aggregate = expression.As<AggregateExpression>();
    if (aggregate.filter) fn(aggregate.filter);
    visit_orders(aggregate.order_by);
  } else if (expression.kind == ExpressionKind::kWindow) {
    auto& window = expression.As<WindowExpression>();
    if (window.aggregate) {
      if (window.aggregate->filter) fn(window.aggregate->filter);
      visit_orders(window.aggregate->order_by);
    }
    for (auto& partition : window.partitions) fn(partition);
    visit_orders(window.orders);
    if (window.start.offset) fn(window.start.offset);
    if (window.end.offset) fn(window.end.offset);
  }
}

void VisitExpression(const Expression& expression, const std::function<void(const Expression&)>& fn) {
  fn(expression);
  ForEachChild(const_cast<Expression&>(expression),
               [&](ExpressionPtr& child) { VisitExpression(*child, fn); });
}

// ----- node kinds ----------------------------------------------------------------------------

std::unique_ptr<Expression> ColumnRefExpression::CopyNode() const {
  return std::make_unique<ColumnRefExpression>(type, binding, depth);
}
bool ColumnRefExpression::NodeEquals(const Expression& other) const {
  const auto& o = other.As<ColumnRefExpression>();
  return binding == o.binding && depth == o.depth;
}
std::string ColumnRefExpression::NodeToString() const {
  if (!alias.empty()) return alias;
  return fmt::format("#[{}.{}]", binding.table_index, binding.column_index);
}

std::unique_ptr<Expression> ReferenceExpression::CopyNode() const {
  return std::make_unique<ReferenceExpression>(type, index);
}
bool ReferenceExpression::NodeEquals(const Expression& other) const {
  return index == other.As<ReferenceExpression>().index;
}
std::string ReferenceExpression::NodeToString() const {
  return alias.empty() ? fmt::format("#{}", index) : alias;
}

std::unique_ptr<Expression> ConstantExpression::CopyNode() const {
  return std::make_unique<ConstantExpression>(value);
}
bool ConstantExpression::NodeEquals(const Expression& other) const {
  return value == other.As<ConstantExpression>().value;
}
std::string ConstantExpression::NodeToString() const { return value.ToSqlLiteral(); }

FunctionExpression::FunctionExpression(ScalarFunction function,
                                       std::shared_ptr<const FunctionData> bind_data,
                                       ExpressionList arguments)
    : Expression(ExpressionKind::kFunction, function.return_type),
      function(std::move(function)),
      bind_data(std::move(bind_data)) {
  children = std::move(arguments);
}
std::unique_ptr<Expression> FunctionExpression::CopyNode() const {
  return std::make_unique<FunctionExpression>(function, bind_data, ExpressionList{});
}
bool FunctionExpression::NodeEquals(const Expression& other) const {
  const auto& o = other.As<FunctionExpression>();
  // Bind data is derived from the argument types and constant arguments, which Equals compares
  // as children, so two calls of one overload on equal children bind alike.
  return function.name == o.function.name && function.kernel == o.function.kernel &&
         (bind_data == nullptr) == (o.bind_data == nullptr) && function.deterministic;
}
std::string FunctionExpression::NodeToString() const {
  const std::string& name = function.name;
  bool is_operator = !name.empty() && !std::isalpha(static_cast<unsigned char>(name[0]));
  if (is_operator && children.size() == 2) {
    return fmt::format("({} {} {})", children[0]->ToString(), name, children[1]->ToString());
  }
  if (is_operator && children.size() == 1) return fmt::format("({}{})", name, children[0]->ToString());
  std::vector<std::string> args;
  for (const auto& child : children) args.push_back(child->ToString());
  return fmt::format("{}({})", name, Join(args, ", "));
}

CastExpression::CastExpression(LogicalType target, ExpressionPtr operand, bool try_cast)
    : Expression(ExpressionKind::kCast, std::move(target)), try_cast(try_cast) {
  children.push_back(std::move(operand));
}
std::unique_ptr<Expression> CastExpression::CopyNode() const {
  auto copy = std::make_unique<CastExpression>(type, nullptr, try_cast);
  copy->children.clear();
  return copy;
}
bool CastExpression::NodeEquals(const Expression& other) const {
  return try_cast == other.As<CastExpression>().try_cast;
}
std::string CastExpression::NodeToString() const {
  return fmt::format("{}({} AS {})", try_cast ? "TRY_CAST" : "CAST", children[0]->ToString(), type.ToString());
}

ComparisonExpression::ComparisonExpression(ComparisonOp op, ExpressionPtr left, ExpressionPtr right)
    : Expression(ExpressionKind::kComparison, TypeId::kBoolean), op(op) {
  children.push_back(std::move(left));
  children.push_back(std::move(right));
}
std::unique_ptr<Expression> ComparisonExpression::CopyNode() const {
  auto copy = std::make_unique<ComparisonExpression>(op, nullptr, nullptr);
  copy->children.clear();
  return copy;
}
bool ComparisonExpression::NodeEquals(const Expression& other) const {
  return op == other.As<ComparisonExpression>().op;
}
std::string ComparisonExpression::NodeToString() const {
  return fmt::format("({} {} {})", children[0]->ToString(), ComparisonOpSymbol(op), children[1]->ToString());
}

ConjunctionExpression::ConjunctionExpression(bool is_and, ExpressionList operands)
    : Expression(ExpressionKind::kConjunction, TypeId::kBoolean), is_and(is_and) {
  children = std::move(operands);
}
std::unique_ptr<Expression> ConjunctionExpression::CopyNode() const {
  return std::make_unique<ConjunctionExpression>(is_and, ExpressionList{});
}
bool ConjunctionExpression::NodeEquals(const Expression& other) const {
  return is_and == other.As<ConjunctionExpression>().is_and;
}
std::string ConjunctionExpression::NodeToString() const {
  std::vector<std::string> parts;
  for (const auto& child : children) parts.push_back(child->ToString());
  return "(" + Join(parts, is_and ? " AND " : " OR ") + ")";
}

OperatorExpression::OperatorExpression(ExpressionKind kind, LogicalType type, ExpressionList operands,
                                       bool negated)
    : Expression(kind, std::move(type)), negated(negated) {
  children = std::move(operands);
}
std::unique_ptr<Expression> OperatorExpression::CopyNode() const {
  return std::make_unique<OperatorExpression>(kind, type, ExpressionList{}, negated);
}
bool OperatorExpression::NodeEquals(const Expression& other) const {
  return negated == other.As<OperatorExpression>().negated;
}
std::string OperatorExpression::NodeToString() const {
  auto args = [&](size_t from) {
    std::vector<std::string> parts;
    for (size_t i = from; i < children.size(); ++i) parts.push_back(children[i]->ToString());
    return Join(parts, ", ");
  };
  switch (kind) {
    case ExpressionKind::kNot: return fmt::format("(NOT {})", children[0]->ToString());
    case ExpressionKind::kIsNull:
      return fmt::format("({} IS {}NULL)", children[0]->ToString(), negated ? "NOT " : "");
    case ExpressionKind::kCoalesce: return fmt::format("coalesce({})", args(0));
    case ExpressionKind::kInList:
      return fmt::format("({} {}IN ({}))", children[0]->ToString(), negated ? "NOT " : "", args(1));
    case ExpressionKind::kTry: return fmt::format("try({})", children[0]->ToString());
    case ExpressionKind::kCase: {
      std::string out = "CASE";
      for (size_t i = 0; i + 1 < children.size(); i += 2) {
        out += fmt::format(" WHEN {} THEN {}", children[i]->ToString(), children[i + 1]->ToString());
      }
      return out + fmt::format(" ELSE {} END", children.back()->ToString());
    }
    default: return "?";
  }
}

SubqueryExpression::SubqueryExpression(SubqueryKind subquery_kind, LogicalType type,
                                       std::unique_ptr<LogicalOperator> plan, ExpressionPtr operand,
                                       ComparisonOp op)
    : Expression(ExpressionKind::kSubquery, std::move(type)),
      subquery_kind(subquery_kind),
      plan(std::move(plan)),
      op(op) {
  if (operand) children.push_back(std::move(operand));
}
SubqueryExpression::~SubqueryExpression() = default;

std::unique_ptr<Expression> SubqueryExpression::CopyNode() const {
  SB_THROW(kNotSupported, "A subquery cannot be used here, where its expression would be evaluated twice");
}
bool SubqueryExpression::NodeEquals(const Expression& other) const {
  return plan == other.As<SubqueryExpression>().plan;
}
std::string SubqueryExpression::NodeToString() const {
  switch (subquery_kind) {
    case SubqueryKind::kScalar: return "(SUBQUERY)";
    case SubqueryKind::kExists: return "EXISTS(SUBQUERY)";
    case SubqueryKind::kAny:
      return fmt::format("({} {} ANY(SUBQUERY))", children[0]->ToString(), ComparisonOpSymbol(op));
    case SubqueryKind::kAll:
      return fmt::format("({} {} ALL(SUBQUERY))", children[0]->ToString(), ComparisonOpSymbol(op));
  }
  return "(SUBQUERY)";
}

namespace {
std::vector<AggregateExpression::Order> CopyOrders(const std::vector<AggregateExpression::Order>& orders) {
  std::vector<AggregateExpression::Order> copy;
  for (const auto& order : orders) {
    copy.push_back({order.expression->Copy(), order.descending, order.nulls_first});
  }
  return copy;
}
bool OrdersEqual(const std::vector<AggregateExpression::Order>& a,
                 const std::vector<AggregateExpression::Order>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].descending != b[i].descending || a[i].nulls_first != b[i].nulls_first ||
        !a[i].expression->Equals(*b[i].expression)) {
      return false;
    }
  }
  return true;
}
std::string OrdersToString(const std::vector<AggregateExpression::Order>& orders) {
  std::vector<std::string> parts;
  for (const auto& order : orders) {
    parts.push_back(order.expression->ToString() + (order.descending ? " DESC" : "") +
                    (order.nulls_first ? " NULLS FIRST" : ""));
  }
  return Join(parts, ", ");
}
}  // namespace

AggregateExpression::AggregateExpression(AggregateFunction function,
                                         std::shared_ptr<const FunctionData> bind_data,
                                         ExpressionList arguments, bool distinct)
    : Expression(ExpressionKind::kAggregate, function.return_type),
      function(std::move(function)),
      bind_data(std::move(bind_data)),
      distinct(distinct) {
  children = std::move(arguments);
}
std::unique_ptr<Expression> AggregateExpression::CopyNode() const {
  auto copy = std::make_unique<AggregateExpression>(function, bind_data, ExpressionList{}, distinct);
  if (filter) copy->filter = filter->Copy();
  copy->order_by = CopyOrders(order_by);
  return copy;
}
bool AggregateExpression::NodeEquals(const Expression& other) const {
  const auto& o = other.As<AggregateExpression>();
  if (function.name != o.function.name || distinct != o.distinct || bind_data != o.bind_data) return false;
  if ((filter == nullptr) != (o.filter == nullptr)) return false;
  if (filter && !filter->Equals(*o.filter)) return false;
  return OrdersEqual(order_by, o.order_by);
}
std::string AggregateExpression::NodeToString() const {
  std::vector<std::string> args;
  for (const auto& child : children) args.push_back(child->ToString());
  std::string out = fmt::format("{}({}{}", function.name, distinct ? "DISTINCT " : "",
                                args.empty() ? (function.arguments.empty() ? "*" : "") : Join(args, ", "));
  if (!order_by.empty()) out += " ORDER BY " + OrdersToString(order_by);
  out += ")";
  if (filter) out += fmt::format(" FILTER (WHERE {})", filter->ToString());
  return out;
}

WindowExpression::WindowExpression(LogicalType type, ExpressionList arguments)
    : Expression(ExpressionKind::kWindow, std::move(type)) {
  children = std::move(arguments);
}
std::unique_ptr<Expression> WindowExpression::CopyNode() const {
  auto copy = std::make_unique<WindowExpression>(type, ExpressionList{});
  if (aggregate) {
    auto agg = aggregate->Copy();
    copy->aggregate.reset(static_cast<AggregateExpression*>(agg.release()));
  }
  copy->function = function;
  for (const auto& p : partitions) copy->partitions.push_back(p->Copy());
  copy->orders = CopyOrders(orders);
  copy->frame_unit = frame_unit;
  copy->start.kind = start.kind;
  copy->start.offset = start.offset ? start.offset->Copy() : nullptr;
  copy->end.kind = end.kind;
  copy->end.offset = end.offset ? end.offset->Copy() : nullptr;
  copy->exclusion = exclusion;
  copy->ignore_nulls = ignore_nulls;
  return copy;
}
bool WindowExpression::NodeEquals(const Expression& other) const {
  const auto& o = other.As<WindowExpression>();
  if (function != o.function || frame_unit != o.frame_unit || start.kind != o.start.kind ||
      end.kind != o.end.kind || exclusion != o.exclusion || ignore_nulls != o.ignore_nulls ||
      partitions.size() != o.partitions.size()) {
    return false;
  }
  if ((aggregate == nullptr) != (o.aggregate == nullptr)) return false;
  if (aggregate && !aggregate->Equals(*o.aggregate)) return false;
  for (size_t i = 0; i < partitions.size(); ++i) {
    if (!partitions[i]->Equals(*o.partitions[i])) return false;
  }
  auto offsets_equal = [](const ExpressionPtr& a, const ExpressionPtr& b) {
    return (a == nullptr) == (b == nullptr) && (!a || a->Equals(*b));
  };
  return OrdersEqual(orders, o.orders) && offsets_equal(start.offset, o.start.offset) &&
         offsets_equal(end.offset, o.end.offset);
}
std::string WindowExpression::NodeToString() const {
  std::string call;
  if (aggregate) {
    call = aggregate->ToString();
  } else {
    std::vector<std::string> args;
    for (const auto& child : children) args.push_back(child->ToString());
    call = fmt::format("{}({})", function->name, Join(args, ", "));
  }
  std::vector<std::string> parts;
  for (const auto& p : partitions) parts.push_back(p->ToString());
  std::string over;
  if (!parts.empty()) over += "PARTITION BY " + Join(parts, ", ");
  if (!orders.empty()) over += std::string(over.empty() ? "" : " ") + "ORDER BY " + OrdersToString(orders);
  return fmt::format("{} OVER ({})", call, over);
}

LambdaExpression::LambdaExpression(std::vector<std::string> parameter_names,
                                   std::vector<LogicalType> parameter_types, ExpressionPtr body)
    : Expression(ExpressionKind::kLambda, body ? body->type : LogicalType()),
      parameter_names(std::move(parameter_names)),
      parameter_types(std::move(parameter_types)) {
  if (body) children.push_back(std::move(body));
}
std::unique_ptr<Expression> LambdaExpression::CopyNode() const {
  auto copy = std::make_unique<LambdaExpression>(parameter_names, parameter_types, nullptr);
  copy->type = type;
  return copy;
}
bool LambdaExpression::NodeEquals(const Expression& other) const {
  return parameter_types == other.As<LambdaExpression>().parameter_types;
}
std::string LambdaExpression::NodeToString() const {
  return fmt::format("({}) -> {}", Join(parameter_names, ", "), children[0]->ToString());
}

std::unique_ptr<Expression> LambdaParameterExpression::CopyNode() const {
  return std::make_unique<LambdaParameterExpression>(type, name, index, lambda_depth);
}
bool LambdaParameterExpression::NodeEquals(const Expression& other) const {
  const auto& o = other.As<LambdaParameterExpression>();
  return index == o.index && lambda_depth == o.lambda_depth;
}
std::string LambdaParameterExpression::NodeToString() const { return name; }

std::unique_ptr<Expression> GroupingIdExpression::CopyNode() const {
  return std::make_unique<GroupingIdExpression>(group_indexes);
}
bool GroupingIdExpression::NodeEquals(const Expression& other) const {
  return group_indexes == other.As<GroupingIdExpression>().group_indexes;
}
std::string GroupingIdExpression::NodeToString() const {
  std::vector<std::string> parts;
  for (idx_t i : group_indexes) parts.push_back(std::to_string(i));
  return "grouping(" + Join(parts, ", ") + ")";
}

// ----- helpers -------------------------------------------------------------------------------

ExpressionPtr MakeConstant(Value value) { return std::make_unique<ConstantExpression>(std::move(value)); }

ExpressionPtr MakeCast(ExpressionPtr operand, const LogicalType& target, bool try_cast) {
  return std::make_unique<CastExpression>(target, std::move(operand), try_cast);
}

ExpressionPtr CastIfNeeded(ExpressionPtr operand, const LogicalType& target) {
  if (operand->type == target) return operand;
  return MakeCast(std::move(operand), target);
}

namespace {
ExpressionPtr MakeConjunction(bool is_and, ExpressionList operands) {
  if (operands.size() == 1) return std::move(operands[0]);
  ExpressionList flat;
  for (auto& operand : operands) {
    if (operand->kind == ExpressionKind::kConjunction && operand->As<ConjunctionExpression>().is_and == is_and) {
      for (auto& child : operand->children) flat.push_back(std::move(child));
    } else {
      flat.push_back(std::move(operand));
    }
  }
  return std::make_unique<ConjunctionExpression>(is_and, std::move(flat));
}
}  // namespace

ExpressionPtr MakeAnd(ExpressionList operands) { return MakeConjunction(true, std::move(operands)); }
ExpressionPtr MakeOr(ExpressionList operands) { return MakeConjunction(false, std::move(operands)); }

ExpressionPtr MakeNot(ExpressionPtr operand) {
  ExpressionList operands;
  operands.push_back(std::move(operand));
  return std::make_unique<OperatorExpression>(ExpressionKind::kNot, TypeId::kBoolean, std::move(operands));
}

ExpressionPtr MakeIsNull(ExpressionPtr operand, bool negated) {
  ExpressionList operands;
  operands.push_back(std::move(operand));
  return std::make_unique<OperatorExpression>(ExpressionKind::kIsNull, TypeId::kBoolean, std::move(operands), negated);
}

namespace {

bool IsConjunction(const Expression& e, bool is_and) {
  return e.kind == ExpressionKind::kConjunction && e.As<ConjunctionExpression>().is_and == is_and;
}

void Flatten(ExpressionPtr expression, bool is_and, ExpressionList& out) {
  if (IsConjunction(*expression, is_and)) {
    for (auto& child : expression->children) Flatten(std::move(child), is_and, out);
    return;
  }
  out.push_back(std::move(expression));
}

// (A AND B) OR (A AND C) -> A, (B OR C): the conjuncts every disjunct shares come out (valid in
// three-valued logic too). Returns the shared conjuncts and leaves the rest in `expression`,
// which becomes null when some disjunct was nothing but shared conjuncts.
ExpressionList ExtractCommonConjuncts(ExpressionPtr& expression) {
  ExpressionList disjuncts;
  Flatten(std::move(expression), false, disjuncts);
  std::vector<ExpressionList> terms(disjuncts.size());
  for (size_t i = 0; i < disjuncts.size(); ++i) Flatten(std::move(disjuncts[i]), true, terms[i]);
  ExpressionList common;
  for (auto& candidate : terms[0]) {
    if (!candidate || !candidate->IsDeterministic()) continue;
    std::vector<size_t> positions;
    for (size_t i = 1; i < terms.size(); ++i) {
      auto it = std::find_if(terms[i].begin(), terms[i].end(),
                             [&](const ExpressionPtr& term) { return term && term->Equals(*candidate); });
      if (it == terms[i].end()) break;
      positions.push_back(static_cast<size_t>(it - terms[i].begin()));
    }
    if (positions.size() + 1 != terms.size()) continue;
    for (size_t i = 1; i < terms.size(); ++i) terms[i][positions[i - 1]].reset();
    common.push_back(std::move(candidate));
  }
  ExpressionList rest;
  bool always_true = false;
  for (auto& term : terms) {
    ExpressionList remaining;
    for (auto& e : term) {
      if (e) remaining.push_back(std::move(e));
    }
    if (remaining.empty()) always_true = true;
    else rest.push_back(remaining.size() == 1 ? std::move(remaining[0]) : MakeAnd(std::move(remaining)));
  }
  expression = always_true ? nullptr : (rest.size() == 1 ? std::move(rest[0]) : MakeOr(std::move(rest)));
  return common;
}

}  // namespace

void SplitConjunction(ExpressionPtr expression, ExpressionList& out) {
  if (IsConjunction(*expression, true)) {
    for (auto& child : expression->children) SplitConjunction(std::move(child), out);
    return;
  }
  if (IsConjunction(*expression, false)) {
    ExpressionList common = ExtractCommonConjuncts(expression);
    for (auto& e : common) SplitConjunction(std::move(e), out);
    if (expression) out.push_back(std::move(expression));
    return;
  }
  out.push_back(std::move(expression));
}

}  // namespace switchboard
