// JsonReader: value splitting, simdjson parsing and conversion into vectors.
#include "format/json/json_reader.h"

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "common/string_util.h"
#include "common/time_zone.h"
#include "fs/buffer.h"
#include "types/datetime.h"
#include "types/decimal.h"
#include "types/vector.h"

namespace switchboard {

namespace {

constexpr size_t kBufferSize = size_t{8} << 20;

using simdjson::dom::element;
using simdjson::dom::element_type;

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// End of the JSON value starting at data[start] (not whitespace): the position just past it,
// npos when the data ends first, or start when the text cannot start a value.
size_t FindValueEnd(const char* data, size_t size, size_t start) {
  char first = data[start];
  if (first == '{' || first == '[' || first == '"') {
    int64_t depth = 0;
    bool in_string = false;
    for (size_t p = start; p < size; ++p) {
      char c = data[p];
      if (in_string) {
        if (c == '\\') {
          ++p;
        } else if (c == '"') {
          in_string = false;
          if (depth == 0) return p + 1;
        }
        continue;
      }
      if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return p + 1;
        if (depth < 0) return start;
      }
    }
    return std::string_view::npos;
  }
  if (first == '}' || first == ']' || first == ',' || first == ':') return start;
  for (size_t p = start; p < size; ++p) {
    char c = data[p];
    if (IsSpace(c) || c == ',' || c == ']' || c == '}' || c == '[' || c == '{' || c == '"')
      return p;
  }
  return std::string_view::npos;
}

int64_t RoundToPrecision(int64_t micros, int precision) {
  return static_cast<int64_t>(Decimal::RoundDivide(micros, 6 - precision) *
                              Decimal::PowerOfTen(6 - precision));
}

const char* KindName(element_type type) {
  switch (type) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

// The text of a number element, as JSON writes it.
std::string NumberText(element e) {
  switch (e.type()) {
    case element_type::INT64:
      return std::to_string(int64_t(e));
    case element_type::UINT64:
      return std::to_string(uint64_t(e));
    default: {
      char buffer[32];
      auto end = std::to_chars(buffer, buffer + sizeof(buffer), double(e)).ptr;
      return std::string(buffer, end);
    }
  }
}

// A NULL at `row`, also in the fields of a ROW (functions read fields of NULL rows) and as an
// empty entry of a list.
void SetNullDeep(Vector& v, idx_t row) {
  v.SetNull(row);
  if (v.type().id() == TypeId::kRow) {
    for (Vector& child : v.struct_children()) SetNullDeep(child, row);
  } else if (v.type().physical_type() == PhysicalType::kList) {
    v.data<ListEntry>()[row] = ListEntry{static_cast<uint32_t>(v.list_size()), 0};
  }
}

// Writes JSON values into vectors of the engine's types.
class ValueConverter {
 public:
  // Writes `e` into row `row` of flat vector `v` (of `type`); on failure returns false with
  // `problem` set (the caller decides between error and skipping).
  bool Convert(element e, const LogicalType& type, Vector& v, idx_t row) {
    if (e.type() == element_type::NULL_VALUE) {
      SetNullDeep(v, row);
      return true;
    }
    switch (type.id()) {
      case TypeId::kBoolean: {
        if (e.type() == element_type::BOOL) return Store(v, row, bool(e));
        if (e.type() == element_type::STRING) {
          std::string_view s = std::string_view(e);
          if (EqualsIgnoreCase(s, "true")) return Store(v, row, true);
          if (EqualsIgnoreCase(s, "false")) return Store(v, row, false);
        }
        return Mismatch(e, type);
      }
      case TypeId::kTinyint:
        return Integral<int8_t>(e, type, v, row);
      case TypeId::kSmallint:
        return Integral<int16_t>(e, type, v, row);
      case TypeId::kInteger:
        return Integral<int32_t>(e, type, v, row);
      case TypeId::kBigint:
        return Integral<int64_t>(e, type, v, row);
      case TypeId::kReal:
      case TypeId::kDouble: {
        double value;
        if (e.type() == element_type::STRING) {
          std::string_view s = std::string_view(e);
          auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
          if (error != std::errc() || end != s.data() + s.size() || s.empty())
            return Mismatch(e, type);
        } else if (e.is_number()) {
          value = double(e);
        } else {
          return Mismatch(e, type);
        }
        if (type.id() == TypeId::kReal) return Store(v, row, static_cast<float>(value));
        return Store(v, row, value);
      }
      case TypeId::kDecimal: {
        std::string text;
        if (e.type() == element_type::STRING)
          text = std::string(std::string_view(e));
        else if (e.is_number())
          text = NumberText(e);
        else
          return Mismatch(e, type);
        auto parsed = Decimal::Parse(text, type.decimal_precision(), type.decimal_scale());
        if (!parsed) return Fail(fmt::format("{} does not fit {}", text, type.ToString()));
        if (type.physical_type() == PhysicalType::kInt64)
          return Store(v, row, static_cast<int64_t>(*parsed));
        return Store(v, row, *parsed);
      }
      case TypeId::kVarchar:
      case TypeId::kJson: {
        if (type.id() == TypeId::kVarchar && e.type() == element_type::STRING) {
          return Store(v, row, v.AddString(std::string_view(e)));
        }
        std::string text = simdjson::minify(e);
        return Store(v, row, v.AddString(text));
      }
      case TypeId::kDate: {
        if (e.type() != element_type::STRING) return Mismatch(e, type);
        std::string_view s = std::string_view(e);
        if (auto date = Date::Parse(s)) return Store(v, row, *date);
        auto ts = Timestamp::Parse(s);
        if (!ts) return Fail(fmt::format("'{}' is not a date", s));
        return Store(v, row, Timestamp::ToDate(ts->micros));
      }
      case TypeId::kTime: {
        if (e.type() != element_type::STRING) return Mismatch(e, type);
        auto time = Time::Parse(std::string_view(e));
        if (!time) return Fail(fmt::format("'{}' is not a time", std::string_view(e)));
        return Store(v, row, RoundToPrecision(*time, type.precision()) % kMicrosPerDay);
      }
      case TypeId::kTimestamp:
      case TypeId::kTimestampTz: {
        if (e.type() != element_type::STRING) return Mismatch(e, type);
        auto ts = Timestamp::Parse(std::string_view(e));
        if (!ts) return Fail(fmt::format("'{}' is not a timestamp", std::string_view(e)));
        int64_t local = RoundToPrecision(ts->micros, type.precision());
        if (type.id() == TypeId::kTimestampTz) {
          return Store(v, row, Timestamp::FromLocal(local, ts->zone.value_or(TimeZone::kUtc)));
        }
        // A zone converts the value to UTC, which TIMESTAMP columns of exports hold.
        return Store(v, row, ts->zone ? Timestamp::FromLocal(local, *ts->zone).micros : local);
      }
      case TypeId::kArray: {
        if (e.type() != element_type::ARRAY) return Mismatch(e, type);
        simdjson::dom::array array = e.get_array().value_unsafe();
        idx_t offset = v.list_size();
        idx_t count = array.size();
        if (count > std::numeric_limits<uint32_t>::max() - offset)
          return Fail("the array is too large");
        v.ReserveListChild(offset + count);
        Vector& child = v.list_child();
        idx_t i = offset;
        for (element item : array) {
          if (!Convert(item, type.element_type(), child, i)) return false;
          ++i;
        }
        v.set_list_size(offset + count);
        return Store(v, row,
                     ListEntry{static_cast<uint32_t>(offset), static_cast<uint32_t>(count)});
      }
      case TypeId::kMap: {
        if (e.type() != element_type::OBJECT) return Mismatch(e, type);
        if (!type.key_type().IsString()) return Fail("map keys must be varchar");
        simdjson::dom::object object = e.get_object().value_unsafe();
        idx_t offset = v.list_size();
        idx_t count = object.size();
        v.ReserveListChild(offset + count);
        Vector& entries = v.list_child();
        Vector& keys = entries.struct_children()[0];
        Vector& values = entries.struct_children()[1];
        idx_t i = offset;
        for (auto field : object) {
          keys.data<StringView>()[i] = keys.AddString(field.key);
          if (!Convert(field.value, type.value_type(), values, i)) return false;
          ++i;
        }
        v.set_list_size(offset + count);
        return Store(v, row,
                     ListEntry{static_cast<uint32_t>(offset), static_cast<uint32_t>(count)});
      }
      case TypeId::kRow: {
        if (e.type() != element_type::OBJECT) return Mismatch(e, type);
        simdjson::dom::object object = e.get_object().value_unsafe();
        const auto& fields = type.fields();
        auto& children = v.struct_children();
        for (size_t f = 0; f < fields.size(); ++f) {
          element value;
          auto found = object.at_key(fields[f].first).get(value);
          if (found != simdjson::SUCCESS) {
            // Keys match ignoring case when there is no exact match.
            found = object.at_key_case_insensitive(fields[f].first).get(value);
          }
          if (found != simdjson::SUCCESS) {
            SetNullDeep(children[f], row);
          } else if (!Convert(value, fields[f].second, children[f], row)) {
            return false;
          }
        }
        v.validity().SetValid(row);
        return true;
      }
      default:
        return Fail(fmt::format("JSON cannot be read as {}", type.ToString()));
    }
  }

  const std::string& problem() const { return problem_; }

 private:
  template <typename T>
  static bool Store(Vector& v, idx_t row, T value) {
    v.data<T>()[row] = value;
    v.validity().SetValid(row);  // the slot may hold a NULL of a rejected row
    return true;
  }
  bool Fail(std::string problem) {
    problem_ = std::move(problem);
    return false;
  }
  bool Mismatch(element e, const LogicalType& type) {
    return Fail(fmt::format("expected {} but found {}", type.ToString(), KindName(e.type())));
  }
  template <typename T>
  bool Integral(element e, const LogicalType& type, Vector& v, idx_t row) {
    int64_t value = 0;
    switch (e.type()) {
      case element_type::INT64:
        value = int64_t(e);
        break;
      case element_type::UINT64:
        return Fail(fmt::format("{} is out of range for {}", uint64_t(e), type.ToString()));
      case element_type::DOUBLE: {
        double d = double(e);
        if (d != std::floor(d) || !(d >= -9.2e18 && d <= 9.2e18)) {
          return Fail(fmt::format("{} is not a {}", NumberText(e), type.ToString()));
        }
        value = static_cast<int64_t>(d);
        break;
      }
      case element_type::STRING: {
        std::string_view s = std::string_view(e);
        auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (error != std::errc() || end != s.data() + s.size() || s.empty())
          return Mismatch(e, type);
        break;
      }
      default:
        return Mismatch(e, type);
    }
    if (value < std::numeric_limits<T>::min() || value > std::numeric_limits<T>::max()) {
      return Fail(fmt::format("{} is out of range for {}", value, type.ToString()));
    }
    return Store(v, row, static_cast<T>(value));
  }

  std::string problem_;
};

}  // namespace

Result<JsonFormat> ParseJsonFormat(std::string_view name) {
  std::string lower = ToLower(name);
  if (lower == "auto") return JsonFormat::kAuto;
  if (lower == "newline_delimited" || lower == "ndjson" || lower == "jsonl" || lower == "nd" ||
      lower == "records" || lower == "unstructured") {
    return JsonFormat::kNewlineDelimited;
  }
  if (lower == "array") return JsonFormat::kArray;
  return Error{ErrorCode::kInvalidParameter,
               fmt::format("Unknown JSON format '{}': use auto, newline_delimited or array", name)};
}

bool JsonReaderSupportsType(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kBoolean:
    case TypeId::kTinyint:
    case TypeId::kSmallint:
    case TypeId::kInteger:
    case TypeId::kBigint:
    case TypeId::kReal:
    case TypeId::kDouble:
    case TypeId::kDecimal:
    case TypeId::kVarchar:
    case TypeId::kJson:
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return true;
    case TypeId::kArray:
      return JsonReaderSupportsType(type.element_type());
    case TypeId::kMap:
      return type.key_type().IsString() && JsonReaderSupportsType(type.value_type());
    case TypeId::kRow:
      for (const auto& field : type.fields()) {
        if (!JsonReaderSupportsType(field.second)) return false;
      }
      return true;
    default:
      return false;
  }
}

struct JsonReader::Impl {
  simdjson::dom::parser parser;
  ValueConverter converter;
  std::vector<int> projection;
  // Column lookup by key: exact names, then lower-cased.
  std::unordered_map<std::string, idx_t> by_name;
  std::unordered_map<std::string, idx_t> by_lower_name;
  // The column of the key at each position of the previous object (keys usually repeat in order).
  std::vector<int64_t> column_at_position;
  std::vector<bool> seen;
  size_t converter_column = 0;  // the column whose value failed to convert

  int64_t ColumnOf(std::string_view key, size_t position, const std::vector<std::string>& names) {
    if (position < column_at_position.size()) {
      int64_t guess = column_at_position[position];
      if (guess >= 0 && names[guess] == key) return guess;
    } else {
      column_at_position.resize(position + 1, -1);
    }
    int64_t column = -1;
    auto it = by_name.find(std::string(key));
    if (it != by_name.end()) {
      column = static_cast<int64_t>(it->second);
    } else {
      auto lower = by_lower_name.find(ToLower(key));
      if (lower != by_lower_name.end()) column = static_cast<int64_t>(lower->second);
    }
    column_at_position[position] = column;
    return column;
  }
};

JsonReader::JsonReader(std::string path, JsonReadOptions options)
    : path_(std::move(path)),
      options_(std::move(options)),
      impl_(std::make_unique<Impl>()),
      format_(options_.format) {
  impl_->projection = options_.projection;
  if (impl_->projection.empty()) {
    for (size_t i = 0; i < options_.types.size(); ++i)
      impl_->projection.push_back(static_cast<int>(i));
  }
  for (size_t i = 0; i < options_.names.size(); ++i) {
    impl_->by_name.emplace(options_.names[i], i);
    impl_->by_lower_name.emplace(ToLower(options_.names[i]), i);
  }
  impl_->seen.resize(options_.names.size());
}

JsonReader::~JsonReader() = default;

Result<std::unique_ptr<JsonReader>> JsonReader::Open(const std::string& path,
                                                     StreamCompression compression,
                                                     JsonReadOptions options) {
  SB_ASSIGN_OR_RETURN(auto stream, SequentialReader::Open(path, compression));
  std::unique_ptr<JsonReader> reader(new JsonReader(path, std::move(options)));
  reader->stream_ = std::move(stream);
  return reader;
}

int64_t JsonReader::bytes_read() const { return stream_->bytes_read(); }

Result<bool> JsonReader::Refill() {
  if (source_done_) return false;
  size_t leftover = filled_ - pos_;
  if (leftover > options_.maximum_object_size) {
    return Error{
        ErrorCode::kCorruptData,
        fmt::format("'{}' line {}: a JSON value is larger than maximum_object_size ({} bytes)",
                    path_, line_, options_.maximum_object_size)};
  }
  size_t want = kBufferSize;
  if (stream_->compression() == StreamCompression::kNone) {
    want = std::min<size_t>(want, static_cast<size_t>(std::max<int64_t>(
                                      stream_->file_size() - stream_->bytes_read(), 0)));
  }
  want = std::max(want, leftover);
  std::shared_ptr<Buffer> fresh = Buffer::Allocate(leftover + want + simdjson::SIMDJSON_PADDING);
  char* data = reinterpret_cast<char*>(fresh->data());
  if (leftover > 0)
    std::memcpy(data, reinterpret_cast<const char*>(buffer_->data()) + pos_, leftover);
  size_t got = 0;
  while (got < want) {
    SB_ASSIGN_OR_RETURN(size_t n, stream_->Read(data + leftover + got, want - got));
    if (n == 0) {
      source_done_ = true;
      break;
    }
    got += n;
  }
  std::memset(data + leftover + got, 0, simdjson::SIMDJSON_PADDING);
  buffer_ = std::move(fresh);
  filled_ = leftover + got;
  pos_ = 0;
  return got > 0;
}

Result<bool> JsonReader::NextValue(std::string_view& text, int64_t& line) {
  auto error = [&](std::string_view problem) {
    return Error{ErrorCode::kCorruptData, fmt::format("'{}' line {}: {}", path_, line_, problem)};
  };
  while (!finished_) {
    const char* data = buffer_ ? reinterpret_cast<const char*>(buffer_->data()) : nullptr;
    // Whitespace, and in an array the separators.
    while (pos_ < filled_) {
      char c = data[pos_];
      if (c == '\n') {
        ++line_;
      } else if (!IsSpace(c) && !(started_ && format_ == JsonFormat::kArray && c == ',')) {
        break;
      }
      ++pos_;
    }
    if (pos_ >= filled_) {
      SB_ASSIGN_OR_RETURN(bool more, Refill());
      if (!more) {
        if (format_ == JsonFormat::kArray && started_)
          return error("the array is not closed before the end of the file");
        finished_ = true;
      }
      continue;
    }
    if (line_ == 1 && pos_ == 0 && filled_ >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
      pos_ = 3;  // a UTF-8 byte order mark
      continue;
    }
    if (format_ == JsonFormat::kArray && started_ && data[pos_] == ']') {
      ++pos_;
      finished_ = true;
      // Only whitespace may follow the array.
      while (true) {
        for (; pos_ < filled_; ++pos_) {
          if (data[pos_] == '\n')
            ++line_;
          else if (!IsSpace(data[pos_]))
            return error("text follows the closing ']' of the array");
        }
        SB_ASSIGN_OR_RETURN(bool more, Refill());
        if (!more) break;
        data = reinterpret_cast<const char*>(buffer_->data());
      }
      return false;
    }
    if (one_value_per_line_ == std::optional<bool>(true)) {
      // Line-delimited: the value is the rest of the line, so a record cut short fails (or is
      // skipped by ignore_errors) on its own line instead of running into the next ones.
      const void* newline = std::memchr(data + pos_, '\n', filled_ - pos_);
      if (!newline && !source_done_) {
        SB_ASSIGN_OR_RETURN(bool more, Refill());
        (void)more;
        continue;
      }
      size_t end =
          newline ? static_cast<size_t>(static_cast<const char*>(newline) - data) : filled_;
      size_t text_end = end;
      while (text_end > pos_ && IsSpace(data[text_end - 1])) --text_end;
      if (text_end - pos_ > options_.maximum_object_size) {
        return error(fmt::format("a JSON value is larger than maximum_object_size ({} bytes)",
                                 options_.maximum_object_size));
      }
      text = std::string_view(data + pos_, text_end - pos_);
      line = line_;
      pos_ = end;
      return true;
    }
    size_t end = FindValueEnd(data, filled_, pos_);
    if (end == pos_)
      return error(fmt::format("unexpected '{}' where a JSON value should start", data[pos_]));
    if (end == std::string_view::npos && !started_ && data[pos_] == '[' &&
        format_ == JsonFormat::kAuto && !source_done_) {
      format_ = JsonFormat::kArray;  // a first value longer than the buffer: one big array
      continue;
    }
    if (end == std::string_view::npos) {
      if (source_done_) {
        if (data[pos_] == '{' || data[pos_] == '[' || data[pos_] == '"') {
          return error("the JSON value is not complete at the end of the file");
        }
        end = filled_;
      } else {
        SB_ASSIGN_OR_RETURN(bool more, Refill());
        (void)more;
        continue;
      }
    }
    if (!started_ && data[pos_] == '[' && format_ != JsonFormat::kNewlineDelimited) {
      if (format_ == JsonFormat::kAuto) {
        // One array filling the file is an array of values; values one after another are not.
        size_t after = end;
        while (after < filled_ && IsSpace(data[after])) ++after;
        if (after >= filled_ && !source_done_ && end != std::string_view::npos) {
          SB_ASSIGN_OR_RETURN(bool more, Refill());
          (void)more;
          continue;
        }
        format_ = after >= filled_ ? JsonFormat::kArray : JsonFormat::kNewlineDelimited;
      }
      if (format_ == JsonFormat::kArray) {
        started_ = true;
        ++pos_;
        continue;
      }
    }
    if (format_ == JsonFormat::kAuto) format_ = JsonFormat::kNewlineDelimited;
    if (end - pos_ > options_.maximum_object_size) {
      return error(fmt::format("a JSON value is larger than maximum_object_size ({} bytes)",
                               options_.maximum_object_size));
    }
    if (format_ == JsonFormat::kArray && !started_)
      return error("expected '[' at the start of a JSON array file");
    started_ = true;
    if (format_ == JsonFormat::kNewlineDelimited && !one_value_per_line_) {
      // The first value decides: one that ends on its own line makes every line one value;
      // one spread over lines lets values be pretty-printed.
      size_t after = end;
      while (after < filled_ && data[after] != '\n' && IsSpace(data[after])) ++after;
      bool ends_line = after >= filled_ || data[after] == '\n';
      one_value_per_line_ = ends_line && std::memchr(data + pos_, '\n', end - pos_) == nullptr;
      if (*one_value_per_line_) continue;
    }
    text = std::string_view(data + pos_, end - pos_);
    line = line_;
    for (size_t p = pos_; p < end; ++p) line_ += data[p] == '\n';
    pos_ = end;
    if (format_ == JsonFormat::kArray) {
      // After an element: ',' or ']'.
      size_t after = pos_;
      while (after < filled_ && IsSpace(data[after])) ++after;
      if (after < filled_ && data[after] != ',' && data[after] != ']') {
        return error(
            fmt::format("expected ',' or ']' after an array element, found '{}'", data[after]));
      }
    }
    return true;
  }
  return false;
}

Result<idx_t> JsonReader::ReadBatch(DataChunk& chunk, int64_t* lines) {
  chunk.Reset();
  idx_t rows = 0;
  Impl& impl = *impl_;
  const auto& types = options_.types;
  while (rows < kVectorSize) {
    std::string_view text;
    int64_t line = 0;
    SB_ASSIGN_OR_RETURN(bool more, NextValue(text, line));
    if (!more) break;
    auto reject = [&](std::string problem) -> Result<bool> {
      if (options_.ignore_errors) {
        ++rows_rejected_;
        return false;
      }
      return Error{ErrorCode::kCorruptData, fmt::format("'{}' line {}: {}", path_, line, problem)};
    };
    element root;
    auto parse_error = impl.parser.parse(text.data(), text.size(), false).get(root);
    if (parse_error != simdjson::SUCCESS) {
      SB_ASSIGN_OR_RETURN(
          bool kept, reject(fmt::format("invalid JSON: {}", simdjson::error_message(parse_error))));
      (void)kept;
      continue;
    }
    bool ok = true;
    if (!options_.records) {
      int out = impl.projection.empty() ? -1 : impl.projection[0];
      if (out >= 0 &&
          !impl.converter.Convert(root, types[0], chunk.column(static_cast<idx_t>(out)), rows)) {
        ok = false;
      }
    } else if (root.type() != element_type::OBJECT) {
      SB_ASSIGN_OR_RETURN(bool kept, reject(fmt::format("expected a JSON object but found {}",
                                                        KindName(root.type()))));
      (void)kept;
      continue;
    } else {
      std::fill(impl.seen.begin(), impl.seen.end(), false);
      size_t position = 0;
      simdjson::dom::object object = root.get_object().value_unsafe();
      for (auto field : object) {
        int64_t column = impl.ColumnOf(field.key, position++, options_.names);
        if (column < 0 || impl.seen[column]) continue;
        impl.seen[column] = true;
        int out = impl.projection[column];
        if (out < 0) continue;
        if (!impl.converter.Convert(field.value, types[column],
                                    chunk.column(static_cast<idx_t>(out)), rows)) {
          ok = false;
          impl.converter_column = column;
          break;
        }
      }
      if (ok) {
        for (size_t c = 0; c < impl.seen.size(); ++c) {
          if (!impl.seen[c] && impl.projection[c] >= 0)
            SetNullDeep(chunk.column(static_cast<idx_t>(impl.projection[c])), rows);
        }
      }
    }
    if (!ok) {
      std::string where =
          options_.records ? fmt::format("key '{}': ", options_.names[impl.converter_column]) : "";
      SB_ASSIGN_OR_RETURN(bool kept, reject(where + impl.converter.problem()));
      (void)kept;
      // A rejected row may have written parts of nested values; the row slot is reused.
      continue;
    }
    lines[rows] = line;
    ++rows;
  }
  chunk.SetSize(rows);
  return rows;
}

}  // namespace switchboard
