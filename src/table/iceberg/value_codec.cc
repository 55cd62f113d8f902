// Single-value serializations of Iceberg values.
#include "table/iceberg/value_codec.h"

#include <cmath>
#include <cstring>
#include <random>

#include "common/json_writer.h"
#include "common/string_util.h"
#include "function/cast.h"
#include "table/iceberg/json_internal.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard::iceberg {

namespace {

template <typename T>
std::string LittleEndian(T value) {
  std::string out(sizeof(T), '\0');
  std::memcpy(out.data(), &value, sizeof(T));
  return out;
}

template <typename T>
T ReadLittleEndian(std::string_view bytes) {
  T value;
  std::memcpy(&value, bytes.data(), sizeof(T));
  return value;
}

int64_t MicrosOf(const Value& value) {
  if (value.type().id() == TypeId::kTimestampTz) return value.GetTimestampTz().micros;
  if (value.type().id() == TypeId::kDate) return value.GetInt64() * kMicrosPerDay;
  return value.GetInt64();
}

std::string Hex(std::string_view bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::optional<std::string> Unhex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); i += 2) {
    int high = digit(text[i]);
    int low = digit(text[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
  }
  return out;
}

std::string UuidBytes(uint128_t uuid) {
  std::string out(16, '\0');
  for (int i = 0; i < 16; ++i) out[static_cast<size_t>(i)] = static_cast<char>((uuid >> (120 - 8 * i)) & 0xff);
  return out;
}

uint128_t UuidFromBytes(std::string_view bytes) {
  uint128_t uuid = 0;
  for (unsigned char c : bytes) uuid = (uuid << 8) | c;
  return uuid;
}

}  // namespace

void AppendRowKey(std::string& key, const UnifiedFormat& format, PhysicalType physical, idx_t index) {
  if (!format.validity->RowIsValid(index)) {
    key.push_back('\0');
    return;
  }
  key.push_back('\1');
  auto append = [&](const void* data, size_t size) { key.append(static_cast<const char*>(data), size); };
  switch (physical) {
    case PhysicalType::kString: {
      std::string_view text = format.GetData<StringView>()[index].view();
      auto size = static_cast<uint32_t>(text.size());
      append(&size, 4);
      append(text.data(), text.size());
      break;
    }
    case PhysicalType::kTimestampTz:
      append(&format.GetData<TimestampTz>()[index].micros, 8);
      break;
    case PhysicalType::kFloat: {
      float value = format.GetData<float>()[index];
      if (value == 0) value = 0;
      append(&value, 4);
      break;
    }
    case PhysicalType::kDouble: {
      double value = format.GetData<double>()[index];
      if (value == 0) value = 0;
      append(&value, 8);
      break;
    }
    default:
      append(format.data + index * PhysicalTypeSize(physical), PhysicalTypeSize(physical));
  }
}

int CompareValues(const Value& a, const Value& b) {
  auto order = [](const auto& x, const auto& y) { return x < y ? -1 : (y < x ? 1 : 0); };
  switch (a.type().physical_type()) {
    case PhysicalType::kBool: return order(a.GetBoolean(), b.GetBoolean());
    case PhysicalType::kInt128: return order(a.GetInt128(), b.GetInt128());
    case PhysicalType::kUInt128: return order(a.GetUuid(), b.GetUuid());
    case PhysicalType::kFloat:
    case PhysicalType::kDouble: {
      double x = a.GetDouble();
      double y = b.GetDouble();
      if (std::isnan(x) || std::isnan(y)) return std::isnan(x) == std::isnan(y) ? 0 : (std::isnan(x) ? 1 : -1);
      return order(x, y);
    }
    case PhysicalType::kString: return a.GetString().compare(b.GetString()) < 0 ? -1 : (a.GetString() == b.GetString() ? 0 : 1);
    case PhysicalType::kTimestampTz: return order(a.GetTimestampTz().micros, b.GetTimestampTz().micros);
    default: return order(a.GetInt64(), b.GetInt64());
  }
}

std::string MinimalBigEndian(int128_t value) {
  std::string out;
  for (int i = 15; i >= 0; --i) out.push_back(static_cast<char>((static_cast<uint128_t>(value) >> (8 * i)) & 0xff));
  size_t start = 0;
  while (start + 1 < out.size()) {
    auto first = static_cast<unsigned char>(out[start]);
    auto next = static_cast<unsigned char>(out[start + 1]);
    bool redundant = (first == 0x00 && (next & 0x80) == 0) || (first == 0xff && (next & 0x80) != 0);
    if (!redundant) break;
    ++start;
  }
  return out.substr(start);
}

namespace {

Error BadBytes(const Type& type, size_t size) {
  return Error{ErrorCode::kCorruptData, fmt::format("{} bytes are not a binary {} value", size, type.ToString())};
}

}  // namespace

std::string FormatUuid(uint128_t uuid) {
  std::string hex = Hex(UuidBytes(uuid));
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20);
}

std::optional<uint128_t> ParseUuid(std::string_view text) {
  if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-') return std::nullopt;
  std::string digits;
  for (char c : text) {
    if (c != '-') digits.push_back(c);
  }
  auto bytes = Unhex(digits);
  if (!bytes) return std::nullopt;
  return UuidFromBytes(*bytes);
}

uint128_t RandomUuid() {
  thread_local std::mt19937_64 random(std::random_device{}() ^ (static_cast<uint64_t>(std::random_device{}()) << 32));
  uint128_t uuid = (static_cast<uint128_t>(random()) << 64) | random();
  uuid &= ~(static_cast<uint128_t>(0xf000) << 64);  // version 4
  uuid |= static_cast<uint128_t>(0x4000) << 64;
  uuid &= ~(static_cast<uint128_t>(0xc0000000'00000000ULL));  // variant 10
  uuid |= static_cast<uint128_t>(0x80000000'00000000ULL);
  return uuid;
}

std::string SerializeBinary(const Value& value, const Type& type) {
  switch (type.kind) {
    case TypeKind::kBoolean: return std::string(1, value.GetBoolean() ? '\1' : '\0');
    case TypeKind::kInt:
    case TypeKind::kDate: return LittleEndian(static_cast<int32_t>(value.GetInt64()));
    case TypeKind::kLong:
    case TypeKind::kTime: return LittleEndian(value.GetInt64());
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampTz: return LittleEndian(MicrosOf(value));
    case TypeKind::kTimestampNs:
    case TypeKind::kTimestampTzNs: return LittleEndian(MicrosOf(value) * 1000);
    case TypeKind::kFloat: return LittleEndian(static_cast<float>(value.GetDouble()));
    case TypeKind::kDouble: return LittleEndian(value.GetDouble());
    case TypeKind::kDecimal: return MinimalBigEndian(value.GetInt128());
    case TypeKind::kUuid:
      return value.type().id() == TypeId::kUuid ? UuidBytes(value.GetUuid()) : value.GetString();
    default: return value.GetString();
  }
}

Result<Value> DeserializeBinary(std::string_view bytes, const Type& type) {
  size_t size = bytes.size();
  switch (type.kind) {
    case TypeKind::kBoolean:
      if (size < 1) return BadBytes(type, size);
      return Value::Boolean(bytes[0] != 0);
    case TypeKind::kInt:
      if (size != 4) return BadBytes(type, size);
      return Value::Integer(ReadLittleEndian<int32_t>(bytes));
    case TypeKind::kLong:
      if (size == 4) return Value::Bigint(ReadLittleEndian<int32_t>(bytes));
      if (size != 8) return BadBytes(type, size);
      return Value::Bigint(ReadLittleEndian<int64_t>(bytes));
    case TypeKind::kFloat:
      if (size != 4) return BadBytes(type, size);
      return Value::Real(ReadLittleEndian<float>(bytes));
    case TypeKind::kDouble:
      if (size == 4) return Value::Double(ReadLittleEndian<float>(bytes));
      if (size != 8) return BadBytes(type, size);
      return Value::Double(ReadLittleEndian<double>(bytes));
    case TypeKind::kDate:
      if (size != 4) return BadBytes(type, size);
      return Value::Date(ReadLittleEndian<int32_t>(bytes));
    case TypeKind::kTime:
      if (size != 8) return BadBytes(type, size);
      return Value::Time(ReadLittleEndian<int64_t>(bytes), 6);
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampTz:
    case TypeKind::kTimestampNs:
    case TypeKind::kTimestampTzNs: {
      int64_t micros;
      if (size == 4) {
        micros = int64_t{ReadLittleEndian<int32_t>(bytes)} * kMicrosPerDay;
      } else if (size == 8) {
        micros = ReadLittleEndian<int64_t>(bytes);
        if (type.kind == TypeKind::kTimestampNs || type.kind == TypeKind::kTimestampTzNs) micros = FloorDiv(micros, 1000);
      } else {
        return BadBytes(type, size);
      }
      if (type.kind == TypeKind::kTimestamp || type.kind == TypeKind::kTimestampNs) return Value::Timestamp(micros, 6);
      return Value::TimestampWithZone(TimestampTz{micros, 0}, 6);
    }
    case TypeKind::kString:
      return Value::Varchar(std::string(bytes));
    case TypeKind::kUuid:
      if (size != 16) return BadBytes(type, size);
      return Value::Uuid(UuidFromBytes(bytes));
    case TypeKind::kFixed:
    case TypeKind::kBinary:
      return Value::Varbinary(std::string(bytes));
    case TypeKind::kDecimal: {
      if (size < 1 || size > 16) return BadBytes(type, size);
      int128_t unscaled = static_cast<signed char>(bytes[0]) < 0 ? -1 : 0;
      for (unsigned char c : bytes) unscaled = static_cast<int128_t>((static_cast<uint128_t>(unscaled) << 8) | c);
      if (!Decimal::Fits(unscaled, type.precision)) {
        return Error{ErrorCode::kCorruptData, fmt::format("A binary value does not fit {}", type.ToString())};
      }
      return Value::Decimal(unscaled, type.precision, type.scale);
    }
    default:
      return Error{ErrorCode::kNotSupported, fmt::format("Binary values of type {} are not supported", type.ToString())};
  }
}

void WriteJsonValue(JsonWriter& out, const Value& value, const Type& type) {
  if (value.is_null()) return out.Null();
  switch (type.kind) {
    case TypeKind::kBoolean: return out.Bool(value.GetBoolean());
    case TypeKind::kInt:
    case TypeKind::kLong: return out.Int(value.GetInt64());
    case TypeKind::kFloat:
    case TypeKind::kDouble: return out.Double(value.GetDouble());
    case TypeKind::kDecimal: return out.String(Decimal::Format(value.GetInt128(), type.scale));
    case TypeKind::kDate: return out.String(Date::Format(static_cast<int32_t>(value.GetInt64())));
    case TypeKind::kTime: return out.String(Time::Format(value.GetInt64(), 6));
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampNs:
    case TypeKind::kTimestampTz:
    case TypeKind::kTimestampTzNs: {
      std::string text = Timestamp::Format(MicrosOf(value), 6);
      text[10] = 'T';
      if (type.kind == TypeKind::kTimestampTz || type.kind == TypeKind::kTimestampTzNs) text += "+00:00";
      return out.String(text);
    }
    case TypeKind::kUuid:
      return out.String(value.type().id() == TypeId::kUuid ? FormatUuid(value.GetUuid()) : value.GetString());
    case TypeKind::kFixed:
    case TypeKind::kBinary: return out.String(Hex(value.GetString()));
    case TypeKind::kStruct:
      out.StartObject();
      for (size_t i = 0; i < type.fields.size() && i < value.children().size(); ++i) {
        out.Key(std::to_string(type.fields[i].id));
        WriteJsonValue(out, value.children()[i], *type.fields[i].type);
      }
      return out.EndObject();
    case TypeKind::kList:
      out.StartArray();
      for (const Value& element : value.children()) WriteJsonValue(out, element, *type.element().type);
      return out.EndArray();
    case TypeKind::kMap:
      out.StartObject();
      out.Key("keys");
      out.StartArray();
      for (const Value& entry : value.children()) WriteJsonValue(out, entry.children()[0], *type.key().type);
      out.EndArray();
      out.Key("values");
      out.StartArray();
      for (const Value& entry : value.children()) WriteJsonValue(out, entry.children()[1], *type.value().type);
      out.EndArray();
      return out.EndObject();
    default:
      return out.String(value.ToString());
  }
}

Result<Value> ConformValue(const Value& value, const Type& type) {
  SB_ASSIGN_OR_RETURN(LogicalType target, ToLogicalType(type));
  if (value.type() == target) return value;
  if (value.is_null()) return Value::Null(target);
  if (type.kind == TypeKind::kUuid && value.type().id() == TypeId::kVarbinary) {
    if (value.GetString().size() != 16) {
      return Error{ErrorCode::kInvalidCast, fmt::format("{} bytes are not a UUID", value.GetString().size())};
    }
    return Value::Uuid(UuidFromBytes(value.GetString()));
  }
  if (type.kind == TypeKind::kFixed && value.type().id() == TypeId::kVarbinary &&
      value.GetString().size() != static_cast<size_t>(type.length)) {
    return Error{ErrorCode::kInvalidCast,
                 fmt::format("{} bytes do not fit {}", value.GetString().size(), type.ToString())};
  }
  return CatchErrors([&] { return CastValue(value, target); });
}

namespace json {

Result<Value> ParseValue(Element value, const Type& type, std::string_view what) {
  SB_ASSIGN_OR_RETURN(LogicalType engine_type, ToLogicalType(type));
  if (value.is_null()) return Value::Null(engine_type);
  auto bad = [&]() {
    return Malformed(what, fmt::format("{} is not a {} value", simdjson::minify(value), type.ToString()));
  };
  auto text = [&]() -> std::optional<std::string_view> {
    std::string_view s;
    if (value.get_string().get(s) != simdjson::SUCCESS) return std::nullopt;
    return s;
  };
  switch (type.kind) {
    case TypeKind::kBoolean: {
      bool b;
      if (value.get_bool().get(b) != simdjson::SUCCESS) return bad();
      return Value::Boolean(b);
    }
    case TypeKind::kInt:
    case TypeKind::kLong: {
      int64_t i;
      if (value.get_int64().get(i) != simdjson::SUCCESS) return bad();
      if (type.kind == TypeKind::kInt) {
        if (i < INT32_MIN || i > INT32_MAX) return bad();
        return Value::Integer(static_cast<int32_t>(i));
      }
      return Value::Bigint(i);
    }
    case TypeKind::kFloat:
    case TypeKind::kDouble: {
      double d;
      if (value.is_int64()) {
        d = static_cast<double>(value.get_int64().value_unsafe());
      } else if (value.get_double().get(d) != simdjson::SUCCESS) {
        auto s = text();
        if (s == "NaN") d = std::nan("");
        else if (s == "Infinity") d = INFINITY;
        else if (s == "-Infinity") d = -INFINITY;
        else return bad();
      }
      return type.kind == TypeKind::kFloat ? Value::Real(static_cast<float>(d)) : Value::Double(d);
    }
    case TypeKind::kDecimal: {
      std::string digits;
      if (auto s = text()) {
        digits = std::string(*s);
      } else if (value.is_number()) {
        digits = simdjson::minify(value);
      } else {
        return bad();
      }
      auto unscaled = Decimal::Parse(digits, type.precision, type.scale);
      if (!unscaled) return bad();
      return Value::Decimal(*unscaled, type.precision, type.scale);
    }
    case TypeKind::kDate: {
      auto s = text();
      auto days = s ? Date::Parse(*s) : std::nullopt;
      if (!days) return bad();
      return Value::Date(*days);
    }
    case TypeKind::kTime: {
      auto s = text();
      auto micros = s ? Time::Parse(*s) : std::nullopt;
      if (!micros) return bad();
      return Value::Time(*micros, 6);
    }
    case TypeKind::kTimestamp:
    case TypeKind::kTimestampNs:
    case TypeKind::kTimestampTz:
    case TypeKind::kTimestampTzNs: {
      auto s = text();
      auto parsed = s ? Timestamp::Parse(*s) : std::nullopt;
      if (!parsed) return bad();
      int64_t micros = parsed->zone ? Timestamp::FromLocal(parsed->micros, *parsed->zone).micros : parsed->micros;
      if (type.kind == TypeKind::kTimestamp || type.kind == TypeKind::kTimestampNs) return Value::Timestamp(micros, 6);
      return Value::TimestampWithZone(TimestampTz{micros, 0}, 6);
    }
    case TypeKind::kString: {
      auto s = text();
      if (!s) return bad();
      return Value::Varchar(std::string(*s));
    }
    case TypeKind::kUuid: {
      auto s = text();
      auto uuid = s ? ParseUuid(*s) : std::nullopt;
      if (!uuid) return bad();
      return Value::Uuid(*uuid);
    }
    case TypeKind::kFixed:
    case TypeKind::kBinary: {
      auto s = text();
      auto bytes = s ? Unhex(*s) : std::nullopt;
      if (!bytes || (type.kind == TypeKind::kFixed && bytes->size() != static_cast<size_t>(type.length))) return bad();
      return Value::Varbinary(std::move(*bytes));
    }
    case TypeKind::kStruct: {
      if (!value.is_object()) return bad();
      std::vector<Value> fields;
      for (const NestedField& field : type.fields) {
        std::optional<Element> member = Member(value, std::to_string(field.id));
        if (member) {
          SB_ASSIGN_OR_RETURN(Value child, ParseValue(*member, *field.type, what));
          fields.push_back(std::move(child));
        } else if (field.initial_default) {
          fields.push_back(*field.initial_default);
        } else {
          SB_ASSIGN_OR_RETURN(LogicalType child_type, ToLogicalType(*field.type));
          fields.push_back(Value::Null(child_type));
        }
      }
      return Value::Row(engine_type, std::move(fields));
    }
    case TypeKind::kList: {
      SB_ASSIGN_OR_RETURN(Array array, AsArray(value, what));
      std::vector<Value> elements;
      for (Element element : array) {
        SB_ASSIGN_OR_RETURN(Value child, ParseValue(element, *type.element().type, what));
        elements.push_back(std::move(child));
      }
      return Value::Array(engine_type.element_type(), std::move(elements));
    }
    case TypeKind::kMap: {
      SB_ASSIGN_OR_RETURN(Element keys_element, Required(value, "keys", what));
      SB_ASSIGN_OR_RETURN(Element values_element, Required(value, "values", what));
      SB_ASSIGN_OR_RETURN(Array keys, AsArray(keys_element, what));
      SB_ASSIGN_OR_RETURN(Array values, AsArray(values_element, what));
      if (keys.size() != values.size()) return Malformed(what, "a map default has different numbers of keys and values");
      std::vector<std::pair<Value, Value>> entries;
      auto key_it = keys.begin();
      for (Element v : values) {
        SB_ASSIGN_OR_RETURN(Value key, ParseValue(*key_it, *type.key().type, what));
        SB_ASSIGN_OR_RETURN(Value mapped, ParseValue(v, *type.value().type, what));
        entries.emplace_back(std::move(key), std::move(mapped));
        ++key_it;
      }
      return Value::Map(engine_type.key_type(), engine_type.value_type(), std::move(entries));
    }
    default:
      return bad();
  }
}

}  // namespace json

}  // namespace switchboard::iceberg
