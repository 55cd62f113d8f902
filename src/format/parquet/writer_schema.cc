// WriterSchema: engine types to Parquet physical and logical types (three-level LIST, MAP with
// key_value, DECIMAL by precision, timestamps in microseconds), levels via ParquetSchema.
#include "format/parquet/writer_schema.h"

#include "types/decimal.h"

namespace switchboard::parquet {

namespace {

using Kind = LogicalTypeAnnotation::Kind;

LogicalTypeAnnotation Annotation(Kind kind) {
  LogicalTypeAnnotation a;
  a.kind = kind;
  return a;
}

// Fills in children derived from the type where the caller gave none.
Result<ParquetWriterField> Complete(ParquetWriterField field) {
  const LogicalType& type = field.type;
  size_t expected = 0;
  switch (type.id()) {
    case TypeId::kArray:
      expected = 1;
      break;
    case TypeId::kMap:
      expected = 2;
      break;
    case TypeId::kRow:
      expected = type.fields().size();
      break;
    default:
      if (!field.children.empty()) {
        return Error{ErrorCode::kInvalidParameter,
                     fmt::format("column '{}' of type {} cannot have children", field.name,
                                 type.ToString())};
      }
      return field;
  }
  if (type.id() == TypeId::kRow && expected == 0) {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("column '{}': Parquet cannot store a ROW without fields", field.name)};
  }
  if (field.children.empty()) {
    switch (type.id()) {
      case TypeId::kArray:
        field.children.emplace_back("element", type.element_type());
        break;
      case TypeId::kMap:
        field.children.emplace_back("key", type.key_type(), false);
        field.children.emplace_back("value", type.value_type());
        break;
      default:
        for (const auto& [name, child] : type.fields()) field.children.emplace_back(name, child);
        break;
    }
  }
  if (field.children.size() != expected) {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("column '{}' of type {} has {} children instead of {}", field.name,
                             type.ToString(), field.children.size(), expected)};
  }
  for (size_t i = 0; i < expected; ++i) {
    const LogicalType& child_type = type.id() == TypeId::kArray ? type.element_type()
                                    : type.id() == TypeId::kMap
                                        ? (i == 0 ? type.key_type() : type.value_type())
                                        : type.fields()[i].second;
    if (field.children[i].type != child_type) {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("column '{}': child '{}' has type {} but the column's type says {}",
                               field.name, field.children[i].name,
                               field.children[i].type.ToString(), child_type.ToString())};
    }
    SB_ASSIGN_OR_RETURN(field.children[i], Complete(std::move(field.children[i])));
  }
  if (type.id() == TypeId::kMap) field.children[0].nullable = false;  // map keys are required
  return field;
}

SchemaElement Primitive(const ParquetWriterField& field) {
  SchemaElement e;
  e.name = field.name;
  e.field_id = field.field_id;
  e.repetition_type =
      field.nullable ? FieldRepetitionType::kOptional : FieldRepetitionType::kRequired;
  const LogicalType& type = field.type;
  auto integer = [&](int bits, ConvertedType converted) {
    e.type = bits == 64 ? Type::kInt64 : Type::kInt32;
    LogicalTypeAnnotation a = Annotation(Kind::kInteger);
    a.bit_width = static_cast<int8_t>(bits);
    a.is_signed = true;
    e.logical_type = a;
    e.converted_type = converted;
  };
  auto temporal = [&](Kind kind, bool utc) {
    e.type = Type::kInt64;
    LogicalTypeAnnotation a = Annotation(kind);
    a.is_adjusted_to_utc = utc;
    a.unit = TimeUnit::kMicros;
    e.logical_type = a;
  };
  switch (type.id()) {
    case TypeId::kBoolean:
      e.type = Type::kBoolean;
      break;
    case TypeId::kTinyint:
      integer(8, ConvertedType::kInt8);
      break;
    case TypeId::kSmallint:
      integer(16, ConvertedType::kInt16);
      break;
    case TypeId::kInteger:
      e.type = Type::kInt32;
      break;
    case TypeId::kBigint:
      e.type = Type::kInt64;
      break;
    case TypeId::kReal:
      e.type = Type::kFloat;
      break;
    case TypeId::kDouble:
      e.type = Type::kDouble;
      break;
    case TypeId::kDecimal: {
      int precision = type.decimal_precision();
      if (precision <= 9) {
        e.type = Type::kInt32;
      } else if (precision <= LogicalType::kMaxInlineDecimalPrecision) {
        e.type = Type::kInt64;
      } else {
        e.type = Type::kFixedLenByteArray;
        e.type_length = WriterSchema::DecimalBytes(precision);
      }
      LogicalTypeAnnotation a = Annotation(Kind::kDecimal);
      a.precision = precision;
      a.scale = type.decimal_scale();
      e.logical_type = a;
      e.converted_type = ConvertedType::kDecimal;
      e.precision = precision;
      e.scale = type.decimal_scale();
      break;
    }
    case TypeId::kVarchar:
    case TypeId::kChar:
      e.type = Type::kByteArray;
      e.logical_type = Annotation(Kind::kString);
      e.converted_type = ConvertedType::kUtf8;
      break;
    case TypeId::kJson:
      e.type = Type::kByteArray;
      e.logical_type = Annotation(Kind::kJson);
      e.converted_type = ConvertedType::kJson;
      break;
    case TypeId::kVarbinary:
      e.type = Type::kByteArray;
      break;
    case TypeId::kDate:
      e.type = Type::kInt32;
      e.logical_type = Annotation(Kind::kDate);
      e.converted_type = ConvertedType::kDate;
      break;
    case TypeId::kTime:
      temporal(Kind::kTime, false);
      break;
    case TypeId::kTimestamp:
      temporal(Kind::kTimestamp, false);
      break;
    case TypeId::kTimestampTz:
      temporal(Kind::kTimestamp, true);
      e.converted_type = ConvertedType::kTimestampMicros;
      break;
    case TypeId::kUuid:
      e.type = Type::kFixedLenByteArray;
      e.type_length = 16;
      e.logical_type = Annotation(Kind::kUuid);
      break;
    case TypeId::kIntervalDayTime:
    case TypeId::kIntervalYearMonth:
      e.type = Type::kFixedLenByteArray;
      e.type_length = 12;
      e.converted_type = ConvertedType::kInterval;
      break;
    default:  // UNKNOWN: the type of a column of NULLs
      e.type = Type::kInt32;
      e.logical_type = Annotation(Kind::kUnknown);
      break;
  }
  return e;
}

void AddElements(const ParquetWriterField& field, std::vector<SchemaElement>& out) {
  auto group = [&](const std::string& name, FieldRepetitionType repetition, int children) {
    SchemaElement e;
    e.name = name;
    e.repetition_type = repetition;
    e.num_children = children;
    return e;
  };
  FieldRepetitionType repetition =
      field.nullable ? FieldRepetitionType::kOptional : FieldRepetitionType::kRequired;
  switch (field.type.id()) {
    case TypeId::kArray: {
      SchemaElement outer = group(field.name, repetition, 1);
      outer.field_id = field.field_id;
      outer.logical_type = Annotation(Kind::kList);
      outer.converted_type = ConvertedType::kList;
      out.push_back(std::move(outer));
      out.push_back(group("list", FieldRepetitionType::kRepeated, 1));
      AddElements(field.children[0], out);
      return;
    }
    case TypeId::kMap: {
      SchemaElement outer = group(field.name, repetition, 1);
      outer.field_id = field.field_id;
      outer.logical_type = Annotation(Kind::kMap);
      outer.converted_type = ConvertedType::kMap;
      out.push_back(std::move(outer));
      out.push_back(group("key_value", FieldRepetitionType::kRepeated, 2));
      AddElements(field.children[0], out);
      AddElements(field.children[1], out);
      return;
    }
    case TypeId::kRow: {
      SchemaElement outer = group(field.name, repetition, static_cast<int>(field.children.size()));
      outer.field_id = field.field_id;
      out.push_back(std::move(outer));
      for (const ParquetWriterField& child : field.children) AddElements(child, out);
      return;
    }
    default:
      out.push_back(Primitive(field));
      return;
  }
}

void CollectInputTypes(const ParquetWriterField& field, std::vector<LogicalType>& out) {
  if (field.children.empty()) {
    out.push_back(field.type);
    return;
  }
  for (const ParquetWriterField& child : field.children) CollectInputTypes(child, out);
}

}  // namespace

int WriterSchema::DecimalBytes(int precision) {
  // The smallest n with 10^precision - 1 < 2^(8n - 1).
  int128_t max = Decimal::MaxUnscaled(precision);
  int bytes = 1;
  while (bytes < 16 && (max >> (8 * bytes - 1)) != 0) ++bytes;
  return bytes;
}

Result<WriterSchema> WriterSchema::Make(const std::vector<ParquetWriterField>& fields) {
  WriterSchema schema;
  SchemaElement root;
  root.name = "schema";
  root.num_children = static_cast<int>(fields.size());
  schema.elements_.push_back(root);
  std::vector<LogicalType> input_types;
  for (const ParquetWriterField& field : fields) {
    SB_ASSIGN_OR_RETURN(ParquetWriterField complete, Complete(field));
    AddElements(complete, schema.elements_);
    CollectInputTypes(complete, input_types);
    schema.fields_.push_back(std::move(complete));
  }
  // The levels and the reader's view of each leaf come from the same code that reads files.
  size_t leaf_count = input_types.size();
  std::vector<ColumnOrder> orders(leaf_count, ColumnOrder::kTypeDefined);
  auto parsed = ParquetSchema::Make(schema.elements_, orders, SchemaOptions{});
  if (!parsed.ok()) {
    Error error = std::move(parsed).error();
    error.code = ErrorCode::kInternal;
    return error;
  }
  schema.schema_ = std::move(parsed).value();
  SB_CHECK(schema.schema_.leaves().size() == leaf_count);
  for (size_t i = 0; i < leaf_count; ++i) {
    schema.leaves_.push_back(WriterLeaf{input_types[i], schema.schema_.leaves()[i]});
  }
  return schema;
}

}  // namespace switchboard::parquet
