// Rendering of the function reference from the registry, family by family.
#include "function/function_reference.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "common/error.h"
#include "common/string_util.h"
#include "function/function_registry.h"

namespace switchboard {

namespace {

const char* const kPreamble = R"(# SQL functions

This reference is generated from the function registry by `function_docs` (see
`tools/function_docs.cc`), together with `test/sql/function/examples.test`, which checks that every
`expression -> result` example below holds; do not edit either by hand. A unit test
(`unit.function_docs`) fails when they differ from the registry. Regenerate them with

    ninja -C build function_docs && build/src/function/function_docs docs/sql/functions.md test/sql/function/examples.test

Functions follow Trino's names, signatures, NULL handling and errors. Unless a description says
otherwise, a function returns NULL when any argument is NULL. Examples read `expression -> result`.

## SQL forms that map to functions

The binder turns these forms into calls of the functions below (or evaluates them itself):

| SQL | Meaning |
|---|---|
| `a \|\| b` | `concat(a, b)` (strings, varbinary, arrays) |
| `x [NOT] LIKE pattern [ESCAPE e]` | `like(x, pattern[, e])`; a constant pattern is compiled once |
| `x [NOT] ILIKE pattern [ESCAPE e]` | `ilike(x, pattern[, e])` |
| `a[i]` | `subscript(a, i)`: 1-based array index, or map key |
| `r.field` | `$field(r, 'field')` |
| `ARRAY[a, b, ...]` | `array_constructor(a, b, ...)`; Spark's `array(a, b)` too |
| `ROW(a, b)`, `(a, b)` | `row_constructor(a, b)` (anonymous fields); Spark's `struct(...)` too |
| `EXTRACT(field FROM x)` | the field's function: `year`, `quarter`, `month`, `week`, `day`, `day_of_week`, `day_of_year`, `year_of_week`, `hour`, `minute`, `second`, `millisecond`, `timezone_hour`, `timezone_minute` |
| `x AT TIME ZONE zone` | `at_timezone(x, zone)` |
| `CURRENT_DATE`, `CURRENT_TIME`, `CURRENT_TIMESTAMP[(p)]`, `LOCALTIME`, `LOCALTIMESTAMP[(p)]` | `current_date()`, `current_time()`, `current_timestamp([p])`, `localtime()`, `localtimestamp([p])`: the statement's start time, the same for every row |
| `POSITION(s IN t)` | `position(s, t)` |
| `DATEADD(day, n, x)`, `DATEDIFF(day, a, b)`, `DATE_PART(day, x)` | the unit identifier arrives as the string `'day'` |
| `f(x, y -> expr)` | lambda arguments of higher-order functions (`transform`, `filter`, `reduce`, ...) |
| `agg(DISTINCT x)`, `agg(x) FILTER (WHERE c)` | the aggregate sees each distinct argument once per group; only the rows where `c` holds |
| `agg(x ORDER BY y [DESC] [NULLS FIRST])`, `listagg(x, s) WITHIN GROUP (ORDER BY y)` | the aggregate sees each group's rows in that order (it matters for `array_agg`, `listagg`, `string_agg`); with DISTINCT the ordering keys must be arguments |
| `FROM t CROSS JOIN UNNEST(a, b) [WITH ORDINALITY] AS u(x, y[, n])` | one row per element, arrays zipped (the shorter padded with NULLs), a map giving key and value columns, an array of rows one column per field; `LEFT JOIN UNNEST(...) ON true` keeps rows whose arrays are empty or NULL |

These are expression forms the binder evaluates itself, not functions: `CAST(x AS t)`,
`TRY_CAST(x AS t)`, `TRY(expr)`, `COALESCE(...)`, `NULLIF(a, b)`, `IF(c, a[, b])`, `CASE`, `IN`,
`BETWEEN`, `IS [NOT] DISTINCT FROM`, `IS [NOT] NULL`, `AND`, `OR`, `NOT`, `EXISTS` and subqueries.
Casts to and from `json` follow Trino's rules (see the JSON section).

Type names of other dialects map onto Trino's types: Spark/Hive `STRING` (varchar), `INT`, `LONG`
(bigint), `SHORT`, `BYTE`, `ARRAY<T>`, `MAP<K, V>`, `STRUCT<a: T, ...>`; Snowflake `NUMBER[(p, s)]`
(decimal, 38 digits by default), `TIMESTAMP_NTZ` (timestamp), `TIMESTAMP_LTZ`/`TIMESTAMP_TZ`
(timestamp with time zone); `x::T` is `CAST(x AS T)`.
)";

// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens.
std::string Anchor(const std::string& title) {
  std::string anchor;
  for (char c : ToLower(title)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')
      anchor.push_back(c);
    else if (c == ' ')
      anchor.push_back('-');
  }
  return anchor;
}

struct Entry {
  std::vector<std::string> signatures;
  std::string description;
  std::string example;
  std::vector<std::string> aliases;
};

std::string TypeText(const LogicalType& type) { return type.IsValid() ? type.ToString() : "T"; }

std::string ScalarSignature(const ScalarFunction& f) {
  if (!f.signature.empty()) return f.signature;
  std::vector<std::string> arguments;
  for (const auto& argument : f.arguments) arguments.push_back(TypeText(argument));
  if (f.varargs) arguments.push_back("...");
  return fmt::format("{}({}) -> {}", f.name, Join(arguments, ", "), TypeText(f.return_type));
}

std::string AggregateSignature(const AggregateFunction& f) {
  if (!f.signature.empty()) return f.signature;
  std::vector<std::string> arguments;
  for (const auto& argument : f.arguments) arguments.push_back(TypeText(argument));
  return fmt::format("{}({}) -> {}", f.name, Join(arguments, ", "), TypeText(f.return_type));
}

template <typename Function>
void Collect(Entry& entry, const Function& f, std::string signature) {
  if (std::find(entry.signatures.begin(), entry.signatures.end(), signature) ==
      entry.signatures.end()) {
    entry.signatures.push_back(std::move(signature));
  }
  if (entry.description.empty()) entry.description = f.description;
  if (entry.example.empty()) entry.example = f.example;
}

void RenderEntry(std::string& out, const std::string& name, const Entry& entry, const char* kind) {
  out += fmt::format("### `{}`{}\n\n", name, kind);
  for (const auto& signature : entry.signatures) out += fmt::format("    {}\n", signature);
  out += "\n" + entry.description + "\n\n";
  out += fmt::format("Example: `{}`\n", entry.example);
  if (!entry.aliases.empty()) {
    std::vector<std::string> quoted;
    for (const auto& alias : entry.aliases) quoted.push_back("`" + alias + "`");
    out += "\nAlso called " + Join(quoted, ", ") + ".\n";
  }
  out += "\n";
}

/// The documented functions of one family, by kind and name.
struct FamilyEntries {
  const char* title;
  std::map<std::string, Entry> scalars, aggregates, windows;
};

std::vector<FamilyEntries> CollectFamilies() {
  std::vector<FamilyEntries> families;
  for (const FunctionFamily& family : BuiltinFunctionFamilies()) {
    FunctionRegistry registry;
    family.register_functions(registry);
    FamilyEntries entries{family.title, {}, {}, {}};
    for (const auto& [name, overloads] : registry.scalars()) {
      for (const auto& f : overloads) Collect(entries.scalars[name], f, ScalarSignature(f));
    }
    for (const auto& [name, overloads] : registry.aggregates()) {
      for (const auto& f : overloads) Collect(entries.aggregates[name], f, AggregateSignature(f));
    }
    for (const auto& [name, f] : registry.windows()) Collect(entries.windows[name], f, f.signature);
    for (const auto& [alias, target] : registry.aliases()) {
      for (auto* kind : {&entries.scalars, &entries.aggregates, &entries.windows}) {
        auto it = kind->find(target);
        if (it != kind->end()) it->second.aliases.push_back(alias);
      }
    }
    for (auto* kind : {&entries.scalars, &entries.aggregates, &entries.windows}) {
      for (auto& [name, entry] : *kind) std::sort(entry.aliases.begin(), entry.aliases.end());
    }
    families.push_back(std::move(entries));
  }
  return families;
}

}  // namespace

std::string RenderFunctionReference() {
  std::string out = kPreamble;
  std::vector<FamilyEntries> families = CollectFamilies();
  out += "\n## Contents\n\n";
  for (const FamilyEntries& family : families)
    out += fmt::format("- [{}](#{})\n", family.title, Anchor(family.title));
  out += "\n";
  std::vector<std::string> undocumented;
  for (const FamilyEntries& family : families) {
    out += fmt::format("## {}\n\n", family.title);
    auto render = [&](const std::map<std::string, Entry>& entries, const char* kind) {
      for (const auto& [name, entry] : entries) {
        if (entry.description.empty() || entry.example.empty()) undocumented.push_back(name);
        RenderEntry(out, name, entry, kind);
      }
    };
    render(family.scalars, "");
    render(family.aggregates, " (aggregate)");
    render(family.windows, " (window)");
  }
  if (!undocumented.empty()) {
    SB_THROW(kInternal, "Functions without a description or an example: {}",
             Join(undocumented, ", "));
  }
  while (out.size() > 1 && out[out.size() - 2] == '\n' && out.back() == '\n') out.pop_back();
  return out;
}

std::string RenderExampleTests() {
  std::string out =
      "# name: test/sql/function/examples.test\n"
      "# description: every `expression -> result` example of docs/sql/functions.md holds "
      "(generated by "
      "function_docs; do not edit)\n"
      "# group: [function]\n";
  std::vector<std::string> malformed;
  for (const FamilyEntries& family : CollectFamilies()) {
    for (const auto* kind : {&family.scalars, &family.aggregates, &family.windows}) {
      for (const auto& [name, entry] : *kind) {
        const std::string& example = entry.example;
        if (StartsWith(example, "SELECT ")) continue;  // needs tables: shown, not run
        size_t arrow = example.rfind(" -> ");
        if (arrow == std::string::npos) {
          malformed.push_back(name);
          continue;
        }
        std::string expression = example.substr(0, arrow), result = example.substr(arrow + 4);
        std::string check = result == "NULL"
                                ? fmt::format("({}) IS NULL", expression)
                                : fmt::format("({}) IS NOT DISTINCT FROM ({})", expression, result);
        out += fmt::format("\n# {}\nquery T\nSELECT {}\n----\ntrue\n", name, check);
      }
    }
  }
  if (!malformed.empty()) {
    SB_THROW(kInternal, "Examples neither 'expression -> result' nor a SELECT: {}",
             Join(malformed, ", "));
  }
  return out;
}

}  // namespace switchboard
