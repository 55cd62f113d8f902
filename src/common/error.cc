// SQLSTATE mapping and the cold throwing paths of the check macros.
#include "common/error.h"

namespace switchboard {

std::string_view SqlState(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInternal: return "XX000";
    case ErrorCode::kSyntaxError: return "42601";
    case ErrorCode::kUndefinedTable: return "42P01";
    case ErrorCode::kUndefinedColumn: return "42703";
    case ErrorCode::kUndefinedFunction: return "42883";
    case ErrorCode::kUndefinedSchema: return "3F000";
    case ErrorCode::kUndefinedObject: return "42704";
    case ErrorCode::kDuplicateObject: return "42710";
    case ErrorCode::kAmbiguousName: return "42702";
    case ErrorCode::kTypeMismatch: return "42804";
    case ErrorCode::kGroupingError: return "42803";
    case ErrorCode::kInvalidParameter: return "22023";
    case ErrorCode::kDivisionByZero: return "22012";
    case ErrorCode::kNumericOverflow: return "22003";
    case ErrorCode::kInvalidCast: return "22P02";
    case ErrorCode::kInvalidDatetime: return "22007";
    case ErrorCode::kStringTooLong: return "22001";
    case ErrorCode::kInvalidJson: return "22032";
    case ErrorCode::kInvalidRegex: return "2201B";
    case ErrorCode::kSubscriptOutOfRange: return "2202E";
    case ErrorCode::kCardinalityViolation: return "21000";
    case ErrorCode::kNotNullViolation: return "23502";
    case ErrorCode::kNotSupported: return "0A000";
    case ErrorCode::kPermissionDenied: return "42501";
    case ErrorCode::kOutOfMemory: return "53200";
    case ErrorCode::kResourceLimit: return "54000";
    case ErrorCode::kQueryCanceled: return "57014";
    case ErrorCode::kCommitConflict: return "40001";
    case ErrorCode::kIoError: return "58030";
    case ErrorCode::kCorruptData: return "XX001";
    case ErrorCode::kInvalidState: return "55000";
    case ErrorCode::kConnectionError: return "08006";
  }
  return "XX000";
}

std::string Error::ToString() const { return fmt::format("[{}] {}", SqlState(code), message); }

void ThrowError(ErrorCode code, std::string message) { throw Exception(code, std::move(message)); }

namespace detail {
void ThrowCheckFailure(const char* condition, const char* file, int line,
                       std::string_view detail) {
  std::string message = fmt::format("Internal error: check '{}' failed at {}:{}", condition, file, line);
  if (!detail.empty()) message += fmt::format(": {}", detail);
  throw Exception(ErrorCode::kInternal, std::move(message));
}
}  // namespace detail

}  // namespace switchboard
