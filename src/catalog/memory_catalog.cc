// MemoryCatalog and in-memory tables. A table's rows are an immutable snapshot (a list of shared
// chunks); writers build a new snapshot and swap it in, so scans never see partial changes.
#include "catalog/memory_catalog.h"

#include <algorithm>
#include <atomic>

#include "catalog/external_table.h"
#include "common/memory_tracker.h"
#include "common/string_util.h"
#include "types/chunk_collection.h"

namespace switchboard {

namespace {

// A row id is the row's position in the snapshot a statement scanned, tagged with that
// snapshot's version, so a change computed on an older snapshot is detected instead of applied
// to the rows that now sit at those positions.
constexpr int kRowPositionBits = 36;
constexpr int64_t kRowPositionMask = (int64_t{1} << kRowPositionBits) - 1;
constexpr uint64_t kSnapshotVersionMask = (uint64_t{1} << (63 - kRowPositionBits)) - 1;

struct TableSnapshot {
  std::vector<std::shared_ptr<const DataChunk>> chunks;
  std::vector<idx_t> offsets;  // first row position of each chunk
  idx_t rows = 0;
  uint64_t version = 0;  // one more per commit, modulo kSnapshotVersionMask + 1

  void Add(std::shared_ptr<const DataChunk> chunk) {
    offsets.push_back(rows);
    rows += chunk->size();
    chunks.push_back(std::move(chunk));
  }
};

struct MemoryScanData : FunctionData {
  std::shared_ptr<const TableSnapshot> snapshot;
};

class MemoryScanState : public GlobalTableState {
 public:
  explicit MemoryScanState(idx_t chunks) : chunks_(chunks) {}
  idx_t MaxThreads() const override { return std::max<idx_t>(1, chunks_); }
  std::atomic<idx_t> next{0};

 private:
  idx_t chunks_;
};

void MemoryScan(const TableScanRequest& request, GlobalTableState& global, LocalTableState&, DataChunk& output) {
  const auto& data = static_cast<const MemoryScanData&>(*request.bind_data);
  auto& state = static_cast<MemoryScanState&>(global);
  idx_t index = state.next.fetch_add(1);
  if (index >= data.snapshot->chunks.size()) {
    output.SetSize(0);
    return;
  }
  const DataChunk& chunk = *data.snapshot->chunks[index];
  for (idx_t i = 0; i < request.column_ids.size(); ++i) {
    idx_t id = request.column_ids[i];
    if (id == kRowIdColumn) {
      Vector& row_ids = output.column(i);
      int64_t* out = row_ids.data<int64_t>();
      int64_t base = static_cast<int64_t>(data.snapshot->version << kRowPositionBits) |
                     static_cast<int64_t>(data.snapshot->offsets[index]);
      for (idx_t r = 0; r < chunk.size(); ++r) out[r] = base + static_cast<int64_t>(r);
    } else {
      output.column(i) = chunk.column(id);
    }
  }
  output.SetSize(chunk.size());
}

TableFunction MakeMemoryScanFunction() {
  TableFunction f;
  f.name = "memory_scan";
  f.init_global = [](const TableScanRequest& request) -> std::unique_ptr<GlobalTableState> {
    const auto& data = static_cast<const MemoryScanData&>(*request.bind_data);
    return std::make_unique<MemoryScanState>(data.snapshot->chunks.size());
  };
  f.init_local = [](const TableScanRequest&, GlobalTableState&) { return std::make_unique<LocalTableState>(); };
  f.scan = MemoryScan;
  f.statistics = [](const FunctionData* bind_data) {
    TableStatistics stats;
    stats.row_count = static_cast<double>(static_cast<const MemoryScanData*>(bind_data)->snapshot->rows);
    return stats;
  };
  return f;
}

// Builds full chunks from rows appended one batch at a time. Each finished chunk is charged to
// `tracker` (when set) for as long as any snapshot holds it.
class SnapshotBuilder {
 public:
  SnapshotBuilder(std::vector<LogicalType> types, MemoryTracker* tracker)
      : types_(std::move(types)), tracker_(tracker) {}

  void Append(const DataChunk& chunk, const SelectionVector& sel, idx_t count) {
    idx_t done = 0;
    while (done < count) {
      if (!current_ || current_->size() == kVectorSize) Flush();
      if (!current_) {
        current_ = std::make_unique<DataChunk>();
        current_->Initialize(types_);
      }
      idx_t take = std::min(kVectorSize - current_->size(), count - done);
      SelectionVector part(take);
      for (idx_t i = 0; i < take; ++i) part.set_index(i, sel.get_index(done + i));
      current_->Append(chunk, part, take);
      done += take;
    }
  }
  void Append(const DataChunk& chunk) {
    Append(chunk, SelectionVector(), chunk.size());
  }
  std::shared_ptr<TableSnapshot> Finish() {
    Flush();
    return std::move(snapshot_);
  }

 private:
  void Flush() {
    if (current_ && current_->size() > 0) snapshot_->Add(Track(std::move(current_)));
    current_.reset();
  }
  std::shared_ptr<const DataChunk> Track(std::unique_ptr<DataChunk> chunk) {
    if (!tracker_) return chunk;
    int64_t bytes = EstimateChunkBytes(*chunk, chunk->size());
    tracker_->Reserve(bytes);
    MemoryTracker* tracker = tracker_;
    return std::shared_ptr<const DataChunk>(chunk.release(), [tracker, bytes](const DataChunk* owned) {
      tracker->Release(bytes);
      delete owned;
    });
  }
  std::vector<LogicalType> types_;
  MemoryTracker* tracker_;
  std::unique_ptr<DataChunk> current_;
  std::shared_ptr<TableSnapshot> snapshot_ = std::make_shared<TableSnapshot>();
};

class MemoryTable : public TableEntry, public std::enable_shared_from_this<MemoryTable> {
 public:
  explicit MemoryTable(MemoryTracker* tracker) : tracker_(tracker), snapshot_(std::make_shared<TableSnapshot>()) {}

  TableFunction ScanFunction() const override {
    static const TableFunction function = MakeMemoryScanFunction();
    return function;
  }
  std::shared_ptr<const FunctionData> ScanBindData() const override {
    auto data = std::make_shared<MemoryScanData>();
    data->snapshot = Current();
    return data;
  }
  std::optional<double> EstimatedRows() const override { return static_cast<double>(Current()->rows); }

  std::unique_ptr<TableAppender> CreateAppender(bool overwrite) override;

  void DeleteRows(const std::vector<int64_t>& row_ids) override {
    std::lock_guard<std::mutex> write(write_mutex_);
    auto old = Current();
    std::vector<bool> deleted(old->rows, false);
    for (int64_t id : row_ids) deleted[Position(id, *old)] = true;
    SnapshotBuilder builder(ColumnTypes(), tracker_);
    for (size_t c = 0; c < old->chunks.size(); ++c) {
      const DataChunk& chunk = *old->chunks[c];
      SelectionVector keep(chunk.size());
      idx_t kept = 0;
      for (idx_t r = 0; r < chunk.size(); ++r) {
        if (!deleted[old->offsets[c] + r]) keep.set_index(kept++, r);
      }
      if (kept == chunk.size()) builder.Append(chunk);
      else if (kept > 0) builder.Append(chunk, keep, kept);
    }
    Publish(builder.Finish());
  }

  void UpdateRows(const std::vector<int64_t>& row_ids, const std::vector<idx_t>& column_ids,
                  const ChunkCollection& values) override {
    std::lock_guard<std::mutex> write(write_mutex_);
    auto old = Current();
    // Row id -> position of its new values (last update of a row wins).
    std::vector<int64_t> source(old->rows, -1);
    for (size_t i = 0; i < row_ids.size(); ++i) source[Position(row_ids[i], *old)] = static_cast<int64_t>(i);
    SnapshotBuilder builder(ColumnTypes(), tracker_);
    for (size_t c = 0; c < old->chunks.size(); ++c) {
      const DataChunk& chunk = *old->chunks[c];
      DataChunk updated;
      updated.Initialize(ColumnTypes(), std::max<idx_t>(chunk.size(), 1));
      updated.Append(chunk);
      for (idx_t r = 0; r < chunk.size(); ++r) {
        int64_t from = source[old->offsets[c] + r];
        if (from < 0) continue;
        for (size_t k = 0; k < column_ids.size(); ++k) {
          updated.column(column_ids[k]).SetValue(r, values.GetValue(k, static_cast<idx_t>(from)));
        }
      }
      builder.Append(updated);
    }
    Publish(builder.Finish());
  }

  std::shared_ptr<const TableSnapshot> Current() const {
    std::lock_guard<std::mutex> lock(snapshot_mutex_);
    return snapshot_;
  }
  /// Makes `snapshot` the current one, as the next version.
  void Publish(std::shared_ptr<TableSnapshot> snapshot) {
    std::lock_guard<std::mutex> lock(snapshot_mutex_);
    snapshot->version = (snapshot_->version + 1) & kSnapshotVersionMask;
    snapshot_ = std::move(snapshot);
  }
  std::mutex& write_mutex() { return write_mutex_; }
  MemoryTracker* tracker() const { return tracker_; }

 private:
  /// The position in `current` of the row `row_id` names; throws kCommitConflict when the id
  /// comes from a scan of an earlier snapshot (another statement changed the table since).
  size_t Position(int64_t row_id, const TableSnapshot& current) const {
    uint64_t version = static_cast<uint64_t>(row_id) >> kRowPositionBits;
    int64_t position = row_id & kRowPositionMask;
    if (version != current.version || position >= static_cast<int64_t>(current.rows)) {
      SB_THROW(kCommitConflict, "Table '{}' was changed by another statement since this statement read it; run it again",
               name.ToString());
    }
    return static_cast<size_t>(position);
  }

  MemoryTracker* tracker_;
  mutable std::mutex snapshot_mutex_;
  std::mutex write_mutex_;  // serializes writers
  std::shared_ptr<const TableSnapshot> snapshot_;
};

class MemoryAppender : public TableAppender {
 public:
  MemoryAppender(std::shared_ptr<MemoryTable> table, bool overwrite)
      : table_(std::move(table)), overwrite_(overwrite), rows_(table_->ColumnTypes(), table_->tracker()) {}

  void Append(const DataChunk& chunk) override {
    for (idx_t c = 0; c < chunk.ColumnCount(); ++c) CheckNotNull(chunk, c);
    std::lock_guard<std::mutex> lock(mutex_);
    rows_.Append(chunk);
  }

  void Commit() override {
    std::lock_guard<std::mutex> write(table_->write_mutex());
    auto old = table_->Current();
    auto fresh = std::make_shared<TableSnapshot>();
    std::shared_ptr<TableSnapshot> added = rows_.Finish();
    if (!overwrite_) {
      // Keep the old chunks; merge a small last chunk with the new rows so that single-row
      // inserts do not leave a chunk per row.
      size_t keep = old->chunks.size();
      bool merge_tail = keep > 0 && old->chunks.back()->size() < kVectorSize && !added->chunks.empty();
      if (merge_tail) --keep;
      for (size_t i = 0; i < keep; ++i) fresh->Add(old->chunks[i]);
      if (merge_tail) {
        SnapshotBuilder tail(table_->ColumnTypes(), table_->tracker());
        tail.Append(*old->chunks.back());
        for (auto& chunk : added->chunks) tail.Append(*chunk);
        added = tail.Finish();
      }
    }
    for (auto& chunk : added->chunks) fresh->Add(chunk);
    table_->Publish(std::move(fresh));
  }

 private:
  void CheckNotNull(const DataChunk& chunk, idx_t column) const {
    const ColumnDefinition& def = table_->columns[column];
    if (def.nullable) return;
    UnifiedFormat format;
    chunk.column(column).ToUnifiedFormat(chunk.size(), format);
    for (idx_t r = 0; r < chunk.size(); ++r) {
      if (!format.RowIsValid(r)) {
        SB_THROW(kNotNullViolation, "NULL value not allowed for NOT NULL column: {}", def.name);
      }
    }
  }

  std::shared_ptr<MemoryTable> table_;
  bool overwrite_;
  std::mutex mutex_;
  SnapshotBuilder rows_;
};

std::unique_ptr<TableAppender> MemoryTable::CreateAppender(bool overwrite) {
  return std::make_unique<MemoryAppender>(shared_from_this(), overwrite);
}

// Finds `name` in a map: exactly, else case-insensitively when that is unambiguous.
template <typename Map>
typename Map::iterator FindName(Map& map, const std::string& name) {
  auto it = map.find(name);
  if (it != map.end()) return it;
  auto found = map.end();
  for (auto candidate = map.begin(); candidate != map.end(); ++candidate) {
    if (EqualsIgnoreCase(candidate->first, name)) {
      if (found != map.end()) return map.end();
      found = candidate;
    }
  }
  return found;
}

}  // namespace

std::shared_ptr<TableEntry> CreateMemoryTable(QualifiedName name, std::vector<ColumnDefinition> columns,
                                              MemoryTracker* tracker) {
  auto table = std::make_shared<MemoryTable>(tracker);
  table->name = std::move(name);
  table->columns = std::move(columns);
  return table;
}

idx_t TableEntry::ColumnIndex(const std::string& column) const {
  for (idx_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) return i;
  }
  for (idx_t i = 0; i < columns.size(); ++i) {
    if (EqualsIgnoreCase(columns[i].name, column)) return i;
  }
  return kRowIdColumn;
}

std::vector<std::string> TableEntry::ColumnNames() const {
  std::vector<std::string> names;
  for (const auto& c : columns) names.push_back(c.name);
  return names;
}

std::vector<LogicalType> TableEntry::ColumnTypes() const {
  std::vector<LogicalType> types;
  for (const auto& c : columns) types.push_back(c.type);
  return types;
}

MemoryCatalog::MemoryCatalog(std::string name, MemoryTracker* tracker) : Catalog(std::move(name)), tracker_(tracker) {
  schemas_["default"];
}

Result<MemoryCatalog::Schema*> MemoryCatalog::FindSchema(const std::string& schema) {
  auto it = FindName(schemas_, schema);
  if (it == schemas_.end()) {
    std::vector<std::string> names;
    for (auto& [n, _] : schemas_) names.push_back(n);
    return Error{ErrorCode::kUndefinedSchema,
                 fmt::format("Schema '{}' does not exist{}", schema, DidYouMean(schema, names))};
  }
  return &it->second;
}

Result<std::vector<std::string>> MemoryCatalog::ListSchemas() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> names;
  for (auto& [n, _] : schemas_) names.push_back(n);
  return names;
}

Result<bool> MemoryCatalog::SchemaExists(const std::string& schema) {
  std::lock_guard<std::mutex> lock(mutex_);
  return FindName(schemas_, schema) != schemas_.end();
}

Result<void> MemoryCatalog::CreateSchema(const std::string& schema, bool if_not_exists,
                                         const std::string& comment, const std::string&) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (FindName(schemas_, schema) != schemas_.end()) {
    if (if_not_exists) return Ok();
    return Error{ErrorCode::kDuplicateObject, fmt::format("Schema '{}' already exists", schema)};
  }
  schemas_[schema].comment = comment;
  return Ok();
}

Result<void> MemoryCatalog::DropSchema(const std::string& schema, bool if_exists, bool cascade) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = FindName(schemas_, schema);
  if (it == schemas_.end()) {
    if (if_exists) return Ok();
    return Error{ErrorCode::kUndefinedSchema, fmt::format("Schema '{}' does not exist", schema)};
  }
  if (!cascade && (!it->second.tables.empty() || !it->second.views.empty())) {
    return Error{ErrorCode::kInvalidState,
                 fmt::format("Cannot drop non-empty schema '{}' (use CASCADE)", schema)};
  }
  schemas_.erase(it);
  return Ok();
}

Result<std::vector<std::string>> MemoryCatalog::ListTables(const std::string& schema) {
  std::lock_guard<std::mutex> lock(mutex_);
  SB_ASSIGN_OR_RETURN(Schema * s, FindSchema(schema));
  std::vector<std::string> names;
  for (auto& [n, _] : s->tables) names.push_back(n);
  return names;
}

Result<std::shared_ptr<TableEntry>> MemoryCatalog::GetTable(const std::string& schema, const std::string& table) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto s = FindName(schemas_, schema);
  if (s == schemas_.end()) return std::shared_ptr<TableEntry>();
  auto it = FindName(s->second.tables, table);
  return it == s->second.tables.end() ? std::shared_ptr<TableEntry>() : it->second;
}

Result<std::shared_ptr<TableEntry>> MemoryCatalog::CreateTable(const CreateTableInfo& info) {
  if ((!info.partitioning.empty() || !info.location.empty() || !info.format.empty()) && !info.external) {
    return Error{ErrorCode::kNotSupported,
                 fmt::format("Catalog '{}' keeps tables in memory: USING, PARTITIONED BY and LOCATION need a warehouse "
                             "catalog (--warehouse DIR, or ATTACH 'folder' AS name)",
                             name())};
  }
  std::lock_guard<std::mutex> lock(mutex_);
  SB_ASSIGN_OR_RETURN(Schema * s, FindSchema(info.name.schema));
  auto existing = FindName(s->tables, info.name.name);
  if (existing != s->tables.end()) {
    if (info.if_not_exists) return existing->second;
    if (!info.or_replace) {
      return Error{ErrorCode::kDuplicateObject, fmt::format("Table '{}' already exists", info.name.ToString())};
    }
    s->tables.erase(existing);
  }
  if (FindName(s->views, info.name.name) != s->views.end()) {
    return Error{ErrorCode::kDuplicateObject, fmt::format("A view named '{}' already exists", info.name.ToString())};
  }
  std::shared_ptr<TableEntry> table;
  if (info.external) {
    // Files in a folder; only the definition lives here.
    auto made = CatchErrors([&] { return std::shared_ptr<TableEntry>(CreateExternalTableEntry(info.name, info.columns, *info.external)); });
    if (!made.ok()) return made.error();
    table = std::move(*made);
  } else {
    table = CreateMemoryTable(info.name, info.columns, tracker_);
  }
  table->comment = info.comment;
  s->tables[info.name.name] = table;
  return table;
}

Result<void> MemoryCatalog::DropTable(const std::string& schema, const std::string& table, bool if_exists, bool) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto s = FindName(schemas_, schema);
  if (s != schemas_.end()) {
    auto it = FindName(s->second.tables, table);
    if (it != s->second.tables.end()) {
      s->second.tables.erase(it);
      return Ok();
    }
  }
  if (if_exists) return Ok();
  return Error{ErrorCode::kUndefinedTable, fmt::format("Table '{}.{}.{}' does not exist", name(), schema, table)};
}

Result<void> MemoryCatalog::RenameTable(const std::string& schema, const std::string& table,
                                        const QualifiedName& new_name) {
  std::lock_guard<std::mutex> lock(mutex_);
  SB_ASSIGN_OR_RETURN(Schema * from, FindSchema(schema));
  auto it = FindName(from->tables, table);
  if (it == from->tables.end()) {
    return Error{ErrorCode::kUndefinedTable, fmt::format("Table '{}.{}.{}' does not exist", name(), schema, table)};
  }
  SB_ASSIGN_OR_RETURN(Schema * to, FindSchema(new_name.schema));
  if (FindName(to->tables, new_name.name) != to->tables.end()) {
    return Error{ErrorCode::kDuplicateObject, fmt::format("Table '{}' already exists", new_name.ToString())};
  }
  if (FindName(to->views, new_name.name) != to->views.end()) {
    return Error{ErrorCode::kDuplicateObject, fmt::format("A view named '{}' already exists", new_name.ToString())};
  }
  auto entry = it->second;
  from->tables.erase(it);
  entry->name = new_name;
  to->tables[new_name.name] = entry;
  return Ok();
}

Result<std::vector<std::string>> MemoryCatalog::ListViews(const std::string& schema) {
  std::lock_guard<std::mutex> lock(mutex_);
  SB_ASSIGN_OR_RETURN(Schema * s, FindSchema(schema));
  std::vector<std::string> names;
  for (auto& [n, _] : s->views) names.push_back(n);
  return names;
}

Result<std::shared_ptr<ViewEntry>> MemoryCatalog::GetView(const std::string& schema, const std::string& view) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto s = FindName(schemas_, schema);
  if (s == schemas_.end()) return std::shared_ptr<ViewEntry>();
  auto it = FindName(s->second.views, view);
  return it == s->second.views.end() ? std::shared_ptr<ViewEntry>() : it->second;
}

Result<void> MemoryCatalog::CreateView(const ViewEntry& view, bool or_replace) {
  std::lock_guard<std::mutex> lock(mutex_);
  SB_ASSIGN_OR_RETURN(Schema * s, FindSchema(view.name.schema));
  if (FindName(s->tables, view.name.name) != s->tables.end()) {
    return Error{ErrorCode::kDuplicateObject, fmt::format("A table named '{}' already exists", view.name.ToString())};
  }
  auto existing = FindName(s->views, view.name.name);
  if (existing != s->views.end()) {
    if (!or_replace) return Error{ErrorCode::kDuplicateObject, fmt::format("View '{}' already exists", view.name.ToString())};
    s->views.erase(existing);
  }
  s->views[view.name.name] = std::make_shared<ViewEntry>(view);
  return Ok();
}

Result<void> MemoryCatalog::DropView(const std::string& schema, const std::string& view, bool if_exists) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto s = FindName(schemas_, schema);
  if (s != schemas_.end()) {
    auto it = FindName(s->second.views, view);
    if (it != s->second.views.end()) {
      s->second.views.erase(it);
      return Ok();
    }
  }
  if (if_exists) return Ok();
  return Error{ErrorCode::kUndefinedTable, fmt::format("View '{}.{}.{}' does not exist", name(), schema, view)};
}

}  // namespace switchboard
