// The Iceberg scan: planning at scan start, then workers that claim data files and row groups,
// read them through the Parquet reader, fill columns files lack, conform evolved types, and drop
// deleted rows.
#include "table/iceberg/iceberg_scan.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <map>
#include <unordered_set>

#include "common/memory_tracker.h"
#include "common/string_util.h"
#include "format/parquet/parquet_reader.h"
#include "function/cast.h"
#include "function/function_registry.h"
#include "function/query_context.h"
#include "table/iceberg/deletion_vector.h"
#include "table/iceberg/scan_planner.h"
#include "table/iceberg/table_location.h"
#include "table/iceberg/value_codec.h"
#include "types/datetime.h"

namespace switchboard::iceberg {

namespace {

using parquet::BoundPredicate;
using parquet::ParquetField;
using parquet::ParquetPredicate;
using parquet::ParquetReader;
using parquet::RowGroupScanner;

constexpr int32_t kDeleteFilePathId = 2147483546;
constexpr int32_t kDeletePositionId = 2147483545;

// ---------------------------------------------------------------------------------------------
// Conforming file vectors to table types

/// How the children of a nested file field are found for table fields: by field id, else (files
/// without ids) by name.
int FindChild(const ParquetField& file_field, const NestedField& table_field) {
  for (size_t i = 0; i < file_field.children.size(); ++i) {
    if (file_field.children[i].field_id == table_field.id) return static_cast<int>(i);
  }
  for (size_t i = 0; i < file_field.children.size(); ++i) {
    if (!file_field.children[i].field_id && file_field.children[i].name == table_field.name) return static_cast<int>(i);
  }
  return -1;
}

/// A flat vector of `count` rows all holding `value`.
Vector FilledVector(const Value& value, const LogicalType& type, idx_t count) {
  Vector out(type, std::max<idx_t>(count, 1));
  for (idx_t row = 0; row < count; ++row) out.SetValue(row, value);
  return out;
}

Result<Vector> Conform(const Vector& input, idx_t count, const ParquetField& file_field, const NestedField& field,
                       const LogicalType& target);

Result<Vector> ConformPrimitive(const Vector& input, idx_t count, const NestedField& field, const LogicalType& target) {
  if (input.type() == target) return input;
  Vector out(target, std::max<idx_t>(count, 1));
  UnifiedFormat format;
  input.ToUnifiedFormat(count, format);
  TypeId from = input.type().id();
  if (target.id() == TypeId::kUuid && from == TypeId::kVarbinary) {
    for (idx_t row = 0; row < count; ++row) {
      idx_t index = format.sel->get_index(row);
      if (!format.validity->RowIsValid(index)) {
        out.SetNull(row);
        continue;
      }
      std::string_view bytes = format.GetData<StringView>()[index].view();
      if (bytes.size() != 16) {
        return Error{ErrorCode::kCorruptData, fmt::format("A {}-byte value of uuid column '{}'", bytes.size(), field.name)};
      }
      uint128_t uuid = 0;
      for (unsigned char c : bytes) uuid = (uuid << 8) | c;
      out.data<uint128_t>()[row] = uuid;
    }
    return out;
  }
  if ((target.id() == TypeId::kVarchar && from == TypeId::kVarbinary) ||
      (target.id() == TypeId::kVarbinary && from == TypeId::kVarchar)) {
    out.ShareStringHeap(input);
    for (idx_t row = 0; row < count; ++row) {
      idx_t index = format.sel->get_index(row);
      if (!format.validity->RowIsValid(index)) {
        out.SetNull(row);
        continue;
      }
      out.data<StringView>()[row] = format.GetData<StringView>()[index];
    }
    return out;
  }
  return CatchErrors([&] {
    CastOptions options;
    CastVector(input, out, count, options);
    return out;
  });
}

/// Whether a nested file field has exactly the table field's shape (same ids, names and types),
/// so its vectors can be used as they are.
bool SameShape(const ParquetField& file_field, const Type& type, const LogicalType& engine_type) {
  if (file_field.type != engine_type) return false;
  if (type.IsPrimitive()) return true;
  if (type.kind == TypeKind::kStruct) {
    if (file_field.children.size() != type.fields.size()) return false;
    for (size_t i = 0; i < type.fields.size(); ++i) {
      if (file_field.children[i].field_id != type.fields[i].id) return false;
      if (!SameShape(file_field.children[i], *type.fields[i].type, engine_type.fields()[i].second)) return false;
    }
    return true;
  }
  if (file_field.children.size() != 1) return false;
  if (type.kind == TypeKind::kList) {
    return file_field.children[0].field_id == type.element().id &&
           SameShape(file_field.children[0], *type.element().type, engine_type.element_type());
  }
  const ParquetField& entry = file_field.children[0];
  return entry.children.size() == 2 && entry.children[0].field_id == type.key().id &&
         entry.children[1].field_id == type.value().id &&
         SameShape(entry.children[0], *type.key().type, engine_type.key_type()) &&
         SameShape(entry.children[1], *type.value().type, engine_type.value_type());
}

/// Struct children of `input` (a flat ROW vector) rearranged into `fields` order by id.
Result<Vector> ConformStruct(const Vector& input, idx_t count, const ParquetField& file_field,
                             const std::vector<NestedField>& fields, const LogicalType& target) {
  Vector out(target, std::max<idx_t>(count, 1));
  const auto& input_children = input.struct_children();
  for (size_t i = 0; i < fields.size(); ++i) {
    const LogicalType& child_type = target.fields()[i].second;
    int child = FindChild(file_field, fields[i]);
    if (child < 0) {
      Value fill = fields[i].initial_default ? *fields[i].initial_default : Value::Null(child_type);
      out.struct_children()[i] = FilledVector(fill, child_type, count);
      continue;
    }
    SB_ASSIGN_OR_RETURN(out.struct_children()[i], Conform(input_children[static_cast<size_t>(child)], count,
                                                          file_field.children[static_cast<size_t>(child)], fields[i],
                                                          child_type));
  }
  out.validity() = input.validity();
  return out;
}

Result<Vector> Conform(const Vector& input, idx_t count, const ParquetField& file_field, const NestedField& field,
                       const LogicalType& target) {
  const Type& type = *field.type;
  if (type.IsPrimitive()) return ConformPrimitive(input, count, field, target);
  if (SameShape(file_field, type, target)) return input;
  Vector flat = input;
  flat.Flatten(count);
  if (type.kind == TypeKind::kStruct) {
    if (file_field.kind != ParquetField::Kind::kStruct) {
      return Error{ErrorCode::kCorruptData, fmt::format("Column '{}' is not a struct in the data file", field.name)};
    }
    return ConformStruct(flat, count, file_field, type.fields, target);
  }
  if (file_field.kind != ParquetField::Kind::kList || file_field.children.size() != 1) {
    return Error{ErrorCode::kCorruptData, fmt::format("Column '{}' is not a list or map in the data file", field.name)};
  }
  Vector out(target, std::max<idx_t>(count, 1));
  std::memcpy(out.data<ListEntry>(), flat.data<ListEntry>(), count * sizeof(ListEntry));
  out.validity() = flat.validity();
  idx_t elements = flat.list_size();
  const ParquetField& element_field = file_field.children[0];
  if (type.kind == TypeKind::kList) {
    SB_ASSIGN_OR_RETURN(out.list_child(),
                        Conform(flat.list_child(), elements, element_field, type.element(), target.element_type()));
  } else {
    SB_ASSIGN_OR_RETURN(out.list_child(), ConformStruct(flat.list_child(), elements, element_field, type.fields,
                                                         target.MapEntryType()));
  }
  out.set_list_size(elements);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Deletes

struct EqualityDeleteSet {
  std::vector<int32_t> field_ids;
  std::unordered_set<std::string> keys;
};

/// The type a field id has in the scan's schema, else in the table's latest schema holding it
/// (equality deletes may use columns dropped since).
const NestedField* FindAnyField(const TableMetadata& metadata, const Schema& schema, int32_t id) {
  if (const NestedField* field = schema.FindField(id)) return field;
  for (auto it = metadata.schemas.rbegin(); it != metadata.schemas.rend(); ++it) {
    if (const NestedField* field = (*it)->FindField(id)) return field;
  }
  return nullptr;
}

/// Top-level fields of a Parquet file by Iceberg field id: the file's own ids, else the name
/// mapping, else (no mapping at all) the names of `schema`.
std::map<int32_t, int> FileFieldsById(const parquet::ParquetSchema& file_schema, const NameMapping* mapping,
                                      const Schema* schema) {
  std::map<int32_t, int> out;
  bool has_ids = false;
  for (const auto& field : file_schema.fields()) has_ids |= field.field_id.has_value();
  for (size_t i = 0; i < file_schema.fields().size(); ++i) {
    const ParquetField& field = file_schema.fields()[i];
    std::optional<int32_t> id = field.field_id;
    if (!has_ids) {
      if (mapping) {
        id = NameMapping::Find(mapping->fields, field.name);
      } else if (schema) {
        for (const auto& table_field : schema->fields()) {
          if (table_field.name == field.name) id = table_field.id;
        }
      }
    }
    if (id && !out.count(*id)) out[*id] = static_cast<int>(i);
  }
  return out;
}

Result<std::vector<int64_t>> ReadDeletionVector(const FileIO& io, const DataFile& file) {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<RandomAccessFile> input, io.OpenForRead(file.file_path));
  int64_t offset = file.content_offset.value_or(0);
  int64_t size = file.content_size_in_bytes.value_or(input->size() - offset);
  if (offset < 0 || size < 0 || offset + size > input->size()) {
    return Error{ErrorCode::kCorruptData, fmt::format("Deletion vector at {}+{} lies outside '{}' ({} bytes)", offset,
                                                      size, file.file_path, input->size())};
  }
  SB_ASSIGN_OR_RETURN(std::shared_ptr<Buffer> bytes, input->Read(offset, size));
  Result<std::vector<int64_t>> positions =
      DecodeDeletionVector(std::string_view(reinterpret_cast<const char*>(bytes->data()), static_cast<size_t>(size)));
  if (!positions.ok()) return Error{positions.error().code, fmt::format("'{}': {}", file.file_path, positions.error().message)};
  return positions;
}

/// Reads every row of `columns` of a Parquet file, calling `consume` per batch.
template <typename Consume>
Result<void> ReadAllRows(const ParquetReader& reader, std::vector<int> columns, Consume consume) {
  parquet::ParquetScanOptions options;
  options.columns = std::move(columns);
  DataChunk chunk;
  for (int group = 0; group < reader.num_row_groups(); ++group) {
    SB_ASSIGN_OR_RETURN(std::unique_ptr<RowGroupScanner> scanner, reader.ScanRowGroup(group, options));
    while (true) {
      SB_ASSIGN_OR_RETURN(bool more, scanner->Next(chunk));
      if (!more) break;
      SB_RETURN_IF_ERROR(consume(chunk));
    }
  }
  return Ok();
}

using PositionDeletes = std::map<std::string, std::vector<int64_t>>;

Result<PositionDeletes> ReadPositionDeleteFile(const FileIO& io, const DataFile& file) {
  SB_ASSIGN_OR_RETURN(std::shared_ptr<RandomAccessFile> input, io.OpenForRead(file.file_path));
  SB_ASSIGN_OR_RETURN(std::shared_ptr<ParquetReader> reader, ParquetReader::Open(input));
  int path_field = -1;
  int position_field = -1;
  const auto& fields = reader->schema().fields();
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].field_id == kDeleteFilePathId || (!fields[i].field_id && fields[i].name == "file_path")) path_field = static_cast<int>(i);
    if (fields[i].field_id == kDeletePositionId || (!fields[i].field_id && fields[i].name == "pos")) position_field = static_cast<int>(i);
  }
  if (path_field < 0 || position_field < 0) {
    return Error{ErrorCode::kCorruptData, fmt::format("Position delete file '{}' has no file_path and pos columns", file.file_path)};
  }
  PositionDeletes deletes;
  SB_RETURN_IF_ERROR(ReadAllRows(*reader, {path_field, position_field}, [&](DataChunk& chunk) -> Result<void> {
    UnifiedFormat paths;
    UnifiedFormat positions;
    chunk.column(0).ToUnifiedFormat(chunk.size(), paths);
    chunk.column(1).ToUnifiedFormat(chunk.size(), positions);
    for (idx_t row = 0; row < chunk.size(); ++row) {
      idx_t p = paths.sel->get_index(row);
      idx_t q = positions.sel->get_index(row);
      if (!paths.validity->RowIsValid(p) || !positions.validity->RowIsValid(q)) continue;
      deletes[std::string(paths.GetData<StringView>()[p].view())].push_back(positions.GetData<int64_t>()[q]);
    }
    return Ok();
  }));
  for (auto& [_, list] : deletes) std::sort(list.begin(), list.end());
  return deletes;
}

Result<EqualityDeleteSet> ReadEqualityDeleteFile(const FileIO& io, const DataFile& file, const TableMetadata& metadata,
                                                  const Schema& schema, const NameMapping* mapping) {
  EqualityDeleteSet set;
  set.field_ids = file.equality_ids;
  if (set.field_ids.empty()) {
    return Error{ErrorCode::kCorruptData, fmt::format("Equality delete file '{}' names no equality columns", file.file_path)};
  }
  SB_ASSIGN_OR_RETURN(std::shared_ptr<RandomAccessFile> input, io.OpenForRead(file.file_path));
  SB_ASSIGN_OR_RETURN(std::shared_ptr<ParquetReader> reader, ParquetReader::Open(input));
  std::map<int32_t, int> by_id = FileFieldsById(reader->schema(), mapping, &schema);
  std::vector<int> columns;
  std::vector<const NestedField*> fields;
  std::vector<LogicalType> types;
  for (int32_t id : set.field_ids) {
    auto it = by_id.find(id);
    const NestedField* field = FindAnyField(metadata, schema, id);
    if (it == by_id.end() || !field) {
      return Error{ErrorCode::kCorruptData,
                   fmt::format("Equality delete file '{}' lacks its equality column {}", file.file_path, id)};
    }
    SB_ASSIGN_OR_RETURN(LogicalType type, ToLogicalType(*field->type));
    columns.push_back(it->second);
    fields.push_back(field);
    types.push_back(std::move(type));
  }
  const auto& file_fields = reader->schema().fields();
  std::string key;
  SB_RETURN_IF_ERROR(ReadAllRows(*reader, columns, [&](DataChunk& chunk) -> Result<void> {
    std::vector<Vector> conformed;
    std::vector<UnifiedFormat> formats(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
      SB_ASSIGN_OR_RETURN(Vector vector, Conform(chunk.column(c), chunk.size(), file_fields[static_cast<size_t>(columns[c])],
                                                 *fields[c], types[c]));
      conformed.push_back(std::move(vector));
    }
    for (size_t c = 0; c < columns.size(); ++c) conformed[c].ToUnifiedFormat(chunk.size(), formats[c]);
    for (idx_t row = 0; row < chunk.size(); ++row) {
      key.clear();
      for (size_t c = 0; c < columns.size(); ++c) {
        AppendRowKey(key, formats[c], types[c].physical_type(), formats[c].sel->get_index(row));
      }
      set.keys.insert(key);
    }
    return Ok();
  }));
  return set;
}

/// Values loaded once per key and shared by the threads of a scan.
template <typename T>
class SharedLoads {
 public:
  template <typename Load>
  Result<std::shared_ptr<const T>> Get(const std::string& key, Load load) {
    std::shared_ptr<Slot> slot;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto& entry = slots_[key];
      if (!entry) entry = std::make_shared<Slot>();
      slot = entry;
    }
    std::lock_guard<std::mutex> lock(slot->mutex);
    if (!slot->value && !slot->error) {
      Result<T> loaded = load();
      if (loaded.ok()) slot->value = std::make_shared<const T>(std::move(*loaded));
      else slot->error = loaded.error();
    }
    if (slot->error) return *slot->error;
    return slot->value;
  }

 private:
  struct Slot {
    std::mutex mutex;
    std::shared_ptr<const T> value;
    std::optional<Error> error;
  };
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Slot>> slots_;
};

// ---------------------------------------------------------------------------------------------
// Scan state

/// Where an output (or key) column comes from in one data file.
struct ColumnSource {
  enum class Kind : uint8_t { kFile, kConstant, kRowId };
  Kind kind = Kind::kConstant;
  int raw = -1;  // kFile: column of the scanner's output
  Vector constant;
};

struct Residual {
  int raw;
  const NestedField* field;
  LogicalType type;
  BoundPredicate predicate;
};

struct EqualityPlan {
  std::shared_ptr<const EqualityDeleteSet> set;
  std::vector<ColumnSource> sources;
  std::vector<LogicalType> types;
};

/// One data file being read: its reader and how its columns map onto the scan's output.
struct OpenFile {
  int64_t ordinal = 0;
  std::shared_ptr<ParquetReader> reader;
  parquet::ParquetScanOptions options;
  /// Per scanner output column: the table field it holds (for conforming).
  std::vector<const NestedField*> raw_fields;
  std::vector<LogicalType> raw_types;
  std::vector<ColumnSource> outputs;
  std::vector<Residual> residuals;
  std::vector<EqualityPlan> equality;
  std::vector<int64_t> deleted_positions;  // ascending
};

struct WorkUnit {
  std::shared_ptr<OpenFile> file;
  int row_group;
};

class IcebergScanState : public GlobalTableState {
 public:
  IcebergScanState(const IcebergScanData& data, const TableScanRequest& request) : data_(data), request_(request) {}

  idx_t MaxThreads() const override { return std::max<idx_t>(1, plan.tasks.size() * 4); }

  const IcebergScanData& data_;
  TableScanRequest request_;
  ScanPlan plan;
  std::vector<ScanPredicate> predicates;
  std::optional<NameMapping> mapping;
  SharedLoads<PositionDeletes> position_deletes;
  SharedLoads<std::vector<int64_t>> deletion_vectors;
  SharedLoads<EqualityDeleteSet> equality_deletes;

  std::atomic<size_t> next_task{0};
  std::mutex units_mutex;
  std::deque<WorkUnit> units;

  std::atomic<int64_t> files_opened{0};
  std::atomic<int64_t> files_skipped_at_open{0};
  std::atomic<int64_t> row_groups{0};
  std::atomic<int64_t> row_groups_pruned{0};
  std::atomic<int64_t> bytes_read{0};
  std::atomic<int64_t> rows_deleted{0};
  std::atomic<int64_t> rows_returned{0};
};

class IcebergLocalState : public LocalTableState {
 public:
  std::shared_ptr<OpenFile> file;
  std::unique_ptr<RowGroupScanner> scanner;
  DataChunk raw;
  SelectionVector selection{kVectorSize};
  std::string key;
};

bool ConstantMatches(const ParquetPredicate& predicate, const Value& value) {
  Result<BoundPredicate> bound = BoundPredicate::Bind(predicate, value.type());
  if (!bound.ok()) return true;
  if (value.is_null()) return bound->MatchesNull();
  Vector vector(value.type(), 1);
  vector.SetValue(0, value);
  SelectionVector sel(1);
  sel.set_index(0, 0);
  return bound->Filter(vector, sel.data(), 1) == 1;
}

/// The value of a field a data file does not store: its identity partition value, else its
/// initial default, else NULL.
Result<Value> MissingValue(const IcebergScanData& data, const DataFile& file, const NestedField& field,
                           const LogicalType& type) {
  if (PartitionSpecPtr spec = data.metadata->SpecById(file.spec_id)) {
    for (size_t i = 0; i < spec->fields.size() && i < file.partition.size(); ++i) {
      const PartitionField& partition = spec->fields[i];
      if (partition.source_id == field.id && partition.transform.kind == Transform::Kind::kIdentity) {
        return ConformValue(file.partition[i], *field.type);
      }
    }
  }
  if (field.initial_default) return *field.initial_default;
  return Value::Null(type);
}

/// Opens a data file and works out how to read it. Returns nullptr when a filter on a column the
/// file does not store rules the whole file out.
Result<std::shared_ptr<OpenFile>> PrepareFile(IcebergScanState& state, size_t task_index) {
  const IcebergScanData& data = state.data_;
  const FileScanTask& task = state.plan.tasks[task_index];
  const DataFile& file = *task.file;
  if (ToLower(file.file_format) != "parquet") {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("Data file '{}' is in {} format; only Parquet data files are supported", file.file_path,
                             file.file_format)};
  }
  auto open = std::make_shared<OpenFile>();
  open->ordinal = static_cast<int64_t>(task_index);
  SB_ASSIGN_OR_RETURN(std::shared_ptr<RandomAccessFile> input, data.io.OpenForRead(file.file_path));
  SB_ASSIGN_OR_RETURN(open->reader, ParquetReader::Open(input));
  state.files_opened.fetch_add(1);
  const auto& file_fields = open->reader->schema().fields();
  std::map<int32_t, int> by_id =
      FileFieldsById(open->reader->schema(), state.mapping ? &*state.mapping : nullptr, data.schema.get());

  std::map<int32_t, int> raw_of_field;  // field id -> scanner output column
  auto source_for = [&](const NestedField& field, const LogicalType& type) -> Result<ColumnSource> {
    ColumnSource source;
    auto it = by_id.find(field.id);
    if (it == by_id.end()) {
      SB_ASSIGN_OR_RETURN(Value value, MissingValue(data, file, field, type));
      source.kind = ColumnSource::Kind::kConstant;
      source.constant = Vector::Constant(value);
      return source;
    }
    auto raw = raw_of_field.find(field.id);
    if (raw == raw_of_field.end()) {
      raw = raw_of_field.emplace(field.id, static_cast<int>(open->options.columns.size())).first;
      open->options.columns.push_back(it->second);
      open->raw_fields.push_back(&field);
      open->raw_types.push_back(type);
    }
    source.kind = ColumnSource::Kind::kFile;
    source.raw = raw->second;
    return source;
  };

  for (idx_t column : state.request_.column_ids) {
    if (column == kRowIdColumn) {
      ColumnSource source;
      source.kind = ColumnSource::Kind::kRowId;
      open->outputs.push_back(std::move(source));
      open->options.emit_row_position = true;
      continue;
    }
    SB_ASSIGN_OR_RETURN(ColumnSource source, source_for(data.schema->fields()[column], data.types[column]));
    open->outputs.push_back(std::move(source));
  }

  for (const ScanPredicate& predicate : state.predicates) {
    const NestedField* field = data.schema->FindField(predicate.field_id);
    SB_ASSIGN_OR_RETURN(LogicalType type, ToLogicalType(*field->type));
    auto it = by_id.find(field->id);
    if (it == by_id.end()) {
      SB_ASSIGN_OR_RETURN(Value value, MissingValue(data, file, *field, type));
      if (!ConstantMatches(predicate.predicate, value)) return std::shared_ptr<OpenFile>();
      continue;
    }
    const ParquetField& file_field = file_fields[static_cast<size_t>(it->second)];
    if (file_field.kind == ParquetField::Kind::kPrimitive && file_field.type == type) {
      ParquetPredicate pushed = predicate.predicate;
      pushed.column = it->second;
      open->options.predicates.push_back(std::move(pushed));
      continue;
    }
    SB_ASSIGN_OR_RETURN(ColumnSource source, source_for(*field, type));
    SB_ASSIGN_OR_RETURN(BoundPredicate bound, BoundPredicate::Bind(predicate.predicate, type));
    open->residuals.push_back(Residual{source.raw, field, type, std::move(bound)});
  }

  for (const DataFilePtr& deletes : task.deletes) {
    if (deletes->content == FileContent::kEqualityDeletes) {
      SB_ASSIGN_OR_RETURN(auto set, state.equality_deletes.Get(deletes->file_path, [&] {
        return ReadEqualityDeleteFile(data.io, *deletes, *data.metadata, *data.schema,
                                      state.mapping ? &*state.mapping : nullptr);
      }));
      EqualityPlan plan;
      plan.set = set;
      for (int32_t id : set->field_ids) {
        const NestedField* field = FindAnyField(*data.metadata, *data.schema, id);
        SB_ASSIGN_OR_RETURN(LogicalType type, ToLogicalType(*field->type));
        SB_ASSIGN_OR_RETURN(ColumnSource source, source_for(*field, type));
        plan.sources.push_back(std::move(source));
        plan.types.push_back(std::move(type));
      }
      open->equality.push_back(std::move(plan));
    } else if (deletes->IsDeletionVector()) {
      SB_ASSIGN_OR_RETURN(auto positions, state.deletion_vectors.Get(deletes->file_path + "@" + std::to_string(*deletes->content_offset),
                                                                      [&] { return ReadDeletionVector(data.io, *deletes); }));
      open->deleted_positions.insert(open->deleted_positions.end(), positions->begin(), positions->end());
    } else {
      SB_ASSIGN_OR_RETURN(auto positions, state.position_deletes.Get(deletes->file_path, [&] {
        return ReadPositionDeleteFile(data.io, *deletes);
      }));
      auto it = positions->find(file.file_path);
      if (it != positions->end()) {
        open->deleted_positions.insert(open->deleted_positions.end(), it->second.begin(), it->second.end());
      }
    }
  }
  if (!open->deleted_positions.empty()) {
    std::sort(open->deleted_positions.begin(), open->deleted_positions.end());
    open->deleted_positions.erase(std::unique(open->deleted_positions.begin(), open->deleted_positions.end()),
                                  open->deleted_positions.end());
    open->options.emit_row_position = true;
  }
  return open;
}

/// Hands the next row group to a worker: a queued one, else the first of the next file (whose
/// other row groups it queues). False when all work is taken.
bool NextUnit(IcebergScanState& state, IcebergLocalState& local) {
  {
    std::lock_guard<std::mutex> lock(state.units_mutex);
    if (!state.units.empty()) {
      WorkUnit unit = std::move(state.units.front());
      state.units.pop_front();
      local.file = unit.file;
      local.scanner = local.file->reader->ScanRowGroup(unit.row_group, local.file->options).ValueOrThrow();
      return true;
    }
  }
  while (true) {
    size_t task = state.next_task.fetch_add(1);
    if (task >= state.plan.tasks.size()) return false;
    std::shared_ptr<OpenFile> file = PrepareFile(state, task).ValueOrThrow();
    if (!file) {
      state.files_skipped_at_open.fetch_add(1);
      continue;
    }
    int groups = file->reader->num_row_groups();
    if (groups == 0) continue;
    {
      std::lock_guard<std::mutex> lock(state.units_mutex);
      for (int group = 1; group < groups; ++group) state.units.push_back(WorkUnit{file, group});
    }
    local.file = std::move(file);
    local.scanner = local.file->reader->ScanRowGroup(0, local.file->options).ValueOrThrow();
    return true;
  }
}

void FinishRowGroup(IcebergScanState& state, IcebergLocalState& local) {
  parquet::ParquetScanCounters counters = local.scanner->counters();
  state.row_groups.fetch_add(1);
  if (local.scanner->pruned()) state.row_groups_pruned.fetch_add(1);
  state.bytes_read.fetch_add(counters.bytes_read);
  if (state.request_.query) const_cast<QueryContext*>(state.request_.query)->AddBytesScanned(counters.bytes_read);
  local.scanner.reset();
  local.file.reset();
}

void Scan(const TableScanRequest& request, GlobalTableState& global_state, LocalTableState& local_state,
          DataChunk& output) {
  auto& state = static_cast<IcebergScanState&>(global_state);
  auto& local = static_cast<IcebergLocalState&>(local_state);
  while (true) {
    if (request.query) request.query->CheckCancelled();
    if (!local.scanner && !NextUnit(state, local)) {
      output.SetSize(0);
      return;
    }
    if (!local.scanner->Next(local.raw).ValueOrThrow()) {
      FinishRowGroup(state, local);
      continue;
    }
    OpenFile& file = *local.file;
    DataChunk& raw = local.raw;
    idx_t rows = raw.size();
    sel_t* sel = local.selection.data();
    for (idx_t i = 0; i < rows; ++i) sel[i] = static_cast<sel_t>(i);
    idx_t count = rows;
    const int64_t* positions = file.options.emit_row_position ? raw.column(raw.ColumnCount() - 1).data<int64_t>() : nullptr;

    if (!file.deleted_positions.empty()) {
      idx_t kept = 0;
      auto next = std::lower_bound(file.deleted_positions.begin(), file.deleted_positions.end(), positions[0]);
      for (idx_t i = 0; i < count; ++i) {
        int64_t position = positions[sel[i]];
        while (next != file.deleted_positions.end() && *next < position) ++next;
        if (next != file.deleted_positions.end() && *next == position) continue;
        sel[kept++] = sel[i];
      }
      state.rows_deleted.fetch_add(static_cast<int64_t>(count - kept));
      count = kept;
    }

    std::vector<std::optional<Vector>> conformed(file.raw_fields.size());
    auto column = [&](int raw_index) -> const Vector& {
      auto& slot = conformed[static_cast<size_t>(raw_index)];
      if (!slot) {
        const ParquetField& file_field =
            file.reader->schema().fields()[static_cast<size_t>(file.options.columns[static_cast<size_t>(raw_index)])];
        slot = Conform(raw.column(static_cast<idx_t>(raw_index)), rows, file_field, *file.raw_fields[static_cast<size_t>(raw_index)],
                       file.raw_types[static_cast<size_t>(raw_index)])
                   .ValueOrThrow();
      }
      return *slot;
    };

    for (const Residual& residual : file.residuals) {
      if (count == 0) break;
      Vector flat = column(residual.raw);
      flat.Flatten(rows);
      count = residual.predicate.Filter(flat, sel, count);
    }

    for (const EqualityPlan& plan : file.equality) {
      if (count == 0) break;
      std::vector<UnifiedFormat> formats(plan.sources.size());
      std::vector<Vector> keep_alive;
      for (size_t c = 0; c < plan.sources.size(); ++c) {
        const ColumnSource& source = plan.sources[c];
        const Vector& vector = source.kind == ColumnSource::Kind::kFile ? column(source.raw) : source.constant;
        keep_alive.push_back(vector);
        keep_alive.back().ToUnifiedFormat(rows, formats[c]);
      }
      idx_t kept = 0;
      for (idx_t i = 0; i < count; ++i) {
        local.key.clear();
        for (size_t c = 0; c < plan.sources.size(); ++c) {
          AppendRowKey(local.key, formats[c], plan.types[c].physical_type(), formats[c].sel->get_index(sel[i]));
        }
        if (plan.set->keys.count(local.key)) continue;
        sel[kept++] = sel[i];
      }
      state.rows_deleted.fetch_add(static_cast<int64_t>(count - kept));
      count = kept;
    }
    if (count == 0) continue;

    for (size_t i = 0; i < file.outputs.size(); ++i) {
      const ColumnSource& source = file.outputs[i];
      switch (source.kind) {
        case ColumnSource::Kind::kFile:
          output.column(i) = column(source.raw);
          break;
        case ColumnSource::Kind::kConstant:
          output.column(i) = source.constant;
          break;
        case ColumnSource::Kind::kRowId: {
          Vector ids(LogicalType(TypeId::kBigint), rows);
          int64_t base = file.ordinal << kRowIdPositionBits;
          for (idx_t r = 0; r < rows; ++r) ids.data<int64_t>()[r] = base | positions[r];
          output.column(i) = std::move(ids);
          break;
        }
      }
    }
    output.SetSize(rows);
    if (count < rows) output.Slice(local.selection, count);
    state.rows_returned.fetch_add(static_cast<int64_t>(count));
    return;
  }
}

ParquetPredicate::Op ToOp(TableFilter::Kind kind) {
  using Op = ParquetPredicate::Op;
  switch (kind) {
    case TableFilter::Kind::kEqual: return Op::kEqual;
    case TableFilter::Kind::kNotEqual: return Op::kNotEqual;
    case TableFilter::Kind::kLess: return Op::kLess;
    case TableFilter::Kind::kLessEqual: return Op::kLessEqual;
    case TableFilter::Kind::kGreater: return Op::kGreater;
    case TableFilter::Kind::kGreaterEqual: return Op::kGreaterEqual;
    case TableFilter::Kind::kIsNull: return Op::kIsNull;
    case TableFilter::Kind::kIsNotNull: return Op::kIsNotNull;
    case TableFilter::Kind::kIn: return Op::kIn;
  }
  return Op::kEqual;
}

std::vector<ScanPredicate> ToPredicates(const IcebergScanData& data, const std::vector<TableFilter>& filters) {
  std::vector<ScanPredicate> out;
  for (const TableFilter& filter : filters) {
    ScanPredicate predicate;
    predicate.field_id = data.schema->fields()[filter.column].id;
    predicate.predicate.op = ToOp(filter.kind);
    predicate.predicate.constants = filter.constants;
    out.push_back(std::move(predicate));
  }
  return out;
}

}  // namespace

Result<std::vector<int64_t>> DeletedPositions(const FileIO& io, const DataFile& data_file,
                                              const std::vector<DataFilePtr>& deletes) {
  std::vector<int64_t> positions;
  for (const DataFilePtr& file : deletes) {
    if (file->content != FileContent::kPositionDeletes) continue;
    if (file->IsDeletionVector()) {
      SB_ASSIGN_OR_RETURN(std::vector<int64_t> vector, ReadDeletionVector(io, *file));
      positions.insert(positions.end(), vector.begin(), vector.end());
      continue;
    }
    SB_ASSIGN_OR_RETURN(PositionDeletes by_file, ReadPositionDeleteFile(io, *file));
    auto it = by_file.find(data_file.file_path);
    if (it != by_file.end()) positions.insert(positions.end(), it->second.begin(), it->second.end());
  }
  std::sort(positions.begin(), positions.end());
  positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
  return positions;
}

namespace {

std::unique_ptr<GlobalTableState> InitGlobal(const TableScanRequest& request) {
  const auto& data = static_cast<const IcebergScanData&>(*request.bind_data);
  auto state = std::make_unique<IcebergScanState>(data, request);
  state->predicates = ToPredicates(data, request.filters);
  std::string mapping = data.metadata->Property("schema.name-mapping.default");
  if (!mapping.empty()) state->mapping = ParseNameMapping(mapping).ValueOrThrow();
  if (data.snapshot) {
    state->plan = PlanScan(*data.metadata, *data.snapshot, *data.schema, data.io, state->predicates,
                           request.query ? request.query->pool : nullptr)
                      .ValueOrThrow();
    if (data.only_files) {
      auto& tasks = state->plan.tasks;
      tasks.erase(std::remove_if(tasks.begin(), tasks.end(),
                                 [&](const FileScanTask& task) { return !data.only_files->count(task.file->file_path); }),
                  tasks.end());
    }
    std::vector<std::string> paths;
    for (const auto& task : state->plan.tasks) paths.push_back(task.file->file_path);
    data.files->Set(std::move(paths));
  }
  return state;
}

std::string DescribeProgress(const GlobalTableState& global_state) {
  const auto& state = static_cast<const IcebergScanState&>(global_state);
  const ScanPlanStats& stats = state.plan.stats;
  int64_t files_read = state.files_opened.load() - state.files_skipped_at_open.load();
  std::string text = fmt::format("files read: {} of {} ({} pruned by metadata), manifests read: {} of {}, row groups: {}",
                                 files_read, stats.data_files, stats.data_files_skipped + state.files_skipped_at_open.load(),
                                 stats.manifests - stats.manifests_skipped, stats.manifests, state.row_groups.load());
  if (state.row_groups_pruned.load() > 0) text += fmt::format(" ({} pruned)", state.row_groups_pruned.load());
  text += fmt::format(", bytes read: {}", FormatByteSize(state.bytes_read.load()));
  if (stats.delete_files > 0) {
    text += fmt::format(", delete files: {}, rows deleted: {}", stats.delete_files, state.rows_deleted.load());
  }
  return text;
}

TableStatistics Statistics(const FunctionData* bind_data) {
  const auto& data = static_cast<const IcebergScanData&>(*bind_data);
  TableStatistics stats;
  stats.row_count = 0;
  if (data.snapshot) {
    std::string records = data.snapshot->Summary("total-records");
    if (!records.empty()) stats.row_count = std::strtod(records.c_str(), nullptr);
    else stats.row_count.reset();
  }
  stats.distinct_counts.resize(data.types.size());
  return stats;
}

TableFunction MakeScanFunction() {
  TableFunction f;
  f.name = "iceberg_table_scan";
  f.init_global = InitGlobal;
  f.init_local = [](const TableScanRequest&, GlobalTableState&) -> std::unique_ptr<LocalTableState> {
    return std::make_unique<IcebergLocalState>();
  };
  f.scan = Scan;
  f.statistics = Statistics;
  f.describe = [](const FunctionData* bind_data) {
    const auto& data = static_cast<const IcebergScanData&>(*bind_data);
    if (!data.snapshot) return std::string("snapshot=none");
    std::string files = data.snapshot->Summary("total-data-files");
    return fmt::format("snapshot={}{}", data.snapshot->snapshot_id, files.empty() ? "" : " data files=" + files);
  };
  f.describe_progress = DescribeProgress;
  f.accepts_filter = [](const FunctionData* bind_data, const TableFilter& filter) {
    const auto& data = static_cast<const IcebergScanData&>(*bind_data);
    return filter.column < data.types.size() && !data.types[filter.column].IsNested();
  };
  return f;
}

/// iceberg_scan(path [, version => ..., snapshot_id => ..., timestamp => ...]).
TableFunctionBindResult BindIcebergScan(TableFunctionBindInput& input) {
  if (input.arguments.size() != 1 || input.arguments[0].is_null() || !input.arguments[0].type().IsString()) {
    SB_THROW(kInvalidParameter, "iceberg_scan() needs the path of a table folder or metadata file");
  }
  std::string version;
  std::optional<int64_t> snapshot_id;
  std::optional<int64_t> timestamp_ms;
  for (const auto& [name, value] : input.named) {
    if (value.is_null()) continue;
    if (name == "version") {
      version = value.ToString();
    } else if (name == "snapshot_id") {
      snapshot_id = CastValue(value, LogicalType(TypeId::kBigint)).GetInt64();
    } else if (name == "timestamp") {
      CastOptions options;
      options.query = input.query;
      timestamp_ms = FloorDiv(CastValue(value, LogicalType::TimestampTz(6), options).GetTimestampTz().micros, 1000);
    }
  }
  LoadedTable table = LoadTableFromPath(input.arguments[0].GetString(), version).ValueOrThrow();
  const TableMetadata& metadata = *table.metadata;
  SnapshotPtr snapshot = metadata.CurrentSnapshot();
  SchemaPtr schema = metadata.CurrentSchema();
  if (snapshot_id) {
    snapshot = metadata.SnapshotById(*snapshot_id);
    if (!snapshot) SB_THROW(kInvalidParameter, "Snapshot {} does not exist in '{}'", *snapshot_id, table.metadata_path);
    schema = metadata.SchemaFor(*snapshot);
  } else if (timestamp_ms) {
    snapshot = metadata.SnapshotAsOf(*timestamp_ms);
    if (!snapshot) SB_THROW(kInvalidParameter, "'{}' has no snapshot as of that time", input.arguments[0].GetString());
    schema = metadata.SchemaFor(*snapshot);
  }
  auto data = MakeScanData(table.metadata, table.io, snapshot, schema).ValueOrThrow();
  data->display_name = input.arguments[0].GetString();
  TableFunctionBindResult result;
  result.names = data->names;
  result.types = data->types;
  result.bind_data = std::make_unique<IcebergScanData>(std::move(*data));
  return result;
}

}  // namespace

std::string ScanFileRegistry::PathOf(int64_t ordinal) const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ordinal >= 0 && static_cast<size_t>(ordinal) < paths_.size() ? paths_[static_cast<size_t>(ordinal)] : "";
}

void ScanFileRegistry::Set(std::vector<std::string> paths) {
  std::lock_guard<std::mutex> lock(mutex_);
  paths_ = std::move(paths);
}

Result<std::shared_ptr<IcebergScanData>> MakeScanData(std::shared_ptr<const TableMetadata> metadata, FileIO io,
                                                      SnapshotPtr snapshot, SchemaPtr schema) {
  auto data = std::make_shared<IcebergScanData>();
  if (!schema) schema = snapshot ? metadata->SchemaFor(*snapshot) : metadata->CurrentSchema();
  for (const NestedField& field : schema->fields()) {
    Result<LogicalType> type = ToLogicalType(*field.type);
    if (!type.ok()) {
      return Error{ErrorCode::kNotSupported, fmt::format("Column '{}': {}", field.name, type.error().message)};
    }
    data->names.push_back(field.name);
    data->types.push_back(std::move(*type));
  }
  data->metadata = std::move(metadata);
  data->io = std::move(io);
  data->snapshot = std::move(snapshot);
  data->schema = std::move(schema);
  return data;
}

const TableFunction& IcebergScanFunction() {
  static const TableFunction function = MakeScanFunction();
  return function;
}

void RegisterIcebergFunctions(FunctionRegistry& registry) {
  TableFunction f = IcebergScanFunction();
  f.name = "iceberg_scan";
  f.arguments = {LogicalType::Varchar()};
  f.named_parameters = {{"version", LogicalType(TypeId::kInvalid)},
                        {"snapshot_id", LogicalType(TypeId::kBigint)},
                        {"timestamp", LogicalType(TypeId::kInvalid)}};
  f.bind = BindIcebergScan;
  f.signature = "iceberg_scan(path [, version => v] [, snapshot_id => id] [, timestamp => ts])";
  f.description =
      "Reads an Apache Iceberg table by path: a table folder (its current metadata) or a metadata JSON file, "
      "at its current snapshot or the one given";
  f.example = "SELECT count(*) FROM iceberg_scan('warehouse/db/events', snapshot_id => 3055729675574597004)";
  registry.AddTable(std::move(f));
}

}  // namespace switchboard::iceberg
