// Parquet test helpers: rendering, CSV/JSON parsing and tolerant comparison.
#include "format/parquet/tests/parquet_test_util.h"

#include <fmt/format.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "common/hash.h"
#include "types/datetime.h"
#include "types/decimal.h"
#include "types/value.h"

namespace switchboard::parquet::testing {

namespace {

std::string Hex(std::string_view bytes) {
  static const char* kDigits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string UuidText(uint128_t v) {
  std::string hex;
  for (int i = 15; i >= 0; --i)
    hex += fmt::format("{:02x}", static_cast<unsigned>((v >> (8 * i)) & 0xff));
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

std::string DateText(int32_t days) {
  int64_t year;
  int month;
  int day;
  Date::ToCivil(days, year, month, day);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

// HH:MM:SS plus a fraction without trailing zeros (DuckDB's style).
std::string TimeOfDayText(int64_t micros) {
  int64_t seconds = micros / 1000000;
  int64_t fraction = micros % 1000000;
  std::string text =
      fmt::format("{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  if (fraction != 0) {
    std::string digits = fmt::format("{:06}", fraction);
    while (digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return text;
}

std::string TimestampText(int64_t micros) {
  int64_t days = FloorDiv(micros, kMicrosPerDay);
  return DateText(static_cast<int32_t>(days)) + " " +
         TimeOfDayText(FloorMod(micros, kMicrosPerDay));
}

std::string DoubleText(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  return fmt::format("{}", d);
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += fmt::format("\\u{:04x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// DuckDB's BLOB to VARCHAR: printable ASCII except quotes and backslash, else \xHH.
std::string BlobText(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c >= 32 && c <= 126 && c != '\\' && c != '\'' && c != '"') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("\\x{:02X}", c);
    }
  }
  return out;
}

std::string JsonText(const Vector& v, idx_t row) {
  if (!v.validity().RowIsValid(row)) return "null";
  const LogicalType& type = v.type();
  switch (type.id()) {
    case TypeId::kArray: {
      const ListEntry& e = v.data<ListEntry>()[row];
      std::string out = "[";
      for (uint32_t k = 0; k < e.length; ++k) {
        if (k > 0) out += ",";
        out += JsonText(v.list_child(), e.offset + k);
      }
      return out + "]";
    }
    case TypeId::kMap: {
      const ListEntry& e = v.data<ListEntry>()[row];
      const auto& entry = v.list_child().struct_children();
      std::string out = "{";
      for (uint32_t k = 0; k < e.length; ++k) {
        if (k > 0) out += ",";
        std::string key = JsonText(entry[0], e.offset + k);
        if (key.empty() || key[0] != '"') key = JsonString(key);
        out += key + ":" + JsonText(entry[1], e.offset + k);
      }
      return out + "}";
    }
    case TypeId::kRow: {
      std::string out = "{";
      const auto& fields = type.fields();
      for (size_t f = 0; f < fields.size(); ++f) {
        if (f > 0) out += ",";
        out += JsonString(fields[f].first) + ":" + JsonText(v.struct_children()[f], row);
      }
      return out + "}";
    }
    case TypeId::kVarchar:
    case TypeId::kChar:
      return JsonString(v.data<StringView>()[row].view());
    case TypeId::kJson:
      return std::string(v.data<StringView>()[row].view());
    case TypeId::kVarbinary:
      return JsonString(BlobText(v.data<StringView>()[row].view()));
    case TypeId::kDate:
      return JsonString(DateText(v.data<int32_t>()[row]));
    case TypeId::kTime:
      return JsonString(TimeOfDayText(v.data<int64_t>()[row]));
    case TypeId::kTimestamp:
      return JsonString(TimestampText(v.data<int64_t>()[row]));
    case TypeId::kTimestampTz:
      return JsonString(TimestampText(v.data<TimestampTz>()[row].micros) + "+00");
    case TypeId::kUuid:
      return JsonString(UuidText(v.data<uint128_t>()[row]));
    case TypeId::kReal:
    case TypeId::kDouble: {
      double d = type.id() == TypeId::kReal ? v.data<float>()[row] : v.data<double>()[row];
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
      return fmt::format("{}", d);
    }
    default: {
      bool null = false;
      return CanonicalText(v, row, null);
    }
  }
}

// A JSON value, tolerant of DuckDB's NaN/Infinity tokens.
struct Json {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // a string's value, or a number's text
  std::vector<Json> items;
  std::map<std::string, Json> members;
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : text_(text) {}

  bool Parse(Json& out) {
    if (!Value(out)) return false;
    Space();
    return pos_ == text_.size();
  }

 private:
  void Space() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool String(std::string& out) {
    if (pos_ >= text_.size() || text_[pos_] != '"') return false;
    ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) return false;
      char e = text_[pos_++];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          if (pos_ + 4 > text_.size()) return false;
          unsigned code = std::stoul(std::string(text_.substr(pos_, 4)), nullptr, 16);
          pos_ += 4;
          if (code < 0x80) {
            out += static_cast<char>(code);
          } else if (code < 0x800) {
            out += static_cast<char>(0xc0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3f));
          } else {
            out += static_cast<char>(0xe0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (code & 0x3f));
          }
          break;
        }
        default:
          out += e;
          break;
      }
    }
    if (pos_ >= text_.size()) return false;
    ++pos_;
    return true;
  }
  bool Value(Json& out) {
    Space();
    if (pos_ >= text_.size()) return false;
    char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      out.kind = Json::Kind::kObject;
      Space();
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      while (true) {
        Space();
        std::string key;
        if (!String(key)) return false;
        Space();
        if (!Literal(":")) return false;
        Json value;
        if (!Value(value)) return false;
        out.members[key] = std::move(value);
        Space();
        if (Literal(",")) continue;
        return Literal("}");
      }
    }
    if (c == '[') {
      ++pos_;
      out.kind = Json::Kind::kArray;
      Space();
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      while (true) {
        Json value;
        if (!Value(value)) return false;
        out.items.push_back(std::move(value));
        Space();
        if (Literal(",")) continue;
        return Literal("]");
      }
    }
    if (c == '"') {
      out.kind = Json::Kind::kString;
      return String(out.text);
    }
    if (Literal("null")) return true;
    if (Literal("true") || Literal("false")) {
      out.kind = Json::Kind::kBool;
      out.boolean = text_[pos_ - 1] == 'e' && text_[pos_ - 2] == 'u';
      return true;
    }
    out.kind = Json::Kind::kNumber;
    for (std::string_view word : {"NaN", "Infinity", "-Infinity"}) {
      if (Literal(word)) {
        out.text = word;
        return true;
      }
    }
    size_t start = pos_;
    while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) ||
                                   std::strchr("+-.eE", text_[pos_]) != nullptr)) {
      ++pos_;
    }
    if (pos_ == start) return false;
    out.text = text_.substr(start, pos_ - start);
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

bool ParseNumber(const std::string& text, double& out) {
  if (text == "nan" || text == "NaN" || text == "-nan") {
    out = NAN;
    return true;
  }
  if (text == "inf" || text == "Infinity") {
    out = INFINITY;
    return true;
  }
  if (text == "-inf" || text == "-Infinity") {
    out = -INFINITY;
    return true;
  }
  if (text.empty()) return false;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

// The digits after the point of a plain decimal literal ("-12" -> 0, "3.250" -> 3), or -1 for
// anything else (exponents, NaN, infinities).
int PlainDecimalScale(const std::string& text) {
  size_t i = !text.empty() && text[0] == '-' ? 1 : 0;
  size_t digits = 0;
  int scale = -1;
  for (; i < text.size(); ++i) {
    if (text[i] == '.' && scale < 0) {
      scale = 0;
    } else if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      ++digits;
      if (scale >= 0) ++scale;
    } else {
      return -1;
    }
  }
  return digits == 0 ? -1 : std::max(scale, 0);
}

// Numbers printed as plain literals of the same scale (integers, decimals, and floating-point
// values both engines print in shortest form) must be equal as text; other spellings of
// floating-point values are compared within a relative tolerance (NaN equals NaN).
bool NumberTextsEqual(const std::string& expected, const std::string& actual) {
  if (expected == actual) return true;
  int scale = PlainDecimalScale(expected);
  if (scale >= 0 && scale == PlainDecimalScale(actual)) return false;
  double a;
  double b;
  if (!ParseNumber(expected, a) || !ParseNumber(actual, b)) return false;
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (a == b) return true;
  return std::fabs(a - b) <= 1e-6 * std::max(std::fabs(a), std::fabs(b));
}

bool JsonEqual(const Json& a, const Json& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Json::Kind::kNull:
      return true;
    case Json::Kind::kBool:
      return a.boolean == b.boolean;
    case Json::Kind::kNumber:
      return NumberTextsEqual(a.text, b.text);
    case Json::Kind::kString:
      return a.text == b.text;
    case Json::Kind::kArray:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i) {
        if (!JsonEqual(a.items[i], b.items[i])) return false;
      }
      return true;
    case Json::Kind::kObject:
      if (a.members.size() != b.members.size()) return false;
      for (const auto& [key, value] : a.members) {
        auto it = b.members.find(key);
        if (it == b.members.end() || !JsonEqual(value, it->second)) return false;
      }
      return true;
  }
  return false;
}

std::string Quote(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string SharedDir() {
  const char* dir = std::getenv("SB_SHARED_DIR");
  return dir != nullptr ? dir : "/work/shared";
}

std::string CanonicalText(const Vector& v, idx_t row, bool& null) {
  null = !v.validity().RowIsValid(row);
  if (null) return "";
  const LogicalType& type = v.type();
  switch (type.id()) {
    case TypeId::kBoolean:
      return v.data<bool>()[row] ? "true" : "false";
    case TypeId::kTinyint:
      return std::to_string(v.data<int8_t>()[row]);
    case TypeId::kSmallint:
      return std::to_string(v.data<int16_t>()[row]);
    case TypeId::kInteger:
      return std::to_string(v.data<int32_t>()[row]);
    case TypeId::kBigint:
      return std::to_string(v.data<int64_t>()[row]);
    case TypeId::kDecimal:
      if (type.physical_type() == PhysicalType::kInt64) {
        return Decimal::Format(v.data<int64_t>()[row], type.decimal_scale());
      }
      return Decimal::Format(v.data<int128_t>()[row], type.decimal_scale());
    case TypeId::kReal:
      return DoubleText(v.data<float>()[row]);
    case TypeId::kDouble:
      return DoubleText(v.data<double>()[row]);
    case TypeId::kVarchar:
    case TypeId::kChar:
    case TypeId::kJson:
      return v.data<StringView>()[row].str();
    case TypeId::kVarbinary:
      return Hex(v.data<StringView>()[row].view());
    case TypeId::kDate:
      return DateText(v.data<int32_t>()[row]);
    case TypeId::kTime:
    case TypeId::kTimestamp:
      return std::to_string(v.data<int64_t>()[row]);
    case TypeId::kTimestampTz:
      return std::to_string(v.data<TimestampTz>()[row].micros);
    case TypeId::kUuid:
      return UuidText(v.data<uint128_t>()[row]);
    case TypeId::kIntervalDayTime: {  // as the reader presents Parquet's INTERVAL
      int64_t micros = v.data<int64_t>()[row];
      return fmt::format(R"({{"months":0,"days":{},"milliseconds":{}}})", micros / kMicrosPerDay,
                         micros % kMicrosPerDay / 1000);
    }
    case TypeId::kIntervalYearMonth:
      return fmt::format(R"({{"months":{},"days":0,"milliseconds":0}})", v.data<int32_t>()[row]);
    default:
      return JsonText(v, row);
  }
}

std::string DuckDbExpression(const ParquetField& field, const ParquetSchema& schema,
                             const std::string& name) {
  std::string q = Quote(name);
  if (field.kind != ParquetField::Kind::kPrimitive) return "to_json(" + q + ")::VARCHAR";
  const LeafColumn& leaf = schema.leaves()[static_cast<size_t>(field.leaf_index)];
  if (leaf.transform == ValueTransform::kInterval) {
    return fmt::format(
        "CASE WHEN {0} IS NOT NULL THEN json_object('months', datepart('year', {0}) * 12 + "
        "datepart('month', {0}), 'days', datepart('day', {0}), 'milliseconds', "
        "datepart('hour', {0}) * 3600000 + datepart('minute', {0}) * 60000 + "
        "datepart('millisecond', {0}))::VARCHAR END",
        q);
  }
  if (leaf.logical_type && (leaf.logical_type->kind == LogicalTypeAnnotation::Kind::kGeometry ||
                            leaf.logical_type->kind == LogicalTypeAnnotation::Kind::kGeography)) {
    return "hex(ST_AsWKB(" + q + "))";
  }
  switch (field.type.id()) {
    case TypeId::kVarbinary:
      return "hex(" + q + ")";
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      if (leaf.transform == ValueTransform::kNanosToMicrosFloor) {
        return fmt::format("(epoch_ns({0}) - ((epoch_ns({0}) % 1000) + 1000) % 1000) // 1000", q);
      }
      if (leaf.transform == ValueTransform::kNanosToMicrosRound) {
        return fmt::format("(epoch_ns({0}) + 500) // 1000", q);
      }
      return "epoch_us(" + q + ")";
    case TypeId::kRow:
      return "to_json(" + q + ")::VARCHAR";
    default:
      return "CAST(" + q + " AS VARCHAR)";
  }
}

Result<std::vector<std::vector<std::string>>> ReadRenderedRows(
    const std::string& path, const ParquetReaderOptions& options) {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<ParquetReader> reader, ParquetReader::Open(path, options));
  ParquetScanOptions scan;
  for (size_t i = 0; i < reader->schema().fields().size(); ++i) {
    scan.columns.push_back(static_cast<int>(i));
  }
  std::vector<std::vector<std::string>> rows;
  DataChunk chunk;
  for (int g = 0; g < reader->num_row_groups(); ++g) {
    SB_ASSIGN_OR_RETURN(std::unique_ptr<RowGroupScanner> scanner, reader->ScanRowGroup(g, scan));
    while (true) {
      SB_ASSIGN_OR_RETURN(bool more, scanner->Next(chunk));
      if (!more) break;
      for (idx_t r = 0; r < chunk.size(); ++r) {
        std::vector<std::string> cells;
        for (idx_t c = 0; c < chunk.ColumnCount(); ++c) {
          bool null = false;
          std::string text = CanonicalText(chunk.column(c), r, null);
          cells.push_back(null ? kNull : text);
        }
        rows.push_back(std::move(cells));
      }
    }
  }
  return rows;
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  bool was_quoted = false;
  size_t i = 0;
  auto end_cell = [&] {
    row.push_back(!was_quoted && cell.empty() ? kNull : cell);
    cell.clear();
    was_quoted = false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        cell += c;
      }
      ++i;
      continue;
    }
    if (c == '"') {
      quoted = true;
      was_quoted = true;
    } else if (c == ',') {
      end_cell();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_cell();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      cell += c;
    }
    ++i;
  }
  if (!row.empty() || !cell.empty() || was_quoted) {
    end_cell();
    rows.push_back(std::move(row));
  }
  return rows;
}

bool CellsEqual(const std::string& expected, const std::string& actual) {
  if (expected == actual) return true;
  if (expected == kNull || actual == kNull) return false;
  double number;
  if (ParseNumber(expected, number) && ParseNumber(actual, number)) {
    return NumberTextsEqual(expected, actual);
  }
  Json x;
  Json y;
  if (JsonParser(expected).Parse(x) && JsonParser(actual).Parse(y)) return JsonEqual(x, y);
  return false;
}

int RunCommand(const std::string& command, std::string& output) {
  output.clear();
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, n);
  int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::pair<std::string, LogicalType>> AllWritableTypes() {
  LogicalType point = LogicalType::Row({{"x", TypeId::kDouble}, {"label", TypeId::kVarchar}});
  return {
      {"c_boolean", TypeId::kBoolean},
      {"c_tinyint", TypeId::kTinyint},
      {"c_smallint", TypeId::kSmallint},
      {"c_integer", TypeId::kInteger},
      {"c_bigint", TypeId::kBigint},
      {"c_real", TypeId::kReal},
      {"c_double", TypeId::kDouble},
      {"c_decimal_5_2", LogicalType::Decimal(5, 2)},
      {"c_decimal_18_6", LogicalType::Decimal(18, 6)},
      {"c_decimal_38_10", LogicalType::Decimal(38, 10)},
      {"c_varchar", TypeId::kVarchar},
      {"c_varbinary", TypeId::kVarbinary},
      {"c_json", TypeId::kJson},
      {"c_date", TypeId::kDate},
      {"c_time", LogicalType::Time(6)},
      {"c_timestamp", LogicalType::Timestamp(6)},
      {"c_timestamptz", LogicalType::TimestampTz(6)},
      {"c_uuid", TypeId::kUuid},
      {"c_array", LogicalType::Array(TypeId::kInteger)},
      {"c_array_of_rows", LogicalType::Array(point)},
      {"c_nested_array", LogicalType::Array(LogicalType::Array(TypeId::kVarchar))},
      {"c_map", LogicalType::Map(TypeId::kVarchar, TypeId::kBigint)},
      {"c_row", LogicalType::Row({{"id", TypeId::kInteger},
                                  {"tags", LogicalType::Array(TypeId::kVarchar)},
                                  {"point", point}})},
  };
}

Value SampleValue(const LogicalType& type, int64_t row, bool nullable) {
  uint64_t h = MixHash(static_cast<uint64_t>(row) * 1000003 + static_cast<uint64_t>(type.id()));
  if (nullable && h % 7 == 3) return Value::Null(type);
  auto pick = [&](int64_t modulo) {
    return static_cast<int64_t>(h % static_cast<uint64_t>(modulo));
  };
  switch (type.id()) {
    case TypeId::kBoolean:
      return Value::Boolean(h & 1);
    case TypeId::kTinyint:
      return Value::Tinyint(static_cast<int8_t>(row % 5 == 0 ? INT8_MIN : pick(200) - 100));
    case TypeId::kSmallint:
      return Value::Smallint(static_cast<int16_t>(pick(60000) - 30000));
    case TypeId::kInteger:
      return Value::Integer(row % 11 == 0 ? INT32_MAX : static_cast<int32_t>(row * 7 - 500));
    case TypeId::kBigint:
      return Value::Bigint(row % 13 == 0 ? INT64_MIN
                                         : static_cast<int64_t>(h >> 1) - (INT64_MAX / 2));
    case TypeId::kReal:
      return Value::Real(row % 17 == 0 ? NAN : static_cast<float>(pick(100000)) / 8 - 1000);
    case TypeId::kDouble:
      if (row % 19 == 0) return Value::Double(row % 38 == 0 ? -INFINITY : NAN);
      return Value::Double(static_cast<double>(pick(1 << 30)) / 1024 - 100000);
    case TypeId::kDecimal: {
      int precision = type.decimal_precision();
      int128_t max = Decimal::MaxUnscaled(precision);
      int128_t v = row % 23 == 0 ? (row % 46 == 0 ? -max : max)
                                 : static_cast<int128_t>(pick(INT64_MAX)) % (max + 1) - max / 2;
      if (v > max) v = max;
      if (v < -max) v = -max;
      return Value::Decimal(v, precision, type.decimal_scale());
    }
    case TypeId::kVarchar: {
      static const char* kWords[] = {
          "alpha", "beta",
          "gamma", "\xc3\xa9t\xc3\xa9",
          "",      "a considerably longer string value that exceeds inline"};
      std::string text = kWords[pick(6)];
      if (row % 29 == 0) text = std::string(200, 'z') + std::to_string(row);
      return Value::Varchar(text + (row % 3 == 0 ? std::to_string(row % 40) : ""));
    }
    case TypeId::kVarbinary: {
      std::string bytes;
      for (int i = 0; i < pick(20); ++i)
        bytes += static_cast<char>((h >> (i % 8 * 8)) + static_cast<uint64_t>(i));
      return Value::Varbinary(bytes);
    }
    case TypeId::kChar: {
      static const char* kCodes[] = {"A", "BB", "CCC", "DDDD"};
      return Value::Char(kCodes[pick(4)], type.length());
    }
    case TypeId::kJson:
      return Value::Json(fmt::format(R"({{"k":{},"s":"v{}"}})", row, pick(9)));
    case TypeId::kIntervalDayTime:  // whole milliseconds: Parquet's INTERVAL stores no finer
      return Value::IntervalDayTime(pick(int64_t{400} * kMicrosPerDay / 1000) * 1000);
    case TypeId::kIntervalYearMonth:
      return Value::IntervalYearMonth(static_cast<int32_t>(pick(2400)));
    case TypeId::kDate:
      return Value::Date(static_cast<int32_t>(pick(80000) - 20000));
    case TypeId::kTime:
      return Value::Time(pick(kMicrosPerDay), type.precision());
    case TypeId::kTimestamp:
      return Value::Timestamp(pick(int64_t{1} << 52) - (int64_t{1} << 51), 6);
    case TypeId::kTimestampTz:
      return Value::TimestampWithZone(TimestampTz{pick(int64_t{1} << 52) - (int64_t{1} << 50), 0},
                                      6);
    case TypeId::kUuid:
      return Value::Uuid(static_cast<uint128_t>(h) << 64 | MixHash(h));
    case TypeId::kArray: {
      std::vector<Value> elements;
      for (int64_t i = 0; i < pick(5); ++i) {
        elements.push_back(SampleValue(type.element_type(), row * 5 + i, true));
      }
      return Value::Array(type.element_type(), std::move(elements));
    }
    case TypeId::kMap: {
      std::vector<std::pair<Value, Value>> entries;
      for (int64_t i = 0; i < pick(4); ++i) {
        entries.emplace_back(Value::Varchar("key" + std::to_string(i)),
                             SampleValue(type.value_type(), row * 4 + i, true));
      }
      return Value::Map(type.key_type(), type.value_type(), std::move(entries));
    }
    case TypeId::kRow: {
      std::vector<Value> fields;
      for (size_t f = 0; f < type.fields().size(); ++f) {
        fields.push_back(
            SampleValue(type.fields()[f].second, row * 3 + static_cast<int64_t>(f), true));
      }
      return Value::Row(type, std::move(fields));
    }
    default:
      return Value::Null(type);
  }
}

void FillSampleChunk(const std::vector<LogicalType>& types, int64_t first, idx_t rows,
                     DataChunk& chunk) {
  chunk.Initialize(types, std::max<idx_t>(rows, 1));
  for (size_t c = 0; c < types.size(); ++c) {
    for (idx_t r = 0; r < rows; ++r) {
      chunk.column(c).SetValue(r, SampleValue(types[c], first + static_cast<int64_t>(r)));
    }
  }
  chunk.SetSize(rows);
}

}  // namespace switchboard::parquet::testing
