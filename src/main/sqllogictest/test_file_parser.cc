// Parsing of sqllogictest files: records, conditions, control commands and loop expansion.
#include "main/sqllogictest/test_file_parser.h"

#include <charconv>
#include <optional>
#include <utility>

#include "common/string_util.h"

namespace switchboard {

namespace {

bool IsBlank(std::string_view line) { return TrimWhitespace(line).empty(); }

/// Whitespace-separated words of a command line, up to a word that starts a `#` comment.
std::vector<std::string> CommandWords(std::string_view line) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    if (pos == line.size() || line[pos] == '#') break;
    size_t end = pos;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    words.emplace_back(line.substr(pos, end - pos));
    pos = end;
  }
  return words;
}

std::optional<int64_t> ParseInteger(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<SortMode> ParseSortMode(std::string_view word) {
  if (word == "nosort") return SortMode::kNoSort;
  if (word == "rowsort") return SortMode::kRowSort;
  if (word == "valuesort") return SortMode::kValueSort;
  return std::nullopt;
}

void ReplaceAll(std::string& text, std::string_view from, std::string_view to) {
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

/// One open `loop`/`foreach`: its variable, the values it takes, and where its body starts.
struct LoopFrame {
  std::string variable;
  std::vector<std::string> values;
  size_t first_record = 0;
  int line = 0;
};

class Parser {
 public:
  explicit Parser(std::vector<std::string> lines) { file_.lines = std::move(lines); }

  TestFile Parse() && {
    while (index_ < file_.lines.size()) {
      std::string_view line = file_.lines[index_];
      if (IsBlank(line) || TrimWhitespace(line)[0] == '#') {
        ++index_;
        continue;
      }
      ParseCommand(CommandWords(line));
    }
    if (!conditions_.empty())
      Fail("skipif/onlyif at the end of the file is not followed by a record");
    if (!loops_.empty()) FailAt(loops_.back().line, "loop without endloop");
    return std::move(file_);
  }

 private:
  /// Fails at the current line.
  [[noreturn]] void Fail(std::string_view message) const { FailAt(index_ + 1, message); }

  [[noreturn]] static void FailAt(size_t line, std::string_view message) {
    SB_THROW(kSyntaxError, "line {}: {}", line, message);
  }

  void ParseCommand(const std::vector<std::string>& words) {
    const std::string& command = words[0];
    if (command == "skipif" || command == "onlyif") {
      if (words.size() < 2) Fail(fmt::format("{} needs an engine name", command));
      conditions_.push_back(RecordCondition{command == "onlyif", words[1]});
      ++index_;
      return;
    }
    if (command == "loop" || command == "foreach" || command == "endloop") {
      if (!conditions_.empty()) Fail(fmt::format("skipif/onlyif cannot apply to {}", command));
      ParseLoopCommand(words);
      ++index_;
      return;
    }
    TestRecord record;
    record.line = static_cast<int>(index_ + 1);
    record.conditions = std::move(conditions_);
    conditions_.clear();
    if (command == "statement") {
      ParseStatement(words, record);
    } else if (command == "query") {
      ParseQuery(words, record);
    } else {
      ParseControl(words, record);
      ++index_;
    }
    file_.records.push_back(std::move(record));
  }

  void ParseControl(const std::vector<std::string>& words, TestRecord& record) {
    const std::string& command = words[0];
    if (command == "hash-threshold") {
      std::optional<int64_t> threshold = words.size() == 2 ? ParseInteger(words[1]) : std::nullopt;
      if (!threshold || *threshold < 0) Fail("hash-threshold needs a non-negative integer");
      record.kind = RecordKind::kHashThreshold;
      record.threshold = *threshold;
    } else if (command == "halt") {
      record.kind = RecordKind::kHalt;
    } else if (command == "require") {
      if (words.size() != 2) Fail("require needs one extension name");
      record.kind = RecordKind::kRequire;
      record.argument = words[1];
    } else if (command == "mode") {
      if (words.size() != 2 || (words[1] != "skip" && words[1] != "unskip")) {
        Fail("mode must be 'skip' or 'unskip'");
      }
      record.kind = words[1] == "skip" ? RecordKind::kModeSkip : RecordKind::kModeUnskip;
    } else {
      Fail(fmt::format("unknown command '{}'", command));
    }
  }

  void ParseStatement(const std::vector<std::string>& words, TestRecord& record) {
    record.kind = RecordKind::kStatement;
    if (words.size() < 2) Fail("statement needs 'ok', 'error' or 'maybe'");
    if (words[1] == "ok") {
      record.expectation = StatementExpectation::kOk;
      if (words.size() > 2) Fail("statement ok takes no arguments");
    } else if (words[1] == "error" || words[1] == "maybe") {
      record.expectation =
          words[1] == "error" ? StatementExpectation::kError : StatementExpectation::kMaybe;
      // The rest of the line, as written (it may contain '#'), is the expected error text.
      std::string_view line = file_.lines[index_];
      size_t keyword = line.find(words[1]);
      record.expected_error = std::string(TrimWhitespace(line.substr(keyword + words[1].size())));
    } else {
      Fail(fmt::format("unknown statement expectation '{}'", words[1]));
    }
    ++index_;
    bool has_block = ReadSql(record);
    if (!has_block) return;
    if (record.expectation == StatementExpectation::kOk) {
      FailAt(index_, "statement ok cannot have a ---- block");
    }
    if (!record.expected_error.empty()) {
      FailAt(index_, "expected error given both on the statement line and after ----");
    }
    std::vector<std::string> message = ReadBlock();
    record.expected_error = Join(message, "\n");
  }

  void ParseQuery(const std::vector<std::string>& words, TestRecord& record) {
    record.kind = RecordKind::kQuery;
    if (words.size() < 2) Fail("query needs its column type letters");
    if (words.size() > 4) Fail("query takes at most: types, sort mode, label");
    record.column_types = words[1];
    size_t next = 2;
    if (next < words.size()) {
      if (std::optional<SortMode> mode = ParseSortMode(words[next])) {
        record.sort_mode = *mode;
        ++next;
      }
    }
    if (next < words.size()) record.label = words[next++];
    if (next < words.size()) Fail(fmt::format("unknown sort mode '{}'", words[2]));
    ++index_;
    record.has_results_block = ReadSql(record);
    record.results_begin = static_cast<int>(index_);
    if (record.has_results_block) record.expected_lines = ReadBlock();
    record.results_end = static_cast<int>(index_);
  }

  /// Reads SQL lines up to a blank line, `----` or the end. Returns whether `----` ended it (and
  /// leaves the position after it).
  bool ReadSql(TestRecord& record) {
    std::vector<std::string> sql;
    bool has_block = false;
    while (index_ < file_.lines.size() && !IsBlank(file_.lines[index_])) {
      if (TrimWhitespace(file_.lines[index_]) == "----") {
        has_block = true;
        ++index_;
        break;
      }
      sql.push_back(file_.lines[index_++]);
    }
    if (sql.empty()) {
      FailAt(record.line,
             record.kind == RecordKind::kQuery ? "query has no SQL" : "statement has no SQL");
    }
    record.sql = Join(sql, "\n");
    return has_block;
  }

  /// Lines up to a blank line or the end.
  std::vector<std::string> ReadBlock() {
    std::vector<std::string> block;
    while (index_ < file_.lines.size() && !IsBlank(file_.lines[index_])) {
      block.push_back(file_.lines[index_++]);
    }
    return block;
  }

  void ParseLoopCommand(const std::vector<std::string>& words) {
    if (words[0] == "endloop") {
      if (words.size() != 1) Fail("endloop takes no arguments");
      if (loops_.empty()) Fail("endloop without loop");
      ExpandLoop(std::move(loops_.back()));
      loops_.pop_back();
      return;
    }
    LoopFrame frame;
    frame.line = static_cast<int>(index_ + 1);
    frame.first_record = file_.records.size();
    if (words[0] == "loop") {
      std::optional<int64_t> start = words.size() == 4 ? ParseInteger(words[2]) : std::nullopt;
      std::optional<int64_t> end = words.size() == 4 ? ParseInteger(words[3]) : std::nullopt;
      if (!start || !end) Fail("loop needs a variable, a start and an end (exclusive) integer");
      for (int64_t i = *start; i < *end; ++i) frame.values.push_back(std::to_string(i));
    } else {
      if (words.size() < 3) Fail("foreach needs a variable and at least one value");
      frame.values.assign(words.begin() + 2, words.end());
    }
    frame.variable = words[1];
    loops_.push_back(std::move(frame));
  }

  /// Replaces the loop's body records with one copy per value, `${variable}` substituted.
  void ExpandLoop(LoopFrame frame) {
    std::vector<TestRecord> body(
        std::make_move_iterator(file_.records.begin() + frame.first_record),
        std::make_move_iterator(file_.records.end()));
    file_.records.resize(frame.first_record);
    std::string placeholder = "${" + frame.variable + "}";
    for (const std::string& value : frame.values) {
      for (const TestRecord& original : body) {
        TestRecord record = original;
        record.in_loop = true;
        ReplaceAll(record.sql, placeholder, value);
        ReplaceAll(record.expected_error, placeholder, value);
        ReplaceAll(record.label, placeholder, value);
        for (std::string& line : record.expected_lines) ReplaceAll(line, placeholder, value);
        file_.records.push_back(std::move(record));
      }
    }
  }

  TestFile file_;
  size_t index_ = 0;
  std::vector<RecordCondition> conditions_;
  std::vector<LoopFrame> loops_;
};

}  // namespace

Result<TestFile> TestFileParser::Parse(std::string_view text) {
  return CatchErrors([&] { return Parser(SplitLines(text)).Parse(); });
}

std::vector<std::string> TestFileParser::SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    start = end + 1;
  }
  return lines;
}

}  // namespace switchboard
