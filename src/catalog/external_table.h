// External tables: Athena/Hive tables whose rows are the files in a folder (CREATE EXTERNAL
// TABLE ... STORED AS PARQUET|TEXTFILE|JSON LOCATION 'dir/'), read-only, with Hive key=value
// partition folders. The definition is plain data so that any catalog can persist it; the files
// connector registers the factory that turns a definition into a scannable TableEntry.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog.h"

namespace switchboard {

/// What CREATE EXTERNAL TABLE says about the files. Every field is text, in a stable spelling,
/// for catalogs to store and give back unchanged.
struct ExternalTableDefinition {
  /// The folder holding the files (local path or URI), without a trailing '/'. Every file
  /// below it is read, except those whose name or folder starts with '_' or '.'.
  std::string location;
  /// "parquet", "csv" (STORED AS TEXTFILE) or "json".
  std::string format;
  /// The table's partition columns (the last columns of the table, in folder order): their
  /// values come from `name=value` folders.
  std::vector<std::string> partition_columns;
  /// Format options, from ROW FORMAT, SERDEPROPERTIES and TBLPROPERTIES, with these keys:
  /// "delimiter", "quote", "escape" (one character; "" for none), "null" (the NULL text),
  /// "header_lines" (lines to skip, a number), "compression" (none|gzip|zstd|auto).
  std::vector<std::pair<std::string, std::string>> options;
  /// TBLPROPERTIES as written, for SHOW CREATE TABLE and catalogs that keep them.
  std::vector<std::pair<std::string, std::string>> properties;

  /// The value of option `key`, or "" when absent.
  std::string Option(const std::string& key) const {
    for (const auto& [k, v] : options) {
      if (k == key) return v;
    }
    return "";
  }
};

/// The TableEntry of an external table (catalogs find external tables among their entries with
/// dynamic_cast to persist them). Scans list the location's files at bind time, so files added
/// later are seen without MSCK REPAIR TABLE. Read-only: appends, deletes and updates throw
/// kNotSupported.
class ExternalTableEntry : public TableEntry {
 public:
  ExternalTableDefinition definition;
};

/// Makes the entry for an external table `name` with `columns` (data columns, then partition
/// columns). Throws kInvalidParameter for definitions that cannot be read (unknown format,
/// partition columns not among the columns).
using ExternalTableFactory = std::shared_ptr<ExternalTableEntry> (*)(const QualifiedName& name,
                                                                     const std::vector<ColumnDefinition>& columns,
                                                                     const ExternalTableDefinition& definition);

/// The factory slot: set once at start-up by the files connector (RegisterFileFunctions).
inline ExternalTableFactory& ExternalTableFactorySlot() {
  static ExternalTableFactory factory = nullptr;
  return factory;
}

/// Makes an external table's entry through the registered factory (kNotSupported without one).
inline std::shared_ptr<ExternalTableEntry> CreateExternalTableEntry(const QualifiedName& name,
                                                                    const std::vector<ColumnDefinition>& columns,
                                                                    const ExternalTableDefinition& definition) {
  ExternalTableFactory factory = ExternalTableFactorySlot();
  if (!factory) SB_THROW(kNotSupported, "External tables need the files connector");
  return factory(name, columns, definition);
}

}  // namespace switchboard
