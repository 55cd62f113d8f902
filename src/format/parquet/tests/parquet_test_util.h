// Helpers shared by the Parquet tests: canonical text of scanned values (matching the DuckDB
// expressions the oracle test renders), CSV and JSON parsing, tolerant cell comparison, and
// reading whole files.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "format/parquet/parquet_reader.h"
#include "types/data_chunk.h"

namespace switchboard::parquet::testing {

/// The shared test data folder ($SB_SHARED_DIR, else ../shared from the source tree).
std::string SharedDir();

/// Canonical text of row `row` of a flat vector: integers and decimals as decimal text, floats
/// in shortest form, strings raw, binary as upper-case hex, dates ISO, times and timestamps as
/// microseconds, uuids 8-4-4-4-12, nested values as DuckDB's to_json prints them; "" for NULL
/// is distinguished by `null` (true when the value is NULL).
std::string CanonicalText(const Vector& vector, idx_t row, bool& null);

/// The DuckDB expression that renders column `name` of a file like CanonicalText renders it,
/// given the column's field and schema.
std::string DuckDbExpression(const ParquetField& field, const ParquetSchema& schema,
                             const std::string& name);

/// One rendered row per file row: cells in field order, NULL as std::nullopt-like marker kNull.
inline constexpr const char* kNull = "\x01NULL";
Result<std::vector<std::vector<std::string>>> ReadRenderedRows(
    const std::string& path, const ParquetReaderOptions& options = {});

/// RFC 4180 CSV; an empty unquoted field is NULL (kNull).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

/// Whether two rendered cells agree: equal text; numbers printed as plain literals of the same
/// scale equal as text, other number spellings within a relative tolerance (NaN equals NaN);
/// or JSON documents equal structurally under the same number rule.
bool CellsEqual(const std::string& expected, const std::string& actual);

/// Runs a shell command, returning its exit status and standard output.
int RunCommand(const std::string& command, std::string& output);

std::string ReadTextFile(const std::string& path);

/// A column type of every kind the writer supports, nested ones included.
std::vector<std::pair<std::string, LogicalType>> AllWritableTypes();

/// Deterministic sample values of `type` for row `row` (NULL for some rows when `nullable`),
/// covering extremes, NaN, long and non-ASCII strings, empty and NULL nested values.
Value SampleValue(const LogicalType& type, int64_t row, bool nullable = true);

/// A chunk of `rows` sample rows starting at row `first` for the given column types.
void FillSampleChunk(const std::vector<LogicalType>& types, int64_t first, idx_t rows,
                     DataChunk& chunk);

}  // namespace switchboard::parquet::testing
