// Helpers shared by the table/iceberg tests: the shared test data folder and file reading.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace switchboard::iceberg {

/// ../shared/testdata/iceberg (SB_SHARED_DIR overrides ../shared).
inline std::string IcebergTestData() {
  const char* shared = std::getenv("SB_SHARED_DIR");
  return std::string(shared ? shared : "../shared") + "/testdata/iceberg";
}

inline std::string ReadTestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace switchboard::iceberg
