// LIKE and ILIKE pattern matching with Trino's rules: `%` matches any sequence, `_` one
// character, and an optional single-character ESCAPE. Constant patterns are compiled at bind time.
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "function/bind_util.h"
#include "function/function_registry.h"
#include "function/scalar_executor.h"
#include "function/utf8.h"

namespace switchboard {

namespace {

/// A compiled LIKE pattern. Compile() may be called again to reuse the allocations.
class LikeMatcher {
 public:
  /// Compiles `pattern`; throws kInvalidParameter for a bad escape. Case-insensitive matchers
  /// expect lower-cased text.
  void Compile(std::string_view pattern, std::optional<std::string_view> escape,
               bool case_insensitive) {
    std::optional<char32_t> escape_char;
    if (escape) {
      size_t offset = 0;
      SB_USER_CHECK(!escape->empty(), kInvalidParameter,
                    "Escape string must be a single character");
      escape_char = utf8::Decode(*escape, offset);
      SB_USER_CHECK(offset == escape->size(), kInvalidParameter,
                    "Escape string must be a single character");
      if (case_insensitive) {
        lowered_.clear();
        utf8::AppendCaseMapped(lowered_, *escape, false, scratch_);
        offset = 0;
        escape_char = utf8::Decode(lowered_, offset);
      }
    }
    std::string_view source = pattern;
    if (case_insensitive) {
      lowered_.clear();
      utf8::AppendCaseMapped(lowered_, pattern, false, scratch_);
      source = lowered_;
    }
    literals_.clear();
    tokens_.clear();
    for (size_t offset = 0; offset < source.size();) {
      size_t start = offset;
      char32_t c = utf8::Decode(source, offset);
      if (escape_char && c == *escape_char) {
        SB_USER_CHECK(
            offset < source.size(), kInvalidParameter,
            "Escape character must be followed by '%', '_' or the escape character itself");
        size_t escaped_start = offset;
        char32_t escaped = utf8::Decode(source, offset);
        SB_USER_CHECK(
            escaped == '%' || escaped == '_' || escaped == *escape_char, kInvalidParameter,
            "Escape character must be followed by '%', '_' or the escape character itself");
        AppendLiteral(source.substr(escaped_start, offset - escaped_start));
      } else if (c == '%') {
        if (tokens_.empty() || tokens_.back().kind != Token::kAnySequence)
          tokens_.push_back({Token::kAnySequence, 0, 0});
      } else if (c == '_') {
        tokens_.push_back({Token::kAnyOne, 0, 0});
      } else {
        AppendLiteral(source.substr(start, offset - start));
      }
    }
    Classify();
  }

  bool Matches(std::string_view text) const {
    switch (shape_) {
      case Shape::kExact:
        return text == Literal(0);
      case Shape::kPrefix:
        return text.substr(0, Literal(0).size()) == Literal(0);
      case Shape::kSuffix:
        return text.size() >= Literal(1).size() &&
               text.substr(text.size() - Literal(1).size()) == Literal(1);
      case Shape::kContains:
        return text.find(Literal(1)) != std::string_view::npos;
      case Shape::kAny:
        return true;
      case Shape::kGeneral:
        return MatchGeneral(text);
    }
    return false;
  }

 private:
  struct Token {
    enum Kind : uint8_t { kLiteral, kAnyOne, kAnySequence } kind;
    uint32_t offset;  // into literals_
    uint32_t length;
  };
  enum class Shape { kExact, kPrefix, kSuffix, kContains, kAny, kGeneral };

  void AppendLiteral(std::string_view bytes) {
    if (tokens_.empty() || tokens_.back().kind != Token::kLiteral) {
      tokens_.push_back({Token::kLiteral, static_cast<uint32_t>(literals_.size()), 0});
    }
    literals_.append(bytes);
    tokens_.back().length += static_cast<uint32_t>(bytes.size());
  }

  std::string_view LiteralOf(const Token& token) const {
    return std::string_view(literals_).substr(token.offset, token.length);
  }
  // The literal of token `index`, for the fixed shapes.
  std::string_view Literal(size_t index) const {
    return index < tokens_.size() ? LiteralOf(tokens_[index]) : "";
  }

  void Classify() {
    auto is = [&](size_t i, Token::Kind kind) {
      return i < tokens_.size() && tokens_[i].kind == kind;
    };
    size_t n = tokens_.size();
    if (n == 0 || (n == 1 && is(0, Token::kLiteral))) {
      shape_ = Shape::kExact;
    } else if (n == 1 && is(0, Token::kAnySequence)) {
      shape_ = Shape::kAny;
    } else if (n == 2 && is(0, Token::kLiteral) && is(1, Token::kAnySequence)) {
      shape_ = Shape::kPrefix;
    } else if (n == 2 && is(0, Token::kAnySequence) && is(1, Token::kLiteral)) {
      shape_ = Shape::kSuffix;
    } else if (n == 3 && is(0, Token::kAnySequence) && is(1, Token::kLiteral) &&
               is(2, Token::kAnySequence)) {
      shape_ = Shape::kContains;
    } else {
      shape_ = Shape::kGeneral;
    }
  }

  // Greedy matching that backtracks to the last `%` only, which is exact for LIKE patterns.
  bool MatchGeneral(std::string_view text) const {
    size_t t = 0, p = 0;
    size_t star_p = SIZE_MAX, star_t = 0;
    while (t < text.size() || (p < tokens_.size() && tokens_[p].kind == Token::kAnySequence)) {
      if (p < tokens_.size()) {
        const Token& token = tokens_[p];
        if (token.kind == Token::kAnySequence) {
          star_p = p++;
          star_t = t;
          continue;
        }
        if (t < text.size()) {
          if (token.kind == Token::kAnyOne) {
            t += std::min<size_t>(utf8::SequenceLength(static_cast<unsigned char>(text[t])),
                                  text.size() - t);
            ++p;
            continue;
          }
          std::string_view literal = LiteralOf(token);
          if (text.substr(t, literal.size()) == literal) {
            t += literal.size();
            ++p;
            continue;
          }
        }
      }
      if (star_p == SIZE_MAX || star_t >= text.size()) return false;
      star_t += std::min<size_t>(utf8::SequenceLength(static_cast<unsigned char>(text[star_t])),
                                 text.size() - star_t);
      t = star_t;
      p = star_p + 1;
    }
    return p == tokens_.size();
  }

  std::string literals_;
  std::vector<Token> tokens_;
  Shape shape_ = Shape::kExact;
  std::string lowered_;
  std::u32string scratch_;
};

/// A pattern (and escape) known at bind time, compiled once.
struct LikeData : FunctionData {
  LikeMatcher matcher;
};

template <bool kCaseInsensitive>
std::unique_ptr<FunctionData> BindLike(ScalarFunction& function,
                                       const std::vector<LogicalType>& types,
                                       const std::vector<std::optional<Value>>& constants) {
  auto pattern = ConstantString(constants, 1);
  if (!pattern) return nullptr;
  std::optional<std::string> escape;
  if (types.size() == 3) {
    escape = ConstantString(constants, 2);
    if (!escape) return nullptr;
  }
  auto data = std::make_unique<LikeData>();
  data->matcher.Compile(*pattern, escape ? std::optional<std::string_view>(*escape) : std::nullopt,
                        kCaseInsensitive);
  return data;
}

template <bool kCaseInsensitive>
void LikeKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  idx_t count = args.size();
  bool has_escape = args.ColumnCount() == 3;
  std::string lowered;
  std::u32string scratch;
  auto subject = [&](StringView text) -> std::string_view {
    if constexpr (!kCaseInsensitive) {
      return text.view();
    } else {
      lowered.clear();
      utf8::AppendCaseMapped(lowered, text.view(), false, scratch);
      return lowered;
    }
  };
  if (context.bind_data) {
    const LikeMatcher& matcher = static_cast<const LikeData&>(*context.bind_data).matcher;
    ExecuteUnary<StringView, bool>(args.column(0), result, count,
                                   [&](StringView text) { return matcher.Matches(subject(text)); });
    return;
  }
  // Patterns that vary by row: recompile only when the pattern or escape changes.
  UnifiedFormat values, patterns, escapes;
  args.column(0).ToUnifiedFormat(count, values);
  args.column(1).ToUnifiedFormat(count, patterns);
  if (has_escape) args.column(2).ToUnifiedFormat(count, escapes);
  LikeMatcher matcher;
  std::string last_pattern, last_escape;
  bool compiled = false;
  bool* out = result.data<bool>();
  for (idx_t i = 0; i < count; ++i) {
    idx_t vi = values.sel->get_index(i), pi = patterns.sel->get_index(i);
    idx_t ei = has_escape ? escapes.sel->get_index(i) : 0;
    if (!values.validity->RowIsValid(vi) || !patterns.validity->RowIsValid(pi) ||
        (has_escape && !escapes.validity->RowIsValid(ei))) {
      result.SetNull(i);
      continue;
    }
    std::string_view pattern = patterns.GetData<StringView>()[pi].view();
    std::string_view escape =
        has_escape ? escapes.GetData<StringView>()[ei].view() : std::string_view();
    if (!compiled || pattern != last_pattern || escape != last_escape) {
      matcher.Compile(pattern, has_escape ? std::optional<std::string_view>(escape) : std::nullopt,
                      kCaseInsensitive);
      last_pattern.assign(pattern);
      last_escape.assign(escape);
      compiled = true;
    }
    out[i] = matcher.Matches(subject(values.GetData<StringView>()[vi]));
  }
}

}  // namespace

void RegisterLikeFunctions(FunctionRegistry& registry) {
  const LogicalType v = LogicalType::Varchar();
  for (bool insensitive : {false, true}) {
    const char* name = insensitive ? "ilike" : "like";
    ScalarKernel kernel = insensitive ? LikeKernel<true> : LikeKernel<false>;
    ScalarBind bind = insensitive ? BindLike<true> : BindLike<false>;
    registry.AddScalar(ScalarFunction{
        .name = name,
        .arguments = {v, v},
        .return_type = TypeId::kBoolean,
        .kernel = kernel,
        .bind = bind,
        .signature =
            insensitive ? "ilike(value, pattern) -> boolean" : "like(value, pattern) -> boolean",
        .description =
            insensitive
                ? "value ILIKE pattern [ESCAPE escape]: LIKE ignoring case (Unicode lower case)."
                : "value LIKE pattern [ESCAPE escape]: whether the whole value matches the "
                  "pattern, where % matches any sequence, _ any one character, and the escape "
                  "character makes the next %, _ or escape literal.",
        .example = insensitive ? "'Agent_7' ILIKE 'agent%' -> true"
                               : "'South_America' LIKE 'South\\_%' ESCAPE '\\' -> true"});
    registry.AddScalar(
        ScalarFunction{.name = name,
                       .arguments = {v, v, v},
                       .return_type = TypeId::kBoolean,
                       .kernel = kernel,
                       .bind = bind,
                       .signature = insensitive ? "ilike(value, pattern, escape) -> boolean"
                                                : "like(value, pattern, escape) -> boolean"});
  }
}

}  // namespace switchboard
