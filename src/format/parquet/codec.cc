// Codec: the bindings to libsnappy, zlib, libzstd, liblz4 and libbrotli, with exact output-size
// checks so that corrupt or malicious pages fail instead of overrunning their buffers.
#include "format/parquet/codec.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <lz4.h>
#include <lz4frame.h>
#include <lz4hc.h>
#include <snappy.h>
#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <limits>
#include <memory>

namespace switchboard::parquet {

namespace {

Error Corrupt(CompressionCodec codec, std::string_view detail) {
  return Error{ErrorCode::kCorruptData,
               fmt::format("invalid {} compressed data: {}", CodecName(codec), detail)};
}

uint32_t LoadBigEndian32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 |
         static_cast<uint32_t>(p[2]) << 8 | p[3];
}

Result<void> DecompressGzip(const uint8_t* input, size_t input_size, uint8_t* output,
                            size_t output_size) {
  // Page sizes are 32-bit in Parquet, so zlib's 32-bit counters suffice.
  if (input_size > std::numeric_limits<uInt>::max() ||
      output_size > std::numeric_limits<uInt>::max()) {
    return Corrupt(CompressionCodec::kGzip, "page too large");
  }
  z_stream stream{};
  // 15 window bits + 32: detect gzip or zlib headers automatically.
  if (inflateInit2(&stream, 15 + 32) != Z_OK) {
    return Error{ErrorCode::kInternal, "zlib inflateInit2 failed"};
  }
  stream.next_in = const_cast<Bytef*>(input);
  stream.avail_in = static_cast<uInt>(input_size);
  stream.next_out = output;
  stream.avail_out = static_cast<uInt>(output_size);
  Result<void> result = Ok();
  while (true) {
    int status = inflate(&stream, Z_FINISH);
    if (status == Z_STREAM_END) {
      // Concatenated gzip members: start over on what is left (ignoring trailing zero padding).
      while (stream.avail_in > 0 && *stream.next_in == 0) {
        ++stream.next_in;
        --stream.avail_in;
      }
      if (stream.avail_in == 0) break;
      if (inflateReset(&stream) != Z_OK) {
        result = Corrupt(CompressionCodec::kGzip, "cannot restart after a member");
        break;
      }
      continue;
    }
    if (status == Z_OK) continue;  // progress was made; call again
    if (status == Z_BUF_ERROR) {
      result = stream.avail_out == 0
                   ? Corrupt(CompressionCodec::kGzip,
                             fmt::format("data expands beyond the declared {} bytes", output_size))
                   : Corrupt(CompressionCodec::kGzip, "stream is truncated");
    } else {
      result =
          Corrupt(CompressionCodec::kGzip, stream.msg != nullptr ? stream.msg : "inflate failed");
    }
    break;
  }
  size_t produced = output_size - stream.avail_out;
  inflateEnd(&stream);
  SB_RETURN_IF_ERROR(result);
  if (produced != output_size) {
    return Corrupt(CompressionCodec::kGzip,
                   fmt::format("decoded {} bytes, page header declares {}", produced, output_size));
  }
  return Ok();
}

struct ZstdContexts {
  ZSTD_DCtx* decompress = ZSTD_createDCtx();
  ZSTD_CCtx* compress = ZSTD_createCCtx();
  ~ZstdContexts() {
    ZSTD_freeDCtx(decompress);
    ZSTD_freeCCtx(compress);
  }
};

ZstdContexts& ThreadZstd() {
  thread_local ZstdContexts contexts;
  return contexts;
}

Result<void> DecompressZstd(const uint8_t* input, size_t input_size, uint8_t* output,
                            size_t output_size) {
  size_t n = ZSTD_decompressDCtx(ThreadZstd().decompress, output, output_size, input, input_size);
  if (ZSTD_isError(n)) return Corrupt(CompressionCodec::kZstd, ZSTD_getErrorName(n));
  if (n != output_size) {
    return Corrupt(CompressionCodec::kZstd,
                   fmt::format("decoded {} bytes, page header declares {}", n, output_size));
  }
  return Ok();
}

// One raw LZ4 block that must decode to exactly output_size bytes.
bool DecompressLz4Block(const uint8_t* input, size_t input_size, uint8_t* output,
                        size_t output_size) {
  if (input_size > static_cast<size_t>(std::numeric_limits<int>::max()) ||
      output_size > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return false;
  }
  int n = LZ4_decompress_safe(reinterpret_cast<const char*>(input), reinterpret_cast<char*>(output),
                              static_cast<int>(input_size), static_cast<int>(output_size));
  return n >= 0 && static_cast<size_t>(n) == output_size;
}

// Hadoop's BlockCompressorStream framing: blocks of [u32 BE decompressed size] followed by chunks
// of [u32 BE compressed size][LZ4 block] until the block's size is reached.
bool DecompressLz4Hadoop(const uint8_t* input, size_t input_size, uint8_t* output,
                         size_t output_size) {
  size_t in = 0;
  size_t out = 0;
  while (in < input_size) {
    if (input_size - in < 8) return false;
    size_t block_size = LoadBigEndian32(input + in);
    in += 4;
    if (block_size > output_size - out) return false;
    size_t block_end = out + block_size;
    while (out < block_end) {
      if (input_size - in < 4) return false;
      size_t chunk_size = LoadBigEndian32(input + in);
      in += 4;
      if (chunk_size > input_size - in) return false;
      int n = LZ4_decompress_safe(reinterpret_cast<const char*>(input + in),
                                  reinterpret_cast<char*>(output + out),
                                  static_cast<int>(chunk_size), static_cast<int>(block_end - out));
      if (n <= 0) return false;
      in += chunk_size;
      out += static_cast<size_t>(n);
    }
  }
  return out == output_size;
}

bool DecompressLz4Frame(const uint8_t* input, size_t input_size, uint8_t* output,
                        size_t output_size) {
  LZ4F_dctx* context = nullptr;
  if (LZ4F_isError(LZ4F_createDecompressionContext(&context, LZ4F_VERSION))) return false;
  size_t in = 0;
  size_t out = 0;
  bool ok = true;
  while (in < input_size) {
    size_t in_chunk = input_size - in;
    size_t out_chunk = output_size - out;
    size_t hint =
        LZ4F_decompress(context, output + out, &out_chunk, input + in, &in_chunk, nullptr);
    if (LZ4F_isError(hint) || (in_chunk == 0 && out_chunk == 0)) {
      ok = false;
      break;
    }
    in += in_chunk;
    out += out_chunk;
    if (hint == 0 && in < input_size) LZ4F_resetDecompressionContext(context);
  }
  LZ4F_freeDecompressionContext(context);
  return ok && out == output_size;
}

Result<void> DecompressBrotli(const uint8_t* input, size_t input_size, uint8_t* output,
                              size_t output_size) {
  size_t decoded = output_size;
  BrotliDecoderResult result = BrotliDecoderDecompress(input_size, input, &decoded, output);
  if (result != BROTLI_DECODER_RESULT_SUCCESS) {
    return Corrupt(CompressionCodec::kBrotli,
                   "stream is invalid or decodes to more than the declared size");
  }
  if (decoded != output_size) {
    return Corrupt(CompressionCodec::kBrotli,
                   fmt::format("decoded {} bytes, page header declares {}", decoded, output_size));
  }
  return Ok();
}

}  // namespace

bool Codec::CanCompress(CompressionCodec codec) {
  switch (codec) {
    case CompressionCodec::kUncompressed:
    case CompressionCodec::kSnappy:
    case CompressionCodec::kGzip:
    case CompressionCodec::kZstd:
    case CompressionCodec::kLz4Raw:
    case CompressionCodec::kBrotli:
      return true;
    default:
      return false;
  }
}

size_t Codec::MaxDecompressedSize(CompressionCodec codec, size_t input_size) {
  constexpr size_t kUnbounded = std::numeric_limits<size_t>::max();
  auto bound = [&](size_t ratio, size_t slack) {
    return input_size > (kUnbounded - slack) / ratio ? kUnbounded : input_size * ratio + slack;
  };
  switch (codec) {
    case CompressionCodec::kUncompressed:
      return input_size;
    // A snappy copy element of 2 bytes emits at most 11, of 3 bytes at most 64.
    case CompressionCodec::kSnappy:
      return bound(32, 64);
    // Each extra length byte of an LZ4 sequence adds at most 255 bytes of output.
    case CompressionCodec::kLz4:
    case CompressionCodec::kLz4Raw:
      return bound(256, 64);
    // DEFLATE's maximum ratio is 1032:1.
    case CompressionCodec::kGzip:
      return bound(1032, 1024);
    // A zstd RLE block of 4 bytes emits at most 128 KiB.
    case CompressionCodec::kZstd:
      return bound(32768, 1 << 20);
    default:
      return kUnbounded;
  }
}

Result<void> Codec::Decompress(CompressionCodec codec, const uint8_t* input, size_t input_size,
                               uint8_t* output, size_t output_size) {
  switch (codec) {
    case CompressionCodec::kUncompressed:
      if (input_size != output_size) {
        return Corrupt(codec, fmt::format("{} bytes stored, page header declares {}", input_size,
                                          output_size));
      }
      if (input_size > 0) std::memcpy(output, input, input_size);
      return Ok();
    case CompressionCodec::kSnappy: {
      size_t length = 0;
      const char* in = reinterpret_cast<const char*>(input);
      if (!snappy::GetUncompressedLength(in, input_size, &length)) {
        return Corrupt(codec, "invalid length header");
      }
      if (length != output_size) {
        return Corrupt(codec, fmt::format("data holds {} bytes, page header declares {}", length,
                                          output_size));
      }
      if (!snappy::RawUncompress(in, input_size, reinterpret_cast<char*>(output))) {
        return Corrupt(codec, "stream is invalid");
      }
      return Ok();
    }
    case CompressionCodec::kGzip:
      return DecompressGzip(input, input_size, output, output_size);
    case CompressionCodec::kZstd:
      return DecompressZstd(input, input_size, output, output_size);
    case CompressionCodec::kLz4Raw:
      if (!DecompressLz4Block(input, input_size, output, output_size)) {
        return Corrupt(codec,
                       fmt::format("block does not decode to the declared {} bytes", output_size));
      }
      return Ok();
    case CompressionCodec::kLz4:
      if (DecompressLz4Hadoop(input, input_size, output, output_size) ||
          DecompressLz4Block(input, input_size, output, output_size) ||
          DecompressLz4Frame(input, input_size, output, output_size)) {
        return Ok();
      }
      return Corrupt(codec, "neither Hadoop-framed, raw nor framed LZ4 of the declared size");
    case CompressionCodec::kBrotli:
      return DecompressBrotli(input, input_size, output, output_size);
    case CompressionCodec::kLzo:
      break;
  }
  return Error{ErrorCode::kNotSupported,
               fmt::format("compression codec {} is not supported", CodecName(codec))};
}

Result<void> Codec::Compress(CompressionCodec codec, int level, const uint8_t* input, size_t size,
                             std::vector<uint8_t>& out) {
  size_t start = out.size();
  switch (codec) {
    case CompressionCodec::kUncompressed:
      out.insert(out.end(), input, input + size);
      return Ok();
    case CompressionCodec::kSnappy: {
      out.resize(start + snappy::MaxCompressedLength(size));
      size_t n = 0;
      snappy::RawCompress(reinterpret_cast<const char*>(input), size,
                          reinterpret_cast<char*>(out.data() + start), &n);
      out.resize(start + n);
      return Ok();
    }
    case CompressionCodec::kZstd: {
      out.resize(start + ZSTD_compressBound(size));
      size_t n = ZSTD_compressCCtx(ThreadZstd().compress, out.data() + start, out.size() - start,
                                   input, size, level == 0 ? ZSTD_CLEVEL_DEFAULT : level);
      if (ZSTD_isError(n)) {
        out.resize(start);
        return Error{ErrorCode::kInternal,
                     fmt::format("ZSTD compression failed: {}", ZSTD_getErrorName(n))};
      }
      out.resize(start + n);
      return Ok();
    }
    case CompressionCodec::kGzip: {
      z_stream stream{};
      if (deflateInit2(&stream, level == 0 ? Z_DEFAULT_COMPRESSION : level, Z_DEFLATED,
                       15 + 16 /* gzip header */, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return Error{ErrorCode::kInternal, "zlib deflateInit2 failed"};
      }
      out.resize(start + deflateBound(&stream, size));
      stream.next_in = const_cast<Bytef*>(input);
      stream.avail_in = static_cast<uInt>(size);
      stream.next_out = out.data() + start;
      stream.avail_out = static_cast<uInt>(out.size() - start);
      int status = deflate(&stream, Z_FINISH);
      size_t n = stream.total_out;
      deflateEnd(&stream);
      if (status != Z_STREAM_END) {
        out.resize(start);
        return Error{ErrorCode::kInternal, "GZIP compression failed"};
      }
      out.resize(start + n);
      return Ok();
    }
    case CompressionCodec::kLz4Raw: {
      if (size > static_cast<size_t>(LZ4_MAX_INPUT_SIZE)) {
        return Error{ErrorCode::kInvalidParameter, "page too large for LZ4"};
      }
      int bound = LZ4_compressBound(static_cast<int>(size));
      out.resize(start + static_cast<size_t>(bound));
      const char* in = reinterpret_cast<const char*>(input);
      char* dst = reinterpret_cast<char*>(out.data() + start);
      int n = level > 1 ? LZ4_compress_HC(in, dst, static_cast<int>(size), bound, level)
                        : LZ4_compress_default(in, dst, static_cast<int>(size), bound);
      if (n <= 0) {
        out.resize(start);
        return Error{ErrorCode::kInternal, "LZ4 compression failed"};
      }
      out.resize(start + static_cast<size_t>(n));
      return Ok();
    }
    case CompressionCodec::kBrotli: {
      size_t n = BrotliEncoderMaxCompressedSize(size);
      if (n == 0) n = size + 1024;
      out.resize(start + n);
      int quality = level == 0 ? 1 : level;
      if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC, size, input,
                                 &n, out.data() + start)) {
        out.resize(start);
        return Error{ErrorCode::kInternal, "BROTLI compression failed"};
      }
      out.resize(start + n);
      return Ok();
    }
    default:
      break;
  }
  return Error{ErrorCode::kNotSupported,
               fmt::format("compression codec {} is not supported for writing", CodecName(codec))};
}

}  // namespace switchboard::parquet
