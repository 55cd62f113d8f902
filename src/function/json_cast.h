// Casts between JSON and the SQL types, registered with the cast module as a provider.
#pragma once

#include "function/cast.h"

namespace switchboard {

/// The kernel for CAST(x AS JSON) or CAST(json AS T) when one side is JSON and the other
/// converts; nullptr otherwise. Rules (Trino's): values become JSON literals, strings JSON
/// strings, arrays arrays, maps and named rows objects; JSON converts back from the matching
/// JSON kinds, numbers and strings convert between each other, JSON null becomes NULL, and rows
/// accept arrays (by position) or objects (by field name, ignoring case).
CastKernel JsonCastKernel(const LogicalType& from, const LogicalType& to);

}  // namespace switchboard
