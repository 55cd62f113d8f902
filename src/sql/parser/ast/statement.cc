// SQL printing of the statement base pieces: properties, column definitions, query and EXPLAIN.
#include "sql/parser/ast/statement.h"

#include "sql/parser/ast/query.h"
#include "sql/parser/ast/sql_formatting.h"
#include "sql/parser/keywords.h"

namespace switchboard::ast {

namespace {

std::string PropertyName(const std::string& name) {
  return parser::IsPlainIdentifier(name) ? name : Identifier{name, true, {}}.ToString();
}

// Values of Snowflake and COPY-style options stand between other words, so they are parsed (and
// printed) as unary-level operands; lists are written `(a, b)`, which parses to a row constructor.
std::string StandaloneValue(const Expression& value) {
  if (value.Is<RowConstructor>())
    return "(" + ExpressionList(value.As<RowConstructor>().elements) + ")";
  return UnaryOperandSql(value);
}

}  // namespace

std::string PropertiesSql(const std::vector<Property>& properties, PropertySyntax syntax) {
  std::string out;
  for (size_t i = 0; i < properties.size(); ++i) {
    const Property& property = properties[i];
    if (i > 0) out += syntax == PropertySyntax::kSnowflake ? " " : ", ";
    out += syntax == PropertySyntax::kStringKeys ? QuoteString(property.name)
                                                 : PropertyName(property.name);
    if (!property.value) continue;
    switch (syntax) {
      case PropertySyntax::kAssignment:
      case PropertySyntax::kStringKeys:
        out += " = " + property.value->ToString();
        break;
      case PropertySyntax::kSnowflake:
        out += " = " + StandaloneValue(*property.value);
        break;
      case PropertySyntax::kOption:
        out += " " + StandaloneValue(*property.value);
        break;
    }
  }
  return out;
}

std::string ColumnDefinition::ToString() const {
  std::string out = name.ToString() + " " + type.ToString();
  if (not_null) out += " NOT NULL";
  if (default_value) out += " DEFAULT " + default_value->ToString();
  if (comment) out += " COMMENT " + QuoteString(*comment);
  if (!properties.empty()) {
    out += " WITH (" + PropertiesSql(properties, PropertySyntax::kAssignment) + ")";
  }
  return out;
}

QueryStatement::QueryStatement(SourceLocation location, std::unique_ptr<Query> query)
    : Statement(kKind, location), query(std::move(query)) {}

QueryStatement::~QueryStatement() = default;

std::string QueryStatement::ToString() const { return query->ToString(); }

std::string Explain::ToString() const {
  std::string out = "EXPLAIN ";
  if (analyze) out += "ANALYZE ";
  if (verbose) out += "VERBOSE ";
  if (!options.empty()) out += "(" + PropertiesSql(options, PropertySyntax::kOption) + ") ";
  return out + statement->ToString();
}

}  // namespace switchboard::ast
