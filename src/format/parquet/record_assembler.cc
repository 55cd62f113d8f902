// RecordAssembler: slot creation per level, list growth, value scattering and consistency checks.
#include "format/parquet/record_assembler.h"

#include <cstring>

#include "format/parquet/bit_util.h"

namespace switchboard::parquet {

namespace {

struct Bytes16 {
  uint64_t low;
  uint64_t high;
};

template <typename T>
void ScatterTyped(const Vector& source, const std::vector<uint32_t>& positions, Vector& target) {
  const T* in = reinterpret_cast<const T*>(source.data<uint8_t>());
  T* out = reinterpret_cast<T*>(target.raw_data());
  for (size_t i = 0; i < positions.size(); ++i) out[positions[i]] = in[i];
}

// Copies dense value i of `source` into row positions[i] of `target`.
void Scatter(const Vector& source, const std::vector<uint32_t>& positions, Vector& target) {
  if (target.type().physical_type() == PhysicalType::kStruct) {
    // INTERVAL leaves: 12 stored bytes become the three int32 fields.
    const auto* in = source.data<StringView>();
    auto& fields = target.struct_children();
    for (size_t i = 0; i < positions.size(); ++i) {
      const char* bytes = in[i].data();
      for (size_t f = 0; f < 3; ++f) {
        fields[f].data<int32_t>()[positions[i]] = LoadUnaligned<int32_t>(bytes + 4 * f);
      }
    }
    return;
  }
  switch (PhysicalTypeSize(target.type().physical_type())) {
    case 1:
      ScatterTyped<uint8_t>(source, positions, target);
      break;
    case 2:
      ScatterTyped<uint16_t>(source, positions, target);
      break;
    case 4:
      ScatterTyped<uint32_t>(source, positions, target);
      break;
    case 8:
      ScatterTyped<uint64_t>(source, positions, target);
      break;
    default:
      ScatterTyped<Bytes16>(source, positions, target);
      break;
  }
  if (target.type().physical_type() == PhysicalType::kString) target.ShareStringHeap(source);
}

void ZeroRow(Vector& vector, size_t row) {
  if (vector.type().physical_type() == PhysicalType::kStruct) {
    for (Vector& field : vector.struct_children()) ZeroRow(field, row);
    return;
  }
  size_t width = PhysicalTypeSize(vector.type().physical_type());
  std::memset(vector.raw_data() + row * width, 0, width);
}

}  // namespace

RecordAssembler::RecordAssembler(const ParquetField& field, const std::vector<LeafColumn>& leaves)
    : leaves_(leaves) {
  std::vector<int> path;
  // Depth-first: the first leaf reached below a node owns it.
  struct Builder {
    RecordAssembler& self;
    std::vector<int>& path;
    void Visit(const ParquetField& f, int grow_via) {
      int id = static_cast<int>(self.nodes_.size());
      self.nodes_.push_back(Node{&f, static_cast<int>(self.leaf_paths_.size()), grow_via, {}});
      path.push_back(id);
      if (f.kind == ParquetField::Kind::kPrimitive) {
        self.leaf_paths_.push_back(path);
      } else {
        int child_grow = f.kind == ParquetField::Kind::kList ? id : grow_via;
        for (const ParquetField& child : f.children) {
          self.nodes_[id].children.push_back(static_cast<int>(self.nodes_.size()));
          Visit(child, child_grow);
        }
      }
      path.pop_back();
    }
  };
  Builder{*this, path}.Visit(field, -1);
  first_leaf_ = nodes_[leaf_paths_[0].back()].field->leaf_index;
}

void RecordAssembler::BindVectors(int node, Vector& vector) {
  vectors_[node] = &vector;
  const Node& n = nodes_[node];
  switch (n.field->kind) {
    case ParquetField::Kind::kList:
      BindVectors(n.children[0], vector.list_child());
      break;
    case ParquetField::Kind::kStruct:
      for (size_t i = 0; i < n.children.size(); ++i) {
        BindVectors(n.children[i], vector.struct_children()[i]);
      }
      break;
    case ParquetField::Kind::kPrimitive:
      break;
  }
}

void RecordAssembler::AppendSlot(int node, bool valid) {
  const Node& n = nodes_[node];
  Vector& vector = *vectors_[node];
  size_t slot = counts_[node];
  if (slot >= vector.capacity()) {
    // Top-level vectors have room for every row; deeper ones grow through their list.
    SB_CHECK(n.grow_via >= 0, "row {} beyond the batch capacity {}", slot, vector.capacity());
    vectors_[n.grow_via]->ReserveListChild(slot + 1);
  }
  if (n.field->kind == ParquetField::Kind::kList) {
    size_t child_slots = counts_[n.children[0]];
    vector.data<ListEntry>()[slot] = ListEntry{static_cast<uint32_t>(child_slots), 0};
  }
  if (!valid) {
    vector.validity().SetInvalid(slot, vector.capacity());
    if (n.field->kind == ParquetField::Kind::kPrimitive) ZeroRow(vector, slot);
  }
  counts_[node] = slot + 1;
}

Result<void> RecordAssembler::Assemble(std::vector<LevelBatch>& batches, size_t rows, Vector& out,
                                       const std::string& context) {
  auto corrupt = [&](std::string_view problem) {
    return Error{ErrorCode::kCorruptData, fmt::format("{}: {}", context, problem)};
  };
  vectors_.assign(nodes_.size(), nullptr);
  counts_.assign(nodes_.size(), 0);
  BindVectors(0, out);
  for (size_t leaf = 0; leaf < leaf_paths_.size(); ++leaf) {
    const std::vector<int>& path = leaf_paths_[leaf];
    const LevelBatch& batch = batches[leaf];
    positions_.clear();
    size_t levels = batch.repetition.size();
    for (size_t e = 0; e < levels; ++e) {
      int r = batch.repetition[e];
      int d = batch.definition[e];
      for (int id : path) {
        const Node& n = nodes_[id];
        const ParquetField& f = *n.field;
        bool owned = n.owner_leaf == static_cast<int>(leaf);
        if (f.repetition_level < r) {
          // The slot continues; a list one level up from r gains an element.
          if (f.kind == ParquetField::Kind::kList && f.repetition_level + 1 == r &&
              d >= f.element_definition_level && owned) {
            size_t slot = counts_[id];
            if (slot == 0) return corrupt("a list continues before it starts");
            ++vectors_[id]->data<ListEntry>()[slot - 1].length;
          }
          continue;
        }
        bool valid = d >= f.definition_level;
        if (f.kind == ParquetField::Kind::kPrimitive) {
          if (valid) positions_.push_back(static_cast<uint32_t>(counts_[id]));
          AppendSlot(id, valid);
          break;
        }
        if (owned) AppendSlot(id, valid);
        if (f.kind == ParquetField::Kind::kList) {
          if (!valid || d < f.element_definition_level) break;
          if (owned) vectors_[id]->data<ListEntry>()[counts_[id] - 1].length = 1;
        }
      }
    }
    if (positions_.size() != batch.value_count) {
      return corrupt(fmt::format("leaf '{}' has {} values for {} defined levels",
                                 leaves_[static_cast<size_t>(first_leaf_) + leaf].PathString(),
                                 batch.value_count, positions_.size()));
    }
    Scatter(batch.values(), positions_, *vectors_[path.back()]);
  }
  // Every leaf must imply the same structure.
  if (counts_[0] != rows) {
    return corrupt(fmt::format("nested column assembled {} rows instead of {}", counts_[0], rows));
  }
  for (size_t id = 0; id < nodes_.size(); ++id) {
    const Node& n = nodes_[id];
    if (n.field->kind == ParquetField::Kind::kStruct) {
      for (int child : n.children) {
        if (counts_[child] != counts_[id]) {
          return corrupt(fmt::format("fields of '{}' have {} and {} values", n.field->name,
                                     counts_[id], counts_[child]));
        }
      }
    } else if (n.field->kind == ParquetField::Kind::kList) {
      size_t elements = counts_[n.children[0]];
      size_t slots = counts_[id];
      if (slots > 0) {
        const ListEntry& last = vectors_[id]->data<ListEntry>()[slots - 1];
        if (static_cast<size_t>(last.offset) + last.length != elements) {
          return corrupt(fmt::format("list '{}' has {} elements, its entries cover {}",
                                     n.field->name, elements,
                                     static_cast<size_t>(last.offset) + last.length));
        }
      } else if (elements != 0) {
        return corrupt(fmt::format("list '{}' has elements but no entries", n.field->name));
      }
      vectors_[id]->set_list_size(elements);
    }
  }
  return Ok();
}

}  // namespace switchboard::parquet
