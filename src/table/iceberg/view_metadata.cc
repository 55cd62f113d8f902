// Iceberg view metadata files.
#include "table/iceberg/view_metadata.h"

#include "common/json_writer.h"
#include "table/iceberg/json_internal.h"
#include "table/iceberg/table_commit.h"
#include "table/iceberg/table_metadata.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {

std::string ViewMetadataJson(const ViewDefinition& view, const std::string& location) {
  std::vector<NestedField> fields;
  int32_t next_id = 1;
  for (size_t i = 0; i < view.column_names.size(); ++i) {
    NestedField field;
    field.id = next_id++;
    field.name = view.column_names[i];
    Result<TypePtr> type = i < view.column_types.size() ? FromLogicalType(view.column_types[i], next_id)
                                                        : Result<TypePtr>(Error{});
    field.type = type.ok() ? *type : Type::Primitive(TypeKind::kString);
    fields.push_back(std::move(field));
  }
  SchemaPtr schema = Schema::Make(0, std::move(fields)).ValueOrThrow();
  int64_t now = NowMillis();
  JsonWriter out;
  out.StartObject();
  out.Key("view-uuid");
  out.String(FormatUuid(RandomUuid()));
  out.Key("format-version");
  out.Int(1);
  out.Key("location");
  out.String(location);
  out.Key("current-version-id");
  out.Int(1);
  out.Key("properties");
  out.StartObject();
  if (!view.comment.empty()) {
    out.Key("comment");
    out.String(view.comment);
  }
  out.EndObject();
  out.Key("schemas");
  out.StartArray();
  out.Raw(SchemaToJson(*schema));
  out.EndArray();
  out.Key("versions");
  out.StartArray();
  out.StartObject();
  out.Key("version-id");
  out.Int(1);
  out.Key("timestamp-ms");
  out.Int(now);
  out.Key("schema-id");
  out.Int(0);
  out.Key("summary");
  out.StartObject();
  out.Key("engine-name");
  out.String("switchboard");
  out.EndObject();
  out.Key("default-catalog");
  out.String(view.default_catalog);
  out.Key("default-namespace");
  out.StartArray();
  out.String(view.default_namespace);
  out.EndArray();
  out.Key("representations");
  out.StartArray();
  out.StartObject();
  out.Key("type");
  out.String("sql");
  out.Key("sql");
  out.String(view.sql);
  out.Key("dialect");
  out.String(view.dialect);
  out.EndObject();
  out.EndArray();
  out.EndObject();
  out.EndArray();
  out.Key("version-log");
  out.StartArray();
  out.StartObject();
  out.Key("timestamp-ms");
  out.Int(now);
  out.Key("version-id");
  out.Int(1);
  out.EndObject();
  out.EndArray();
  out.EndObject();
  return out.Take();
}

Result<ViewDefinition> ParseViewMetadata(std::string_view text, std::string_view what) {
  json::Document document;
  SB_ASSIGN_OR_RETURN(json::Element root, document.Parse(text, what));
  ViewDefinition view;
  SB_ASSIGN_OR_RETURN(json::Element current, json::Required(root, "current-version-id", what));
  SB_ASSIGN_OR_RETURN(int64_t current_id, json::Int64(current, what));
  SB_ASSIGN_OR_RETURN(json::Element versions_element, json::Required(root, "versions", what));
  SB_ASSIGN_OR_RETURN(json::Array versions, json::AsArray(versions_element, what));
  std::optional<json::Element> version;
  for (json::Element candidate : versions) {
    auto id = json::Member(candidate, "version-id");
    if (id && id->is_int64() && id->get_int64().value_unsafe() == current_id) version = candidate;
  }
  if (!version) return json::Malformed(what, fmt::format("version {} is not among the versions", current_id));
  SB_ASSIGN_OR_RETURN(json::Element representations_element, json::Required(*version, "representations", what));
  SB_ASSIGN_OR_RETURN(json::Array representations, json::AsArray(representations_element, what));
  bool found = false;
  for (json::Element representation : representations) {
    auto sql = json::Member(representation, "sql");
    if (!sql) continue;
    SB_ASSIGN_OR_RETURN(std::string sql_text, json::String(*sql, what));
    std::string dialect;
    if (auto d = json::Member(representation, "dialect")) {
      SB_ASSIGN_OR_RETURN(dialect, json::String(*d, what));
    }
    if (!found || dialect == "trino") {
      view.sql = std::move(sql_text);
      view.dialect = std::move(dialect);
      found = true;
    }
  }
  if (!found) return json::Malformed(what, "the current version has no SQL representation");
  if (auto catalog = json::Member(*version, "default-catalog")) {
    SB_ASSIGN_OR_RETURN(view.default_catalog, json::String(*catalog, what));
  }
  if (auto space = json::Member(*version, "default-namespace")) {
    SB_ASSIGN_OR_RETURN(json::Array parts, json::AsArray(*space, what));
    std::vector<std::string> names;
    for (json::Element part : parts) {
      SB_ASSIGN_OR_RETURN(std::string name, json::String(part, what));
      names.push_back(std::move(name));
    }
    if (!names.empty()) view.default_namespace = names.back();
  }
  int64_t schema_id = 0;
  if (auto id = json::Member(*version, "schema-id")) {
    SB_ASSIGN_OR_RETURN(schema_id, json::Int64(*id, what));
  }
  if (auto schemas = json::Member(root, "schemas")) {
    SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(*schemas, what));
    for (json::Element schema : array) {
      auto id = json::Member(schema, "schema-id");
      if (id && id->is_int64() && id->get_int64().value_unsafe() != schema_id) continue;
      SB_ASSIGN_OR_RETURN(SchemaPtr parsed, ParseSchemaJson(simdjson::minify(schema), what));
      for (const NestedField& field : parsed->fields()) {
        view.column_names.push_back(field.name);
        Result<LogicalType> type = ToLogicalType(*field.type);
        view.column_types.push_back(type.ok() ? *type : LogicalType::Varchar());
      }
      break;
    }
  }
  if (auto properties = json::Member(root, "properties")) {
    if (auto comment = json::Member(*properties, "comment")) {
      SB_ASSIGN_OR_RETURN(view.comment, json::String(*comment, what));
    }
  }
  return view;
}

}  // namespace switchboard::iceberg
