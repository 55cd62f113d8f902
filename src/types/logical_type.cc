// LogicalType parameters, physical mapping and Trino-style names.
#include "types/logical_type.h"

#include <fmt/format.h>

#include "common/error.h"

namespace switchboard {

struct LogicalTypeInfo {
  int precision = 0;  // decimal precision, time/timestamp precision
  int scale = 0;
  uint32_t length = 0;
  std::vector<std::pair<std::string, LogicalType>> children;  // array: 1, map: 2 (key, value), row
};

LogicalType::LogicalType(TypeId id) : id_(id) {
  switch (id) {
    case TypeId::kDecimal:
      *this = Decimal(kMaxDecimalPrecision, 0);
      break;
    case TypeId::kTime:
      *this = Time();
      break;
    case TypeId::kTimestamp:
      *this = Timestamp();
      break;
    case TypeId::kTimestampTz:
      *this = TimestampTz();
      break;
    case TypeId::kArray:
    case TypeId::kMap:
    case TypeId::kRow:
      SB_CHECK(false, "{} needs parameters", TypeIdName(id));
    default:
      break;
  }
}

LogicalType LogicalType::Decimal(int precision, int scale) {
  SB_CHECK(precision >= 1 && precision <= kMaxDecimalPrecision && scale >= 0 && scale <= precision);
  auto info = std::make_shared<LogicalTypeInfo>();
  info->precision = precision;
  info->scale = scale;
  return LogicalType(TypeId::kDecimal, std::move(info));
}

LogicalType LogicalType::Varchar(uint32_t length) {
  if (length == kUnboundedLength) return LogicalType(TypeId::kVarchar, nullptr);
  auto info = std::make_shared<LogicalTypeInfo>();
  info->length = length;
  return LogicalType(TypeId::kVarchar, std::move(info));
}

LogicalType LogicalType::Char(uint32_t length) {
  auto info = std::make_shared<LogicalTypeInfo>();
  info->length = length;
  return LogicalType(TypeId::kChar, std::move(info));
}

namespace {
std::shared_ptr<LogicalTypeInfo> PrecisionInfo(int precision) {
  SB_CHECK(precision >= 0 && precision <= LogicalType::kMaxTimestampPrecision);
  auto info = std::make_shared<LogicalTypeInfo>();
  info->precision = precision;
  return info;
}
}  // namespace

LogicalType LogicalType::Time(int precision) {
  return LogicalType(TypeId::kTime, PrecisionInfo(precision));
}
LogicalType LogicalType::Timestamp(int precision) {
  return LogicalType(TypeId::kTimestamp, PrecisionInfo(precision));
}
LogicalType LogicalType::TimestampTz(int precision) {
  return LogicalType(TypeId::kTimestampTz, PrecisionInfo(precision));
}

LogicalType LogicalType::Array(LogicalType element) {
  auto info = std::make_shared<LogicalTypeInfo>();
  info->children.emplace_back("element", std::move(element));
  return LogicalType(TypeId::kArray, std::move(info));
}

LogicalType LogicalType::Map(LogicalType key, LogicalType value) {
  auto info = std::make_shared<LogicalTypeInfo>();
  info->children.emplace_back("key", std::move(key));
  info->children.emplace_back("value", std::move(value));
  return LogicalType(TypeId::kMap, std::move(info));
}

LogicalType LogicalType::Row(std::vector<std::pair<std::string, LogicalType>> fields) {
  auto info = std::make_shared<LogicalTypeInfo>();
  info->children = std::move(fields);
  return LogicalType(TypeId::kRow, std::move(info));
}

PhysicalType LogicalType::physical_type() const {
  switch (id_) {
    case TypeId::kBoolean: return PhysicalType::kBool;
    case TypeId::kUnknown:
    case TypeId::kTinyint: return PhysicalType::kInt8;
    case TypeId::kSmallint: return PhysicalType::kInt16;
    case TypeId::kInteger:
    case TypeId::kDate:
    case TypeId::kIntervalYearMonth: return PhysicalType::kInt32;
    case TypeId::kBigint:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kIntervalDayTime: return PhysicalType::kInt64;
    case TypeId::kDecimal:
      return decimal_precision() <= kMaxInlineDecimalPrecision ? PhysicalType::kInt64
                                                                : PhysicalType::kInt128;
    case TypeId::kUuid: return PhysicalType::kUInt128;
    case TypeId::kReal: return PhysicalType::kFloat;
    case TypeId::kDouble: return PhysicalType::kDouble;
    case TypeId::kVarchar:
    case TypeId::kChar:
    case TypeId::kVarbinary:
    case TypeId::kJson: return PhysicalType::kString;
    case TypeId::kTimestampTz: return PhysicalType::kTimestampTz;
    case TypeId::kArray:
    case TypeId::kMap: return PhysicalType::kList;
    case TypeId::kRow: return PhysicalType::kStruct;
    case TypeId::kInvalid: break;
  }
  SB_CHECK(false, "invalid type has no physical type");
}

size_t PhysicalTypeSize(PhysicalType type) {
  switch (type) {
    case PhysicalType::kBool:
    case PhysicalType::kInt8: return 1;
    case PhysicalType::kInt16: return 2;
    case PhysicalType::kInt32:
    case PhysicalType::kFloat: return 4;
    case PhysicalType::kInt64:
    case PhysicalType::kDouble:
    case PhysicalType::kList: return 8;
    case PhysicalType::kInt128:
    case PhysicalType::kUInt128:
    case PhysicalType::kString:
    case PhysicalType::kTimestampTz: return 16;
    case PhysicalType::kStruct: return 0;
  }
  return 0;
}

int LogicalType::decimal_precision() const {
  SB_CHECK(id_ == TypeId::kDecimal);
  return info_->precision;
}
int LogicalType::decimal_scale() const {
  SB_CHECK(id_ == TypeId::kDecimal);
  return info_->scale;
}
uint32_t LogicalType::length() const { return info_ ? info_->length : kUnboundedLength; }
int LogicalType::precision() const {
  SB_CHECK(id_ == TypeId::kTime || id_ == TypeId::kTimestamp || id_ == TypeId::kTimestampTz);
  return info_->precision;
}
const LogicalType& LogicalType::element_type() const {
  SB_CHECK(id_ == TypeId::kArray);
  return info_->children[0].second;
}
const LogicalType& LogicalType::key_type() const {
  SB_CHECK(id_ == TypeId::kMap);
  return info_->children[0].second;
}
const LogicalType& LogicalType::value_type() const {
  SB_CHECK(id_ == TypeId::kMap);
  return info_->children[1].second;
}
const std::vector<std::pair<std::string, LogicalType>>& LogicalType::fields() const {
  SB_CHECK(id_ == TypeId::kRow || id_ == TypeId::kMap);
  return info_->children;
}
LogicalType LogicalType::MapEntryType() const { return Row(fields()); }

bool LogicalType::IsNumeric() const {
  return IsIntegral() || id_ == TypeId::kReal || id_ == TypeId::kDouble || id_ == TypeId::kDecimal;
}
bool LogicalType::IsIntegral() const {
  return id_ == TypeId::kTinyint || id_ == TypeId::kSmallint || id_ == TypeId::kInteger ||
         id_ == TypeId::kBigint;
}
bool LogicalType::IsTemporal() const {
  return id_ == TypeId::kDate || id_ == TypeId::kTime || id_ == TypeId::kTimestamp ||
         id_ == TypeId::kTimestampTz;
}
bool LogicalType::IsOrderable() const {
  switch (id_) {
    case TypeId::kJson:
    case TypeId::kMap:
    case TypeId::kInvalid: return false;
    case TypeId::kArray: return element_type().IsOrderable();
    case TypeId::kRow:
      for (const auto& field : fields()) {
        if (!field.second.IsOrderable()) return false;
      }
      return true;
    default: return true;
  }
}

const char* TypeIdName(TypeId id) {
  switch (id) {
    case TypeId::kInvalid: return "invalid";
    case TypeId::kUnknown: return "unknown";
    case TypeId::kBoolean: return "boolean";
    case TypeId::kTinyint: return "tinyint";
    case TypeId::kSmallint: return "smallint";
    case TypeId::kInteger: return "integer";
    case TypeId::kBigint: return "bigint";
    case TypeId::kReal: return "real";
    case TypeId::kDouble: return "double";
    case TypeId::kDecimal: return "decimal";
    case TypeId::kVarchar: return "varchar";
    case TypeId::kChar: return "char";
    case TypeId::kVarbinary: return "varbinary";
    case TypeId::kDate: return "date";
    case TypeId::kTime: return "time";
    case TypeId::kTimestamp: return "timestamp";
    case TypeId::kTimestampTz: return "timestamp with time zone";
    case TypeId::kIntervalDayTime: return "interval day to second";
    case TypeId::kIntervalYearMonth: return "interval year to month";
    case TypeId::kUuid: return "uuid";
    case TypeId::kJson: return "json";
    case TypeId::kArray: return "array";
    case TypeId::kMap: return "map";
    case TypeId::kRow: return "row";
  }
  return "invalid";
}

std::string LogicalType::ToString() const {
  switch (id_) {
    case TypeId::kDecimal: return fmt::format("decimal({},{})", info_->precision, info_->scale);
    case TypeId::kVarchar:
      return length() == kUnboundedLength ? "varchar" : fmt::format("varchar({})", length());
    case TypeId::kChar: return fmt::format("char({})", length());
    case TypeId::kTime: return fmt::format("time({})", precision());
    case TypeId::kTimestamp: return fmt::format("timestamp({})", precision());
    case TypeId::kTimestampTz: return fmt::format("timestamp({}) with time zone", precision());
    case TypeId::kArray: return fmt::format("array({})", element_type().ToString());
    case TypeId::kMap:
      return fmt::format("map({}, {})", key_type().ToString(), value_type().ToString());
    case TypeId::kRow: {
      std::string out = "row(";
      for (size_t i = 0; i < fields().size(); ++i) {
        if (i > 0) out += ", ";
        if (!fields()[i].first.empty()) out += fields()[i].first + " ";
        out += fields()[i].second.ToString();
      }
      return out + ")";
    }
    default: return TypeIdName(id_);
  }
}

bool LogicalType::operator==(const LogicalType& other) const {
  if (id_ != other.id_) return false;
  if (info_ == other.info_) return true;
  if (!info_ || !other.info_) return false;
  return info_->precision == other.info_->precision && info_->scale == other.info_->scale &&
         info_->length == other.info_->length && info_->children == other.info_->children;
}

}  // namespace switchboard
