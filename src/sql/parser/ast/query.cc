// SQL printing and deep copies of queries and query bodies.
#include "sql/parser/ast/query.h"

#include "sql/parser/ast/relation.h"
#include "sql/parser/ast/sql_formatting.h"

namespace switchboard::ast {

namespace {

// How tightly a body binds as a set-operation operand; INTERSECT binds tighter than UNION/EXCEPT.
int SetPrecedence(const QueryBody& body) {
  if (!body.Is<SetOperation>()) return 3;
  return body.As<SetOperation>().op == SetOperator::kIntersect ? 2 : 1;
}

std::string SetOperand(const QueryBody& body, int min_precedence) {
  std::string text = body.ToString();
  return SetPrecedence(body) < min_precedence ? "(" + text + ")" : text;
}

// One grouping set: `a`, or `(a, b)` / `()`; `always_parenthesize` for GROUPING SETS entries.
std::string GroupingSetSql(const std::vector<ExpressionPtr>& set, bool always_parenthesize) {
  if (set.size() == 1 && !always_parenthesize) return set[0]->ToString();
  return "(" + ExpressionList(set) + ")";
}

std::vector<std::vector<ExpressionPtr>> CopySets(
    const std::vector<std::vector<ExpressionPtr>>& sets) {
  std::vector<std::vector<ExpressionPtr>> copies;
  copies.reserve(sets.size());
  for (const auto& set : sets) copies.push_back(CopyExpressions(set));
  return copies;
}

}  // namespace

SelectItem SelectItem::Copy() const {
  SelectItem copy;
  copy.kind = kind;
  copy.expression = CopyExpression(expression);
  copy.alias = alias;
  copy.qualifier = qualifier;
  copy.excluded = excluded;
  copy.location = location;
  return copy;
}

std::string SelectItem::ToString() const {
  if (kind == Kind::kExpression) {
    std::string out = expression->ToString();
    if (alias) out += " AS " + alias->ToString();
    return out;
  }
  std::string out = qualifier.empty() ? "*" : qualifier.ToString() + ".*";
  if (!excluded.empty()) out += " EXCLUDE (" + IdentifierList(excluded) + ")";
  return out;
}

GroupingElement GroupingElement::Copy() const {
  GroupingElement copy;
  copy.kind = kind;
  copy.sets = CopySets(sets);
  copy.location = location;
  return copy;
}

std::string GroupingElement::ToString() const {
  if (kind == Kind::kSet) return GroupingSetSql(sets[0], /*always_parenthesize=*/false);
  std::string out = kind == Kind::kRollup ? "ROLLUP ("
                    : kind == Kind::kCube ? "CUBE ("
                                          : "GROUPING SETS (";
  for (size_t i = 0; i < sets.size(); ++i) {
    if (i > 0) out += ", ";
    out += GroupingSetSql(sets[i], kind == Kind::kGroupingSets);
  }
  return out + ")";
}

GroupBy GroupBy::Copy() const {
  GroupBy copy;
  copy.distinct = distinct;
  copy.all = all;
  for (const auto& element : elements) copy.elements.push_back(element.Copy());
  copy.location = location;
  return copy;
}

std::string GroupBy::ToString() const {
  if (all) return "ALL";
  std::string out;
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) out += ", ";
    out += elements[i].ToString();
  }
  if (distinct) return "DISTINCT " + out;
  return StartsWithWord(out, "all") ? "ALL " + out : out;
}

WindowDefinition WindowDefinition::Copy() const {
  return WindowDefinition{name, spec.Copy(), location};
}

QuerySpecification::QuerySpecification(SourceLocation location) : QueryBody(kKind, location) {}

QuerySpecification::~QuerySpecification() = default;

std::string QuerySpecification::ToString() const {
  std::string items;
  for (size_t i = 0; i < select_items.size(); ++i) {
    if (i > 0) items += ", ";
    items += select_items[i].ToString();
  }
  std::string out = distinct                       ? "SELECT DISTINCT "
                    : StartsWithWord(items, "all") ? "SELECT ALL "
                                                   : "SELECT ";
  out += items;
  for (size_t i = 0; i < from.size(); ++i) {
    out += i == 0 ? " FROM " : ", ";
    out += from[i]->ToString();
  }
  if (where) out += " WHERE " + where->ToString();
  if (group_by) out += " GROUP BY " + group_by->ToString();
  if (having) out += " HAVING " + having->ToString();
  for (size_t i = 0; i < windows.size(); ++i) {
    out += i == 0 ? " WINDOW " : ", ";
    out += windows[i].name.ToString() + " AS " + windows[i].spec.ToString();
  }
  if (qualify) out += " QUALIFY " + qualify->ToString();
  return out;
}

std::unique_ptr<QueryBody> QuerySpecification::Copy() const {
  auto copy = std::make_unique<QuerySpecification>(location);
  copy->distinct = distinct;
  for (const auto& item : select_items) copy->select_items.push_back(item.Copy());
  for (const auto& relation : from) copy->from.push_back(relation->Copy());
  copy->where = CopyExpression(where);
  if (group_by) copy->group_by = group_by->Copy();
  copy->having = CopyExpression(having);
  for (const auto& window : windows) copy->windows.push_back(window.Copy());
  copy->qualify = CopyExpression(qualify);
  return copy;
}

std::string SetOperation::ToString() const {
  int precedence = SetPrecedence(*this);
  std::string keyword = op == SetOperator::kUnion       ? " UNION "
                        : op == SetOperator::kIntersect ? " INTERSECT "
                                                        : " EXCEPT ";
  if (all) keyword += "ALL ";
  // Left-associative: an equal-precedence right operand needs parentheses.
  return SetOperand(*left, precedence) + keyword + SetOperand(*right, precedence + 1);
}

std::unique_ptr<QueryBody> SetOperation::Copy() const {
  return std::make_unique<SetOperation>(location, op, all, left->Copy(), right->Copy());
}

std::string Values::ToString() const {
  std::string out = "VALUES ";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += ", ";
    out += "(" + ExpressionList(rows[i]) + ")";
  }
  return out;
}

std::unique_ptr<QueryBody> Values::Copy() const {
  auto copy = std::make_unique<Values>(location);
  copy->rows = CopySets(rows);
  return copy;
}

std::string TableQuery::ToString() const { return "TABLE " + name.ToString(); }

std::unique_ptr<QueryBody> TableQuery::Copy() const {
  return std::make_unique<TableQuery>(location, name);
}

ParenthesizedQuery::ParenthesizedQuery(SourceLocation location, std::unique_ptr<Query> query)
    : QueryBody(kKind, location), query(std::move(query)) {}

ParenthesizedQuery::~ParenthesizedQuery() = default;

std::string ParenthesizedQuery::ToString() const { return "(" + query->ToString() + ")"; }

std::unique_ptr<QueryBody> ParenthesizedQuery::Copy() const {
  return std::make_unique<ParenthesizedQuery>(location, query->Copy());
}

CommonTableExpression CommonTableExpression::Copy() const {
  return CommonTableExpression{name, columns, query->Copy(), location};
}

std::string CommonTableExpression::ToString() const {
  std::string out = name.ToString();
  if (!columns.empty()) out += "(" + IdentifierList(columns) + ")";
  return out + " AS (" + query->ToString() + ")";
}

std::unique_ptr<Query> Query::Copy() const {
  auto copy = std::make_unique<Query>(location);
  copy->with_recursive = with_recursive;
  for (const auto& cte : with) copy->with.push_back(cte.Copy());
  copy->body = body->Copy();
  copy->order_by = CopySortItems(order_by);
  copy->offset = CopyExpression(offset);
  copy->limit = CopyExpression(limit);
  copy->limit_with_ties = limit_with_ties;
  return copy;
}

std::string Query::ToString() const {
  std::string out;
  for (size_t i = 0; i < with.size(); ++i) {
    out += i == 0 ? (with_recursive ? "WITH RECURSIVE " : "WITH ") : ", ";
    out += with[i].ToString();
  }
  if (!with.empty()) out += " ";
  out += body->ToString();
  if (!order_by.empty()) out += " ORDER BY " + SortItemList(order_by);
  if (offset) out += " OFFSET " + offset->ToString();
  if (limit) {
    std::string count = limit->ToString();
    if (StartsWithWord(count, "all")) count = "(" + count + ")";  // not LIMIT ALL
    out += limit_with_ties ? " FETCH FIRST " + count + " ROWS WITH TIES" : " LIMIT " + count;
  }
  return out;
}

}  // namespace switchboard::ast
