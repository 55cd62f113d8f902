// MemoryTracker accounting and byte-size parsing.
#include "common/memory_tracker.h"

#include <cctype>
#include <cmath>

#include "common/error.h"

namespace switchboard {

void MemoryTracker::Reserve(int64_t bytes) {
  int64_t now = used_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (now > limit_) {
    used_.fetch_sub(bytes, std::memory_order_relaxed);
    SB_THROW(kOutOfMemory,
             "Out of memory: {} needs {} more but its limit is {} ({} in use); raise it with {}", label_,
             FormatByteSize(bytes), FormatByteSize(limit_), FormatByteSize(now - bytes), remedy_);
  }
  if (parent_) {
    try {
      parent_->Reserve(bytes);
    } catch (...) {
      used_.fetch_sub(bytes, std::memory_order_relaxed);
      throw;
    }
  }
  int64_t peak = peak_.load(std::memory_order_relaxed);
  while (now > peak && !peak_.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
  }
}

void MemoryTracker::Release(int64_t bytes) {
  used_.fetch_sub(bytes, std::memory_order_relaxed);
  if (parent_) parent_->Release(bytes);
}

int64_t ParseByteSize(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  size_t start = i;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  if (i == start) return -1;
  double number = std::strtod(std::string(text.substr(start, i - start)).c_str(), nullptr);
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  std::string unit;
  for (; i < text.size(); ++i) {
    if (!std::isspace(static_cast<unsigned char>(text[i])))
      unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
  }
  double multiplier;
  if (unit.empty() || unit == "b" || unit == "bytes") multiplier = 1;
  else if (unit == "kb" || unit == "kib" || unit == "k") multiplier = 1024.0;
  else if (unit == "mb" || unit == "mib" || unit == "m") multiplier = 1024.0 * 1024;
  else if (unit == "gb" || unit == "gib" || unit == "g") multiplier = 1024.0 * 1024 * 1024;
  else if (unit == "tb" || unit == "tib" || unit == "t") multiplier = 1024.0 * 1024 * 1024 * 1024;
  else return -1;
  double bytes = number * multiplier;
  if (!std::isfinite(bytes) || bytes > 9.0e18) return -1;
  return static_cast<int64_t>(bytes);
}

std::string FormatByteSize(int64_t bytes) {
  static const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  int unit = 0;
  while (value >= 1024 && unit < 4) {
    value /= 1024;
    ++unit;
  }
  if (unit == 0) return fmt::format("{} bytes", bytes);
  return fmt::format("{:.1f} {}", value, kUnits[unit]);
}

}  // namespace switchboard
