// The common base of the AST class hierarchies: a kind tag, a source location and checked casts.
#pragma once

#include "common/error.h"
#include "sql/parser/ast/source_location.h"

namespace switchboard::ast {

/// Base of one AST hierarchy (expressions, relations, query bodies, statements, ALTER TABLE
/// actions). Every concrete class `T` declares `static constexpr KindType kKind`, which `Is<T>()`
/// and `As<T>()` test. Nodes are owned through std::unique_ptr and are not copyable; the
/// hierarchies that need duplicates offer a virtual `Copy()`.
template <typename KindType>
class AstNode {
 public:
  using Kind = KindType;

  AstNode(const AstNode&) = delete;
  AstNode& operator=(const AstNode&) = delete;

  const Kind kind;
  SourceLocation location;

  template <typename T>
  bool Is() const {
    return kind == T::kKind;
  }

  /// The node as its concrete class; a mismatched kind is a bug (SB_CHECK).
  template <typename T>
  T& As() {
    SB_CHECK(kind == T::kKind, "AST node of kind {} cast to kind {}", static_cast<int>(kind),
             static_cast<int>(T::kKind));
    return static_cast<T&>(*this);
  }

  template <typename T>
  const T& As() const {
    SB_CHECK(kind == T::kKind, "AST node of kind {} cast to kind {}", static_cast<int>(kind),
             static_cast<int>(T::kKind));
    return static_cast<const T&>(*this);
  }

 protected:
  AstNode(Kind node_kind, SourceLocation node_location)
      : kind(node_kind), location(node_location) {}
  ~AstNode() = default;
};

}  // namespace switchboard::ast
