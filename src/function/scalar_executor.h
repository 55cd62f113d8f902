// Loops that apply a per-value operation across vectors of any kind, with NULL propagation and
// fast paths for constant and flat inputs. Every vectorized scalar kernel is built on these.
#pragma once

#include <cstring>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "types/data_chunk.h"
#include "types/vector.h"

namespace switchboard {

/// Calls fn(T{}) with T the C++ type of `type`'s physical representation (non-nested only).
template <typename Fn>
decltype(auto) DispatchPhysical(PhysicalType type, Fn&& fn) {
  switch (type) {
    case PhysicalType::kBool: return fn(bool{});
    case PhysicalType::kInt8: return fn(int8_t{});
    case PhysicalType::kInt16: return fn(int16_t{});
    case PhysicalType::kInt32: return fn(int32_t{});
    case PhysicalType::kInt64: return fn(int64_t{});
    case PhysicalType::kInt128: return fn(int128_t{});
    case PhysicalType::kUInt128: return fn(uint128_t{});
    case PhysicalType::kFloat: return fn(float{});
    case PhysicalType::kDouble: return fn(double{});
    case PhysicalType::kString: return fn(StringView{});
    case PhysicalType::kTimestampTz: return fn(TimestampTz{});
    default: break;
  }
  SB_CHECK(false, "no scalar physical type");
}

/// result validity for `count` rows := validity of `source` rows (flat source).
inline void CopyValidity(const ValidityMask& source, ValidityMask& target, idx_t count) {
  if (source.AllValid()) return;
  target.Initialize(count > kVectorSize ? count : kVectorSize);
  std::memcpy(target.words(), source.words(), ValidityMask::WordCount(count) * sizeof(uint64_t));
}

/// Result validity of a row-wise operation over a unified input.
inline void GatherValidity(const UnifiedFormat& input, ValidityMask& target, idx_t count) {
  if (input.validity->AllValid()) return;
  for (idx_t i = 0; i < count; ++i) {
    if (!input.RowIsValid(i)) target.SetInvalid(i, count > kVectorSize ? count : kVectorSize);
  }
}

/// result[i] = op(input[i]) for non-NULL rows; NULL rows stay NULL. `op` may throw.
template <typename A, typename R, typename Op>
void ExecuteUnary(const Vector& input, Vector& result, idx_t count, Op&& op) {
  R* out = result.data<R>();
  if (input.IsConstant()) {
    result.SetKindConstant();
    if (input.IsNullConstant()) {
      result.SetNull(0);
    } else {
      out[0] = op(input.data<A>()[0]);
    }
    return;
  }
  if (input.IsFlat()) {
    const A* in = input.data<A>();
    const ValidityMask& mask = input.validity();
    if (mask.AllValid()) {
      for (idx_t i = 0; i < count; ++i) out[i] = op(in[i]);
    } else {
      CopyValidity(mask, result.validity(), count);
      for (idx_t i = 0; i < count; ++i) {
        if (mask.RowIsValid(i)) out[i] = op(in[i]);
      }
    }
    return;
  }
  UnifiedFormat format;
  input.ToUnifiedFormat(count, format);
  const A* in = format.GetData<A>();
  for (idx_t i = 0; i < count; ++i) {
    idx_t index = format.sel->get_index(i);
    if (format.validity->RowIsValid(index)) {
      out[i] = op(in[index]);
    } else {
      result.SetNull(i);
    }
  }
}

/// Like ExecuteUnary, but `op(value, result_validity, row)` may also mark the row NULL.
template <typename A, typename R, typename Op>
void ExecuteUnaryWithNulls(const Vector& input, Vector& result, idx_t count, Op&& op) {
  R* out = result.data<R>();
  if (input.IsConstant()) {
    result.SetKindConstant();
    if (input.IsNullConstant()) {
      result.SetNull(0);
    } else {
      out[0] = op(input.data<A>()[0], result.validity(), 0);
    }
    return;
  }
  UnifiedFormat format;
  input.ToUnifiedFormat(count, format);
  const A* in = format.GetData<A>();
  for (idx_t i = 0; i < count; ++i) {
    idx_t index = format.sel->get_index(i);
    if (format.validity->RowIsValid(index)) {
      out[i] = op(in[index], result.validity(), i);
    } else {
      result.SetNull(i);
    }
  }
}

namespace detail {

template <typename A, typename B, typename R, bool kLeftConstant, bool kRightConstant, typename Op>
void BinaryFlatLoop(const A* left, const B* right, R* out, const ValidityMask& valid, idx_t count,
                    Op&& op) {
  if (valid.AllValid()) {
    for (idx_t i = 0; i < count; ++i) {
      out[i] = op(left[kLeftConstant ? 0 : i], right[kRightConstant ? 0 : i]);
    }
  } else {
    for (idx_t i = 0; i < count; ++i) {
      if (valid.RowIsValid(i)) out[i] = op(left[kLeftConstant ? 0 : i], right[kRightConstant ? 0 : i]);
    }
  }
}

inline void AndValidity(const ValidityMask& a, const ValidityMask& b, ValidityMask& target, idx_t count) {
  if (a.AllValid() && b.AllValid()) return;
  target.Initialize(count > kVectorSize ? count : kVectorSize);
  idx_t words = ValidityMask::WordCount(count);
  for (idx_t w = 0; w < words; ++w) {
    uint64_t x = a.AllValid() ? ~uint64_t{0} : a.words()[w];
    uint64_t y = b.AllValid() ? ~uint64_t{0} : b.words()[w];
    target.words()[w] = x & y;
  }
}

}  // namespace detail

/// result[i] = op(left[i], right[i]) where both are non-NULL; otherwise NULL.
template <typename A, typename B, typename R, typename Op>
void ExecuteBinary(const Vector& left, const Vector& right, Vector& result, idx_t count, Op&& op) {
  R* out = result.data<R>();
  if (left.IsConstant() && right.IsConstant()) {
    result.SetKindConstant();
    if (left.IsNullConstant() || right.IsNullConstant()) {
      result.SetNull(0);
    } else {
      out[0] = op(left.data<A>()[0], right.data<B>()[0]);
    }
    return;
  }
  if ((left.IsNullConstant()) || (right.IsNullConstant())) {
    result.SetKindConstant();
    result.SetNull(0);
    return;
  }
  if (left.IsFlat() && right.IsFlat()) {
    detail::AndValidity(left.validity(), right.validity(), result.validity(), count);
    detail::BinaryFlatLoop<A, B, R, false, false>(left.data<A>(), right.data<B>(), out,
                                                  result.validity(), count, op);
    return;
  }
  if (left.IsFlat() && right.IsConstant()) {
    CopyValidity(left.validity(), result.validity(), count);
    detail::BinaryFlatLoop<A, B, R, false, true>(left.data<A>(), right.data<B>(), out,
                                                 result.validity(), count, op);
    return;
  }
  if (left.IsConstant() && right.IsFlat()) {
    CopyValidity(right.validity(), result.validity(), count);
    detail::BinaryFlatLoop<A, B, R, true, false>(left.data<A>(), right.data<B>(), out,
                                                 result.validity(), count, op);
    return;
  }
  UnifiedFormat lf, rf;
  left.ToUnifiedFormat(count, lf);
  right.ToUnifiedFormat(count, rf);
  const A* l = lf.GetData<A>();
  const B* r = rf.GetData<B>();
  for (idx_t i = 0; i < count; ++i) {
    idx_t li = lf.sel->get_index(i), ri = rf.sel->get_index(i);
    if (lf.validity->RowIsValid(li) && rf.validity->RowIsValid(ri)) {
      out[i] = op(l[li], r[ri]);
    } else {
      result.SetNull(i);
    }
  }
}

/// Like ExecuteBinary, but `op(a, b, result_validity, row)` may also mark the row NULL.
template <typename A, typename B, typename R, typename Op>
void ExecuteBinaryWithNulls(const Vector& left, const Vector& right, Vector& result, idx_t count,
                            Op&& op) {
  R* out = result.data<R>();
  if (left.IsConstant() && right.IsConstant()) {
    result.SetKindConstant();
    if (left.IsNullConstant() || right.IsNullConstant()) {
      result.SetNull(0);
    } else {
      out[0] = op(left.data<A>()[0], right.data<B>()[0], result.validity(), 0);
    }
    return;
  }
  UnifiedFormat lf, rf;
  left.ToUnifiedFormat(count, lf);
  right.ToUnifiedFormat(count, rf);
  const A* l = lf.GetData<A>();
  const B* r = rf.GetData<B>();
  for (idx_t i = 0; i < count; ++i) {
    idx_t li = lf.sel->get_index(i), ri = rf.sel->get_index(i);
    if (lf.validity->RowIsValid(li) && rf.validity->RowIsValid(ri)) {
      out[i] = op(l[li], r[ri], result.validity(), i);
    } else {
      result.SetNull(i);
    }
  }
}

/// result[i] = op(a[i], b[i], c[i], result_validity, row) where all three are non-NULL.
template <typename A, typename B, typename C, typename R, typename Op>
void ExecuteTernary(const Vector& a, const Vector& b, const Vector& c, Vector& result, idx_t count,
                    Op&& op) {
  R* out = result.data<R>();
  bool all_constant = a.IsConstant() && b.IsConstant() && c.IsConstant();
  idx_t rows = all_constant ? 1 : count;
  if (all_constant) result.SetKindConstant();
  UnifiedFormat af, bf, cf;
  a.ToUnifiedFormat(rows, af);
  b.ToUnifiedFormat(rows, bf);
  c.ToUnifiedFormat(rows, cf);
  const A* ad = af.GetData<A>();
  const B* bd = bf.GetData<B>();
  const C* cd = cf.GetData<C>();
  for (idx_t i = 0; i < rows; ++i) {
    idx_t ai = af.sel->get_index(i), bi = bf.sel->get_index(i), ci = cf.sel->get_index(i);
    if (af.validity->RowIsValid(ai) && bf.validity->RowIsValid(bi) && cf.validity->RowIsValid(ci)) {
      out[i] = op(ad[ai], bd[bi], cd[ci], result.validity(), i);
    } else {
      result.SetNull(i);
    }
  }
}

/// Rows of several argument vectors of any kind, for kernels with more arguments (or more varied
/// ones) than the Execute templates take.
class ArgumentRows {
 public:
  /// Reads the first `columns` arguments of `args` (all of them when 0).
  explicit ArgumentRows(const DataChunk& args, idx_t columns = 0) : formats_(columns ? columns : args.ColumnCount()) {
    for (idx_t a = 0; a < formats_.size(); ++a) args.column(a).ToUnifiedFormat(args.size(), formats_[a]);
  }
  /// Whether any of the arguments read is NULL in row `row`.
  bool AnyNull(idx_t row) const {
    for (const UnifiedFormat& f : formats_) {
      if (!f.RowIsValid(row)) return true;
    }
    return false;
  }
  bool IsValid(idx_t argument, idx_t row) const { return formats_[argument].RowIsValid(row); }
  /// The value of `argument` in `row` (which must not be NULL), as physical type T.
  template <typename T>
  const T& Get(idx_t argument, idx_t row) const {
    const UnifiedFormat& f = formats_[argument];
    return f.GetData<T>()[f.sel->get_index(row)];
  }
  std::string_view String(idx_t argument, idx_t row) const { return Get<StringView>(argument, row).view(); }

 private:
  std::vector<UnifiedFormat> formats_;
};

}  // namespace switchboard
