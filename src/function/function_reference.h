// The SQL function reference (docs/sql/functions.md), generated from the function registry so
// that it cannot drift from what the engine implements.
#pragma once

#include <string>

namespace switchboard {

/// Renders the Markdown reference of every built-in function: the SQL forms the binder maps to
/// functions, then one section per family listing each function's signatures, description,
/// example and aliases. Throws kInternal naming every function without a description or an
/// example.
std::string RenderFunctionReference();

/// Renders a sqllogictest file (test/sql/function/examples.test) that checks every example of the
/// form `expression -> result` in the reference: each expression must equal its result (IS NOT
/// DISTINCT FROM), or be NULL. Throws kInternal for an example of another form that is not a
/// SELECT statement.
std::string RenderExampleTests();

}  // namespace switchboard
