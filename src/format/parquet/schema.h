// ParquetSchema: a file's flattened SchemaElement list resolved into a tree of engine-typed
// fields (ROW, ARRAY, MAP and primitives) with the definition and repetition levels that rebuild
// them, and the leaf columns with the conversion from Parquet values to engine values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "format/parquet/parquet_thrift.h"
#include "types/logical_type.h"

namespace switchboard::parquet {

/// How a leaf's stored values become engine values (beyond a plain copy or integer cast).
enum class ValueTransform : uint8_t {
  kNone,                // same value: BOOLEAN, INT32/INT64 (also narrowed or widened), FLOAT,
                        // DOUBLE, byte arrays as strings or binary
  kUnsigned,            // UINT_32 -> bigint, UINT_64 -> decimal(20,0): zero extension
  kMillisToMicros,      // TIME/TIMESTAMP in milliseconds
  kNanosToMicrosFloor,  // TIMESTAMP in nanoseconds (rounded down, so order is kept)
  kNanosToMicrosRound,  // TIME in nanoseconds (rounded to the nearest microsecond)
  kInt96Timestamp,      // legacy INT96 (nanoseconds of day, Julian day) -> microseconds
  kFloat16,             // FIXED_LEN_BYTE_ARRAY(2) half float -> float
  kDecimalBytes,        // big-endian two's complement BYTE_ARRAY/FIXED_LEN_BYTE_ARRAY decimal
  kUuid,                // FIXED_LEN_BYTE_ARRAY(16) -> uuid
  kInterval,            // FIXED_LEN_BYTE_ARRAY(12) -> row(months, days, milliseconds)
};

/// The order that min/max statistics of a leaf follow, per the Parquet specification.
enum class SortOrder : uint8_t { kSigned, kUnsigned, kUnknown };

/// One leaf column: a column chunk in every row group.
struct LeafColumn {
  int index = 0;                  // among the leaves, = the column chunk's position
  std::vector<std::string> path;  // names from the top-level field down
  Type physical_type = Type::kInt32;
  int32_t type_length = 0;  // FIXED_LEN_BYTE_ARRAY width
  int16_t max_definition_level = 0;
  int16_t max_repetition_level = 0;
  /// Engine type of the decoded values.
  LogicalType type;
  ValueTransform transform = ValueTransform::kNone;
  SortOrder sort_order = SortOrder::kUnknown;
  /// min_value/max_value follow `sort_order` only when the footer's column order is known.
  ColumnOrder column_order = ColumnOrder::kUnknown;
  std::optional<int32_t> field_id;
  /// The annotations as stored (after converting legacy ConvertedTypes).
  std::optional<LogicalTypeAnnotation> logical_type;
  std::optional<ConvertedType> converted_type;

  /// Dotted path for messages: "a.list.element".
  std::string PathString() const;
};

/// One engine vector in the tree of a top-level column. A MAP is a list of ROW(key, value)
/// entries, so its one child is the entry struct.
struct ParquetField {
  enum class Kind : uint8_t { kPrimitive, kStruct, kList };

  Kind kind = Kind::kPrimitive;
  std::string name;
  LogicalType type;
  std::optional<int32_t> field_id;
  bool nullable = true;
  /// Definition level at and above which the field's value is not NULL.
  int16_t definition_level = 0;
  /// Repeated ancestors of the field's slots (0 for a top-level field's rows).
  int16_t repetition_level = 0;
  /// kList: the definition level at and above which the list has at least one element.
  int16_t element_definition_level = 0;
  /// kPrimitive: the leaf it reads.
  int leaf_index = -1;
  std::vector<ParquetField> children;
};

/// Choices in how Parquet types map to engine types.
struct SchemaOptions {
  /// Unannotated BYTE_ARRAY columns read as varchar instead of varbinary.
  bool binary_as_string = false;
};

/// Immutable once built; thread-safe to share.
class ParquetSchema {
 public:
  static constexpr int kMaxDepth = 64;

  /// Resolves a footer's schema. `column_orders` is FileMetaData.column_orders.
  /// Errors: kCorruptData for a malformed tree (bad child counts, a leaf without a type, a group
  /// LIST/MAP annotation with the wrong shape, nesting deeper than kMaxDepth, an invalid decimal
  /// or fixed length); kNotSupported for types the engine cannot hold (DECIMAL precision above
  /// 38). Messages name the field.
  static Result<ParquetSchema> Make(const std::vector<SchemaElement>& elements,
                                    const std::optional<std::vector<ColumnOrder>>& column_orders,
                                    const SchemaOptions& options);

  const std::vector<ParquetField>& fields() const { return fields_; }
  const std::vector<LeafColumn>& leaves() const { return leaves_; }

  /// Index of the top-level field named `name` (exact match, else the one case-insensitive
  /// match), or -1.
  int FindField(std::string_view name) const;
  /// Leaves [first, second) belong to top-level field `field`.
  std::pair<int, int> LeafRange(int field) const { return leaf_ranges_[field]; }

 private:
  std::vector<ParquetField> fields_;
  std::vector<LeafColumn> leaves_;
  std::vector<std::pair<int, int>> leaf_ranges_;
};

}  // namespace switchboard::parquet
