// SQL printing and deep copies of FROM-clause relations.
#include "sql/parser/ast/relation.h"

#include "sql/parser/ast/query.h"
#include "sql/parser/ast/sql_formatting.h"

namespace switchboard::ast {

namespace {

// Copies the fields every relation has onto `copy`.
RelationPtr WithBaseFields(const Relation& original, RelationPtr copy) {
  copy->alias = original.alias;
  return copy;
}

}  // namespace

std::string TableAlias::ToString() const {
  std::string out = "AS " + name.ToString();
  if (!columns.empty()) out += "(" + IdentifierList(columns) + ")";
  return out;
}

std::string Relation::AliasSql() const { return alias ? " " + alias->ToString() : ""; }

TimeTravel TimeTravel::Copy() const { return TimeTravel{kind, point->Copy(), location}; }

std::string TimeTravel::ToString() const {
  return std::string(kind == Kind::kVersion ? "FOR VERSION AS OF " : "FOR TIMESTAMP AS OF ") +
         point->ToString();
}

std::string TableRelation::ToString() const {
  std::string out = name.ToString();
  if (time_travel) out += " " + time_travel->ToString();
  return out + AliasSql();
}

RelationPtr TableRelation::Copy() const {
  auto copy = std::make_unique<TableRelation>(location, name);
  if (time_travel) copy->time_travel = time_travel->Copy();
  return WithBaseFields(*this, std::move(copy));
}

SubqueryRelation::SubqueryRelation(SourceLocation location, std::unique_ptr<Query> query,
                                   bool lateral)
    : Relation(kKind, location), query(std::move(query)), lateral(lateral) {}

SubqueryRelation::~SubqueryRelation() = default;

std::string SubqueryRelation::ToString() const {
  return (lateral ? "LATERAL (" : "(") + query->ToString() + ")" + AliasSql();
}

RelationPtr SubqueryRelation::Copy() const {
  return WithBaseFields(*this,
                        std::make_unique<SubqueryRelation>(location, query->Copy(), lateral));
}

std::string JoinRelation::ToString() const {
  std::string out = left->ToString();
  if (natural) out += " NATURAL";
  switch (join_type) {
    case JoinType::kInner:
      out += " JOIN ";
      break;
    case JoinType::kLeft:
      out += " LEFT JOIN ";
      break;
    case JoinType::kRight:
      out += " RIGHT JOIN ";
      break;
    case JoinType::kFull:
      out += " FULL JOIN ";
      break;
    case JoinType::kCross:
      out += " CROSS JOIN ";
      break;
  }
  // Joins nest to the left, so a join on the right came from parentheses.
  out += right->Is<JoinRelation>() ? "(" + right->ToString() + ")" : right->ToString();
  if (condition) out += " ON " + condition->ToString();
  if (!using_columns.empty()) out += " USING (" + IdentifierList(using_columns) + ")";
  return out;
}

RelationPtr JoinRelation::Copy() const {
  auto copy = std::make_unique<JoinRelation>(location, join_type, left->Copy(), right->Copy());
  copy->natural = natural;
  copy->condition = CopyExpression(condition);
  copy->using_columns = using_columns;
  return WithBaseFields(*this, std::move(copy));
}

std::string UnnestRelation::ToString() const {
  return "UNNEST(" + ExpressionList(arguments) + ")" + (with_ordinality ? " WITH ORDINALITY" : "") +
         AliasSql();
}

RelationPtr UnnestRelation::Copy() const {
  return WithBaseFields(*this, std::make_unique<UnnestRelation>(
                                   location, CopyExpressions(arguments), with_ordinality));
}

std::string TableFunctionRelation::ToString() const {
  return name.ToString() + "(" + ExpressionList(arguments) + ")" + AliasSql();
}

RelationPtr TableFunctionRelation::Copy() const {
  return WithBaseFields(
      *this, std::make_unique<TableFunctionRelation>(location, name, CopyExpressions(arguments)));
}

std::string FileRelation::ToString() const { return QuoteString(path) + AliasSql(); }

RelationPtr FileRelation::Copy() const {
  return WithBaseFields(*this, std::make_unique<FileRelation>(location, path));
}

}  // namespace switchboard::ast
