// ValueDecoder implementations: one template over (physical type, conversion) with a typed loop
// per encoding, and the factory that picks the instantiation for a leaf.
#include "format/parquet/value_decoder.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

#include "format/parquet/bit_util.h"
#include "format/parquet/byte_array.h"
#include "format/parquet/byte_stream_split.h"
#include "format/parquet/delta_binary_packed_decoder.h"
#include "format/parquet/delta_byte_array_decoder.h"
#include "format/parquet/delta_length_byte_array_decoder.h"
#include "format/parquet/rle_bit_packed_decoder.h"
#include "format/parquet/value_conversions.h"

namespace switchboard::parquet {

namespace {

Error Corrupt(std::string message) { return Error{ErrorCode::kCorruptData, std::move(message)}; }

struct Int96 {
  uint8_t bytes[12];
};

// The stored (PLAIN) representation of each physical type.
template <Type kPhysical>
struct Storage;
template <>
struct Storage<Type::kBoolean> {
  using In = bool;
};
template <>
struct Storage<Type::kInt32> {
  using In = int32_t;
};
template <>
struct Storage<Type::kInt64> {
  using In = int64_t;
};
template <>
struct Storage<Type::kInt96> {
  using In = Int96;
};
template <>
struct Storage<Type::kFloat> {
  using In = float;
};
template <>
struct Storage<Type::kDouble> {
  using In = double;
};
template <>
struct Storage<Type::kByteArray> {
  using In = ByteArray;
};
template <>
struct Storage<Type::kFixedLenByteArray> {
  using In = ByteArray;
};

// ---------------------------------------------------------------------------------------------
// Conversions from stored values to engine values.

template <typename T>
struct Identity {
  using In = T;
  using Out = T;
  Out operator()(In v) const { return v; }
};

template <typename From, typename To>
struct Cast {
  using In = From;
  using Out = To;
  Out operator()(In v) const { return static_cast<Out>(v); }
};

template <typename From, typename To>
struct Unsigned {
  using In = From;
  using Out = To;
  Out operator()(In v) const {
    return static_cast<Out>(static_cast<std::make_unsigned_t<From>>(v));
  }
};

template <typename From>
struct MillisToMicros {
  using In = From;
  using Out = int64_t;
  // Wrapping: values beyond the microsecond range (corrupt data) must not be UB.
  Out operator()(In v) const {
    return static_cast<int64_t>(static_cast<uint64_t>(static_cast<int64_t>(v)) * 1000);
  }
};

struct NanosToMicrosFloor {
  using In = int64_t;
  using Out = int64_t;
  Out operator()(In v) const { return FloorDivide(v, 1000); }
};

struct NanosToMicrosRound {
  using In = int64_t;
  using Out = int64_t;
  Out operator()(In v) const { return RoundDivide(v, 1000); }
};

template <typename Inner>
struct WithTimeZone {
  using In = typename Inner::In;
  using Out = TimestampTz;
  Out operator()(In v) const { return TimestampTz{Inner()(v), 0}; }
};

struct Int96Timestamp {
  using In = Int96;
  using Out = int64_t;
  Out operator()(const In& v) const { return parquet::Int96ToMicros(v.bytes); }
};

struct HalfToReal {
  using In = ByteArray;
  using Out = float;
  Out operator()(const In& v) const { return HalfToFloat(LoadUnaligned<uint16_t>(v.data)); }
};

template <typename T>
struct DecimalFromBytes {
  using In = ByteArray;
  using Out = T;
  Out operator()(const In& v) const {
    size_t size = v.size;
    const uint8_t* data = v.data;
    // Longer encodings carry sign-extension bytes in front.
    if (size > 16) {
      data += size - 16;
      size = 16;
    }
    return static_cast<Out>(BigEndianToInt128(data, size));
  }
};

struct UuidFromBytes {
  using In = ByteArray;
  using Out = uint128_t;
  Out operator()(const In& v) const { return BigEndianToUuid(v.data); }
};

struct BytesToString {
  using In = ByteArray;
  using Out = StringView;
  Out operator()(const In& v) const {
    return StringView(reinterpret_cast<const char*>(v.data), v.size);
  }
};

// ---------------------------------------------------------------------------------------------

template <Type kPhysical, typename Convert>
class TypedValueDecoder final : public ValueDecoder {
  using In = typename Storage<kPhysical>::In;
  using Out = typename Convert::Out;
  static_assert(std::is_same_v<In, typename Convert::In>);
  static constexpr bool kIsBytes = std::is_same_v<In, ByteArray>;
  static constexpr bool kOutIsString = std::is_same_v<Out, StringView>;
  static constexpr bool kBitwiseCopy = std::is_same_v<Convert, Identity<In>>;
  static constexpr size_t kChunk = 1024;

 public:
  TypedValueDecoder(LogicalType type, size_t width, const Limits& limits)
      : type_(std::move(type)), width_(width), limits_(limits) {}

  const Vector* dictionary() const override { return dictionary_.get(); }

  Result<void> SetDictionary(std::shared_ptr<Buffer> owner, const uint8_t* data, size_t size,
                             size_t count) override {
    // Every PLAIN value takes at least one bit (booleans), one byte or four (byte arrays).
    size_t min_bits =
        kPhysical == Type::kBoolean ? 1 : (kIsBytes && kPhysical == Type::kByteArray ? 32 : 8);
    if (count > limits_.max_dictionary_values || count > size * 8 / min_bits) {
      return Corrupt(fmt::format("dictionary page declares {} values in {} bytes", count, size));
    }
    auto dictionary = std::make_unique<Vector>(type_, count);
    SB_RETURN_IF_ERROR(StartPage(Encoding::kPlain, owner, data, size, count));
    SB_RETURN_IF_ERROR(Decode(count, *dictionary, 0));
    dictionary_ = std::move(dictionary);
    dictionary_size_ = count;
    dictionary_owner_ = std::move(owner);
    encoding_ = Encoding::kPlain;
    owner_.reset();
    return Ok();
  }

  Result<void> StartPage(Encoding encoding, std::shared_ptr<Buffer> owner, const uint8_t* data,
                         size_t size, size_t max_values) override {
    encoding_ = encoding;
    owner_ = std::move(owner);
    data_ = data;
    end_ = data + size;
    bit_offset_ = 0;
    switch (encoding) {
      case Encoding::kPlain:
        return Ok();
      case Encoding::kPlainDictionary:
      case Encoding::kRleDictionary: {
        if (!dictionary_) return Corrupt("dictionary-encoded page without a dictionary page");
        encoding_ = Encoding::kRleDictionary;
        if (size == 0) {
          if (max_values == 0) return Ok();
          return Corrupt("dictionary-encoded page has no index bit width");
        }
        int width = data[0];
        if (width > 32) return Corrupt(fmt::format("dictionary index bit width {}", width));
        indexes_.Reset(data + 1, size - 1, width);
        return Ok();
      }
      case Encoding::kRle:
        if constexpr (kPhysical == Type::kBoolean) {
          if (size < 4) return Corrupt("RLE boolean page lacks its length prefix");
          uint32_t length = LoadUnaligned<uint32_t>(data);
          if (length > size - 4) return Corrupt("RLE boolean length exceeds the page");
          booleans_.Reset(data + 4, length, 1);
          return Ok();
        }
        break;
      case Encoding::kDeltaBinaryPacked:
        if constexpr (kPhysical == Type::kInt32 || kPhysical == Type::kInt64) {
          if (!delta_.Init(data, size)) return Corrupt(delta_.error());
          return Ok();
        }
        break;
      case Encoding::kDeltaLengthByteArray:
        if constexpr (kPhysical == Type::kByteArray) {
          if (!delta_length_.Init(data, size)) return Corrupt(delta_length_.error());
          return Ok();
        }
        break;
      case Encoding::kDeltaByteArray:
        if constexpr (kIsBytes) {
          if (!delta_bytes_.Init(data, size, limits_.max_expanded_page_bytes)) {
            return Corrupt(delta_bytes_.error());
          }
          return Ok();
        }
        break;
      case Encoding::kByteStreamSplit:
        if constexpr (kPhysical == Type::kInt32 || kPhysical == Type::kInt64 ||
                      kPhysical == Type::kFloat || kPhysical == Type::kDouble ||
                      kPhysical == Type::kFixedLenByteArray) {
          size_t width = ValueWidth();
          if (size % width != 0) {
            return Corrupt(
                fmt::format("BYTE_STREAM_SPLIT page of {} bytes is not a multiple of "
                            "the value width {}",
                            size, width));
          }
          stride_ = size / width;
          split_position_ = 0;
          return Ok();
        }
        break;
      default:
        break;
    }
    return Error{ErrorCode::kNotSupported,
                 fmt::format("encoding {} is not supported for {} values", EncodingName(encoding),
                             TypeName(kPhysical))};
  }

  Result<void> Decode(size_t count, Vector& out, size_t offset) override {
    if (count == 0) return Ok();
    Out* dst = out.data<Out>() + offset;
    if constexpr (kOutIsString) {
      const std::shared_ptr<Buffer>& source =
          encoding_ == Encoding::kRleDictionary ? dictionary_owner_ : owner_;
      if (source) out.string_heap().KeepAlive(source);
    }
    switch (encoding_) {
      case Encoding::kPlain:
        return DecodePlain(count, dst);
      case Encoding::kRleDictionary:
        return DecodeDictionary(count, dst);
      case Encoding::kRle:
        if constexpr (kPhysical == Type::kBoolean) {
          uint8_t bits[kChunk];
          for (size_t done = 0; done < count;) {
            size_t n = std::min(kChunk, count - done);
            if (booleans_.GetBatch(bits, n) != n) return TooFewValues();
            for (size_t i = 0; i < n; ++i) dst[done + i] = bits[i] != 0;
            done += n;
          }
          return Ok();
        }
        break;
      case Encoding::kDeltaBinaryPacked:
        if constexpr (kPhysical == Type::kInt32 || kPhysical == Type::kInt64) {
          In values[kChunk];
          for (size_t done = 0; done < count;) {
            size_t n = std::min(kChunk, count - done);
            if (delta_.GetBatch(values, n) != n) {
              return delta_.error().empty() ? TooFewValues() : Corrupt(delta_.error());
            }
            for (size_t i = 0; i < n; ++i) dst[done + i] = convert_(values[i]);
            done += n;
          }
          return Ok();
        }
        break;
      case Encoding::kDeltaLengthByteArray:
        if constexpr (kPhysical == Type::kByteArray) {
          ByteArray values[kChunk];
          for (size_t done = 0; done < count;) {
            size_t n = std::min(kChunk, count - done);
            if (delta_length_.GetBatch(values, n) != n) {
              return delta_length_.error().empty() ? TooFewValues()
                                                   : Corrupt(delta_length_.error());
            }
            for (size_t i = 0; i < n; ++i) dst[done + i] = convert_(values[i]);
            done += n;
          }
          return Ok();
        }
        break;
      case Encoding::kDeltaByteArray:
        if constexpr (kIsBytes) {
          ByteArray values[DeltaByteArrayDecoder::kBatch];
          for (size_t done = 0; done < count;) {
            size_t n = delta_bytes_.GetBatch(values, count - done);
            if (n == 0) {
              return delta_bytes_.error().empty() ? TooFewValues() : Corrupt(delta_bytes_.error());
            }
            if constexpr (kPhysical == Type::kFixedLenByteArray) {
              for (size_t i = 0; i < n; ++i) {
                if (values[i].size != width_) {
                  return Corrupt(
                      fmt::format("DELTA_BYTE_ARRAY value of {} bytes in a "
                                  "FIXED_LEN_BYTE_ARRAY({}) column",
                                  values[i].size, width_));
                }
              }
            }
            if constexpr (kOutIsString) out.string_heap().KeepAlive(delta_bytes_.buffer());
            for (size_t i = 0; i < n; ++i) dst[done + i] = convert_(values[i]);
            done += n;
          }
          return Ok();
        }
        break;
      case Encoding::kByteStreamSplit:
        if constexpr (kPhysical == Type::kInt32 || kPhysical == Type::kInt64 ||
                      kPhysical == Type::kFloat || kPhysical == Type::kDouble ||
                      kPhysical == Type::kFixedLenByteArray) {
          if (count > stride_ - split_position_) return TooFewValues();
          size_t width = ValueWidth();
          uint8_t gathered[kChunk * 16];
          for (size_t done = 0; done < count;) {
            size_t n = std::min(kChunk * 16 / width, count - done);
            if constexpr (kPhysical == Type::kFixedLenByteArray) {
              // FIXED_LEN_BYTE_ARRAY values are reassembled into a page-owned copy.
              std::shared_ptr<Buffer> copy = Buffer::Allocate(n * width);
              ByteStreamSplitDecode(data_, width, stride_, split_position_, n, copy->data());
              if constexpr (kOutIsString) out.string_heap().KeepAlive(copy);
              for (size_t i = 0; i < n; ++i) {
                dst[done + i] =
                    convert_(ByteArray{copy->data() + i * width, static_cast<uint32_t>(width)});
              }
            } else {
              ByteStreamSplitDecode(data_, width, stride_, split_position_, n, gathered);
              for (size_t i = 0; i < n; ++i) {
                dst[done + i] = convert_(LoadUnaligned<In>(gathered + i * width));
              }
            }
            split_position_ += n;
            done += n;
          }
          return Ok();
        }
        break;
      default:
        break;
    }
    return Corrupt("no page to decode values from");
  }

  Result<void> Skip(size_t count) override {
    switch (encoding_) {
      case Encoding::kPlain:
        if constexpr (kPhysical == Type::kBoolean) {
          if (count > static_cast<size_t>(end_ - data_) * 8 - bit_offset_) return TooFewValues();
          bit_offset_ += count;
          data_ += bit_offset_ / 8;
          bit_offset_ %= 8;
          return Ok();
        } else if constexpr (kPhysical == Type::kByteArray) {
          for (size_t i = 0; i < count; ++i) {
            if (end_ - data_ < 4) return TooFewValues();
            uint32_t length = LoadUnaligned<uint32_t>(data_);
            if (length > static_cast<size_t>(end_ - data_) - 4) return ValuePastEnd();
            data_ += 4 + static_cast<size_t>(length);
          }
          return Ok();
        } else {
          size_t width = ValueWidth();
          if (count > static_cast<size_t>(end_ - data_) / width) return TooFewValues();
          data_ += count * width;
          return Ok();
        }
      case Encoding::kRleDictionary:
        if (indexes_.Skip(count) != count) return TooFewValues();
        return Ok();
      case Encoding::kByteStreamSplit:
        if (count > stride_ - split_position_) return TooFewValues();
        split_position_ += count;
        return Ok();
      default: {
        // The delta and RLE encodings have no random access: decode into scratch space.
        Vector scratch(type_, kChunk);
        for (size_t done = 0; done < count;) {
          size_t n = std::min(kChunk, count - done);
          SB_RETURN_IF_ERROR(Decode(n, scratch, 0));
          done += n;
        }
        return Ok();
      }
    }
  }

 private:
  size_t ValueWidth() const {
    if constexpr (kPhysical == Type::kFixedLenByteArray) {
      return width_;
    } else if constexpr (kPhysical == Type::kByteArray || kPhysical == Type::kBoolean) {
      return 1;
    } else {
      return sizeof(In);
    }
  }

  static Error TooFewValues() { return Corrupt("page holds fewer values than its levels need"); }
  static Error ValuePastEnd() { return Corrupt("BYTE_ARRAY value runs past the end of the page"); }

  Result<void> DecodePlain(size_t count, Out* dst) {
    if constexpr (kPhysical == Type::kBoolean) {
      if (count > static_cast<size_t>(end_ - data_) * 8 - bit_offset_) return TooFewValues();
      for (size_t i = 0; i < count; ++i) {
        size_t bit = bit_offset_ + i;
        dst[i] = convert_(((data_[bit >> 3] >> (bit & 7)) & 1) != 0);
      }
      bit_offset_ += count;
      data_ += bit_offset_ / 8;
      bit_offset_ %= 8;
      return Ok();
    } else if constexpr (kPhysical == Type::kByteArray) {
      const uint8_t* p = data_;
      for (size_t i = 0; i < count; ++i) {
        if (end_ - p < 4) return TooFewValues();
        uint32_t length = LoadUnaligned<uint32_t>(p);
        if (length > static_cast<size_t>(end_ - p) - 4) return ValuePastEnd();
        dst[i] = convert_(ByteArray{p + 4, length});
        p += 4 + static_cast<size_t>(length);
      }
      data_ = p;
      return Ok();
    } else if constexpr (kPhysical == Type::kFixedLenByteArray) {
      if (count > static_cast<size_t>(end_ - data_) / width_) return TooFewValues();
      const auto width = static_cast<uint32_t>(width_);
      for (size_t i = 0; i < count; ++i) dst[i] = convert_(ByteArray{data_ + i * width_, width});
      data_ += count * width_;
      return Ok();
    } else {
      if (count > static_cast<size_t>(end_ - data_) / sizeof(In)) return TooFewValues();
      if constexpr (kBitwiseCopy) {
        std::memcpy(dst, data_, count * sizeof(In));
      } else {
        for (size_t i = 0; i < count; ++i)
          dst[i] = convert_(LoadUnaligned<In>(data_ + i * sizeof(In)));
      }
      data_ += count * sizeof(In);
      return Ok();
    }
  }

  Result<void> DecodeDictionary(size_t count, Out* dst) {
    const Out* dictionary = dictionary_->template data<Out>();
    uint32_t indexes[kChunk];
    for (size_t done = 0; done < count;) {
      size_t n = std::min(kChunk, count - done);
      if (indexes_.GetBatch(indexes, n) != n) {
        return indexes_.error() ? Corrupt("malformed dictionary indexes") : TooFewValues();
      }
      uint32_t max_index = 0;
      for (size_t i = 0; i < n; ++i) max_index = std::max(max_index, indexes[i]);
      if (max_index >= dictionary_size_) {
        return Corrupt(
            fmt::format("dictionary index {} is out of range for a dictionary of {} "
                        "entries",
                        max_index, dictionary_size_));
      }
      for (size_t i = 0; i < n; ++i) dst[done + i] = dictionary[indexes[i]];
      done += n;
    }
    return Ok();
  }

  LogicalType type_;
  size_t width_;
  Limits limits_;
  Convert convert_;
  std::unique_ptr<Vector> dictionary_;
  size_t dictionary_size_ = 0;
  std::shared_ptr<Buffer> dictionary_owner_;
  // The page being decoded.
  Encoding encoding_ = Encoding::kPlain;
  std::shared_ptr<Buffer> owner_;
  const uint8_t* data_ = nullptr;
  const uint8_t* end_ = nullptr;
  size_t bit_offset_ = 0;
  RleBitPackedDecoder<uint32_t> indexes_;
  RleBitPackedDecoder<uint8_t> booleans_;
  DeltaBinaryPackedDecoder delta_;
  DeltaLengthByteArrayDecoder delta_length_;
  DeltaByteArrayDecoder delta_bytes_;
  size_t stride_ = 0;
  size_t split_position_ = 0;
};

template <Type kPhysical, typename Convert>
std::unique_ptr<ValueDecoder> New(const LogicalType& type, size_t width,
                                  const ValueDecoder::Limits& limits) {
  return std::make_unique<TypedValueDecoder<kPhysical, Convert>>(type, width, limits);
}

// INT32 and INT64 leaves: the conversion by transform and engine representation.
template <Type kPhysical>
std::unique_ptr<ValueDecoder> MakeInteger(const LeafColumn& leaf,
                                          const ValueDecoder::Limits& limits) {
  using In = typename Storage<kPhysical>::In;
  const LogicalType& type = leaf.type;
  PhysicalType target = type.physical_type();
  switch (leaf.transform) {
    case ValueTransform::kUnsigned:
      switch (target) {
        case PhysicalType::kInt16:
          return New<kPhysical, Unsigned<In, int16_t>>(type, 0, limits);
        case PhysicalType::kInt32:
          return New<kPhysical, Unsigned<In, int32_t>>(type, 0, limits);
        case PhysicalType::kInt64:
          return New<kPhysical, Unsigned<In, int64_t>>(type, 0, limits);
        default:
          return New<kPhysical, Unsigned<In, int128_t>>(type, 0, limits);
      }
    case ValueTransform::kMillisToMicros:
      if (target == PhysicalType::kTimestampTz) {
        return New<kPhysical, WithTimeZone<MillisToMicros<In>>>(type, 0, limits);
      }
      return New<kPhysical, MillisToMicros<In>>(type, 0, limits);
    case ValueTransform::kNanosToMicrosFloor:
      if constexpr (kPhysical == Type::kInt64) {
        if (target == PhysicalType::kTimestampTz) {
          return New<kPhysical, WithTimeZone<NanosToMicrosFloor>>(type, 0, limits);
        }
        return New<kPhysical, NanosToMicrosFloor>(type, 0, limits);
      }
      break;
    case ValueTransform::kNanosToMicrosRound:
      if constexpr (kPhysical == Type::kInt64)
        return New<kPhysical, NanosToMicrosRound>(type, 0, limits);
      break;
    default:
      break;
  }
  switch (target) {
    case PhysicalType::kInt8:
      return New<kPhysical, Cast<In, int8_t>>(type, 0, limits);
    case PhysicalType::kInt16:
      return New<kPhysical, Cast<In, int16_t>>(type, 0, limits);
    case PhysicalType::kInt32:
      if constexpr (kPhysical == Type::kInt32)
        return New<kPhysical, Identity<int32_t>>(type, 0, limits);
      return New<kPhysical, Cast<In, int32_t>>(type, 0, limits);
    case PhysicalType::kInt64:
      if constexpr (kPhysical == Type::kInt64)
        return New<kPhysical, Identity<int64_t>>(type, 0, limits);
      return New<kPhysical, Cast<In, int64_t>>(type, 0, limits);
    case PhysicalType::kInt128:
      return New<kPhysical, Cast<In, int128_t>>(type, 0, limits);
    case PhysicalType::kTimestampTz:
      if constexpr (kPhysical == Type::kInt64) {
        return New<kPhysical, WithTimeZone<Identity<int64_t>>>(type, 0, limits);
      }
      return nullptr;
    default:
      return nullptr;
  }
}

template <Type kPhysical>
std::unique_ptr<ValueDecoder> MakeBytes(const LeafColumn& leaf,
                                        const ValueDecoder::Limits& limits) {
  const LogicalType& type = leaf.type;
  auto width = static_cast<size_t>(leaf.type_length);
  switch (leaf.transform) {
    case ValueTransform::kDecimalBytes:
      if (type.physical_type() == PhysicalType::kInt64) {
        return New<kPhysical, DecimalFromBytes<int64_t>>(type, width, limits);
      }
      return New<kPhysical, DecimalFromBytes<int128_t>>(type, width, limits);
    case ValueTransform::kUuid:
      return New<kPhysical, UuidFromBytes>(type, width, limits);
    case ValueTransform::kFloat16:
      return New<kPhysical, HalfToReal>(type, width, limits);
    case ValueTransform::kInterval:
      return New<kPhysical, BytesToString>(LogicalType(TypeId::kVarbinary), width, limits);
    default:
      return New<kPhysical, BytesToString>(type, width, limits);
  }
}

}  // namespace

std::unique_ptr<ValueDecoder> ValueDecoder::Make(const LeafColumn& leaf, const Limits& limits) {
  switch (leaf.physical_type) {
    case Type::kBoolean:
      return New<Type::kBoolean, Identity<bool>>(leaf.type, 0, limits);
    case Type::kInt32:
      return MakeInteger<Type::kInt32>(leaf, limits);
    case Type::kInt64:
      return MakeInteger<Type::kInt64>(leaf, limits);
    case Type::kInt96:
      return New<Type::kInt96, Int96Timestamp>(leaf.type, 0, limits);
    case Type::kFloat:
      return New<Type::kFloat, Identity<float>>(leaf.type, 0, limits);
    case Type::kDouble:
      return New<Type::kDouble, Identity<double>>(leaf.type, 0, limits);
    case Type::kByteArray:
      return MakeBytes<Type::kByteArray>(leaf, limits);
    case Type::kFixedLenByteArray:
      return MakeBytes<Type::kFixedLenByteArray>(leaf, limits);
  }
  return nullptr;
}

}  // namespace switchboard::parquet
