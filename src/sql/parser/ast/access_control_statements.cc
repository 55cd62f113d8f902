// SQL printing of access-control statements.
#include "sql/parser/ast/access_control_statements.h"

#include "sql/parser/ast/sql_formatting.h"

namespace switchboard::ast {

namespace {

std::string PrincipalList(const std::vector<Principal>& principals) {
  std::string out;
  for (size_t i = 0; i < principals.size(); ++i) {
    if (i > 0) out += ", ";
    out += principals[i].ToString();
  }
  return out;
}

// "SELECT (a, b), INSERT ON TABLE t".
std::string PrivilegesOn(const std::vector<Privilege>& privileges, const GrantObject& object) {
  std::string out;
  for (size_t i = 0; i < privileges.size(); ++i) {
    if (i > 0) out += ", ";
    out += privileges[i].name;
    if (!privileges[i].columns.empty()) out += " (" + IdentifierList(privileges[i].columns) + ")";
  }
  out += " ON ";
  if (object.type == GrantObject::Type::kTable) out += "TABLE ";
  if (object.type == GrantObject::Type::kSchema) out += "SCHEMA ";
  return out + object.name.ToString();
}

}  // namespace

std::string CreateRole::ToString() const { return "CREATE ROLE " + name.ToString(); }

std::string CreateUser::ToString() const {
  std::string out = "CREATE USER " + name.ToString();
  if (password) out += " WITH PASSWORD " + QuoteString(*password);
  return out;
}

std::string Principal::ToString() const {
  switch (type) {
    case Type::kUnspecified:
      return name.ToString();
    case Type::kUser:
      return "USER " + name.ToString();
    case Type::kRole:
      return "ROLE " + name.ToString();
  }
  return {};
}

std::string Grant::ToString() const {
  std::string out = "GRANT " + PrivilegesOn(privileges, object) + " TO " + PrincipalList(grantees);
  if (with_grant_option) out += " WITH GRANT OPTION";
  return out;
}

std::string Revoke::ToString() const {
  return std::string(grant_option_for ? "REVOKE GRANT OPTION FOR " : "REVOKE ") +
         PrivilegesOn(privileges, object) + " FROM " + PrincipalList(grantees);
}

std::string GrantRoles::ToString() const {
  std::string out = "GRANT " + IdentifierList(roles) + " TO " + PrincipalList(grantees);
  if (with_admin_option) out += " WITH ADMIN OPTION";
  return out;
}

std::string RevokeRoles::ToString() const {
  return std::string(admin_option_for ? "REVOKE ADMIN OPTION FOR " : "REVOKE ") +
         IdentifierList(roles) + " FROM " + PrincipalList(grantees);
}

std::string SetRole::ToString() const {
  switch (mode) {
    case Mode::kRole:
      return "SET ROLE " + role->ToString();
    case Mode::kAll:
      return "SET ROLE ALL";
    case Mode::kNone:
      return "SET ROLE NONE";
  }
  return {};
}

}  // namespace switchboard::ast
