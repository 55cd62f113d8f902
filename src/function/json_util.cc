// JSON parsing on a per-thread simdjson parser, and canonical JSON writing.
#include "function/json_util.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <vector>

#include "common/error.h"
#include "function/nested_vector.h"
#include "types/decimal.h"
#include "types/value.h"

namespace switchboard {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

/// Scratch space for sorting object fields, one list per nesting depth, reused across calls. A
/// deque, so that growing it for a deeper level keeps the outer levels' lists in place.
std::deque<std::vector<std::pair<std::string_view, element>>>& FieldScratch() {
  thread_local std::deque<std::vector<std::pair<std::string_view, element>>> scratch;
  return scratch;
}

void AppendCanonical(std::string& out, element value, size_t depth) {
  switch (value.type()) {
    case element_type::OBJECT: {
      auto& scratch = FieldScratch();
      if (scratch.size() <= depth) scratch.resize(depth + 1);
      auto& fields = scratch[depth];
      fields.clear();
      for (auto field : AsObject(value)) fields.emplace_back(field.key, field.value);
      std::stable_sort(fields.begin(), fields.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      out.push_back('{');
      bool first = true;
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i + 1 < fields.size() && fields[i + 1].first == fields[i].first)
          continue;  // a later duplicate wins
        if (!first) out.push_back(',');
        first = false;
        AppendJsonString(out, fields[i].first);
        out.push_back(':');
        AppendCanonical(out, fields[i].second, depth + 1);
      }
      out.push_back('}');
      return;
    }
    case element_type::ARRAY: {
      out.push_back('[');
      bool first = true;
      for (element child : AsArray(value)) {
        if (!first) out.push_back(',');
        first = false;
        AppendCanonical(out, child, depth + 1);
      }
      out.push_back(']');
      return;
    }
    case element_type::INT64:
      out.append(std::to_string(value.get_int64().value_unsafe()));
      return;
    case element_type::UINT64:
      out.append(std::to_string(value.get_uint64().value_unsafe()));
      return;
    case element_type::DOUBLE:
      out.append(FormatDouble(value.get_double().value_unsafe()));
      return;
    case element_type::STRING:
      AppendJsonString(out, value.get_string().value_unsafe());
      return;
    case element_type::BOOL:
      out.append(value.get_bool().value_unsafe() ? "true" : "false");
      return;
    case element_type::NULL_VALUE:
      out.append("null");
      return;
  }
}

// A floating point value as JSON: Java's digits, or a string for NaN and the infinities.
void AppendFloating(std::string& out, double value, bool real) {
  if (std::isfinite(value)) {
    out.append(real ? FormatReal(static_cast<float>(value)) : FormatDouble(value));
  } else {
    AppendJsonString(out, std::isnan(value) ? "NaN" : (value > 0 ? "Infinity" : "-Infinity"));
  }
}

// The text a map key takes as a JSON object key.
std::string KeyText(const Vector& keys, idx_t index) {
  if (keys.type().physical_type() == PhysicalType::kString)
    return keys.data<StringView>()[index].str();
  return keys.GetValue(index).ToString();
}

}  // namespace

std::optional<element> ParseJson(std::string_view text) {
  thread_local simdjson::dom::parser parser;
  element root;
  if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
  return root;
}

void AppendCanonicalJson(std::string& out, element value) { AppendCanonical(out, value, 0); }

void AppendJsonString(std::string& out, std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  out.push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
  }
  out.append(text.substr(run));
  out.push_back('"');
}

bool CanCastToJson(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kArray:
      return CanCastToJson(type.element_type());
    case TypeId::kMap: {
      TypeId key = type.key_type().id();
      bool key_ok = type.key_type().IsString() || type.key_type().IsNumeric() ||
                    key == TypeId::kBoolean || key == TypeId::kDate || key == TypeId::kUnknown;
      return key_ok && CanCastToJson(type.value_type());
    }
    case TypeId::kRow:
      for (const auto& field : type.fields()) {
        if (!CanCastToJson(field.second)) return false;
      }
      return true;
    case TypeId::kVarbinary:
    case TypeId::kInvalid:
      return false;
    default:
      return true;
  }
}

void AppendJsonValue(std::string& out, const Vector& vector, idx_t index) {
  if (!IsValidAt(vector, index)) {
    out.append("null");
    return;
  }
  const LogicalType& type = vector.type();
  switch (type.id()) {
    case TypeId::kUnknown:
      out.append("null");
      return;
    case TypeId::kBoolean:
      out.append(vector.data<bool>()[index] ? "true" : "false");
      return;
    case TypeId::kTinyint:
      out.append(std::to_string(vector.data<int8_t>()[index]));
      return;
    case TypeId::kSmallint:
      out.append(std::to_string(vector.data<int16_t>()[index]));
      return;
    case TypeId::kInteger:
      out.append(std::to_string(vector.data<int32_t>()[index]));
      return;
    case TypeId::kBigint:
      out.append(std::to_string(vector.data<int64_t>()[index]));
      return;
    case TypeId::kReal:
      AppendFloating(out, vector.data<float>()[index], true);
      return;
    case TypeId::kDouble:
      AppendFloating(out, vector.data<double>()[index], false);
      return;
    case TypeId::kDecimal: {
      int128_t unscaled = type.physical_type() == PhysicalType::kInt64
                              ? vector.data<int64_t>()[index]
                              : vector.data<int128_t>()[index];
      out.append(Decimal::Format(unscaled, type.decimal_scale()));
      return;
    }
    case TypeId::kVarchar:
    case TypeId::kChar:
      AppendJsonString(out, vector.data<StringView>()[index].view());
      return;
    case TypeId::kJson:
      out.append(vector.data<StringView>()[index].view());
      return;
    case TypeId::kArray: {
      const ListEntry& entry = vector.data<ListEntry>()[index];
      out.push_back('[');
      for (uint32_t k = 0; k < entry.length; ++k) {
        if (k > 0) out.push_back(',');
        AppendJsonValue(out, vector.list_child(), entry.offset + k);
      }
      out.push_back(']');
      return;
    }
    case TypeId::kMap: {
      const ListEntry& entry = vector.data<ListEntry>()[index];
      const Vector& keys = vector.list_child().struct_children()[0];
      const Vector& values = vector.list_child().struct_children()[1];
      std::vector<std::pair<std::string, idx_t>> sorted;
      for (uint32_t k = 0; k < entry.length; ++k)
        sorted.emplace_back(KeyText(keys, entry.offset + k), entry.offset + k);
      std::sort(sorted.begin(), sorted.end());
      out.push_back('{');
      for (size_t k = 0; k < sorted.size(); ++k) {
        if (k > 0) out.push_back(',');
        AppendJsonString(out, sorted[k].first);
        out.push_back(':');
        AppendJsonValue(out, values, sorted[k].second);
      }
      out.push_back('}');
      return;
    }
    case TypeId::kRow: {
      const auto& fields = type.fields();
      bool named =
          std::all_of(fields.begin(), fields.end(), [](const auto& f) { return !f.first.empty(); });
      const auto& children = vector.struct_children();
      if (!named) {
        out.push_back('[');
        for (size_t f = 0; f < fields.size(); ++f) {
          if (f > 0) out.push_back(',');
          AppendJsonValue(out, children[f], index);
        }
        out.push_back(']');
        return;
      }
      std::vector<size_t> order(fields.size());
      for (size_t f = 0; f < order.size(); ++f) order[f] = f;
      std::sort(order.begin(), order.end(),
                [&](size_t a, size_t b) { return fields[a].first < fields[b].first; });
      out.push_back('{');
      for (size_t k = 0; k < order.size(); ++k) {
        if (k > 0) out.push_back(',');
        AppendJsonString(out, fields[order[k]].first);
        out.push_back(':');
        AppendJsonValue(out, children[order[k]], index);
      }
      out.push_back('}');
      return;
    }
    default:
      // Dates, times, timestamps, intervals and UUIDs as their text.
      AppendJsonString(out, vector.GetValue(index).ToString());
      return;
  }
}

}  // namespace switchboard
