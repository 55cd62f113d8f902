// Regular expression functions (regexp_like, regexp_extract[_all], regexp_replace, regexp_split,
// regexp_count, regexp_position) on RE2. Constant patterns are compiled once at bind time;
// positions count code points.
#include <re2/re2.h>

#include <memory>
#include <string>

#include "common/error.h"
#include "function/bind_util.h"
#include "function/function_registry.h"
#include "function/nested_vector.h"
#include "function/utf8.h"

namespace switchboard {

namespace {

using re2::RE2;
using re2::StringPiece;

std::unique_ptr<RE2> CompileRegex(std::string_view pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  auto regex = std::make_unique<RE2>(StringPiece(pattern.data(), pattern.size()), options);
  if (!regex->ok())
    SB_THROW(kInvalidRegex, "Invalid regular expression '{}': {}", pattern, regex->error());
  return regex;
}

/// A pattern known at bind time.
struct RegexData : FunctionData {
  std::unique_ptr<RE2> regex;
};

std::unique_ptr<FunctionData> BindRegex(ScalarFunction&, const std::vector<LogicalType>&,
                                        const std::vector<std::optional<Value>>& constants) {
  auto pattern = ConstantString(constants, 1);
  if (!pattern) return nullptr;
  auto data = std::make_unique<RegexData>();
  data->regex = CompileRegex(*pattern);
  return data;
}

/// The compiled pattern of each row: the bind-time one, or the last one compiled while rows repeat
/// the same pattern text.
class RegexSource {
 public:
  explicit RegexSource(const FunctionData* bind_data)
      : bound_(bind_data ? static_cast<const RegexData*>(bind_data)->regex.get() : nullptr) {}
  const RE2& Get(std::string_view pattern) {
    if (bound_) return *bound_;
    if (!last_ || pattern != last_text_) {
      last_ = CompileRegex(pattern);
      last_text_.assign(pattern);
    }
    return *last_;
  }

 private:
  const RE2* bound_;
  std::unique_ptr<RE2> last_;
  std::string last_text_;
};

void CheckGroup(const RE2& regex, int64_t group) {
  SB_USER_CHECK(group >= 0 && group <= regex.NumberOfCapturingGroups(), kInvalidParameter,
                "Pattern has {} groups. Cannot access group {}", regex.NumberOfCapturingGroups(),
                group);
}

/// Iterates the successive matches of a pattern in a text, stepping one code point past empty
/// matches (as Java's Matcher.find does). `groups` is scratch space the caller reuses across rows.
class MatchIterator {
 public:
  MatchIterator(const RE2& regex, std::string_view text, size_t start, int groups,
                std::vector<StringPiece>& scratch)
      : regex_(regex), text_(text.data(), text.size()), position_(start), groups_(scratch) {
    groups_.assign(static_cast<size_t>(groups) + 1, StringPiece());
  }

  /// Finds the next match; groups()[0] is the whole match.
  bool Next() {
    if (position_ > static_cast<size_t>(text_.size())) return false;
    if (!regex_.Match(text_, position_, text_.size(), RE2::UNANCHORED, groups_.data(),
                      static_cast<int>(groups_.size()))) {
      position_ = text_.size() + 1;
      return false;
    }
    size_t begin = static_cast<size_t>(groups_[0].data() - text_.data());
    size_t end = begin + groups_[0].size();
    if (end == begin) {
      position_ =
          end < static_cast<size_t>(text_.size())
              ? end + std::min<size_t>(utf8::SequenceLength(static_cast<unsigned char>(text_[end])),
                                       text_.size() - end)
              : text_.size() + 1;
    } else {
      position_ = end;
    }
    return true;
  }
  size_t begin() const { return static_cast<size_t>(groups_[0].data() - text_.data()); }
  size_t end() const { return begin() + groups_[0].size(); }
  /// Group `g` of the current match; data() is null when the group did not participate.
  const StringPiece& group(int g) const { return groups_[static_cast<size_t>(g)]; }

 private:
  const RE2& regex_;
  StringPiece text_;
  size_t position_;
  std::vector<StringPiece>& groups_;
};

// ----- regexp_like, regexp_count, regexp_position ------------------------------------------------

void RegexpLikeKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  RegexSource source(context.bind_data);
  ArgumentRows in(args);
  bool* out = result.data<bool>();
  for (idx_t i = 0; i < args.size(); ++i) {
    if (in.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    std::string_view text = in.String(0, i);
    out[i] = RE2::PartialMatch(StringPiece(text.data(), text.size()), source.Get(in.String(1, i)));
  }
}

void RegexpCountKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  RegexSource source(context.bind_data);
  std::vector<StringPiece> scratch;
  ArgumentRows in(args);
  int64_t* out = result.data<int64_t>();
  for (idx_t i = 0; i < args.size(); ++i) {
    if (in.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    MatchIterator matches(source.Get(in.String(1, i)), in.String(0, i), 0, 0, scratch);
    int64_t n = 0;
    while (matches.Next()) ++n;
    out[i] = n;
  }
}

void RegexpPositionKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  RegexSource source(context.bind_data);
  std::vector<StringPiece> scratch;
  ArgumentRows in(args);
  bool has_start = args.ColumnCount() > 2, has_occurrence = args.ColumnCount() > 3;
  int32_t* out = result.data<int32_t>();
  for (idx_t i = 0; i < args.size(); ++i) {
    if (in.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    std::string_view text = in.String(0, i);
    int64_t start = has_start ? in.Get<int64_t>(2, i) : 1;
    int64_t occurrence = has_occurrence ? in.Get<int64_t>(3, i) : 1;
    SB_USER_CHECK(start >= 1, kInvalidParameter, "start must be greater than or equal to 1");
    SB_USER_CHECK(occurrence >= 1, kInvalidParameter,
                  "occurrence must be greater than or equal to 1");
    out[i] = -1;
    size_t start_byte = utf8::OffsetOf(text, start - 1);
    if (start - 1 > utf8::Length(text)) continue;
    MatchIterator matches(source.Get(in.String(1, i)), text, start_byte, 0, scratch);
    for (int64_t k = 0; k < occurrence; ++k) {
      if (!matches.Next()) break;
      if (k + 1 == occurrence)
        out[i] = static_cast<int32_t>(utf8::Length(text.substr(0, matches.begin())) + 1);
    }
  }
}

// ----- regexp_extract, regexp_extract_all --------------------------------------------------------

void RegexpExtractKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  RegexSource source(context.bind_data);
  std::vector<StringPiece> scratch;
  ArgumentRows in(args);
  bool has_group = args.ColumnCount() > 2;
  StringView* out = result.data<StringView>();
  for (idx_t i = 0; i < args.size(); ++i) {
    if (in.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    const RE2& regex = source.Get(in.String(1, i));
    int64_t group = has_group ? in.Get<int64_t>(2, i) : 0;
    CheckGroup(regex, group);
    MatchIterator matches(regex, in.String(0, i), 0, static_cast<int>(group), scratch);
    if (!matches.Next() || !matches.group(static_cast<int>(group)).data()) {
      result.SetNull(i);
      continue;
    }
    const StringPiece& g = matches.group(static_cast<int>(group));
    out[i] = result.AddString(std::string_view(g.data(), g.size()));
  }
}

void RegexpExtractAllKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  RegexSource source(context.bind_data);
  std::vector<StringPiece> scratch;
  ArgumentRows in(args);
  bool has_group = args.ColumnCount() > 2;
  ListWriter writer(result);
  for (idx_t i = 0; i < args.size(); ++i) {
    if (in.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    const RE2& regex = source.Get(in.String(1, i));
    int64_t group = has_group ? in.Get<int64_t>(2, i) : 0;
    CheckGroup(regex, group);
    idx_t start = writer.size();
    MatchIterator matches(regex, in.String(0, i), 0, static_cast<int>(group), scratch);
    while (matches.Next()) {
      const StringPiece& g = matches.group(static_cast<int>(group));
      Vector& child = writer.Reserve(1);
      if (g.data()) {
        child.data<StringView>()[writer.size()] =
            child.AddString(std::string_view(g.data(), g.size()));
        writer.Advance(1);
      } else {
        writer.AppendNull();
      }
    }
    writer.EndRow(i, start);
  }
  writer.Finish();
}

void RegexpSplitKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  RegexSource source(context.bind_data);
  std::vector<StringPiece> scratch;
  ArgumentRows in(args);
  ListWriter writer(result);
  auto append = [&](std::string_view piece) {
    Vector& child = writer.Reserve(1);
    child.data<StringView>()[writer.size()] = child.AddString(piece);
    writer.Advance(1);
  };
  for (idx_t i = 0; i < args.size(); ++i) {
    if (in.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    std::string_view text = in.String(0, i);
    idx_t start = writer.size();
    size_t last = 0;
    MatchIterator matches(source.Get(in.String(1, i)), text, 0, 0, scratch);
    while (matches.Next()) {
      append(text.substr(last, matches.begin() - last));
      last = matches.end();
    }
    append(text.substr(last));
    writer.EndRow(i, start);
  }
  writer.Finish();
}

// ----- regexp_replace ----------------------------------------------------------------------------

/// A replacement string in Java's syntax: `$n` and `${name}` insert groups, `\x` is a literal x.
class Replacement {
 public:
  void Parse(std::string_view text, const RE2& regex) {
    parts_.clear();
    literal_.clear();
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == '\\') {
        SB_USER_CHECK(i + 1 < text.size(), kInvalidParameter, "character to be escaped is missing");
        AddLiteral(text[++i]);
      } else if (c == '$') {
        SB_USER_CHECK(i + 1 < text.size(), kInvalidParameter,
                      "Illegal group reference: group index is missing");
        int group = -1;
        if (text[i + 1] == '{') {
          size_t close = text.find('}', i + 2);
          SB_USER_CHECK(close != std::string_view::npos, kInvalidParameter,
                        "named capturing group is missing trailing '}}'");
          std::string name(text.substr(i + 2, close - i - 2));
          auto it = regex.NamedCapturingGroups().find(name);
          SB_USER_CHECK(it != regex.NamedCapturingGroups().end(), kInvalidParameter,
                        "No group with name {{{}}}", name);
          group = it->second;
          i = close;
        } else {
          SB_USER_CHECK(std::isdigit(static_cast<unsigned char>(text[i + 1])), kInvalidParameter,
                        "Illegal group reference");
          group = text[++i] - '0';
          // Further digits extend the number while it stays a valid group (Java's rule).
          while (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
                 group * 10 + (text[i + 1] - '0') <= regex.NumberOfCapturingGroups()) {
            group = group * 10 + (text[++i] - '0');
          }
          SB_USER_CHECK(group <= regex.NumberOfCapturingGroups(), kInvalidParameter, "No group {}",
                        group);
        }
        FlushLiteral();
        parts_.push_back(Part{group, {}});
      } else {
        AddLiteral(c);
      }
    }
    FlushLiteral();
  }

  int MaxGroup() const {
    int max = 0;
    for (const Part& part : parts_) max = std::max(max, part.group);
    return max;
  }

  void AppendTo(std::string& out, const MatchIterator& match) const {
    for (const Part& part : parts_) {
      if (part.group < 0) {
        out.append(part.literal);
      } else if (const StringPiece& g = match.group(part.group); g.data()) {
        out.append(g.data(), g.size());
      }
    }
  }

 private:
  struct Part {
    int group;  // -1 for literal text
    std::string literal;
  };
  void AddLiteral(char c) { literal_.push_back(c); }
  void FlushLiteral() {
    if (!literal_.empty()) parts_.push_back(Part{-1, literal_});
    literal_.clear();
  }

  std::vector<Part> parts_;
  std::string literal_;
};

/// Calls `emit(match)` for each match and copies the text between matches into `out`.
template <typename Emit>
void ReplaceMatches(std::string& out, const RE2& regex, std::string_view text, int groups,
                    std::vector<StringPiece>& scratch, Emit&& emit) {
  MatchIterator matches(regex, text, 0, groups, scratch);
  size_t last = 0;
  while (matches.Next()) {
    out.append(text.substr(last, matches.begin() - last));
    emit(matches);
    last = matches.end();
  }
  out.append(text.substr(last));
}

void RegexpReplaceKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  RegexSource source(context.bind_data);
  std::vector<StringPiece> scratch;
  ArgumentRows in(args);
  bool has_replacement = args.ColumnCount() > 2;
  Replacement replacement;
  std::string parsed_text, buffer;
  const RE2* parsed_for = nullptr;
  StringView* out = result.data<StringView>();
  for (idx_t i = 0; i < args.size(); ++i) {
    if (in.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    const RE2& regex = source.Get(in.String(1, i));
    std::string_view replacement_text = has_replacement ? in.String(2, i) : std::string_view();
    if (parsed_for != &regex || replacement_text != parsed_text) {
      replacement.Parse(replacement_text, regex);
      parsed_text.assign(replacement_text);
      parsed_for = &regex;
    }
    buffer.clear();
    ReplaceMatches(buffer, regex, in.String(0, i), replacement.MaxGroup(), scratch,
                   [&](const MatchIterator& match) { replacement.AppendTo(buffer, match); });
    out[i] = result.AddString(buffer);
  }
}

// regexp_replace(string, pattern, function): the lambda gets each match's groups as an array and
// returns its replacement. All matches of the batch are evaluated in one lambda call.
void RegexpReplaceLambdaKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  RegexSource source(context.bind_data);
  std::vector<StringPiece> scratch;
  ArgumentRows in(args, 2);  // argument 2 is the lambda's placeholder
  idx_t count = args.size();
  // First the groups of every match (pointing into the input strings), then one array per match.
  std::vector<StringPiece> pieces;
  std::vector<sel_t> owners;
  std::vector<size_t> first_piece;
  for (idx_t i = 0; i < count; ++i) {
    if (in.AnyNull(i)) continue;
    const RE2& regex = source.Get(in.String(1, i));
    int n = regex.NumberOfCapturingGroups();
    MatchIterator matches(regex, in.String(0, i), 0, n, scratch);
    while (matches.Next()) {
      owners.push_back(static_cast<sel_t>(i));
      first_piece.push_back(pieces.size());
      for (int g = 1; g <= n; ++g) pieces.push_back(matches.group(g));
    }
  }
  first_piece.push_back(pieces.size());
  Vector groups(LogicalType::Array(LogicalType::Varchar()), std::max<idx_t>(owners.size(), 1));
  ListWriter writer(groups);
  Vector& elements = writer.Reserve(pieces.size());
  for (size_t p = 0; p < pieces.size(); ++p) {
    if (pieces[p].data()) {
      elements.data<StringView>()[p] =
          elements.AddString(std::string_view(pieces[p].data(), pieces[p].size()));
    } else {
      elements.SetNull(p);
    }
  }
  writer.Advance(pieces.size());
  for (size_t m = 0; m < owners.size(); ++m) {
    groups.data<ListEntry>()[m] =
        ListEntry{static_cast<uint32_t>(first_piece[m]),
                  static_cast<uint32_t>(first_piece[m + 1] - first_piece[m])};
  }
  writer.Finish();
  Vector replacements(LogicalType::Varchar(), std::max<idx_t>(owners.size(), 1));
  if (!owners.empty()) {
    SelectionVector outer(owners.data());
    context.lambdas->Evaluate(2, {groups}, outer, owners.size(), replacements);
  }
  UnifiedFormat replaced;
  replacements.ToUnifiedFormat(owners.size(), replaced);
  idx_t next = 0;
  std::string buffer;
  StringView* out = result.data<StringView>();
  for (idx_t i = 0; i < count; ++i) {
    if (in.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    buffer.clear();
    ReplaceMatches(buffer, source.Get(in.String(1, i)), in.String(0, i), 0, scratch,
                   [&](const MatchIterator&) {
                     idx_t index = replaced.sel->get_index(next++);
                     if (replaced.validity->RowIsValid(index))
                       buffer.append(replaced.GetData<StringView>()[index].view());
                   });
    out[i] = result.AddString(buffer);
  }
}

// regexp_replace(string, pattern, replacement | function): one overload serves both forms, as the
// lambda's type (its body's) is varchar too; the executor passes an evaluator only for lambdas.
void RegexpReplaceThreeKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  if (context.lambdas) {
    RegexpReplaceLambdaKernel(args, context, result);
  } else {
    RegexpReplaceKernel(args, context, result);
  }
}

/// A regexp_* overload: a constant pattern compiles once, at bind time.
ScalarFunction Make(const char* name, std::vector<LogicalType> arguments, LogicalType return_type,
                    ScalarKernel kernel, FunctionDoc doc) {
  ScalarFunction function =
      SimpleScalar(name, std::move(arguments), std::move(return_type), kernel, std::move(doc));
  function.bind = BindRegex;
  return function;
}

}  // namespace

void RegisterRegexFunctions(FunctionRegistry& registry) {
  const LogicalType v = LogicalType::Varchar();
  const LogicalType b = TypeId::kBigint;
  const LogicalType array = LogicalType::Array(v);
  registry.AddScalar(Make("regexp_like", {v, v}, TypeId::kBoolean, RegexpLikeKernel,
                          {"regexp_like(string, pattern) -> boolean",
                           "Whether the pattern matches anywhere in the string (RE2 syntax).",
                           "regexp_like('1a 2b 14m', '\\d+b') -> true"}));
  registry.AddScalar(Make(
      "regexp_extract", {v, v}, v, RegexpExtractKernel,
      {"regexp_extract(string, pattern) -> varchar",
       "The first match of the pattern, or its capturing group `group`; NULL when nothing matches.",
       "regexp_extract('1a 2b 14m', '(\\d+)([a-z]+)', 2) -> 'a'"}));
  registry.AddScalar(Make("regexp_extract", {v, v, b}, v, RegexpExtractKernel,
                          {"regexp_extract(string, pattern, group) -> varchar"}));
  registry.AddScalar(Make("regexp_extract_all", {v, v}, array, RegexpExtractAllKernel,
                          {"regexp_extract_all(string, pattern) -> array(varchar)",
                           "Every match of the pattern (or of its capturing group `group`).",
                           "regexp_extract_all('1a 2b 14m', '\\d+') -> ARRAY['1', '2', '14']"}));
  registry.AddScalar(Make("regexp_extract_all", {v, v, b}, array, RegexpExtractAllKernel,
                          {"regexp_extract_all(string, pattern, group) -> array(varchar)"}));
  registry.AddScalar(Make(
      "regexp_replace", {v, v}, v, RegexpReplaceKernel,
      {"regexp_replace(string, pattern) -> varchar",
       "Replaces every match with `replacement`, where $n and ${name} insert capturing groups and "
       "\\ escapes; without it, removes the matches; with a lambda, replaces each match with the "
       "lambda's result for the array of its groups.",
       "regexp_replace('1a 2b 14m', '(\\d+)([ab]) ', '3c$2 ') -> '3ca 3cb 14m'"}));
  {
    ScalarFunction three =
        Make("regexp_replace", {v, v, LogicalType()}, v, RegexpReplaceThreeKernel,
             {"regexp_replace(string, pattern, replacement | function(array(varchar), varchar)) -> "
              "varchar"});
    three.lambda_arguments = {{2, 1}};
    three.lambda_parameter_types = [](idx_t, const std::vector<LogicalType>&) {
      return std::vector<LogicalType>{LogicalType::Array(LogicalType::Varchar())};
    };
    three.bind = [](ScalarFunction& function, const std::vector<LogicalType>& types,
                    const std::vector<std::optional<Value>>& constants) {
      CheckArgumentType(types[2].IsString() || types[2].id() == TypeId::kUnknown, function.name,
                        types[2], "a varchar replacement or a lambda returning varchar");
      function.arguments[2] = LogicalType::Varchar();
      return BindRegex(function, types, constants);
    };
    registry.AddScalar(std::move(three));
  }
  registry.AddScalar(
      Make("regexp_split", {v, v}, array, RegexpSplitKernel,
           {"regexp_split(string, pattern) -> array(varchar)",
            "Splits the string at every match of the pattern (trailing empty parts are kept).",
            "regexp_split('1a 2b 14m', '\\s*[a-z]+\\s*') -> ARRAY['1', '2', '14', '']"}));
  registry.AddScalar(
      Make("regexp_count", {v, v}, b, RegexpCountKernel,
           {"regexp_count(string, pattern) -> bigint", "Number of matches of the pattern.",
            "regexp_count('1a 2b 14m', '\\s*[a-z]+\\s*') -> 3"}));
  registry.AddScalar(
      Make("regexp_position", {v, v}, TypeId::kInteger, RegexpPositionKernel,
           {"regexp_position(string, pattern) -> integer",
            "Position (1-based) of the first match, or of the `occurrence`-th match at or after "
            "`start`; -1 when there is none.",
            "regexp_position('I have 23 apples, 5 pears', '\\d+', 1, 2) -> 19"}));
  registry.AddScalar(Make("regexp_position", {v, v, b}, TypeId::kInteger, RegexpPositionKernel,
                          {"regexp_position(string, pattern, start) -> integer"}));
  registry.AddScalar(Make("regexp_position", {v, v, b, b}, TypeId::kInteger, RegexpPositionKernel,
                          {"regexp_position(string, pattern, start, occurrence) -> integer"}));
}

}  // namespace switchboard
