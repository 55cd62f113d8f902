// Partition transforms.
#include "table/iceberg/transform.h"

#include <charconv>
#include <cstring>

#include "common/string_util.h"
#include "table/iceberg/value_codec.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard::iceberg {

namespace {

uint32_t RotateLeft(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

int32_t HashLong(int64_t value) {
  char bytes[8];
  std::memcpy(bytes, &value, 8);  // little-endian
  return Murmur3Hash32(std::string_view(bytes, 8));
}

std::string UuidHashBytes(uint128_t uuid) {
  std::string out(16, '\0');
  for (int i = 0; i < 16; ++i) out[static_cast<size_t>(i)] = static_cast<char>((uuid >> (120 - 8 * i)) & 0xff);
  return out;
}

int64_t TruncateInteger(int64_t value, int64_t width) { return value - (((value % width) + width) % width); }

int128_t TruncateInteger128(int128_t value, int128_t width) { return value - (((value % width) + width) % width); }

/// The byte length of the first `code_points` UTF-8 code points of `text`.
size_t Utf8Prefix(std::string_view text, int32_t code_points) {
  size_t i = 0;
  int32_t seen = 0;
  while (i < text.size()) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) {
      if (seen == code_points) return i;
      ++seen;
    }
    ++i;
  }
  return i;
}

bool IsTimeSource(TypeKind kind, bool allow_date) {
  switch (kind) {
    case TypeKind::kDate: return allow_date;
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampTz:
    case TypeKind::kTimestampNs:
    case TypeKind::kTimestampTzNs: return true;
    default: return false;
  }
}

std::string Base64(std::string_view bytes) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    uint32_t n = (uint32_t{static_cast<unsigned char>(bytes[i])} << 16) |
                 (uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8) | static_cast<unsigned char>(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kAlphabet[(n >> shift) & 63]);
  }
  if (i < bytes.size()) {
    uint32_t n = uint32_t{static_cast<unsigned char>(bytes[i])} << 16;
    if (i + 1 < bytes.size()) n |= uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8;
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

/// ISO-8601 text of a timestamp ("2024-03-01T10:15:00", fraction only when not zero).
std::string IsoTimestamp(int64_t micros) {
  std::string text = Timestamp::Format(micros, FloorMod(micros, kMicrosPerSecond) == 0 ? 0 : 6);
  text[10] = 'T';
  return text;
}

/// Reads the engine's physical value of one row as the int64 a transform works on: integers,
/// days, microseconds and unscaled decimals of up to 18 digits.
int64_t Int64At(const UnifiedFormat& format, idx_t index, PhysicalType physical) {
  switch (physical) {
    case PhysicalType::kInt8: return format.GetData<int8_t>()[index];
    case PhysicalType::kInt16: return format.GetData<int16_t>()[index];
    case PhysicalType::kInt32: return format.GetData<int32_t>()[index];
    case PhysicalType::kTimestampTz: return format.GetData<TimestampTz>()[index].micros;
    default: return format.GetData<int64_t>()[index];
  }
}

}  // namespace

int32_t Murmur3Hash32(std::string_view bytes) {
  constexpr uint32_t c1 = 0xcc9e2d51;
  constexpr uint32_t c2 = 0x1b873593;
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  size_t blocks = bytes.size() / 4;
  uint32_t h1 = 0;
  for (size_t i = 0; i < blocks; ++i) {
    uint32_t k1;
    std::memcpy(&k1, data + i * 4, 4);
    k1 *= c1;
    k1 = RotateLeft(k1, 15);
    k1 *= c2;
    h1 ^= k1;
    h1 = RotateLeft(h1, 13);
    h1 = h1 * 5 + 0xe6546b64;
  }
  const uint8_t* tail = data + blocks * 4;
  uint32_t k1 = 0;
  switch (bytes.size() & 3) {
    case 3: k1 ^= uint32_t{tail[2]} << 16; [[fallthrough]];
    case 2: k1 ^= uint32_t{tail[1]} << 8; [[fallthrough]];
    case 1:
      k1 ^= tail[0];
      k1 *= c1;
      k1 = RotateLeft(k1, 15);
      k1 *= c2;
      h1 ^= k1;
  }
  h1 ^= static_cast<uint32_t>(bytes.size());
  h1 ^= h1 >> 16;
  h1 *= 0x85ebca6b;
  h1 ^= h1 >> 13;
  h1 *= 0xc2b2ae35;
  h1 ^= h1 >> 16;
  return static_cast<int32_t>(h1);
}

int32_t BucketHash(const Value& value, const Type& source) {
  switch (source.kind) {
    case TypeKind::kInt:
    case TypeKind::kLong:
    case TypeKind::kDate:
    case TypeKind::kTime:
      return HashLong(value.GetInt64());
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampNs:
      return HashLong(value.GetInt64());
    case TypeKind::kTimestampTz:
    case TypeKind::kTimestampTzNs:
      return HashLong(value.type().id() == TypeId::kTimestampTz ? value.GetTimestampTz().micros : value.GetInt64());
    case TypeKind::kDecimal:
      return Murmur3Hash32(MinimalBigEndian(value.GetInt128()));
    case TypeKind::kUuid:
      return Murmur3Hash32(UuidHashBytes(value.GetUuid()));
    default:
      return Murmur3Hash32(value.GetString());
  }
}

Transform Transform::Parse(std::string_view text) {
  std::string lower = ToLower(TrimWhitespace(text));
  Transform transform;
  transform.text = std::string(text);
  auto parameter = [&](std::string_view prefix) -> std::optional<int32_t> {
    if (!StartsWith(lower, prefix) || lower.size() < prefix.size() + 3 || lower[prefix.size()] != '[' ||
        lower.back() != ']') {
      return std::nullopt;
    }
    std::string_view digits = std::string_view(lower).substr(prefix.size() + 1, lower.size() - prefix.size() - 2);
    int32_t value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size() || value <= 0) return std::nullopt;
    return value;
  };
  if (lower == "identity") {
    transform.kind = Kind::kIdentity;
  } else if (lower == "year") {
    transform.kind = Kind::kYear;
  } else if (lower == "month") {
    transform.kind = Kind::kMonth;
  } else if (lower == "day") {
    transform.kind = Kind::kDay;
  } else if (lower == "hour") {
    transform.kind = Kind::kHour;
  } else if (lower == "void") {
    transform.kind = Kind::kVoid;
  } else if (auto n = parameter("bucket")) {
    transform.kind = Kind::kBucket;
    transform.parameter = *n;
  } else if (auto w = parameter("truncate")) {
    transform.kind = Kind::kTruncate;
    transform.parameter = *w;
  } else {
    transform.kind = Kind::kUnknown;
  }
  return transform;
}

std::string Transform::ToString() const {
  switch (kind) {
    case Kind::kIdentity: return "identity";
    case Kind::kBucket: return fmt::format("bucket[{}]", parameter);
    case Kind::kTruncate: return fmt::format("truncate[{}]", parameter);
    case Kind::kYear: return "year";
    case Kind::kMonth: return "month";
    case Kind::kDay: return "day";
    case Kind::kHour: return "hour";
    case Kind::kVoid: return "void";
    case Kind::kUnknown: return text;
  }
  return text;
}

Result<TypePtr> Transform::ResultType(const TypePtr& source) const {
  auto invalid = [&]() {
    return Error{ErrorCode::kInvalidParameter,
                 fmt::format("Transform {} cannot be applied to a column of type {}", ToString(), source->ToString())};
  };
  switch (kind) {
    case Kind::kIdentity:
      if (!source->IsPrimitive() || source->kind == TypeKind::kVariant || source->kind == TypeKind::kGeometry ||
          source->kind == TypeKind::kGeography) {
        return invalid();
      }
      return source;
    case Kind::kVoid:
    case Kind::kUnknown:
      return source;
    case Kind::kBucket:
      switch (source->kind) {
        case TypeKind::kInt: case TypeKind::kLong: case TypeKind::kDecimal: case TypeKind::kDate:
        case TypeKind::kTime: case TypeKind::kTimestamp: case TypeKind::kTimestampTz: case TypeKind::kTimestampNs:
        case TypeKind::kTimestampTzNs: case TypeKind::kString: case TypeKind::kUuid: case TypeKind::kFixed:
        case TypeKind::kBinary:
          return Type::Primitive(TypeKind::kInt);
        default:
          return invalid();
      }
    case Kind::kTruncate:
      switch (source->kind) {
        case TypeKind::kInt: case TypeKind::kLong: case TypeKind::kDecimal: case TypeKind::kString:
        case TypeKind::kBinary:
          return source;
        default:
          return invalid();
      }
    case Kind::kYear:
    case Kind::kMonth:
      if (!IsTimeSource(source->kind, true)) return invalid();
      return Type::Primitive(TypeKind::kInt);
    case Kind::kDay:
      if (!IsTimeSource(source->kind, true)) return invalid();
      return Type::Primitive(TypeKind::kDate);
    case Kind::kHour:
      if (!IsTimeSource(source->kind, false)) return invalid();
      return Type::Primitive(TypeKind::kInt);
  }
  return invalid();
}

bool Transform::PreservesOrder() const {
  switch (kind) {
    case Kind::kIdentity:
    case Kind::kTruncate:
    case Kind::kYear:
    case Kind::kMonth:
    case Kind::kDay:
    case Kind::kHour: return true;
    default: return false;
  }
}

void Transform::Apply(const Vector& input, idx_t count, const Type& source, Vector& result) const {
  UnifiedFormat in;
  input.ToUnifiedFormat(count, in);
  if (kind == Kind::kIdentity) {
    result.CopyRows(input, SelectionVector(), count, 0);
    return;
  }
  PhysicalType physical = input.type().physical_type();
  for (idx_t row = 0; row < count; ++row) {
    idx_t index = in.sel->get_index(row);
    if (kind == Kind::kVoid || kind == Kind::kUnknown || !in.validity->RowIsValid(index)) {
      result.SetNull(row);
      continue;
    }
    switch (kind) {
      case Kind::kBucket: {
        int32_t hash;
        switch (source.kind) {
          case TypeKind::kDecimal:
            hash = Murmur3Hash32(MinimalBigEndian(physical == PhysicalType::kInt128 ? in.GetData<int128_t>()[index]
                                                                                      : in.GetData<int64_t>()[index]));
            break;
          case TypeKind::kUuid:
            hash = Murmur3Hash32(UuidHashBytes(in.GetData<uint128_t>()[index]));
            break;
          case TypeKind::kString:
          case TypeKind::kBinary:
          case TypeKind::kFixed:
            hash = Murmur3Hash32(in.GetData<StringView>()[index].view());
            break;
          default:
            hash = HashLong(Int64At(in, index, physical));
        }
        result.data<int32_t>()[row] = (hash & INT32_MAX) % parameter;
        break;
      }
      case Kind::kTruncate:
        switch (source.kind) {
          case TypeKind::kInt:
            result.data<int32_t>()[row] = static_cast<int32_t>(TruncateInteger(in.GetData<int32_t>()[index], parameter));
            break;
          case TypeKind::kLong:
            result.data<int64_t>()[row] = TruncateInteger(in.GetData<int64_t>()[index], parameter);
            break;
          case TypeKind::kDecimal:
            if (physical == PhysicalType::kInt128) {
              result.data<int128_t>()[row] = TruncateInteger128(in.GetData<int128_t>()[index], parameter);
            } else {
              result.data<int64_t>()[row] = TruncateInteger(in.GetData<int64_t>()[index], parameter);
            }
            break;
          default: {
            std::string_view text = in.GetData<StringView>()[index].view();
            size_t length = source.kind == TypeKind::kString ? Utf8Prefix(text, parameter)
                                                             : std::min<size_t>(text.size(), static_cast<size_t>(parameter));
            result.data<StringView>()[row] = result.AddString(text.substr(0, length));
          }
        }
        break;
      case Kind::kYear:
      case Kind::kMonth:
      case Kind::kDay:
      case Kind::kHour: {
        int64_t raw = Int64At(in, index, physical);
        if (kind == Kind::kHour) {
          result.data<int32_t>()[row] = static_cast<int32_t>(FloorDiv(raw, kMicrosPerHour));
          break;
        }
        int32_t days = source.kind == TypeKind::kDate ? static_cast<int32_t>(raw) : Timestamp::ToDate(raw);
        if (kind == Kind::kDay) {
          result.data<int32_t>()[row] = days;
          break;
        }
        int64_t year;
        int month;
        int day;
        Date::ToCivil(days, year, month, day);
        result.data<int32_t>()[row] =
            static_cast<int32_t>(kind == Kind::kYear ? year - 1970 : (year - 1970) * 12 + (month - 1));
        break;
      }
      default:
        break;
    }
  }
}

Value Transform::Apply(const Value& value, const Type& source) const {
  Result<TypePtr> result_type = ResultType(std::make_shared<Type>(source));
  Result<LogicalType> engine_type = result_type.ok() ? ToLogicalType(**result_type) : Result<LogicalType>(value.type());
  LogicalType out_type = engine_type.ok() ? *engine_type : value.type();
  if (value.is_null()) return Value::Null(out_type);
  Vector input(value.type(), 1);
  input.SetValue(0, value);
  Vector output(out_type, 1);
  Apply(input, 1, source, output);
  return output.GetValue(0);
}

std::string Transform::HumanString(const Value& value, const Type& result_type) const {
  if (value.is_null()) return "null";
  switch (kind) {
    case Kind::kYear: return std::to_string(1970 + value.GetInt64());
    case Kind::kMonth: {
      int64_t months = value.GetInt64();
      return fmt::format("{:04}-{:02}", 1970 + FloorDiv(months, 12), FloorMod(months, 12) + 1);
    }
    case Kind::kDay: return Date::Format(static_cast<int32_t>(value.GetInt64()));
    case Kind::kHour: {
      int64_t micros = value.GetInt64() * kMicrosPerHour;
      return Date::Format(Timestamp::ToDate(micros)) + fmt::format("-{:02}", FloorMod(micros, kMicrosPerDay) / kMicrosPerHour);
    }
    default:
      break;
  }
  switch (result_type.kind) {
    case TypeKind::kDate: return Date::Format(static_cast<int32_t>(value.GetInt64()));
    case TypeKind::kTime: return Time::Format(value.GetInt64(), value.GetInt64() % kMicrosPerSecond == 0 ? 0 : 6);
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampNs: return IsoTimestamp(value.GetInt64());
    case TypeKind::kTimestampTz:
    case TypeKind::kTimestampTzNs: return IsoTimestamp(value.GetTimestampTz().micros) + "Z";
    case TypeKind::kBinary:
    case TypeKind::kFixed: return Base64(value.GetString());
    case TypeKind::kDecimal: return Decimal::Format(value.GetInt128(), result_type.scale);
    case TypeKind::kUuid: return FormatUuid(value.GetUuid());
    case TypeKind::kBoolean: return value.GetBoolean() ? "true" : "false";
    default: return value.ToString();
  }
}

}  // namespace switchboard::iceberg
