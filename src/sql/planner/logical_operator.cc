// Logical operator bindings, type resolution and EXPLAIN text.
#include "sql/planner/logical_operator.h"

#include <fmt/format.h>

#include "common/error.h"
#include "common/string_util.h"

namespace switchboard {

namespace {
std::string ExpressionsToString(const ExpressionList& expressions, const char* separator = ", ") {
  std::vector<std::string> parts;
  for (const auto& e : expressions) parts.push_back(e->ToString());
  return Join(parts, separator);
}
std::string OrdersToString(const std::vector<BoundOrder>& orders) {
  std::vector<std::string> parts;
  for (const auto& o : orders) {
    parts.push_back(o.expression->ToString() + (o.descending ? " DESC" : " ASC") +
                    (o.nulls_first ? " NULLS FIRST" : " NULLS LAST"));
  }
  return Join(parts, ", ");
}
}  // namespace

void ForEachExpression(LogicalOperator& op, const std::function<void(ExpressionPtr&)>& fn) {
  for (auto& e : op.expressions) fn(e);
  switch (op.kind) {
    case LogicalOperatorKind::kAggregate:
      for (auto& g : op.As<LogicalAggregate>().groups) fn(g);
      break;
    case LogicalOperatorKind::kJoin:
      for (auto& c : op.As<LogicalJoin>().conditions) {
        fn(c.left);
        fn(c.right);
      }
      break;
    case LogicalOperatorKind::kOrder:
      for (auto& o : op.As<LogicalOrder>().orders) fn(o.expression);
      break;
    case LogicalOperatorKind::kTopN:
      for (auto& o : op.As<LogicalTopN>().orders) fn(o.expression);
      break;
    case LogicalOperatorKind::kValues:
      for (auto& row : op.As<LogicalValues>().rows) {
        for (auto& e : row) fn(e);
      }
      break;
    default:
      break;
  }
}

std::vector<ColumnBinding> LogicalOperator::GetColumnBindings() const {
  // Pass-through operators (filter, order, limit, distinct, ...) output their child's columns.
  SB_CHECK(!children.empty(), "{} has no bindings", Name());
  return children[0]->GetColumnBindings();
}

void LogicalOperator::ResolveTypes() {
  for (auto& child : children) child->ResolveTypes();
  ResolveOwnTypes();
}

void LogicalOperator::ResolveOwnTypes() {
  if (!children.empty()) types = children[0]->types;
}

std::string LogicalOperator::ToString(int indent) const {
  std::string out(static_cast<size_t>(indent) * 2, ' ');
  out += Name();
  std::string details = Details();
  if (!details.empty()) out += " [" + details + "]";
  out += "\n";
  for (const auto& child : children) out += child->ToString(indent + 1);
  return out;
}

LogicalGet::LogicalGet(idx_t table_index, TableFunction function, std::shared_ptr<const FunctionData> bind_data,
                       std::vector<std::string> names, std::vector<LogicalType> column_types)
    : LogicalOperator(LogicalOperatorKind::kGet),
      table_index(table_index),
      function(std::move(function)),
      bind_data(std::move(bind_data)),
      names(std::move(names)),
      column_types(std::move(column_types)) {
  for (idx_t i = 0; i < this->column_types.size(); ++i) column_ids.push_back(i);
}

std::vector<ColumnBinding> LogicalGet::GetColumnBindings() const {
  std::vector<ColumnBinding> bindings;
  for (idx_t id : column_ids) bindings.push_back({table_index, id});
  return bindings;
}

void LogicalGet::ResolveOwnTypes() {
  types.clear();
  for (idx_t id : column_ids) types.push_back(id == kRowIdColumn ? LogicalType(TypeId::kBigint) : column_types[id]);
}

std::string LogicalGet::Details() const {
  std::vector<std::string> columns;
  for (idx_t id : column_ids) columns.push_back(id == kRowIdColumn ? "rowid" : names[id]);
  std::string out = display_name.empty() ? function.name : display_name;
  out += " columns=[" + Join(columns, ", ") + "]";
  if (!filters.empty()) {
    std::vector<std::string> parts;
    for (const auto& f : filters) parts.push_back(f.ToString(names[f.column]));
    out += " filters=[" + Join(parts, " AND ") + "]";
  }
  if (function.describe) {
    std::string extra = function.describe(bind_data.get());
    if (!extra.empty()) out += " " + extra;
  }
  return out;
}

std::vector<ColumnBinding> LogicalValues::GetColumnBindings() const {
  std::vector<ColumnBinding> bindings;
  for (idx_t i = 0; i < column_types.size(); ++i) bindings.push_back({table_index, i});
  return bindings;
}
std::string LogicalValues::Details() const { return fmt::format("{} rows", rows.size()); }

std::string LogicalFilter::Details() const { return ExpressionsToString(expressions, " AND "); }

std::vector<ColumnBinding> LogicalProjection::GetColumnBindings() const {
  std::vector<ColumnBinding> bindings;
  for (idx_t i = 0; i < expressions.size(); ++i) bindings.push_back({table_index, i});
  return bindings;
}
void LogicalProjection::ResolveOwnTypes() {
  types.clear();
  for (const auto& e : expressions) types.push_back(e->type);
}
std::string LogicalProjection::Details() const { return ExpressionsToString(expressions); }

std::vector<ColumnBinding> LogicalAggregate::GetColumnBindings() const {
  std::vector<ColumnBinding> bindings;
  for (idx_t i = 0; i < groups.size(); ++i) bindings.push_back({group_index, i});
  for (idx_t i = 0; i < expressions.size(); ++i) bindings.push_back({aggregate_index, i});
  for (idx_t i = 0; i < grouping_functions.size(); ++i) bindings.push_back({grouping_index, i});
  return bindings;
}
void LogicalAggregate::ResolveOwnTypes() {
  types.clear();
  for (const auto& g : groups) types.push_back(g->type);
  for (const auto& a : expressions) types.push_back(a->type);
  for (size_t i = 0; i < grouping_functions.size(); ++i) types.push_back(TypeId::kBigint);
}
std::string LogicalAggregate::Details() const {
  std::string out;
  if (!groups.empty()) out += "groups=[" + ExpressionsToString(groups) + "] ";
  out += "aggregates=[" + ExpressionsToString(expressions) + "]";
  if (grouping_sets.size() > 1) out += fmt::format(" sets={}", grouping_sets.size());
  return out;
}

std::vector<ColumnBinding> LogicalWindow::GetColumnBindings() const {
  auto bindings = children[0]->GetColumnBindings();
  for (idx_t i = 0; i < expressions.size(); ++i) bindings.push_back({window_index, i});
  return bindings;
}
void LogicalWindow::ResolveOwnTypes() {
  types = children[0]->types;
  for (const auto& e : expressions) types.push_back(e->type);
}
std::string LogicalWindow::Details() const { return ExpressionsToString(expressions); }

const char* JoinTypeName(JoinType type) {
  switch (type) {
    case JoinType::kInner: return "INNER";
    case JoinType::kLeft: return "LEFT";
    case JoinType::kRight: return "RIGHT";
    case JoinType::kFull: return "FULL";
    case JoinType::kSemi: return "SEMI";
    case JoinType::kAnti: return "ANTI";
    case JoinType::kMark: return "MARK";
    case JoinType::kSingle: return "SINGLE";
  }
  return "?";
}

std::vector<ColumnBinding> LogicalJoin::GetColumnBindings() const {
  auto bindings = children[0]->GetColumnBindings();
  switch (join_type) {
    case JoinType::kSemi:
    case JoinType::kAnti:
      return bindings;
    case JoinType::kMark:
      bindings.push_back({mark_index, 0});
      return bindings;
    default: {
      auto right = children[1]->GetColumnBindings();
      bindings.insert(bindings.end(), right.begin(), right.end());
      return bindings;
    }
  }
}

void LogicalJoin::ResolveOwnTypes() {
  types = children[0]->types;
  switch (join_type) {
    case JoinType::kSemi:
    case JoinType::kAnti:
      break;
    case JoinType::kMark:
      types.push_back(TypeId::kBoolean);
      break;
    default:
      types.insert(types.end(), children[1]->types.begin(), children[1]->types.end());
      break;
  }
}

std::string LogicalJoin::Name() const {
  if (conditions.empty() && expressions.empty() && join_type == JoinType::kInner) return "CROSS_PRODUCT";
  return std::string(JoinTypeName(join_type)) + "_JOIN";
}

std::string LogicalJoin::Details() const {
  std::vector<std::string> parts;
  for (const auto& c : conditions) {
    parts.push_back(c.left->ToString() + " " + ComparisonOpSymbol(c.op) + " " + c.right->ToString());
  }
  for (const auto& e : expressions) parts.push_back(e->ToString());
  return Join(parts, " AND ");
}

std::string LogicalOrder::Details() const { return OrdersToString(orders); }

std::string LogicalLimit::Details() const {
  std::string out = limit ? fmt::format("limit={}", *limit) : "limit=all";
  if (offset > 0) out += fmt::format(" offset={}", offset);
  return out;
}

std::string LogicalTopN::Details() const {
  std::string out = fmt::format("limit={}", limit);
  if (offset > 0) out += fmt::format(" offset={}", offset);
  if (with_ties) out += " with ties";
  return out + " order=[" + OrdersToString(orders) + "]";
}

std::vector<ColumnBinding> LogicalSetOperation::GetColumnBindings() const {
  std::vector<ColumnBinding> bindings;
  idx_t columns = children[0]->GetColumnBindings().size();
  for (idx_t i = 0; i < columns; ++i) bindings.push_back({table_index, i});
  return bindings;
}

std::string LogicalSetOperation::Name() const {
  const char* name = set_kind == SetOperationKind::kUnion ? "UNION" : set_kind == SetOperationKind::kIntersect ? "INTERSECT" : "EXCEPT";
  return std::string(name) + (all ? "_ALL" : "");
}

std::vector<ColumnBinding> LogicalUnnest::GetColumnBindings() const {
  auto bindings = children[0]->GetColumnBindings();
  idx_t column = 0;
  for (const auto& e : expressions) {
    idx_t width = e->type.id() == TypeId::kMap ? 2
                  : e->type.id() == TypeId::kArray && e->type.element_type().id() == TypeId::kRow
                      ? e->type.element_type().fields().size()
                      : 1;
    for (idx_t i = 0; i < width; ++i) bindings.push_back({unnest_index, column++});
  }
  if (with_ordinality) bindings.push_back({unnest_index, column});
  return bindings;
}

void LogicalUnnest::ResolveOwnTypes() {
  types = children[0]->types;
  for (const auto& e : expressions) {
    if (e->type.id() == TypeId::kMap) {
      types.push_back(e->type.key_type());
      types.push_back(e->type.value_type());
    } else if (e->type.element_type().id() == TypeId::kRow) {
      // Trino unnests an array of rows into one column per field.
      for (const auto& field : e->type.element_type().fields()) types.push_back(field.second);
    } else {
      types.push_back(e->type.element_type());
    }
  }
  if (with_ordinality) types.push_back(TypeId::kBigint);
}

std::string LogicalUnnest::Details() const {
  return ExpressionsToString(expressions) + (with_ordinality ? " WITH ORDINALITY" : "");
}

std::vector<ColumnBinding> LogicalCteRef::GetColumnBindings() const {
  if (!this->bindings.empty()) return this->bindings;
  std::vector<ColumnBinding> bindings;
  for (idx_t i = 0; i < column_types.size(); ++i) bindings.push_back({table_index, i});
  return bindings;
}

std::vector<ColumnBinding> LogicalRecursiveCte::GetColumnBindings() const {
  std::vector<ColumnBinding> bindings;
  idx_t columns = children[0]->GetColumnBindings().size();
  for (idx_t i = 0; i < columns; ++i) bindings.push_back({table_index, i});
  return bindings;
}

}  // namespace switchboard
