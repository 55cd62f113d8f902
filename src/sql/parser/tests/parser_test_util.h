// Helpers shared by the parser tests: parse-or-fail, round trips through ToString, error text.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sql/parser/ast/access_control_statements.h"
#include "sql/parser/ast/alter_table_action.h"
#include "sql/parser/ast/ddl_statements.h"
#include "sql/parser/ast/dml_statements.h"
#include "sql/parser/ast/query.h"
#include "sql/parser/ast/relation.h"
#include "sql/parser/ast/session_statements.h"
#include "sql/parser/parser.h"

namespace switchboard::testing {

/// The printed form of `sql`'s statements after parse -> print -> parse -> print, or a
/// description of the first failure (parse error or unstable printing) prefixed by "FAIL: ".
std::string RoundTrip(std::string_view sql);

/// Parses `sql`, which must hold exactly one statement, and checks that it round-trips.
std::unique_ptr<ast::Statement> ParseOne(std::string_view sql);

/// ParseOne, as statement class T; `holder` keeps the statement alive.
template <typename T>
const T& ParseAs(std::string_view sql, std::unique_ptr<ast::Statement>& holder) {
  holder = ParseOne(sql);
  if (!holder || !holder->Is<T>())
    throw std::runtime_error("unexpected statement for " + std::string(sql));
  return holder->As<T>();
}

/// ParseOne for a query statement; returns its Query.
std::unique_ptr<ast::Query> ParseQuery(std::string_view sql);

/// The single QuerySpecification of `SELECT ...`.
const ast::QuerySpecification& Select(const ast::Query& query);

/// Parses a standalone expression (checking that it round-trips) and returns it.
std::unique_ptr<ast::Expression> ParseExpr(std::string_view sql);

/// The message of the syntax error `sql` must cause (empty, with a test failure, when it parses).
std::string SyntaxError(std::string_view sql);

}  // namespace switchboard::testing
