// Value construction, accessors, text forms and identity comparison.
#include "types/value.h"

#include <cstring>

#include <fmt/format.h>

#include "common/error.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard {

Value Value::Null(LogicalType type) {
  Value v;
  v.type_ = std::move(type);
  return v;
}

Value Value::Boolean(bool value) {
  Value v(TypeId::kBoolean);
  v.integer_ = value;
  return v;
}
Value Value::Tinyint(int8_t value) {
  Value v(TypeId::kTinyint);
  v.integer_ = value;
  return v;
}
Value Value::Smallint(int16_t value) {
  Value v(TypeId::kSmallint);
  v.integer_ = value;
  return v;
}
Value Value::Integer(int32_t value) {
  Value v(TypeId::kInteger);
  v.integer_ = value;
  return v;
}
Value Value::Bigint(int64_t value) {
  Value v(TypeId::kBigint);
  v.integer_ = value;
  return v;
}
Value Value::Real(float value) {
  Value v(TypeId::kReal);
  v.double_ = value;
  return v;
}
Value Value::Double(double value) {
  Value v(TypeId::kDouble);
  v.double_ = value;
  return v;
}
Value Value::Decimal(int128_t unscaled, int precision, int scale) {
  SB_CHECK(Decimal::Fits(unscaled, precision));
  Value v(LogicalType::Decimal(precision, scale));
  v.integer_ = unscaled;
  return v;
}
Value Value::Varchar(std::string value) {
  Value v(TypeId::kVarchar);
  v.string_ = std::move(value);
  return v;
}
Value Value::Char(std::string value, uint32_t length) {
  Value v(LogicalType::Char(length));
  v.string_ = std::move(value);
  return v;
}
Value Value::Varbinary(std::string bytes) {
  Value v(TypeId::kVarbinary);
  v.string_ = std::move(bytes);
  return v;
}
Value Value::Json(std::string text) {
  Value v(TypeId::kJson);
  v.string_ = std::move(text);
  return v;
}
Value Value::Date(int32_t days) {
  Value v(TypeId::kDate);
  v.integer_ = days;
  return v;
}
Value Value::Time(int64_t micros, int precision) {
  Value v(LogicalType::Time(precision));
  v.integer_ = micros;
  return v;
}
Value Value::Timestamp(int64_t micros, int precision) {
  Value v(LogicalType::Timestamp(precision));
  v.integer_ = micros;
  return v;
}
Value Value::TimestampWithZone(TimestampTz value, int precision) {
  Value v(LogicalType::TimestampTz(precision));
  v.integer_ = value.micros;
  v.zone_ = value.zone;
  return v;
}
Value Value::IntervalDayTime(int64_t micros) {
  Value v(TypeId::kIntervalDayTime);
  v.integer_ = micros;
  return v;
}
Value Value::IntervalYearMonth(int32_t months) {
  Value v(TypeId::kIntervalYearMonth);
  v.integer_ = months;
  return v;
}
Value Value::Uuid(uint128_t value) {
  Value v(TypeId::kUuid);
  v.integer_ = static_cast<int128_t>(value);
  return v;
}
Value Value::Array(LogicalType element_type, std::vector<Value> elements) {
  Value v(LogicalType::Array(std::move(element_type)));
  v.children_ = std::move(elements);
  return v;
}
Value Value::Map(LogicalType key_type, LogicalType value_type,
                 std::vector<std::pair<Value, Value>> entries) {
  LogicalType map_type = LogicalType::Map(std::move(key_type), std::move(value_type));
  LogicalType entry_type = map_type.MapEntryType();
  Value v(map_type);
  for (auto& [key, value] : entries) {
    v.children_.push_back(Row(entry_type, {std::move(key), std::move(value)}));
  }
  return v;
}
Value Value::Row(LogicalType row_type, std::vector<Value> fields) {
  SB_CHECK(row_type.id() == TypeId::kRow && row_type.fields().size() == fields.size());
  Value v(std::move(row_type));
  v.children_ = std::move(fields);
  return v;
}

Value Value::FromPhysical(const LogicalType& type, const void* data) {
  auto load = [data](auto* out) { std::memcpy(out, data, sizeof(*out)); };
  switch (type.physical_type()) {
    case PhysicalType::kBool: {
      bool b;
      load(&b);
      return Boolean(b);
    }
    case PhysicalType::kInt8:
    case PhysicalType::kInt16:
    case PhysicalType::kInt32:
    case PhysicalType::kInt64: {
      Value v(type);
      int64_t x = 0;
      switch (type.physical_type()) {
        case PhysicalType::kInt8: { int8_t y; load(&y); x = y; break; }
        case PhysicalType::kInt16: { int16_t y; load(&y); x = y; break; }
        case PhysicalType::kInt32: { int32_t y; load(&y); x = y; break; }
        default: load(&x); break;
      }
      if (type.id() == TypeId::kUnknown) return Null(type);
      v.integer_ = x;
      return v;
    }
    case PhysicalType::kInt128:
    case PhysicalType::kUInt128: {
      Value v(type);
      load(&v.integer_);
      return v;
    }
    case PhysicalType::kFloat: {
      float f;
      load(&f);
      Value v(type);
      v.double_ = f;
      return v;
    }
    case PhysicalType::kDouble: {
      Value v(type);
      load(&v.double_);
      return v;
    }
    case PhysicalType::kString: {
      StringView s;
      load(&s);
      Value v(type);
      v.string_ = s.str();
      return v;
    }
    case PhysicalType::kTimestampTz: {
      TimestampTz t;
      load(&t);
      Value v(type);
      v.integer_ = t.micros;
      v.zone_ = t.zone;
      return v;
    }
    case PhysicalType::kList:
    case PhysicalType::kStruct:
      break;
  }
  SB_CHECK(false, "FromPhysical on nested type {}", type.ToString());
}

bool Value::GetBoolean() const {
  SB_CHECK(!is_null_ && type_.id() == TypeId::kBoolean);
  return integer_ != 0;
}
int64_t Value::GetInt64() const {
  SB_CHECK(!is_null_);
  return static_cast<int64_t>(integer_);
}
int128_t Value::GetInt128() const {
  SB_CHECK(!is_null_);
  return integer_;
}
double Value::GetDouble() const {
  SB_CHECK(!is_null_ && (type_.id() == TypeId::kReal || type_.id() == TypeId::kDouble));
  return double_;
}
const std::string& Value::GetString() const {
  SB_CHECK(!is_null_ && type_.physical_type() == PhysicalType::kString);
  return string_;
}
TimestampTz Value::GetTimestampTz() const {
  SB_CHECK(!is_null_ && type_.id() == TypeId::kTimestampTz);
  return TimestampTz{static_cast<int64_t>(integer_), zone_};
}
uint128_t Value::GetUuid() const {
  SB_CHECK(!is_null_ && type_.id() == TypeId::kUuid);
  return static_cast<uint128_t>(integer_);
}

namespace {

std::string FormatUuid(uint128_t value) {
  auto hi = static_cast<uint64_t>(value >> 64);
  auto lo = static_cast<uint64_t>(value);
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", hi >> 32, (hi >> 16) & 0xffff,
                     hi & 0xffff, lo >> 48, lo & 0xffffffffffffULL);
}

std::string FormatVarbinary(const std::string& bytes) {
  // Trino prints varbinary as space-separated hex bytes.
  std::string out;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (i > 0) out += ' ';
    out += fmt::format("{:02x}", static_cast<uint8_t>(bytes[i]));
  }
  return out;
}

std::string QuoteString(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

}  // namespace

std::string Value::ToString() const {
  if (is_null_) return "NULL";
  switch (type_.id()) {
    case TypeId::kBoolean: return integer_ ? "true" : "false";
    case TypeId::kTinyint:
    case TypeId::kSmallint:
    case TypeId::kInteger:
    case TypeId::kBigint: return std::to_string(static_cast<int64_t>(integer_));
    case TypeId::kReal: return FormatReal(static_cast<float>(double_));
    case TypeId::kDouble: return FormatDouble(double_);
    case TypeId::kDecimal: return Decimal::Format(integer_, type_.decimal_scale());
    case TypeId::kVarchar:
    case TypeId::kChar:
    case TypeId::kJson: return string_;
    case TypeId::kVarbinary: return FormatVarbinary(string_);
    case TypeId::kDate: return Date::Format(static_cast<int32_t>(integer_));
    case TypeId::kTime: return Time::Format(static_cast<int64_t>(integer_), type_.precision());
    case TypeId::kTimestamp:
      return Timestamp::Format(static_cast<int64_t>(integer_), type_.precision());
    case TypeId::kTimestampTz:
      return Timestamp::FormatWithZone(GetTimestampTz(), type_.precision());
    case TypeId::kIntervalDayTime: return Interval::FormatDayTime(static_cast<int64_t>(integer_));
    case TypeId::kIntervalYearMonth:
      return Interval::FormatYearMonth(static_cast<int32_t>(integer_));
    case TypeId::kUuid: return FormatUuid(GetUuid());
    case TypeId::kArray: {
      std::string out = "[";
      for (size_t i = 0; i < children_.size(); ++i) {
        if (i > 0) out += ", ";
        out += children_[i].ToString();
      }
      return out + "]";
    }
    case TypeId::kMap: {
      std::string out = "{";
      for (size_t i = 0; i < children_.size(); ++i) {
        if (i > 0) out += ", ";
        out += children_[i].children_[0].ToString() + "=" + children_[i].children_[1].ToString();
      }
      return out + "}";
    }
    case TypeId::kRow: {
      std::string out = "{";
      for (size_t i = 0; i < children_.size(); ++i) {
        if (i > 0) out += ", ";
        const std::string& name = type_.fields()[i].first;
        out += (name.empty() ? fmt::format("field{}", i) : name) + "=" + children_[i].ToString();
      }
      return out + "}";
    }
    case TypeId::kUnknown:
    case TypeId::kInvalid: break;
  }
  return "NULL";
}

std::string Value::ToSqlLiteral() const {
  if (is_null_) {
    return type_.id() == TypeId::kUnknown ? "NULL" : fmt::format("CAST(NULL AS {})", type_.ToString());
  }
  switch (type_.id()) {
    case TypeId::kBoolean: return integer_ ? "true" : "false";
    case TypeId::kInteger: return ToString();
    case TypeId::kBigint:
      return integer_ >= INT32_MIN && integer_ <= INT32_MAX ? fmt::format("BIGINT '{}'", ToString())
                                                             : ToString();
    case TypeId::kTinyint: return fmt::format("TINYINT '{}'", ToString());
    case TypeId::kSmallint: return fmt::format("SMALLINT '{}'", ToString());
    case TypeId::kReal: return fmt::format("REAL '{}'", ToString());
    case TypeId::kDouble: return fmt::format("DOUBLE '{}'", ToString());
    case TypeId::kDecimal: return fmt::format("DECIMAL '{}'", ToString());
    case TypeId::kVarchar: return QuoteString(string_);
    case TypeId::kChar: return fmt::format("CAST({} AS {})", QuoteString(string_), type_.ToString());
    case TypeId::kJson: return fmt::format("JSON {}", QuoteString(string_));
    case TypeId::kVarbinary: {
      std::string hex;
      for (unsigned char c : string_) hex += fmt::format("{:02X}", c);
      return fmt::format("X'{}'", hex);
    }
    case TypeId::kDate: return fmt::format("DATE '{}'", ToString());
    case TypeId::kTime: return fmt::format("TIME '{}'", ToString());
    case TypeId::kTimestamp: return fmt::format("TIMESTAMP '{}'", ToString());
    case TypeId::kTimestampTz: return fmt::format("TIMESTAMP '{}'", ToString());
    case TypeId::kIntervalDayTime:
      return fmt::format("INTERVAL '{}' DAY TO SECOND", ToString());
    case TypeId::kIntervalYearMonth:
      return fmt::format("INTERVAL '{}' YEAR TO MONTH", ToString());
    case TypeId::kUuid: return fmt::format("UUID '{}'", ToString());
    case TypeId::kArray: {
      std::string out = "ARRAY[";
      for (size_t i = 0; i < children_.size(); ++i) {
        if (i > 0) out += ", ";
        out += children_[i].ToSqlLiteral();
      }
      return out + "]";
    }
    case TypeId::kMap: {
      std::string keys, values;
      for (size_t i = 0; i < children_.size(); ++i) {
        if (i > 0) {
          keys += ", ";
          values += ", ";
        }
        keys += children_[i].children_[0].ToSqlLiteral();
        values += children_[i].children_[1].ToSqlLiteral();
      }
      return fmt::format("MAP(ARRAY[{}], ARRAY[{}])", keys, values);
    }
    case TypeId::kRow: {
      std::string out = "CAST(ROW(";
      for (size_t i = 0; i < children_.size(); ++i) {
        if (i > 0) out += ", ";
        out += children_[i].ToSqlLiteral();
      }
      return out + ") AS " + type_.ToString() + ")";
    }
    case TypeId::kUnknown:
    case TypeId::kInvalid: break;
  }
  return "NULL";
}

bool Value::operator==(const Value& other) const {
  if (type_ != other.type_ || is_null_ != other.is_null_) return false;
  if (is_null_) return true;
  switch (type_.physical_type()) {
    case PhysicalType::kFloat:
    case PhysicalType::kDouble:
      return double_ == other.double_ || (double_ != double_ && other.double_ != other.double_);
    case PhysicalType::kString: return string_ == other.string_;
    case PhysicalType::kTimestampTz: return integer_ == other.integer_ && zone_ == other.zone_;
    case PhysicalType::kList:
    case PhysicalType::kStruct: return children_ == other.children_;
    default: return integer_ == other.integer_;
  }
}

hash_t Value::Hash() const {
  if (is_null_) return 0;
  switch (type_.physical_type()) {
    case PhysicalType::kFloat:
    case PhysicalType::kDouble: {
      uint64_t bits;
      double d = double_ == 0 ? 0.0 : double_;
      std::memcpy(&bits, &d, sizeof(bits));
      return HashInt(bits);
    }
    case PhysicalType::kString: return HashBytes(string_.data(), string_.size());
    case PhysicalType::kList:
    case PhysicalType::kStruct: {
      hash_t h = children_.size();
      for (const auto& child : children_) h = CombineHashes(h, child.Hash());
      return h;
    }
    default:
      return CombineHashes(HashInt(static_cast<uint64_t>(integer_)),
                           HashInt(static_cast<uint64_t>(integer_ >> 64)));
  }
}

}  // namespace switchboard
