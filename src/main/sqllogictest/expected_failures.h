// ExpectedFailures: the list of sqllogictest records known to deviate from their expected results,
// each with the documented reason.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace switchboard {

/// The list's format, one entry per line:
///   <test file path>:<line>  <reason>
/// `<line>` is the line of the record's `statement`/`query` line; the reason is required. Blank
/// lines and lines starting with `#` are ignored. Paths are relative to the working directory the
/// runner starts in (the repository root under CTest) or absolute; entries and test files are
/// matched by their absolute, lexically normalized paths, so `../shared/x.test` and
/// `/work/shared/x.test` name the same file. Immutable after parsing.
class ExpectedFailures {
 public:
  /// Fails with kInvalidParameter ("<list_name>:<line>: ...") on a malformed or duplicate entry.
  static Result<ExpectedFailures> Parse(std::string_view text, std::string_view list_name);
  /// Reads and parses the file at `path`; fails with kIoError when it cannot be read.
  static Result<ExpectedFailures> Load(const std::string& path);

  /// The reason listed for the record at `line` of `test_file`, or nullptr.
  const std::string* Find(std::string_view test_file, int line) const;
  /// The listed lines of `test_file`, ascending.
  std::vector<int> LinesOf(std::string_view test_file) const;
  size_t size() const;

 private:
  static std::string FileKey(std::string_view path);

  /// File key -> line -> reason.
  std::map<std::string, std::map<int, std::string>> entries_;
};

}  // namespace switchboard
