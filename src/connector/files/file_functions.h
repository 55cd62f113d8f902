// The table functions that read files (read_parquet, read_csv, read_json) and their
// registration.
#pragma once

#include "function/function.h"

namespace switchboard {

class FunctionRegistry;

TableFunction ReadParquetFunction();
TableFunction ReadCsvFunction();
TableFunction ReadJsonFunction();

/// Adds every file table function to `registry`.
void RegisterFileFunctions(FunctionRegistry& registry);

}  // namespace switchboard
