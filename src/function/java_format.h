// JavaFormat: the java.util.Formatter format strings behind Trino's format() function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "types/vector.h"

namespace switchboard {

/// A parsed format string: literal text and specifiers
/// `%[index$][flags][width][.precision]conversion` with the conversions s S d x X o f e E g G
/// b B c C % n and the flags - 0 + space , # (. Immutable once parsed; shared by threads.
class JavaFormat {
 public:
  /// Parses `format`. Throws kInvalidParameter naming the bad specifier.
  static JavaFormat Parse(std::string_view format);

  /// Checks that every specifier accepts its argument's type and that enough arguments are
  /// given. Throws kInvalidParameter.
  void Check(const std::vector<LogicalType>& argument_types) const;

  /// Appends the text for one row to `out`. `arguments[i]` is argument i's vector, `texts[i]`
  /// its values as varchar (only read for %s), and `row` the row; NULL arguments print as
  /// "null" (false for %b), as in Java.
  void Append(std::string& out, const std::vector<const Vector*>& arguments,
              const std::vector<Vector>& texts, idx_t row) const;

  /// Whether any specifier reads argument `index` as text (so callers can skip formatting it).
  bool NeedsText(idx_t index) const;

 private:
  struct Specifier {
    std::string literal;  // text before the specifier
    char conversion = 0;  // 0 for trailing text only
    idx_t argument = 0;
    bool left = false, zero = false, plus = false, space = false, group = false, alternate = false,
         parentheses = false, upper = false;
    int width = -1;
    int precision = -1;
  };

  void AppendSpecifier(std::string& out, const Specifier& spec, const Vector& argument,
                       const Vector* text, idx_t row) const;

  std::string text_;
  std::vector<Specifier> specifiers_;
};

}  // namespace switchboard
