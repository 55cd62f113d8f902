// Error reporting: one Error type with a code (mapped to a SQLSTATE), one Exception that carries
// it, and the check macros that separate our bugs (SB_CHECK) from bad input (SB_USER_CHECK).
#pragma once

#include <fmt/format.h>

#include <exception>
#include <string>
#include <string_view>

namespace switchboard {

/// What went wrong, coarse enough for callers to branch on. Each code has one SQLSTATE.
enum class ErrorCode : uint8_t {
  kInternal,              // XX000: a bug in Switchboard
  kSyntaxError,           // 42601
  kUndefinedTable,        // 42P01
  kUndefinedColumn,       // 42703
  kUndefinedFunction,     // 42883
  kUndefinedSchema,       // 3F000
  kUndefinedObject,       // 42704: types, catalogs, procedures, settings, ...
  kDuplicateObject,       // 42710
  kAmbiguousName,         // 42702
  kTypeMismatch,          // 42804
  kGroupingError,         // 42803
  kInvalidParameter,      // 22023: a bad argument value
  kDivisionByZero,        // 22012
  kNumericOverflow,       // 22003
  kInvalidCast,           // 22P02: text that is not a value of the target type
  kInvalidDatetime,       // 22007
  kStringTooLong,         // 22001
  kInvalidJson,           // 22032
  kInvalidRegex,          // 2201B
  kSubscriptOutOfRange,   // 2202E
  kCardinalityViolation,  // 21000: a scalar subquery or MERGE source matched several rows
  kNotNullViolation,      // 23502
  kNotSupported,          // 0A000
  kPermissionDenied,      // 42501
  kOutOfMemory,           // 53200: the memory limit was reached
  kResourceLimit,         // 54000: a guardrail (bytes scanned, time) was reached
  kQueryCanceled,         // 57014
  kCommitConflict,        // 40001: a concurrent commit won
  kIoError,               // 58030
  kCorruptData,           // XX001: a file that does not follow its format
  kInvalidState,          // 55000: the object is not in a state that allows the operation
  kConnectionError,       // 08006: a remote database or service failed
};

/// The five-character SQLSTATE for a code.
std::string_view SqlState(ErrorCode code);

/// A failure a user can see: a code and a message that says what was wrong and where.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;

  /// "message" prefixed by the SQLSTATE, for logs: "[22012] Division by zero".
  std::string ToString() const;
};

/// The one exception type. Thrown deep in binding and execution; caught once at the API boundary.
class Exception : public std::exception {
 public:
  explicit Exception(Error error) : error_(std::move(error)) {}
  Exception(ErrorCode code, std::string message) : error_{code, std::move(message)} {}

  const Error& error() const { return error_; }
  ErrorCode code() const { return error_.code; }
  const char* what() const noexcept override { return error_.message.c_str(); }

 private:
  Error error_;
};

/// Throws Exception{code, message}. Out of line and cold so that checks cost one branch.
[[noreturn]] void ThrowError(ErrorCode code, std::string message);

namespace detail {
[[noreturn]] void ThrowCheckFailure(const char* condition, const char* file, int line,
                                    std::string_view detail);
}  // namespace detail

}  // namespace switchboard

/// Internal invariant: failure is a bug in Switchboard, reported as kInternal with the location.
#define SB_CHECK(condition, ...)                                                           \
  do {                                                                                     \
    if (__builtin_expect(!(condition), 0)) {                                               \
      ::switchboard::detail::ThrowCheckFailure(#condition, __FILE__, __LINE__,             \
                                               ::fmt::format("" __VA_OPT__(__VA_ARGS__))); \
    }                                                                                      \
  } while (0)

/// Validation of user input: failure throws `code` with a formatted message.
#define SB_USER_CHECK(condition, code, ...)                                              \
  do {                                                                                   \
    if (__builtin_expect(!(condition), 0)) {                                             \
      ::switchboard::ThrowError(::switchboard::ErrorCode::code, ::fmt::format(__VA_ARGS__)); \
    }                                                                                    \
  } while (0)

/// Throws `code` with a formatted message.
#define SB_THROW(code, ...) \
  ::switchboard::ThrowError(::switchboard::ErrorCode::code, ::fmt::format(__VA_ARGS__))
