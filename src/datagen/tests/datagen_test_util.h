// Helpers for the generator tests: Parquet files read back as rows of Values, whole files as
// bytes, and scratch folders.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "types/value.h"

namespace switchboard::datagen_testing {

/// A Parquet file's rows; columns by name.
struct Table {
  std::map<std::string, size_t> column;
  std::vector<std::vector<Value>> rows;

  const Value& at(size_t row, const std::string& name) const { return rows[row][column.at(name)]; }
  /// Integers, dates (days), timestamps (microseconds) and decimals (unscaled).
  int64_t Int(size_t row, const std::string& name) const { return at(row, name).GetInt64(); }
  std::string Text(size_t row, const std::string& name) const { return at(row, name).GetString(); }
  bool IsNull(size_t row, const std::string& name) const { return at(row, name).is_null(); }
};

/// Reads every row of a Parquet file (test failures for unreadable files).
Table ReadTable(const std::string& path);

std::string ReadBytes(const std::string& path);

/// A fresh, empty folder under the system's temporary folder, unique to this process.
std::string ScratchDir(const std::string& name);

}  // namespace switchboard::datagen_testing
