// The data-definition grammar: CREATE (schemas, tables, views, stages, file formats, external
// schemas), DROP, ALTER TABLE, and the property and option lists they use.
#include <fmt/format.h>

#include "common/string_util.h"
#include "sql/parser/sql_parser.h"

namespace switchboard::parser {

namespace {

// A clause that may appear once, at `token`, must not have been seen before.
void CheckNotRepeated(bool seen, const Token& token) {
  if (seen)
    SB_THROW(kSyntaxError, "{}: duplicate {} clause", token.location.ToString(),
             ToUpper(token.text));
}

}  // namespace

ast::StatementPtr SqlParser::ParseCreate(ast::SourceLocation location) {
  bool or_replace = false;
  if (AcceptKeyword("OR")) {
    ExpectKeyword("REPLACE");
    or_replace = true;
  }
  bool temporary = AcceptKeyword("TEMPORARY") || AcceptKeyword("TEMP");
  bool external = AcceptKeyword("EXTERNAL");
  if (AcceptKeyword("TABLE")) return ParseCreateTable(location, or_replace, temporary, external);
  if (!external && AcceptKeyword("VIEW")) return ParseCreateView(location, or_replace, temporary);
  if (!or_replace && !temporary && (AcceptKeyword("SCHEMA") || AcceptKeyword("DATABASE"))) {
    return external ? ParseCreateExternalSchema(location) : ParseCreateSchema(location);
  }
  if (!temporary && !external) {
    if (AcceptKeyword("STAGE")) {
      bool if_not_exists = ParseIfNotExists();
      auto stage = std::make_unique<ast::CreateStage>(location, ParseQualifiedName());
      stage->or_replace = or_replace;
      stage->if_not_exists = if_not_exists;
      while (PeekIdentifier() && PeekSymbol("=", 1))
        stage->options.push_back(ParseSnowflakeOption());
      return stage;
    }
    if (AcceptKeyword("FILE")) {
      ExpectKeyword("FORMAT");
      bool if_not_exists = ParseIfNotExists();
      auto format = std::make_unique<ast::CreateFileFormat>(location, ParseQualifiedName());
      format->or_replace = or_replace;
      format->if_not_exists = if_not_exists;
      while (PeekIdentifier() && PeekSymbol("=", 1))
        format->options.push_back(ParseSnowflakeOption());
      return format;
    }
    if (!or_replace && AcceptKeyword("ROLE")) {
      return std::make_unique<ast::CreateRole>(location, ParseIdentifier());
    }
    if (!or_replace && AcceptKeyword("USER")) return ParseCreateUser(location);
  }
  FailUnexpected();
}

// ---------------------------------------------------------------------------------------------
// CREATE TABLE

ast::StatementPtr SqlParser::ParseCreateTable(ast::SourceLocation location, bool or_replace,
                                              bool temporary, bool external) {
  bool if_not_exists = ParseIfNotExists();
  auto table = std::make_unique<ast::CreateTable>(location, ParseQualifiedName());
  table->or_replace = or_replace;
  table->temporary = temporary;
  table->external = external;
  table->if_not_exists = if_not_exists;
  if (PeekSymbol("(") && !IsQueryAhead(0)) ParseTableElements(*table);
  ParseCreateTableClauses(*table);
  if (AcceptKeyword("AS")) {
    table->query = ParseQuery();
    if (PeekKeyword("WITH") && (PeekKeyword("DATA", 1) || PeekKeyword("NO", 1))) {
      Advance();
      table->with_no_data = AcceptKeyword("NO");
      ExpectKeyword("DATA");
    }
  }
  return table;
}

void SqlParser::ParseTableElements(ast::CreateTable& table) {
  ExpectSymbol("(");
  do {
    // `(a, b) AS query` names the query's columns; otherwise each element defines a column.
    bool name_only = PeekIdentifier() && (PeekSymbol(",", 1) || PeekSymbol(")", 1));
    if (name_only ? !table.columns.empty() : !table.column_aliases.empty()) {
      FailAt(Peek(), "column names and column definitions cannot be mixed");
    }
    if (name_only) {
      table.column_aliases.push_back(ParseIdentifier());
    } else {
      table.columns.push_back(ParseColumnDefinition());
    }
  } while (AcceptSymbol(","));
  ExpectSymbol(")");
}

void SqlParser::ParseCreateTableClauses(ast::CreateTable& table) {
  while (true) {
    const Token& token = Peek();
    if (AcceptKeyword("USING")) {
      CheckNotRepeated(table.using_format.has_value(), token);
      table.using_format = ParseIdentifier();
    } else if (AcceptKeyword("PARTITIONED")) {
      CheckNotRepeated(!table.partitioned_by.empty() || !table.partition_columns.empty(), token);
      ExpectKeyword("BY");
      ExpectSymbol("(");
      do {
        // Hive defines partition columns here (`dt string`); Spark and Iceberg name columns and
        // transforms (`category`, `days(ts)`). One list holds one kind.
        bool column = PeekIdentifier() && PeekTypeStart(1);
        if (column ? !table.partitioned_by.empty() : !table.partition_columns.empty()) {
          FailAt(Peek(), "partition column definitions and partition transforms cannot be mixed");
        }
        if (column) {
          table.partition_columns.push_back(ParseColumnDefinition());
        } else {
          table.partitioned_by.push_back(ParseExpression());
        }
      } while (AcceptSymbol(","));
      ExpectSymbol(")");
    } else if (AcceptKeyword("ROW")) {
      CheckNotRepeated(table.row_format.has_value(), token);
      table.row_format = ParseRowFormat(token.location);
    } else if (AcceptKeyword("STORED")) {
      CheckNotRepeated(table.stored_as.has_value(), token);
      ExpectKeyword("AS");
      table.stored_as = ParseIdentifier();
    } else if (AcceptKeyword("LOCATION")) {
      CheckNotRepeated(table.location_uri.has_value(), token);
      AcceptSymbol("=");
      if (Peek().type == TokenType::kStagePath) {
        table.location_uri = std::string(Advance().text);
        table.location_is_stage = true;
      } else {
        table.location_uri = ParseString();
      }
    } else if (AcceptKeyword("COMMENT")) {
      CheckNotRepeated(table.comment.has_value(), token);
      AcceptSymbol("=");
      table.comment = ParseString();
    } else if (AcceptKeyword("TBLPROPERTIES")) {
      CheckNotRepeated(!table.tblproperties.empty(), token);
      table.tblproperties = ParseStringKeyProperties();
    } else if (PeekKeyword("WITH") && PeekSymbol("(", 1)) {
      CheckNotRepeated(!table.properties.empty(), token);
      Advance();
      table.properties = ParseProperties();
    } else if (PeekIdentifier() && PeekSymbol("=", 1)) {
      table.options.push_back(ParseSnowflakeOption());
    } else {
      for (std::string_view clause : {"USING", "PARTITIONED", "ROW", "STORED", "LOCATION",
                                      "COMMENT", "TBLPROPERTIES", "WITH", "AS"}) {
        Expecting(clause);
      }
      return;
    }
  }
}

ast::RowFormat SqlParser::ParseRowFormat(ast::SourceLocation location) {
  ast::RowFormat format;
  format.location = location;
  ExpectKeyword("FORMAT");
  if (AcceptKeyword("SERDE")) {
    format.serde = ParseString();
    if (PeekKeyword("WITH") && PeekKeyword("SERDEPROPERTIES", 1)) {
      Advance();
      Advance();
      format.serde_properties = ParseStringKeyProperties();
    }
    return format;
  }
  ExpectKeyword("DELIMITED");
  // Each `<words> 'value'` clause at most once, in Hive's order.
  auto clause = [&](std::initializer_list<std::string_view> words,
                    std::optional<std::string>& value) {
    if (!PeekKeyword(*words.begin())) {
      Expecting(*words.begin());
      return;
    }
    for (std::string_view word : words) ExpectKeyword(word);
    value = ParseString();
  };
  clause({"FIELDS", "TERMINATED", "BY"}, format.fields_terminated_by);
  if (format.fields_terminated_by) clause({"ESCAPED", "BY"}, format.escaped_by);
  clause({"COLLECTION", "ITEMS", "TERMINATED", "BY"}, format.collection_items_terminated_by);
  clause({"MAP", "KEYS", "TERMINATED", "BY"}, format.map_keys_terminated_by);
  clause({"LINES", "TERMINATED", "BY"}, format.lines_terminated_by);
  clause({"NULL", "DEFINED", "AS"}, format.null_defined_as);
  return format;
}

ast::ColumnDefinition SqlParser::ParseColumnDefinition() {
  ast::ColumnDefinition column;
  column.location = Location();
  column.name = ParseQualifiedName();
  column.type = ParseType();
  while (true) {
    if (PeekKeyword("NOT") && PeekKeyword("NULL", 1)) {
      Advance();
      Advance();
      column.not_null = true;
    } else if (AcceptKeyword("NULL")) {
      column.not_null = false;
    } else if (AcceptKeyword("DEFAULT")) {
      column.default_value = ParseExpression();
    } else if (AcceptKeyword("COMMENT")) {
      column.comment = ParseString();
    } else if (PeekKeyword("WITH") && PeekSymbol("(", 1)) {
      Advance();
      column.properties = ParseProperties();
    } else {
      Expecting("NOT");
      return column;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Property and option lists

std::vector<ast::Property> SqlParser::ParseProperties() {
  ExpectSymbol("(");
  std::vector<ast::Property> properties = ParsePropertyAssignments();
  ExpectSymbol(")");
  return properties;
}

std::vector<ast::Property> SqlParser::ParsePropertyAssignments() {
  std::vector<ast::Property> properties;
  do {
    ast::Property property;
    property.location = Location();
    property.name = ParseIdentifier().name;
    ExpectSymbol("=");
    property.value = ParseExpression();
    properties.push_back(std::move(property));
  } while (AcceptSymbol(","));
  return properties;
}

std::vector<ast::Property> SqlParser::ParseStringKeyProperties() {
  ExpectSymbol("(");
  std::vector<ast::Property> properties;
  do {
    ast::Property property;
    property.location = Location();
    if (Peek().type == TokenType::kString) {
      property.name = Advance().value;
    } else {
      // Spark also takes dotted names: write.format.default = 'parquet'.
      property.name = ParseIdentifier().name;
      while (AcceptSymbol(".")) property.name += "." + ParseIdentifier().name;
    }
    AcceptSymbol("=");
    // Hive writes values in double quotes: ("parquet.compression"="SNAPPY").
    const Token& value = Peek();
    if (value.type == TokenType::kQuotedIdentifier && (PeekSymbol(",", 1) || PeekSymbol(")", 1))) {
      property.value = std::make_unique<ast::Literal>(value.location, ast::LiteralKind::kString,
                                                      Advance().value);
    } else {
      property.value = ParseExpression();
    }
    properties.push_back(std::move(property));
  } while (AcceptSymbol(","));
  ExpectSymbol(")");
  return properties;
}

ast::Property SqlParser::ParseSnowflakeOption() {
  ast::Property property;
  property.location = Location();
  property.name = ParseIdentifier().name;
  ExpectSymbol("=");
  property.value = ParseOptionValue();
  return property;
}

std::vector<ast::Property> SqlParser::ParseOptionList() {
  ExpectSymbol("(");
  std::vector<ast::Property> options;
  do {
    ast::Property option;
    option.location = Location();
    const Token& name = Peek();
    if (name.type == TokenType::kWord) {
      option.name = std::string(Advance().text);
    } else {
      option.name = ParseIdentifier().name;
    }
    if (!PeekSymbol(",") && !PeekSymbol(")")) option.value = ParseOptionValue();
    options.push_back(std::move(option));
  } while (AcceptSymbol(","));
  ExpectSymbol(")");
  return options;
}

// ---------------------------------------------------------------------------------------------
// Views and schemas

ast::StatementPtr SqlParser::ParseCreateView(ast::SourceLocation location, bool or_replace,
                                             bool temporary) {
  bool if_not_exists = ParseIfNotExists();
  auto view = std::make_unique<ast::CreateView>(location, ParseQualifiedName());
  view->or_replace = or_replace;
  view->temporary = temporary;
  view->if_not_exists = if_not_exists;
  if (PeekSymbol("(")) view->columns = ParseParenthesizedIdentifiers();
  if (AcceptKeyword("COMMENT")) view->comment = ParseString();
  ExpectKeyword("AS");
  uint32_t begin = Peek().offset;
  view->query = ParseQuery();
  view->query_span = ast::SourceSpan{begin, tokens_[position_ - 1].end_offset()};
  return view;
}

ast::StatementPtr SqlParser::ParseCreateSchema(ast::SourceLocation location) {
  bool if_not_exists = ParseIfNotExists();
  auto schema = std::make_unique<ast::CreateSchema>(location, ParseQualifiedName());
  schema->if_not_exists = if_not_exists;
  while (true) {
    const Token& token = Peek();
    if (AcceptKeyword("COMMENT")) {
      CheckNotRepeated(schema->comment.has_value(), token);
      schema->comment = ParseString();
    } else if (AcceptKeyword("LOCATION")) {
      CheckNotRepeated(schema->location_uri.has_value(), token);
      schema->location_uri = ParseString();
    } else if (PeekKeyword("WITH") && PeekKeyword("DBPROPERTIES", 1)) {
      CheckNotRepeated(!schema->dbproperties.empty(), token);
      Advance();
      Advance();
      schema->dbproperties = ParseStringKeyProperties();
    } else if (PeekKeyword("WITH") && PeekSymbol("(", 1)) {
      CheckNotRepeated(!schema->properties.empty(), token);
      Advance();
      schema->properties = ParseProperties();
    } else {
      Expecting("WITH");
      return schema;
    }
  }
}

ast::StatementPtr SqlParser::ParseCreateExternalSchema(ast::SourceLocation location) {
  bool if_not_exists = ParseIfNotExists();
  auto schema = std::make_unique<ast::CreateExternalSchema>(location, ParseQualifiedName());
  schema->if_not_exists = if_not_exists;
  ExpectKeyword("FROM");
  ExpectKeyword("DATA");
  ExpectKeyword("CATALOG");
  ExpectKeyword("DATABASE");
  schema->database = ParseString();
  while (true) {
    const Token& token = Peek();
    if (AcceptKeyword("REGION")) {
      CheckNotRepeated(schema->region.has_value(), token);
      schema->region = ParseString();
    } else if (AcceptKeyword("IAM_ROLE")) {
      CheckNotRepeated(schema->iam_role.has_value(), token);
      schema->iam_role = ParseString();
    } else if (AcceptKeyword("CREATE")) {
      CheckNotRepeated(schema->create_external_database, token);
      ExpectKeyword("EXTERNAL");
      ExpectKeyword("DATABASE");
      ExpectKeyword("IF");
      ExpectKeyword("NOT");
      ExpectKeyword("EXISTS");
      schema->create_external_database = true;
    } else {
      return schema;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// DROP and ALTER TABLE

ast::StatementPtr SqlParser::ParseDrop(ast::SourceLocation location) {
  using ObjectType = ast::Drop::ObjectType;
  ObjectType object_type;
  if (AcceptKeyword("SCHEMA") || AcceptKeyword("DATABASE")) {
    object_type = ObjectType::kSchema;
  } else if (AcceptKeyword("TABLE")) {
    object_type = ObjectType::kTable;
  } else if (AcceptKeyword("EXTERNAL")) {
    ExpectKeyword("TABLE");
    object_type = ObjectType::kTable;
  } else if (AcceptKeyword("VIEW")) {
    object_type = ObjectType::kView;
  } else if (AcceptKeyword("STAGE")) {
    object_type = ObjectType::kStage;
  } else if (AcceptKeyword("FILE")) {
    ExpectKeyword("FORMAT");
    object_type = ObjectType::kFileFormat;
  } else if (AcceptKeyword("ROLE")) {
    object_type = ObjectType::kRole;
  } else if (AcceptKeyword("USER")) {
    object_type = ObjectType::kUser;
  } else {
    FailUnexpected();
  }
  bool if_exists = ParseIfExists();
  auto drop = std::make_unique<ast::Drop>(location, object_type, ParseQualifiedName());
  drop->if_exists = if_exists;
  if (AcceptKeyword("CASCADE")) {
    drop->behavior = ast::Drop::Behavior::kCascade;
  } else if (AcceptKeyword("RESTRICT")) {
    drop->behavior = ast::Drop::Behavior::kRestrict;
  }
  drop->purge = AcceptKeyword("PURGE");
  return drop;
}

ast::StatementPtr SqlParser::ParseAlterTable(ast::SourceLocation location) {
  ExpectKeyword("TABLE");
  bool if_exists = ParseIfExists();
  ast::QualifiedName table = ParseQualifiedName();
  auto alter =
      std::make_unique<ast::AlterTable>(location, std::move(table), ParseAlterTableAction());
  alter->if_exists = if_exists;
  return alter;
}

std::unique_ptr<ast::AlterTableAction> SqlParser::ParseAlterTableAction() {
  using PartitionChange = ast::ChangePartitionField::Change;
  ast::SourceLocation location = Location();
  if (AcceptKeyword("RENAME")) {
    if (AcceptKeyword("TO"))
      return std::make_unique<ast::RenameTable>(location, ParseQualifiedName());
    ExpectKeyword("COLUMN");
    bool if_exists = ParseIfExists();
    ast::QualifiedName column = ParseQualifiedName();
    ExpectKeyword("TO");
    auto rename =
        std::make_unique<ast::RenameColumn>(location, std::move(column), ParseIdentifier());
    rename->if_exists = if_exists;
    return rename;
  }
  // Hive partitions: `PARTITION (k = v, ...) [LOCATION 'x']`.
  auto hive_partition = [&](bool with_location) {
    ast::HivePartitionSpec spec;
    ExpectSymbol("(");
    spec.values = ParsePropertyAssignments();
    ExpectSymbol(")");
    if (with_location && AcceptKeyword("LOCATION")) spec.location = ParseString();
    return spec;
  };
  if (AcceptKeyword("ADD")) {
    if (PeekKeyword("IF") || (PeekKeyword("PARTITION") && PeekSymbol("(", 1))) {
      auto add = std::make_unique<ast::HivePartitions>(location, /*add=*/true);
      add->if_not_exists_or_exists = ParseIfNotExists();
      do {
        ExpectKeyword("PARTITION");
        add->partitions.push_back(hive_partition(true));
      } while (PeekKeyword("PARTITION"));
      return add;
    }
    if (AcceptKeyword("PARTITION")) {
      ExpectKeyword("FIELD");
      auto add = std::make_unique<ast::ChangePartitionField>(location, PartitionChange::kAdd,
                                                             ParseExpression());
      if (AcceptKeyword("AS")) add->name = ParseIdentifier();
      return add;
    }
    auto add = std::make_unique<ast::AddColumns>(location);
    if (AcceptKeyword("COLUMNS")) {
      add->if_not_exists = ParseIfNotExists();
      ExpectSymbol("(");
      do {
        add->columns.push_back(ParseColumnDefinition());
      } while (AcceptSymbol(","));
      ExpectSymbol(")");
      return add;
    }
    ExpectKeyword("COLUMN");
    add->if_not_exists = ParseIfNotExists();
    add->columns.push_back(ParseColumnDefinition());
    return add;
  }
  if (AcceptKeyword("DROP")) {
    if (PeekKeyword("IF") || (PeekKeyword("PARTITION") && PeekSymbol("(", 1))) {
      auto drop = std::make_unique<ast::HivePartitions>(location, /*add=*/false);
      drop->if_not_exists_or_exists = ParseIfExists();
      do {
        ExpectKeyword("PARTITION");
        drop->partitions.push_back(hive_partition(false));
      } while (AcceptSymbol(","));
      return drop;
    }
    if (AcceptKeyword("PARTITION")) {
      ExpectKeyword("FIELD");
      return std::make_unique<ast::ChangePartitionField>(location, PartitionChange::kDrop,
                                                         ParseExpression());
    }
    bool branch = PeekKeyword("BRANCH");
    if (branch || AcceptKeyword("TAG")) {
      if (branch) Advance();
      bool if_exists = ParseIfExists();
      auto drop = std::make_unique<ast::DropSnapshotRef>(
          location, branch ? ast::SnapshotRefType::kBranch : ast::SnapshotRefType::kTag,
          ParseIdentifier());
      drop->if_exists = if_exists;
      return drop;
    }
    Expecting("BRANCH");
    ExpectKeyword("COLUMN");
    bool if_exists = ParseIfExists();
    auto drop = std::make_unique<ast::DropColumn>(location, ParseQualifiedName());
    drop->if_exists = if_exists;
    return drop;
  }
  if (AcceptKeyword("ALTER")) {
    ExpectKeyword("COLUMN");
    return ParseAlterColumn(location);
  }
  if (AcceptKeyword("REPLACE")) {
    ExpectKeyword("PARTITION");
    ExpectKeyword("FIELD");
    auto replace = std::make_unique<ast::ChangePartitionField>(location, PartitionChange::kReplace,
                                                               ParseExpression());
    ExpectKeyword("WITH");
    replace->replacement = ParseExpression();
    if (AcceptKeyword("AS")) replace->name = ParseIdentifier();
    return replace;
  }
  if (AcceptKeyword("SET")) {
    if (AcceptKeyword("TBLPROPERTIES")) {
      auto set = std::make_unique<ast::SetTableProperties>(location, /*tblproperties=*/true);
      set->properties = ParseStringKeyProperties();
      return set;
    }
    ExpectKeyword("PROPERTIES");
    auto set = std::make_unique<ast::SetTableProperties>(location, /*tblproperties=*/false);
    set->properties = ParsePropertyAssignments();
    return set;
  }
  if (AcceptKeyword("UNSET")) {
    ExpectKeyword("TBLPROPERTIES");
    auto unset = std::make_unique<ast::UnsetTableProperties>(location);
    unset->if_exists = ParseIfExists();
    ExpectSymbol("(");
    do {
      unset->names.push_back(ParseString());
    } while (AcceptSymbol(","));
    ExpectSymbol(")");
    return unset;
  }
  if (AcceptKeyword("EXECUTE")) {
    auto execute = std::make_unique<ast::ExecuteProcedure>(location, ParseIdentifier());
    if (AcceptSymbol("(")) {
      DepthGuard guard(*this);
      if (!PeekSymbol(")")) execute->arguments = ParseArguments(/*equals_names=*/false);
      ExpectSymbol(")");
    }
    if (AcceptKeyword("WHERE")) execute->where = ParseExpression();
    return execute;
  }
  if (AcceptKeyword("CREATE")) return ParseCreateSnapshotRef(location);
  FailUnexpected();
}

std::unique_ptr<ast::AlterTableAction> SqlParser::ParseAlterColumn(ast::SourceLocation location) {
  using Change = ast::AlterColumn::Change;
  ast::QualifiedName column = ParseQualifiedName();
  auto alter = [&](Change change) {
    return std::make_unique<ast::AlterColumn>(location, std::move(column), change);
  };
  if (AcceptKeyword("TYPE")) {
    auto result = alter(Change::kSetType);
    result->type = ParseType();
    return result;
  }
  if (AcceptKeyword("SET")) {
    if (AcceptKeyword("DATA")) {
      ExpectKeyword("TYPE");
      auto result = alter(Change::kSetType);
      result->type = ParseType();
      return result;
    }
    if (AcceptKeyword("DEFAULT")) {
      auto result = alter(Change::kSetDefault);
      result->default_value = ParseExpression();
      return result;
    }
    ExpectKeyword("NOT");
    ExpectKeyword("NULL");
    return alter(Change::kSetNotNull);
  }
  if (AcceptKeyword("DROP")) {
    if (AcceptKeyword("DEFAULT")) return alter(Change::kDropDefault);
    ExpectKeyword("NOT");
    ExpectKeyword("NULL");
    return alter(Change::kDropNotNull);
  }
  ExpectKeyword("COMMENT");
  auto result = alter(Change::kSetComment);
  result->comment = ParseString();
  return result;
}

std::unique_ptr<ast::AlterTableAction> SqlParser::ParseCreateSnapshotRef(
    ast::SourceLocation location) {
  bool or_replace = false;
  if (AcceptKeyword("OR")) {
    ExpectKeyword("REPLACE");
    or_replace = true;
  }
  bool branch = PeekKeyword("BRANCH");
  if (branch) {
    Advance();
  } else {
    ExpectKeyword("TAG");
  }
  bool if_not_exists = ParseIfNotExists();
  auto ref = std::make_unique<ast::CreateSnapshotRef>(
      location, branch ? ast::SnapshotRefType::kBranch : ast::SnapshotRefType::kTag,
      ParseIdentifier());
  ref->or_replace = or_replace;
  ref->if_not_exists = if_not_exists;
  if (AcceptKeyword("AS")) {
    ExpectKeyword("OF");
    ExpectKeyword("VERSION");
    ref->as_of_version = ParseOptionValue();
  }
  if (AcceptKeyword("RETAIN")) ref->retain = ParseRetentionPeriod();
  if (branch && PeekKeyword("WITH") && PeekKeyword("SNAPSHOT", 1)) {
    Advance();
    Advance();
    ExpectKeyword("RETENTION");
    if (PeekKeyword("SNAPSHOTS", 1)) {
      ref->min_snapshots_to_keep = ParseOptionValue();
      ExpectKeyword("SNAPSHOTS");
    }
    if (!AtStatementEnd() || !ref->min_snapshots_to_keep)
      ref->max_snapshot_age = ParseRetentionPeriod();
  }
  return ref;
}

ast::RetentionPeriod SqlParser::ParseRetentionPeriod() {
  ast::RetentionPeriod period;
  period.location = Location();
  period.amount = ParseOptionValue();
  if (AcceptKeyword("DAYS") || AcceptKeyword("DAY")) {
    period.unit = ast::RetentionUnit::kDays;
  } else if (AcceptKeyword("HOURS") || AcceptKeyword("HOUR")) {
    period.unit = ast::RetentionUnit::kHours;
  } else if (AcceptKeyword("MINUTES") || AcceptKeyword("MINUTE")) {
    period.unit = ast::RetentionUnit::kMinutes;
  } else {
    FailUnexpected();
  }
  return period;
}

}  // namespace switchboard::parser
