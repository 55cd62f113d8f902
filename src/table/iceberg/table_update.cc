// Schema, partition spec, property and ref changes.
#include "table/iceberg/table_update.h"

#include <charconv>
#include <functional>

#include "common/string_util.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {

namespace {

/// The index of the field named `name` among `fields`: an exact match, else the only
/// case-insensitive one; -1 when none.
int FindByName(const std::vector<NestedField>& fields, std::string_view name) {
  int folded = -1;
  int matches = 0;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return static_cast<int>(i);
    if (EqualsIgnoreCase(fields[i].name, name)) {
      folded = static_cast<int>(i);
      ++matches;
    }
  }
  return matches == 1 ? folded : -1;
}

std::string PathText(const ColumnPath& path) { return Join(path, "."); }

/// Rebuilds `fields` with `edit` applied to the siblings that hold the path's last part (index
/// -1 when it does not exist). The path's other parts name structs, or the element, key and value
/// of lists and maps.
using SiblingEdit = std::function<Result<void>(std::vector<NestedField>& siblings, int index)>;

Result<std::vector<NestedField>> Edit(const std::vector<NestedField>& fields, const ColumnPath& path, size_t depth,
                                      const SiblingEdit& edit) {
  std::vector<NestedField> out = fields;
  int index = FindByName(out, path[depth]);
  if (depth + 1 == path.size()) {
    SB_RETURN_IF_ERROR(edit(out, index));
    return out;
  }
  if (index < 0) {
    return Error{ErrorCode::kUndefinedColumn,
                 fmt::format("Column '{}' does not exist", PathText(ColumnPath(path.begin(), path.begin() + depth + 1)))};
  }
  NestedField& parent = out[static_cast<size_t>(index)];
  if (!parent.type->IsNested()) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("Column '{}' is a {}, not a struct", PathText(ColumnPath(path.begin(), path.begin() + depth + 1)),
                             parent.type->ToString())};
  }
  SB_ASSIGN_OR_RETURN(std::vector<NestedField> children, Edit(parent.type->fields, path, depth + 1, edit));
  auto type = std::make_shared<Type>(*parent.type);
  type->fields = std::move(children);
  parent.type = std::move(type);
  return out;
}

/// The field at `path`, or nullptr.
const NestedField* Find(const std::vector<NestedField>& fields, const ColumnPath& path, size_t depth = 0) {
  int index = FindByName(fields, path[depth]);
  if (index < 0) return nullptr;
  const NestedField& field = fields[static_cast<size_t>(index)];
  if (depth + 1 == path.size()) return &field;
  return field.type->IsNested() ? Find(field.type->fields, path, depth + 1) : nullptr;
}

void CollectIds(const NestedField& field, std::vector<int32_t>& out) {
  out.push_back(field.id);
  if (field.type->IsNested()) {
    for (const auto& child : field.type->fields) CollectIds(child, out);
  }
}

/// `metadata` with `fields` as its new current schema.
Result<TableMetadata> WithSchema(const TableMetadata& metadata, std::vector<NestedField> fields) {
  TableMetadata next = metadata;
  int32_t schema_id = 0;
  for (const auto& schema : metadata.schemas) schema_id = std::max(schema_id, schema->schema_id() + 1);
  std::vector<int32_t> identifiers;
  SB_ASSIGN_OR_RETURN(SchemaPtr probe, Schema::Make(schema_id, fields));
  for (int32_t id : metadata.CurrentSchema()->identifier_field_ids()) {
    if (probe->FindField(id)) identifiers.push_back(id);
  }
  SB_ASSIGN_OR_RETURN(SchemaPtr schema, Schema::Make(schema_id, std::move(fields), std::move(identifiers)));
  next.last_column_id = std::max(next.last_column_id, schema->HighestFieldId());
  next.current_schema_id = schema_id;
  next.schemas.push_back(std::move(schema));
  return next;
}

Result<std::vector<NestedField>> EditColumn(const TableMetadata& metadata, const ColumnPath& path, bool if_exists,
                                            bool& missing, const std::function<Result<void>(NestedField&)>& edit) {
  missing = false;
  return Edit(metadata.CurrentSchema()->fields(), path, 0, [&](std::vector<NestedField>& siblings, int index) -> Result<void> {
    if (index < 0) {
      if (if_exists) {
        missing = true;
        return Ok();
      }
      return Error{ErrorCode::kUndefinedColumn, fmt::format("Column '{}' does not exist", PathText(path))};
    }
    return edit(siblings[static_cast<size_t>(index)]);
  });
}

Result<std::optional<Value>> ConformDefault(const std::optional<Value>& value, const Type& type) {
  if (!value || value->is_null()) return std::optional<Value>();
  SB_ASSIGN_OR_RETURN(Value conformed, ConformValue(*value, type));
  return std::optional<Value>(std::move(conformed));
}

Result<void> RequireV3ForDefaults(const TableMetadata& metadata) {
  if (metadata.format_version < 3) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("Column default values need Iceberg format version 3 (this table is version {}); upgrade "
                             "it with ALTER TABLE ... SET TBLPROPERTIES ('format-version' = '3')",
                             metadata.format_version)};
  }
  return Ok();
}

/// Installs `fields` as the default spec: an existing compatible spec is reused, else a new one
/// is added.
TableMetadata WithSpec(const TableMetadata& metadata, std::vector<PartitionField> fields) {
  TableMetadata next = metadata;
  PartitionSpec candidate;
  candidate.fields = std::move(fields);
  int32_t spec_id = 0;
  for (const auto& spec : metadata.specs) {
    bool same_ids = spec->fields.size() == candidate.fields.size();
    for (size_t i = 0; same_ids && i < spec->fields.size(); ++i) same_ids = spec->fields[i] == candidate.fields[i];
    if (same_ids) {
      next.default_spec_id = spec->spec_id;
      return next;
    }
    spec_id = std::max(spec_id, spec->spec_id + 1);
  }
  candidate.spec_id = spec_id;
  for (const auto& field : candidate.fields) next.last_partition_id = std::max(next.last_partition_id, field.field_id);
  next.default_spec_id = spec_id;
  next.specs.push_back(std::make_shared<const PartitionSpec>(std::move(candidate)));
  return next;
}

/// The index in the default spec of the field `text` names (its name, or its transform).
int FindPartitionField(const TableMetadata& metadata, const std::string& text) {
  const PartitionSpec& spec = *metadata.DefaultSpec();
  std::string unquoted(TrimWhitespace(text));
  if (unquoted.size() >= 2 && (unquoted.front() == '"' || unquoted.front() == '`')) unquoted = unquoted.substr(1, unquoted.size() - 2);
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    if (EqualsIgnoreCase(spec.fields[i].name, unquoted)) return static_cast<int>(i);
  }
  Result<PartitionField> parsed = ParsePartitionField(text, *metadata.CurrentSchema());
  if (!parsed.ok()) return -1;
  for (size_t i = 0; i < spec.fields.size(); ++i) {
    if (spec.fields[i].source_id == parsed->source_id && spec.fields[i].transform == parsed->transform) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace

Result<TableMetadata> AddColumn(const TableMetadata& metadata, const ColumnPath& path, const LogicalType& type,
                                bool nullable, const std::optional<Value>& default_value, const std::string& comment,
                                bool if_not_exists) {
  if (Find(metadata.CurrentSchema()->fields(), path)) {
    if (if_not_exists) return metadata;
    return Error{ErrorCode::kDuplicateObject, fmt::format("Column '{}' already exists", PathText(path))};
  }
  int32_t next_id = metadata.last_column_id + 1;
  NestedField field;
  field.id = next_id++;
  field.name = path.back();
  field.required = !nullable;
  field.doc = comment;
  SB_ASSIGN_OR_RETURN(field.type, FromLogicalType(type, next_id));
  if (default_value && !default_value->is_null()) {
    SB_RETURN_IF_ERROR(RequireV3ForDefaults(metadata));
    SB_ASSIGN_OR_RETURN(field.initial_default, ConformDefault(default_value, *field.type));
    field.write_default = field.initial_default;
  }
  if (field.required && !field.initial_default) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("A NOT NULL column ('{}') can only be added with a default value", PathText(path))};
  }
  std::vector<NestedField> fields;
  if (path.size() == 1) {
    fields = metadata.CurrentSchema()->fields();
    fields.push_back(std::move(field));
  } else {
    ColumnPath parent(path.begin(), path.end() - 1);
    const NestedField* container = Find(metadata.CurrentSchema()->fields(), parent);
    if (!container) return Error{ErrorCode::kUndefinedColumn, fmt::format("Column '{}' does not exist", PathText(parent))};
    if (container->type->kind != TypeKind::kStruct) {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("Cannot add '{}': '{}' is a {}, not a struct", path.back(), PathText(parent),
                               container->type->ToString())};
    }
    SB_ASSIGN_OR_RETURN(fields, Edit(metadata.CurrentSchema()->fields(), parent, 0,
                                     [&](std::vector<NestedField>& siblings, int index) -> Result<void> {
                                       auto type_copy = std::make_shared<Type>(*siblings[static_cast<size_t>(index)].type);
                                       type_copy->fields.push_back(field);
                                       siblings[static_cast<size_t>(index)].type = std::move(type_copy);
                                       return Ok();
                                     }));
  }
  return WithSchema(metadata, std::move(fields));
}

Result<TableMetadata> DropColumn(const TableMetadata& metadata, const ColumnPath& path, bool if_exists) {
  const NestedField* field = Find(metadata.CurrentSchema()->fields(), path);
  if (!field) {
    if (if_exists) return metadata;
    return Error{ErrorCode::kUndefinedColumn, fmt::format("Column '{}' does not exist", PathText(path))};
  }
  std::vector<int32_t> ids;
  CollectIds(*field, ids);
  auto used = [&](int32_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  for (const PartitionField& partition : metadata.DefaultSpec()->fields) {
    if (used(partition.source_id) && partition.transform.kind != Transform::Kind::kVoid) {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("Column '{}' is used by partition field '{}'; drop the partition field first",
                               PathText(path), partition.name)};
    }
  }
  if (const SortOrder* order = metadata.SortOrderById(metadata.default_sort_order_id)) {
    for (const SortField& sort : order->fields) {
      if (used(sort.source_id)) {
        return Error{ErrorCode::kInvalidParameter, fmt::format("Column '{}' is used by the table's sort order", PathText(path))};
      }
    }
  }
  if (path.size() == 1 && metadata.CurrentSchema()->fields().size() == 1) {
    return Error{ErrorCode::kInvalidParameter, "Cannot drop the only column of a table"};
  }
  SB_ASSIGN_OR_RETURN(std::vector<NestedField> fields,
                      Edit(metadata.CurrentSchema()->fields(), path, 0,
                           [&](std::vector<NestedField>& siblings, int index) -> Result<void> {
                             if (siblings.size() == 1) {
                               return Error{ErrorCode::kInvalidParameter,
                                            fmt::format("Cannot drop '{}': a struct needs at least one field", PathText(path))};
                             }
                             siblings.erase(siblings.begin() + index);
                             return Ok();
                           }));
  return WithSchema(metadata, std::move(fields));
}

Result<TableMetadata> RenameColumn(const TableMetadata& metadata, const ColumnPath& path, const std::string& new_name,
                                   bool if_exists) {
  bool missing = false;
  SB_ASSIGN_OR_RETURN(std::vector<NestedField> fields,
                      Edit(metadata.CurrentSchema()->fields(), path, 0,
                           [&](std::vector<NestedField>& siblings, int index) -> Result<void> {
                             if (index < 0) {
                               missing = true;
                               if (if_exists) return Ok();
                               return Error{ErrorCode::kUndefinedColumn, fmt::format("Column '{}' does not exist", PathText(path))};
                             }
                             int other = FindByName(siblings, new_name);
                             if (other >= 0 && other != index && siblings[static_cast<size_t>(other)].name == new_name) {
                               return Error{ErrorCode::kDuplicateObject, fmt::format("Column '{}' already exists", new_name)};
                             }
                             siblings[static_cast<size_t>(index)].name = new_name;
                             return Ok();
                           }));
  if (missing) return metadata;
  return WithSchema(metadata, std::move(fields));
}

Result<TableMetadata> SetColumnType(const TableMetadata& metadata, const ColumnPath& path, const LogicalType& type) {
  bool missing = false;
  SB_ASSIGN_OR_RETURN(std::vector<NestedField> fields,
                      EditColumn(metadata, path, false, missing, [&](NestedField& field) -> Result<void> {
                        int32_t unused_id = 0;
                        SB_ASSIGN_OR_RETURN(TypePtr target, FromLogicalType(type, unused_id));
                        if (!field.type->IsPrimitive() || !target->IsPrimitive() ||
                            !IsPromotionAllowed(*field.type, *target, metadata.format_version)) {
                          return Error{ErrorCode::kInvalidParameter,
                                       fmt::format("Cannot change column '{}' from {} to {}: Iceberg only widens int to "
                                                   "bigint, real to double and decimal precision",
                                                   PathText(path), field.type->ToString(), target->ToString())};
                        }
                        for (std::optional<Value>* value : {&field.initial_default, &field.write_default}) {
                          if (*value) {
                            SB_ASSIGN_OR_RETURN(*value, ConformDefault(*value, *target));
                          }
                        }
                        field.type = std::move(target);
                        return Ok();
                      }));
  return WithSchema(metadata, std::move(fields));
}

Result<TableMetadata> SetColumnDefault(const TableMetadata& metadata, const ColumnPath& path,
                                       const std::optional<Value>& default_value) {
  SB_RETURN_IF_ERROR(RequireV3ForDefaults(metadata));
  bool missing = false;
  SB_ASSIGN_OR_RETURN(std::vector<NestedField> fields,
                      EditColumn(metadata, path, false, missing, [&](NestedField& field) -> Result<void> {
                        SB_ASSIGN_OR_RETURN(field.write_default, ConformDefault(default_value, *field.type));
                        return Ok();
                      }));
  return WithSchema(metadata, std::move(fields));
}

Result<TableMetadata> SetColumnRequired(const TableMetadata& metadata, const ColumnPath& path, bool required) {
  bool missing = false;
  SB_ASSIGN_OR_RETURN(std::vector<NestedField> fields,
                      EditColumn(metadata, path, false, missing, [&](NestedField& field) -> Result<void> {
                        if (required && !field.required) {
                          return Error{ErrorCode::kInvalidParameter,
                                       fmt::format("Cannot make column '{}' NOT NULL: existing rows may hold NULLs",
                                                   PathText(path))};
                        }
                        field.required = required;
                        return Ok();
                      }));
  return WithSchema(metadata, std::move(fields));
}

Result<TableMetadata> SetColumnComment(const TableMetadata& metadata, const ColumnPath& path, const std::string& comment) {
  bool missing = false;
  SB_ASSIGN_OR_RETURN(std::vector<NestedField> fields,
                      EditColumn(metadata, path, false, missing, [&](NestedField& field) -> Result<void> {
                        field.doc = comment;
                        return Ok();
                      }));
  return WithSchema(metadata, std::move(fields));
}

namespace {

/// The default spec's fields with the one `text` names removed (turned into void in v1).
Result<std::vector<PartitionField>> FieldsWithout(const TableMetadata& metadata, const std::string& text) {
  int index = FindPartitionField(metadata, text);
  if (index < 0) return Error{ErrorCode::kUndefinedObject, fmt::format("The table has no partition field {}", text)};
  std::vector<PartitionField> fields = metadata.DefaultSpec()->fields;
  if (metadata.format_version == 1) {
    // v1 specs keep the field, turned into void, so field positions stay stable.
    fields[static_cast<size_t>(index)].transform = Transform{Transform::Kind::kVoid, 0, "void"};
  } else {
    fields.erase(fields.begin() + index);
  }
  return fields;
}

/// `fields` plus the field `text` describes (named `name` when given).
Result<std::vector<PartitionField>> FieldsWith(const TableMetadata& metadata, std::vector<PartitionField> fields,
                                               const std::string& text, const std::string& name) {
  SB_ASSIGN_OR_RETURN(PartitionField field, ParsePartitionField(text, *metadata.CurrentSchema()));
  if (!name.empty()) field.name = name;
  for (const PartitionField& existing : fields) {
    if (existing.source_id == field.source_id && existing.transform == field.transform) {
      return Error{ErrorCode::kDuplicateObject, fmt::format("The table is already partitioned by {}", text)};
    }
    if (EqualsIgnoreCase(existing.name, field.name)) {
      return Error{ErrorCode::kDuplicateObject, fmt::format("A partition field named '{}' already exists", field.name)};
    }
  }
  // Reuse the id of an equivalent field of an earlier spec, else assign the next one.
  field.field_id = metadata.last_partition_id + 1;
  for (const auto& other : metadata.specs) {
    for (const PartitionField& existing : other->fields) {
      if (existing.source_id == field.source_id && existing.transform == field.transform) field.field_id = existing.field_id;
    }
  }
  fields.push_back(std::move(field));
  return fields;
}

}  // namespace

Result<TableMetadata> AddPartitionField(const TableMetadata& metadata, const std::string& text, const std::string& name) {
  SB_ASSIGN_OR_RETURN(std::vector<PartitionField> fields, FieldsWith(metadata, metadata.DefaultSpec()->fields, text, name));
  return WithSpec(metadata, std::move(fields));
}

Result<TableMetadata> DropPartitionField(const TableMetadata& metadata, const std::string& text) {
  SB_ASSIGN_OR_RETURN(std::vector<PartitionField> fields, FieldsWithout(metadata, text));
  return WithSpec(metadata, std::move(fields));
}

Result<TableMetadata> ReplacePartitionField(const TableMetadata& metadata, const std::string& field,
                                            const std::string& replacement, const std::string& name) {
  SB_ASSIGN_OR_RETURN(std::vector<PartitionField> kept, FieldsWithout(metadata, field));
  SB_ASSIGN_OR_RETURN(std::vector<PartitionField> fields, FieldsWith(metadata, std::move(kept), replacement, name));
  return WithSpec(metadata, std::move(fields));
}

Result<TableMetadata> SetProperties(const TableMetadata& metadata,
                                    const std::vector<std::pair<std::string, std::string>>& properties) {
  TableMetadata next = metadata;
  for (const auto& [key, value] : properties) {
    if (key != "format-version") {
      next.properties[key] = value;
      continue;
    }
    int version = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), version);
    if (ec != std::errc() || end != value.data() + value.size() || version < 1 || version > kMaxFormatVersion) {
      return Error{ErrorCode::kInvalidParameter, fmt::format("format-version must be 1, 2 or 3, not '{}'", value)};
    }
    if (version < next.format_version) {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("Cannot downgrade a table from format version {} to {}", next.format_version, version)};
    }
    if (version >= 3 && !next.next_row_id) next.next_row_id = 0;
    next.format_version = version;
  }
  return next;
}

Result<TableMetadata> UnsetProperties(const TableMetadata& metadata, const std::vector<std::string>& keys, bool if_exists) {
  TableMetadata next = metadata;
  for (const std::string& key : keys) {
    if (next.properties.erase(key) == 0 && !if_exists) {
      return Error{ErrorCode::kUndefinedObject, fmt::format("Table property '{}' is not set", key)};
    }
  }
  return next;
}

Result<TableMetadata> CreateRef(const TableMetadata& metadata, const std::string& name, bool branch,
                                std::optional<int64_t> snapshot_id, bool replace, bool if_not_exists,
                                const SnapshotRef& retention) {
  auto existing = metadata.refs.find(name);
  if (existing != metadata.refs.end()) {
    if (if_not_exists) return metadata;
    if (!replace) return Error{ErrorCode::kDuplicateObject, fmt::format("Ref '{}' already exists", name)};
    if (existing->second.is_branch != branch) {
      return Error{ErrorCode::kInvalidParameter, fmt::format("'{}' is a {}", name, existing->second.is_branch ? "branch" : "tag")};
    }
  }
  if (!snapshot_id) snapshot_id = metadata.current_snapshot_id;
  if (!snapshot_id) return Error{ErrorCode::kInvalidParameter, "The table has no snapshot to point a branch or tag at"};
  if (!metadata.SnapshotById(*snapshot_id)) {
    return Error{ErrorCode::kInvalidParameter, fmt::format("Snapshot {} does not exist", *snapshot_id)};
  }
  TableMetadata next = metadata;
  SnapshotRef ref = retention;
  ref.snapshot_id = *snapshot_id;
  ref.is_branch = branch;
  next.refs[name] = ref;
  if (name == "main") next.current_snapshot_id = *snapshot_id;
  return next;
}

Result<TableMetadata> DropRef(const TableMetadata& metadata, const std::string& name, bool branch, bool if_exists) {
  auto existing = metadata.refs.find(name);
  if (existing == metadata.refs.end() || existing->second.is_branch != branch) {
    if (if_exists) return metadata;
    return Error{ErrorCode::kUndefinedObject, fmt::format("The table has no {} '{}'", branch ? "branch" : "tag", name)};
  }
  if (name == "main") return Error{ErrorCode::kInvalidParameter, "The main branch cannot be dropped"};
  TableMetadata next = metadata;
  next.refs.erase(name);
  return next;
}

}  // namespace switchboard::iceberg
