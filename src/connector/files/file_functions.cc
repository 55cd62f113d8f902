// Registration of the file table functions.
#include "connector/files/file_functions.h"

#include "function/function_registry.h"

namespace switchboard {

void RegisterFileFunctions(FunctionRegistry& registry) {
  registry.AddTable(ReadParquetFunction());
}

}  // namespace switchboard
