// Finding and loading a table's metadata from storage: by table folder (version-hint.text or
// the highest metadata version), by metadata file, or by a catalog's metadata location.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "table/iceberg/file_io.h"
#include "table/iceberg/table_metadata.h"

namespace switchboard::iceberg {

/// A table as read from storage.
struct LoadedTable {
  std::shared_ptr<const TableMetadata> metadata;
  /// The metadata file it was read from.
  std::string metadata_path;
  FileIO io;
};

/// Loads a table by path. `path` is a table folder (the one holding metadata/) or a metadata
/// file; `version` selects a metadata version in the folder instead of the current one ("2" for
/// v2.metadata.json or 00002-*.metadata.json, or a file name). The folder is taken as the table's
/// location, so paths the metadata stores under its recorded location are read from the folder.
/// Errors: kIoError when the folder or file is missing (naming it), kInvalidParameter when no
/// metadata file matches, and the parse errors of ParseTableMetadata.
Result<LoadedTable> LoadTableFromPath(const std::string& path, const std::string& version = "");

/// Reads the metadata file a catalog points at. Errors: as ParseTableMetadata, and kIoError.
Result<std::shared_ptr<const TableMetadata>> ReadMetadataFile(const FileIO& io, const std::string& location);

/// The version number of a metadata file name ("v3.metadata.json", "00003-<uuid>.metadata.json",
/// "v3.gz.metadata.json"), or -1.
int64_t MetadataFileVersion(std::string_view file_name);

}  // namespace switchboard::iceberg
