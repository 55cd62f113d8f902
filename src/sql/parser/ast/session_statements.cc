// SQL printing of session and catalog statements.
#include "sql/parser/ast/session_statements.h"

#include "sql/parser/ast/query.h"
#include "sql/parser/ast/sql_formatting.h"

namespace switchboard::ast {

std::string Use::ToString() const { return "USE " + name.ToString(); }

std::string Show::ToString() const {
  std::string out;
  switch (what) {
    case What::kCatalogs:
      out = "SHOW CATALOGS";
      break;
    case What::kSchemas:
      out = "SHOW SCHEMAS";
      break;
    case What::kTables:
      out = "SHOW TABLES";
      break;
    case What::kColumns:
      out = "SHOW COLUMNS";
      break;
    case What::kCreateTable:
      out = "SHOW CREATE TABLE";
      break;
    case What::kCreateView:
      out = "SHOW CREATE VIEW";
      break;
    case What::kCreateSchema:
      out = "SHOW CREATE SCHEMA";
      break;
    case What::kFunctions:
      out = "SHOW FUNCTIONS";
      break;
    case What::kSession:
      out = "SHOW SESSION";
      break;
    case What::kTblProperties:
      out = "SHOW TBLPROPERTIES";
      break;
  }
  if (!target.empty()) {
    bool takes_from = what == What::kSchemas || what == What::kTables || what == What::kColumns;
    out += (takes_from ? " FROM " : " ") + target.ToString();
  }
  if (like_pattern) out += " LIKE " + QuoteString(*like_pattern);
  return out;
}

Describe::Describe(SourceLocation location) : Statement(kKind, location) {}

Describe::~Describe() = default;

std::string Describe::ToString() const {
  if (query) return "DESCRIBE " + query->ToString();
  std::string out = "DESCRIBE ";
  if (extended) out += "EXTENDED ";
  if (formatted) out += "FORMATTED ";
  return out + table.ToString();
}

std::string SetSession::ToString() const {
  return "SET SESSION " + name.ToString() + " = " + value->ToString();
}

std::string ResetSession::ToString() const { return "RESET SESSION " + name.ToString(); }

std::string SetTimeZone::ToString() const {
  return "SET TIME ZONE " + (zone ? zone->ToString() : "LOCAL");
}

std::string Call::ToString() const {
  return "CALL " + procedure.ToString() + "(" + ExpressionList(arguments) + ")";
}

std::string Attach::ToString() const {
  std::string out = if_not_exists ? "ATTACH IF NOT EXISTS " : "ATTACH ";
  out += QuoteString(target);
  if (alias) out += " AS " + alias->ToString();
  if (!options.empty()) out += " (" + PropertiesSql(options, PropertySyntax::kOption) + ")";
  return out;
}

std::string Detach::ToString() const {
  return std::string(if_exists ? "DETACH IF EXISTS " : "DETACH ") + name.ToString();
}

std::string Transaction::ToString() const {
  switch (action) {
    case Action::kBegin:
      return "START TRANSACTION";
    case Action::kCommit:
      return "COMMIT";
    case Action::kRollback:
      return "ROLLBACK";
  }
  return {};
}

}  // namespace switchboard::ast
