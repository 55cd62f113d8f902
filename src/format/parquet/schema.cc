// ParquetSchema: tree reconstruction, LIST/MAP resolution with the backward-compatibility rules of
// LogicalTypes.md, and the mapping of every physical and logical type to an engine type.
#include "format/parquet/schema.h"

#include "common/string_util.h"

namespace switchboard::parquet {

namespace {

using Kind = LogicalTypeAnnotation::Kind;

// The SchemaElement list as a tree.
struct Node {
  const SchemaElement* element = nullptr;
  std::vector<Node> children;
};

Error Corrupt(std::string message) {
  return Error{ErrorCode::kCorruptData, "invalid Parquet schema: " + std::move(message)};
}

Result<Node> BuildTree(const std::vector<SchemaElement>& elements, size_t& position, int depth) {
  if (depth > ParquetSchema::kMaxDepth) {
    return Corrupt(fmt::format("nesting deeper than {} levels", ParquetSchema::kMaxDepth));
  }
  if (position >= elements.size()) return Corrupt("fewer elements than the child counts declare");
  Node node;
  node.element = &elements[position++];
  int32_t children = node.element->num_children.value_or(0);
  if (children < 0 || static_cast<size_t>(children) > elements.size() - position) {
    return Corrupt(fmt::format("element '{}' declares {} children", node.element->name, children));
  }
  // A group with no children is only the root of an empty schema; a leaf has a type.
  if (!node.element->num_children.has_value() || children == 0) {
    if (depth > 0 && !node.element->type.has_value()) {
      return Corrupt(
          fmt::format("element '{}' has neither a type nor children", node.element->name));
    }
    return node;
  }
  node.children.reserve(static_cast<size_t>(children));
  for (int32_t i = 0; i < children; ++i) {
    SB_ASSIGN_OR_RETURN(Node child, BuildTree(elements, position, depth + 1));
    node.children.push_back(std::move(child));
  }
  return node;
}

std::optional<LogicalTypeAnnotation> FromConvertedType(const SchemaElement& e) {
  if (!e.converted_type) return std::nullopt;
  LogicalTypeAnnotation t;
  auto integer = [&](int bits, bool is_signed) {
    t.kind = Kind::kInteger;
    t.bit_width = static_cast<int8_t>(bits);
    t.is_signed = is_signed;
  };
  auto temporal = [&](Kind kind, TimeUnit unit) {
    t.kind = kind;
    t.unit = unit;
    t.is_adjusted_to_utc = true;  // LogicalTypes.md: the legacy types are UTC-adjusted
  };
  switch (*e.converted_type) {
    case ConvertedType::kUtf8:
      t.kind = Kind::kString;
      break;
    case ConvertedType::kMap:
    case ConvertedType::kMapKeyValue:
      t.kind = Kind::kMap;
      break;
    case ConvertedType::kList:
      t.kind = Kind::kList;
      break;
    case ConvertedType::kEnum:
      t.kind = Kind::kEnum;
      break;
    case ConvertedType::kDecimal:
      t.kind = Kind::kDecimal;
      t.precision = e.precision.value_or(0);
      t.scale = e.scale.value_or(0);
      break;
    case ConvertedType::kDate:
      t.kind = Kind::kDate;
      break;
    case ConvertedType::kTimeMillis:
      temporal(Kind::kTime, TimeUnit::kMillis);
      break;
    case ConvertedType::kTimeMicros:
      temporal(Kind::kTime, TimeUnit::kMicros);
      break;
    case ConvertedType::kTimestampMillis:
      temporal(Kind::kTimestamp, TimeUnit::kMillis);
      break;
    case ConvertedType::kTimestampMicros:
      temporal(Kind::kTimestamp, TimeUnit::kMicros);
      break;
    case ConvertedType::kUint8:
      integer(8, false);
      break;
    case ConvertedType::kUint16:
      integer(16, false);
      break;
    case ConvertedType::kUint32:
      integer(32, false);
      break;
    case ConvertedType::kUint64:
      integer(64, false);
      break;
    case ConvertedType::kInt8:
      integer(8, true);
      break;
    case ConvertedType::kInt16:
      integer(16, true);
      break;
    case ConvertedType::kInt32:
      integer(32, true);
      break;
    case ConvertedType::kInt64:
      integer(64, true);
      break;
    case ConvertedType::kJson:
      t.kind = Kind::kJson;
      break;
    case ConvertedType::kBson:
      t.kind = Kind::kBson;
      break;
    default:
      return std::nullopt;  // INTERVAL is handled by the leaf mapping; others unknown
  }
  return t;
}

// The annotation that decides the mapping: a known LogicalType, else the converted type.
std::optional<LogicalTypeAnnotation> EffectiveAnnotation(const SchemaElement& e) {
  if (e.logical_type && e.logical_type->kind != Kind::kUnrecognized) {
    LogicalTypeAnnotation t = *e.logical_type;
    if (t.kind == Kind::kDecimal && t.precision == 0) {
      t.precision = e.precision.value_or(0);
      t.scale = e.scale.value_or(0);
    }
    return t;
  }
  return FromConvertedType(e);
}

class SchemaBuilder {
 public:
  SchemaBuilder(const std::optional<std::vector<ColumnOrder>>& orders, const SchemaOptions& options)
      : orders_(orders), options_(options) {}

  std::vector<LeafColumn> leaves;

  // A child of a struct (or the root): handles bare repeated fields (ARRAY without annotation).
  Result<ParquetField> ConvertField(const Node& node, int16_t parent_def, int16_t parent_rep,
                                    std::vector<std::string>& path) {
    const SchemaElement& e = *node.element;
    FieldRepetitionType repetition = e.repetition_type.value_or(FieldRepetitionType::kOptional);
    if (repetition == FieldRepetitionType::kRepeated) {
      path.push_back(e.name);
      SB_ASSIGN_OR_RETURN(ParquetField element,
                          ConvertNode(node, static_cast<int16_t>(parent_def + 1),
                                      static_cast<int16_t>(parent_rep + 1), path, false));
      path.pop_back();
      ParquetField list = MakeList(e.name, std::move(element), parent_def, parent_rep, false);
      list.field_id = list.children[0].field_id;
      return list;
    }
    bool optional = repetition == FieldRepetitionType::kOptional;
    path.push_back(e.name);
    auto result = ConvertNode(node, static_cast<int16_t>(parent_def + (optional ? 1 : 0)),
                              parent_rep, path, optional);
    path.pop_back();
    return result;
  }

 private:
  static ParquetField MakeList(std::string name, ParquetField element, int16_t def, int16_t rep,
                               bool nullable) {
    ParquetField list;
    list.kind = ParquetField::Kind::kList;
    list.name = std::move(name);
    list.type = LogicalType::Array(element.type);
    list.nullable = nullable;
    list.definition_level = def;
    list.repetition_level = rep;
    list.element_definition_level = static_cast<int16_t>(def + 1);
    list.children.push_back(std::move(element));
    return list;
  }

  // A node whose own optionality is already in `def` and whose slots are at `rep`.
  Result<ParquetField> ConvertNode(const Node& node, int16_t def, int16_t rep,
                                   std::vector<std::string>& path, bool nullable) {
    const SchemaElement& e = *node.element;
    if (node.children.empty()) return ConvertLeaf(e, def, rep, path, nullable);
    std::optional<LogicalTypeAnnotation> annotation = EffectiveAnnotation(e);
    if (annotation && annotation->kind == Kind::kList)
      return ConvertList(node, def, rep, path, nullable);
    if (annotation && annotation->kind == Kind::kMap)
      return ConvertMap(node, def, rep, path, nullable);
    return ConvertStruct(node, def, rep, path, nullable);
  }

  Result<ParquetField> ConvertStruct(const Node& node, int16_t def, int16_t rep,
                                     std::vector<std::string>& path, bool nullable) {
    ParquetField field;
    field.kind = ParquetField::Kind::kStruct;
    field.name = node.element->name;
    field.field_id = node.element->field_id;
    field.nullable = nullable;
    field.definition_level = def;
    field.repetition_level = rep;
    std::vector<std::pair<std::string, LogicalType>> types;
    for (const Node& child : node.children) {
      SB_ASSIGN_OR_RETURN(ParquetField converted, ConvertField(child, def, rep, path));
      types.emplace_back(converted.name, converted.type);
      field.children.push_back(std::move(converted));
    }
    field.type = LogicalType::Row(std::move(types));
    return field;
  }

  Result<ParquetField> ConvertList(const Node& node, int16_t def, int16_t rep,
                                   std::vector<std::string>& path, bool nullable) {
    const SchemaElement& e = *node.element;
    if (node.children.size() != 1) {
      return Corrupt(fmt::format("LIST group '{}' has {} children instead of one", e.name,
                                 node.children.size()));
    }
    const Node& repeated = node.children[0];
    const SchemaElement& r = *repeated.element;
    if (r.repetition_type != FieldRepetitionType::kRepeated) {
      return Corrupt(fmt::format("the child of LIST group '{}' is not repeated", e.name));
    }
    auto element_def = static_cast<int16_t>(def + 1);
    auto element_rep = static_cast<int16_t>(rep + 1);
    path.push_back(r.name);
    Result<ParquetField> element = Error{};
    if (repeated.children.size() != 1 || r.name == "array" || r.name == e.name + "_tuple") {
      // Legacy two-level lists (LogicalTypes.md rules 1-3): the repeated field itself, with
      // its own annotation, is the required element.
      element = ConvertNode(repeated, element_def, element_rep, path, false);
    } else {
      element = ConvertField(repeated.children[0], element_def, element_rep, path);
    }
    path.pop_back();
    SB_RETURN_IF_ERROR(element);
    ParquetField list = MakeList(e.name, std::move(element).value(), def, rep, nullable);
    list.field_id = e.field_id;
    return list;
  }

  Result<ParquetField> ConvertMap(const Node& node, int16_t def, int16_t rep,
                                  std::vector<std::string>& path, bool nullable) {
    const SchemaElement& e = *node.element;
    if (node.children.size() != 1 ||
        node.children[0].element->repetition_type != FieldRepetitionType::kRepeated ||
        node.children[0].children.empty() || node.children[0].children.size() > 2) {
      return Corrupt(fmt::format(
          "MAP group '{}' must hold one repeated group of a key and an optional value", e.name));
    }
    const Node& entries = node.children[0];
    auto entry_def = static_cast<int16_t>(def + 1);
    auto entry_rep = static_cast<int16_t>(rep + 1);
    path.push_back(entries.element->name);
    SB_ASSIGN_OR_RETURN(ParquetField key,
                        ConvertField(entries.children[0], entry_def, entry_rep, path));
    if (entries.children.size() == 1) {
      // A map without values reads as the list of its keys.
      path.pop_back();
      ParquetField list = MakeList(e.name, std::move(key), def, rep, nullable);
      list.field_id = e.field_id;
      return list;
    }
    SB_ASSIGN_OR_RETURN(ParquetField value,
                        ConvertField(entries.children[1], entry_def, entry_rep, path));
    path.pop_back();
    ParquetField entry;
    entry.kind = ParquetField::Kind::kStruct;
    entry.name = entries.element->name;
    entry.nullable = false;
    entry.definition_level = entry_def;
    entry.repetition_level = entry_rep;
    LogicalType map_type = LogicalType::Map(key.type, value.type);
    entry.type = map_type.MapEntryType();
    entry.children.push_back(std::move(key));
    entry.children.push_back(std::move(value));
    ParquetField map = MakeList(e.name, std::move(entry), def, rep, nullable);
    map.type = std::move(map_type);
    map.field_id = e.field_id;
    return map;
  }

  Result<ParquetField> ConvertLeaf(const SchemaElement& e, int16_t def, int16_t rep,
                                   std::vector<std::string>& path, bool nullable) {
    if (!e.type) return Corrupt(fmt::format("leaf '{}' has no type", e.name));
    LeafColumn leaf;
    leaf.index = static_cast<int>(leaves.size());
    leaf.path = path;
    leaf.physical_type = *e.type;
    leaf.max_definition_level = def;
    leaf.max_repetition_level = rep;
    leaf.field_id = e.field_id;
    leaf.converted_type = e.converted_type;
    leaf.logical_type = EffectiveAnnotation(e);
    if (orders_ && static_cast<size_t>(leaf.index) < orders_->size()) {
      leaf.column_order = (*orders_)[static_cast<size_t>(leaf.index)];
    }
    if (leaf.physical_type == Type::kFixedLenByteArray) {
      if (!e.type_length || *e.type_length <= 0 || *e.type_length > (1 << 24)) {
        return Corrupt(fmt::format("FIXED_LEN_BYTE_ARRAY column '{}' has invalid length {}",
                                   leaf.PathString(), e.type_length.value_or(0)));
      }
      leaf.type_length = *e.type_length;
    }
    SB_RETURN_IF_ERROR(MapLeafType(leaf));
    ParquetField field;
    field.kind = ParquetField::Kind::kPrimitive;
    field.name = e.name;
    field.type = leaf.type;
    field.field_id = e.field_id;
    field.nullable = nullable;
    field.definition_level = def;
    field.repetition_level = rep;
    field.leaf_index = leaf.index;
    leaves.push_back(std::move(leaf));
    return field;
  }

  Result<void> MapLeafType(LeafColumn& leaf) {
    const std::optional<LogicalTypeAnnotation>& a = leaf.logical_type;
    Kind kind = a ? a->kind : Kind::kUnrecognized;
    leaf.sort_order = SortOrder::kSigned;
    leaf.transform = ValueTransform::kNone;
    if (kind == Kind::kDecimal) {
      int precision = a->precision;
      int scale = a->scale;
      if (precision > LogicalType::kMaxDecimalPrecision) {
        return Error{
            ErrorCode::kNotSupported,
            fmt::format("column '{}' is DECIMAL({},{}): precision above {} is not "
                        "supported",
                        leaf.PathString(), precision, scale, LogicalType::kMaxDecimalPrecision)};
      }
      if (precision < 1 || scale < 0 || scale > precision) {
        return Corrupt(fmt::format("column '{}' has invalid DECIMAL({},{})", leaf.PathString(),
                                   precision, scale));
      }
      switch (leaf.physical_type) {
        case Type::kInt32:
        case Type::kInt64:
          break;
        case Type::kByteArray:
          leaf.transform = ValueTransform::kDecimalBytes;
          break;
        case Type::kFixedLenByteArray:
          if (leaf.type_length > 16) {
            return Error{ErrorCode::kNotSupported,
                         fmt::format("column '{}': DECIMAL stored in {} bytes is not supported",
                                     leaf.PathString(), leaf.type_length)};
          }
          leaf.transform = ValueTransform::kDecimalBytes;
          break;
        default:
          return Corrupt(fmt::format("column '{}': DECIMAL cannot annotate {}", leaf.PathString(),
                                     TypeName(leaf.physical_type)));
      }
      leaf.type = LogicalType::Decimal(precision, scale);
      return Ok();
    }
    switch (leaf.physical_type) {
      case Type::kBoolean:
        leaf.type = TypeId::kBoolean;
        return Ok();
      case Type::kInt32:
      case Type::kInt64: {
        bool is64 = leaf.physical_type == Type::kInt64;
        if (kind == Kind::kInteger) return MapInteger(leaf, a->bit_width, a->is_signed);
        if (kind == Kind::kDate && !is64) {
          leaf.type = TypeId::kDate;
          return Ok();
        }
        if (kind == Kind::kTime) {
          if (a->unit == TimeUnit::kMillis) {
            leaf.type = LogicalType::Time(3);
            leaf.transform = ValueTransform::kMillisToMicros;
            return Ok();
          }
          if (is64) {
            leaf.type = LogicalType::Time(6);
            if (a->unit == TimeUnit::kNanos) leaf.transform = ValueTransform::kNanosToMicrosRound;
            return Ok();
          }
        }
        if (kind == Kind::kTimestamp && is64) {
          int precision = a->unit == TimeUnit::kMillis ? 3 : 6;
          leaf.type = a->is_adjusted_to_utc ? LogicalType::TimestampTz(precision)
                                            : LogicalType::Timestamp(precision);
          if (a->unit == TimeUnit::kMillis) leaf.transform = ValueTransform::kMillisToMicros;
          if (a->unit == TimeUnit::kNanos) leaf.transform = ValueTransform::kNanosToMicrosFloor;
          return Ok();
        }
        leaf.type = is64 ? TypeId::kBigint : TypeId::kInteger;
        return Ok();
      }
      case Type::kInt96:
        leaf.type = LogicalType::Timestamp(6);
        leaf.transform = ValueTransform::kInt96Timestamp;
        leaf.sort_order = SortOrder::kUnknown;
        return Ok();
      case Type::kFloat:
        leaf.type = TypeId::kReal;
        return Ok();
      case Type::kDouble:
        leaf.type = TypeId::kDouble;
        return Ok();
      case Type::kByteArray:
        leaf.sort_order = SortOrder::kUnsigned;
        switch (kind) {
          case Kind::kString:
          case Kind::kEnum:
            leaf.type = TypeId::kVarchar;
            return Ok();
          case Kind::kJson:
            leaf.type = TypeId::kJson;
            return Ok();
          case Kind::kGeometry:
          case Kind::kGeography:
            leaf.sort_order = SortOrder::kUnknown;
            leaf.type = TypeId::kVarbinary;
            return Ok();
          case Kind::kBson:
            leaf.type = TypeId::kVarbinary;
            return Ok();
          default:
            leaf.type = options_.binary_as_string && !a ? TypeId::kVarchar : TypeId::kVarbinary;
            return Ok();
        }
      case Type::kFixedLenByteArray:
        leaf.sort_order = SortOrder::kUnsigned;
        if (kind == Kind::kUuid && leaf.type_length == 16) {
          leaf.type = TypeId::kUuid;
          leaf.transform = ValueTransform::kUuid;
          return Ok();
        }
        if (kind == Kind::kFloat16 && leaf.type_length == 2) {
          leaf.type = TypeId::kReal;
          leaf.transform = ValueTransform::kFloat16;
          leaf.sort_order = SortOrder::kSigned;
          return Ok();
        }
        if (leaf.converted_type == ConvertedType::kInterval && leaf.type_length == 12) {
          leaf.type = LogicalType::Row({{"months", TypeId::kInteger},
                                        {"days", TypeId::kInteger},
                                        {"milliseconds", TypeId::kInteger}});
          leaf.transform = ValueTransform::kInterval;
          leaf.sort_order = SortOrder::kUnknown;
          return Ok();
        }
        if (kind == Kind::kString || kind == Kind::kEnum) {
          leaf.type = TypeId::kVarchar;
          return Ok();
        }
        leaf.type = TypeId::kVarbinary;
        return Ok();
    }
    return Corrupt(fmt::format("column '{}' has unknown physical type {}", leaf.PathString(),
                               static_cast<int>(leaf.physical_type)));
  }

  static Result<void> MapInteger(LeafColumn& leaf, int bits, bool is_signed) {
    if (is_signed) {
      switch (bits) {
        case 8:
          leaf.type = TypeId::kTinyint;
          return Ok();
        case 16:
          leaf.type = TypeId::kSmallint;
          return Ok();
        case 32:
          leaf.type = TypeId::kInteger;
          return Ok();
        case 64:
          leaf.type = TypeId::kBigint;
          return Ok();
        default:
          break;
      }
    } else {
      leaf.sort_order = SortOrder::kUnsigned;
      leaf.transform = ValueTransform::kUnsigned;
      switch (bits) {
        case 8:
          leaf.type = TypeId::kSmallint;
          return Ok();
        case 16:
          leaf.type = TypeId::kInteger;
          return Ok();
        case 32:
          leaf.type = TypeId::kBigint;
          return Ok();
        case 64:
          leaf.type = LogicalType::Decimal(20, 0);
          return Ok();
        default:
          break;
      }
    }
    return Corrupt(fmt::format("column '{}' has integer bit width {}", leaf.PathString(), bits));
  }

  const std::optional<std::vector<ColumnOrder>>& orders_;
  const SchemaOptions& options_;
};

}  // namespace

std::string LeafColumn::PathString() const { return Join(path, "."); }

Result<ParquetSchema> ParquetSchema::Make(
    const std::vector<SchemaElement>& elements,
    const std::optional<std::vector<ColumnOrder>>& column_orders, const SchemaOptions& options) {
  if (elements.empty()) return Corrupt("no schema elements");
  size_t position = 0;
  SB_ASSIGN_OR_RETURN(Node root, BuildTree(elements, position, 0));
  if (position != elements.size()) {
    return Corrupt(
        fmt::format("{} schema elements follow the root's tree", elements.size() - position));
  }
  ParquetSchema schema;
  SchemaBuilder builder(column_orders, options);
  for (const Node& child : root.children) {
    int first = static_cast<int>(builder.leaves.size());
    std::vector<std::string> path;
    SB_ASSIGN_OR_RETURN(ParquetField field, builder.ConvertField(child, 0, 0, path));
    schema.fields_.push_back(std::move(field));
    schema.leaf_ranges_.emplace_back(first, static_cast<int>(builder.leaves.size()));
  }
  schema.leaves_ = std::move(builder.leaves);
  return schema;
}

int ParquetSchema::FindField(std::string_view name) const {
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].name == name) return static_cast<int>(i);
  }
  int match = -1;
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (!EqualsIgnoreCase(fields_[i].name, name)) continue;
    if (match >= 0) return -1;  // ambiguous without the exact case
    match = static_cast<int>(i);
  }
  return match;
}

}  // namespace switchboard::parquet
