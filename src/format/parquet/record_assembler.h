// RecordAssembler: rebuilds the ARRAY, MAP and ROW vectors of one top-level column from the
// repetition and definition levels of its leaves (the Dremel record assembly, column-wise).
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/column_chunk_reader.h"
#include "format/parquet/schema.h"
#include "types/vector.h"

namespace switchboard::parquet {

/// Each engine vector of the field's tree is filled by the first leaf below it; the other
/// leaves fill only the vectors they own, and the structure they imply is checked to agree, so
/// inconsistent levels in a file fail instead of producing overlapping rows. Not thread-safe;
/// one per nested column of a scan.
class RecordAssembler {
 public:
  /// `field` and `leaves` must outlive the assembler.
  RecordAssembler(const ParquetField& field, const std::vector<LeafColumn>& leaves);

  /// Number of leaves (batches Assemble expects, in leaf order).
  size_t leaf_count() const { return leaf_paths_.size(); }

  /// Builds `rows` rows into flat vector `out` (of the field's type, freshly reset, with room
  /// for `rows`) from one LevelBatch per leaf. Errors: kCorruptData, prefixed by `context`,
  /// when the levels are inconsistent (leaves disagree, values and levels do not match).
  Result<void> Assemble(std::vector<LevelBatch>& batches, size_t rows, Vector& out,
                        const std::string& context);

 private:
  struct Node {
    const ParquetField* field;
    int owner_leaf;  // the leaf (local index) that fills this node's vector
    int grow_via;    // the nearest list ancestor (node id), -1 at the top level
    std::vector<int> children;
  };

  int AddNode(const ParquetField& field, int grow_via);
  void BindVectors(int node, Vector& vector);
  void AppendSlot(int node, bool valid);

  const std::vector<LeafColumn>& leaves_;
  std::vector<Node> nodes_;
  std::vector<std::vector<int>> leaf_paths_;  // node ids from the top to each leaf
  int first_leaf_ = 0;
  // Per Assemble call.
  std::vector<Vector*> vectors_;
  std::vector<size_t> counts_;
  std::vector<uint32_t> positions_;
};

}  // namespace switchboard::parquet
