// AvroNode: a parsed Avro schema (the tree of types an Avro file's "avro.schema" describes), with
// the attributes Iceberg adds to it (field-id, element-id, key-id, value-id, adjust-to-utc), and
// its JSON form in both directions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace switchboard::avro {

enum class AvroType : uint8_t {
  kNull,
  kBoolean,
  kInt,
  kLong,
  kFloat,
  kDouble,
  kBytes,
  kString,
  kRecord,
  kEnum,
  kArray,
  kMap,
  kUnion,
  kFixed,
};

/// "int", "record", ... as the Avro specification spells them.
const char* AvroTypeName(AvroType type);

class AvroNode;
using AvroNodePtr = std::shared_ptr<const AvroNode>;

/// A field of a record.
struct AvroField {
  std::string name;
  AvroNodePtr type;
  /// Iceberg's "field-id" attribute.
  std::optional<int32_t> field_id;
  std::string doc;
  /// The field declares `"default": null` (Iceberg writes it for optional fields).
  bool default_null = false;
};

/// One node of a schema. Immutable once built and shared by the schemas that reference it, so
/// a whole schema is cheap to copy and safe to read from several threads.
class AvroNode {
 public:
  AvroType type = AvroType::kNull;
  /// Full name of a record, enum or fixed type.
  std::string name;
  /// The logicalType attribute ("date", "decimal", "timestamp-micros", "uuid", "map", ...).
  std::string logical_type;
  int precision = 0;  // decimal
  int scale = 0;      // decimal
  int32_t size = 0;   // fixed
  /// Iceberg's "adjust-to-utc" attribute of timestamps (true for timestamptz).
  bool adjust_to_utc = false;
  std::vector<AvroField> fields;      // record
  std::vector<std::string> symbols;   // enum
  std::vector<AvroNodePtr> branches;  // union
  AvroNodePtr items;                  // array items, map values
  /// Iceberg ids of an array's element and of a string-keyed map's key and value.
  std::optional<int32_t> element_id;
  std::optional<int32_t> key_id;
  std::optional<int32_t> value_id;

  /// Index of the record field named `name` (exact match), or -1.
  int FindField(std::string_view name) const;
  /// Index of the record field with Iceberg field id `id`, or -1.
  int FindFieldById(int32_t id) const;
  /// For a union: the index of its null branch, or -1.
  int NullBranch() const;

  // Builders for schemas written by code.
  static AvroNodePtr Primitive(AvroType type, std::string logical_type = "");
  /// A ["null", type] union.
  static AvroNodePtr Optional(AvroNodePtr type);
  static AvroNodePtr Record(std::string name, std::vector<AvroField> fields);
  static AvroNodePtr Array(AvroNodePtr items, std::optional<int32_t> element_id = std::nullopt);
  static AvroNodePtr Fixed(std::string name, int32_t size, std::string logical_type = "");
};

/// Nesting deeper than this is rejected when parsing schemas (and so bounds decoding depth).
constexpr int kMaxSchemaDepth = 64;

/// Parses the JSON form of a schema: primitive names, named-type references, unions as arrays
/// and objects for everything else. Errors: kCorruptData saying what is malformed (invalid JSON,
/// unknown type names, missing attributes, duplicate names, recursive types, nesting deeper than
/// kMaxSchemaDepth).
Result<AvroNodePtr> ParseAvroSchema(std::string_view json);

/// The JSON form, with every attribute above. A named type that occurs again is written as a
/// reference to its name.
std::string AvroSchemaToJson(const AvroNode& node);

}  // namespace switchboard::avro
