// Result<T>: a value or an Error, for operations where failure is a normal outcome (I/O, decoding,
// commits, connectors, the public API). Result<void> stands for "success or an Error".
#pragma once

#include <optional>
#include <utility>
#include <variant>

#include "common/error.h"

namespace switchboard {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return state_.index() == 0; }
  const Error& error() const& { return std::get<1>(state_); }
  Error&& error() && { return std::get<1>(std::move(state_)); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  /// The value, or throws the Error as an Exception (for code that reports errors by throwing).
  T ValueOrThrow() && {
    if (!ok()) throw Exception(std::get<1>(std::move(state_)));
    return std::get<0>(std::move(state_));
  }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit

  bool ok() const { return !error_.has_value(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

  void ValueOrThrow() && {
    if (error_) throw Exception(std::move(*error_));
  }

 private:
  std::optional<Error> error_;
};

/// Success for Result<void>.
inline Result<void> Ok() { return {}; }

/// Runs `fn`, turning a thrown Exception (or any std::exception) into an Error.
template <typename Fn>
auto CatchErrors(Fn&& fn) -> Result<decltype(fn())> {
  try {
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      return Ok();
    } else {
      return fn();
    }
  } catch (const Exception& e) {
    return e.error();
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kOutOfMemory, "Out of memory"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, e.what()};
  }
}

}  // namespace switchboard

#define SB_CONCAT_INNER(a, b) a##b
#define SB_CONCAT(a, b) SB_CONCAT_INNER(a, b)

/// Returns the Error of `expr` (a Result) from the enclosing function when it failed.
#define SB_RETURN_IF_ERROR(expr)                                \
  do {                                                          \
    auto&& sb_result_ = (expr);                                 \
    if (!sb_result_.ok()) return std::move(sb_result_).error(); \
  } while (0)

#define SB_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return std::move(tmp).error();  \
  lhs = std::move(tmp).value()

/// `lhs = value of expr`, or returns its Error from the enclosing function.
#define SB_ASSIGN_OR_RETURN(lhs, expr) \
  SB_ASSIGN_OR_RETURN_IMPL(SB_CONCAT(sb_result_, __LINE__), lhs, expr)
