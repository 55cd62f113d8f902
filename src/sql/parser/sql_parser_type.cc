// The type-name grammar: ARRAY/MAP/ROW/STRUCT in both bracket styles, the multi-word standard
// names, and parameterized names such as DECIMAL(10, 2). See ast::TypeName for the normalized
// names.
#include "common/string_util.h"
#include "sql/parser/sql_parser.h"

namespace switchboard::parser {

namespace {

// Interval fields that make a year-month interval; the others make a day-time interval.
bool IsYearMonthField(ast::IntervalField field) {
  return field == ast::IntervalField::kYear || field == ast::IntervalField::kQuarter ||
         field == ast::IntervalField::kMonth;
}

}  // namespace

bool SqlParser::PeekTypeStart(size_t ahead) const {
  return Peek(ahead).type == TokenType::kWord && !Peek(ahead).reserved;
}

ast::TypeName SqlParser::ParseType() {
  DepthGuard guard(*this);
  ast::TypeName type;
  type.location = Location();
  if (!PeekTypeStart()) {
    Expecting("<type>");
    FailUnexpected();
  }
  if (PeekKeyword("ARRAY") || PeekKeyword("MAP")) {
    bool is_map = PeekKeyword("MAP");
    type.name = is_map ? "map" : "array";
    Advance();
    bool angle = AcceptSymbol("<");
    if (!angle) ExpectSymbol("(");
    AddTypeParameter(type);
    if (is_map) {
      ExpectSymbol(",");
      AddTypeParameter(type);
    }
    ExpectTypeClose(angle);
    return type;
  }
  if (PeekKeyword("ROW") || PeekKeyword("STRUCT")) {
    type.name = "row";
    Advance();
    bool angle = AcceptSymbol("<");
    if (!angle) ExpectSymbol("(");
    ParseRowFields(type, angle);
    return type;
  }
  if (PeekKeyword("DOUBLE") && PeekKeyword("PRECISION", 1)) {
    Advance();
    Advance();
    type.name = "double";
    return type;
  }
  if ((PeekKeyword("CHARACTER") || PeekKeyword("CHAR")) && PeekKeyword("VARYING", 1)) {
    Advance();
    Advance();
    type.name = "varchar";
    if (AcceptSymbol("(")) ParseTypeParameters(type, /*angle_brackets=*/false);
    return type;
  }
  if (PeekKeyword("TIMESTAMP") || PeekKeyword("TIME")) {
    type.name = PeekKeyword("TIME") ? "time" : "timestamp";
    Advance();
    if (AcceptSymbol("(")) ParseTypeParameters(type, /*angle_brackets=*/false);
    bool with_zone = PeekKeyword("WITH");
    if (with_zone || PeekKeyword("WITHOUT")) {
      Advance();
      ExpectKeyword("TIME");
      ExpectKeyword("ZONE");
      if (with_zone) type.name += " with time zone";
    }
    return type;
  }
  if (PeekKeyword("INTERVAL") && PeekIntervalField(1)) {
    Advance();
    ast::IntervalField start = *PeekIntervalField();
    ast::IntervalField end = start;
    Advance();
    if (AcceptKeyword("TO")) {
      if (!PeekIntervalField()) {
        Expecting("<interval field>");
        FailUnexpected();
      }
      end = *PeekIntervalField();
      Advance();
    }
    type.name = IsYearMonthField(start) && IsYearMonthField(end) ? "interval year to month"
                                                                 : "interval day to second";
    return type;
  }
  std::string_view word = Advance().text;
  type.name = ast::NormalizeTypeWord(word);
  if (AcceptSymbol("(")) ParseTypeParameters(type, /*angle_brackets=*/false);
  bool float_precision = EqualsIgnoreCase(word, "float") && type.params.size() == 1 &&
                         type.params[0].kind == ast::TypeParam::Kind::kNumber;
  if (float_precision) {
    // FLOAT(p): single precision up to 24 bits of mantissa, double beyond.
    type.name = type.params[0].number <= 24 ? "real" : "double";
    type.params.clear();
  }
  return type;
}

void SqlParser::AddTypeParameter(ast::TypeName& type) {
  ast::SourceLocation location = Location();
  type.params.push_back({ast::TypeParam::Kind::kType, 0, {}, ParseType(), location});
}

void SqlParser::ExpectTypeClose(bool angle_brackets) {
  if (angle_brackets) {
    ExpectClosingAngle();
  } else {
    ExpectSymbol(")");
  }
}

void SqlParser::ParseTypeParameters(ast::TypeName& type, bool angle_brackets) {
  do {
    if (Peek().type == TokenType::kInteger) {
      ast::SourceLocation location = Location();
      type.params.push_back({ast::TypeParam::Kind::kNumber, ParseInteger(), {}, {}, location});
    } else {
      AddTypeParameter(type);
    }
  } while (AcceptSymbol(","));
  ExpectTypeClose(angle_brackets);
}

void SqlParser::ParseRowFields(ast::TypeName& type, bool angle_brackets) {
  do {
    // `name type` or `name: type`, unless the words are themselves one type name.
    bool multi_word_type =
        (PeekKeyword("DOUBLE") && PeekKeyword("PRECISION", 1)) ||
        ((PeekKeyword("CHARACTER") || PeekKeyword("CHAR")) && PeekKeyword("VARYING", 1)) ||
        (PeekKeyword("INTERVAL") && PeekIntervalField(1));
    bool named = PeekIdentifier() && !multi_word_type && (PeekSymbol(":", 1) || PeekTypeStart(1));
    if (named) {
      ast::Identifier field_name = ParseIdentifier();
      AcceptSymbol(":");
      ast::SourceLocation location = field_name.location;
      type.params.push_back(
          {ast::TypeParam::Kind::kField, 0, std::move(field_name), ParseType(), location});
    } else {
      AddTypeParameter(type);
    }
  } while (AcceptSymbol(","));
  ExpectTypeClose(angle_brackets);
}

}  // namespace switchboard::parser
