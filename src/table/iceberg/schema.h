// Iceberg schemas: the type system (primitives, struct, list, map), fields identified by id,
// schemas with an id index, and their mapping to engine types.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "types/logical_type.h"
#include "types/value.h"

namespace switchboard::iceberg {

enum class TypeKind : uint8_t {
  kBoolean,
  kInt,
  kLong,
  kFloat,
  kDouble,
  kDecimal,
  kDate,
  kTime,
  kTimestamp,
  kTimestampTz,
  kTimestampNs,
  kTimestampTzNs,
  kString,
  kUuid,
  kFixed,
  kBinary,
  kUnknown,
  kVariant,
  kGeometry,
  kGeography,
  kStruct,
  kList,
  kMap,
};

class Type;
using TypePtr = std::shared_ptr<const Type>;

/// A field of a struct, the element of a list, or the key or value of a map. Defaults are
/// engine values of the field's engine type (see ToLogicalType).
struct NestedField {
  int32_t id = 0;
  std::string name;
  bool required = false;
  TypePtr type;
  std::string doc;
  std::optional<Value> initial_default;
  std::optional<Value> write_default;
};

/// An Iceberg type. Immutable and shared.
class Type {
 public:
  TypeKind kind = TypeKind::kUnknown;
  int precision = 0;  // decimal
  int scale = 0;      // decimal
  int32_t length = 0;  // fixed
  /// Parameters of geometry and geography as written ("srid:4326,spherical").
  std::string parameters;
  /// Struct fields; a list's element; a map's key and value.
  std::vector<NestedField> fields;

  bool IsPrimitive() const { return kind < TypeKind::kStruct; }
  bool IsNested() const { return !IsPrimitive(); }
  const NestedField& element() const { return fields[0]; }
  const NestedField& key() const { return fields[0]; }
  const NestedField& value() const { return fields[1]; }

  /// The JSON spelling of a primitive ("decimal(9,2)", "fixed[16]"), and struct<...>, list<...>,
  /// map<...> forms for nested types (messages only).
  std::string ToString() const;

  static TypePtr Primitive(TypeKind kind);
  static TypePtr Decimal(int precision, int scale);
  static TypePtr Fixed(int32_t length);
  static TypePtr Struct(std::vector<NestedField> fields);
  static TypePtr List(NestedField element);
  static TypePtr Map(NestedField key, NestedField value);
};

/// Parses a primitive type name as table metadata spells it. Errors: kCorruptData.
Result<TypePtr> ParsePrimitiveType(std::string_view name);

/// A table schema: top-level fields plus an index of every field (nested ones too) by id.
/// Immutable once made; share it as std::shared_ptr<const Schema>.
class Schema {
 public:
  /// Errors: kCorruptData for duplicate field ids.
  static Result<std::shared_ptr<const Schema>> Make(int32_t schema_id, std::vector<NestedField> fields,
                                                    std::vector<int32_t> identifier_field_ids = {});

  int32_t schema_id() const { return schema_id_; }
  const std::vector<NestedField>& fields() const { return fields_; }
  const std::vector<int32_t>& identifier_field_ids() const { return identifier_field_ids_; }

  /// The field with id `id` at any depth, or nullptr.
  const NestedField* FindField(int32_t id) const;
  /// The top-level field named `name`: an exact match first, else the one case-insensitive
  /// match; nullptr when there is none (or several case-insensitive ones).
  const NestedField* FindTopLevel(std::string_view name) const;
  /// The id path from a top-level field down to `id` (empty when unknown).
  std::vector<int32_t> PathTo(int32_t id) const;
  /// The highest field id used anywhere in the schema (0 when there are no fields).
  int32_t HighestFieldId() const;
  /// Dotted name of a field ("point.x"), for messages.
  std::string FieldName(int32_t id) const;

 private:
  int32_t schema_id_ = 0;
  std::vector<NestedField> fields_;
  std::vector<int32_t> identifier_field_ids_;
  struct IndexEntry {
    const NestedField* field;
    int32_t parent;  // 0 for top-level fields
  };
  std::unordered_map<int32_t, IndexEntry> index_;
};

using SchemaPtr = std::shared_ptr<const Schema>;

/// The engine type values of `type` are read as: int -> integer, long -> bigint, float -> real,
/// decimal -> decimal, date -> date, time -> time(6), timestamp[_ns] -> timestamp(6),
/// timestamptz[_ns] -> timestamp(6) with time zone, string -> varchar, uuid -> uuid,
/// fixed/binary -> varbinary, struct -> row, list -> array, map -> map. Errors: kNotSupported
/// for variant, geometry, geography and unknown.
Result<LogicalType> ToLogicalType(const Type& type);

/// The Iceberg type for an engine type (tinyint and smallint widen to int, char/varchar/json
/// become string), assigning ids to nested fields from `next_id` upwards. Errors:
/// kNotSupported for intervals and other types Iceberg has no counterpart for.
Result<TypePtr> FromLogicalType(const LogicalType& type, int32_t& next_id);

/// Whether values of `from` may be read as `to` under Iceberg's promotion rules (int -> long,
/// float -> double, decimal(P,S) -> decimal(P',S) with P' >= P, date -> timestamp in v3), or the
/// types are equal.
bool IsPromotionAllowed(const Type& from, const Type& to, int format_version);

}  // namespace switchboard::iceberg
