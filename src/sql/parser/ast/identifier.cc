// SQL printing of identifiers and qualified names.
#include "sql/parser/ast/identifier.h"

#include "sql/parser/keywords.h"

namespace switchboard::ast {

std::string Identifier::ToString() const {
  // An unquoted name came from a place where the parser accepted it unquoted (which includes the
  // reserved words usable as function names, like LEFT), so it prints as written.
  if (!quoted && parser::IsWord(name)) return name;
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string QualifiedName::ToString() const {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '.';
    out += parts[i].ToString();
  }
  return out;
}

std::string IdentifierList(const std::vector<Identifier>& identifiers) {
  std::string out;
  for (size_t i = 0; i < identifiers.size(); ++i) {
    if (i > 0) out += ", ";
    out += identifiers[i].ToString();
  }
  return out;
}

}  // namespace switchboard::ast
