// The SQL parser's entry points: statements, standalone expressions and type names from text.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "sql/parser/ast/expression.h"
#include "sql/parser/ast/statement.h"
#include "sql/parser/ast/type_name.h"

namespace switchboard {

/// Parses one or more statements separated by ';' (empty statements and a trailing ';' are
/// fine). Each statement's `span` locates its text in `sql`. Fails with kSyntaxError and a message
/// such as "line 1:8: mismatched input 'FORM'. Expecting: ',', 'FROM', ..." on the first error.
/// The statement classes are in sql/parser/ast/*_statements.h.
Result<std::vector<std::unique_ptr<ast::Statement>>> ParseSql(std::string_view sql);

/// Parses one expression, such as a default value or a partition filter; fails (kSyntaxError)
/// unless `sql` is exactly one expression.
Result<std::unique_ptr<ast::Expression>> ParseExpression(std::string_view sql);

/// Parses a type name such as `decimal(10, 2)` or `ARRAY<STRUCT<a: INT>>` (for type strings in
/// metadata); fails (kSyntaxError) unless `sql` is exactly one type name.
Result<ast::TypeName> ParseTypeName(std::string_view sql);

}  // namespace switchboard
