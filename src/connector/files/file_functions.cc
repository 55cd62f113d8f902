// Registration of the file table functions and of the external table factory.
#include "connector/files/file_functions.h"

#include "connector/files/external_table.h"
#include "connector/files/file_writer.h"
#include "function/function_registry.h"

namespace switchboard {

void RegisterFileFunctions(FunctionRegistry& registry) {
  registry.AddTable(ReadParquetFunction());
  registry.AddTable(ReadCsvFunction());
  registry.AddTable(ReadJsonFunction());
  // `FROM 'path'`: the reader of the format the extension names; Parquet when it names none.
  registry.SetFileReaderResolver([](const FunctionRegistry& functions, std::string_view path) {
    switch (FileFormatFromPath(path).value_or(FileFormat::kParquet)) {
      case FileFormat::kCsv: return functions.FindTable("read_csv");
      case FileFormat::kJson: return functions.FindTable("read_json");
      case FileFormat::kParquet: break;
    }
    return functions.FindTable("read_parquet");
  });
  ExternalTableFactorySlot() = MakeExternalTable;
}

}  // namespace switchboard
