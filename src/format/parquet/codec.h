// Codec: page compression and decompression for the codecs of the Parquet format (SNAPPY, GZIP,
// ZSTD, LZ4 in its Hadoop-framed and raw forms, LZ4_RAW, BROTLI, UNCOMPRESSED).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/result.h"
#include "format/parquet/parquet_thrift.h"

namespace switchboard::parquet {

/// Stateless entry points; thread-safe (per-thread decompression contexts are cached).
class Codec {
 public:
  /// Whether Compress accepts `codec` (UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW, BROTLI).
  static bool CanCompress(CompressionCodec codec);

  /// The largest output `input_size` compressed bytes of `codec` can decode to, used to reject
  /// page headers that declare impossible sizes before anything is allocated (SIZE_MAX where
  /// the format has no useful bound).
  static size_t MaxDecompressedSize(CompressionCodec codec, size_t input_size);

  /// Decompresses `input` into exactly `output_size` bytes at `output`. The legacy LZ4 codec
  /// is tried as Hadoop-framed blocks, then as one raw LZ4 block, then as an LZ4 frame, as other
  /// readers do. GZIP accepts concatenated members.
  /// Errors: kCorruptData when the input is invalid or decodes to a different size (never
  /// writing past output_size); kNotSupported for LZO and unknown codecs.
  static Result<void> Decompress(CompressionCodec codec, const uint8_t* input, size_t input_size,
                                 uint8_t* output, size_t output_size);

  /// Appends the compressed form of input[0..size) to `out`. `level` is the codec's own scale
  /// (ZSTD 1..22, GZIP 1..9, BROTLI 0..11, LZ4_RAW above 1 selects LZ4-HC); 0 picks the
  /// codec's default. Errors: kNotSupported for codecs CanCompress rejects; kInternal when the
  /// library fails.
  static Result<void> Compress(CompressionCodec codec, int level, const uint8_t* input, size_t size,
                               std::vector<uint8_t>& out);
};

}  // namespace switchboard::parquet
