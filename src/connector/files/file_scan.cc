// Shared parts of the file table functions.
#include "connector/files/file_scan.h"

#include "common/error.h"
#include "common/string_util.h"
#include "function/cast.h"

namespace switchboard {

std::optional<Value> FindOption(const TableFunctionBindInput& input, std::string_view name) {
  for (const auto& [key, value] : input.named) {
    if (key == name && !value.is_null()) return value;
  }
  return std::nullopt;
}

bool BoolOption(const TableFunctionBindInput& input, std::string_view name, bool fallback) {
  auto value = FindOption(input, name);
  return value ? CastValue(*value, TypeId::kBoolean).GetBoolean() : fallback;
}

int64_t IntegerOption(const TableFunctionBindInput& input, std::string_view name, int64_t fallback) {
  auto value = FindOption(input, name);
  return value ? CastValue(*value, TypeId::kBigint).GetInt64() : fallback;
}

std::optional<std::string> StringOption(const TableFunctionBindInput& input, std::string_view name) {
  auto value = FindOption(input, name);
  if (!value) return std::nullopt;
  return CastValue(*value, LogicalType::Varchar()).GetString();
}

HivePartitioning HiveOption(const TableFunctionBindInput& input) {
  auto value = FindOption(input, "hive_partitioning");
  if (!value) return HivePartitioning::kAuto;
  return CastValue(*value, TypeId::kBoolean).GetBoolean() ? HivePartitioning::kEnabled : HivePartitioning::kDisabled;
}

std::vector<std::pair<std::string, LogicalType>> NamedTypesOption(const TableFunctionBindInput& input,
                                                                  const Value& value, std::string_view option) {
  std::vector<std::pair<std::string, LogicalType>> columns;
  auto type_of = [&](const Value& name, const Value& type) {
    if (name.is_null() || type.is_null() || !type.type().IsString()) {
      SB_THROW(kInvalidParameter, "{} must map column names to type names, as in {{'id': 'BIGINT'}}", option);
    }
    SB_CHECK(input.parse_type, "no type parser in the bind input");
    columns.emplace_back(CastValue(name, LogicalType::Varchar()).GetString(), input.parse_type(type.GetString()));
  };
  const LogicalType& type = value.type();
  if (type.id() == TypeId::kMap) {
    for (const Value& entry : value.children()) type_of(entry.children()[0], entry.children()[1]);
  } else if (type.id() == TypeId::kRow && !type.fields().empty() && !type.fields()[0].first.empty()) {
    for (size_t i = 0; i < type.fields().size(); ++i) type_of(Value::Varchar(type.fields()[i].first), value.children()[i]);
  } else {
    SB_THROW(kInvalidParameter, "{} must map column names to type names, as in {{'id': 'BIGINT'}}; got {}", option,
             type.ToString());
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (EqualsIgnoreCase(columns[i].first, columns[j].first)) {
        SB_THROW(kInvalidParameter, "{} names column '{}' twice", option, columns[i].first);
      }
    }
  }
  return columns;
}

void FileTableColumns::AddFileColumn(std::string name, LogicalType type) {
  sources.push_back({FileColumnSource::Kind::kFile, names.size()});
  names.push_back(std::move(name));
  types.push_back(std::move(type));
}

void FileTableColumns::AddPartitionColumns(const FileList& files) {
  for (idx_t p = 0; p < files.partition_columns.size(); ++p) {
    const auto& column = files.partition_columns[p];
    FileColumnSource source{FileColumnSource::Kind::kPartition, p};
    bool replaced = false;
    for (idx_t i = 0; i < names.size(); ++i) {
      if (EqualsIgnoreCase(names[i], column.name)) {
        // The folder's value wins over a column of the same name stored in the files.
        types[i] = column.type;
        sources[i] = source;
        replaced = true;
      }
    }
    if (replaced) continue;
    names.push_back(column.name);
    types.push_back(column.type);
    sources.push_back(source);
  }
}

void FileTableColumns::AddFilenameColumn() {
  names.push_back("filename");
  types.push_back(LogicalType::Varchar());
  sources.push_back({FileColumnSource::Kind::kFilename, 0});
}

bool AcceptsFileFilter(const FileTableColumns& columns, const TableFilter& filter) {
  return columns.sources[filter.column].kind != FileColumnSource::Kind::kFile;
}

std::vector<size_t> PruneFiles(const FileList& files, const FileTableColumns& columns,
                               const std::vector<TableFilter>& filters) {
  std::vector<size_t> kept;
  for (size_t f = 0; f < files.paths.size(); ++f) {
    bool keep = true;
    for (const TableFilter& filter : filters) {
      const FileColumnSource& source = columns.sources[filter.column];
      if (source.kind == FileColumnSource::Kind::kPartition) {
        keep = keep && ValueMatchesFilter(files.partition_values[f][source.index], filter);
      } else if (source.kind == FileColumnSource::Kind::kFilename) {
        keep = keep && ValueMatchesFilter(Value::Varchar(files.paths[f]), filter);
      }
    }
    if (keep) kept.push_back(f);
  }
  return kept;
}

Vector FileConstant(const FileList& files, const FileTableColumns& columns, idx_t column, size_t file) {
  const FileColumnSource& source = columns.sources[column];
  if (source.kind == FileColumnSource::Kind::kPartition) {
    return Vector::Constant(files.partition_values[file][source.index]);
  }
  SB_CHECK(source.kind == FileColumnSource::Kind::kFilename);
  return Vector::Constant(Value::Varchar(files.paths[file]));
}

}  // namespace switchboard
