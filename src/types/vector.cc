// Vector storage, kind conversions (slice, flatten), row copies and slow value access.
#include "types/vector.h"

#include <cstring>

#include "common/error.h"
#include "types/value.h"

namespace switchboard {

namespace {

const SelectionVector kIdentity;

// Copies fixed-width values data[sel[i]] -> out[i] for `count` positions.
template <typename T>
void GatherFixed(const uint8_t* source, const SelectionVector& sel, idx_t count, uint8_t* target) {
  const T* in = reinterpret_cast<const T*>(source);
  T* out = reinterpret_cast<T*>(target);
  for (idx_t i = 0; i < count; ++i) out[i] = in[sel.get_index(i)];
}

void GatherBySize(size_t width, const uint8_t* source, const SelectionVector& sel, idx_t count,
                  uint8_t* target) {
  switch (width) {
    case 1: GatherFixed<uint8_t>(source, sel, count, target); break;
    case 2: GatherFixed<uint16_t>(source, sel, count, target); break;
    case 4: GatherFixed<uint32_t>(source, sel, count, target); break;
    case 8: GatherFixed<uint64_t>(source, sel, count, target); break;
    case 16: GatherFixed<StringView>(source, sel, count, target); break;  // any 16-byte value
    default: SB_CHECK(false, "unexpected value width {}", width);
  }
}

}  // namespace

const SelectionVector& SelectionVector::Zero() {
  static sel_t zeros[kVectorSize] = {};
  static const SelectionVector zero(zeros);
  return zero;
}

Vector::Vector(LogicalType type, idx_t capacity) : type_(std::move(type)) {
  AllocateData(capacity);
  switch (type_.physical_type()) {
    case PhysicalType::kList: {
      children_ = std::make_shared<Children>();
      LogicalType child_type =
          type_.id() == TypeId::kMap ? type_.MapEntryType() : type_.element_type();
      children_->vectors.emplace_back(std::move(child_type), capacity);
      break;
    }
    case PhysicalType::kStruct: {
      children_ = std::make_shared<Children>();
      for (const auto& field : type_.fields()) children_->vectors.emplace_back(field.second, capacity);
      break;
    }
    default:
      break;
  }
}

void Vector::AllocateData(idx_t capacity) {
  capacity_ = capacity;
  size_t bytes = PhysicalTypeSize(type_.physical_type()) * capacity;
  if (bytes == 0) {
    buffer_.reset();
    data_ = nullptr;
    return;
  }
  buffer_ = std::shared_ptr<uint8_t>(new uint8_t[bytes], std::default_delete<uint8_t[]>());
  data_ = buffer_.get();
}

Vector Vector::Constant(const Value& value) {
  Vector result(value.type(), 1);
  result.SetValue(0, value);
  result.kind_ = VectorKind::kConstant;
  return result;
}

Vector Vector::ConstantNull(const LogicalType& type) { return Constant(Value::Null(type)); }

StringHeap& Vector::string_heap() {
  if (!heap_) heap_ = std::make_shared<StringHeap>();
  return *heap_;
}

void Vector::ShareStringHeap(const Vector& other) {
  if (other.heap_ && other.heap_ != heap_) {
    if (heap_) {
      // Keep our own strings alive too: the other heap holds on to ours.
      other.heap_->KeepAlive(heap_);
    }
    heap_ = other.heap_;
  }
}

Vector& Vector::list_child() {
  SB_CHECK(type_.physical_type() == PhysicalType::kList && kind_ != VectorKind::kDictionary);
  return children_->vectors[0];
}
const Vector& Vector::list_child() const {
  SB_CHECK(type_.physical_type() == PhysicalType::kList && kind_ != VectorKind::kDictionary);
  return children_->vectors[0];
}
idx_t Vector::list_size() const { return children_->list_size; }
void Vector::set_list_size(idx_t size) { children_->list_size = size; }

void Vector::ReserveListChild(idx_t size) {
  Vector& child = list_child();
  if (size <= child.capacity_) return;
  idx_t capacity = child.capacity_ * 2 > size ? child.capacity_ * 2 : size;
  // Grow every buffer of the child (and, for ROW children, of each field) keeping contents.
  struct Grower {
    static void Grow(Vector& v, idx_t new_capacity) {
      size_t width = PhysicalTypeSize(v.type_.physical_type());
      if (width > 0) {
        std::shared_ptr<uint8_t> buffer(new uint8_t[width * new_capacity],
                                        std::default_delete<uint8_t[]>());
        if (v.data_) std::memcpy(buffer.get(), v.data_, width * v.capacity_);
        v.buffer_ = std::move(buffer);
        v.data_ = v.buffer_.get();
      }
      if (!v.validity_.AllValid()) {
        ValidityMask grown;
        grown.Initialize(new_capacity);
        std::memcpy(grown.words(), v.validity_.words(),
                    ValidityMask::WordCount(v.capacity_) * sizeof(uint64_t));
        v.validity_ = grown;
      }
      v.capacity_ = new_capacity;
      if (v.type_.physical_type() == PhysicalType::kStruct) {
        for (auto& field : v.children_->vectors) Grow(field, new_capacity);
      }
    }
  };
  Grower::Grow(child, capacity);
}

void Vector::SetFieldsNull(idx_t row) {
  if (kind_ == VectorKind::kDictionary || !children_) return;
  for (Vector& field : children_->vectors) field.SetNull(row);
}

std::vector<Vector>& Vector::struct_children() {
  SB_CHECK(type_.physical_type() == PhysicalType::kStruct && kind_ != VectorKind::kDictionary);
  return children_->vectors;
}
const std::vector<Vector>& Vector::struct_children() const {
  SB_CHECK(type_.physical_type() == PhysicalType::kStruct && kind_ != VectorKind::kDictionary);
  return children_->vectors;
}

const Vector& Vector::dictionary_child() const {
  SB_CHECK(kind_ == VectorKind::kDictionary);
  return children_->vectors[0];
}

void Vector::Slice(const SelectionVector& sel, idx_t count) {
  switch (kind_) {
    case VectorKind::kConstant:
      return;
    case VectorKind::kDictionary: {
      SelectionVector composed(count);
      for (idx_t i = 0; i < count; ++i) {
        composed.set_index(i, dictionary_sel_.get_index(sel.get_index(i)));
      }
      dictionary_sel_ = composed;
      return;
    }
    case VectorKind::kFlat: {
      Vector child = *this;
      children_ = std::make_shared<Children>();
      children_->vectors.push_back(std::move(child));
      kind_ = VectorKind::kDictionary;
      dictionary_sel_ = sel;
      buffer_.reset();
      data_ = nullptr;
      validity_.Reset();
      heap_.reset();
      return;
    }
  }
}

void Vector::ToUnifiedFormat(idx_t count, UnifiedFormat& out) const {
  switch (kind_) {
    case VectorKind::kFlat:
      out.sel = &kIdentity;
      out.data = data_;
      out.validity = &validity_;
      return;
    case VectorKind::kConstant:
      SB_CHECK(count <= kVectorSize);
      out.sel = &SelectionVector::Zero();
      out.data = data_;
      out.validity = &validity_;
      return;
    case VectorKind::kDictionary: {
      const Vector& child = children_->vectors[0];
      out.sel = &dictionary_sel_;
      out.data = child.data_;
      out.validity = &child.validity_;
      return;
    }
  }
}

void Vector::Flatten(idx_t count) {
  if (kind_ == VectorKind::kFlat) return;
  // `base` holds the values; position i reads base row sel[i].
  Vector base = kind_ == VectorKind::kDictionary ? children_->vectors[0] : *this;
  if (kind_ == VectorKind::kConstant) base.kind_ = VectorKind::kFlat;
  SelectionVector sel = kind_ == VectorKind::kDictionary ? dictionary_sel_ : SelectionVector::Zero();
  idx_t capacity = count > kVectorSize ? count : kVectorSize;
  if (kind_ == VectorKind::kConstant && count > kVectorSize) {
    SelectionVector zeros(count);
    std::memset(zeros.data(), 0, count * sizeof(sel_t));
    sel = zeros;
  }

  Vector flat(type_, 0);
  flat.capacity_ = capacity;
  flat.AllocateData(capacity);
  size_t width = PhysicalTypeSize(type_.physical_type());
  if (width > 0) GatherBySize(width, base.data_, sel, count, flat.data_);
  if (!base.validity_.AllValid()) {
    flat.validity_.Initialize(capacity);
    for (idx_t i = 0; i < count; ++i) {
      if (!base.validity_.RowIsValid(sel.get_index(i))) flat.validity_.SetInvalid(i);
    }
  }
  switch (type_.physical_type()) {
    case PhysicalType::kString:
      flat.heap_ = base.heap_;
      break;
    case PhysicalType::kList:
      flat.children_ = base.children_;  // entries still point into the same child
      break;
    case PhysicalType::kStruct: {
      flat.children_ = std::make_shared<Children>();
      for (const Vector& field : base.children_->vectors) {
        Vector child = field;
        child.Slice(sel, count);
        child.Flatten(count);
        flat.children_->vectors.push_back(std::move(child));
      }
      break;
    }
    default:
      break;
  }
  *this = std::move(flat);
}

void Vector::ResetForWrite(idx_t capacity) {
  if (kind_ != VectorKind::kFlat || !buffer_ || buffer_.use_count() != 1 || capacity_ < capacity) {
    AllocateData(capacity);
  }
  kind_ = VectorKind::kFlat;
  dictionary_sel_ = SelectionVector();
  validity_.Reset();
  heap_.reset();
  switch (type_.physical_type()) {
    case PhysicalType::kList:
      if (!children_ || children_.use_count() != 1 || children_->vectors.size() != 1 ||
          children_->vectors[0].type_ !=
              (type_.id() == TypeId::kMap ? type_.MapEntryType() : type_.element_type())) {
        children_ = std::make_shared<Children>();
        children_->vectors.emplace_back(
            type_.id() == TypeId::kMap ? type_.MapEntryType() : type_.element_type(), capacity);
      } else {
        children_->vectors[0].ResetForWrite(children_->vectors[0].capacity_);
      }
      children_->list_size = 0;
      break;
    case PhysicalType::kStruct:
      if (!children_ || children_.use_count() != 1 ||
          children_->vectors.size() != type_.fields().size()) {
        children_ = std::make_shared<Children>();
        for (const auto& field : type_.fields()) children_->vectors.emplace_back(field.second, capacity);
      } else {
        for (auto& field : children_->vectors) field.ResetForWrite(capacity);
      }
      break;
    default:
      children_.reset();
      break;
  }
}

void Vector::CopyRows(const Vector& source, const SelectionVector& sel, idx_t count,
                      idx_t target_offset) {
  SB_CHECK(kind_ == VectorKind::kFlat && target_offset + count <= capacity_,
           "copy of {} rows at {} into capacity {}", count, target_offset, capacity_);
  // Resolve the source to a flat base vector and a selection into it.
  const Vector* base = &source;
  const SelectionVector* base_sel = &kIdentity;
  if (source.kind_ == VectorKind::kDictionary) {
    base = &source.children_->vectors[0];
    base_sel = &source.dictionary_sel_;
  } else if (source.kind_ == VectorKind::kConstant) {
    base_sel = &SelectionVector::Zero();
  }
  SelectionVector rows(count);
  for (idx_t i = 0; i < count; ++i) rows.set_index(i, base_sel->get_index(sel.get_index(i)));

  for (idx_t i = 0; i < count; ++i) {
    bool valid = base->validity_.RowIsValid(rows.get_index(i));
    if (!valid) validity_.SetInvalid(target_offset + i, capacity_);
    else validity_.SetValid(target_offset + i);
  }
  switch (type_.physical_type()) {
    case PhysicalType::kString: {
      const auto* in = base->data<StringView>();
      auto* out = data<StringView>() + target_offset;
      for (idx_t i = 0; i < count; ++i) {
        idx_t row = rows.get_index(i);
        if (!base->validity_.RowIsValid(row)) {
          out[i] = StringView();  // NULL rows may hold garbage
          continue;
        }
        const StringView& s = in[row];
        out[i] = s.IsInline() ? s : AddString(s.view());
      }
      break;
    }
    case PhysicalType::kList: {
      const auto* in = base->data<ListEntry>();
      auto* out = data<ListEntry>() + target_offset;
      idx_t total = 0;
      for (idx_t i = 0; i < count; ++i) {
        if (base->validity_.RowIsValid(rows.get_index(i))) total += in[rows.get_index(i)].length;
      }
      idx_t start = list_size();
      ReserveListChild(start + total);
      SelectionVector elements(total > 0 ? total : 1);
      idx_t next = 0;
      for (idx_t i = 0; i < count; ++i) {
        idx_t row = rows.get_index(i);
        if (!base->validity_.RowIsValid(row)) {
          out[i] = ListEntry{static_cast<uint32_t>(start + next), 0};
          continue;
        }
        const ListEntry& entry = in[row];
        out[i] = ListEntry{static_cast<uint32_t>(start + next), entry.length};
        for (uint32_t k = 0; k < entry.length; ++k) elements.set_index(next++, entry.offset + k);
      }
      list_child().CopyRows(base->list_child(), elements, total, start);
      set_list_size(start + total);
      break;
    }
    case PhysicalType::kStruct: {
      auto& fields = struct_children();
      const auto& source_fields = base->struct_children();
      for (size_t f = 0; f < fields.size(); ++f) {
        fields[f].CopyRows(source_fields[f], rows, count, target_offset);
      }
      break;
    }
    default: {
      size_t width = PhysicalTypeSize(type_.physical_type());
      GatherBySize(width, base->data_, rows, count, data_ + target_offset * width);
      break;
    }
  }
}

void Vector::CopyRow(const Vector& source, idx_t source_row, idx_t target_row) {
  SB_CHECK(kind_ == VectorKind::kFlat && source.kind_ == VectorKind::kFlat);
  if (!source.validity_.RowIsValid(source_row)) {
    SetNull(target_row);
    return;
  }
  validity_.SetValid(target_row);
  switch (type_.physical_type()) {
    case PhysicalType::kString: {
      const StringView& s = source.data<StringView>()[source_row];
      data<StringView>()[target_row] = s.IsInline() ? s : AddString(s.view());
      return;
    }
    case PhysicalType::kList:
    case PhysicalType::kStruct:
      SetValue(target_row, source.GetValue(source_row));
      return;
    default: {
      size_t width = PhysicalTypeSize(type_.physical_type());
      std::memcpy(data_ + target_row * width, source.data_ + source_row * width, width);
      return;
    }
  }
}

void Vector::ScatterRows(const Vector& source, idx_t count, const SelectionVector& target_rows) {
  SB_CHECK(kind_ == VectorKind::kFlat);
  const Vector* base = &source;
  const SelectionVector* base_sel = &kIdentity;
  if (source.kind_ == VectorKind::kDictionary) {
    base = &source.children_->vectors[0];
    base_sel = &source.dictionary_sel_;
  } else if (source.kind_ == VectorKind::kConstant) {
    base_sel = &SelectionVector::Zero();
  }
  for (idx_t i = 0; i < count; ++i) {
    idx_t target = target_rows.get_index(i);
    if (base->validity_.RowIsValid(base_sel->get_index(i))) validity_.SetValid(target);
    else validity_.SetInvalid(target, capacity_);
  }
  switch (type_.physical_type()) {
    case PhysicalType::kString: {
      const auto* in = base->data<StringView>();
      auto* out = data<StringView>();
      for (idx_t i = 0; i < count; ++i) {
        idx_t row = base_sel->get_index(i);
        const StringView& s = in[row];
        if (!base->validity_.RowIsValid(row)) out[target_rows.get_index(i)] = StringView();
        else out[target_rows.get_index(i)] = s.IsInline() ? s : AddString(s.view());
      }
      break;
    }
    case PhysicalType::kList:
    case PhysicalType::kStruct: {
      // Nested values: append each to the children through the gather path, one row at a time.
      for (idx_t i = 0; i < count; ++i) {
        SelectionVector one(1);
        one.set_index(0, i);
        idx_t target = target_rows.get_index(i);
        Vector staging(type_, 1);
        staging.CopyRows(source, one, 1, 0);
        SetValue(target, staging.GetValue(0));
      }
      break;
    }
    default: {
      size_t width = PhysicalTypeSize(type_.physical_type());
      for (idx_t i = 0; i < count; ++i) {
        std::memcpy(data_ + target_rows.get_index(i) * width,
                    base->data_ + base_sel->get_index(i) * width, width);
      }
      break;
    }
  }
}

Value Vector::GetValue(idx_t row) const {
  const Vector* base = this;
  idx_t index = row;
  if (kind_ == VectorKind::kConstant) {
    index = 0;
  } else if (kind_ == VectorKind::kDictionary) {
    base = &children_->vectors[0];
    index = dictionary_sel_.get_index(row);
  }
  if (!base->validity_.RowIsValid(index)) return Value::Null(type_);
  switch (type_.physical_type()) {
    case PhysicalType::kList: {
      const ListEntry& entry = base->data<ListEntry>()[index];
      const Vector& child = base->list_child();
      std::vector<Value> elements;
      elements.reserve(entry.length);
      for (uint32_t k = 0; k < entry.length; ++k) elements.push_back(child.GetValue(entry.offset + k));
      if (type_.id() == TypeId::kMap) {
        std::vector<std::pair<Value, Value>> entries;
        for (auto& element : elements) {
          entries.emplace_back(element.children()[0], element.children()[1]);
        }
        return Value::Map(type_.key_type(), type_.value_type(), std::move(entries));
      }
      return Value::Array(type_.element_type(), std::move(elements));
    }
    case PhysicalType::kStruct: {
      std::vector<Value> fields;
      for (const Vector& field : base->struct_children()) fields.push_back(field.GetValue(index));
      return Value::Row(type_, std::move(fields));
    }
    default: {
      size_t width = PhysicalTypeSize(type_.physical_type());
      return Value::FromPhysical(type_, base->data_ + index * width);
    }
  }
}

void Vector::SetValue(idx_t row, const Value& value) {
  SB_CHECK(kind_ == VectorKind::kFlat && row < capacity_);
  if (value.is_null()) {
    validity_.SetInvalid(row, capacity_);
    size_t width = PhysicalTypeSize(type_.physical_type());
    if (width > 0) std::memset(data_ + row * width, 0, width);
    if (type_.physical_type() == PhysicalType::kStruct) {
      for (auto& field : children_->vectors) field.SetValue(row, Value::Null(field.type()));
    }
    return;
  }
  validity_.SetValid(row);
  switch (type_.physical_type()) {
    case PhysicalType::kBool: data<bool>()[row] = value.GetBoolean(); break;
    case PhysicalType::kInt8: data<int8_t>()[row] = static_cast<int8_t>(value.GetInt64()); break;
    case PhysicalType::kInt16: data<int16_t>()[row] = static_cast<int16_t>(value.GetInt64()); break;
    case PhysicalType::kInt32: data<int32_t>()[row] = static_cast<int32_t>(value.GetInt64()); break;
    case PhysicalType::kInt64: data<int64_t>()[row] = value.GetInt64(); break;
    case PhysicalType::kInt128: data<int128_t>()[row] = value.GetInt128(); break;
    case PhysicalType::kUInt128: data<uint128_t>()[row] = value.GetUuid(); break;
    case PhysicalType::kFloat: data<float>()[row] = static_cast<float>(value.GetDouble()); break;
    case PhysicalType::kDouble: data<double>()[row] = value.GetDouble(); break;
    case PhysicalType::kString: data<StringView>()[row] = AddString(value.GetString()); break;
    case PhysicalType::kTimestampTz: data<TimestampTz>()[row] = value.GetTimestampTz(); break;
    case PhysicalType::kList: {
      const auto& elements = value.children();
      idx_t start = list_size();
      ReserveListChild(start + elements.size());
      Vector& child = list_child();
      for (size_t k = 0; k < elements.size(); ++k) child.SetValue(start + k, elements[k]);
      data<ListEntry>()[row] =
          ListEntry{static_cast<uint32_t>(start), static_cast<uint32_t>(elements.size())};
      set_list_size(start + elements.size());
      break;
    }
    case PhysicalType::kStruct: {
      auto& fields = children_->vectors;
      for (size_t f = 0; f < fields.size(); ++f) fields[f].SetValue(row, value.children()[f]);
      break;
    }
  }
}

}  // namespace switchboard
