// Type name normalization and SQL printing.
#include "sql/parser/ast/type_name.h"

#include <array>
#include <utility>

#include "common/string_util.h"

namespace switchboard::ast {

namespace {

constexpr std::string_view kWithTimeZone = " with time zone";

// One-word spellings that differ from their normalized name; everything else is lower-cased.
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kTypeAliases = {{
    {"int", "integer"},
    {"int4", "integer"},
    {"long", "bigint"},
    {"int8", "bigint"},
    {"short", "smallint"},
    {"int2", "smallint"},
    {"byte", "tinyint"},
    {"int1", "tinyint"},
    {"bool", "boolean"},
    {"float4", "real"},
    {"float", "real"},
    {"float8", "double"},
    {"dec", "decimal"},
    {"numeric", "decimal"},
    {"number", "decimal"},
    {"string", "varchar"},
    {"text", "varchar"},
    {"nvarchar", "varchar"},
    {"character", "char"},
    {"nchar", "char"},
    {"binary", "varbinary"},
    {"blob", "varbinary"},
    {"bytea", "varbinary"},
    {"timetz", "time with time zone"},
    {"timestamp_ntz", "timestamp"},
    {"datetime", "timestamp"},
    {"timestamptz", "timestamp with time zone"},
    {"timestamp_tz", "timestamp with time zone"},
    {"timestamp_ltz", "timestamp with time zone"},
    {"struct", "row"},
}};

}  // namespace

std::string NormalizeTypeWord(std::string_view word) {
  std::string lower = ToLower(word);
  for (const auto& [alias, name] : kTypeAliases) {
    if (lower == alias) return std::string(name);
  }
  return lower;
}

std::string TypeName::ToString() const {
  std::string params_text;
  if (!params.empty()) {
    params_text = "(";
    for (size_t i = 0; i < params.size(); ++i) {
      if (i > 0) params_text += ", ";
      params_text += params[i].ToString();
    }
    params_text += ")";
  }
  // Precision goes before the suffix: timestamp(3) with time zone.
  if (EndsWith(name, kWithTimeZone)) {
    return name.substr(0, name.size() - kWithTimeZone.size()) + params_text +
           std::string(kWithTimeZone);
  }
  return name + params_text;
}

std::string TypeParam::ToString() const {
  switch (kind) {
    case Kind::kNumber:
      return std::to_string(number);
    case Kind::kType:
      return type.ToString();
    case Kind::kField:
      return field_name.ToString() + " " + type.ToString();
  }
  return {};
}

}  // namespace switchboard::ast
