// TpchTextPool: the pseudo-text of TPC-H clause 4.2.2.14, from which every comment column takes a
// random substring (clause 4.2.2.10: "text string[min, max]").
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "datagen/random.h"
#include "types/string_view.h"

namespace switchboard {

class ThreadPool;

/// The pool is built once, in parallel, from fixed-size pieces that each start from their own
/// random stream, so its bytes depend only on the seed and the size. Immutable once built;
/// StringViews into it stay valid for the pool's lifetime.
class TpchTextPool {
 public:
  /// The specification's size: 300 MB.
  static constexpr int64_t kSpecificationBytes = int64_t{300} << 20;

  TpchTextPool(uint64_t seed, int64_t bytes, ThreadPool& threads);

  std::string_view text() const { return {text_.get(), static_cast<size_t>(bytes_)}; }

  /// A substring of random length in [min_length, max_length] at a random offset.
  std::string_view Substring(RowRandom& random, int min_length, int max_length) const {
    int64_t length = random.Uniform(min_length, max_length);
    int64_t offset = random.Uniform(0, bytes_ - length);
    return {text_.get() + offset, static_cast<size_t>(length)};
  }

  /// Appends one sentence of the grammar to `out` (which must have room for kMaxSentenceBytes)
  /// and returns the bytes written.
  static size_t WriteSentence(RowRandom& random, char* out);
  static constexpr size_t kMaxSentenceBytes = 512;

 private:
  std::unique_ptr<char[]> text_;
  int64_t bytes_;
};

}  // namespace switchboard
