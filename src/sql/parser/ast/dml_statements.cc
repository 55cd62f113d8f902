// SQL printing of data-changing statements.
#include "sql/parser/ast/dml_statements.h"

#include "sql/parser/ast/query.h"
#include "sql/parser/ast/sql_formatting.h"

namespace switchboard::ast {

namespace {

std::string AssignmentList(const std::vector<Assignment>& assignments) {
  std::string out;
  for (size_t i = 0; i < assignments.size(); ++i) {
    if (i > 0) out += ", ";
    out += assignments[i].ToString();
  }
  return out;
}

std::string WithAlias(const QualifiedName& table, const std::optional<Identifier>& alias) {
  return alias ? table.ToString() + " AS " + alias->ToString() : table.ToString();
}

}  // namespace

Insert::Insert(SourceLocation location, QualifiedName table)
    : Statement(kKind, location), table(std::move(table)) {}

Insert::~Insert() = default;

std::string Insert::ToString() const {
  std::string out = overwrite ? "INSERT OVERWRITE TABLE " : "INSERT INTO ";
  out += table.ToString();
  if (!partition.empty()) {
    out += " PARTITION (" + PropertiesSql(partition, PropertySyntax::kAssignment) + ")";
  }
  if (!columns.empty()) out += " (" + IdentifierList(columns) + ")";
  return out + (query ? " " + query->ToString() : " DEFAULT VALUES");
}

std::string Assignment::ToString() const {
  if (!all_columns) return target.ToString() + " = " + value->ToString();
  if (target.empty()) return "*";
  return target.ToString() + ".* = " + source.ToString() + ".*";
}

std::string Update::ToString() const {
  std::string out = "UPDATE " + WithAlias(table, alias) + " SET " + AssignmentList(assignments);
  for (size_t i = 0; i < from.size(); ++i) {
    out += i == 0 ? " FROM " : ", ";
    out += from[i]->ToString();
  }
  if (where) out += " WHERE " + where->ToString();
  return out;
}

std::string Delete::ToString() const {
  std::string out = "DELETE FROM " + WithAlias(table, alias);
  if (where) out += " WHERE " + where->ToString();
  return out;
}

std::string MergeClause::ToString() const {
  std::string out;
  switch (match) {
    case Match::kMatched:
      out = "WHEN MATCHED";
      break;
    case Match::kNotMatchedByTarget:
      out = "WHEN NOT MATCHED";
      break;
    case Match::kNotMatchedBySource:
      out = "WHEN NOT MATCHED BY SOURCE";
      break;
  }
  if (condition) out += " AND " + condition->ToString();
  switch (action) {
    case Action::kUpdate:
      return out + " THEN UPDATE SET " + AssignmentList(assignments);
    case Action::kDelete:
      return out + " THEN DELETE";
    case Action::kInsert:
      if (insert_all) return out + " THEN INSERT *";
      out += " THEN INSERT";
      if (!insert_columns.empty()) out += " (" + IdentifierList(insert_columns) + ")";
      return out + " VALUES (" + ExpressionList(insert_values) + ")";
  }
  return out;
}

std::string Merge::ToString() const {
  std::string out = "MERGE INTO " + WithAlias(target, target_alias) + " USING " +
                    source->ToString() + " ON " + condition->ToString();
  for (const auto& clause : clauses) out += " " + clause.ToString();
  return out;
}

CopyStatement::CopyStatement(SourceLocation location) : Statement(kKind, location) {}

CopyStatement::~CopyStatement() = default;

std::string CopyStatement::ToString() const {
  std::string out = "COPY ";
  if (query) {
    out += "(" + query->ToString() + ")";
  } else {
    out += table.ToString();
    if (!columns.empty()) out += " (" + IdentifierList(columns) + ")";
  }
  out += from_file ? " FROM " : " TO ";
  out += QuoteString(file);
  if (!options.empty()) out += " (" + PropertiesSql(options, PropertySyntax::kOption) + ")";
  return out;
}

}  // namespace switchboard::ast
