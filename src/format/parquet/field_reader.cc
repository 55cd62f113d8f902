// FieldReader implementations: a flat primitive column (with the INTERVAL split) and a nested
// column assembled from its leaves.
#include "format/parquet/field_reader.h"

#include "format/parquet/bit_util.h"

namespace switchboard::parquet {

namespace {

class PrimitiveFieldReader final : public FieldReader {
 public:
  PrimitiveFieldReader(const LeafColumn& leaf, std::unique_ptr<ColumnChunkReader> reader)
      : reader_(std::move(reader)), interval_(leaf.transform == ValueTransform::kInterval) {
    if (interval_) scratch_ = Vector(LogicalType(TypeId::kVarbinary), kVectorSize);
  }

  Result<void> Read(size_t rows, Vector& out) override {
    if (!interval_) return reader_->ReadFlat(rows, out, 0);
    // INTERVAL: 12 bytes (months, days, milliseconds as little-endian uint32) per value.
    scratch_.ResetForWrite(rows > kVectorSize ? rows : kVectorSize);
    SB_RETURN_IF_ERROR(reader_->ReadFlat(rows, scratch_, 0));
    const auto* values = scratch_.data<StringView>();
    auto& fields = out.struct_children();
    for (size_t row = 0; row < rows; ++row) {
      if (!scratch_.validity().RowIsValid(row)) {
        out.validity().SetInvalid(row, out.capacity());
        for (Vector& field : fields) field.data<int32_t>()[row] = 0;
        continue;
      }
      const char* bytes = values[row].data();
      for (size_t f = 0; f < 3; ++f) {
        fields[f].data<int32_t>()[row] = LoadUnaligned<int32_t>(bytes + 4 * f);
      }
    }
    return Ok();
  }

  Result<void> SkipTo(int64_t row) override { return reader_->SkipTo(row); }
  Result<const Vector*> Dictionary() override { return reader_->Dictionary(); }

 private:
  std::unique_ptr<ColumnChunkReader> reader_;
  bool interval_;
  Vector scratch_;
};

class NestedFieldReader final : public FieldReader {
 public:
  NestedFieldReader(const ParquetField& field, const std::vector<LeafColumn>& leaves,
                    std::vector<std::unique_ptr<ColumnChunkReader>> readers, std::string context)
      : readers_(std::move(readers)), assembler_(field, leaves), context_(std::move(context)) {
    batches_.resize(readers_.size());
    for (size_t i = 0; i < readers_.size(); ++i) {
      const LeafColumn& leaf = readers_[i]->leaf();
      LogicalType value_type =
          leaf.transform == ValueTransform::kInterval ? LogicalType(TypeId::kVarbinary) : leaf.type;
      batches_[i].values_holder = Vector(LogicalType::Array(value_type), 1);
    }
  }

  Result<void> Read(size_t rows, Vector& out) override {
    for (size_t i = 0; i < readers_.size(); ++i) {
      batches_[i].Clear();
      SB_RETURN_IF_ERROR(readers_[i]->ReadNested(rows, batches_[i]));
    }
    return assembler_.Assemble(batches_, rows, out, context_);
  }

  Result<void> SkipTo(int64_t row) override {
    for (auto& reader : readers_) SB_RETURN_IF_ERROR(reader->SkipTo(row));
    return Ok();
  }

  Result<const Vector*> Dictionary() override { return static_cast<const Vector*>(nullptr); }

 private:
  std::vector<std::unique_ptr<ColumnChunkReader>> readers_;
  RecordAssembler assembler_;
  std::string context_;
  std::vector<LevelBatch> batches_;
};

}  // namespace

std::unique_ptr<FieldReader> FieldReader::Make(
    const ParquetField& field, const std::vector<LeafColumn>& leaves,
    std::vector<std::unique_ptr<ColumnChunkReader>> readers, std::string context) {
  if (field.kind == ParquetField::Kind::kPrimitive) {
    return std::make_unique<PrimitiveFieldReader>(leaves[static_cast<size_t>(field.leaf_index)],
                                                  std::move(readers[0]));
  }
  return std::make_unique<NestedFieldReader>(field, leaves, std::move(readers), std::move(context));
}

}  // namespace switchboard::parquet
