// Partition specs and sort orders, and the SQL forms of their fields.
#include "table/iceberg/partition_spec.h"

#include <charconv>

#include "common/string_util.h"

namespace switchboard::iceberg {

namespace {

/// "name(arg, arg)" split into the name and its arguments, or nullopt for a bare word.
struct Call {
  std::string name;
  std::vector<std::string> arguments;
};

/// Removes SQL identifier quoting ("col" or `col`); unquoted names are lower-cased.
std::string Unquote(std::string_view text) {
  text = TrimWhitespace(text);
  if (text.size() >= 2 && ((text.front() == '"' && text.back() == '"') || (text.front() == '`' && text.back() == '`'))) {
    return std::string(text.substr(1, text.size() - 2));
  }
  return ToLower(text);
}

std::optional<Call> ParseCall(std::string_view text) {
  text = TrimWhitespace(text);
  size_t open = text.find('(');
  if (open == std::string_view::npos || text.back() != ')') return std::nullopt;
  Call call;
  call.name = ToLower(TrimWhitespace(text.substr(0, open)));
  for (std::string_view argument : Split(text.substr(open + 1, text.size() - open - 2), ',')) {
    call.arguments.emplace_back(TrimWhitespace(argument));
  }
  return call;
}

std::optional<int32_t> ParseCount(std::string_view text) {
  int32_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

Result<const NestedField*> FindColumn(std::string_view name, const Schema& schema) {
  std::string column = Unquote(name);
  const NestedField* field = schema.FindTopLevel(column);
  if (!field) {
    std::vector<std::string> names;
    for (const auto& f : schema.fields()) names.push_back(f.name);
    return Error{ErrorCode::kUndefinedColumn,
                 fmt::format("Column '{}' does not exist{}", column, DidYouMean(column, names))};
  }
  return field;
}

}  // namespace

bool PartitionSpec::IsUnpartitioned() const {
  for (const auto& field : fields) {
    if (field.transform.kind != Transform::Kind::kVoid) return false;
  }
  return true;
}

bool PartitionSpec::IsCompatible(const PartitionSpec& other) const {
  if (fields.size() != other.fields.size()) return false;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].source_id != other.fields[i].source_id || !(fields[i].transform == other.fields[i].transform) ||
        fields[i].name != other.fields[i].name) {
      return false;
    }
  }
  return true;
}

TypePtr PartitionSpec::PartitionType(const Schema& schema) const {
  std::vector<NestedField> struct_fields;
  for (const auto& field : fields) {
    NestedField out;
    out.id = field.field_id;
    out.name = field.name;
    const NestedField* source = schema.FindField(field.source_id);
    Result<TypePtr> type = source ? field.transform.ResultType(source->type)
                                  : Result<TypePtr>(Error{ErrorCode::kUndefinedColumn, ""});
    out.type = type.ok() ? *type : Type::Primitive(TypeKind::kUnknown);
    struct_fields.push_back(std::move(out));
  }
  return Type::Struct(std::move(struct_fields));
}

std::vector<std::string> PartitionSpec::ToSql(const Schema& schema) const {
  std::vector<std::string> parts;
  for (const auto& field : fields) {
    if (field.transform.kind == Transform::Kind::kVoid) continue;
    const NestedField* source = schema.FindField(field.source_id);
    std::string column = source ? source->name : fmt::format("#{}", field.source_id);
    const Transform& t = field.transform;
    switch (t.kind) {
      case Transform::Kind::kIdentity: parts.push_back(column); break;
      case Transform::Kind::kBucket: parts.push_back(fmt::format("bucket({}, {})", t.parameter, column)); break;
      case Transform::Kind::kTruncate: parts.push_back(fmt::format("truncate({}, {})", t.parameter, column)); break;
      case Transform::Kind::kYear: parts.push_back(fmt::format("years({})", column)); break;
      case Transform::Kind::kMonth: parts.push_back(fmt::format("months({})", column)); break;
      case Transform::Kind::kDay: parts.push_back(fmt::format("days({})", column)); break;
      case Transform::Kind::kHour: parts.push_back(fmt::format("hours({})", column)); break;
      case Transform::Kind::kVoid: break;
      case Transform::Kind::kUnknown: parts.push_back(fmt::format("{}({})", t.text, column)); break;
    }
  }
  return parts;
}

Result<PartitionField> ParsePartitionField(std::string_view text, const Schema& schema) {
  PartitionField field;
  std::optional<Call> call = ParseCall(text);
  std::string_view column;
  if (!call) {
    column = text;
    field.transform = Transform::Identity();
  } else {
    const std::string& name = call->name;
    auto one_argument = [&](Transform::Kind kind, const char* transform_text) -> Result<std::string_view> {
      if (call->arguments.size() != 1) {
        return Error{ErrorCode::kInvalidParameter, fmt::format("{}() takes one column: {}", name, text)};
      }
      field.transform = Transform{kind, 0, transform_text};
      return std::string_view(call->arguments[0]);
    };
    auto counted = [&](Transform::Kind kind, const char* transform_name) -> Result<std::string_view> {
      if (call->arguments.size() != 2) {
        return Error{ErrorCode::kInvalidParameter, fmt::format("{}() takes a count and a column: {}", name, text)};
      }
      // Spark writes bucket(16, id); Trino writes bucket(id, 16).
      size_t count_index = ParseCount(call->arguments[0]) ? 0 : 1;
      std::optional<int32_t> count = ParseCount(call->arguments[count_index]);
      if (!count) {
        return Error{ErrorCode::kInvalidParameter, fmt::format("{}() needs a positive count: {}", name, text)};
      }
      field.transform = Transform{kind, *count, fmt::format("{}[{}]", transform_name, *count)};
      return std::string_view(call->arguments[1 - count_index]);
    };
    Result<std::string_view> argument = Error{ErrorCode::kInvalidParameter, ""};
    if (name == "identity") argument = one_argument(Transform::Kind::kIdentity, "identity");
    else if (name == "year" || name == "years") argument = one_argument(Transform::Kind::kYear, "year");
    else if (name == "month" || name == "months") argument = one_argument(Transform::Kind::kMonth, "month");
    else if (name == "day" || name == "days" || name == "date") argument = one_argument(Transform::Kind::kDay, "day");
    else if (name == "hour" || name == "hours" || name == "date_hour") argument = one_argument(Transform::Kind::kHour, "hour");
    else if (name == "void") argument = one_argument(Transform::Kind::kVoid, "void");
    else if (name == "bucket") argument = counted(Transform::Kind::kBucket, "bucket");
    else if (name == "truncate") argument = counted(Transform::Kind::kTruncate, "truncate");
    else {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("Unknown partition transform '{}' (expected identity, bucket, truncate, year, month, "
                               "day, hour or void)",
                               name)};
    }
    if (!argument.ok()) return std::move(argument).error();
    column = *argument;
  }
  SB_ASSIGN_OR_RETURN(const NestedField* source, FindColumn(column, schema));
  if (!source->type->IsPrimitive()) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("Column '{}' of type {} cannot be a partition source", source->name, source->type->ToString())};
  }
  SB_ASSIGN_OR_RETURN(TypePtr result, field.transform.ResultType(source->type));
  (void)result;
  field.source_id = source->id;
  field.name = DefaultPartitionFieldName(source->name, field.transform);
  return field;
}

Result<SortField> ParseSortField(std::string_view text, const Schema& schema) {
  std::string_view rest = TrimWhitespace(text);
  SortField field;
  // Peel trailing ASC/DESC and NULLS FIRST/LAST.
  auto ends_with_word = [&](std::string_view word) {
    std::string lower = ToLower(rest);
    if (lower.size() > word.size() && EndsWith(lower, word) && lower[lower.size() - word.size() - 1] == ' ') {
      rest = TrimWhitespace(rest.substr(0, rest.size() - word.size()));
      return true;
    }
    return false;
  };
  bool nulls_given = false;
  if (ends_with_word("nulls first")) {
    field.nulls_first = true;
    nulls_given = true;
  } else if (ends_with_word("nulls last")) {
    field.nulls_first = false;
    nulls_given = true;
  }
  if (ends_with_word("desc")) field.ascending = false;
  else ends_with_word("asc");
  if (!nulls_given) field.nulls_first = field.ascending;
  SB_ASSIGN_OR_RETURN(PartitionField source, ParsePartitionField(rest, schema));
  field.source_id = source.source_id;
  field.transform = source.transform;
  return field;
}

std::string DefaultPartitionFieldName(const std::string& column, const Transform& transform) {
  switch (transform.kind) {
    case Transform::Kind::kIdentity: return column;
    case Transform::Kind::kBucket: return fmt::format("{}_bucket_{}", column, transform.parameter);
    case Transform::Kind::kTruncate: return fmt::format("{}_trunc_{}", column, transform.parameter);
    case Transform::Kind::kYear: return column + "_year";
    case Transform::Kind::kMonth: return column + "_month";
    case Transform::Kind::kDay: return column + "_day";
    case Transform::Kind::kHour: return column + "_hour";
    case Transform::Kind::kVoid: return column + "_null";
    case Transform::Kind::kUnknown: return column + "_" + transform.text;
  }
  return column;
}

}  // namespace switchboard::iceberg
