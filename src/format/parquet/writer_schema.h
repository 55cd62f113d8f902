// WriterSchema: the columns of a Parquet file being written (engine types, nullability, field
// ids) turned into Parquet SchemaElements, the levels that shred them, and per-leaf storage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/parquet_thrift.h"
#include "format/parquet/schema.h"
#include "types/logical_type.h"

namespace switchboard::parquet {

/// One column of a file to write. Nested types describe their parts in `children`: ARRAY its
/// element, MAP its key and value, ROW its fields (in the type's order). Children left empty are
/// derived from `type` (names from the type, nullable, no field ids).
struct ParquetWriterField {
  std::string name;
  LogicalType type;
  bool nullable = true;
  /// Written as the SchemaElement's field_id (Iceberg's column id).
  std::optional<int32_t> field_id;
  std::vector<ParquetWriterField> children;

  ParquetWriterField() = default;
  ParquetWriterField(std::string name, LogicalType type, bool nullable = true,
                     std::optional<int32_t> field_id = std::nullopt,
                     std::vector<ParquetWriterField> children = {})
      : name(std::move(name)),
        type(std::move(type)),
        nullable(nullable),
        field_id(field_id),
        children(std::move(children)) {}
};

/// How one leaf's engine values are stored.
struct WriterLeaf {
  /// The engine type of the values the writer receives.
  LogicalType input_type;
  /// Levels, physical type, path, field id and sort order, as a reader of the file sees them.
  LeafColumn column;
};

/// Immutable once built.
class WriterSchema {
 public:
  /// Errors: kNotSupported for types Parquet cannot hold (a ROW without fields);
  /// kInvalidParameter for children that do not match their type.
  static Result<WriterSchema> Make(const std::vector<ParquetWriterField>& fields);

  const std::vector<SchemaElement>& elements() const { return elements_; }
  const ParquetSchema& schema() const { return schema_; }
  const std::vector<WriterLeaf>& leaves() const { return leaves_; }
  const std::vector<ParquetWriterField>& fields() const { return fields_; }

  /// Bytes of a FIXED_LEN_BYTE_ARRAY that holds any DECIMAL of `precision` digits.
  static int DecimalBytes(int precision);

 private:
  std::vector<ParquetWriterField> fields_;
  std::vector<SchemaElement> elements_;
  ParquetSchema schema_;
  std::vector<WriterLeaf> leaves_;
};

}  // namespace switchboard::parquet
