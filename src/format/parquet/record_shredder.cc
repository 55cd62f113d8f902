// RecordShredder: the recursive walk that emits levels per leaf.
#include "format/parquet/record_shredder.h"

namespace switchboard::parquet {

namespace {

int FirstLeaf(const ParquetField& field) {
  return field.kind == ParquetField::Kind::kPrimitive ? field.leaf_index
                                                      : FirstLeaf(field.children[0]);
}

}  // namespace

RecordShredder::RecordShredder(const ParquetField& field, std::vector<ColumnWriter*> writers)
    : field_(field), writers_(std::move(writers)), first_leaf_(FirstLeaf(field)) {
  leaves_.resize(writers_.size());
}

void RecordShredder::BindLeaves(const ParquetField& field, const Vector& vector) {
  switch (field.kind) {
    case ParquetField::Kind::kPrimitive:
      leaves_[static_cast<size_t>(field.leaf_index - first_leaf_)].values = &vector;
      return;
    case ParquetField::Kind::kList:
      BindLeaves(field.children[0], vector.list_child());
      return;
    case ParquetField::Kind::kStruct:
      for (size_t i = 0; i < field.children.size(); ++i) {
        BindLeaves(field.children[i], vector.struct_children()[i]);
      }
      return;
  }
}

void RecordShredder::AddEmpty(const ParquetField& field, uint8_t repetition, uint8_t definition) {
  if (field.kind == ParquetField::Kind::kPrimitive) {
    LeafBuffer& leaf = leaves_[static_cast<size_t>(field.leaf_index - first_leaf_)];
    leaf.repetition.push_back(repetition);
    leaf.definition.push_back(definition);
    return;
  }
  for (const ParquetField& child : field.children) AddEmpty(child, repetition, definition);
}

Result<void> RecordShredder::ShredValue(const ParquetField& field, const Vector& vector, idx_t row,
                                        uint8_t repetition) {
  if (!vector.validity().RowIsValid(row)) {
    if (!field.nullable) {
      return Error{ErrorCode::kInvalidParameter,
                   fmt::format("NULL value in field '{}', which is not nullable", field.name)};
    }
    AddEmpty(field, repetition, static_cast<uint8_t>(field.definition_level - 1));
    return Ok();
  }
  switch (field.kind) {
    case ParquetField::Kind::kPrimitive: {
      LeafBuffer& leaf = leaves_[static_cast<size_t>(field.leaf_index - first_leaf_)];
      leaf.repetition.push_back(repetition);
      leaf.definition.push_back(static_cast<uint8_t>(field.definition_level));
      leaf.value_rows.push_back(static_cast<sel_t>(row));
      return Ok();
    }
    case ParquetField::Kind::kStruct:
      for (size_t i = 0; i < field.children.size(); ++i) {
        SB_RETURN_IF_ERROR(
            ShredValue(field.children[i], vector.struct_children()[i], row, repetition));
      }
      return Ok();
    case ParquetField::Kind::kList: {
      const ListEntry& entry = vector.data<ListEntry>()[row];
      const ParquetField& element = field.children[0];
      if (entry.length == 0) {
        AddEmpty(element, repetition, static_cast<uint8_t>(field.definition_level));
        return Ok();
      }
      for (uint32_t k = 0; k < entry.length; ++k) {
        uint8_t level = k == 0 ? repetition : static_cast<uint8_t>(element.repetition_level);
        SB_RETURN_IF_ERROR(ShredValue(element, vector.list_child(), entry.offset + k, level));
      }
      return Ok();
    }
  }
  return Ok();
}

Result<void> RecordShredder::Shred(const Vector& vector, idx_t begin, idx_t end) {
  BindLeaves(field_, vector);
  for (LeafBuffer& leaf : leaves_) {
    leaf.repetition.clear();
    leaf.definition.clear();
    leaf.value_rows.clear();
  }
  for (idx_t row = begin; row < end; ++row) SB_RETURN_IF_ERROR(ShredValue(field_, vector, row, 0));
  for (size_t i = 0; i < leaves_.size(); ++i) {
    const LeafBuffer& leaf = leaves_[i];
    SB_RETURN_IF_ERROR(writers_[i]->Append(leaf.repetition.data(), leaf.definition.data(),
                                           leaf.repetition.size(), *leaf.values,
                                           leaf.value_rows.data(), leaf.value_rows.size()));
  }
  return Ok();
}

}  // namespace switchboard::parquet
