// Type names as parsed from SQL (`DECIMAL(10, 2)`, `ARRAY<STRUCT<a: INT>>`), before any type
// resolution: the types module, not the parser, decides what a name means.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sql/parser/ast/identifier.h"
#include "sql/parser/ast/source_location.h"

namespace switchboard::ast {

struct TypeParam;

/// A parsed type name: a normalized lower-case name and its parameters.
///
/// The parser folds the dialects' spellings into one name each:
///   integer (INT, INTEGER, INT4)          bigint (BIGINT, LONG, INT8)
///   smallint (SMALLINT, SHORT, INT2)      tinyint (TINYINT, BYTE, INT1)
///   boolean (BOOLEAN, BOOL)               real (REAL, FLOAT4, FLOAT, FLOAT(p) with p <= 24)
///   double (DOUBLE, DOUBLE PRECISION, FLOAT8, FLOAT(p) with p > 24)
///   decimal (DECIMAL, DEC, NUMERIC, NUMBER)
///   varchar (VARCHAR, STRING, TEXT, CHARACTER VARYING, NVARCHAR)
///   char (CHAR, CHARACTER, NCHAR)         varbinary (VARBINARY, BINARY, BLOB, BYTEA)
///   date                                  time, time with time zone (TIMETZ)
///   timestamp (TIMESTAMP, TIMESTAMP WITHOUT TIME ZONE, TIMESTAMP_NTZ, DATETIME)
///   timestamp with time zone (TIMESTAMPTZ, TIMESTAMP_TZ, TIMESTAMP_LTZ)
///   interval year to month, interval day to second (INTERVAL <field> [TO <field>]: year and month
///     fields give the first, the others the second)
///   array (ARRAY(T), ARRAY<T>)            map (MAP(K, V), MAP<K, V>)
///   row (ROW(a T, ...), ROW(T, ...), STRUCT<a: T, ...>, STRUCT<a T, ...>)
/// Any other name is kept, lower-cased, with its parameters (`uuid`, `json`, `ipaddress`, ...).
///
/// Parameters: numbers for precision, scale and length (`decimal(10, 2)`, `timestamp(3) with time
/// zone`); a type for `array`; two types for `map`; fields (or, for anonymous rows, types) for
/// `row`.
struct TypeName {
  std::string name;
  std::vector<TypeParam> params;
  SourceLocation location;

  /// SQL form, e.g. `timestamp(3) with time zone`, `row(a integer, b array(varchar))`.
  std::string ToString() const;
};

/// One parameter of a TypeName.
struct TypeParam {
  enum class Kind : uint8_t {
    kNumber,  ///< `number`: a length, precision or scale
    kType,    ///< `type`: an element, key or value type, or an anonymous row field
    kField,   ///< `field_name` and `type`: a named row field
  };
  Kind kind = Kind::kNumber;
  int64_t number = 0;
  Identifier field_name;
  TypeName type;
  SourceLocation location;

  std::string ToString() const;
};

/// The normalized name for a one-word type name (`INT` -> "integer", `STRING` -> "varchar",
/// `TIMESTAMP_NTZ` -> "timestamp"); other words lower-cased. FLOAT maps to "real".
std::string NormalizeTypeWord(std::string_view word);

}  // namespace switchboard::ast
