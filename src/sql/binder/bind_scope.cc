// Name resolution over the relations of a FROM clause.
#include "sql/binder/bind_scope.h"

#include <algorithm>

#include "common/string_util.h"

namespace switchboard {

void BindScope::AddRelation(ScopeRelation relation) { relations_.push_back(std::move(relation)); }

void BindScope::AddUsingColumn(const std::string& name, ExpressionPtr expression) {
  using_columns_.emplace_back(name, std::move(expression));
}

bool BindScope::Matches(const ScopeRelation& relation, const std::vector<std::string>& qualifier) const {
  if (qualifier.empty()) return true;
  if (!EqualsIgnoreCase(qualifier.back(), relation.alias)) return false;
  if (qualifier.size() >= 2 && !EqualsIgnoreCase(qualifier[qualifier.size() - 2], relation.schema)) return false;
  if (qualifier.size() >= 3 && !EqualsIgnoreCase(qualifier[qualifier.size() - 3], relation.catalog)) return false;
  return qualifier.size() <= 3;
}

bool BindScope::HasRelation(const std::vector<std::string>& qualifier) const {
  return std::any_of(relations_.begin(), relations_.end(),
                     [&](const ScopeRelation& r) { return Matches(r, qualifier); });
}

ColumnLookup BindScope::Find(const std::vector<std::string>& qualifier, const std::string& column, bool quoted) const {
  ColumnLookup result;
  if (qualifier.empty()) {
    for (const auto& [name, expression] : using_columns_) {
      if (EqualsIgnoreCase(name, column)) {
        result.using_expression = expression.get();
        return result;
      }
    }
  }
  // Exact matches win when the name was quoted; otherwise compare ignoring case.
  for (int pass = quoted ? 0 : 1; pass < 2; ++pass) {
    const ScopeColumn* found = nullptr;
    bool ambiguous = false;
    for (const auto& relation : relations_) {
      if (!Matches(relation, qualifier)) continue;
      for (const auto& c : relation.columns) {
        bool equal = pass == 0 ? c.name == column : EqualsIgnoreCase(c.name, column);
        if (!equal) continue;
        if (qualifier.empty() &&
            std::any_of(relation.hidden.begin(), relation.hidden.end(),
                        [&](const std::string& h) { return EqualsIgnoreCase(h, column); })) {
          continue;
        }
        if (found && !(found->binding == c.binding)) ambiguous = true;
        found = &c;
      }
    }
    if (found) {
      result.column = found;
      result.ambiguous = ambiguous;
      return result;
    }
  }
  return result;
}

std::vector<std::pair<std::string, ExpressionPtr>> BindScope::Expand(const std::vector<std::string>& qualifier) const {
  std::vector<std::pair<std::string, ExpressionPtr>> columns;
  if (qualifier.empty()) {
    for (const auto& [name, expression] : using_columns_) columns.emplace_back(name, expression->Copy());
  }
  for (const auto& relation : relations_) {
    if (!Matches(relation, qualifier)) continue;
    for (const auto& c : relation.columns) {
      bool hidden = std::any_of(relation.hidden.begin(), relation.hidden.end(),
                                [&](const std::string& h) { return EqualsIgnoreCase(h, c.name); });
      bool is_using = qualifier.empty() &&
                      std::any_of(using_columns_.begin(), using_columns_.end(),
                                  [&](const auto& u) { return EqualsIgnoreCase(u.first, c.name); });
      if ((hidden && qualifier.empty()) || is_using) continue;
      auto ref = std::make_unique<ColumnRefExpression>(c.type, c.binding);
      ref->alias = c.name;
      columns.emplace_back(c.name, std::move(ref));
    }
  }
  return columns;
}

std::vector<std::string> BindScope::ColumnNames() const {
  std::vector<std::string> names;
  for (const auto& relation : relations_) {
    for (const auto& c : relation.columns) names.push_back(c.name);
  }
  return names;
}

void BindScope::Merge(BindScope&& other) {
  for (auto& relation : other.relations_) relations_.push_back(std::move(relation));
  for (auto& using_column : other.using_columns_) using_columns_.push_back(std::move(using_column));
}

}  // namespace switchboard
