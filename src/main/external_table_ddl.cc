// Athena/Hive external tables: CREATE EXTERNAL TABLE ... STORED AS ... LOCATION, MSCK REPAIR
// TABLE and ALTER TABLE ADD|DROP PARTITION.
#include <memory>
#include <set>

#include "catalog/external_table.h"
#include "common/string_util.h"
#include "connector/files/file_list.h"
#include "fs/file_system.h"
#include "exec/expression_executor.h"
#include "function/cast.h"
#include "function/query_context.h"
#include "main/database_state.h"
#include "main/session.h"
#include "main/statement_runner.h"
#include "sql/binder/binder.h"
#include "sql/parser/ast/alter_table_action.h"
#include "sql/parser/ast/ddl_statements.h"

namespace switchboard {

namespace {

[[noreturn]] void ThrowAt(const ast::SourceLocation& location, ErrorCode code, const std::string& message) {
  throw Exception(code, LocationPrefix(location) + message);
}

std::string Normalize(const ast::Identifier& identifier) {
  return identifier.quoted ? identifier.name : ToLower(identifier.name);
}

Value Constant(Binder& binder, const ast::Expression& expression, QueryContext& query) {
  BindScope empty;
  return ExpressionExecutor::EvaluateConstant(*binder.BindExpression(expression, empty), &query);
}

std::string PropertyText(Binder& binder, const ast::Property& property, QueryContext& query) {
  if (!property.value) return "true";
  Value value = Constant(binder, *property.value, query);
  return value.is_null() ? "" : value.ToString();
}

// A Hive delimiter as written: one character, or an escape such as '\t' or '\001'.
std::string DelimiterText(std::string text) {
  if (text.size() == 2 && text[0] == '\\') {
    switch (text[1]) {
      case 't': return "\t";
      case 'n': return "\n";
      case 'N': return text;
      default: break;
    }
  }
  if (text.size() >= 2 && text[0] == '\\' && std::isdigit(static_cast<unsigned char>(text[1]))) {
    return std::string(1, static_cast<char>(std::stoi(text.substr(1), nullptr, 8)));
  }
  return text;
}

// The table named by `name`, which must be an external table.
std::shared_ptr<ExternalTableEntry> ExternalTableNamed(Binder& binder, const ast::QualifiedName& name,
                                                       const ast::SourceLocation& location, std::string_view statement) {
  ResolvedTable resolved = binder.ResolveTable(name, false);
  auto external = std::dynamic_pointer_cast<ExternalTableEntry>(resolved.table);
  if (!external) {
    ThrowAt(location, ErrorCode::kNotSupported,
            fmt::format("{} applies to external tables; '{}' is not one", statement, resolved.table->name.ToString()));
  }
  return external;
}

}  // namespace

std::unique_ptr<QueryResult> StatementRunner::RunCreateExternalTable(const ast::Statement& statement,
                                                                     QueryContext& query) {
  const auto& create = statement.As<ast::CreateTable>();
  const auto& location = statement.location;
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  if (create.query) {
    ThrowAt(location, ErrorCode::kNotSupported,
            "CREATE EXTERNAL TABLE ... AS is not supported: write the files with COPY (query) TO 'folder' (FORMAT "
            "parquet, PARTITION_BY (...)) and create the table over the folder");
  }
  if (create.temporary) ThrowAt(location, ErrorCode::kNotSupported, "External tables cannot be temporary");
  if (!create.location_uri || create.location_uri->empty()) {
    ThrowAt(location, ErrorCode::kInvalidParameter, "An external table needs LOCATION 'folder/'");
  }
  auto definition = std::make_shared<ExternalTableDefinition>();
  definition->location = *create.location_uri;
  while (definition->location.size() > 1 && definition->location.back() == '/') definition->location.pop_back();
  {
    auto fs = FileSystem::ForPath(definition->location);
    if (!fs.ok()) ThrowAt(location, fs.error().code, fs.error().message);
  }

  // The format: STORED AS, USING, or the SerDe of ROW FORMAT.
  std::string stored = create.stored_as ? ToLower(create.stored_as->name)
                                        : (create.using_format ? ToLower(create.using_format->name) : "textfile");
  std::string serde = create.row_format && create.row_format->serde ? ToLower(*create.row_format->serde) : "";
  auto& options = definition->options;
  auto set_option = [&](const std::string& key, const std::string& value) {
    for (auto& [k, v] : options) {
      if (k == key) {
        v = value;
        return;
      }
    }
    options.emplace_back(key, value);
  };
  bool json_serde = serde.find("json") != std::string::npos;
  if (stored == "parquet" || serde.find("parquet") != std::string::npos) {
    definition->format = "parquet";
  } else if (stored == "json" || json_serde) {
    definition->format = "json";
  } else if (stored == "textfile" || stored == "csv" || stored == "text") {
    definition->format = "csv";
    if (serde.find("opencsvserde") != std::string::npos || stored == "csv") {
      set_option("delimiter", ",");
      set_option("quote", "\"");
      set_option("escape", stored == "csv" ? "\"" : "\\");
    } else {
      // Hive's LazySimpleSerDe: Ctrl-A between fields, no quoting, \N for NULL.
      set_option("delimiter", "\001");
      set_option("quote", "");
      set_option("escape", "");
      set_option("null", "\\N");
    }
  } else {
    ThrowAt(location, ErrorCode::kNotSupported,
            fmt::format("External tables are STORED AS PARQUET, TEXTFILE (CSV) or JSON, not {}", stored));
  }
  if (create.row_format) {
    const ast::RowFormat& row = *create.row_format;
    if (row.fields_terminated_by) set_option("delimiter", DelimiterText(*row.fields_terminated_by));
    if (row.escaped_by) set_option("escape", DelimiterText(*row.escaped_by));
    if (row.null_defined_as) set_option("null", *row.null_defined_as);
    if (row.lines_terminated_by && DelimiterText(*row.lines_terminated_by) != "\n") {
      ThrowAt(row.location, ErrorCode::kNotSupported, "Lines must end with '\\n'");
    }
    for (const ast::Property& property : row.serde_properties) {
      std::string key = ToLower(property.name);
      std::string value = PropertyText(binder, property, query);
      if (key == "separatorchar" || key == "field.delim" || key == "serialization.format") {
        set_option("delimiter", DelimiterText(value));
      } else if (key == "quotechar") {
        set_option("quote", value);
      } else if (key == "escapechar" || key == "escape.delim") {
        set_option("escape", DelimiterText(value));
      } else if (key == "serialization.null.format") {
        set_option("null", value);
      }
    }
  }
  for (const ast::Property& property : create.tblproperties) {
    std::string key = ToLower(property.name);
    std::string value = PropertyText(binder, property, query);
    definition->properties.emplace_back(property.name, value);
    if (key == "skip.header.line.count") {
      set_option("header_lines", value);
    } else if (key == "serialization.null.format") {
      set_option("null", value);
    } else if (key == "compressiontype" || key == "compression" || key == "write.compression") {
      std::string lower = ToLower(value);
      if (lower == "gzip" || lower == "zstd" || lower == "none") set_option("compression", lower);
    }
  }
  for (const auto& [key, value] : options) {
    if ((key == "delimiter" || key == "quote" || key == "escape") && value.size() > 1) {
      ThrowAt(location, ErrorCode::kInvalidParameter, fmt::format("The {} must be one character, got '{}'", key, value));
    }
  }

  CreateTableInfo info;
  info.name = binder.QualifyName(create.name);
  info.if_not_exists = create.if_not_exists;
  info.or_replace = create.or_replace;
  info.comment = create.comment.value_or("");
  info.location = definition->location;
  info.properties = definition->properties;
  auto bind_column = [&](const ast::ColumnDefinition& definition_ast) {
    if (definition_ast.name.parts.size() != 1) {
      ThrowAt(definition_ast.location, ErrorCode::kSyntaxError, "Nested field definitions are only allowed in ALTER TABLE");
    }
    ColumnDefinition column;
    column.name = Normalize(definition_ast.name.parts[0]);
    try {
      column.type = binder.BindType(definition_ast.type);
    } catch (const Exception& e) {
      ThrowAt(definition_ast.location, e.code(), e.error().message);
    }
    column.comment = definition_ast.comment.value_or("");
    for (const auto& existing : info.columns) {
      if (EqualsIgnoreCase(existing.name, column.name)) {
        ThrowAt(definition_ast.location, ErrorCode::kDuplicateObject,
                fmt::format("Column name '{}' specified more than once", column.name));
      }
    }
    info.columns.push_back(std::move(column));
  };
  for (const auto& column : create.columns) bind_column(column);
  // Spark's PARTITIONED BY (col) names declared columns: they move to the end.
  for (const auto& expression : create.partitioned_by) {
    if (!expression->Is<ast::ColumnRef>() || expression->As<ast::ColumnRef>().name.parts.size() != 1) {
      ThrowAt(expression->location, ErrorCode::kNotSupported,
              "External tables are partitioned by key=value folders: PARTITIONED BY lists columns, not transforms");
    }
    std::string name = Normalize(expression->As<ast::ColumnRef>().name.parts[0]);
    auto it = std::find_if(info.columns.begin(), info.columns.end(),
                           [&](const ColumnDefinition& c) { return EqualsIgnoreCase(c.name, name); });
    if (it == info.columns.end()) {
      ThrowAt(expression->location, ErrorCode::kUndefinedColumn,
              fmt::format("PARTITIONED BY names '{}', which is not a column (declare it: PARTITIONED BY ({} type))", name, name));
    }
    ColumnDefinition column = *it;
    info.columns.erase(it);
    info.columns.push_back(std::move(column));
    definition->partition_columns.push_back(info.columns.back().name);
  }
  for (const auto& column : create.partition_columns) {
    bind_column(column);
    definition->partition_columns.push_back(info.columns.back().name);
  }
  if (info.columns.size() == definition->partition_columns.size()) {
    ThrowAt(location, ErrorCode::kInvalidParameter, "An external table needs at least one column besides its partition columns");
  }
  info.partitioning = definition->partition_columns;
  info.external = definition;
  std::shared_ptr<Catalog> catalog = database_.GetCatalog(info.name.catalog);
  if (!catalog) ThrowAt(location, ErrorCode::kUndefinedObject, fmt::format("Catalog '{}' does not exist", info.name.catalog));
  auto created = catalog->CreateTable(info);
  if (!created.ok()) ThrowAt(location, created.error().code, created.error().message);
  return std::make_unique<QueryResult>("CREATE TABLE", std::vector<std::string>{},
                                       std::make_unique<ChunkCollection>(std::vector<LogicalType>{}));
}

std::unique_ptr<QueryResult> StatementRunner::RunExternalTableDdl(const ast::Statement& statement, QueryContext& query) {
  BinderEnvironment environment = MakeEnvironment(query);
  Binder binder(environment);
  const auto& location = statement.location;
  if (statement.kind == ast::StatementKind::kRepairTable) {
    // Partitions are discovered from the folders at every scan: list what a scan would read.
    auto table = ExternalTableNamed(binder, statement.As<ast::RepairTable>().table, location, "MSCK REPAIR TABLE");
    const ExternalTableDefinition& definition = table->definition;
    std::vector<HivePartitionColumn> partition_columns;
    size_t first = table->columns.size() - definition.partition_columns.size();
    for (size_t c = first; c < table->columns.size(); ++c) {
      partition_columns.push_back({table->columns[c].name, table->columns[c].type});
    }
    FileList files = ListPartitionedFolder(definition.location, partition_columns);
    std::set<std::string> partitions;
    for (const auto& values : files.partition_values) {
      std::vector<std::string> parts;
      for (size_t k = 0; k < values.size(); ++k) {
        parts.push_back(partition_columns[k].name + "=" + HivePartitionFolderValue(values[k]));
      }
      partitions.insert(Join(parts, "/"));
    }
    auto collection = std::make_unique<ChunkCollection>(std::vector<LogicalType>{LogicalType::Varchar()});
    DataChunk chunk;
    chunk.Initialize({LogicalType::Varchar()});
    for (const std::string& partition : partitions) {
      if (chunk.size() == kVectorSize) {
        collection->Append(chunk);
        chunk.Reset();
      }
      chunk.column(0).SetValue(chunk.size(), Value::Varchar(partition));
      chunk.SetSize(chunk.size() + 1);
    }
    if (chunk.size() > 0) collection->Append(chunk);
    return std::make_unique<QueryResult>("MSCK REPAIR TABLE", std::vector<std::string>{"partition"}, std::move(collection));
  }

  // ALTER TABLE ADD|DROP PARTITION: partitions are the table's key=value folders.
  const auto& alter = statement.As<ast::AlterTable>();
  const auto& action = alter.action->As<ast::HivePartitions>();
  auto table = ExternalTableNamed(binder, alter.table, location, action.add ? "ADD PARTITION" : "DROP PARTITION");
  const ExternalTableDefinition& definition = table->definition;
  size_t first = table->columns.size() - definition.partition_columns.size();
  if (definition.partition_columns.empty()) {
    ThrowAt(action.location, ErrorCode::kInvalidParameter,
            fmt::format("Table '{}' has no partition columns", table->name.ToString()));
  }
  for (const ast::HivePartitionSpec& spec : action.partitions) {
    std::vector<std::string> folders(definition.partition_columns.size());
    for (const ast::Property& value : spec.values) {
      size_t k = 0;
      while (k < definition.partition_columns.size() && !EqualsIgnoreCase(definition.partition_columns[k], value.name)) ++k;
      if (k == definition.partition_columns.size()) {
        ThrowAt(value.location, ErrorCode::kUndefinedColumn,
                fmt::format("'{}' is not a partition column of '{}' (those are {})", value.name, table->name.ToString(),
                            Join(definition.partition_columns, ", ")));
      }
      const ColumnDefinition& column = table->columns[first + k];
      Value cast;
      try {
        cast = CastValue(Constant(binder, *value.value, query), column.type);
      } catch (const Exception& e) {
        ThrowAt(value.location, e.code(), e.error().message);
      }
      folders[k] = column.name + "=" + HivePartitionFolderValue(cast);
    }
    for (size_t k = 0; k < folders.size(); ++k) {
      if (folders[k].empty()) {
        ThrowAt(action.location, ErrorCode::kInvalidParameter,
                fmt::format("The partition gives no value for '{}'", definition.partition_columns[k]));
      }
    }
    std::string folder = definition.location + "/" + Join(folders, "/");
    if (!action.add) {
      ThrowAt(action.location, ErrorCode::kNotSupported,
              fmt::format("The partitions of external table '{}' are its folders: remove '{}' to drop this one",
                          table->name.ToString(), folder));
    }
    if (spec.location) {
      std::string given = *spec.location;
      while (given.size() > 1 && given.back() == '/') given.pop_back();
      if (given != folder) {
        ThrowAt(action.location, ErrorCode::kNotSupported,
                fmt::format("Partitions of external table '{}' are read from its key=value folders ('{}'), not from '{}'",
                            table->name.ToString(), folder, given));
      }
    }
  }
  return std::make_unique<QueryResult>("ALTER TABLE", std::vector<std::string>{},
                                       std::make_unique<ChunkCollection>(std::vector<LogicalType>{}));
}

}  // namespace switchboard
