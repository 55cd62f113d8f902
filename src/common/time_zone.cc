// TimeZone: fixed offsets, and IANA zones read from TZif files (RFC 8536) under
// /usr/share/zoneinfo, including the POSIX TZ footer rule for instants past the last transition.
#include "common/time_zone.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "common/string_util.h"

namespace switchboard {

namespace {

constexpr int kMaxOffsetMinutes = 14 * 60;
// Keys 1 .. 2 * kMaxOffsetMinutes + 1 are fixed offsets; named zones follow.
constexpr int16_t kFirstNamedKey = 2 * kMaxOffsetMinutes + 2;
constexpr const char* kZoneInfoDir = "/usr/share/zoneinfo";

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int64_t YearOf(int64_t utc_seconds) {
  int64_t days = utc_seconds >= 0 ? utc_seconds / 86400 : (utc_seconds - 86399) / 86400;
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// One rule date of a POSIX TZ string: Mm.w.d, Jn (1-365, no Feb 29) or n (0-365).
struct RuleDate {
  enum Kind { kMonthWeekDay, kJulianNoLeap, kJulian } kind = kMonthWeekDay;
  int month = 0, week = 0, weekday = 0, day = 0;
  int32_t time = 7200;  // seconds after local midnight

  // Local seconds (since the epoch, in the offset in force before the change) for `year`.
  int64_t LocalSeconds(int64_t year) const {
    int64_t days;
    if (kind == kMonthWeekDay) {
      int64_t first = DaysFromCivil(year, month, 1);
      int first_weekday = static_cast<int>(((first % 7) + 11) % 7);  // 1970-01-01 is Thursday (4)
      int delta = (weekday - first_weekday + 7) % 7;
      int64_t day_of_month = 1 + delta + (week - 1) * 7;
      static const int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int month_days = kMonthDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
      while (day_of_month > month_days) day_of_month -= 7;
      days = first + day_of_month - 1;
    } else if (kind == kJulianNoLeap) {
      days = DaysFromCivil(year, 1, 1) + day - 1 + (IsLeap(year) && day >= 60 ? 1 : 0);
    } else {
      days = DaysFromCivil(year, 1, 1) + day;
    }
    return days * 86400 + time;
  }
};

// The footer of a TZif file: standard offset, optional DST offset and the dates it applies.
struct PosixRule {
  int32_t std_offset = 0;  // seconds east of UTC
  bool has_dst = false;
  int32_t dst_offset = 0;
  RuleDate start, end;

  int32_t OffsetAt(int64_t utc_seconds) const {
    if (!has_dst) return std_offset;
    int64_t year = YearOf(utc_seconds + std_offset);
    int64_t start_utc = start.LocalSeconds(year) - std_offset;
    int64_t end_utc = end.LocalSeconds(year) - dst_offset;
    bool in_dst = start_utc < end_utc ? (utc_seconds >= start_utc && utc_seconds < end_utc)
                                      : !(utc_seconds >= end_utc && utc_seconds < start_utc);
    return in_dst ? dst_offset : std_offset;
  }
};

class PosixParser {
 public:
  explicit PosixParser(std::string_view text) : text_(text) {}

  bool Parse(PosixRule& rule) {
    if (!SkipName()) return false;
    int32_t offset;
    if (!ParseTime(offset)) return false;
    rule.std_offset = -offset;
    if (AtEnd()) return true;
    if (!SkipName()) return false;
    rule.has_dst = true;
    rule.dst_offset = rule.std_offset + 3600;
    if (!AtEnd() && Peek() != ',') {
      if (!ParseTime(offset)) return false;
      rule.dst_offset = -offset;
    }
    if (AtEnd()) {  // no rule given: POSIX default of US rules
      rule.start = RuleDate{RuleDate::kMonthWeekDay, 3, 2, 0, 0, 7200};
      rule.end = RuleDate{RuleDate::kMonthWeekDay, 11, 1, 0, 0, 7200};
      return true;
    }
    if (Peek() != ',') return false;
    ++pos_;
    if (!ParseDate(rule.start)) return false;
    if (AtEnd() || Peek() != ',') return false;
    ++pos_;
    if (!ParseDate(rule.end)) return false;
    return AtEnd();
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }

  bool SkipName() {
    if (AtEnd()) return false;
    if (Peek() == '<') {
      size_t close = text_.find('>', pos_);
      if (close == std::string_view::npos) return false;
      pos_ = close + 1;
      return true;
    }
    size_t start = pos_;
    while (!AtEnd() && std::isalpha(static_cast<unsigned char>(Peek()))) ++pos_;
    return pos_ - start >= 3;
  }

  bool ParseNumber(int& value) {
    size_t start = pos_;
    value = 0;
    while (!AtEnd() && std::isdigit(static_cast<unsigned char>(Peek()))) {
      value = value * 10 + (Peek() - '0');
      if (value > 100000) return false;
      ++pos_;
    }
    return pos_ > start;
  }

  // [+-]hh[:mm[:ss]] in seconds.
  bool ParseTime(int32_t& seconds) {
    int sign = 1;
    if (!AtEnd() && (Peek() == '+' || Peek() == '-')) {
      sign = Peek() == '-' ? -1 : 1;
      ++pos_;
    }
    int hours = 0, minutes = 0, secs = 0;
    if (!ParseNumber(hours)) return false;
    if (!AtEnd() && Peek() == ':') {
      ++pos_;
      if (!ParseNumber(minutes)) return false;
      if (!AtEnd() && Peek() == ':') {
        ++pos_;
        if (!ParseNumber(secs)) return false;
      }
    }
    seconds = sign * (hours * 3600 + minutes * 60 + secs);
    return true;
  }

  bool ParseDate(RuleDate& date) {
    if (AtEnd()) return false;
    if (Peek() == 'M') {
      ++pos_;
      date.kind = RuleDate::kMonthWeekDay;
      if (!ParseNumber(date.month) || AtEnd() || Peek() != '.') return false;
      ++pos_;
      if (!ParseNumber(date.week) || AtEnd() || Peek() != '.') return false;
      ++pos_;
      if (!ParseNumber(date.weekday)) return false;
      if (date.month < 1 || date.month > 12 || date.week < 1 || date.week > 5 ||
          date.weekday > 6) {
        return false;
      }
    } else if (Peek() == 'J') {
      ++pos_;
      date.kind = RuleDate::kJulianNoLeap;
      if (!ParseNumber(date.day) || date.day < 1 || date.day > 365) return false;
    } else {
      date.kind = RuleDate::kJulian;
      if (!ParseNumber(date.day) || date.day > 365) return false;
    }
    date.time = 7200;
    if (!AtEnd() && Peek() == '/') {
      ++pos_;
      if (!ParseTime(date.time)) return false;
    }
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

struct ZoneRules {
  std::string name;
  std::vector<int64_t> transitions;  // UTC seconds, ascending
  std::vector<int32_t> offsets;      // offset in force from transitions[i]
  int32_t initial_offset = 0;        // before the first transition
  bool has_footer = false;
  PosixRule footer;

  int32_t OffsetAt(int64_t utc_seconds) const {
    if (transitions.empty() || utc_seconds < transitions.front()) {
      if (transitions.empty() && has_footer) return footer.OffsetAt(utc_seconds);
      return initial_offset;
    }
    if (utc_seconds >= transitions.back() && has_footer) return footer.OffsetAt(utc_seconds);
    auto it = std::upper_bound(transitions.begin(), transitions.end(), utc_seconds);
    return offsets[static_cast<size_t>(it - transitions.begin()) - 1];
  }
};

class Reader {
 public:
  explicit Reader(const std::string& data) : data_(data) {}
  bool Has(size_t n) const { return pos_ + n <= data_.size(); }
  int64_t Int(size_t width) {
    uint64_t v = 0;
    for (size_t i = 0; i < width; ++i) v = (v << 8) | static_cast<uint8_t>(data_[pos_ + i]);
    pos_ += width;
    if (width == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
    return static_cast<int64_t>(v);
  }
  uint8_t Byte() { return static_cast<uint8_t>(data_[pos_++]); }
  void Skip(size_t n) { pos_ += n; }
  size_t pos() const { return pos_; }
  const std::string& data() const { return data_; }

 private:
  const std::string& data_;
  size_t pos_ = 0;
};

// Parses a TZif file; nullptr when it is not one.
std::unique_ptr<ZoneRules> ParseTzif(const std::string& data, std::string name) {
  Reader r(data);
  auto read_header = [&](int64_t counts[6], char& version) {
    if (!r.Has(44) || data.compare(r.pos(), 4, "TZif") != 0) return false;
    r.Skip(4);
    version = static_cast<char>(r.Byte());
    r.Skip(15);
    for (int i = 0; i < 6; ++i) {
      counts[i] = r.Int(4);
      if (counts[i] < 0 || counts[i] > 100000) return false;
    }
    return true;
  };
  // counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  int64_t counts[6];
  char version;
  if (!read_header(counts, version)) return nullptr;
  size_t time_size = 4;
  if (version >= '2') {
    size_t v1_size = counts[3] * 4 + counts[3] + counts[4] * 6 + counts[5] + counts[2] * 8 +
                     counts[1] + counts[0];
    if (!r.Has(v1_size)) return nullptr;
    r.Skip(v1_size);
    if (!read_header(counts, version)) return nullptr;
    time_size = 8;
  }
  int64_t timecnt = counts[3], typecnt = counts[4];
  size_t body = timecnt * time_size + timecnt + typecnt * 6 + counts[5] +
                counts[2] * (time_size + 4) + counts[1] + counts[0];
  if (typecnt == 0 || !r.Has(body)) return nullptr;
  auto rules = std::make_unique<ZoneRules>();
  rules->name = std::move(name);
  std::vector<int64_t> times(timecnt);
  for (auto& t : times) t = r.Int(time_size);
  std::vector<uint8_t> type_index(timecnt);
  for (auto& idx : type_index) idx = r.Byte();
  std::vector<int32_t> type_offsets(typecnt);
  std::vector<bool> type_dst(typecnt);
  for (int64_t i = 0; i < typecnt; ++i) {
    type_offsets[i] = static_cast<int32_t>(r.Int(4));
    type_dst[i] = r.Byte() != 0;
    r.Skip(1);
  }
  r.Skip(counts[5] + counts[2] * (time_size + 4) + counts[1] + counts[0]);
  rules->initial_offset = type_offsets[0];
  for (int64_t i = 0; i < typecnt; ++i) {
    if (!type_dst[i]) {
      rules->initial_offset = type_offsets[i];
      break;
    }
  }
  for (int64_t i = 0; i < timecnt; ++i) {
    if (type_index[i] >= typecnt) return nullptr;
    rules->transitions.push_back(times[i]);
    rules->offsets.push_back(type_offsets[type_index[i]]);
  }
  if (time_size == 8 && r.pos() < data.size() && data[r.pos()] == '\n') {
    size_t end = data.find('\n', r.pos() + 1);
    if (end != std::string::npos && end > r.pos() + 1) {
      std::string_view footer(data.data() + r.pos() + 1, end - r.pos() - 1);
      PosixRule rule;
      if (PosixParser(footer).Parse(rule)) {
        rules->has_footer = true;
        rules->footer = rule;
      }
    }
  }
  return rules;
}

bool IsSafeZoneName(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != name.npos) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' ||
           c == '+';
  });
}

class Registry {
 public:
  static Registry& Get() {
    static Registry registry;
    return registry;
  }

  std::optional<int16_t> LookupNamed(std::string_view name) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string lower = ToLower(name);
    if (auto it = keys_.find(lower); it != keys_.end()) return it->second;
    std::string canonical = Canonicalize(lower);
    if (canonical.empty()) return std::nullopt;
    std::ifstream file(std::string(kZoneInfoDir) + "/" + canonical, std::ios::binary);
    if (!file) return std::nullopt;
    std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    auto rules = ParseTzif(data, canonical);
    if (!rules) return std::nullopt;
    if (zones_.size() + kFirstNamedKey >= INT16_MAX) return std::nullopt;
    auto key = static_cast<int16_t>(kFirstNamedKey + zones_.size());
    zones_.push_back(std::move(rules));
    keys_[lower] = key;
    return key;
  }

  const ZoneRules& Zone(int16_t key) {
    std::lock_guard<std::mutex> lock(mutex_);
    return *zones_.at(static_cast<size_t>(key - kFirstNamedKey));
  }

 private:
  // The zoneinfo file name for a lower-cased zone name, or "" when there is none.
  std::string Canonicalize(const std::string& lower) {
    if (!IsSafeZoneName(lower)) return "";
    if (file_names_.empty()) {
      std::error_code ec;
      for (auto it = std::filesystem::recursive_directory_iterator(kZoneInfoDir, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        std::string rel = std::filesystem::relative(it->path(), kZoneInfoDir, ec).string();
        if (StartsWith(rel, "posix/") || StartsWith(rel, "right/")) continue;
        file_names_.emplace(ToLower(rel), rel);
      }
    }
    auto it = file_names_.find(lower);
    return it == file_names_.end() ? "" : it->second;
  }

  std::mutex mutex_;
  std::vector<std::unique_ptr<ZoneRules>> zones_;
  std::unordered_map<std::string, int16_t> keys_;
  std::unordered_map<std::string, std::string> file_names_;
};

// "+05:30", "-0800", "+5", "05:30" -> minutes east of UTC.
std::optional<int> ParseOffset(std::string_view text) {
  if (text.empty() || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  int sign = text[0] == '-' ? -1 : 1;
  text.remove_prefix(1);
  std::string digits;
  for (char c : text) {
    if (c == ':') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    digits += c;
  }
  int hours, minutes = 0;
  if (digits.size() == 1 || digits.size() == 2) {
    hours = std::stoi(digits);
  } else if (digits.size() == 4) {
    hours = std::stoi(digits.substr(0, 2));
    minutes = std::stoi(digits.substr(2));
  } else {
    return std::nullopt;
  }
  if (minutes >= 60) return std::nullopt;
  int total = sign * (hours * 60 + minutes);
  if (total < -kMaxOffsetMinutes || total > kMaxOffsetMinutes) return std::nullopt;
  return total;
}

}  // namespace

std::optional<int16_t> TimeZone::Lookup(std::string_view name) {
  name = TrimWhitespace(name);
  for (std::string_view utc : {"UTC", "Z", "GMT", "UT", "UCT", "Etc/UTC", "Etc/GMT", "Zulu"}) {
    if (EqualsIgnoreCase(name, utc)) return kUtc;
  }
  for (std::string_view prefix : {"UTC", "GMT", "UT"}) {
    if (name.size() > prefix.size() && EqualsIgnoreCase(name.substr(0, prefix.size()), prefix) &&
        (name[prefix.size()] == '+' || name[prefix.size()] == '-')) {
      auto offset = ParseOffset(name.substr(prefix.size()));
      if (offset) return FixedOffset(*offset);
    }
  }
  if (!name.empty() && (name[0] == '+' || name[0] == '-')) {
    auto offset = ParseOffset(name);
    if (!offset) return std::nullopt;
    return FixedOffset(*offset);
  }
  return Registry::Get().LookupNamed(name);
}

int16_t TimeZone::FixedOffset(int offset_minutes) {
  if (offset_minutes == 0) return kUtc;
  return static_cast<int16_t>(offset_minutes + kMaxOffsetMinutes + 1);
}

std::string TimeZone::Name(int16_t key) {
  if (key == kUtc) return "UTC";
  if (key < kFirstNamedKey) {
    int minutes = key - kMaxOffsetMinutes - 1;
    int magnitude = minutes < 0 ? -minutes : minutes;
    return fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
  }
  return Registry::Get().Zone(key).name;
}

int32_t TimeZone::OffsetAt(int16_t key, int64_t utc_seconds) {
  if (key == kUtc) return 0;
  if (key < kFirstNamedKey) return (key - kMaxOffsetMinutes - 1) * 60;
  return Registry::Get().Zone(key).OffsetAt(utc_seconds);
}

int64_t TimeZone::LocalToUtc(int16_t key, int64_t local_seconds) {
  if (key < kFirstNamedKey) return local_seconds - OffsetAt(key, local_seconds);
  const ZoneRules& zone = Registry::Get().Zone(key);
  // Real zones change offset at most once within a day, so the offsets a day either side are
  // the only candidates.
  int32_t before = zone.OffsetAt(local_seconds - 86400);
  int32_t after = zone.OffsetAt(local_seconds + 86400);
  bool before_valid = zone.OffsetAt(local_seconds - before) == before;
  bool after_valid = zone.OffsetAt(local_seconds - after) == after;
  if (before_valid && after_valid) return local_seconds - std::max(before, after);
  if (after_valid) return local_seconds - after;
  return local_seconds - before;  // valid, or in a gap: shifted forward by the gap
}

}  // namespace switchboard
