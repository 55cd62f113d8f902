// Manifest lists and manifests as Avro files.
#include "table/iceberg/manifest.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "common/string_util.h"
#include "format/avro/avro_file.h"
#include "table/iceberg/table_metadata.h"
#include "table/iceberg/value_codec.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard::iceberg {

namespace {

using avro::AvroField;
using avro::AvroNode;
using avro::AvroNodePtr;
using avro::AvroType;
using avro::AvroValue;

/// Largest manifest or manifest list read.
constexpr int64_t kMaxManifestSize = int64_t{1} << 30;

Error Corrupt(const std::string& path, const std::string& message) {
  return Error{ErrorCode::kCorruptData, fmt::format("'{}': {}", path, message)};
}

/// The non-null branch of a nullable union (or the node itself).
const AvroNode& Unwrap(const AvroNode& node) {
  if (node.type != AvroType::kUnion) return node;
  for (const auto& branch : node.branches) {
    if (branch->type != AvroType::kNull) return *branch;
  }
  return node;
}

/// A field of a record found by Iceberg field id, else by name.
struct FieldRef {
  int index = -1;
  const AvroNode* type = nullptr;

  bool present() const { return index >= 0; }
};

FieldRef FindField(const AvroNode& record, int32_t id, std::string_view name, std::string_view alternate = {}) {
  int index = record.FindFieldById(id);
  if (index < 0) index = record.FindField(name);
  if (index < 0 && !alternate.empty()) index = record.FindField(alternate);
  if (index < 0) return {};
  return {index, &Unwrap(*record.fields[static_cast<size_t>(index)].type)};
}

const AvroValue* Get(const AvroValue& record, const FieldRef& field) {
  if (!field.present()) return nullptr;
  const AvroValue& value = record.children[static_cast<size_t>(field.index)];
  return value.is_null() ? nullptr : &value;
}

std::optional<int64_t> GetInteger(const AvroValue& record, const FieldRef& field) {
  const AvroValue* value = Get(record, field);
  if (!value || (value->type != AvroType::kInt && value->type != AvroType::kLong)) return std::nullopt;
  return value->integer;
}

std::optional<std::string> GetBytes(const AvroValue& record, const FieldRef& field) {
  const AvroValue* value = Get(record, field);
  if (!value || (value->type != AvroType::kString && value->type != AvroType::kBytes && value->type != AvroType::kFixed)) {
    return std::nullopt;
  }
  return value->bytes;
}

/// The engine type an Avro-encoded partition value of `node` is read as.
LogicalType EngineTypeOf(const AvroNode& node) {
  const AvroNode& type = Unwrap(node);
  const std::string& logical = type.logical_type;
  switch (type.type) {
    case AvroType::kBoolean: return TypeId::kBoolean;
    case AvroType::kInt:
      if (logical == "date") return TypeId::kDate;
      if (logical == "time-millis") return LogicalType::Time(6);
      return TypeId::kInteger;
    case AvroType::kLong:
      if (logical == "time-micros") return LogicalType::Time(6);
      if (StartsWith(logical, "timestamp-")) {
        return type.adjust_to_utc ? LogicalType::TimestampTz(6) : LogicalType::Timestamp(6);
      }
      return TypeId::kBigint;
    case AvroType::kFloat: return TypeId::kReal;
    case AvroType::kDouble: return TypeId::kDouble;
    case AvroType::kString: return logical == "uuid" ? LogicalType(TypeId::kUuid) : LogicalType::Varchar();
    case AvroType::kBytes:
    case AvroType::kFixed:
      if (logical == "decimal") return LogicalType::Decimal(type.precision, type.scale);
      if (logical == "uuid" && type.size == 16) return TypeId::kUuid;
      return TypeId::kVarbinary;
    default: return TypeId::kVarchar;
  }
}

Result<Value> EngineValueOf(const AvroValue& value, const AvroNode& node) {
  LogicalType type = EngineTypeOf(node);
  if (value.is_null()) return Value::Null(type);
  const AvroNode& avro_type = Unwrap(node);
  const std::string& logical = avro_type.logical_type;
  switch (type.id()) {
    case TypeId::kBoolean: return Value::Boolean(value.integer != 0);
    case TypeId::kInteger: return Value::Integer(static_cast<int32_t>(value.integer));
    case TypeId::kBigint: return Value::Bigint(value.integer);
    case TypeId::kDate: return Value::Date(static_cast<int32_t>(value.integer));
    case TypeId::kTime: return Value::Time(logical == "time-millis" ? value.integer * 1000 : value.integer, 6);
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: {
      int64_t micros = value.integer;
      if (logical == "timestamp-millis") micros *= 1000;
      if (logical == "timestamp-nanos") micros = FloorDiv(micros, 1000);
      return type.id() == TypeId::kTimestamp ? Value::Timestamp(micros, 6) : Value::TimestampWithZone({micros, 0}, 6);
    }
    case TypeId::kReal: return Value::Real(static_cast<float>(value.real));
    case TypeId::kDouble: return Value::Double(value.real);
    case TypeId::kVarchar: return Value::Varchar(value.bytes);
    case TypeId::kVarbinary: return Value::Varbinary(value.bytes);
    case TypeId::kUuid: {
      if (avro_type.type == AvroType::kString) {
        auto uuid = ParseUuid(value.bytes);
        if (!uuid) return Error{ErrorCode::kCorruptData, fmt::format("'{}' is not a UUID", value.bytes)};
        return Value::Uuid(*uuid);
      }
      return DeserializeBinary(value.bytes, *Type::Primitive(TypeKind::kUuid));
    }
    case TypeId::kDecimal:
      return DeserializeBinary(value.bytes, *Type::Decimal(type.decimal_precision(), type.decimal_scale()));
    default: return Error{ErrorCode::kCorruptData, "unsupported partition value type"};
  }
}

/// Reads a metrics map: an array of {key, value} records, or an Avro map with string keys.
void ReadIntMap(const AvroValue* value, std::map<int32_t, int64_t>& out) {
  if (!value) return;
  for (size_t i = 0; i < value->children.size(); ++i) {
    const AvroValue& item = value->children[i];
    if (value->type == AvroType::kMap) {
      int32_t key = 0;
      auto [end, ec] = std::from_chars(value->keys[i].data(), value->keys[i].data() + value->keys[i].size(), key);
      if (ec == std::errc() && !item.is_null()) out[key] = item.integer;
    } else if (item.children.size() == 2 && !item.children[1].is_null()) {
      out[static_cast<int32_t>(item.children[0].integer)] = item.children[1].integer;
    }
  }
}

void ReadBytesMap(const AvroValue* value, std::map<int32_t, std::string>& out) {
  if (!value) return;
  for (size_t i = 0; i < value->children.size(); ++i) {
    const AvroValue& item = value->children[i];
    if (value->type == AvroType::kMap) {
      int32_t key = 0;
      auto [end, ec] = std::from_chars(value->keys[i].data(), value->keys[i].data() + value->keys[i].size(), key);
      if (ec == std::errc() && !item.is_null()) out[key] = item.bytes;
    } else if (item.children.size() == 2 && !item.children[1].is_null()) {
      out[static_cast<int32_t>(item.children[0].integer)] = item.children[1].bytes;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

AvroNodePtr Int() { return AvroNode::Primitive(AvroType::kInt); }
AvroNodePtr Long() { return AvroNode::Primitive(AvroType::kLong); }
AvroNodePtr String() { return AvroNode::Primitive(AvroType::kString); }
AvroNodePtr Bytes() { return AvroNode::Primitive(AvroType::kBytes); }
AvroNodePtr Boolean() { return AvroNode::Primitive(AvroType::kBoolean); }

AvroField Field(std::string name, AvroNodePtr type, int32_t id, std::string doc = "") {
  AvroField field;
  field.name = std::move(name);
  field.type = std::move(type);
  field.field_id = id;
  field.doc = std::move(doc);
  return field;
}

AvroField OptionalField(std::string name, AvroNodePtr type, int32_t id, std::string doc = "") {
  AvroField field = Field(std::move(name), AvroNode::Optional(std::move(type)), id, std::move(doc));
  field.default_null = true;
  return field;
}

/// Iceberg's map encoding: an array of {key, value} records with logical type "map".
AvroNodePtr IntMap(int32_t key_id, int32_t value_id, AvroNodePtr value_type) {
  auto record = AvroNode::Record(fmt::format("k{}_v{}", key_id, value_id),
                                 {Field("key", Int(), key_id), Field("value", std::move(value_type), value_id)});
  auto array = std::make_shared<AvroNode>(*AvroNode::Array(record));
  array->logical_type = "map";
  return array;
}

int DecimalBytes(int precision) {
  int bytes = 1;
  while (bytes < 16) {
    // The largest magnitude a two's complement integer of `bytes` bytes holds: 2^(8*bytes-1) - 1.
    int128_t max = (static_cast<int128_t>(1) << (8 * bytes - 1)) - 1;
    if (max >= Decimal::MaxUnscaled(precision)) break;
    ++bytes;
  }
  return bytes;
}

/// The Avro type of a primitive Iceberg type.
AvroNodePtr AvroTypeOf(const Type& type) {
  switch (type.kind) {
    case TypeKind::kBoolean: return Boolean();
    case TypeKind::kInt: return Int();
    case TypeKind::kLong: return Long();
    case TypeKind::kFloat: return AvroNode::Primitive(AvroType::kFloat);
    case TypeKind::kDouble: return AvroNode::Primitive(AvroType::kDouble);
    case TypeKind::kDate: return AvroNode::Primitive(AvroType::kInt, "date");
    case TypeKind::kTime: return AvroNode::Primitive(AvroType::kLong, "time-micros");
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampTz:
    case TypeKind::kTimestampNs:
    case TypeKind::kTimestampTzNs: {
      bool nanos = type.kind == TypeKind::kTimestampNs || type.kind == TypeKind::kTimestampTzNs;
      auto node = std::make_shared<AvroNode>(*AvroNode::Primitive(AvroType::kLong, nanos ? "timestamp-nanos" : "timestamp-micros"));
      node->adjust_to_utc = type.kind == TypeKind::kTimestampTz || type.kind == TypeKind::kTimestampTzNs;
      return node;
    }
    case TypeKind::kUuid: return AvroNode::Fixed("uuid_fixed", 16, "uuid");
    case TypeKind::kFixed: return AvroNode::Fixed(fmt::format("fixed_{}", type.length), type.length);
    case TypeKind::kDecimal: {
      auto node = std::make_shared<AvroNode>(
          *AvroNode::Fixed(fmt::format("decimal_{}_{}", type.precision, type.scale), DecimalBytes(type.precision), "decimal"));
      node->precision = type.precision;
      node->scale = type.scale;
      return node;
    }
    case TypeKind::kBinary: return Bytes();
    default: return String();
  }
}

/// The Avro encoding of a non-NULL partition value of primitive `type`.
AvroValue AvroValueOf(const Value& value, const Type& type) {
  switch (type.kind) {
    case TypeKind::kBoolean: return AvroValue::Boolean(value.GetBoolean());
    case TypeKind::kInt:
    case TypeKind::kDate: return AvroValue::Int(static_cast<int32_t>(value.GetInt64()));
    case TypeKind::kFloat: return AvroValue::Float(static_cast<float>(value.GetDouble()));
    case TypeKind::kDouble: return AvroValue::Double(value.GetDouble());
    case TypeKind::kLong:
    case TypeKind::kTime: return AvroValue::Long(value.GetInt64());
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampTz:
    case TypeKind::kTimestampNs:
    case TypeKind::kTimestampTzNs: {
      std::string bytes = SerializeBinary(value, type);
      int64_t raw;
      std::memcpy(&raw, bytes.data(), 8);
      return AvroValue::Long(raw);
    }
    case TypeKind::kUuid:
    case TypeKind::kFixed: return AvroValue::Fixed(SerializeBinary(value, type));
    case TypeKind::kDecimal: {
      // Sign-extend the minimal bytes to the fixed size.
      std::string minimal = SerializeBinary(value, type);
      size_t size = static_cast<size_t>(DecimalBytes(type.precision));
      char fill = (static_cast<unsigned char>(minimal[0]) & 0x80) ? '\xff' : '\0';
      return AvroValue::Fixed(std::string(size - std::min(size, minimal.size()), fill) + minimal);
    }
    case TypeKind::kBinary: return AvroValue::Bytes(value.GetString());
    default: return AvroValue::String(value.GetString());
  }
}

AvroNodePtr PartitionRecord(const Type& partition_type) {
  std::vector<AvroField> fields;
  for (const NestedField& field : partition_type.fields) fields.push_back(OptionalField(field.name, AvroTypeOf(*field.type), field.id));
  return AvroNode::Record("r102", std::move(fields));
}

AvroNodePtr ManifestEntrySchema(int format_version, const Type& partition_type) {
  std::vector<AvroField> file;
  if (format_version >= 2) file.push_back(Field("content", Int(), 134, "Contents of the file: 0=data, 1=position deletes, 2=equality deletes"));
  file.push_back(Field("file_path", String(), 100, "Location URI with FS scheme"));
  file.push_back(Field("file_format", String(), 101, "File format name: avro, orc, or parquet"));
  file.push_back(Field("partition", PartitionRecord(partition_type), 102, "Partition data tuple, schema based on the partition spec"));
  file.push_back(Field("record_count", Long(), 103, "Number of records in the file"));
  file.push_back(Field("file_size_in_bytes", Long(), 104, "Total file size in bytes"));
  if (format_version == 1) file.push_back(Field("block_size_in_bytes", Long(), 105, "Deprecated. Always write a default in v1."));
  file.push_back(OptionalField("column_sizes", IntMap(117, 118, Long()), 108, "Map of column id to total size on disk"));
  file.push_back(OptionalField("value_counts", IntMap(119, 120, Long()), 109, "Map of column id to total count, including null and NaN"));
  file.push_back(OptionalField("null_value_counts", IntMap(121, 122, Long()), 110, "Map of column id to null value count"));
  file.push_back(OptionalField("nan_value_counts", IntMap(138, 139, Long()), 137, "Map of column id to number of NaN values in the column"));
  file.push_back(OptionalField("lower_bounds", IntMap(126, 127, Bytes()), 125, "Map of column id to lower bound"));
  file.push_back(OptionalField("upper_bounds", IntMap(129, 130, Bytes()), 128, "Map of column id to upper bound"));
  file.push_back(OptionalField("key_metadata", Bytes(), 131, "Encryption key metadata blob"));
  file.push_back(OptionalField("split_offsets", AvroNode::Array(Long(), 133), 132, "Splittable offsets"));
  if (format_version >= 2) file.push_back(OptionalField("equality_ids", AvroNode::Array(Int(), 136), 135, "Equality comparison field IDs"));
  file.push_back(OptionalField("sort_order_id", Int(), 140, "Sort order ID"));
  if (format_version >= 3) {
    file.push_back(OptionalField("first_row_id", Long(), 142, "Starting row ID to assign to new rows"));
    file.push_back(OptionalField("referenced_data_file", String(), 143, "Fully qualified location (URI with FS scheme) of a data file that all deletes reference"));
    file.push_back(OptionalField("content_offset", Long(), 144, "The offset in the file where the content starts"));
    file.push_back(OptionalField("content_size_in_bytes", Long(), 145, "The length of referenced content stored in the file"));
  } else if (format_version == 2) {
    file.push_back(OptionalField("referenced_data_file", String(), 143, "Fully qualified location (URI with FS scheme) of a data file that all deletes reference"));
  }
  std::vector<AvroField> entry;
  entry.push_back(Field("status", Int(), 0));
  if (format_version == 1) {
    entry.push_back(Field("snapshot_id", Long(), 1));
  } else {
    entry.push_back(OptionalField("snapshot_id", Long(), 1));
    entry.push_back(OptionalField("sequence_number", Long(), 3));
    entry.push_back(OptionalField("file_sequence_number", Long(), 4));
  }
  entry.push_back(Field("data_file", AvroNode::Record("r2", std::move(file)), 2));
  return AvroNode::Record("manifest_entry", std::move(entry));
}

AvroNodePtr ManifestListSchema(int format_version) {
  auto summary = AvroNode::Record("r508", {
      Field("contains_null", Boolean(), 509, "True if any file has a null partition value"),
      OptionalField("contains_nan", Boolean(), 518, "True if any file has a nan partition value"),
      OptionalField("lower_bound", Bytes(), 510, "Partition lower bound for all files"),
      OptionalField("upper_bound", Bytes(), 511, "Partition upper bound for all files"),
  });
  std::vector<AvroField> fields;
  fields.push_back(Field("manifest_path", String(), 500, "Location URI with FS scheme"));
  fields.push_back(Field("manifest_length", Long(), 501, "Total file size in bytes"));
  fields.push_back(Field("partition_spec_id", Int(), 502, "Spec ID used to write"));
  if (format_version == 1) {
    fields.push_back(Field("added_snapshot_id", Long(), 503, "Snapshot ID that added the manifest"));
    fields.push_back(OptionalField("added_data_files_count", Int(), 504, "Added entry count"));
    fields.push_back(OptionalField("existing_data_files_count", Int(), 505, "Existing entry count"));
    fields.push_back(OptionalField("deleted_data_files_count", Int(), 506, "Deleted entry count"));
    fields.push_back(OptionalField("partitions", AvroNode::Array(summary, 508), 507, "Summary for each partition"));
    fields.push_back(OptionalField("added_rows_count", Long(), 512, "Added rows count"));
    fields.push_back(OptionalField("existing_rows_count", Long(), 513, "Existing rows count"));
    fields.push_back(OptionalField("deleted_rows_count", Long(), 514, "Deleted rows count"));
  } else {
    fields.push_back(Field("content", Int(), 517, "Contents of the manifest: 0=data, 1=deletes"));
    fields.push_back(Field("sequence_number", Long(), 515, "Sequence number when the manifest was added"));
    fields.push_back(Field("min_sequence_number", Long(), 516, "Lowest sequence number in the manifest"));
    fields.push_back(Field("added_snapshot_id", Long(), 503, "Snapshot ID that added the manifest"));
    fields.push_back(Field("added_files_count", Int(), 504, "Added entry count"));
    fields.push_back(Field("existing_files_count", Int(), 505, "Existing entry count"));
    fields.push_back(Field("deleted_files_count", Int(), 506, "Deleted entry count"));
    fields.push_back(Field("added_rows_count", Long(), 512, "Added rows count"));
    fields.push_back(Field("existing_rows_count", Long(), 513, "Existing rows count"));
    fields.push_back(Field("deleted_rows_count", Long(), 514, "Deleted rows count"));
    fields.push_back(OptionalField("partitions", AvroNode::Array(summary, 508), 507, "Summary for each partition"));
  }
  fields.push_back(OptionalField("key_metadata", Bytes(), 519, "Encryption key metadata blob"));
  if (format_version >= 3) fields.push_back(OptionalField("first_row_id", Long(), 520, "Starting row ID to assign to new rows in ADDED data files"));
  return AvroNode::Record("manifest_file", std::move(fields));
}

AvroValue OptionalLong(std::optional<int64_t> value) { return value ? AvroValue::Long(*value) : AvroValue::Null(); }
AvroValue OptionalInt(std::optional<int64_t> value) {
  return value ? AvroValue::Int(static_cast<int32_t>(*value)) : AvroValue::Null();
}
AvroValue OptionalBytes(const std::optional<std::string>& value) { return value ? AvroValue::Bytes(*value) : AvroValue::Null(); }

template <typename Map, typename Make>
AvroValue MapValue(const Map& map, Make make) {
  if (map.empty()) return AvroValue::Null();
  std::vector<AvroValue> items;
  for (const auto& [key, value] : map) items.push_back(AvroValue::Record({AvroValue::Int(key), make(value)}));
  return AvroValue::Array(std::move(items));
}

/// Accumulates a manifest's partition summaries while its entries are written.
class SummaryBuilder {
 public:
  explicit SummaryBuilder(const Type& partition_type) : type_(partition_type), fields_(partition_type.fields.size()) {}

  void Add(const std::vector<Value>& partition) {
    for (size_t i = 0; i < fields_.size() && i < partition.size(); ++i) {
      Field& field = fields_[i];
      const Value& value = partition[i];
      const Type& type = *type_.fields[i].type;
      if (value.is_null()) {
        field.contains_null = true;
        continue;
      }
      if ((type.kind == TypeKind::kFloat || type.kind == TypeKind::kDouble) && std::isnan(value.GetDouble())) {
        field.contains_nan = true;
        continue;
      }
      if (!field.lower || CompareValues(value, *field.lower) < 0) field.lower = value;
      if (!field.upper || CompareValues(value, *field.upper) > 0) field.upper = value;
    }
  }

  std::vector<PartitionFieldSummary> Finish() const {
    std::vector<PartitionFieldSummary> out;
    for (size_t i = 0; i < fields_.size(); ++i) {
      const Type& type = *type_.fields[i].type;
      PartitionFieldSummary summary;
      summary.contains_null = fields_[i].contains_null;
      if (type.kind == TypeKind::kFloat || type.kind == TypeKind::kDouble) summary.contains_nan = fields_[i].contains_nan;
      if (fields_[i].lower && type.IsPrimitive() && type.kind != TypeKind::kUnknown) {
        summary.lower_bound = SerializeBinary(*fields_[i].lower, type);
        summary.upper_bound = SerializeBinary(*fields_[i].upper, type);
      }
      out.push_back(std::move(summary));
    }
    return out;
  }

 private:
  struct Field {
    bool contains_null = false;
    bool contains_nan = false;
    std::optional<Value> lower;
    std::optional<Value> upper;
  };
  const Type& type_;
  std::vector<Field> fields_;
};

}  // namespace

Result<std::vector<ManifestFile>> ReadManifestList(const FileIO& io, const std::string& path) {
  SB_ASSIGN_OR_RETURN(std::string contents, io.ReadFile(path, kMaxManifestSize));
  SB_ASSIGN_OR_RETURN(auto reader, avro::AvroFileReader::Open(std::move(contents), path));
  const AvroNode& schema = *reader->schema();
  if (schema.type != AvroType::kRecord) return Corrupt(path, "a manifest list must hold records");
  FieldRef manifest_path = FindField(schema, 500, "manifest_path");
  FieldRef length = FindField(schema, 501, "manifest_length");
  FieldRef spec_id = FindField(schema, 502, "partition_spec_id");
  FieldRef content = FindField(schema, 517, "content");
  FieldRef sequence_number = FindField(schema, 515, "sequence_number");
  FieldRef min_sequence_number = FindField(schema, 516, "min_sequence_number");
  FieldRef added_snapshot_id = FindField(schema, 503, "added_snapshot_id");
  FieldRef added_files = FindField(schema, 504, "added_files_count", "added_data_files_count");
  FieldRef existing_files = FindField(schema, 505, "existing_files_count", "existing_data_files_count");
  FieldRef deleted_files = FindField(schema, 506, "deleted_files_count", "deleted_data_files_count");
  FieldRef added_rows = FindField(schema, 512, "added_rows_count");
  FieldRef existing_rows = FindField(schema, 513, "existing_rows_count");
  FieldRef deleted_rows = FindField(schema, 514, "deleted_rows_count");
  FieldRef partitions = FindField(schema, 507, "partitions");
  FieldRef key_metadata = FindField(schema, 519, "key_metadata");
  FieldRef first_row_id = FindField(schema, 520, "first_row_id");
  if (!manifest_path.present() || !spec_id.present()) return Corrupt(path, "not a manifest list (no manifest_path)");
  FieldRef contains_null;
  FieldRef contains_nan;
  FieldRef lower;
  FieldRef upper;
  if (partitions.present() && partitions.type->type == AvroType::kArray) {
    const AvroNode& summary = Unwrap(*partitions.type->items);
    contains_null = FindField(summary, 509, "contains_null");
    contains_nan = FindField(summary, 518, "contains_nan");
    lower = FindField(summary, 510, "lower_bound");
    upper = FindField(summary, 511, "upper_bound");
  }
  std::vector<ManifestFile> manifests;
  AvroValue record;
  while (true) {
    SB_ASSIGN_OR_RETURN(bool more, reader->Next(record));
    if (!more) break;
    ManifestFile manifest;
    auto text = GetBytes(record, manifest_path);
    if (!text) return Corrupt(path, "a manifest without a path");
    manifest.path = std::move(*text);
    manifest.length = GetInteger(record, length).value_or(0);
    manifest.spec_id = static_cast<int32_t>(GetInteger(record, spec_id).value_or(0));
    manifest.content = GetInteger(record, content).value_or(0) == 1 ? ManifestContent::kDeletes : ManifestContent::kData;
    manifest.sequence_number = GetInteger(record, sequence_number).value_or(0);
    manifest.min_sequence_number = GetInteger(record, min_sequence_number).value_or(0);
    manifest.added_snapshot_id = GetInteger(record, added_snapshot_id).value_or(0);
    if (auto v = GetInteger(record, added_files)) manifest.added_files_count = static_cast<int32_t>(*v);
    if (auto v = GetInteger(record, existing_files)) manifest.existing_files_count = static_cast<int32_t>(*v);
    if (auto v = GetInteger(record, deleted_files)) manifest.deleted_files_count = static_cast<int32_t>(*v);
    manifest.added_rows_count = GetInteger(record, added_rows);
    manifest.existing_rows_count = GetInteger(record, existing_rows);
    manifest.deleted_rows_count = GetInteger(record, deleted_rows);
    if (const AvroValue* summaries = Get(record, partitions)) {
      for (const AvroValue& summary : summaries->children) {
        PartitionFieldSummary parsed;
        const AvroValue* null_flag = Get(summary, contains_null);
        parsed.contains_null = !null_flag || null_flag->integer != 0;
        if (const AvroValue* nan_flag = Get(summary, contains_nan)) parsed.contains_nan = nan_flag->integer != 0;
        parsed.lower_bound = GetBytes(summary, lower);
        parsed.upper_bound = GetBytes(summary, upper);
        manifest.partitions.push_back(std::move(parsed));
      }
    }
    manifest.key_metadata = GetBytes(record, key_metadata);
    manifest.first_row_id = GetInteger(record, first_row_id);
    manifests.push_back(std::move(manifest));
  }
  return manifests;
}

Result<std::vector<ManifestEntry>> ReadManifest(const FileIO& io, const ManifestFile& manifest) {
  const std::string& path = manifest.path;
  SB_ASSIGN_OR_RETURN(std::string contents, io.ReadFile(path, kMaxManifestSize));
  SB_ASSIGN_OR_RETURN(auto reader, avro::AvroFileReader::Open(std::move(contents), path));
  const AvroNode& schema = *reader->schema();
  if (schema.type != AvroType::kRecord) return Corrupt(path, "a manifest must hold records");
  FieldRef status = FindField(schema, 0, "status");
  FieldRef snapshot_id = FindField(schema, 1, "snapshot_id");
  FieldRef sequence_number = FindField(schema, 3, "sequence_number");
  FieldRef file_sequence_number = FindField(schema, 4, "file_sequence_number");
  FieldRef data_file = FindField(schema, 2, "data_file");
  if (!status.present() || !data_file.present() || data_file.type->type != AvroType::kRecord) {
    return Corrupt(path, "not a manifest (no status or data_file)");
  }
  const AvroNode& file = *data_file.type;
  FieldRef content = FindField(file, 134, "content");
  FieldRef file_path = FindField(file, 100, "file_path");
  FieldRef file_format = FindField(file, 101, "file_format");
  FieldRef partition = FindField(file, 102, "partition");
  FieldRef record_count = FindField(file, 103, "record_count");
  FieldRef file_size = FindField(file, 104, "file_size_in_bytes");
  FieldRef column_sizes = FindField(file, 108, "column_sizes");
  FieldRef value_counts = FindField(file, 109, "value_counts");
  FieldRef null_counts = FindField(file, 110, "null_value_counts");
  FieldRef nan_counts = FindField(file, 137, "nan_value_counts");
  FieldRef lower_bounds = FindField(file, 125, "lower_bounds");
  FieldRef upper_bounds = FindField(file, 128, "upper_bounds");
  FieldRef key_metadata = FindField(file, 131, "key_metadata");
  FieldRef split_offsets = FindField(file, 132, "split_offsets");
  FieldRef equality_ids = FindField(file, 135, "equality_ids");
  FieldRef sort_order_id = FindField(file, 140, "sort_order_id");
  FieldRef first_row_id = FindField(file, 142, "first_row_id");
  FieldRef referenced = FindField(file, 143, "referenced_data_file");
  FieldRef content_offset = FindField(file, 144, "content_offset");
  FieldRef content_size = FindField(file, 145, "content_size_in_bytes");
  if (!file_path.present() || !record_count.present()) return Corrupt(path, "data_file has no file_path or record_count");
  const AvroNode* partition_record = partition.present() && partition.type->type == AvroType::kRecord ? partition.type : nullptr;
  // Manifests that v1 snapshots list inline carry their spec id only in their own metadata.
  int32_t spec_id = manifest.spec_id;
  if (spec_id < 0) {
    std::string text = reader->Metadata("partition-spec-id");
    spec_id = 0;
    std::from_chars(text.data(), text.data() + text.size(), spec_id);
  }

  std::vector<ManifestEntry> entries;
  std::optional<int64_t> next_row_id = manifest.first_row_id;
  AvroValue record;
  while (true) {
    SB_ASSIGN_OR_RETURN(bool more, reader->Next(record));
    if (!more) break;
    ManifestEntry entry;
    int64_t status_code = GetInteger(record, status).value_or(-1);
    if (status_code < 0 || status_code > 2) return Corrupt(path, fmt::format("invalid entry status {}", status_code));
    entry.status = static_cast<EntryStatus>(status_code);
    entry.snapshot_id = GetInteger(record, snapshot_id);
    entry.sequence_number = GetInteger(record, sequence_number);
    entry.file_sequence_number = GetInteger(record, file_sequence_number);
    // Inheritance: snapshot ids always; sequence numbers for ADDED entries; v1 files have 0.
    if (!entry.snapshot_id) entry.snapshot_id = manifest.added_snapshot_id;
    if (!sequence_number.present()) entry.sequence_number = 0;
    if (!file_sequence_number.present()) entry.file_sequence_number = 0;
    if (entry.status == EntryStatus::kAdded) {
      if (!entry.sequence_number) entry.sequence_number = manifest.sequence_number;
      if (!entry.file_sequence_number) entry.file_sequence_number = manifest.sequence_number;
    }
    if (!entry.sequence_number) entry.sequence_number = manifest.sequence_number;

    const AvroValue& file_value = record.children[static_cast<size_t>(data_file.index)];
    auto out = std::make_shared<DataFile>();
    int64_t content_code = GetInteger(file_value, content).value_or(0);
    if (content_code < 0 || content_code > 2) return Corrupt(path, fmt::format("invalid file content {}", content_code));
    out->content = static_cast<FileContent>(content_code);
    out->file_path = GetBytes(file_value, file_path).value_or("");
    out->file_format = GetBytes(file_value, file_format).value_or("PARQUET");
    out->spec_id = spec_id;
    if (partition_record) {
      const AvroValue* tuple = Get(file_value, partition);
      for (size_t i = 0; i < partition_record->fields.size(); ++i) {
        const AvroValue null_value;
        const AvroValue& field_value = tuple && i < tuple->children.size() ? tuple->children[i] : null_value;
        Result<Value> value = EngineValueOf(field_value, *partition_record->fields[i].type);
        if (!value.ok()) return Corrupt(path, value.error().message);
        out->partition.push_back(std::move(*value));
      }
    }
    out->record_count = GetInteger(file_value, record_count).value_or(0);
    out->file_size_in_bytes = GetInteger(file_value, file_size).value_or(0);
    ReadIntMap(Get(file_value, column_sizes), out->column_sizes);
    ReadIntMap(Get(file_value, value_counts), out->value_counts);
    ReadIntMap(Get(file_value, null_counts), out->null_value_counts);
    ReadIntMap(Get(file_value, nan_counts), out->nan_value_counts);
    ReadBytesMap(Get(file_value, lower_bounds), out->lower_bounds);
    ReadBytesMap(Get(file_value, upper_bounds), out->upper_bounds);
    out->key_metadata = GetBytes(file_value, key_metadata);
    if (const AvroValue* offsets = Get(file_value, split_offsets)) {
      for (const AvroValue& offset : offsets->children) out->split_offsets.push_back(offset.integer);
    }
    if (const AvroValue* ids = Get(file_value, equality_ids)) {
      for (const AvroValue& id : ids->children) out->equality_ids.push_back(static_cast<int32_t>(id.integer));
    }
    if (auto v = GetInteger(file_value, sort_order_id)) out->sort_order_id = static_cast<int32_t>(*v);
    out->first_row_id = GetInteger(file_value, first_row_id);
    if (out->content == FileContent::kData && !out->first_row_id && next_row_id) {
      out->first_row_id = *next_row_id;
      *next_row_id += out->record_count;
    }
    out->referenced_data_file = GetBytes(file_value, referenced);
    out->content_offset = GetInteger(file_value, content_offset);
    out->content_size_in_bytes = GetInteger(file_value, content_size);
    if (out->record_count < 0 || out->file_size_in_bytes < 0) {
      return Corrupt(path, fmt::format("negative record count or size for '{}'", out->file_path));
    }
    entry.file = std::move(out);
    entries.push_back(std::move(entry));
  }
  return entries;
}

Result<ManifestFile> WriteManifest(const FileIO& io, const std::string& path, int format_version, const Schema& schema,
                                   const PartitionSpec& spec, ManifestContent content, int64_t snapshot_id,
                                   const std::vector<ManifestEntry>& entries) {
  TypePtr partition_type = spec.PartitionType(schema);
  std::vector<std::pair<std::string, std::string>> metadata = {
      {"schema", SchemaToJson(schema)},
      {"schema-id", std::to_string(schema.schema_id())},
      {"partition-spec", PartitionFieldsToJson(spec)},
      {"partition-spec-id", std::to_string(spec.spec_id)},
      {"format-version", std::to_string(format_version)},
  };
  if (format_version >= 2) metadata.emplace_back("content", content == ManifestContent::kData ? "data" : "deletes");
  avro::AvroFileWriter writer(ManifestEntrySchema(format_version, *partition_type), std::move(metadata));

  ManifestFile manifest;
  manifest.path = path;
  manifest.spec_id = spec.spec_id;
  manifest.content = content;
  manifest.sequence_number = -1;
  manifest.added_snapshot_id = snapshot_id;
  int32_t counts[3] = {0, 0, 0};
  int64_t rows[3] = {0, 0, 0};
  std::optional<int64_t> min_sequence_number;
  SummaryBuilder summaries(*partition_type);
  for (const ManifestEntry& entry : entries) {
    const DataFile& file = *entry.file;
    if (file.partition.size() != partition_type->fields.size()) {
      return Error{ErrorCode::kInvalidParameter, fmt::format("'{}' has {} partition values, the spec has {} fields",
                                                             file.file_path, file.partition.size(), partition_type->fields.size())};
    }
    int status = static_cast<int>(entry.status);
    counts[status]++;
    rows[status] += file.record_count;
    if (entry.status != EntryStatus::kDeleted) {
      summaries.Add(file.partition);
      if (entry.sequence_number) {
        min_sequence_number = std::min(min_sequence_number.value_or(*entry.sequence_number), *entry.sequence_number);
      }
    }
    std::vector<AvroValue> partition;
    for (size_t i = 0; i < file.partition.size(); ++i) {
      const Value& value = file.partition[i];
      partition.push_back(value.is_null() ? AvroValue::Null() : AvroValueOf(value, *partition_type->fields[i].type));
    }
    std::vector<AvroValue> file_fields;
    if (format_version >= 2) file_fields.push_back(AvroValue::Int(static_cast<int32_t>(file.content)));
    file_fields.push_back(AvroValue::String(file.file_path));
    file_fields.push_back(AvroValue::String(file.file_format));
    file_fields.push_back(AvroValue::Record(std::move(partition)));
    file_fields.push_back(AvroValue::Long(file.record_count));
    file_fields.push_back(AvroValue::Long(file.file_size_in_bytes));
    if (format_version == 1) file_fields.push_back(AvroValue::Long(int64_t{64} << 20));
    auto long_value = [](int64_t v) { return AvroValue::Long(v); };
    auto bytes_value = [](const std::string& v) { return AvroValue::Bytes(v); };
    file_fields.push_back(MapValue(file.column_sizes, long_value));
    file_fields.push_back(MapValue(file.value_counts, long_value));
    file_fields.push_back(MapValue(file.null_value_counts, long_value));
    file_fields.push_back(MapValue(file.nan_value_counts, long_value));
    file_fields.push_back(MapValue(file.lower_bounds, bytes_value));
    file_fields.push_back(MapValue(file.upper_bounds, bytes_value));
    file_fields.push_back(OptionalBytes(file.key_metadata));
    if (file.split_offsets.empty()) {
      file_fields.push_back(AvroValue::Null());
    } else {
      std::vector<AvroValue> offsets;
      for (int64_t offset : file.split_offsets) offsets.push_back(AvroValue::Long(offset));
      file_fields.push_back(AvroValue::Array(std::move(offsets)));
    }
    if (format_version >= 2) {
      if (file.equality_ids.empty()) {
        file_fields.push_back(AvroValue::Null());
      } else {
        std::vector<AvroValue> ids;
        for (int32_t id : file.equality_ids) ids.push_back(AvroValue::Int(id));
        file_fields.push_back(AvroValue::Array(std::move(ids)));
      }
    }
    file_fields.push_back(OptionalInt(file.sort_order_id));
    if (format_version >= 3) {
      file_fields.push_back(OptionalLong(entry.status == EntryStatus::kAdded ? std::nullopt : file.first_row_id));
      file_fields.push_back(file.referenced_data_file ? AvroValue::String(*file.referenced_data_file) : AvroValue::Null());
      file_fields.push_back(OptionalLong(file.content_offset));
      file_fields.push_back(OptionalLong(file.content_size_in_bytes));
    } else if (format_version == 2) {
      file_fields.push_back(file.referenced_data_file ? AvroValue::String(*file.referenced_data_file) : AvroValue::Null());
    }
    std::vector<AvroValue> entry_fields;
    entry_fields.push_back(AvroValue::Int(status));
    if (format_version == 1) {
      entry_fields.push_back(AvroValue::Long(entry.snapshot_id.value_or(snapshot_id)));
    } else {
      // New files inherit the snapshot id and sequence numbers from the manifest list.
      bool added = entry.status == EntryStatus::kAdded;
      entry_fields.push_back(added ? AvroValue::Null() : OptionalLong(entry.snapshot_id));
      entry_fields.push_back(added ? AvroValue::Null() : OptionalLong(entry.sequence_number));
      entry_fields.push_back(added ? AvroValue::Null() : OptionalLong(entry.file_sequence_number));
    }
    entry_fields.push_back(AvroValue::Record(std::move(file_fields)));
    SB_RETURN_IF_ERROR(writer.Append(AvroValue::Record(std::move(entry_fields))));
  }
  SB_ASSIGN_OR_RETURN(std::string bytes, writer.Finish());
  SB_RETURN_IF_ERROR(io.WriteFile(path, bytes, WriteMode::kCreateIfAbsent));
  manifest.length = static_cast<int64_t>(bytes.size());
  manifest.added_files_count = counts[1];
  manifest.existing_files_count = counts[0];
  manifest.deleted_files_count = counts[2];
  manifest.added_rows_count = rows[1];
  manifest.existing_rows_count = rows[0];
  manifest.deleted_rows_count = rows[2];
  manifest.min_sequence_number = min_sequence_number.value_or(-1);
  manifest.partitions = summaries.Finish();
  return manifest;
}

Result<int64_t> WriteManifestList(const FileIO& io, const std::string& path, int format_version, int64_t snapshot_id,
                                  std::optional<int64_t> parent_id, int64_t sequence_number, int64_t first_row_id,
                                  std::vector<ManifestFile>& manifests) {
  std::vector<std::pair<std::string, std::string>> metadata = {
      {"snapshot-id", std::to_string(snapshot_id)},
      {"parent-snapshot-id", parent_id ? std::to_string(*parent_id) : "null"},
      {"format-version", std::to_string(format_version)},
  };
  if (format_version >= 2) metadata.emplace_back("sequence-number", std::to_string(sequence_number));
  if (format_version >= 3) metadata.emplace_back("first-row-id", std::to_string(first_row_id));
  avro::AvroFileWriter writer(ManifestListSchema(format_version), std::move(metadata));
  int64_t next_row_id = first_row_id;
  for (ManifestFile& manifest : manifests) {
    if (manifest.sequence_number < 0) manifest.sequence_number = sequence_number;
    if (manifest.min_sequence_number < 0) manifest.min_sequence_number = sequence_number;
    if (format_version >= 3 && manifest.content == ManifestContent::kData && !manifest.first_row_id) {
      manifest.first_row_id = next_row_id;
      next_row_id += manifest.added_rows_count.value_or(0) + manifest.existing_rows_count.value_or(0);
    }
    AvroValue partitions = AvroValue::Null();
    if (!manifest.partitions.empty() || format_version >= 2) {
      std::vector<AvroValue> summaries;
      for (const auto& summary : manifest.partitions) {
        summaries.push_back(AvroValue::Record({
            AvroValue::Boolean(summary.contains_null),
            summary.contains_nan ? AvroValue::Boolean(*summary.contains_nan) : AvroValue::Null(),
            OptionalBytes(summary.lower_bound),
            OptionalBytes(summary.upper_bound),
        }));
      }
      partitions = AvroValue::Array(std::move(summaries));
    }
    std::vector<AvroValue> fields;
    fields.push_back(AvroValue::String(manifest.path));
    fields.push_back(AvroValue::Long(manifest.length));
    fields.push_back(AvroValue::Int(manifest.spec_id));
    if (format_version == 1) {
      fields.push_back(AvroValue::Long(manifest.added_snapshot_id));
      fields.push_back(OptionalInt(manifest.added_files_count));
      fields.push_back(OptionalInt(manifest.existing_files_count));
      fields.push_back(OptionalInt(manifest.deleted_files_count));
      fields.push_back(std::move(partitions));
      fields.push_back(OptionalLong(manifest.added_rows_count));
      fields.push_back(OptionalLong(manifest.existing_rows_count));
      fields.push_back(OptionalLong(manifest.deleted_rows_count));
    } else {
      fields.push_back(AvroValue::Int(static_cast<int32_t>(manifest.content)));
      fields.push_back(AvroValue::Long(manifest.sequence_number));
      fields.push_back(AvroValue::Long(manifest.min_sequence_number));
      fields.push_back(AvroValue::Long(manifest.added_snapshot_id));
      fields.push_back(AvroValue::Int(manifest.added_files_count.value_or(0)));
      fields.push_back(AvroValue::Int(manifest.existing_files_count.value_or(0)));
      fields.push_back(AvroValue::Int(manifest.deleted_files_count.value_or(0)));
      fields.push_back(AvroValue::Long(manifest.added_rows_count.value_or(0)));
      fields.push_back(AvroValue::Long(manifest.existing_rows_count.value_or(0)));
      fields.push_back(AvroValue::Long(manifest.deleted_rows_count.value_or(0)));
      fields.push_back(std::move(partitions));
    }
    fields.push_back(OptionalBytes(manifest.key_metadata));
    if (format_version >= 3) fields.push_back(OptionalLong(manifest.first_row_id));
    SB_RETURN_IF_ERROR(writer.Append(AvroValue::Record(std::move(fields))));
  }
  SB_ASSIGN_OR_RETURN(std::string bytes, writer.Finish());
  SB_RETURN_IF_ERROR(io.WriteFile(path, bytes, WriteMode::kCreateIfAbsent));
  return next_row_id;
}

}  // namespace switchboard::iceberg
