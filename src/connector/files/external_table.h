// The files connector's external tables: the ExternalTableEntry that scans a location's files
// with read_parquet, read_csv or read_json, and the factory the catalogs call.
#pragma once

#include "catalog/external_table.h"

namespace switchboard {

/// The factory RegisterFileFunctions installs (see ExternalTableFactory).
std::shared_ptr<ExternalTableEntry> MakeExternalTable(const QualifiedName& name,
                                                      const std::vector<ColumnDefinition>& columns,
                                                      const ExternalTableDefinition& definition);

}  // namespace switchboard
