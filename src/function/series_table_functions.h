// Integer series as tables: range, generate_series and Trino's sequence table function.
#pragma once

namespace switchboard {

class FunctionRegistry;

void RegisterSeriesTableFunctions(FunctionRegistry& registry);

}  // namespace switchboard
