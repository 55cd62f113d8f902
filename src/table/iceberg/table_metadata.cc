// Table metadata JSON (v1-v3): parsing with validation, and writing.
#include "table/iceberg/table_metadata.h"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "common/json_writer.h"
#include "common/string_util.h"
#include "table/iceberg/json_internal.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {

namespace {

using json::Element;

Result<TypePtr> ParseType(Element value, std::string_view what, int depth);

Result<NestedField> ParseField(Element object, std::string_view what, int depth) {
  NestedField field;
  SB_ASSIGN_OR_RETURN(Element id, json::Required(object, "id", what));
  SB_ASSIGN_OR_RETURN(field.id, json::Int32(id, what));
  SB_ASSIGN_OR_RETURN(Element name, json::Required(object, "name", what));
  SB_ASSIGN_OR_RETURN(field.name, json::String(name, what));
  if (auto required = json::Member(object, "required")) {
    SB_ASSIGN_OR_RETURN(field.required, json::Bool(*required, what));
  }
  SB_ASSIGN_OR_RETURN(Element type, json::Required(object, "type", what));
  std::string field_what = fmt::format("{}, field '{}'", what, field.name);
  SB_ASSIGN_OR_RETURN(field.type, ParseType(type, field_what, depth + 1));
  if (auto doc = json::Member(object, "doc")) {
    SB_ASSIGN_OR_RETURN(field.doc, json::String(*doc, field_what));
  }
  // Defaults of types without an engine counterpart are kept absent; such columns cannot be read.
  if (ToLogicalType(*field.type).ok()) {
    if (auto value = json::Member(object, "initial-default")) {
      SB_ASSIGN_OR_RETURN(field.initial_default, json::ParseValue(*value, *field.type, field_what));
    }
    if (auto value = json::Member(object, "write-default")) {
      SB_ASSIGN_OR_RETURN(field.write_default, json::ParseValue(*value, *field.type, field_what));
    }
  }
  return field;
}

Result<std::vector<NestedField>> ParseFields(Element object, std::string_view what, int depth) {
  SB_ASSIGN_OR_RETURN(Element fields_element, json::Required(object, "fields", what));
  SB_ASSIGN_OR_RETURN(json::Array fields, json::AsArray(fields_element, what));
  std::vector<NestedField> out;
  for (Element field : fields) {
    SB_ASSIGN_OR_RETURN(NestedField parsed, ParseField(field, what, depth));
    out.push_back(std::move(parsed));
  }
  return out;
}

Result<TypePtr> ParseType(Element value, std::string_view what, int depth) {
  if (depth > 64) return json::Malformed(what, "types nest too deeply");
  if (value.is_string()) {
    Result<TypePtr> type = ParsePrimitiveType(value.get_string().value_unsafe());
    if (!type.ok()) return json::Malformed(what, type.error().message);
    return type;
  }
  SB_ASSIGN_OR_RETURN(Element kind_element, json::Required(value, "type", what));
  SB_ASSIGN_OR_RETURN(std::string kind, json::String(kind_element, what));
  if (kind == "struct") {
    SB_ASSIGN_OR_RETURN(std::vector<NestedField> fields, ParseFields(value, what, depth));
    return Type::Struct(std::move(fields));
  }
  auto nested = [&](const char* id_key, const char* type_key, const char* required_key) -> Result<NestedField> {
    NestedField field;
    SB_ASSIGN_OR_RETURN(Element id, json::Required(value, id_key, what));
    SB_ASSIGN_OR_RETURN(field.id, json::Int32(id, what));
    SB_ASSIGN_OR_RETURN(Element type, json::Required(value, type_key, what));
    SB_ASSIGN_OR_RETURN(field.type, ParseType(type, what, depth + 1));
    if (required_key == nullptr) {
      field.required = true;
    } else if (auto required = json::Member(value, required_key)) {
      SB_ASSIGN_OR_RETURN(field.required, json::Bool(*required, what));
    }
    return field;
  };
  if (kind == "list") {
    SB_ASSIGN_OR_RETURN(NestedField element, nested("element-id", "element", "element-required"));
    return Type::List(std::move(element));
  }
  if (kind == "map") {
    SB_ASSIGN_OR_RETURN(NestedField key, nested("key-id", "key", nullptr));
    SB_ASSIGN_OR_RETURN(NestedField map_value, nested("value-id", "value", "value-required"));
    return Type::Map(std::move(key), std::move(map_value));
  }
  return json::Malformed(what, fmt::format("unknown type '{}'", kind));
}

Result<SchemaPtr> ParseSchema(Element value, std::optional<int32_t> default_id, std::string_view what) {
  int32_t schema_id = default_id.value_or(0);
  if (auto id = json::Member(value, "schema-id")) {
    SB_ASSIGN_OR_RETURN(schema_id, json::Int32(*id, what));
  }
  std::string schema_what = fmt::format("{}, schema {}", what, schema_id);
  SB_ASSIGN_OR_RETURN(std::vector<NestedField> fields, ParseFields(value, schema_what, 0));
  std::vector<int32_t> identifiers;
  if (auto ids = json::Member(value, "identifier-field-ids")) {
    SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(*ids, schema_what));
    for (Element id : array) {
      SB_ASSIGN_OR_RETURN(int32_t parsed, json::Int32(id, schema_what));
      identifiers.push_back(parsed);
    }
  }
  Result<SchemaPtr> schema = Schema::Make(schema_id, std::move(fields), std::move(identifiers));
  if (!schema.ok()) return json::Malformed(what, schema.error().message);
  return schema;
}

/// A spec's fields; v1 specs may lack field ids, which are then assigned from 1000 in order.
Result<std::vector<PartitionField>> ParseSpecFields(Element array_element, std::string_view what) {
  SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(array_element, what));
  std::vector<PartitionField> fields;
  for (Element field : array) {
    PartitionField parsed;
    if (auto source = json::Member(field, "source-id")) {
      SB_ASSIGN_OR_RETURN(parsed.source_id, json::Int32(*source, what));
    } else {
      SB_ASSIGN_OR_RETURN(Element sources, json::Required(field, "source-ids", what));
      SB_ASSIGN_OR_RETURN(json::Array ids, json::AsArray(sources, what));
      if (ids.size() == 0) return json::Malformed(what, "a partition field has no source");
      SB_ASSIGN_OR_RETURN(parsed.source_id, json::Int32(ids.at(0).value_unsafe(), what));
    }
    if (auto id = json::Member(field, "field-id")) {
      SB_ASSIGN_OR_RETURN(parsed.field_id, json::Int32(*id, what));
    } else {
      parsed.field_id = kFirstPartitionFieldId + static_cast<int32_t>(fields.size());
    }
    SB_ASSIGN_OR_RETURN(Element name, json::Required(field, "name", what));
    SB_ASSIGN_OR_RETURN(parsed.name, json::String(name, what));
    SB_ASSIGN_OR_RETURN(Element transform, json::Required(field, "transform", what));
    SB_ASSIGN_OR_RETURN(std::string transform_text, json::String(transform, what));
    parsed.transform = Transform::Parse(transform_text);
    fields.push_back(std::move(parsed));
  }
  return fields;
}

Result<SortOrder> ParseSortOrder(Element value, std::string_view what) {
  SortOrder order;
  SB_ASSIGN_OR_RETURN(Element id, json::Required(value, "order-id", what));
  SB_ASSIGN_OR_RETURN(order.order_id, json::Int32(id, what));
  SB_ASSIGN_OR_RETURN(Element fields_element, json::Required(value, "fields", what));
  SB_ASSIGN_OR_RETURN(json::Array fields, json::AsArray(fields_element, what));
  for (Element field : fields) {
    SortField parsed;
    if (auto source = json::Member(field, "source-id")) {
      SB_ASSIGN_OR_RETURN(parsed.source_id, json::Int32(*source, what));
    } else {
      SB_ASSIGN_OR_RETURN(Element sources, json::Required(field, "source-ids", what));
      SB_ASSIGN_OR_RETURN(json::Array ids, json::AsArray(sources, what));
      if (ids.size() == 0) return json::Malformed(what, "a sort field has no source");
      SB_ASSIGN_OR_RETURN(parsed.source_id, json::Int32(ids.at(0).value_unsafe(), what));
    }
    SB_ASSIGN_OR_RETURN(Element transform, json::Required(field, "transform", what));
    SB_ASSIGN_OR_RETURN(std::string transform_text, json::String(transform, what));
    parsed.transform = Transform::Parse(transform_text);
    if (auto direction = json::Member(field, "direction")) {
      SB_ASSIGN_OR_RETURN(std::string text, json::String(*direction, what));
      parsed.ascending = text != "desc";
    }
    if (auto nulls = json::Member(field, "null-order")) {
      SB_ASSIGN_OR_RETURN(std::string text, json::String(*nulls, what));
      parsed.nulls_first = text != "nulls-last";
    }
    order.fields.push_back(std::move(parsed));
  }
  return order;
}

Result<Snapshot> ParseSnapshot(Element value, std::string_view what) {
  Snapshot snapshot;
  SB_ASSIGN_OR_RETURN(Element id, json::Required(value, "snapshot-id", what));
  SB_ASSIGN_OR_RETURN(snapshot.snapshot_id, json::Int64(id, what));
  std::string snapshot_what = fmt::format("{}, snapshot {}", what, snapshot.snapshot_id);
  if (auto parent = json::Member(value, "parent-snapshot-id")) {
    SB_ASSIGN_OR_RETURN(int64_t parent_id, json::Int64(*parent, snapshot_what));
    if (parent_id >= 0) snapshot.parent_id = parent_id;
  }
  if (auto sequence = json::Member(value, "sequence-number")) {
    SB_ASSIGN_OR_RETURN(snapshot.sequence_number, json::Int64(*sequence, snapshot_what));
  }
  SB_ASSIGN_OR_RETURN(Element timestamp, json::Required(value, "timestamp-ms", snapshot_what));
  SB_ASSIGN_OR_RETURN(snapshot.timestamp_ms, json::Int64(timestamp, snapshot_what));
  if (auto list = json::Member(value, "manifest-list")) {
    SB_ASSIGN_OR_RETURN(snapshot.manifest_list, json::String(*list, snapshot_what));
  } else if (auto manifests = json::Member(value, "manifests")) {
    SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(*manifests, snapshot_what));
    for (Element manifest : array) {
      SB_ASSIGN_OR_RETURN(std::string path, json::String(manifest, snapshot_what));
      snapshot.manifests.push_back(std::move(path));
    }
  } else {
    return json::Malformed(snapshot_what, "neither \"manifest-list\" nor \"manifests\" is present");
  }
  if (auto summary = json::Member(value, "summary")) {
    SB_ASSIGN_OR_RETURN(json::Object object, json::AsObject(*summary, snapshot_what));
    for (auto [key, entry] : object) {
      std::string text = entry.is_string() ? std::string(entry.get_string().value_unsafe()) : simdjson::minify(entry);
      snapshot.summary.emplace_back(std::string(key), std::move(text));
    }
  }
  if (auto schema = json::Member(value, "schema-id")) {
    SB_ASSIGN_OR_RETURN(snapshot.schema_id, json::Int32(*schema, snapshot_what));
  }
  if (auto first = json::Member(value, "first-row-id")) {
    SB_ASSIGN_OR_RETURN(snapshot.first_row_id, json::Int64(*first, snapshot_what));
  }
  if (auto added = json::Member(value, "added-rows")) {
    SB_ASSIGN_OR_RETURN(snapshot.added_rows, json::Int64(*added, snapshot_what));
  }
  return snapshot;
}

Result<SnapshotRef> ParseRef(Element value, std::string_view what) {
  SnapshotRef ref;
  SB_ASSIGN_OR_RETURN(Element id, json::Required(value, "snapshot-id", what));
  SB_ASSIGN_OR_RETURN(ref.snapshot_id, json::Int64(id, what));
  SB_ASSIGN_OR_RETURN(Element type, json::Required(value, "type", what));
  SB_ASSIGN_OR_RETURN(std::string type_text, json::String(type, what));
  if (type_text != "branch" && type_text != "tag") return json::Malformed(what, fmt::format("unknown ref type '{}'", type_text));
  ref.is_branch = type_text == "branch";
  if (auto v = json::Member(value, "min-snapshots-to-keep")) {
    SB_ASSIGN_OR_RETURN(ref.min_snapshots_to_keep, json::Int32(*v, what));
  }
  if (auto v = json::Member(value, "max-snapshot-age-ms")) {
    SB_ASSIGN_OR_RETURN(ref.max_snapshot_age_ms, json::Int64(*v, what));
  }
  if (auto v = json::Member(value, "max-ref-age-ms")) {
    SB_ASSIGN_OR_RETURN(ref.max_ref_age_ms, json::Int64(*v, what));
  }
  return ref;
}

Result<TableMetadata> ParseMetadataJson(std::string_view text, std::string_view what) {
  json::Document document;
  SB_ASSIGN_OR_RETURN(Element root, document.Parse(text, what));
  if (!root.is_object()) return json::Malformed(what, "the document is not a JSON object");
  TableMetadata m;
  SB_ASSIGN_OR_RETURN(Element version, json::Required(root, "format-version", what));
  SB_ASSIGN_OR_RETURN(m.format_version, json::Int32(version, what));
  if (m.format_version < 1) return json::Malformed(what, fmt::format("format version {} is invalid", m.format_version));
  if (m.format_version > kMaxFormatVersion) {
    return Error{ErrorCode::kNotSupported, fmt::format("{}: Iceberg format version {} is not supported (up to {})", what,
                                                       m.format_version, kMaxFormatVersion)};
  }
  if (auto uuid = json::Member(root, "table-uuid")) {
    SB_ASSIGN_OR_RETURN(m.table_uuid, json::String(*uuid, what));
  }
  SB_ASSIGN_OR_RETURN(Element location, json::Required(root, "location", what));
  SB_ASSIGN_OR_RETURN(m.location, json::String(location, what));
  if (auto sequence = json::Member(root, "last-sequence-number")) {
    SB_ASSIGN_OR_RETURN(m.last_sequence_number, json::Int64(*sequence, what));
  }
  if (auto updated = json::Member(root, "last-updated-ms")) {
    SB_ASSIGN_OR_RETURN(m.last_updated_ms, json::Int64(*updated, what));
  }
  if (auto last_column = json::Member(root, "last-column-id")) {
    SB_ASSIGN_OR_RETURN(m.last_column_id, json::Int32(*last_column, what));
  }

  // Schemas: "schemas" + "current-schema-id", or v1's single "schema".
  if (auto schemas = json::Member(root, "schemas")) {
    SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(*schemas, what));
    for (Element schema : array) {
      SB_ASSIGN_OR_RETURN(SchemaPtr parsed, ParseSchema(schema, std::nullopt, what));
      m.schemas.push_back(std::move(parsed));
    }
    SB_ASSIGN_OR_RETURN(Element current, json::Required(root, "current-schema-id", what));
    SB_ASSIGN_OR_RETURN(m.current_schema_id, json::Int32(current, what));
  } else {
    SB_ASSIGN_OR_RETURN(Element schema, json::Required(root, "schema", what));
    SB_ASSIGN_OR_RETURN(SchemaPtr parsed, ParseSchema(schema, 0, what));
    m.current_schema_id = parsed->schema_id();
    m.schemas.push_back(std::move(parsed));
  }
  if (!m.SchemaById(m.current_schema_id)) {
    return json::Malformed(what, fmt::format("current schema {} is not among the schemas", m.current_schema_id));
  }
  for (const auto& schema : m.schemas) m.last_column_id = std::max(m.last_column_id, schema->HighestFieldId());

  // Partition specs: "partition-specs" + "default-spec-id", or v1's "partition-spec" fields.
  if (auto specs = json::Member(root, "partition-specs")) {
    SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(*specs, what));
    for (Element spec : array) {
      auto parsed = std::make_shared<PartitionSpec>();
      SB_ASSIGN_OR_RETURN(Element id, json::Required(spec, "spec-id", what));
      SB_ASSIGN_OR_RETURN(parsed->spec_id, json::Int32(id, what));
      SB_ASSIGN_OR_RETURN(Element fields, json::Required(spec, "fields", what));
      SB_ASSIGN_OR_RETURN(parsed->fields, ParseSpecFields(fields, what));
      m.specs.push_back(std::move(parsed));
    }
    if (auto default_spec = json::Member(root, "default-spec-id")) {
      SB_ASSIGN_OR_RETURN(m.default_spec_id, json::Int32(*default_spec, what));
    } else if (!m.specs.empty()) {
      m.default_spec_id = m.specs.front()->spec_id;
    }
  } else {
    auto parsed = std::make_shared<PartitionSpec>();
    if (auto fields = json::Member(root, "partition-spec")) {
      SB_ASSIGN_OR_RETURN(parsed->fields, ParseSpecFields(*fields, what));
    }
    m.specs.push_back(std::move(parsed));
  }
  if (!m.SpecById(m.default_spec_id)) {
    return json::Malformed(what, fmt::format("default partition spec {} is not among the specs", m.default_spec_id));
  }
  if (auto last_partition = json::Member(root, "last-partition-id")) {
    SB_ASSIGN_OR_RETURN(m.last_partition_id, json::Int32(*last_partition, what));
  }
  for (const auto& spec : m.specs) {
    for (const auto& field : spec->fields) m.last_partition_id = std::max(m.last_partition_id, field.field_id);
  }

  if (auto properties = json::Member(root, "properties")) {
    SB_ASSIGN_OR_RETURN(json::Object object, json::AsObject(*properties, what));
    for (auto [key, value] : object) {
      m.properties[std::string(key)] =
          value.is_string() ? std::string(value.get_string().value_unsafe()) : simdjson::minify(value);
    }
  }
  if (auto current = json::Member(root, "current-snapshot-id")) {
    SB_ASSIGN_OR_RETURN(int64_t id, json::Int64(*current, what));
    if (id >= 0) m.current_snapshot_id = id;
  }
  if (auto snapshots = json::Member(root, "snapshots")) {
    SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(*snapshots, what));
    std::set<int64_t> ids;
    for (Element snapshot : array) {
      SB_ASSIGN_OR_RETURN(Snapshot parsed, ParseSnapshot(snapshot, what));
      if (!ids.insert(parsed.snapshot_id).second) {
        return json::Malformed(what, fmt::format("snapshot {} is listed twice", parsed.snapshot_id));
      }
      m.snapshots.push_back(std::make_shared<const Snapshot>(std::move(parsed)));
    }
  }
  if (m.current_snapshot_id && !m.SnapshotById(*m.current_snapshot_id)) {
    return json::Malformed(what, fmt::format("current snapshot {} is not among the snapshots", *m.current_snapshot_id));
  }
  if (auto log = json::Member(root, "snapshot-log")) {
    SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(*log, what));
    for (Element entry : array) {
      SnapshotLogEntry parsed;
      SB_ASSIGN_OR_RETURN(Element ts, json::Required(entry, "timestamp-ms", what));
      SB_ASSIGN_OR_RETURN(parsed.timestamp_ms, json::Int64(ts, what));
      SB_ASSIGN_OR_RETURN(Element id, json::Required(entry, "snapshot-id", what));
      SB_ASSIGN_OR_RETURN(parsed.snapshot_id, json::Int64(id, what));
      m.snapshot_log.push_back(parsed);
    }
  }
  if (auto log = json::Member(root, "metadata-log")) {
    SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(*log, what));
    for (Element entry : array) {
      MetadataLogEntry parsed;
      SB_ASSIGN_OR_RETURN(Element ts, json::Required(entry, "timestamp-ms", what));
      SB_ASSIGN_OR_RETURN(parsed.timestamp_ms, json::Int64(ts, what));
      SB_ASSIGN_OR_RETURN(Element file, json::Required(entry, "metadata-file", what));
      SB_ASSIGN_OR_RETURN(parsed.file, json::String(file, what));
      m.metadata_log.push_back(std::move(parsed));
    }
  }
  if (auto orders = json::Member(root, "sort-orders")) {
    SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(*orders, what));
    for (Element order : array) {
      SB_ASSIGN_OR_RETURN(SortOrder parsed, ParseSortOrder(order, what));
      m.sort_orders.push_back(std::move(parsed));
    }
  }
  if (m.sort_orders.empty()) m.sort_orders.push_back(SortOrder{});
  if (auto default_order = json::Member(root, "default-sort-order-id")) {
    SB_ASSIGN_OR_RETURN(m.default_sort_order_id, json::Int32(*default_order, what));
  }
  if (auto refs = json::Member(root, "refs")) {
    SB_ASSIGN_OR_RETURN(json::Object object, json::AsObject(*refs, what));
    for (auto [name, value] : object) {
      std::string ref_what = fmt::format("{}, ref '{}'", what, std::string_view(name));
      SB_ASSIGN_OR_RETURN(SnapshotRef ref, ParseRef(value, ref_what));
      if (!m.SnapshotById(ref.snapshot_id)) {
        return json::Malformed(ref_what, fmt::format("snapshot {} does not exist", ref.snapshot_id));
      }
      m.refs[std::string(name)] = ref;
    }
  }
  if (m.current_snapshot_id && !m.refs.count("main")) m.refs["main"] = SnapshotRef{*m.current_snapshot_id, true};
  if (auto statistics = json::Member(root, "statistics")) m.statistics_json = simdjson::minify(*statistics);
  if (auto statistics = json::Member(root, "partition-statistics")) m.partition_statistics_json = simdjson::minify(*statistics);
  if (auto next_row_id = json::Member(root, "next-row-id")) {
    SB_ASSIGN_OR_RETURN(m.next_row_id, json::Int64(*next_row_id, what));
  }
  return m;
}

void WriteType(JsonWriter& out, const Type& type);

void WriteField(JsonWriter& out, const NestedField& field) {
  out.StartObject();
  out.Key("id");
  out.Int(field.id);
  out.Key("name");
  out.String(field.name);
  out.Key("required");
  out.Bool(field.required);
  out.Key("type");
  WriteType(out, *field.type);
  if (!field.doc.empty()) {
    out.Key("doc");
    out.String(field.doc);
  }
  if (field.initial_default) {
    out.Key("initial-default");
    WriteJsonValue(out, *field.initial_default, *field.type);
  }
  if (field.write_default) {
    out.Key("write-default");
    WriteJsonValue(out, *field.write_default, *field.type);
  }
  out.EndObject();
}

void WriteType(JsonWriter& out, const Type& type) {
  switch (type.kind) {
    case TypeKind::kStruct:
      out.StartObject();
      out.Key("type");
      out.String("struct");
      out.Key("fields");
      out.StartArray();
      for (const auto& field : type.fields) WriteField(out, field);
      out.EndArray();
      out.EndObject();
      return;
    case TypeKind::kList:
      out.StartObject();
      out.Key("type");
      out.String("list");
      out.Key("element-id");
      out.Int(type.element().id);
      out.Key("element");
      WriteType(out, *type.element().type);
      out.Key("element-required");
      out.Bool(type.element().required);
      out.EndObject();
      return;
    case TypeKind::kMap:
      out.StartObject();
      out.Key("type");
      out.String("map");
      out.Key("key-id");
      out.Int(type.key().id);
      out.Key("key");
      WriteType(out, *type.key().type);
      out.Key("value-id");
      out.Int(type.value().id);
      out.Key("value");
      WriteType(out, *type.value().type);
      out.Key("value-required");
      out.Bool(type.value().required);
      out.EndObject();
      return;
    default:
      out.String(type.ToString());
  }
}

void WriteSchema(JsonWriter& out, const Schema& schema) {
  out.StartObject();
  out.Key("type");
  out.String("struct");
  out.Key("schema-id");
  out.Int(schema.schema_id());
  if (!schema.identifier_field_ids().empty()) {
    out.Key("identifier-field-ids");
    out.StartArray();
    for (int32_t id : schema.identifier_field_ids()) out.Int(id);
    out.EndArray();
  }
  out.Key("fields");
  out.StartArray();
  for (const auto& field : schema.fields()) WriteField(out, field);
  out.EndArray();
  out.EndObject();
}

void WriteSpecFields(JsonWriter& out, const PartitionSpec& spec) {
  out.StartArray();
  for (const auto& field : spec.fields) {
    out.StartObject();
    out.Key("name");
    out.String(field.name);
    out.Key("transform");
    out.String(field.transform.ToString());
    out.Key("source-id");
    out.Int(field.source_id);
    out.Key("field-id");
    out.Int(field.field_id);
    out.EndObject();
  }
  out.EndArray();
}

void WriteSpec(JsonWriter& out, const PartitionSpec& spec) {
  out.StartObject();
  out.Key("spec-id");
  out.Int(spec.spec_id);
  out.Key("fields");
  WriteSpecFields(out, spec);
  out.EndObject();
}

void WriteSortOrder(JsonWriter& out, const SortOrder& order) {
  out.StartObject();
  out.Key("order-id");
  out.Int(order.order_id);
  out.Key("fields");
  out.StartArray();
  for (const auto& field : order.fields) {
    out.StartObject();
    out.Key("transform");
    out.String(field.transform.ToString());
    out.Key("source-id");
    out.Int(field.source_id);
    out.Key("direction");
    out.String(field.ascending ? "asc" : "desc");
    out.Key("null-order");
    out.String(field.nulls_first ? "nulls-first" : "nulls-last");
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

void WriteSnapshot(JsonWriter& out, const Snapshot& snapshot, int format_version) {
  out.StartObject();
  out.Key("snapshot-id");
  out.Int(snapshot.snapshot_id);
  if (snapshot.parent_id) {
    out.Key("parent-snapshot-id");
    out.Int(*snapshot.parent_id);
  }
  if (format_version >= 2) {
    out.Key("sequence-number");
    out.Int(snapshot.sequence_number);
  }
  out.Key("timestamp-ms");
  out.Int(snapshot.timestamp_ms);
  if (!snapshot.manifest_list.empty()) {
    out.Key("manifest-list");
    out.String(snapshot.manifest_list);
  } else {
    out.Key("manifests");
    out.StartArray();
    for (const auto& manifest : snapshot.manifests) out.String(manifest);
    out.EndArray();
  }
  out.Key("summary");
  out.StartObject();
  for (const auto& [key, value] : snapshot.summary) {
    out.Key(key);
    out.String(value);
  }
  out.EndObject();
  if (snapshot.schema_id) {
    out.Key("schema-id");
    out.Int(*snapshot.schema_id);
  }
  if (snapshot.first_row_id) {
    out.Key("first-row-id");
    out.Int(*snapshot.first_row_id);
  }
  if (snapshot.added_rows) {
    out.Key("added-rows");
    out.Int(*snapshot.added_rows);
  }
  out.EndObject();
}

void WriteNameMappingFields(JsonWriter& out, const std::vector<NestedField>& fields) {
  out.StartArray();
  for (const auto& field : fields) {
    out.StartObject();
    out.Key("field-id");
    out.Int(field.id);
    out.Key("names");
    out.StartArray();
    out.String(field.name);
    out.EndArray();
    if (field.type->IsNested()) {
      out.Key("fields");
      WriteNameMappingFields(out, field.type->fields);
    }
    out.EndObject();
  }
  out.EndArray();
}

Result<std::vector<NameMapping::Field>> ParseMappingFields(json::Element value, int depth) {
  constexpr std::string_view kWhat = "name mapping";
  if (depth > 64) return json::Malformed(kWhat, "nests too deeply");
  SB_ASSIGN_OR_RETURN(json::Array array, json::AsArray(value, kWhat));
  std::vector<NameMapping::Field> fields;
  for (Element entry : array) {
    NameMapping::Field field;
    if (auto id = json::Member(entry, "field-id")) {
      SB_ASSIGN_OR_RETURN(field.field_id, json::Int32(*id, kWhat));
    }
    if (auto names = json::Member(entry, "names")) {
      SB_ASSIGN_OR_RETURN(json::Array list, json::AsArray(*names, kWhat));
      for (Element name : list) {
        SB_ASSIGN_OR_RETURN(std::string text, json::String(name, kWhat));
        field.names.push_back(std::move(text));
      }
    }
    if (auto children = json::Member(entry, "fields")) {
      SB_ASSIGN_OR_RETURN(field.fields, ParseMappingFields(*children, depth + 1));
    }
    fields.push_back(std::move(field));
  }
  return fields;
}

}  // namespace

std::string Snapshot::Summary(std::string_view key) const {
  for (const auto& [k, v] : summary) {
    if (k == key) return v;
  }
  return "";
}

const SchemaPtr& TableMetadata::CurrentSchema() const {
  for (const auto& schema : schemas) {
    if (schema->schema_id() == current_schema_id) return schema;
  }
  return schemas.front();
}

SchemaPtr TableMetadata::SchemaById(int32_t schema_id) const {
  for (const auto& schema : schemas) {
    if (schema->schema_id() == schema_id) return schema;
  }
  return nullptr;
}

SchemaPtr TableMetadata::SchemaFor(const Snapshot& snapshot) const {
  if (snapshot.schema_id) {
    if (SchemaPtr schema = SchemaById(*snapshot.schema_id)) return schema;
  }
  return CurrentSchema();
}

PartitionSpecPtr TableMetadata::SpecById(int32_t spec_id) const {
  for (const auto& spec : specs) {
    if (spec->spec_id == spec_id) return spec;
  }
  return nullptr;
}

const PartitionSpecPtr& TableMetadata::DefaultSpec() const {
  for (const auto& spec : specs) {
    if (spec->spec_id == default_spec_id) return spec;
  }
  return specs.front();
}

const SortOrder* TableMetadata::SortOrderById(int32_t order_id) const {
  for (const auto& order : sort_orders) {
    if (order.order_id == order_id) return &order;
  }
  return nullptr;
}

SnapshotPtr TableMetadata::SnapshotById(int64_t snapshot_id) const {
  for (const auto& snapshot : snapshots) {
    if (snapshot->snapshot_id == snapshot_id) return snapshot;
  }
  return nullptr;
}

SnapshotPtr TableMetadata::CurrentSnapshot() const {
  return current_snapshot_id ? SnapshotById(*current_snapshot_id) : nullptr;
}

SnapshotPtr TableMetadata::SnapshotAsOf(int64_t timestamp_ms) const {
  if (!snapshot_log.empty()) {
    std::optional<int64_t> found;
    for (const auto& entry : snapshot_log) {
      if (entry.timestamp_ms <= timestamp_ms) found = entry.snapshot_id;
    }
    return found ? SnapshotById(*found) : nullptr;
  }
  for (SnapshotPtr snapshot = CurrentSnapshot(); snapshot;
       snapshot = snapshot->parent_id ? SnapshotById(*snapshot->parent_id) : nullptr) {
    if (snapshot->timestamp_ms <= timestamp_ms) return snapshot;
  }
  return nullptr;
}

std::string TableMetadata::Property(const std::string& key, const std::string& fallback) const {
  auto it = properties.find(key);
  return it == properties.end() ? fallback : it->second;
}

int64_t TableMetadata::IntProperty(const std::string& key, int64_t fallback) const {
  auto it = properties.find(key);
  if (it == properties.end()) return fallback;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  return ec == std::errc() && end == it->second.data() + it->second.size() ? value : fallback;
}

bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f && static_cast<unsigned char>(data[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view data, int64_t limit) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) return Error{ErrorCode::kInternal, "zlib initialization failed"};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    if (static_cast<int64_t>(out.size()) >= limit) {
      inflateEnd(&stream);
      return Error{ErrorCode::kCorruptData, fmt::format("gzip data expands past {} bytes", limit)};
    }
    size_t have = out.size();
    out.resize(std::min<size_t>(static_cast<size_t>(limit), std::max<size_t>(have * 2, data.size() * 4 + 4096)));
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + have);
    stream.avail_out = static_cast<uInt>(out.size() - have);
    status = inflate(&stream, Z_NO_FLUSH);
    out.resize(out.size() - stream.avail_out);
    if (status == Z_BUF_ERROR && stream.avail_in == 0) break;
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) break;
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) return Error{ErrorCode::kCorruptData, "invalid or truncated gzip data"};
  return out;
}

std::string Gzip(std::string_view data) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(out.size() - stream.avail_out);
  deflateEnd(&stream);
  return out;
}

Result<TableMetadata> ParseTableMetadata(std::string_view contents, std::string_view what) {
  if (IsGzip(contents)) {
    SB_ASSIGN_OR_RETURN(std::string text, Gunzip(contents, int64_t{1} << 30));
    return ParseMetadataJson(text, what);
  }
  return ParseMetadataJson(contents, what);
}

std::string SerializeTableMetadata(const TableMetadata& m) {
  JsonWriter out;
  out.StartObject();
  out.Key("format-version");
  out.Int(m.format_version);
  out.Key("table-uuid");
  out.String(m.table_uuid);
  out.Key("location");
  out.String(m.location);
  if (m.format_version >= 2) {
    out.Key("last-sequence-number");
    out.Int(m.last_sequence_number);
  }
  out.Key("last-updated-ms");
  out.Int(m.last_updated_ms);
  out.Key("last-column-id");
  out.Int(m.last_column_id);
  if (m.format_version == 1) {
    out.Key("schema");
    WriteSchema(out, *m.CurrentSchema());
  }
  out.Key("current-schema-id");
  out.Int(m.current_schema_id);
  out.Key("schemas");
  out.StartArray();
  for (const auto& schema : m.schemas) WriteSchema(out, *schema);
  out.EndArray();
  if (m.format_version == 1) {
    out.Key("partition-spec");
    WriteSpecFields(out, *m.DefaultSpec());
  }
  out.Key("default-spec-id");
  out.Int(m.default_spec_id);
  out.Key("partition-specs");
  out.StartArray();
  for (const auto& spec : m.specs) WriteSpec(out, *spec);
  out.EndArray();
  out.Key("last-partition-id");
  out.Int(m.last_partition_id);
  out.Key("default-sort-order-id");
  out.Int(m.default_sort_order_id);
  out.Key("sort-orders");
  out.StartArray();
  for (const auto& order : m.sort_orders) WriteSortOrder(out, order);
  out.EndArray();
  out.Key("properties");
  out.StartObject();
  for (const auto& [key, value] : m.properties) {
    out.Key(key);
    out.String(value);
  }
  out.EndObject();
  if (m.current_snapshot_id || m.format_version < 3) {
    out.Key("current-snapshot-id");
    out.Int(m.current_snapshot_id.value_or(-1));
  }
  out.Key("refs");
  out.StartObject();
  for (const auto& [name, ref] : m.refs) {
    out.Key(name);
    out.StartObject();
    out.Key("snapshot-id");
    out.Int(ref.snapshot_id);
    out.Key("type");
    out.String(ref.is_branch ? "branch" : "tag");
    if (ref.min_snapshots_to_keep) {
      out.Key("min-snapshots-to-keep");
      out.Int(*ref.min_snapshots_to_keep);
    }
    if (ref.max_snapshot_age_ms) {
      out.Key("max-snapshot-age-ms");
      out.Int(*ref.max_snapshot_age_ms);
    }
    if (ref.max_ref_age_ms) {
      out.Key("max-ref-age-ms");
      out.Int(*ref.max_ref_age_ms);
    }
    out.EndObject();
  }
  out.EndObject();
  out.Key("snapshots");
  out.StartArray();
  for (const auto& snapshot : m.snapshots) WriteSnapshot(out, *snapshot, m.format_version);
  out.EndArray();
  out.Key("statistics");
  out.Raw(m.statistics_json.empty() ? "[]" : m.statistics_json);
  out.Key("partition-statistics");
  out.Raw(m.partition_statistics_json.empty() ? "[]" : m.partition_statistics_json);
  out.Key("snapshot-log");
  out.StartArray();
  for (const auto& entry : m.snapshot_log) {
    out.StartObject();
    out.Key("timestamp-ms");
    out.Int(entry.timestamp_ms);
    out.Key("snapshot-id");
    out.Int(entry.snapshot_id);
    out.EndObject();
  }
  out.EndArray();
  out.Key("metadata-log");
  out.StartArray();
  for (const auto& entry : m.metadata_log) {
    out.StartObject();
    out.Key("timestamp-ms");
    out.Int(entry.timestamp_ms);
    out.Key("metadata-file");
    out.String(entry.file);
    out.EndObject();
  }
  out.EndArray();
  if (m.format_version >= 3) {
    out.Key("next-row-id");
    out.Int(m.next_row_id.value_or(0));
  }
  out.EndObject();
  return out.Take();
}

std::string SchemaToJson(const Schema& schema) {
  JsonWriter out;
  WriteSchema(out, schema);
  return out.Take();
}

Result<SchemaPtr> ParseSchemaJson(std::string_view text, std::string_view what) {
  json::Document document;
  SB_ASSIGN_OR_RETURN(Element root, document.Parse(text, what));
  return ParseSchema(root, std::nullopt, what);
}

std::string PartitionFieldsToJson(const PartitionSpec& spec) {
  JsonWriter out;
  WriteSpecFields(out, spec);
  return out.Take();
}

std::optional<int32_t> NameMapping::Find(const std::vector<Field>& fields, std::string_view name) {
  for (const auto& field : fields) {
    for (const auto& candidate : field.names) {
      if (candidate == name) return field.field_id;
    }
  }
  return std::nullopt;
}

Result<NameMapping> ParseNameMapping(std::string_view text) {
  json::Document document;
  SB_ASSIGN_OR_RETURN(Element root, document.Parse(text, "name mapping"));
  NameMapping mapping;
  // Some writers wrap the list as a struct: {"type": "struct", "fields": [...]}.
  if (root.is_object()) {
    SB_ASSIGN_OR_RETURN(root, json::Required(root, "fields", "name mapping"));
  }
  SB_ASSIGN_OR_RETURN(mapping.fields, ParseMappingFields(root, 0));
  return mapping;
}

std::string NameMappingToJson(const Schema& schema) {
  JsonWriter out;
  WriteNameMappingFields(out, schema.fields());
  return out.Take();
}

}  // namespace switchboard::iceberg
