// DeltaLengthByteArrayDecoder: lengths in batches, values bounds-checked against the page.
#include "format/parquet/delta_length_byte_array_decoder.h"

#include <fmt/format.h>

#include <algorithm>

namespace switchboard::parquet {

bool DeltaLengthByteArrayDecoder::Init(const uint8_t* data, size_t size) {
  error_.clear();
  size_t lengths_size;
  if (!DeltaBinaryPackedDecoder::StreamLength(data, size, lengths_size)) {
    error_ = "DELTA_LENGTH_BYTE_ARRAY: malformed lengths";
    return false;
  }
  lengths_.Init(data, lengths_size);
  data_ = data + lengths_size;
  end_ = data + size;
  return true;
}

size_t DeltaLengthByteArrayDecoder::GetBatch(ByteArray* out, size_t count) {
  constexpr size_t kChunk = 256;
  int32_t lengths[kChunk];
  size_t done = 0;
  while (done < count) {
    size_t want = std::min(kChunk, count - done);
    size_t got = lengths_.GetBatch(lengths, want);
    for (size_t i = 0; i < got; ++i) {
      if (lengths[i] < 0 || static_cast<size_t>(lengths[i]) > static_cast<size_t>(end_ - data_)) {
        error_ = fmt::format("DELTA_LENGTH_BYTE_ARRAY: value of {} bytes exceeds the {} left",
                             lengths[i], end_ - data_);
        return done + i;
      }
      out[done + i] = ByteArray{data_, static_cast<uint32_t>(lengths[i])};
      data_ += lengths[i];
    }
    done += got;
    if (got < want) break;
  }
  return done;
}

}  // namespace switchboard::parquet
