// Registration of the file table functions and of the external table factory.
#include "connector/files/file_functions.h"

#include "connector/files/external_table.h"
#include "function/function_registry.h"

namespace switchboard {

void RegisterFileFunctions(FunctionRegistry& registry) {
  registry.AddTable(ReadParquetFunction());
  registry.AddTable(ReadCsvFunction());
  registry.AddTable(ReadJsonFunction());
  ExternalTableFactorySlot() = MakeExternalTable;
}

}  // namespace switchboard
