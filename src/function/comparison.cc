// Comparison kernels specialized per physical type, with fast paths for a flat column against a
// constant (the common filter shape).
#include "function/comparison.h"

#include <algorithm>
#include <optional>

#include "function/nested_vector.h"
#include "function/scalar_executor.h"
#include "types/physical_compare.h"

namespace switchboard {

const char* ComparisonOpSymbol(ComparisonOp op) {
  switch (op) {
    case ComparisonOp::kEqual: return "=";
    case ComparisonOp::kNotEqual: return "<>";
    case ComparisonOp::kLess: return "<";
    case ComparisonOp::kLessEqual: return "<=";
    case ComparisonOp::kGreater: return ">";
    case ComparisonOp::kGreaterEqual: return ">=";
    case ComparisonOp::kDistinctFrom: return "IS DISTINCT FROM";
    case ComparisonOp::kNotDistinctFrom: return "IS NOT DISTINCT FROM";
  }
  return "?";
}

ComparisonOp FlipComparison(ComparisonOp op) {
  switch (op) {
    case ComparisonOp::kLess: return ComparisonOp::kGreater;
    case ComparisonOp::kLessEqual: return ComparisonOp::kGreaterEqual;
    case ComparisonOp::kGreater: return ComparisonOp::kLess;
    case ComparisonOp::kGreaterEqual: return ComparisonOp::kLessEqual;
    default: return op;
  }
}

ComparisonOp NegateComparison(ComparisonOp op) {
  switch (op) {
    case ComparisonOp::kEqual: return ComparisonOp::kNotEqual;
    case ComparisonOp::kNotEqual: return ComparisonOp::kEqual;
    case ComparisonOp::kLess: return ComparisonOp::kGreaterEqual;
    case ComparisonOp::kLessEqual: return ComparisonOp::kGreater;
    case ComparisonOp::kGreater: return ComparisonOp::kLessEqual;
    case ComparisonOp::kGreaterEqual: return ComparisonOp::kLess;
    case ComparisonOp::kDistinctFrom: return ComparisonOp::kNotDistinctFrom;
    case ComparisonOp::kNotDistinctFrom: return ComparisonOp::kDistinctFrom;
  }
  return op;
}

namespace {

// IEEE semantics for = and <> on floating point; ordering comparisons treat NaN as largest,
// as Trino does.
struct Equal {
  template <typename T> static bool Op(const T& a, const T& b) { return SqlEquals(a, b); }
};
struct NotEqual {
  template <typename T> static bool Op(const T& a, const T& b) { return !SqlEquals(a, b); }
};
struct Less {
  template <typename T> static bool Op(const T& a, const T& b) { return TotalOrderCompare(a, b) < 0; }
};
struct LessEqual {
  template <typename T> static bool Op(const T& a, const T& b) { return TotalOrderCompare(a, b) <= 0; }
};
struct Greater {
  template <typename T> static bool Op(const T& a, const T& b) { return TotalOrderCompare(a, b) > 0; }
};
struct GreaterEqual {
  template <typename T> static bool Op(const T& a, const T& b) { return TotalOrderCompare(a, b) >= 0; }
};

template <typename T, typename OP>
idx_t SelectTyped(const Vector& left, const Vector& right, const SelectionVector* sel, idx_t count,
                  SelectionVector* true_sel, SelectionVector* false_sel) {
  idx_t true_count = 0, false_count = 0;
  auto emit = [&](idx_t position, bool match) {
    if (match) {
      if (true_sel) true_sel->set_index(true_count, position);
      ++true_count;
    } else {
      if (false_sel) false_sel->set_index(false_count, position);
      ++false_count;
    }
  };
  // Fast path: flat column against a constant, no NULLs.
  if (left.IsFlat() && right.IsConstant() && left.validity().AllValid() && !right.IsNullConstant()) {
    const T* l = left.data<T>();
    const T constant = right.data<T>()[0];
    if (!sel && !false_sel && true_sel) {
      sel_t* out = true_sel->data();
      for (idx_t i = 0; i < count; ++i) {
        out[true_count] = static_cast<sel_t>(i);
        true_count += OP::Op(l[i], constant);
      }
      return true_count;
    }
    for (idx_t i = 0; i < count; ++i) {
      idx_t position = sel ? sel->get_index(i) : i;
      emit(position, OP::Op(l[position], constant));
    }
    return true_count;
  }
  UnifiedFormat lf, rf;
  left.ToUnifiedFormat(count, lf);
  right.ToUnifiedFormat(count, rf);
  const T* l = lf.GetData<T>();
  const T* r = rf.GetData<T>();
  for (idx_t i = 0; i < count; ++i) {
    idx_t position = sel ? sel->get_index(i) : i;
    idx_t li = lf.sel->get_index(position), ri = rf.sel->get_index(position);
    bool valid = lf.validity->RowIsValid(li) && rf.validity->RowIsValid(ri);
    emit(position, valid && OP::Op(l[li], r[ri]));
  }
  return true_count;
}

template <typename T>
idx_t SelectDistinct(bool distinct, const Vector& left, const Vector& right, const SelectionVector* sel,
                     idx_t count, SelectionVector* true_sel, SelectionVector* false_sel) {
  UnifiedFormat lf, rf;
  left.ToUnifiedFormat(count, lf);
  right.ToUnifiedFormat(count, rf);
  const T* l = lf.GetData<T>();
  const T* r = rf.GetData<T>();
  idx_t true_count = 0, false_count = 0;
  for (idx_t i = 0; i < count; ++i) {
    idx_t position = sel ? sel->get_index(i) : i;
    idx_t li = lf.sel->get_index(position), ri = rf.sel->get_index(position);
    bool lv = lf.validity->RowIsValid(li), rv = rf.validity->RowIsValid(ri);
    bool same = (!lv && !rv) || (lv && rv && GroupEquals(l[li], r[ri]));
    bool match = distinct ? !same : same;
    if (match) {
      if (true_sel) true_sel->set_index(true_count, position);
      ++true_count;
    } else {
      if (false_sel) false_sel->set_index(false_count, position);
      ++false_count;
    }
  }
  return true_count;
}

template <typename T>
idx_t SelectForType(ComparisonOp op, const Vector& left, const Vector& right, const SelectionVector* sel,
                    idx_t count, SelectionVector* true_sel, SelectionVector* false_sel) {
  switch (op) {
    case ComparisonOp::kEqual: return SelectTyped<T, Equal>(left, right, sel, count, true_sel, false_sel);
    case ComparisonOp::kNotEqual: return SelectTyped<T, NotEqual>(left, right, sel, count, true_sel, false_sel);
    case ComparisonOp::kLess: return SelectTyped<T, Less>(left, right, sel, count, true_sel, false_sel);
    case ComparisonOp::kLessEqual: return SelectTyped<T, LessEqual>(left, right, sel, count, true_sel, false_sel);
    case ComparisonOp::kGreater: return SelectTyped<T, Greater>(left, right, sel, count, true_sel, false_sel);
    case ComparisonOp::kGreaterEqual: return SelectTyped<T, GreaterEqual>(left, right, sel, count, true_sel, false_sel);
    case ComparisonOp::kDistinctFrom: return SelectDistinct<T>(true, left, right, sel, count, true_sel, false_sel);
    case ComparisonOp::kNotDistinctFrom: return SelectDistinct<T>(false, left, right, sel, count, true_sel, false_sel);
  }
  return 0;
}

// Nested values: compare Values; a comparison that NULLs decide yields NULL (nullopt).
std::optional<int> CompareNested(const Value& a, const Value& b, bool equality) {
  if (a.is_null() || b.is_null()) return std::nullopt;
  const LogicalType& type = a.type();
  if (!type.IsNested()) return CompareValues(a, b);
  const auto& x = a.children();
  const auto& y = b.children();
  if (type.id() == TypeId::kMap && !equality) {
    SB_THROW(kTypeMismatch, "map values are not orderable");
  }
  if (equality && x.size() != y.size()) return 1;
  bool unknown = false;
  for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
    auto c = CompareNested(x[i], y[i], equality);
    if (!c) {
      if (!equality) return std::nullopt;
      unknown = true;
      continue;
    }
    if (*c != 0) return c;
  }
  if (unknown) return std::nullopt;
  return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
}

bool Decide(ComparisonOp op, int c) {
  switch (op) {
    case ComparisonOp::kEqual:
    case ComparisonOp::kNotDistinctFrom: return c == 0;
    case ComparisonOp::kNotEqual:
    case ComparisonOp::kDistinctFrom: return c != 0;
    case ComparisonOp::kLess: return c < 0;
    case ComparisonOp::kLessEqual: return c <= 0;
    case ComparisonOp::kGreater: return c > 0;
    case ComparisonOp::kGreaterEqual: return c >= 0;
  }
  return false;
}

// Result of comparing row `position` of two nested vectors: TRUE/FALSE, or nullopt for NULL.
// IS [NOT] DISTINCT FROM treats NULLs inside the values as equal to each other, as Trino does.
std::optional<bool> CompareNestedRow(ComparisonOp op, const Vector& left, const Vector& right, idx_t position) {
  if (op == ComparisonOp::kDistinctFrom || op == ComparisonOp::kNotDistinctFrom) {
    RowRef a = ResolveRow(left, position), b = ResolveRow(right, position);
    bool same = NotDistinctAt(*a.vector, a.index, *b.vector, b.index);
    return op == ComparisonOp::kDistinctFrom ? !same : same;
  }
  bool equality = op == ComparisonOp::kEqual || op == ComparisonOp::kNotEqual;
  auto c = CompareNested(left.GetValue(position), right.GetValue(position), equality);
  if (!c) return std::nullopt;
  return Decide(op, *c);
}

}  // namespace

idx_t SelectComparison(ComparisonOp op, const Vector& left, const Vector& right, const SelectionVector* sel,
                       idx_t count, SelectionVector* true_sel, SelectionVector* false_sel) {
  PhysicalType physical = left.type().physical_type();
  if (physical == PhysicalType::kList || physical == PhysicalType::kStruct) {
    idx_t true_count = 0, false_count = 0;
    for (idx_t i = 0; i < count; ++i) {
      idx_t position = sel ? sel->get_index(i) : i;
      auto result = CompareNestedRow(op, left, right, position);
      if (result.value_or(false)) {
        if (true_sel) true_sel->set_index(true_count, position);
        ++true_count;
      } else {
        if (false_sel) false_sel->set_index(false_count, position);
        ++false_count;
      }
    }
    return true_count;
  }
  return DispatchPhysical(physical, [&](auto tag) {
    return SelectForType<decltype(tag)>(op, left, right, sel, count, true_sel, false_sel);
  });
}

void CompareVectors(ComparisonOp op, const Vector& left, const Vector& right, idx_t count, Vector& result) {
  PhysicalType physical = left.type().physical_type();
  bool* out = result.data<bool>();
  if (physical == PhysicalType::kList || physical == PhysicalType::kStruct) {
    for (idx_t i = 0; i < count; ++i) {
      auto r = CompareNestedRow(op, left, right, i);
      if (r) out[i] = *r;
      else result.SetNull(i);
    }
    return;
  }
  if (op == ComparisonOp::kDistinctFrom || op == ComparisonOp::kNotDistinctFrom) {
    SelectionVector true_sel(count);
    idx_t n = SelectComparison(op, left, right, nullptr, count, &true_sel, nullptr);
    std::fill(out, out + count, false);
    for (idx_t i = 0; i < n; ++i) out[true_sel.get_index(i)] = true;
    return;
  }
  DispatchPhysical(physical, [&](auto tag) {
    using T = decltype(tag);
    auto run = [&](auto op_tag) {
      using OP = decltype(op_tag);
      ExecuteBinary<T, T, bool>(left, right, result, count, [](const T& a, const T& b) { return OP::Op(a, b); });
    };
    switch (op) {
      case ComparisonOp::kEqual: run(Equal{}); break;
      case ComparisonOp::kNotEqual: run(NotEqual{}); break;
      case ComparisonOp::kLess: run(Less{}); break;
      case ComparisonOp::kLessEqual: run(LessEqual{}); break;
      case ComparisonOp::kGreater: run(Greater{}); break;
      case ComparisonOp::kGreaterEqual: run(GreaterEqual{}); break;
      default: break;
    }
  });
}

int CompareValues(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return a.is_null() == b.is_null() ? 0 : (a.is_null() ? 1 : -1);
  const LogicalType& type = a.type();
  if (type.IsNested()) {
    const auto& x = a.children();
    const auto& y = b.children();
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
      int c = CompareValues(x[i], y[i]);
      if (c != 0) return c;
    }
    return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
  }
  switch (type.physical_type()) {
    case PhysicalType::kFloat:
    case PhysicalType::kDouble: return TotalOrderCompare(a.GetDouble(), b.GetDouble());
    case PhysicalType::kString: return TotalOrderCompare(StringView(a.GetString()), StringView(b.GetString()));
    case PhysicalType::kTimestampTz: return TotalOrderCompare(a.GetTimestampTz(), b.GetTimestampTz());
    case PhysicalType::kUInt128: return TotalOrderCompare(a.GetUuid(), b.GetUuid());
    case PhysicalType::kBool: return TotalOrderCompare(a.GetBoolean(), b.GetBoolean());
    default: return TotalOrderCompare(a.GetInt128(), b.GetInt128());
  }
}

}  // namespace switchboard
