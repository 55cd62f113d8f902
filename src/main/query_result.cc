// QueryResult construction.
#include "main/query_result.h"

namespace switchboard {

QueryResult::QueryResult(std::string statement_type, std::vector<std::string> names,
                         std::unique_ptr<ChunkCollection> rows)
    : statement_type_(std::move(statement_type)), names_(std::move(names)), rows_(std::move(rows)) {}

}  // namespace switchboard
