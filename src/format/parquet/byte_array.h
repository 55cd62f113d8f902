// ByteArray: a reference to one BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY value inside a page.
#pragma once

#include <cstdint>
#include <string_view>

namespace switchboard::parquet {

/// Points at bytes owned by a page buffer (or a decoder's buffer); valid while that lives.
struct ByteArray {
  const uint8_t* data = nullptr;
  uint32_t size = 0;

  std::string_view view() const { return {reinterpret_cast<const char*>(data), size}; }
};

}  // namespace switchboard::parquet
