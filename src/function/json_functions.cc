// JSON functions: json_parse/json_format, json_extract[_scalar] with JSONPath, array and size
// inspection, and Redshift's json_extract_path_text. Functions taking varchar JSON text return
// NULL for text that is not JSON; constant paths are compiled at bind time.
#include <charconv>
#include <mutex>

#include "common/error.h"
#include "function/bind_util.h"
#include "function/cast.h"
#include "function/function_registry.h"
#include "function/json_cast.h"
#include "function/json_path.h"
#include "function/json_util.h"
#include "function/nested_vector.h"
#include "function/scalar_executor.h"

namespace switchboard {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

/// A JSONPath known at bind time.
struct JsonPathData : FunctionData {
  explicit JsonPathData(JsonPath compiled) : path(std::move(compiled)) {}
  JsonPath path;
};

std::unique_ptr<FunctionData> BindJsonPath(ScalarFunction&, const std::vector<LogicalType>&,
                                           const std::vector<std::optional<Value>>& constants) {
  auto text = ConstantString(constants, 1);
  if (!text) return nullptr;
  return std::make_unique<JsonPathData>(JsonPath::Parse(*text));
}

/// The path of each row: the bound one, or the last one compiled while rows repeat it.
class JsonPathSource {
 public:
  explicit JsonPathSource(const FunctionData* bind_data)
      : bound_(bind_data ? &static_cast<const JsonPathData*>(bind_data)->path : nullptr) {}
  const JsonPath& Get(const StringView& text) {
    if (bound_) return *bound_;
    if (!last_ || text.view() != last_text_) {
      last_ = JsonPath::Parse(text.view());
      last_text_.assign(text.view());
    }
    return *last_;
  }

 private:
  const JsonPath* bound_;
  std::optional<JsonPath> last_;
  std::string last_text_;
};

// The text of a scalar as json_extract_scalar returns it; false for arrays, objects and null.
bool ScalarText(element value, std::string& out) {
  switch (value.type()) {
    case element_type::STRING:
      out.assign(value.get_string().value_unsafe());
      return true;
    case element_type::ARRAY:
    case element_type::OBJECT:
    case element_type::NULL_VALUE:
      return false;
    default:
      out.clear();
      AppendCanonicalJson(out, value);
      return true;
  }
}

// ----- json_parse, json_format, is_json_scalar -------------------------------------------------

void JsonParseKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView text) {
    auto root = ParseJson(text.view());
    if (!root)
      SB_THROW(kInvalidJson, "Cannot convert value to JSON: '{}'", text.view().substr(0, 200));
    buffer.clear();
    AppendCanonicalJson(buffer, *root);
    return result.AddString(buffer);
  });
}

void JsonFormatKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<StringView, StringView>(args.column(0), result, args.size(), [&](StringView json) {
    return result.AddString(json.view());
  });
}

void IsJsonScalarKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<StringView, bool>(args.column(0), result, args.size(), [](StringView text) {
    auto root = ParseJson(text.view());
    if (!root) SB_THROW(kInvalidJson, "Invalid JSON value: '{}'", text.view().substr(0, 200));
    return root->type() != element_type::ARRAY && root->type() != element_type::OBJECT;
  });
}

// ----- path functions ----------------------------------------------------------------------------

enum class Extract { kJson, kScalar, kSize };

template <Extract kMode>
void ExtractKernel(DataChunk& args, FunctionContext& context, Vector& result) {
  JsonPathSource paths(context.bind_data);
  std::vector<element> matches;
  std::string buffer;
  using R = std::conditional_t<kMode == Extract::kSize, int64_t, StringView>;
  ExecuteBinaryWithNulls<StringView, StringView, R>(
      args.column(0), args.column(1), result, args.size(),
      [&](StringView text, StringView path_text, ValidityMask& mask, idx_t row) -> R {
        const JsonPath& path = paths.Get(path_text);
        auto root = ParseJson(text.view());
        matches.clear();
        if (root) path.Select(*root, matches);
        if (matches.empty() || (kMode != Extract::kJson && path.has_wildcard())) {
          mask.SetInvalid(row);
          return R{};
        }
        if constexpr (kMode == Extract::kSize) {
          element value = matches[0];
          if (value.type() == element_type::ARRAY)
            return static_cast<int64_t>(AsArray(value).size());
          if (value.type() == element_type::OBJECT)
            return static_cast<int64_t>(AsObject(value).size());
          return 0;
        } else if constexpr (kMode == Extract::kScalar) {
          if (!ScalarText(matches[0], buffer)) {
            mask.SetInvalid(row);
            return R{};
          }
          return result.AddString(buffer);
        } else {
          buffer.clear();
          if (path.has_wildcard()) {
            buffer.push_back('[');
            for (size_t m = 0; m < matches.size(); ++m) {
              if (m > 0) buffer.push_back(',');
              AppendCanonicalJson(buffer, matches[m]);
            }
            buffer.push_back(']');
          } else {
            AppendCanonicalJson(buffer, matches[0]);
          }
          return result.AddString(buffer);
        }
      });
}

// ----- arrays ------------------------------------------------------------------------------------

void JsonArrayLengthKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnaryWithNulls<StringView, int64_t>(
      args.column(0), result, args.size(),
      [](StringView text, ValidityMask& mask, idx_t row) -> int64_t {
        auto root = ParseJson(text.view());
        if (!root || root->type() != element_type::ARRAY) {
          mask.SetInvalid(row);
          return 0;
        }
        return static_cast<int64_t>(AsArray(*root).size());
      });
}

void JsonArrayGetKernel(DataChunk& args, FunctionContext&, Vector& result) {
  std::string buffer;
  ExecuteBinaryWithNulls<StringView, int64_t, StringView>(
      args.column(0), args.column(1), result, args.size(),
      [&](StringView text, int64_t index, ValidityMask& mask, idx_t row) {
        auto root = ParseJson(text.view());
        if (root && root->type() == element_type::ARRAY) {
          auto array = AsArray(*root);
          int64_t size = static_cast<int64_t>(array.size());
          int64_t position = index < 0 ? size + index : index;
          element item;
          if (position >= 0 && position < size &&
              array.at(static_cast<size_t>(position)).get(item) == simdjson::SUCCESS) {
            buffer.clear();
            AppendCanonicalJson(buffer, item);
            return result.AddString(buffer);
          }
        }
        mask.SetInvalid(row);
        return StringView();
      });
}

// Whether a JSON array holds `needle`: booleans match booleans, bigints JSON integers, doubles
// any JSON number, and strings JSON strings.
template <typename T>
bool ElementMatches(element item, const T& needle) {
  if constexpr (std::is_same_v<T, bool>) {
    return item.type() == element_type::BOOL && item.get_bool().value_unsafe() == needle;
  } else if constexpr (std::is_same_v<T, int64_t>) {
    return item.type() == element_type::INT64 && item.get_int64().value_unsafe() == needle;
  } else if constexpr (std::is_same_v<T, double>) {
    return (item.type() == element_type::DOUBLE || item.type() == element_type::INT64 ||
            item.type() == element_type::UINT64) &&
           item.get_double().value_unsafe() == needle;
  } else {
    return item.type() == element_type::STRING && item.get_string().value_unsafe() == needle.view();
  }
}

template <typename T>
void JsonArrayContainsKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteBinaryWithNulls<StringView, T, bool>(
      args.column(0), args.column(1), result, args.size(),
      [](StringView text, T needle, ValidityMask& mask, idx_t row) {
        auto root = ParseJson(text.view());
        if (!root || root->type() != element_type::ARRAY) {
          mask.SetInvalid(row);
          return false;
        }
        for (element item : AsArray(*root)) {
          if (ElementMatches(item, needle)) return true;
        }
        return false;
      });
}

/// json_object_keys(json): the keys of a JSON object in document order (sorted for json values,
/// which are canonical); NULL for other values and for text that is not JSON.
void JsonObjectKeysKernel(DataChunk& args, FunctionContext&, Vector& result) {
  UnifiedFormat input;
  args.column(0).ToUnifiedFormat(args.size(), input);
  const StringView* texts = input.GetData<StringView>();
  ListWriter writer(result);
  for (idx_t i = 0; i < args.size(); ++i) {
    idx_t index = input.sel->get_index(i);
    std::optional<element> root;
    if (input.validity->RowIsValid(index)) root = ParseJson(texts[index].view());
    if (!root || root->type() != element_type::OBJECT) {
      result.SetNull(i);
      continue;
    }
    auto object = AsObject(*root);
    idx_t start = writer.size();
    Vector& child = writer.Reserve(object.size());
    StringView* keys = child.data<StringView>();
    idx_t written = 0;
    for (auto field : object) keys[start + written++] = child.AddString(field.key);
    writer.Advance(written);
    writer.EndRow(i, start);
  }
  writer.Finish();
}

// ----- Redshift ----------------------------------------------------------------------------------

/// json_extract_path_text(json_string, key1, key2, ... [, null_if_invalid]): keys (or array
/// positions) from the top; strings come back unquoted, other values as JSON text.
void JsonExtractPathTextKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t arity = args.ColumnCount();
  bool has_flag = args.column(arity - 1).type().id() == TypeId::kBoolean;
  idx_t keys = arity - 1 - (has_flag ? 1 : 0);
  std::vector<UnifiedFormat> formats(arity);
  for (idx_t a = 0; a < arity; ++a) args.column(a).ToUnifiedFormat(args.size(), formats[a]);
  auto valid = [&](idx_t a, idx_t i) { return formats[a].RowIsValid(i); };
  auto text_of = [&](idx_t a, idx_t i) {
    return formats[a].GetData<StringView>()[formats[a].sel->get_index(i)].view();
  };
  std::string buffer;
  StringView* out = result.data<StringView>();
  for (idx_t i = 0; i < args.size(); ++i) {
    bool null_if_invalid = has_flag && valid(arity - 1, i) &&
                           formats[arity - 1].GetData<bool>()[formats[arity - 1].sel->get_index(i)];
    bool any_null = false;
    for (idx_t a = 0; a <= keys; ++a) any_null = any_null || !valid(a, i);
    if (any_null) {
      result.SetNull(i);
      continue;
    }
    auto root = ParseJson(text_of(0, i));
    if (!root) {
      if (null_if_invalid) {
        result.SetNull(i);
        continue;
      }
      SB_THROW(kInvalidJson, "JSON parsing error: invalid JSON '{}'", text_of(0, i).substr(0, 200));
    }
    element current = *root;
    bool found = true;
    for (idx_t k = 1; k <= keys && found; ++k) {
      std::string_view key = text_of(k, i);
      element next;
      if (current.type() == element_type::OBJECT) {
        found = AsObject(current).at_key(key).get(next) == simdjson::SUCCESS;
      } else if (current.type() == element_type::ARRAY) {
        size_t position = 0;
        auto parsed = std::from_chars(key.data(), key.data() + key.size(), position);
        found = parsed.ec == std::errc() && parsed.ptr == key.data() + key.size() &&
                AsArray(current).at(position).get(next) == simdjson::SUCCESS;
      } else {
        found = false;
      }
      if (found) current = next;
    }
    if (!found || current.type() == element_type::NULL_VALUE) {
      result.SetNull(i);
      continue;
    }
    if (current.type() == element_type::STRING) {
      out[i] = result.AddString(current.get_string().value_unsafe());
    } else {
      buffer.clear();
      AppendCanonicalJson(buffer, current);
      out[i] = result.AddString(buffer);
    }
  }
}

std::unique_ptr<FunctionData> BindExtractPathText(ScalarFunction& function,
                                                  const std::vector<LogicalType>& types,
                                                  const std::vector<std::optional<Value>>&) {
  SB_USER_CHECK(types.size() >= 2, kTypeMismatch,
                "json_extract_path_text needs a JSON string and at least one path element");
  function.arguments.clear();
  for (size_t a = 0; a < types.size(); ++a) {
    bool flag = a + 1 == types.size() && a >= 2 && types[a].id() == TypeId::kBoolean;
    CheckArgumentType(flag || types[a].IsString() || types[a].id() == TypeId::kJson ||
                          types[a].id() == TypeId::kUnknown,
                      function.name, types[a],
                      "varchar path elements and an optional boolean null_if_invalid");
    function.arguments.push_back(flag ? LogicalType(TypeId::kBoolean) : LogicalType::Varchar());
  }
  return nullptr;
}

}  // namespace

void RegisterJsonFunctions(FunctionRegistry& registry) {
  static std::once_flag casts_registered;
  std::call_once(casts_registered, [] { RegisterCastProvider(JsonCastKernel); });

  const LogicalType v = LogicalType::Varchar();
  const LogicalType json = TypeId::kJson;
  registry.AddScalar(ScalarFunction{
      .name = "json_parse",
      .arguments = {v},
      .return_type = json,
      .kernel = JsonParseKernel,
      .signature = "json_parse(string) -> json",
      .description = "Parses JSON text into a json value (canonical: compact, object keys "
                     "sorted). Unlike CAST(string AS JSON), which makes a JSON string.",
      .example =
          "json_parse('{\"b\": [1, 2.50], \"a\": null}') -> JSON '{\"a\":null,\"b\":[1,2.5]}'"});
  registry.AddScalar(ScalarFunction{.name = "json_format",
                                    .arguments = {json},
                                    .return_type = v,
                                    .kernel = JsonFormatKernel,
                                    .signature = "json_format(json) -> varchar",
                                    .description = "The JSON text of a json value.",
                                    .example = "json_format(JSON '[1,2]') -> '[1,2]'"});
  for (const LogicalType& input : {json, v}) {
    bool first = input.id() == TypeId::kJson;
    registry.AddScalar(ScalarFunction{
        .name = "json_extract",
        .arguments = {input, v},
        .return_type = json,
        .kernel = ExtractKernel<Extract::kJson>,
        .bind = BindJsonPath,
        .signature = first ? "json_extract(json, json_path) -> json"
                           : "json_extract(varchar, json_path) -> json",
        .description = first ? "The value at a JSONPath ($, .key, [\"key\"], [index]; [*] and .* "
                               "collect every match "
                               "into an array); NULL when absent or when the text is not JSON."
                             : "",
        .example =
            first ? "json_extract('{\"contacts\": [{\"id\": 7}]}', '$.contacts[0].id') -> JSON '7'"
                  : ""});
    registry.AddScalar(ScalarFunction{
        .name = "json_extract_scalar",
        .arguments = {input, v},
        .return_type = v,
        .kernel = ExtractKernel<Extract::kScalar>,
        .bind = BindJsonPath,
        .signature = first ? "json_extract_scalar(json, json_path) -> varchar"
                           : "json_extract_scalar(varchar, json_path) -> varchar",
        .description = first ? "The scalar at a JSONPath as text (strings unquoted); NULL for "
                               "arrays, objects, JSON null "
                               "and missing values."
                             : "",
        .example =
            first
                ? "json_extract_scalar('{\"agent\": {\"name\": \"Ana\"}}', '$.agent.name') -> 'Ana'"
                : ""});
    registry.AddScalar(ScalarFunction{
        .name = "json_size",
        .arguments = {input, v},
        .return_type = TypeId::kBigint,
        .kernel = ExtractKernel<Extract::kSize>,
        .bind = BindJsonPath,
        .signature = first ? "json_size(json, json_path) -> bigint"
                           : "json_size(varchar, json_path) -> bigint",
        .description =
            first ? "The number of elements or fields of the value at a JSONPath (0 for scalars)."
                  : "",
        .example = first ? "json_size('{\"x\": {\"a\": 1, \"b\": 2}}', '$.x') -> 2" : ""});
    registry.AddScalar(ScalarFunction{
        .name = "json_array_length",
        .arguments = {input},
        .return_type = TypeId::kBigint,
        .kernel = JsonArrayLengthKernel,
        .signature =
            first ? "json_array_length(json) -> bigint" : "json_array_length(varchar) -> bigint",
        .description = first ? "The length of a JSON array; NULL for other values." : "",
        .example = first ? "json_array_length('[1, 2, 3]') -> 3" : ""});
    registry.AddScalar(ScalarFunction{
        .name = "json_array_get",
        .arguments = {input, TypeId::kBigint},
        .return_type = json,
        .kernel = JsonArrayGetKernel,
        .signature = first ? "json_array_get(json_array, index) -> json"
                           : "json_array_get(varchar, index) -> json",
        .description = first ? "The element at a 0-based index (negative counts from the end); "
                               "NULL when out of range."
                             : "",
        .example = first ? "json_array_get('[\"a\", [3, 9], \"c\"]', -1) -> JSON '\"c\"'" : ""});
    registry.AddScalar(ScalarFunction{
        .name = "json_object_keys",
        .arguments = {input},
        .return_type = LogicalType::Array(v),
        .kernel = JsonObjectKeysKernel,
        .signature = first ? "json_object_keys(json) -> array(varchar)"
                           : "json_object_keys(varchar) -> array(varchar)",
        .description =
            first ? "Spark's JSON_OBJECT_KEYS: the keys of a JSON object (in document order; json "
                    "values "
                    "keep their keys sorted); NULL for other values and for text that is not JSON."
                  : "",
        .example =
            first ? "json_object_keys('{\"b\": 1, \"a\": {\"c\": 2}}') -> ARRAY['b', 'a']" : ""});
    registry.AddScalar(ScalarFunction{
        .name = "is_json_scalar",
        .arguments = {input},
        .return_type = TypeId::kBoolean,
        .kernel = IsJsonScalarKernel,
        .signature =
            first ? "is_json_scalar(json) -> boolean" : "is_json_scalar(varchar) -> boolean",
        .description = first ? "Whether the JSON value is a number, string, boolean or null." : "",
        .example = first ? "is_json_scalar('[1, 2]') -> false" : ""});
    auto contains = [&](LogicalType needle, ScalarKernel kernel, bool documented) {
      registry.AddScalar(ScalarFunction{
          .name = "json_array_contains",
          .arguments = {input, std::move(needle)},
          .return_type = TypeId::kBoolean,
          .kernel = kernel,
          .signature = documented ? "json_array_contains(json, value) -> boolean" : "",
          .description = documented ? "Whether a JSON array contains the value (a boolean, bigint, "
                                      "double or varchar)."
                                    : "",
          .example = documented ? "json_array_contains('[1, 2, 3]', 2) -> true" : ""});
    };
    contains(TypeId::kBigint, JsonArrayContainsKernel<int64_t>, first);
    contains(TypeId::kDouble, JsonArrayContainsKernel<double>, false);
    contains(TypeId::kBoolean, JsonArrayContainsKernel<bool>, false);
    contains(v, JsonArrayContainsKernel<StringView>, false);
  }
  registry.AddScalar(ScalarFunction{
      .name = "json_extract_path_text",
      .arguments = {LogicalType(), LogicalType()},
      .varargs = LogicalType(),
      .return_type = v,
      .kernel = JsonExtractPathTextKernel,
      .bind = BindExtractPathText,
      .signature =
          "json_extract_path_text(json_string, key1 [, key2, ...] [, null_if_invalid]) -> varchar",
      .description = "Redshift's JSON_EXTRACT_PATH_TEXT: the value under a series of keys "
                     "(or array positions), strings unquoted; NULL when a key is absent. "
                     "Invalid JSON raises an error unless null_if_invalid is true.",
      .example = "json_extract_path_text('{\"f4\": {\"f6\": \"star\"}}', 'f4', 'f6') -> 'star'"});
}

}  // namespace switchboard
