// CAST between JSON and SQL values, both directions, following Trino's JSON cast rules.
#include "function/json_cast.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "common/error.h"
#include "common/string_util.h"
#include "common/time_zone.h"
#include "function/json_util.h"
#include "function/nested_vector.h"
#include "function/query_context.h"
#include "types/datetime.h"
#include "types/decimal.h"

namespace switchboard {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

bool CanCastFromJson(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kArray:
      return CanCastFromJson(type.element_type());
    case TypeId::kMap:
      return (type.key_type().IsString() || type.key_type().IsNumeric() ||
              type.key_type().id() == TypeId::kBoolean) &&
             CanCastFromJson(type.value_type());
    case TypeId::kRow:
      for (const auto& field : type.fields()) {
        if (!CanCastFromJson(field.second)) return false;
      }
      return true;
    case TypeId::kVarbinary:
    case TypeId::kUuid:
    case TypeId::kIntervalDayTime:
    case TypeId::kIntervalYearMonth:
    case TypeId::kInvalid:
    case TypeId::kUnknown:
      return false;
    default:
      return true;
  }
}

/// Writes parsed JSON values into vectors of a SQL type. Read() returns false when a value does
/// not convert, with the reason in `error`.
class JsonReader {
 public:
  explicit JsonReader(const CastOptions& options)
      : session_zone_(options.query ? options.query->time_zone : TimeZone::kUtc) {}

  bool Read(element value, Vector& target, idx_t row) {
    if (value.type() == element_type::NULL_VALUE) {
      SetNull(target, row);
      return true;
    }
    switch (target.type().id()) {
      case TypeId::kArray:
        return ReadArray(value, target, row);
      case TypeId::kMap:
        return ReadMap(value, target, row);
      case TypeId::kRow:
        return ReadRow(value, target, row);
      case TypeId::kJson: {
        text_.clear();
        AppendCanonicalJson(text_, value);
        target.data<StringView>()[row] = target.AddString(text_);
        return true;
      }
      default:
        return ReadScalar(value, target, row);
    }
  }

  std::string error;

 private:
  static void SetNull(Vector& target, idx_t row) {
    target.SetNull(row);
    if (target.type().physical_type() == PhysicalType::kList)
      target.data<ListEntry>()[row] = ListEntry{0, 0};
    if (target.type().physical_type() == PhysicalType::kStruct) {
      for (Vector& field : target.struct_children()) SetNull(field, row);
    }
  }

  bool Fail(std::string reason) {
    error = std::move(reason);
    return false;
  }

  static const char* KindName(element value) {
    switch (value.type()) {
      case element_type::ARRAY:
        return "an array";
      case element_type::OBJECT:
        return "an object";
      case element_type::STRING:
        return "a string";
      case element_type::BOOL:
        return "a boolean";
      case element_type::NULL_VALUE:
        return "null";
      default:
        return "a number";
    }
  }

  bool ReadArray(element value, Vector& target, idx_t row) {
    if (value.type() != element_type::ARRAY)
      return Fail(std::string("Expected a JSON array, but got ") + KindName(value));
    auto array = AsArray(value);
    idx_t start = target.list_size();
    idx_t n = array.size();
    target.ReserveListChild(start + n);
    target.set_list_size(start + n);
    Vector& child = target.list_child();
    idx_t k = 0;
    for (element item : array) {
      if (!Read(item, child, start + k++)) return false;
    }
    target.data<ListEntry>()[row] =
        ListEntry{static_cast<uint32_t>(start), static_cast<uint32_t>(n)};
    return true;
  }

  bool ReadMap(element value, Vector& target, idx_t row) {
    if (value.type() != element_type::OBJECT)
      return Fail(std::string("Expected a JSON object, but got ") + KindName(value));
    auto object = AsObject(value);
    idx_t start = target.list_size();
    idx_t n = object.size();
    target.ReserveListChild(start + n);
    target.set_list_size(start + n);
    Vector& keys = target.list_child().struct_children()[0];
    Vector& values = target.list_child().struct_children()[1];
    seen_keys_.clear();
    idx_t k = 0;
    for (auto field : object) {
      if (!seen_keys_.insert(field.key).second)
        return Fail(fmt::format("Duplicate map key '{}'", field.key));
      if (!ReadText(field.key, keys, start + k)) return false;
      if (!Read(field.value, values, start + k)) return false;
      ++k;
    }
    target.data<ListEntry>()[row] =
        ListEntry{static_cast<uint32_t>(start), static_cast<uint32_t>(n)};
    return true;
  }

  bool ReadRow(element value, Vector& target, idx_t row) {
    auto& children = target.struct_children();
    const auto& fields = target.type().fields();
    if (value.type() == element_type::ARRAY) {
      auto array = AsArray(value);
      if (array.size() != fields.size()) {
        return Fail(fmt::format("Expected a JSON array of {} values, but got {}", fields.size(),
                                array.size()));
      }
      size_t f = 0;
      for (element item : array) {
        if (!Read(item, children[f], row)) return false;
        ++f;
      }
    } else if (value.type() == element_type::OBJECT) {
      auto object = AsObject(value);
      for (size_t f = 0; f < fields.size(); ++f) {
        bool found = false;
        for (auto field : object) {
          if (EqualsIgnoreCase(field.key, fields[f].first)) {
            if (!Read(field.value, children[f], row)) return false;
            found = true;
          }
        }
        if (!found) SetNull(children[f], row);
      }
    } else {
      return Fail(std::string("Expected a JSON array or object, but got ") + KindName(value));
    }
    target.validity().SetValid(row);
    return true;
  }

  // A JSON string (or object key) converted to a scalar type as CAST(varchar AS type) does.
  bool ReadText(std::string_view text, Vector& target, idx_t row) {
    const LogicalType& type = target.type();
    auto bad = [&] { return Fail(fmt::format("Cannot cast '{}' to {}", text, type.ToString())); };
    switch (type.id()) {
      case TypeId::kVarchar:
      case TypeId::kChar:
        target.data<StringView>()[row] = target.AddString(text);
        return true;
      case TypeId::kBoolean: {
        std::string_view t = TrimWhitespace(text);
        if (EqualsIgnoreCase(t, "true") || t == "1")
          target.data<bool>()[row] = true;
        else if (EqualsIgnoreCase(t, "false") || t == "0")
          target.data<bool>()[row] = false;
        else
          return bad();
        return true;
      }
      case TypeId::kReal:
      case TypeId::kDouble: {
        std::string_view t = TrimWhitespace(text);
        double v;
        auto parsed = std::from_chars(t.data(), t.data() + t.size(), v);
        if (parsed.ec != std::errc() || parsed.ptr != t.data() + t.size()) return bad();
        return StoreDouble(v, target, row);
      }
      case TypeId::kDecimal: {
        auto v = Decimal::Parse(text, type.decimal_precision(), type.decimal_scale());
        if (!v) return bad();
        return StoreInteger(*v, target, row);
      }
      case TypeId::kDate: {
        auto days = Date::Parse(text);
        if (!days) return bad();
        target.data<int32_t>()[row] = *days;
        return true;
      }
      case TypeId::kTime: {
        auto micros = Time::Parse(text);
        if (!micros) return bad();
        target.data<int64_t>()[row] = *micros;
        return true;
      }
      case TypeId::kTimestamp: {
        auto parsed = Timestamp::Parse(text);
        if (!parsed || parsed->zone) return bad();
        target.data<int64_t>()[row] = parsed->micros;
        return true;
      }
      case TypeId::kTimestampTz: {
        auto parsed = Timestamp::Parse(text);
        if (!parsed) return bad();
        target.data<TimestampTz>()[row] =
            Timestamp::FromLocal(parsed->micros, parsed->zone.value_or(session_zone_));
        return true;
      }
      default: {
        std::string_view t = TrimWhitespace(text);
        auto v = Decimal::ParseInt128(t);
        if (!v) return bad();
        return StoreInteger(*v, target, row);
      }
    }
  }

  // Integral and decimal targets from an exact integer (unscaled for decimals).
  bool StoreInteger(int128_t value, Vector& target, idx_t row) {
    const LogicalType& type = target.type();
    auto out_of_range = [&] {
      return Fail(
          fmt::format("Out of range for {}: {}", type.ToString(), Decimal::Int128ToString(value)));
    };
    switch (type.physical_type()) {
      case PhysicalType::kInt8:
        if (value < INT8_MIN || value > INT8_MAX) return out_of_range();
        target.data<int8_t>()[row] = static_cast<int8_t>(value);
        return true;
      case PhysicalType::kInt16:
        if (value < INT16_MIN || value > INT16_MAX) return out_of_range();
        target.data<int16_t>()[row] = static_cast<int16_t>(value);
        return true;
      case PhysicalType::kInt32:
        if (value < INT32_MIN || value > INT32_MAX) return out_of_range();
        target.data<int32_t>()[row] = static_cast<int32_t>(value);
        return true;
      case PhysicalType::kInt64:
        if (value < INT64_MIN || value > INT64_MAX) return out_of_range();
        target.data<int64_t>()[row] = static_cast<int64_t>(value);
        return true;
      case PhysicalType::kInt128:
        target.data<int128_t>()[row] = value;
        return true;
      case PhysicalType::kFloat:
      case PhysicalType::kDouble:
        return StoreDouble(static_cast<double>(value), target, row);
      case PhysicalType::kBool:
        target.data<bool>()[row] = value != 0;
        return true;
      default:
        return Fail("Cannot cast a number to " + type.ToString());
    }
  }

  bool StoreDouble(double value, Vector& target, idx_t row) {
    if (target.type().id() == TypeId::kReal)
      target.data<float>()[row] = static_cast<float>(value);
    else
      target.data<double>()[row] = value;
    return true;
  }

  bool ReadScalar(element value, Vector& target, idx_t row) {
    const LogicalType& type = target.type();
    switch (value.type()) {
      case element_type::STRING:
        return ReadText(value.get_string().value_unsafe(), target, row);
      case element_type::BOOL: {
        bool b = value.get_bool().value_unsafe();
        if (type.IsString()) {
          target.data<StringView>()[row] = target.AddString(b ? "true" : "false");
          return true;
        }
        if (type.id() == TypeId::kDecimal)
          return StoreInteger(b ? Decimal::PowerOfTen(type.decimal_scale()) : 0, target, row);
        if (type.IsNumeric() || type.id() == TypeId::kBoolean)
          return StoreInteger(b ? 1 : 0, target, row);
        return Fail("Cannot cast a boolean to " + type.ToString());
      }
      case element_type::INT64:
      case element_type::UINT64:
      case element_type::DOUBLE: {
        if (type.IsString()) {
          text_.clear();
          AppendCanonicalJson(text_, value);
          target.data<StringView>()[row] = target.AddString(text_);
          return true;
        }
        if (type.id() == TypeId::kBoolean) {
          target.data<bool>()[row] = value.get_double().value_unsafe() != 0;
          return true;
        }
        if (type.id() == TypeId::kReal || type.id() == TypeId::kDouble)
          return StoreDouble(value.get_double().value_unsafe(), target, row);
        if (type.id() == TypeId::kDecimal) {
          text_.clear();
          AppendCanonicalJson(text_, value);
          auto v = Decimal::Parse(text_, type.decimal_precision(), type.decimal_scale());
          if (!v) return Fail(fmt::format("Cannot cast {} to {}", text_, type.ToString()));
          return StoreInteger(*v, target, row);
        }
        if (type.IsIntegral()) {
          if (value.type() == element_type::INT64)
            return StoreInteger(value.get_int64().value_unsafe(), target, row);
          if (value.type() == element_type::UINT64)
            return StoreInteger(value.get_uint64().value_unsafe(), target, row);
          double d = std::round(value.get_double().value_unsafe());
          if (!std::isfinite(d) || std::fabs(d) > 1.7e38)
            return Fail("Out of range for " + type.ToString());
          return StoreInteger(static_cast<int128_t>(d), target, row);
        }
        return Fail("Cannot cast a number to " + type.ToString());
      }
      default:
        return Fail(std::string("Cannot cast ") + KindName(value) + " to " + type.ToString());
    }
  }

  int16_t session_zone_;
  std::string text_;
  std::unordered_set<std::string_view> seen_keys_;
};

void FromJsonKernel(const Vector& source, Vector& result, idx_t count, const CastOptions& options) {
  idx_t rows = source.IsConstant() ? 1 : count;
  JsonReader reader(options);
  for (idx_t i = 0; i < rows; ++i) {
    RowRef ref = ResolveRow(source, i);
    if (!IsValidAt(*ref.vector, ref.index)) {
      result.SetNull(i);
      continue;
    }
    std::string_view text = ref.vector->data<StringView>()[ref.index].view();
    auto root = ParseJson(text);
    if (!root) SB_THROW(kInvalidJson, "Cannot convert value to JSON: '{}'", text.substr(0, 200));
    if (!reader.Read(*root, result, i)) {
      if (options.try_cast) {
        result.SetNull(i);
        continue;
      }
      SB_THROW(kInvalidCast, "Cannot cast JSON '{}' to {}: {}", text.substr(0, 200),
               result.type().ToString(), reader.error);
    }
  }
  if (source.IsConstant()) result.SetKindConstant();
}

void ToJsonKernel(const Vector& source, Vector& result, idx_t count, const CastOptions&) {
  idx_t rows = source.IsConstant() ? 1 : count;
  std::string buffer;
  StringView* out = result.data<StringView>();
  for (idx_t i = 0; i < rows; ++i) {
    RowRef ref = ResolveRow(source, i);
    if (!IsValidAt(*ref.vector, ref.index)) {
      result.SetNull(i);
      continue;
    }
    buffer.clear();
    AppendJsonValue(buffer, *ref.vector, ref.index);
    out[i] = result.AddString(buffer);
  }
  if (source.IsConstant()) result.SetKindConstant();
}

}  // namespace

CastKernel JsonCastKernel(const LogicalType& from, const LogicalType& to) {
  if (to.id() == TypeId::kJson && from.id() != TypeId::kUnknown && CanCastToJson(from))
    return ToJsonKernel;
  if (from.id() == TypeId::kJson && to.id() != TypeId::kJson && CanCastFromJson(to))
    return FromJsonKernel;
  return nullptr;
}

}  // namespace switchboard
