// Implicit coercions and common super types, following Trino's TypeCoercion.
#include "function/type_coercion.h"

#include <algorithm>

namespace switchboard {

namespace {

// Rank of the exact numeric types along tinyint -> smallint -> integer -> bigint.
int IntegralRank(TypeId id) {
  switch (id) {
    case TypeId::kTinyint: return 1;
    case TypeId::kSmallint: return 2;
    case TypeId::kInteger: return 3;
    case TypeId::kBigint: return 4;
    default: return 0;
  }
}

int IntegralDigits(TypeId id) {
  switch (id) {
    case TypeId::kTinyint: return 3;
    case TypeId::kSmallint: return 5;
    case TypeId::kInteger: return 10;
    case TypeId::kBigint: return 19;
    default: return 0;
  }
}

int Precision(const LogicalType& type) {
  return type.id() == TypeId::kTime || type.id() == TypeId::kTimestamp ||
                 type.id() == TypeId::kTimestampTz
             ? type.precision()
             : 0;
}

// Coercible when `to` is the common super type of decimal(p, s) and `to`: it keeps the scale and
// the integral digits, or (as in Trino) it is the 38-digit cap of that super type.
std::optional<int> DecimalCost(int p, int s, const LogicalType& to) {
  int to_p = to.decimal_precision(), to_s = to.decimal_scale();
  if (to_s >= s && (to_p - to_s >= p - s || to_p == LogicalType::kMaxDecimalPrecision)) {
    return 1 + (to_p - p);
  }
  return std::nullopt;
}

}  // namespace

LogicalType DecimalForIntegral(const LogicalType& type) {
  return LogicalType::Decimal(IntegralDigits(type.id()), 0);
}

std::optional<int> ImplicitCoercionCost(const LogicalType& from, const LogicalType& to) {
  if (from == to) return 0;
  TypeId f = from.id(), t = to.id();
  if (f == TypeId::kUnknown) return 1;
  if (IntegralRank(f) > 0) {
    if (IntegralRank(t) > 0) {
      return IntegralRank(t) > IntegralRank(f) ? std::optional<int>(IntegralRank(t) - IntegralRank(f))
                                               : std::nullopt;
    }
    if (t == TypeId::kDecimal) return DecimalCost(IntegralDigits(f), 0, to).has_value() ? std::optional<int>(5) : std::nullopt;
    if (t == TypeId::kReal) return 8;
    if (t == TypeId::kDouble) return 9;
    return std::nullopt;
  }
  switch (f) {
    case TypeId::kDecimal:
      if (t == TypeId::kDecimal) return DecimalCost(from.decimal_precision(), from.decimal_scale(), to);
      if (t == TypeId::kReal) return 8;
      if (t == TypeId::kDouble) return 9;
      return std::nullopt;
    case TypeId::kReal:
      return t == TypeId::kDouble ? std::optional<int>(1) : std::nullopt;
    case TypeId::kVarchar:
      if (t == TypeId::kVarchar) {
        if (to.length() == LogicalType::kUnboundedLength) return 1;
        if (from.length() != LogicalType::kUnboundedLength && from.length() <= to.length()) return 1;
      }
      return std::nullopt;
    case TypeId::kChar:
      if (t == TypeId::kChar && to.length() >= from.length()) return 1;
      return std::nullopt;
    case TypeId::kDate:
      if (t == TypeId::kTimestamp) return 2;
      if (t == TypeId::kTimestampTz) return 3;
      return std::nullopt;
    case TypeId::kTime:
      return t == TypeId::kTime && Precision(to) >= Precision(from) ? std::optional<int>(1) : std::nullopt;
    case TypeId::kTimestamp:
      if (t == TypeId::kTimestamp && Precision(to) >= Precision(from)) return 1;
      if (t == TypeId::kTimestampTz && Precision(to) >= Precision(from)) return 2;
      return std::nullopt;
    case TypeId::kTimestampTz:
      return t == TypeId::kTimestampTz && Precision(to) >= Precision(from) ? std::optional<int>(1)
                                                                          : std::nullopt;
    case TypeId::kArray:
      if (t == TypeId::kArray) return ImplicitCoercionCost(from.element_type(), to.element_type());
      return std::nullopt;
    case TypeId::kMap:
      if (t == TypeId::kMap) {
        auto key = ImplicitCoercionCost(from.key_type(), to.key_type());
        auto value = ImplicitCoercionCost(from.value_type(), to.value_type());
        if (key && value) return *key + *value;
      }
      return std::nullopt;
    case TypeId::kRow: {
      if (t != TypeId::kRow || from.fields().size() != to.fields().size()) return std::nullopt;
      int total = 0;
      for (size_t i = 0; i < from.fields().size(); ++i) {
        auto cost = ImplicitCoercionCost(from.fields()[i].second, to.fields()[i].second);
        if (!cost) return std::nullopt;
        total += *cost;
      }
      return total;
    }
    default:
      return std::nullopt;
  }
}

std::optional<LogicalType> CommonSuperType(const LogicalType& a, const LogicalType& b) {
  if (a == b) return a;
  if (a.id() == TypeId::kUnknown) return b;
  if (b.id() == TypeId::kUnknown) return a;
  TypeId x = a.id(), y = b.id();
  bool a_exact = IntegralRank(x) > 0 || x == TypeId::kDecimal;
  bool b_exact = IntegralRank(y) > 0 || y == TypeId::kDecimal;
  if (IntegralRank(x) > 0 && IntegralRank(y) > 0) return IntegralRank(x) >= IntegralRank(y) ? a : b;
  if (a_exact && b_exact) {
    LogicalType da = x == TypeId::kDecimal ? a : DecimalForIntegral(a);
    LogicalType db = y == TypeId::kDecimal ? b : DecimalForIntegral(b);
    int scale = std::max(da.decimal_scale(), db.decimal_scale());
    int integer = std::max(da.decimal_precision() - da.decimal_scale(),
                           db.decimal_precision() - db.decimal_scale());
    return LogicalType::Decimal(std::min(LogicalType::kMaxDecimalPrecision, integer + scale),
                                std::min(scale, LogicalType::kMaxDecimalPrecision));
  }
  bool a_numeric = a.IsNumeric(), b_numeric = b.IsNumeric();
  if (a_numeric && b_numeric) {
    if (x == TypeId::kDouble || y == TypeId::kDouble) return LogicalType(TypeId::kDouble);
    return LogicalType(TypeId::kReal);
  }
  if (a.IsString() && b.IsString()) {
    if (x == TypeId::kVarchar && y == TypeId::kVarchar) {
      if (a.length() == LogicalType::kUnboundedLength || b.length() == LogicalType::kUnboundedLength) {
        return LogicalType::Varchar();
      }
      return LogicalType::Varchar(std::max(a.length(), b.length()));
    }
    if (x == TypeId::kChar && y == TypeId::kChar) return LogicalType::Char(std::max(a.length(), b.length()));
    return LogicalType::Varchar();
  }
  auto temporal_rank = [](TypeId id) {
    return id == TypeId::kDate ? 1 : id == TypeId::kTimestamp ? 2 : id == TypeId::kTimestampTz ? 3 : 0;
  };
  if (temporal_rank(x) > 0 && temporal_rank(y) > 0) {
    int precision = std::max(Precision(a), Precision(b));
    if (x == TypeId::kTimestampTz || y == TypeId::kTimestampTz) {
      return LogicalType::TimestampTz(precision);
    }
    return LogicalType::Timestamp(precision);
  }
  if (x == TypeId::kTime && y == TypeId::kTime) return LogicalType::Time(std::max(Precision(a), Precision(b)));
  if (x == TypeId::kArray && y == TypeId::kArray) {
    auto element = CommonSuperType(a.element_type(), b.element_type());
    if (element) return LogicalType::Array(*element);
    return std::nullopt;
  }
  if (x == TypeId::kMap && y == TypeId::kMap) {
    auto key = CommonSuperType(a.key_type(), b.key_type());
    auto value = CommonSuperType(a.value_type(), b.value_type());
    if (key && value) return LogicalType::Map(*key, *value);
    return std::nullopt;
  }
  if (x == TypeId::kRow && y == TypeId::kRow && a.fields().size() == b.fields().size()) {
    std::vector<std::pair<std::string, LogicalType>> fields;
    for (size_t i = 0; i < a.fields().size(); ++i) {
      auto field = CommonSuperType(a.fields()[i].second, b.fields()[i].second);
      if (!field) return std::nullopt;
      fields.emplace_back(a.fields()[i].first, *field);
    }
    return LogicalType::Row(std::move(fields));
  }
  return std::nullopt;
}

std::optional<LogicalType> CoerceToFamily(const LogicalType& from, TypeId to_id) {
  if (from.id() == to_id) return from;
  if (from.id() == TypeId::kUnknown) return LogicalType(to_id);
  switch (to_id) {
    case TypeId::kDecimal:
      if (from.IsIntegral()) return DecimalForIntegral(from);
      return std::nullopt;
    case TypeId::kTimestamp:
      if (from.id() == TypeId::kDate) return LogicalType::Timestamp(0);
      return std::nullopt;
    case TypeId::kTimestampTz:
      if (from.id() == TypeId::kDate) return LogicalType::TimestampTz(0);
      if (from.id() == TypeId::kTimestamp) return LogicalType::TimestampTz(from.precision());
      return std::nullopt;
    case TypeId::kArray:
    case TypeId::kMap:
    case TypeId::kRow:
      return std::nullopt;
    default: {
      LogicalType target(to_id);
      if (CanCoerce(from, target)) return target;
      return std::nullopt;
    }
  }
}

}  // namespace switchboard
