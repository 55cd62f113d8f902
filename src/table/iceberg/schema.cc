// Iceberg types and schemas, and their mapping to engine types.
#include "table/iceberg/schema.h"

#include <charconv>

#include "common/string_util.h"

namespace switchboard::iceberg {

namespace {

std::shared_ptr<Type> NewType(TypeKind kind) {
  auto type = std::make_shared<Type>();
  type->kind = kind;
  return type;
}

const char* PrimitiveName(TypeKind kind) {
  switch (kind) {
    case TypeKind::kBoolean: return "boolean";
    case TypeKind::kInt: return "int";
    case TypeKind::kLong: return "long";
    case TypeKind::kFloat: return "float";
    case TypeKind::kDouble: return "double";
    case TypeKind::kDate: return "date";
    case TypeKind::kTime: return "time";
    case TypeKind::kTimestamp: return "timestamp";
    case TypeKind::kTimestampTz: return "timestamptz";
    case TypeKind::kTimestampNs: return "timestamp_ns";
    case TypeKind::kTimestampTzNs: return "timestamptz_ns";
    case TypeKind::kString: return "string";
    case TypeKind::kUuid: return "uuid";
    case TypeKind::kBinary: return "binary";
    case TypeKind::kUnknown: return "unknown";
    case TypeKind::kVariant: return "variant";
    default: return nullptr;
  }
}

/// Parses "<name>(<a>,<b>)" or "<name>[<a>]" parameters as integers.
bool ParseIntegers(std::string_view text, std::vector<int64_t>& out) {
  for (std::string_view part : Split(text, ',')) {
    part = TrimWhitespace(part);
    int64_t value = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc() || end != part.data() + part.size()) return false;
    out.push_back(value);
  }
  return true;
}

struct IndexedField {
  int32_t id;
  const NestedField* field;
  int32_t parent;
};

void IndexFields(const std::vector<NestedField>& fields, int32_t parent, std::vector<IndexedField>& out) {
  for (const NestedField& field : fields) {
    out.push_back({field.id, &field, parent});
    if (field.type && field.type->IsNested()) IndexFields(field.type->fields, field.id, out);
  }
}

}  // namespace

std::string Type::ToString() const {
  if (const char* name = PrimitiveName(kind)) return name;
  switch (kind) {
    case TypeKind::kDecimal: return fmt::format("decimal({},{})", precision, scale);
    case TypeKind::kFixed: return fmt::format("fixed[{}]", length);
    case TypeKind::kGeometry: return parameters.empty() ? "geometry" : fmt::format("geometry({})", parameters);
    case TypeKind::kGeography: return parameters.empty() ? "geography" : fmt::format("geography({})", parameters);
    case TypeKind::kStruct: {
      std::vector<std::string> parts;
      for (const auto& f : fields) parts.push_back(fmt::format("{}: {}", f.name, f.type->ToString()));
      return "struct<" + Join(parts, ", ") + ">";
    }
    case TypeKind::kList: return "list<" + element().type->ToString() + ">";
    case TypeKind::kMap: return "map<" + key().type->ToString() + ", " + value().type->ToString() + ">";
    default: return "?";
  }
}

TypePtr Type::Primitive(TypeKind kind) { return NewType(kind); }

TypePtr Type::Decimal(int precision, int scale) {
  auto type = NewType(TypeKind::kDecimal);
  type->precision = precision;
  type->scale = scale;
  return type;
}

TypePtr Type::Fixed(int32_t length) {
  auto type = NewType(TypeKind::kFixed);
  type->length = length;
  return type;
}

TypePtr Type::Struct(std::vector<NestedField> fields) {
  auto type = NewType(TypeKind::kStruct);
  type->fields = std::move(fields);
  return type;
}

TypePtr Type::List(NestedField element) {
  auto type = NewType(TypeKind::kList);
  if (element.name.empty()) element.name = "element";
  type->fields.push_back(std::move(element));
  return type;
}

TypePtr Type::Map(NestedField key, NestedField value) {
  auto type = NewType(TypeKind::kMap);
  if (key.name.empty()) key.name = "key";
  if (value.name.empty()) value.name = "value";
  key.required = true;
  type->fields.push_back(std::move(key));
  type->fields.push_back(std::move(value));
  return type;
}

Result<TypePtr> ParsePrimitiveType(std::string_view name) {
  std::string text = ToLower(TrimWhitespace(name));
  for (TypeKind kind : {TypeKind::kBoolean, TypeKind::kInt, TypeKind::kLong, TypeKind::kFloat, TypeKind::kDouble,
                        TypeKind::kDate, TypeKind::kTime, TypeKind::kTimestamp, TypeKind::kTimestampTz,
                        TypeKind::kTimestampNs, TypeKind::kTimestampTzNs, TypeKind::kString, TypeKind::kUuid,
                        TypeKind::kBinary, TypeKind::kUnknown, TypeKind::kVariant}) {
    if (text == PrimitiveName(kind)) return Type::Primitive(kind);
  }
  auto bad = [&]() { return Error{ErrorCode::kCorruptData, fmt::format("Unknown Iceberg type '{}'", name)}; };
  auto parameters = [&](std::string_view prefix, char open, char close) -> std::optional<std::string_view> {
    if (!StartsWith(text, prefix) || text.size() < prefix.size() + 2) return std::nullopt;
    std::string_view rest = std::string_view(text).substr(prefix.size());
    rest = TrimWhitespace(rest);
    if (rest.empty() || rest.front() != open || rest.back() != close) return std::nullopt;
    return rest.substr(1, rest.size() - 2);
  };
  if (auto p = parameters("decimal", '(', ')')) {
    std::vector<int64_t> values;
    if (!ParseIntegers(*p, values) || values.size() != 2 || values[0] < 1 || values[0] > 38 || values[1] < 0 ||
        values[1] > values[0]) {
      return bad();
    }
    return Type::Decimal(static_cast<int>(values[0]), static_cast<int>(values[1]));
  }
  if (auto p = parameters("fixed", '[', ']')) {
    std::vector<int64_t> values;
    if (!ParseIntegers(*p, values) || values.size() != 1 || values[0] < 0 || values[0] > INT32_MAX) return bad();
    return Type::Fixed(static_cast<int32_t>(values[0]));
  }
  for (auto [prefix, kind] : {std::pair{"geometry", TypeKind::kGeometry}, std::pair{"geography", TypeKind::kGeography}}) {
    if (text == prefix) return Type::Primitive(kind);
    if (auto p = parameters(prefix, '(', ')')) {
      auto type = NewType(kind);
      type->parameters = std::string(*p);
      return TypePtr(type);
    }
  }
  return bad();
}

Result<std::shared_ptr<const Schema>> Schema::Make(int32_t schema_id, std::vector<NestedField> fields,
                                                   std::vector<int32_t> identifier_field_ids) {
  auto schema = std::shared_ptr<Schema>(new Schema());
  schema->schema_id_ = schema_id;
  schema->fields_ = std::move(fields);
  schema->identifier_field_ids_ = std::move(identifier_field_ids);
  std::vector<IndexedField> entries;
  IndexFields(schema->fields_, 0, entries);
  for (const IndexedField& entry : entries) {
    if (!schema->index_.emplace(entry.id, IndexEntry{entry.field, entry.parent}).second) {
      return Error{ErrorCode::kCorruptData, fmt::format("Schema {} uses field id {} twice", schema_id, entry.id)};
    }
  }
  return std::shared_ptr<const Schema>(std::move(schema));
}

const NestedField* Schema::FindField(int32_t id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : it->second.field;
}

const NestedField* Schema::FindTopLevel(std::string_view name) const {
  const NestedField* folded = nullptr;
  int folded_matches = 0;
  for (const auto& field : fields_) {
    if (field.name == name) return &field;
    if (EqualsIgnoreCase(field.name, name)) {
      folded = &field;
      ++folded_matches;
    }
  }
  return folded_matches == 1 ? folded : nullptr;
}

std::vector<int32_t> Schema::PathTo(int32_t id) const {
  std::vector<int32_t> path;
  for (int32_t current = id; current != 0;) {
    auto it = index_.find(current);
    if (it == index_.end()) return {};
    path.insert(path.begin(), current);
    current = it->second.parent;
  }
  return path;
}

int32_t Schema::HighestFieldId() const {
  int32_t highest = 0;
  for (const auto& [id, _] : index_) highest = std::max(highest, id);
  return highest;
}

std::string Schema::FieldName(int32_t id) const {
  std::vector<std::string> names;
  for (int32_t part : PathTo(id)) names.push_back(FindField(part)->name);
  return names.empty() ? fmt::format("#{}", id) : Join(names, ".");
}

Result<LogicalType> ToLogicalType(const Type& type) {
  switch (type.kind) {
    case TypeKind::kBoolean: return LogicalType(TypeId::kBoolean);
    case TypeKind::kInt: return LogicalType(TypeId::kInteger);
    case TypeKind::kLong: return LogicalType(TypeId::kBigint);
    case TypeKind::kFloat: return LogicalType(TypeId::kReal);
    case TypeKind::kDouble: return LogicalType(TypeId::kDouble);
    case TypeKind::kDecimal: return LogicalType::Decimal(type.precision, type.scale);
    case TypeKind::kDate: return LogicalType(TypeId::kDate);
    case TypeKind::kTime: return LogicalType::Time(6);
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampNs: return LogicalType::Timestamp(6);
    case TypeKind::kTimestampTz:
    case TypeKind::kTimestampTzNs: return LogicalType::TimestampTz(6);
    case TypeKind::kString: return LogicalType::Varchar();
    case TypeKind::kUuid: return LogicalType(TypeId::kUuid);
    case TypeKind::kFixed:
    case TypeKind::kBinary: return LogicalType(TypeId::kVarbinary);
    case TypeKind::kStruct: {
      std::vector<std::pair<std::string, LogicalType>> fields;
      for (const auto& field : type.fields) {
        SB_ASSIGN_OR_RETURN(LogicalType child, ToLogicalType(*field.type));
        fields.emplace_back(field.name, std::move(child));
      }
      return LogicalType::Row(std::move(fields));
    }
    case TypeKind::kList: {
      SB_ASSIGN_OR_RETURN(LogicalType element, ToLogicalType(*type.element().type));
      return LogicalType::Array(std::move(element));
    }
    case TypeKind::kMap: {
      SB_ASSIGN_OR_RETURN(LogicalType key, ToLogicalType(*type.key().type));
      SB_ASSIGN_OR_RETURN(LogicalType value, ToLogicalType(*type.value().type));
      return LogicalType::Map(std::move(key), std::move(value));
    }
    default:
      return Error{ErrorCode::kNotSupported, fmt::format("Iceberg type '{}' is not supported", type.ToString())};
  }
}

Result<TypePtr> FromLogicalType(const LogicalType& type, int32_t& next_id) {
  switch (type.id()) {
    case TypeId::kBoolean: return Type::Primitive(TypeKind::kBoolean);
    case TypeId::kTinyint:
    case TypeId::kSmallint:
    case TypeId::kInteger: return Type::Primitive(TypeKind::kInt);
    case TypeId::kBigint: return Type::Primitive(TypeKind::kLong);
    case TypeId::kReal: return Type::Primitive(TypeKind::kFloat);
    case TypeId::kDouble: return Type::Primitive(TypeKind::kDouble);
    case TypeId::kDecimal: return Type::Decimal(type.decimal_precision(), type.decimal_scale());
    case TypeId::kVarchar:
    case TypeId::kChar:
    case TypeId::kJson: return Type::Primitive(TypeKind::kString);
    case TypeId::kVarbinary: return Type::Primitive(TypeKind::kBinary);
    case TypeId::kDate: return Type::Primitive(TypeKind::kDate);
    case TypeId::kTime: return Type::Primitive(TypeKind::kTime);
    case TypeId::kTimestamp: return Type::Primitive(TypeKind::kTimestamp);
    case TypeId::kTimestampTz: return Type::Primitive(TypeKind::kTimestampTz);
    case TypeId::kUuid: return Type::Primitive(TypeKind::kUuid);
    case TypeId::kRow: {
      // A struct's own fields get ids before the fields nested inside them, as Iceberg does.
      std::vector<NestedField> fields;
      for (const auto& [name, child] : type.fields()) {
        NestedField field;
        field.id = next_id++;
        field.name = name;
        fields.push_back(std::move(field));
      }
      for (size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].name.empty()) fields[i].name = fmt::format("field{}", i);
        SB_ASSIGN_OR_RETURN(fields[i].type, FromLogicalType(type.fields()[i].second, next_id));
      }
      return Type::Struct(std::move(fields));
    }
    case TypeId::kArray: {
      NestedField element;
      element.id = next_id++;
      SB_ASSIGN_OR_RETURN(element.type, FromLogicalType(type.element_type(), next_id));
      return Type::List(std::move(element));
    }
    case TypeId::kMap: {
      NestedField key;
      NestedField value;
      key.id = next_id++;
      value.id = next_id++;
      SB_ASSIGN_OR_RETURN(key.type, FromLogicalType(type.key_type(), next_id));
      SB_ASSIGN_OR_RETURN(value.type, FromLogicalType(type.value_type(), next_id));
      return Type::Map(std::move(key), std::move(value));
    }
    default:
      return Error{ErrorCode::kNotSupported,
                   fmt::format("Type '{}' cannot be stored in an Iceberg table", type.ToString())};
  }
}

bool IsPromotionAllowed(const Type& from, const Type& to, int format_version) {
  if (from.kind == to.kind) {
    switch (from.kind) {
      case TypeKind::kDecimal: return from.scale == to.scale && to.precision >= from.precision;
      case TypeKind::kFixed: return from.length == to.length;
      case TypeKind::kStruct:
      case TypeKind::kList:
      case TypeKind::kMap: return false;
      default: return true;
    }
  }
  if (from.kind == TypeKind::kInt && to.kind == TypeKind::kLong) return true;
  if (from.kind == TypeKind::kFloat && to.kind == TypeKind::kDouble) return true;
  if (format_version >= 3 && from.kind == TypeKind::kDate &&
      (to.kind == TypeKind::kTimestamp || to.kind == TypeKind::kTimestampNs)) {
    return true;
  }
  return false;
}

}  // namespace switchboard::iceberg
