// QueryResult: the outcome of one statement: column names and types, and the rows, fully
// materialized.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "types/chunk_collection.h"
#include "types/value.h"

namespace switchboard {

class QueryResult {
 public:
  QueryResult(std::string statement_type, std::vector<std::string> names, std::unique_ptr<ChunkCollection> rows);

  /// "SELECT", "INSERT", "CREATE TABLE", "EXPLAIN", ... (the statement that produced it).
  const std::string& statement_type() const { return statement_type_; }
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<LogicalType>& types() const { return rows_->types(); }
  idx_t ColumnCount() const { return names_.size(); }
  idx_t RowCount() const { return rows_->size(); }
  const ChunkCollection& rows() const { return *rows_; }
  /// Slow accessor for tests and formatting.
  Value GetValue(idx_t column, idx_t row) const { return rows_->GetValue(column, row); }
  /// Milliseconds the statement took (parse to last row).
  double elapsed_ms() const { return elapsed_ms_; }
  void set_elapsed_ms(double ms) { elapsed_ms_ = ms; }

 private:
  std::string statement_type_;
  std::vector<std::string> names_;
  std::unique_ptr<ChunkCollection> rows_;
  double elapsed_ms_ = 0;
};

}  // namespace switchboard
