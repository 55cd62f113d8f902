// Trino's implicit coercion rules: which types convert silently to which, at what cost, and the
// common super type of two types (for CASE, UNION, IN lists and comparisons).
#pragma once

#include <optional>

#include "types/logical_type.h"

namespace switchboard {

/// Cost of coercing `from` to `to` implicitly: 0 when identical, larger for wider conversions,
/// nullopt when Trino does not allow it.
std::optional<int> ImplicitCoercionCost(const LogicalType& from, const LogicalType& to);

inline bool CanCoerce(const LogicalType& from, const LogicalType& to) {
  return ImplicitCoercionCost(from, to).has_value();
}

/// The narrowest type both coerce to, or nullopt (e.g. varchar and integer).
std::optional<LogicalType> CommonSuperType(const LogicalType& a, const LogicalType& b);

/// The decimal type that holds every value of an integral type exactly (integer -> decimal(10,0)).
LogicalType DecimalForIntegral(const LogicalType& type);

/// `from` adjusted to a parametric target family with `to_id` keeping its own parameters where
/// it can (varchar(5) stays varchar(5) for a varchar parameter; integer becomes decimal(10,0)
/// for a decimal parameter); nullopt when not coercible.
std::optional<LogicalType> CoerceToFamily(const LogicalType& from, TypeId to_id);

}  // namespace switchboard
