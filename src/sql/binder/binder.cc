// Binder core: table indexes, correlated columns, type names and catalog name resolution.
#include "sql/binder/binder.h"

#include "common/string_util.h"
#include "sql/binder/expression_binder.h"

namespace switchboard {

namespace {

[[noreturn]] void ThrowAt(const ast::SourceLocation& location, ErrorCode code, const std::string& message) {
  throw Exception(code, LocationPrefix(location) + message);
}

/// Unquoted identifiers are case-insensitive and stored in lower case; quoted ones as written.
std::string NormalizeIdentifier(const ast::Identifier& identifier) {
  return identifier.quoted ? identifier.name : ToLower(identifier.name);
}

}  // namespace

Binder::Binder(BinderEnvironment& environment, Binder* parent) : environment_(environment), parent_(parent) {}

Binder::~Binder() = default;

idx_t Binder::NewTableIndex() {
  Binder* root = this;
  while (root->parent_) root = root->parent_;
  if (root->table_index_source_) return root->table_index_source_->NewTableIndex();
  return root->next_table_index_++;
}

void Binder::AddCorrelated(const ColumnBinding& binding, const LogicalType& type, idx_t depth) {
  Binder* binder = this;
  for (idx_t d = depth; d > 0 && binder; --d, binder = binder->parent_) {
    bool present = std::any_of(binder->correlated_.begin(), binder->correlated_.end(),
                               [&](const CorrelatedColumn& c) { return c.binding == binding && c.depth == d; });
    if (!present) binder->correlated_.push_back({binding, type, d});
  }
}

ExpressionPtr Binder::BindExpression(const ast::Expression& expression, BindScope& scope) {
  ExpressionBinder binder(*this, scope, {});
  return binder.Bind(expression);
}

LogicalType Binder::BindType(const ast::TypeName& type) const {
  const std::string& name = type.name;
  auto number = [&](size_t i, int64_t fallback) -> int64_t {
    if (i >= type.params.size()) return fallback;
    if (type.params[i].kind != ast::TypeParam::Kind::kNumber) {
      SB_THROW(kTypeMismatch, "Type {} expects a number as parameter {}", name, i + 1);
    }
    return type.params[i].number;
  };
  auto nested = [&](size_t i) -> LogicalType {
    if (i >= type.params.size() || type.params[i].kind == ast::TypeParam::Kind::kNumber) {
      SB_THROW(kTypeMismatch, "Type {} expects a type as parameter {}", name, i + 1);
    }
    return BindType(type.params[i].type);
  };
  auto expect_params = [&](size_t count) {
    if (type.params.size() > count) SB_THROW(kTypeMismatch, "Type {} takes at most {} parameters", name, count);
  };
  auto precision = [&](int64_t fallback) -> int {
    expect_params(1);
    int64_t p = number(0, fallback);
    if (p < 0 || p > 12) SB_THROW(kInvalidParameter, "Invalid precision {} for type {}", p, name);
    if (p > LogicalType::kMaxTimestampPrecision) {
      SB_THROW(kNotSupported, "{}({}) is not supported: precision is limited to {} (microseconds)", name, p,
               LogicalType::kMaxTimestampPrecision);
    }
    return static_cast<int>(p);
  };
  static const std::vector<std::pair<std::string, TypeId>> kSimple = {
      {"boolean", TypeId::kBoolean}, {"tinyint", TypeId::kTinyint}, {"smallint", TypeId::kSmallint},
      {"integer", TypeId::kInteger}, {"bigint", TypeId::kBigint},   {"real", TypeId::kReal},
      {"double", TypeId::kDouble},   {"date", TypeId::kDate},       {"varbinary", TypeId::kVarbinary},
      {"uuid", TypeId::kUuid},       {"json", TypeId::kJson},
      {"interval year to month", TypeId::kIntervalYearMonth},
      {"interval day to second", TypeId::kIntervalDayTime}};
  for (const auto& [simple, id] : kSimple) {
    if (name == simple) {
      expect_params(0);
      return LogicalType(id);
    }
  }
  if (name == "decimal") {
    expect_params(2);
    int64_t p = number(0, 38), s = number(1, 0);
    if (p < 1 || p > 38) SB_THROW(kInvalidParameter, "DECIMAL precision must be between 1 and 38, got {}", p);
    if (s < 0 || s > p) SB_THROW(kInvalidParameter, "DECIMAL scale must be between 0 and the precision ({}), got {}", p, s);
    return LogicalType::Decimal(static_cast<int>(p), static_cast<int>(s));
  }
  if (name == "varchar") {
    expect_params(1);
    int64_t length = number(0, 0);
    if (!type.params.empty() && (length < 1 || length > INT32_MAX)) SB_THROW(kInvalidParameter, "Invalid VARCHAR length {}", length);
    return LogicalType::Varchar(static_cast<uint32_t>(length));
  }
  if (name == "char") {
    expect_params(1);
    int64_t length = number(0, 1);
    if (length < 1 || length > 65536) SB_THROW(kInvalidParameter, "Invalid CHAR length {}", length);
    return LogicalType::Char(static_cast<uint32_t>(length));
  }
  if (name == "time") return LogicalType::Time(precision(3));
  if (name == "timestamp") return LogicalType::Timestamp(precision(3));
  if (name == "timestamp with time zone") return LogicalType::TimestampTz(precision(3));
  if (name == "array") {
    expect_params(1);
    return LogicalType::Array(nested(0));
  }
  if (name == "map") {
    expect_params(2);
    return LogicalType::Map(nested(0), nested(1));
  }
  if (name == "row") {
    if (type.params.empty()) SB_THROW(kTypeMismatch, "ROW needs at least one field");
    std::vector<std::pair<std::string, LogicalType>> fields;
    for (const auto& param : type.params) {
      if (param.kind == ast::TypeParam::Kind::kNumber) SB_THROW(kTypeMismatch, "ROW fields must be types");
      fields.emplace_back(param.kind == ast::TypeParam::Kind::kField ? NormalizeIdentifier(param.field_name) : "",
                          BindType(param.type));
    }
    return LogicalType::Row(std::move(fields));
  }
  if (name == "time with time zone") SB_THROW(kNotSupported, "Type 'time with time zone' is not supported");
  SB_THROW(kUndefinedObject, "Unknown type '{}'", type.ToString());
}

QualifiedName Binder::QualifyName(const ast::QualifiedName& name) const {
  const auto& parts = name.parts;
  QualifiedName out;
  if (parts.size() > 3) {
    ThrowAt(name.location(), ErrorCode::kSyntaxError, fmt::format("Too many dots in table name '{}'", name.ToString()));
  }
  out.name = NormalizeIdentifier(parts.back());
  out.schema = parts.size() >= 2 ? NormalizeIdentifier(parts[parts.size() - 2]) : environment_.current_schema;
  out.catalog = parts.size() == 3 ? NormalizeIdentifier(parts[0]) : environment_.current_catalog;
  auto alias = environment_.schema_aliases.find(ToLower(out.schema));
  if (alias != environment_.schema_aliases.end()) out.schema = alias->second;
  return out;
}

namespace {

/// A metadata table named `table$name`, `catalog.schema.table.name` or `table.name` (when the
/// name does not resolve otherwise): the base table resolved by `binder` and the metadata
/// table's name; nullopt when `name` has no such form.
std::optional<std::pair<ast::QualifiedName, std::string>> MetadataTableParts(const ast::QualifiedName& name,
                                                                          bool after_failure) {
  const ast::Identifier& last = name.parts.back();
  size_t dollar = last.name.rfind('$');
  if (dollar != std::string::npos && dollar > 0 && dollar + 1 < last.name.size()) {
    ast::QualifiedName base = name;
    base.parts.back().name = last.name.substr(0, dollar);
    return std::make_pair(std::move(base), ToLower(last.name.substr(dollar + 1)));
  }
  if (name.parts.size() == 4 || (after_failure && name.parts.size() >= 2)) {
    ast::QualifiedName base = name;
    base.parts.pop_back();
    return std::make_pair(std::move(base), NormalizeIdentifier(last));
  }
  return std::nullopt;
}

}  // namespace

std::optional<ResolvedTable> Binder::ResolveMetadataTable(const ast::QualifiedName& name, bool after_failure) {
  auto parts = MetadataTableParts(name, after_failure);
  if (!parts) return std::nullopt;
  ResolvedTable base;
  try {
    base = ResolveTable(parts->first, false);
  } catch (const Exception&) {
    if (after_failure) return std::nullopt;
    throw;
  }
  std::shared_ptr<TableEntry> table = base.table->MetadataTable(parts->second);
  if (!table) {
    if (after_failure) return std::nullopt;
    ThrowAt(name.location(), ErrorCode::kUndefinedTable,
            fmt::format("Table '{}' has no metadata table '{}'", base.table->name.ToString(), parts->second));
  }
  base.table = std::move(table);
  return base;
}

ResolvedTable Binder::ResolveTable(const ast::QualifiedName& name, bool allow_view) {
  const auto& location = name.location();
  if (name.parts.size() == 4 || (name.parts.back().name.find('$') != std::string::npos &&
                                 MetadataTableParts(name, false))) {
    if (auto metadata = ResolveMetadataTable(name, false)) return *metadata;
  }
  ResolvedTable resolved;
  if (name.parts.size() == 1 && environment_.temp_catalog) {
    auto table = environment_.temp_catalog->GetTable("default", NormalizeIdentifier(name.parts[0])).ValueOrThrow();
    if (table) {
      resolved.catalog = environment_.temp_catalog;
      resolved.schema = "default";
      resolved.table = table;
      return resolved;
    }
    if (allow_view) {
      auto view = environment_.temp_catalog->GetView("default", NormalizeIdentifier(name.parts[0])).ValueOrThrow();
      if (view) {
        resolved.catalog = environment_.temp_catalog;
        resolved.schema = "default";
        resolved.view = view;
        return resolved;
      }
    }
  }
  QualifiedName qualified = QualifyName(name);
  auto catalog = environment_.get_catalog(qualified.catalog);
  if (!catalog) {
    ThrowAt(location, ErrorCode::kUndefinedObject, fmt::format("Catalog '{}' does not exist", qualified.catalog));
  }
  resolved.catalog = catalog;
  resolved.schema = qualified.schema;
  auto table = catalog->GetTable(qualified.schema, qualified.name);
  if (!table.ok()) ThrowAt(location, table.error().code, table.error().message);
  if (*table) {
    resolved.table = *table;
    return resolved;
  }
  if (allow_view) {
    auto view = catalog->GetView(qualified.schema, qualified.name);
    if (!view.ok()) ThrowAt(location, view.error().code, view.error().message);
    if (*view) {
      resolved.view = *view;
      return resolved;
    }
  }
  if (auto metadata = ResolveMetadataTable(name, true)) return *metadata;
  auto exists = catalog->SchemaExists(qualified.schema);
  if (exists.ok() && !*exists) {
    auto schemas = catalog->ListSchemas();
    ThrowAt(location, ErrorCode::kUndefinedSchema,
            fmt::format("Schema '{}' does not exist{}", qualified.schema,
                        schemas.ok() ? DidYouMean(qualified.schema, *schemas) : ""));
  }
  std::vector<std::string> candidates;
  if (auto tables = catalog->ListTables(qualified.schema); tables.ok()) candidates = *tables;
  if (auto views = catalog->ListViews(qualified.schema); views.ok()) {
    candidates.insert(candidates.end(), views->begin(), views->end());
  }
  for (const auto& [cte_name, _] : ctes_) candidates.push_back(cte_name);
  ThrowAt(location, ErrorCode::kUndefinedTable,
          fmt::format("Table '{}' does not exist{}", qualified.ToString(), DidYouMean(qualified.name, candidates)));
}

const Binder::CteDefinition* Binder::FindCte(const std::string& name) const {
  for (const Binder* b = this; b; b = b->parent_) {
    auto it = b->ctes_.find(ToLower(name));
    if (it != b->ctes_.end()) return &it->second;
  }
  return nullptr;
}

Binder::CteDefinition* Binder::FindCte(const std::string& name) {
  return const_cast<CteDefinition*>(static_cast<const Binder*>(this)->FindCte(name));
}

}  // namespace switchboard
