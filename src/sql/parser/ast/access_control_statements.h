// Access-control statements: roles, users, privilege and role grants, SET ROLE.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sql/parser/ast/statement.h"

namespace switchboard::ast {

/// `CREATE ROLE name`.
class CreateRole final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCreateRole;
  CreateRole(SourceLocation location, Identifier name)
      : Statement(kKind, location), name(std::move(name)) {}

  Identifier name;

  std::string ToString() const override;
};

/// `CREATE USER name [WITH PASSWORD 'secret']`.
class CreateUser final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kCreateUser;
  CreateUser(SourceLocation location, Identifier name)
      : Statement(kKind, location), name(std::move(name)) {}

  Identifier name;
  std::optional<std::string> password;

  std::string ToString() const override;
};

/// One privilege of GRANT/REVOKE: `SELECT`, `INSERT`, `ALL PRIVILEGES`, optionally limited to
/// columns (`SELECT (a, b)`).
struct Privilege {
  std::string name;  ///< upper case; "ALL PRIVILEGES" for ALL [PRIVILEGES]
  std::vector<Identifier> columns;
  SourceLocation location;
};

/// Who receives or loses a grant: `[USER|ROLE] name`.
struct Principal {
  enum class Type : uint8_t { kUnspecified, kUser, kRole };
  Type type = Type::kUnspecified;
  Identifier name;
  SourceLocation location;

  std::string ToString() const;
};

/// The securable object of a privilege grant: `ON [TABLE|SCHEMA] name`.
struct GrantObject {
  enum class Type : uint8_t { kUnspecified, kTable, kSchema };
  Type type = Type::kUnspecified;
  QualifiedName name;
  SourceLocation location;
};

/// `GRANT privileges ON [TABLE|SCHEMA] name TO grantees [WITH GRANT OPTION]`.
class Grant final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kGrant;
  explicit Grant(SourceLocation location) : Statement(kKind, location) {}

  std::vector<Privilege> privileges;
  GrantObject object;
  std::vector<Principal> grantees;
  bool with_grant_option = false;

  std::string ToString() const override;
};

/// `REVOKE [GRANT OPTION FOR] privileges ON [TABLE|SCHEMA] name FROM grantees`.
class Revoke final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kRevoke;
  explicit Revoke(SourceLocation location) : Statement(kKind, location) {}

  bool grant_option_for = false;
  std::vector<Privilege> privileges;
  GrantObject object;
  std::vector<Principal> grantees;

  std::string ToString() const override;
};

/// `GRANT role[, ...] TO grantees [WITH ADMIN OPTION]`.
class GrantRoles final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kGrantRoles;
  explicit GrantRoles(SourceLocation location) : Statement(kKind, location) {}

  std::vector<Identifier> roles;
  std::vector<Principal> grantees;
  bool with_admin_option = false;

  std::string ToString() const override;
};

/// `REVOKE [ADMIN OPTION FOR] role[, ...] FROM grantees`.
class RevokeRoles final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kRevokeRoles;
  explicit RevokeRoles(SourceLocation location) : Statement(kKind, location) {}

  bool admin_option_for = false;
  std::vector<Identifier> roles;
  std::vector<Principal> grantees;

  std::string ToString() const override;
};

/// `SET ROLE role | ALL | NONE`.
class SetRole final : public Statement {
 public:
  static constexpr StatementKind kKind = StatementKind::kSetRole;
  enum class Mode : uint8_t { kRole, kAll, kNone };

  SetRole(SourceLocation location, Mode mode) : Statement(kKind, location), mode(mode) {}

  Mode mode;
  std::optional<Identifier> role;  ///< kRole

  std::string ToString() const override;
};

}  // namespace switchboard::ast
