// Names in the AST: one identifier as written (with its quoting) and dotted qualified names.
#pragma once

#include <string>
#include <vector>

#include "sql/parser/ast/source_location.h"

namespace switchboard::ast {

/// One name as written. Unquoted names are case-insensitive and quoted ones ("x" or `x`) are not;
/// the parser keeps both facts and leaves matching to the binder.
struct Identifier {
  std::string name;     ///< the spelling, without quotes, doubled quote characters undone
  bool quoted = false;  ///< written as "name" or `name`
  SourceLocation location;

  /// SQL form: double-quoted when it was quoted or is not a word; unquoted names print as written.
  std::string ToString() const;
};

/// A dotted name: `t`, `t.col`, `catalog.schema.table`, `a.b.c.d`. Never empty once parsed.
struct QualifiedName {
  std::vector<Identifier> parts;

  bool empty() const { return parts.empty(); }
  /// The location of the first part.
  SourceLocation location() const { return parts.empty() ? SourceLocation{} : parts[0].location; }
  /// The parts joined by '.', each in its SQL form.
  std::string ToString() const;
};

/// `(a, b, c)`-style list of identifiers in SQL form, without the parentheses.
std::string IdentifierList(const std::vector<Identifier>& identifiers);

}  // namespace switchboard::ast
