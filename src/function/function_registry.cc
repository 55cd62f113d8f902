// FunctionRegistry storage and overload resolution.
#include "function/function_registry.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "common/error.h"
#include "common/string_util.h"
#include "function/series_table_functions.h"
#include "function/type_coercion.h"

namespace switchboard {

namespace {

// Type families whose declared parameter matches any member, keeping the argument's own
// parameters (precision, scale, length).
bool IsParametricFamily(TypeId id) {
  return id == TypeId::kDecimal || id == TypeId::kVarchar || id == TypeId::kChar ||
         id == TypeId::kTime || id == TypeId::kTimestamp || id == TypeId::kTimestampTz;
}

constexpr int kGenericCost = 1;

// The type an argument of type `actual` takes for a declared parameter, and the cost; nullopt
// when it cannot be passed.
// array(T) and map(K, V) declared with generic (kInvalid) element types: any array or map.
bool IsGenericNested(const LogicalType& declared) {
  return (declared.id() == TypeId::kArray && !declared.element_type().IsValid()) ||
         (declared.id() == TypeId::kMap && !declared.key_type().IsValid());
}

std::optional<std::pair<LogicalType, int>> MatchParameter(const LogicalType& actual,
                                                          const LogicalType& declared) {
  if (!declared.IsValid()) return std::make_pair(actual, kGenericCost);
  if (IsGenericNested(declared)) {
    if (actual.id() == declared.id() || actual.id() == TypeId::kUnknown) return std::make_pair(actual, kGenericCost);
    return std::nullopt;
  }
  if (IsParametricFamily(declared.id())) {
    if (actual.id() == declared.id()) return std::make_pair(actual, 0);
    if (actual.id() == TypeId::kChar && declared.id() == TypeId::kVarchar) {
      return std::make_pair(LogicalType::Varchar(), 2);
    }
    auto coerced = CoerceToFamily(actual, declared.id());
    if (!coerced) return std::nullopt;
    auto cost = ImplicitCoercionCost(actual, *coerced);
    return std::make_pair(*coerced, cost ? *cost : 5);
  }
  auto cost = ImplicitCoercionCost(actual, declared);
  if (!cost) return std::nullopt;
  return std::make_pair(declared, *cost);
}

template <typename Function>
std::string SignatureText(const Function& f) {
  if (!f.signature.empty()) return f.signature;
  std::string out = f.name + "(";
  for (size_t i = 0; i < f.arguments.size(); ++i) {
    if (i > 0) out += ", ";
    out += f.arguments[i].IsValid() ? f.arguments[i].ToString() : "T";
  }
  if constexpr (std::is_same_v<Function, ScalarFunction>) {
    if (f.varargs) out += f.arguments.empty() ? "..." : ", ...";
  }
  return out + ")";
}

std::string TypeList(const std::vector<LogicalType>& types) {
  std::vector<std::string> names;
  for (const auto& type : types) names.push_back(type.ToString());
  return Join(names, ", ");
}

// Index of the cheapest candidate and its parameter types; throws when none fits.
template <typename Function>
std::pair<size_t, std::vector<LogicalType>> PickOverload(const std::string& name,
                                                         const std::vector<Function>& candidates,
                                                         const std::vector<LogicalType>& arguments) {
  int best_cost = std::numeric_limits<int>::max();
  size_t best = candidates.size();
  std::vector<LogicalType> best_types;
  for (size_t c = 0; c < candidates.size(); ++c) {
    const Function& f = candidates[c];
    bool variadic = false;
    LogicalType varargs_type;
    if constexpr (std::is_same_v<Function, ScalarFunction>) {
      variadic = f.varargs.has_value();
      if (variadic) varargs_type = *f.varargs;
    }
    if (arguments.size() < f.arguments.size() || (!variadic && arguments.size() != f.arguments.size())) {
      continue;
    }
    int cost = 0;
    std::vector<LogicalType> types;
    bool fits = true;
    for (size_t i = 0; i < arguments.size() && fits; ++i) {
      const LogicalType& declared = i < f.arguments.size() ? f.arguments[i] : varargs_type;
      auto match = MatchParameter(arguments[i], declared);
      if (!match) {
        fits = false;
        break;
      }
      types.push_back(match->first);
      cost += match->second;
    }
    if (fits && cost < best_cost) {
      best_cost = cost;
      best = c;
      best_types = std::move(types);
    }
  }
  if (best == candidates.size()) {
    bool is_operator = !name.empty() && !std::isalpha(static_cast<unsigned char>(name[0])) && name[0] != '_';
    if (is_operator && arguments.size() == 2) {
      SB_THROW(kTypeMismatch, "Cannot apply operator: {} {} {}", arguments[0].ToString(), name, arguments[1].ToString());
    }
    if (is_operator && arguments.size() == 1) {
      SB_THROW(kTypeMismatch, "Cannot apply operator: {}{}", name, arguments[0].ToString());
    }
    std::vector<std::string> signatures;
    for (const auto& f : candidates) signatures.push_back(SignatureText(f));
    SB_THROW(kTypeMismatch, "Unexpected parameters ({}) for function {}. Expected: {}",
             TypeList(arguments), name, Join(signatures, ", "));
  }
  return {best, std::move(best_types)};
}

}  // namespace

std::string FunctionRegistry::Canonical(const std::string& name) const {
  std::string lower = ToLower(name);
  auto alias = aliases_.find(lower);
  return alias == aliases_.end() ? lower : alias->second;
}

void FunctionRegistry::AddScalar(ScalarFunction function) {
  function.name = ToLower(function.name);
  scalars_[function.name].push_back(std::move(function));
}

void FunctionRegistry::AddAggregate(AggregateFunction function) {
  function.name = ToLower(function.name);
  aggregates_[function.name].push_back(std::move(function));
}

void FunctionRegistry::AddWindow(WindowFunction function) {
  function.name = ToLower(function.name);
  std::string key = function.name;
  windows_.emplace(std::move(key), std::move(function));
}

void FunctionRegistry::AddTable(TableFunction function) {
  function.name = ToLower(function.name);
  std::string key = function.name;
  tables_.insert_or_assign(std::move(key), std::move(function));
}

void FunctionRegistry::AddAlias(const std::string& alias, const std::string& name) {
  aliases_[ToLower(alias)] = ToLower(name);
}

bool FunctionRegistry::HasScalar(const std::string& name) const {
  return scalars_.count(Canonical(name)) > 0;
}
bool FunctionRegistry::HasAggregate(const std::string& name) const {
  return aggregates_.count(Canonical(name)) > 0;
}
const WindowFunction* FunctionRegistry::FindWindow(const std::string& name) const {
  auto it = windows_.find(Canonical(name));
  return it == windows_.end() ? nullptr : &it->second;
}
const TableFunction* FunctionRegistry::FindTable(const std::string& name) const {
  auto it = tables_.find(Canonical(name));
  return it == tables_.end() ? nullptr : &it->second;
}

std::vector<std::string> FunctionRegistry::AllNames() const {
  std::vector<std::string> names;
  for (const auto& [name, _] : scalars_) names.push_back(name);
  for (const auto& [name, _] : aggregates_) names.push_back(name);
  for (const auto& [name, _] : windows_) names.push_back(name);
  for (const auto& [name, _] : tables_) names.push_back(name);
  for (const auto& [name, _] : aliases_) names.push_back(name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

void FunctionRegistry::ThrowUnknown(const std::string& name, const char* kind) const {
  std::vector<std::string> names;
  for (auto& n : AllNames()) {
    if (!n.empty() && (std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_')) names.push_back(n);
  }
  SB_THROW(kUndefinedFunction, "{} '{}' not registered{}", kind, name, DidYouMean(name, names));
}

ResolvedScalar FunctionRegistry::ResolveScalar(const std::string& name,
                                               const std::vector<LogicalType>& argument_types,
                                               const std::vector<std::optional<Value>>& constants) const {
  auto it = scalars_.find(Canonical(name));
  if (it == scalars_.end()) ThrowUnknown(name, "Function");
  auto [index, types] = PickOverload(name, it->second, argument_types);
  ResolvedScalar resolved{it->second[index], types, nullptr};
  if (resolved.function.bind) {
    std::vector<std::optional<Value>> padded = constants;
    padded.resize(argument_types.size());
    // The bind hook sees the coerced types and may refine them.
    resolved.function.arguments = types;
    resolved.bind_data = resolved.function.bind(resolved.function, types, padded);
    if (resolved.function.arguments.size() == types.size()) resolved.parameter_types = resolved.function.arguments;
  }
  return resolved;
}

ResolvedAggregate FunctionRegistry::ResolveAggregate(const std::string& name,
                                                     const std::vector<LogicalType>& argument_types,
                                                     const std::vector<std::optional<Value>>& constants) const {
  auto it = aggregates_.find(Canonical(name));
  if (it == aggregates_.end()) ThrowUnknown(name, "Aggregate function");
  auto [index, types] = PickOverload(name, it->second, argument_types);
  ResolvedAggregate resolved{it->second[index], types, nullptr};
  if (resolved.function.bind) {
    std::vector<std::optional<Value>> padded = constants;
    padded.resize(argument_types.size());
    resolved.function.arguments = types;
    resolved.bind_data = resolved.function.bind(resolved.function, types, padded);
    if (resolved.function.arguments.size() == types.size()) resolved.parameter_types = resolved.function.arguments;
  }
  return resolved;
}

const std::vector<FunctionFamily>& BuiltinFunctionFamilies() {
  static const std::vector<FunctionFamily> families = {
      {"Arithmetic operators", RegisterArithmeticFunctions},
      {"Mathematical functions", RegisterMathFunctions},
      {"Comparison and type functions", RegisterGeneralFunctions},
      {"String functions", RegisterStringFunctions},
      {"Pattern matching: LIKE and ILIKE", RegisterLikeFunctions},
      {"Regular expression functions", RegisterRegexFunctions},
      {"URL functions", RegisterUrlFunctions},
      {"Date and time functions", RegisterDatetimeFunctions},
      {"Date and time formatting and parsing", RegisterDatetimeFormatFunctions},
      {"JSON functions", RegisterJsonFunctions},
      {"Array functions", RegisterArrayFunctions},
      {"Map functions", RegisterMapFunctions},
      {"Row functions", RegisterRowFunctions},
      {"Lambda functions", RegisterLambdaFunctions},
      {"Aggregate functions", RegisterAggregateFunctions},
      {"Statistical aggregate functions", RegisterStatisticalAggregates},
      {"Collection aggregate functions", RegisterCollectionAggregates},
      {"Approximate aggregate functions", RegisterApproximateAggregates},
      {"Window functions", RegisterWindowFunctions},
  };
  return families;
}

std::unique_ptr<FunctionRegistry> FunctionRegistry::CreateWithBuiltins() {
  auto registry = std::make_unique<FunctionRegistry>();
  for (const FunctionFamily& family : BuiltinFunctionFamilies()) family.register_functions(*registry);
  RegisterSeriesTableFunctions(*registry);
  return registry;
}

std::string TableFilter::ToString(const std::string& column_name) const {
  static const char* kOps[] = {"=", "<>", "<", "<=", ">", ">="};
  switch (kind) {
    case Kind::kIsNull: return column_name + " IS NULL";
    case Kind::kIsNotNull: return column_name + " IS NOT NULL";
    case Kind::kIn: {
      std::vector<std::string> values;
      for (const auto& v : constants) values.push_back(v.ToSqlLiteral());
      return column_name + " IN (" + Join(values, ", ") + ")";
    }
    default:
      return column_name + " " + kOps[static_cast<int>(kind)] + " " + constants[0].ToSqlLiteral();
  }
}

}  // namespace switchboard
