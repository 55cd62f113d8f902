// SelectionVector: a list of row indexes into a vector, used to filter without copying and to
// read dictionary vectors.
#pragma once

#include <cstdint>
#include <memory>

namespace switchboard {

using sel_t = uint32_t;
using idx_t = uint64_t;

/// Rows per batch flowing through the engine.
constexpr idx_t kVectorSize = 2048;

/// Maps position i to a row index. A default-constructed selection is the identity (i -> i),
/// which costs nothing to create. Copies share storage; owners write through `data()`.
class SelectionVector {
 public:
  SelectionVector() = default;
  /// Owns storage for `capacity` entries (uninitialized).
  explicit SelectionVector(idx_t capacity)
      : owned_(new sel_t[capacity], std::default_delete<sel_t[]>()), data_(owned_.get()) {}
  /// Wraps external storage; the caller keeps it alive.
  explicit SelectionVector(sel_t* data) : data_(data) {}

  bool IsIdentity() const { return data_ == nullptr; }
  sel_t get_index(idx_t i) const { return data_ ? data_[i] : static_cast<sel_t>(i); }
  void set_index(idx_t i, idx_t row) { data_[i] = static_cast<sel_t>(row); }
  sel_t* data() { return data_; }
  const sel_t* data() const { return data_; }

  /// A selection of kVectorSize zeros: every position reads row 0 (constant vectors).
  static const SelectionVector& Zero();

 private:
  std::shared_ptr<sel_t> owned_;
  sel_t* data_ = nullptr;
};

}  // namespace switchboard
