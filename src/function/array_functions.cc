// Array functions: the ARRAY[...] constructor, subscripts, element_at, cardinality, searching,
// set operations, sorting, slicing, sequences, flatten, zip, repeat and array concatenation.
// Elements of any type are compared through the nested-vector operations (NULLs sort last).
#include <algorithm>
#include <numeric>
#include <random>

#include "common/error.h"
#include "function/bind_util.h"
#include "function/calendar.h"
#include "function/cast.h"
#include "function/function_registry.h"
#include "function/nested_vector.h"
#include "function/type_coercion.h"

namespace switchboard {

namespace {

LogicalType ElementTypeOf(const LogicalType& array, const std::string& function) {
  CheckArgumentType(array.id() == TypeId::kArray, function, array, "an array");
  return array.element_type();
}

// ----- constructor
// ---------------------------------------------------------------------------------

std::unique_ptr<FunctionData> BindArrayConstructor(ScalarFunction& function,
                                                   const std::vector<LogicalType>& types,
                                                   const std::vector<std::optional<Value>>&) {
  LogicalType element = CommonArgumentType(types, "ARRAY constructor");
  function.arguments.assign(types.size(), element);
  function.return_type = LogicalType::Array(element);
  return nullptr;
}

void ArrayConstructorKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size(), n = args.ColumnCount();
  ListWriter writer(result);
  Vector& child = writer.Reserve(count * n);
  if (n == 1) {
    child.CopyRows(args.column(0), SelectionVector(), count, 0);
  } else if (n > 1) {
    SelectionVector targets(count);
    for (idx_t a = 0; a < n; ++a) {
      for (idx_t i = 0; i < count; ++i) targets.set_index(i, i * n + a);
      child.ScatterRows(args.column(a), count, targets);
    }
  }
  writer.Advance(count * n);
  ListEntry* entries = result.data<ListEntry>();
  for (idx_t i = 0; i < count; ++i)
    entries[i] = ListEntry{static_cast<uint32_t>(i * n), static_cast<uint32_t>(n)};
  writer.Finish();
}

// ----- subscripts
// ----------------------------------------------------------------------------------

std::unique_ptr<FunctionData> BindElementOfArray(ScalarFunction& function,
                                                 const std::vector<LogicalType>& types,
                                                 const std::vector<std::optional<Value>>&) {
  function.return_type = ElementTypeOf(types[0], function.name);
  return nullptr;
}

/// Writes child[position_of(i)] to row i of `result`, or NULL where position_of gives nullopt.
template <typename PositionOf>
void GatherRows(const Vector& child, idx_t count, Vector& result, PositionOf&& position_of) {
  SelectionVector positions(count);
  std::vector<bool> null_rows(count);
  std::optional<idx_t> any_valid;
  for (idx_t i = 0; i < count; ++i) {
    std::optional<idx_t> position = position_of(i);
    null_rows[i] = !position;
    if (position) any_valid = *position;
    positions.set_index(i, position.value_or(0));
  }
  if (!any_valid) {
    result.SetKindConstant();
    result.SetNull(0);
    return;
  }
  for (idx_t i = 0; i < count; ++i) {
    if (null_rows[i]) positions.set_index(i, *any_valid);  // any readable element; the row is NULL
  }
  result.CopyRows(child, positions, count, 0);
  for (idx_t i = 0; i < count; ++i) {
    if (null_rows[i]) result.SetNull(i);
  }
}

/// subscript and element_at: `locate(entry, index)` gives the child position or nullopt.
template <typename Locate>
void IndexKernel(DataChunk& args, Vector& result, Locate&& locate) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  UnifiedFormat indexes;
  args.column(1).ToUnifiedFormat(count, indexes);
  GatherRows(arrays.child(), count, result, [&](idx_t i) -> std::optional<idx_t> {
    idx_t index_row = indexes.sel->get_index(i);
    if (!arrays.IsValid(i) || !indexes.validity->RowIsValid(index_row)) return std::nullopt;
    return locate(arrays.Entry(i), indexes.GetData<int64_t>()[index_row]);
  });
}

void SubscriptKernel(DataChunk& args, FunctionContext&, Vector& result) {
  IndexKernel(args, result, [](const ListEntry& entry, int64_t index) -> std::optional<idx_t> {
    SB_USER_CHECK(index != 0, kSubscriptOutOfRange, "SQL array indices start at 1");
    SB_USER_CHECK(index > 0, kSubscriptOutOfRange, "Array subscript is negative: {}", index);
    SB_USER_CHECK(index <= entry.length, kSubscriptOutOfRange,
                  "Array subscript must be less than or equal to array length: {} > {}", index,
                  entry.length);
    return entry.offset + static_cast<idx_t>(index - 1);
  });
}

void ElementAtKernel(DataChunk& args, FunctionContext&, Vector& result) {
  IndexKernel(args, result, [](const ListEntry& entry, int64_t index) -> std::optional<idx_t> {
    SB_USER_CHECK(index != 0, kSubscriptOutOfRange, "SQL array indices start at 1");
    int64_t length = entry.length;
    if (index > length || index < -length) return std::nullopt;
    return entry.offset + static_cast<idx_t>(index > 0 ? index - 1 : length + index);
  });
}

void CardinalityKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ExecuteUnary<ListEntry, int64_t>(args.column(0), result, args.size(), [](const ListEntry& entry) {
    return static_cast<int64_t>(entry.length);
  });
}

// ----- searching
// -----------------------------------------------------------------------------------

// contains/array_position/array_remove take an array and a value of its (common) element type.
std::unique_ptr<FunctionData> BindArrayAndElement(ScalarFunction& function,
                                                  const std::vector<LogicalType>& types,
                                                  const std::vector<std::optional<Value>>&) {
  LogicalType element =
      CommonArgumentType({ElementTypeOf(types[0], function.name), types[1]}, function.name);
  if (element.id() == TypeId::kUnknown) element = TypeId::kBoolean;
  function.arguments = {LogicalType::Array(element), element};
  if (function.return_type.id() == TypeId::kArray || !function.return_type.IsValid()) {
    function.return_type = LogicalType::Array(element);
  }
  return nullptr;
}

template <typename Ops>
void ContainsKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  const Vector& child = arrays.child();
  bool* out = result.data<bool>();
  for (idx_t i = 0; i < count; ++i) {
    RowRef needle = ResolveRow(args.column(1), i);
    if (!arrays.IsValid(i) || !IsValidAt(*needle.vector, needle.index)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& entry = arrays.Entry(i);
    bool found = false, saw_null = false;
    for (uint32_t k = 0; k < entry.length && !found; ++k) {
      idx_t e = entry.offset + k;
      if (!IsValidAt(child, e))
        saw_null = true;
      else
        found = Ops::Equal(child, e, *needle.vector, needle.index);
    }
    if (!found && saw_null)
      result.SetNull(i);
    else
      out[i] = found;
  }
}

template <typename Ops>
void ArrayPositionKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  const Vector& child = arrays.child();
  int64_t* out = result.data<int64_t>();
  for (idx_t i = 0; i < count; ++i) {
    RowRef needle = ResolveRow(args.column(1), i);
    if (!arrays.IsValid(i) || !IsValidAt(*needle.vector, needle.index)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& entry = arrays.Entry(i);
    out[i] = 0;
    for (uint32_t k = 0; k < entry.length; ++k) {
      idx_t e = entry.offset + k;
      if (IsValidAt(child, e) && Ops::Equal(child, e, *needle.vector, needle.index)) {
        out[i] = k + 1;
        break;
      }
    }
  }
}

// ----- element-selecting functions
// -------------------------------------------------------------------

// Writes, for each valid row of the first argument, the child elements `select` appends to
// `chosen` (indexes into the first array's child vector).
template <typename Select>
void SelectElements(DataChunk& args, Vector& result, idx_t null_check_columns, Select&& select) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  ArgumentRows rows(args, null_check_columns);
  ListWriter writer(result);
  std::vector<sel_t> chosen;
  for (idx_t i = 0; i < count; ++i) {
    if (rows.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    chosen.clear();
    select(i, arrays.Entry(i), chosen);
    idx_t start = writer.size();
    writer.Append(arrays.child(), SelectionVector(chosen.data()), chosen.size());
    writer.EndRow(i, start);
  }
  writer.Finish();
}

template <typename Ops>
void ArrayDistinctKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ValueSet<Ops> seen;
  const Vector* child = nullptr;
  SelectElements(args, result, 1, [&](idx_t, const ListEntry& entry, std::vector<sel_t>& chosen) {
    if (!child) child = &ListView(args.column(0), args.size()).child();
    seen.Clear(entry.length);
    for (uint32_t k = 0; k < entry.length; ++k) {
      if (seen.Insert(*child, entry.offset + k)) chosen.push_back(entry.offset + k);
    }
  });
}

template <typename Ops>
void ArrayRemoveKernel(DataChunk& args, FunctionContext&, Vector& result) {
  const Vector& child = ListView(args.column(0), args.size()).child();
  SelectElements(
      args, result, 2, [&](idx_t row, const ListEntry& entry, std::vector<sel_t>& chosen) {
        RowRef needle = ResolveRow(args.column(1), row);
        for (uint32_t k = 0; k < entry.length; ++k) {
          idx_t e = entry.offset + k;
          if (!IsValidAt(child, e) || !Ops::Equal(child, e, *needle.vector, needle.index))
            chosen.push_back(static_cast<sel_t>(e));
        }
      });
}

template <typename Ops>
void ArraySortKernel(DataChunk& args, FunctionContext&, Vector& result) {
  const Vector& child = ListView(args.column(0), args.size()).child();
  SelectElements(args, result, 1, [&](idx_t, const ListEntry& entry, std::vector<sel_t>& chosen) {
    for (uint32_t k = 0; k < entry.length; ++k) chosen.push_back(entry.offset + k);
    std::stable_sort(chosen.begin(), chosen.end(), [&](sel_t a, sel_t b) {
      bool av = IsValidAt(child, a), bv = IsValidAt(child, b);
      if (!av || !bv) return av && !bv;  // NULLs last
      return Ops::Compare(child, a, child, b) < 0;
    });
  });
}

void ArrayReverseKernel(DataChunk& args, FunctionContext&, Vector& result) {
  SelectElements(args, result, 1, [&](idx_t, const ListEntry& entry, std::vector<sel_t>& chosen) {
    for (uint32_t k = entry.length; k > 0; --k) chosen.push_back(entry.offset + k - 1);
  });
}

void ShuffleKernel(DataChunk& args, FunctionContext&, Vector& result) {
  thread_local std::mt19937_64 engine(std::random_device{}());
  SelectElements(args, result, 1, [&](idx_t, const ListEntry& entry, std::vector<sel_t>& chosen) {
    for (uint32_t k = 0; k < entry.length; ++k) chosen.push_back(entry.offset + k);
    std::shuffle(chosen.begin(), chosen.end(), engine);
  });
}

void SliceKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ArgumentRows rows(args, 3);
  SelectElements(
      args, result, 3, [&](idx_t row, const ListEntry& entry, std::vector<sel_t>& chosen) {
        int64_t start = rows.Get<int64_t>(1, row), length = rows.Get<int64_t>(2, row);
        SB_USER_CHECK(start != 0, kSubscriptOutOfRange, "SQL array indices start at 1");
        SB_USER_CHECK(length >= 0, kInvalidParameter, "length must be greater than or equal to 0");
        int64_t size = entry.length;
        int64_t first = start > 0 ? start - 1 : size + start;
        if (first < 0 || first >= size) return;
        int64_t end = std::min(size, first + length);
        for (int64_t k = first; k < end; ++k)
          chosen.push_back(static_cast<sel_t>(entry.offset + k));
      });
}

void TrimArrayKernel(DataChunk& args, FunctionContext&, Vector& result) {
  ArgumentRows rows(args, 2);
  SelectElements(
      args, result, 2, [&](idx_t row, const ListEntry& entry, std::vector<sel_t>& chosen) {
        int64_t n = rows.Get<int64_t>(1, row);
        SB_USER_CHECK(n >= 0 && n <= entry.length, kInvalidParameter,
                      "size must be between 0 and the array's cardinality {}: {}", entry.length, n);
        for (uint32_t k = 0; k + n < entry.length; ++k) chosen.push_back(entry.offset + k);
      });
}

// ----- extremes ----------------------------------------------------------------------------------

// array_max/array_min: NULL for empty arrays and arrays holding a NULL.
template <bool kMax, typename Ops>
void ArrayExtremeKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView arrays(args.column(0), count);
  const Vector& child = arrays.child();
  GatherRows(child, count, result, [&](idx_t i) -> std::optional<idx_t> {
    if (!arrays.IsValid(i)) return std::nullopt;
    const ListEntry& entry = arrays.Entry(i);
    std::optional<idx_t> best;
    for (uint32_t k = 0; k < entry.length; ++k) {
      idx_t e = entry.offset + k;
      if (!IsValidAt(child, e)) return std::nullopt;
      int c = best ? Ops::Compare(child, e, child, *best) : 0;
      if (!best || (kMax ? c > 0 : c < 0)) best = e;
    }
    return best;
  });
}

// ----- array_join
// ------------------------------------------------------------------------------------

// array_join: elements as CAST(x AS VARCHAR) gives them; NULLs skipped or replaced.
void ArrayJoinKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  bool has_replacement = args.ColumnCount() > 2;
  ListView arrays(args.column(0), count);
  Vector texts(LogicalType::Varchar(), std::max<idx_t>(arrays.child_size(), 1));
  if (arrays.child_size() > 0) FormatVector(arrays.child(), texts, arrays.child_size());
  const StringView* text = texts.data<StringView>();
  ArgumentRows rows(args);
  std::string buffer;
  StringView* out = result.data<StringView>();
  for (idx_t i = 0; i < count; ++i) {
    if (rows.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    std::string_view delimiter = rows.String(1, i);
    const ListEntry& entry = arrays.Entry(i);
    buffer.clear();
    bool first = true;
    for (uint32_t k = 0; k < entry.length; ++k) {
      idx_t e = entry.offset + k;
      bool valid = IsValidAt(texts, e);
      if (!valid && !has_replacement) continue;
      if (!first) buffer.append(delimiter);
      first = false;
      buffer.append(valid ? text[e].view() : rows.String(2, i));
    }
    out[i] = result.AddString(buffer);
  }
}

// ----- set operations ----------------------------------------------------------------------------

std::unique_ptr<FunctionData> BindTwoArrays(ScalarFunction& function,
                                            const std::vector<LogicalType>& types,
                                            const std::vector<std::optional<Value>>&) {
  LogicalType element = CommonArgumentType(
      {ElementTypeOf(types[0], function.name), ElementTypeOf(types[1], function.name)},
      function.name);
  function.arguments = {LogicalType::Array(element), LogicalType::Array(element)};
  if (function.return_type.id() != TypeId::kBoolean)
    function.return_type = LogicalType::Array(element);
  return nullptr;
}

enum class SetOp { kUnion, kIntersect, kExcept };

template <SetOp kOp, typename Ops>
void SetOperationKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView left(args.column(0), count), right(args.column(1), count);
  ListWriter writer(result);
  ValueSet<Ops> seen, other;
  std::vector<sel_t> chosen;
  for (idx_t i = 0; i < count; ++i) {
    if (!left.IsValid(i) || !right.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& a = left.Entry(i);
    const ListEntry& b = right.Entry(i);
    idx_t start = writer.size();
    seen.Clear(a.length + b.length);
    chosen.clear();
    if constexpr (kOp == SetOp::kUnion) {
      for (uint32_t k = 0; k < a.length; ++k) {
        if (seen.Insert(left.child(), a.offset + k)) chosen.push_back(a.offset + k);
      }
      writer.Append(left.child(), SelectionVector(chosen.data()), chosen.size());
      chosen.clear();
      for (uint32_t k = 0; k < b.length; ++k) {
        if (seen.Insert(right.child(), b.offset + k)) chosen.push_back(b.offset + k);
      }
      writer.Append(right.child(), SelectionVector(chosen.data()), chosen.size());
    } else {
      other.Clear(b.length);
      for (uint32_t k = 0; k < b.length; ++k) other.Insert(right.child(), b.offset + k);
      for (uint32_t k = 0; k < a.length; ++k) {
        idx_t e = a.offset + k;
        bool in_other = other.Contains(left.child(), e);
        if ((kOp == SetOp::kIntersect) == in_other && seen.Insert(left.child(), e))
          chosen.push_back(static_cast<sel_t>(e));
      }
      writer.Append(left.child(), SelectionVector(chosen.data()), chosen.size());
    }
    writer.EndRow(i, start);
  }
  writer.Finish();
}

template <typename Ops>
void ArraysOverlapKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView left(args.column(0), count), right(args.column(1), count);
  ValueSet<Ops> set;
  bool* out = result.data<bool>();
  for (idx_t i = 0; i < count; ++i) {
    if (!left.IsValid(i) || !right.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& a = left.Entry(i);
    const ListEntry& b = right.Entry(i);
    set.Clear(a.length);
    bool saw_null = false, found = false;
    for (uint32_t k = 0; k < a.length; ++k) {
      if (IsValidAt(left.child(), a.offset + k))
        set.Insert(left.child(), a.offset + k);
      else
        saw_null = true;
    }
    for (uint32_t k = 0; k < b.length && !found; ++k) {
      if (!IsValidAt(right.child(), b.offset + k))
        saw_null = true;
      else
        found = set.Contains(right.child(), b.offset + k);
    }
    if (!found && saw_null)
      result.SetNull(i);
    else
      out[i] = found;
  }
}

// ----- flatten, zip, repeat, concat --------------------------------------------------------------

void FlattenKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ListView outer(args.column(0), count);
  const Vector& inner_lists = outer.child();
  const ListEntry* inner_entries = inner_lists.data<ListEntry>();
  const Vector& elements = inner_lists.list_child();
  ListWriter writer(result);
  std::vector<sel_t> chosen;
  for (idx_t i = 0; i < count; ++i) {
    if (!outer.IsValid(i)) {
      result.SetNull(i);
      continue;
    }
    const ListEntry& entry = outer.Entry(i);
    chosen.clear();
    for (uint32_t k = 0; k < entry.length; ++k) {
      idx_t list = entry.offset + k;
      if (!IsValidAt(inner_lists, list)) continue;
      const ListEntry& e = inner_entries[list];
      for (uint32_t m = 0; m < e.length; ++m) chosen.push_back(e.offset + m);
    }
    idx_t start = writer.size();
    writer.Append(elements, SelectionVector(chosen.data()), chosen.size());
    writer.EndRow(i, start);
  }
  writer.Finish();
}

std::unique_ptr<FunctionData> BindZip(ScalarFunction& function,
                                      const std::vector<LogicalType>& types,
                                      const std::vector<std::optional<Value>>&) {
  SB_USER_CHECK(types.size() >= 2, kTypeMismatch, "zip expects at least two arrays");
  std::vector<std::pair<std::string, LogicalType>> fields;
  for (const LogicalType& type : types) fields.emplace_back("", ElementTypeOf(type, function.name));
  function.return_type = LogicalType::Array(LogicalType::Row(std::move(fields)));
  return nullptr;
}

void ZipKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size(), n = args.ColumnCount();
  std::vector<ListView> arrays;
  for (idx_t a = 0; a < n; ++a) arrays.emplace_back(args.column(a), count);
  ListWriter writer(result);
  for (idx_t i = 0; i < count; ++i) {
    bool null = false;
    uint32_t length = 0;
    for (idx_t a = 0; a < n; ++a) {
      if (!arrays[a].IsValid(i))
        null = true;
      else
        length = std::max(length, arrays[a].Entry(i).length);
    }
    if (null) {
      result.SetNull(i);
      continue;
    }
    idx_t start = writer.size();
    Vector& rows = writer.Reserve(length);
    auto& fields = rows.struct_children();
    for (uint32_t k = 0; k < length; ++k) {
      for (idx_t a = 0; a < n; ++a) {
        const ListEntry& entry = arrays[a].Entry(i);
        if (k < entry.length) {
          CopyValueAt(arrays[a].child(), entry.offset + k, fields[a], start + k);
        } else {
          fields[a].SetNull(start + k);
        }
      }
      rows.validity().SetValid(start + k);
    }
    writer.Advance(length);
    writer.EndRow(i, start);
  }
  writer.Finish();
}

void RepeatKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  UnifiedFormat counts;
  args.column(1).ToUnifiedFormat(count, counts);
  const Vector& element = args.column(0);
  ListWriter writer(result);
  std::vector<sel_t> repeated;
  for (idx_t i = 0; i < count; ++i) {
    idx_t ci = counts.sel->get_index(i);
    if (!counts.validity->RowIsValid(ci)) {
      result.SetNull(i);
      continue;
    }
    int64_t n = counts.GetData<int64_t>()[ci];
    SB_USER_CHECK(n >= 0, kInvalidParameter,
                  "count argument of repeat function must be greater than or equal to 0");
    SB_USER_CHECK(n <= 10000, kInvalidParameter,
                  "count argument of repeat function must be less than or equal to 10000");
    repeated.assign(static_cast<size_t>(n), static_cast<sel_t>(element.IsConstant() ? 0 : i));
    idx_t start = writer.size();
    writer.Append(element, SelectionVector(repeated.data()), repeated.size());
    writer.EndRow(i, start);
  }
  writer.Finish();
}

// concat(array1, array2, ...), with single elements allowed among the arrays.
std::unique_ptr<FunctionData> BindArrayConcat(ScalarFunction& function,
                                              const std::vector<LogicalType>& types,
                                              const std::vector<std::optional<Value>>&) {
  std::vector<LogicalType> elements;
  bool any_array = false;
  for (const LogicalType& type : types) {
    any_array = any_array || type.id() == TypeId::kArray;
    if (type.id() == TypeId::kArray)
      elements.push_back(type.element_type());
    else if (type.id() != TypeId::kUnknown)
      elements.push_back(type);
  }
  SB_USER_CHECK(any_array, kTypeMismatch,
                "Unexpected parameters ({}) for function concat: expected strings or arrays", [&] {
                  std::string names;
                  for (const auto& t : types) names += (names.empty() ? "" : ", ") + t.ToString();
                  return names;
                }());
  LogicalType element = CommonArgumentType(elements, "concat");
  function.arguments.clear();
  // A NULL literal stands for a NULL array, as in ARRAY[1] || NULL.
  for (const LogicalType& type : types) {
    bool array = type.id() == TypeId::kArray || type.id() == TypeId::kUnknown;
    function.arguments.push_back(array ? LogicalType::Array(element) : element);
  }
  function.return_type = LogicalType::Array(element);
  return nullptr;
}

void ArrayConcatKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size(), n = args.ColumnCount();
  std::vector<std::optional<ListView>> arrays;
  for (idx_t a = 0; a < n; ++a) {
    if (args.column(a).type().id() == TypeId::kArray)
      arrays.emplace_back(std::in_place, args.column(a), count);
    else
      arrays.emplace_back();
  }
  ListWriter writer(result);
  std::vector<sel_t> chosen;
  for (idx_t i = 0; i < count; ++i) {
    bool null = false;
    for (idx_t a = 0; a < n; ++a) null = null || (arrays[a] && !arrays[a]->IsValid(i));
    if (null) {
      result.SetNull(i);
      continue;
    }
    idx_t start = writer.size();
    for (idx_t a = 0; a < n; ++a) {
      chosen.clear();
      if (arrays[a]) {
        const ListEntry& entry = arrays[a]->Entry(i);
        for (uint32_t k = 0; k < entry.length; ++k) chosen.push_back(entry.offset + k);
        writer.Append(arrays[a]->child(), SelectionVector(chosen.data()), chosen.size());
      } else {
        chosen.push_back(static_cast<sel_t>(args.column(a).IsConstant() ? 0 : i));
        writer.Append(args.column(a), SelectionVector(chosen.data()), 1);
      }
    }
    writer.EndRow(i, start);
  }
  writer.Finish();
}

// ----- sequence ----------------------------------------------------------------------------------

constexpr int64_t kMaxSequenceEntries = 10000;

void CheckSequence(int64_t start, int64_t stop, int64_t step) {
  SB_USER_CHECK(step != 0, kInvalidParameter, "step must not be zero");
  SB_USER_CHECK(step > 0 ? stop >= start : stop <= start, kInvalidParameter,
                "sequence stop value should be greater than or equal to start value if step is "
                "greater than zero "
                "otherwise stop should be less than or equal to start");
}

void CheckSequenceLength(int64_t entries) {
  SB_USER_CHECK(entries <= kMaxSequenceEntries, kInvalidParameter,
                "result of sequence function must not have more than {} entries",
                kMaxSequenceEntries);
}

// Integer and fixed-step sequences: start, start + step, ... up to stop. `kDate` values are days.
template <typename T, bool kHasStep, int64_t kStepScale>
void SequenceKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ArgumentRows rows(args);
  ListWriter writer(result);
  for (idx_t i = 0; i < count; ++i) {
    if (rows.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    int64_t start = rows.Get<T>(0, i), stop = rows.Get<T>(1, i);
    int64_t step = kHasStep ? rows.Get<int64_t>(2, i) : (stop >= start ? 1 : -1) * kStepScale;
    if (kStepScale > 1) {
      SB_USER_CHECK(step % kStepScale == 0, kInvalidParameter,
                    "sequence step must be a day interval if start and end values are dates");
      step /= kStepScale;
    }
    CheckSequence(start, stop, step);
    int64_t entries = static_cast<int64_t>((static_cast<__int128>(stop) - start) / step) + 1;
    CheckSequenceLength(entries);
    idx_t first = writer.size();
    Vector& child = writer.Reserve(static_cast<idx_t>(entries));
    T* out = child.data<T>();
    for (int64_t k = 0; k < entries; ++k) out[first + k] = static_cast<T>(start + k * step);
    writer.Advance(static_cast<idx_t>(entries));
    writer.EndRow(i, first);
  }
  writer.Finish();
}

// Month-stepped sequences of dates or timestamps (INTERVAL YEAR TO MONTH steps).
template <typename T>
void MonthSequenceKernel(DataChunk& args, FunctionContext&, Vector& result) {
  idx_t count = args.size();
  ArgumentRows rows(args, 3);
  ListWriter writer(result);
  for (idx_t i = 0; i < count; ++i) {
    if (rows.AnyNull(i)) {
      result.SetNull(i);
      continue;
    }
    T start = rows.Get<T>(0, i), stop = rows.Get<T>(1, i);
    int32_t months = rows.Get<int32_t>(2, i);
    CheckSequence(start, stop, months);
    idx_t first = writer.size();
    for (int64_t k = 0;; ++k) {
      T value;
      if constexpr (std::is_same_v<T, int32_t>)
        value = AddMonthsToDate(start, k * months);
      else
        value = AddMonthsToTimestamp(start, k * months);
      if (months > 0 ? value > stop : value < stop) break;
      CheckSequenceLength(k + 1);
      Vector& child = writer.Reserve(1);
      child.data<T>()[writer.size()] = value;
      writer.Advance(1);
    }
    writer.EndRow(i, first);
  }
  writer.Finish();
}

// ----- registration ------------------------------------------------------------------------------

// Kernels templated on element operations, picked for the bound element type.
#define SB_PICK(KERNEL)                                                                          \
  [](const LogicalType& element) {                                                               \
    return DispatchOps(element, [](auto ops) -> ScalarKernel { return KERNEL<decltype(ops)>; }); \
  }

using KernelPicker = ScalarKernel (*)(const LogicalType& element);

const KernelPicker kPickContains = SB_PICK(ContainsKernel);
const KernelPicker kPickPosition = SB_PICK(ArrayPositionKernel);
const KernelPicker kPickRemove = SB_PICK(ArrayRemoveKernel);
const KernelPicker kPickDistinct = SB_PICK(ArrayDistinctKernel);
const KernelPicker kPickSort = SB_PICK(ArraySortKernel);
const KernelPicker kPickMax = [](const LogicalType& element) {
  return DispatchOps(
      element, [](auto ops) -> ScalarKernel { return ArrayExtremeKernel<true, decltype(ops)>; });
};
const KernelPicker kPickMin = [](const LogicalType& element) {
  return DispatchOps(
      element, [](auto ops) -> ScalarKernel { return ArrayExtremeKernel<false, decltype(ops)>; });
};
const KernelPicker kPickUnion = [](const LogicalType& element) {
  return DispatchOps(element, [](auto ops) -> ScalarKernel {
    return SetOperationKernel<SetOp::kUnion, decltype(ops)>;
  });
};
const KernelPicker kPickIntersect = [](const LogicalType& element) {
  return DispatchOps(element, [](auto ops) -> ScalarKernel {
    return SetOperationKernel<SetOp::kIntersect, decltype(ops)>;
  });
};
const KernelPicker kPickExcept = [](const LogicalType& element) {
  return DispatchOps(element, [](auto ops) -> ScalarKernel {
    return SetOperationKernel<SetOp::kExcept, decltype(ops)>;
  });
};
const KernelPicker kPickOverlap = SB_PICK(ArraysOverlapKernel);
#undef SB_PICK

/// Binds with `base`, then picks the kernel for the bound element type.
template <ScalarBind kBase, const KernelPicker* kPicker>
std::unique_ptr<FunctionData> BindAndPick(ScalarFunction& function,
                                          const std::vector<LogicalType>& types,
                                          const std::vector<std::optional<Value>>& constants) {
  auto data = kBase(function, types, constants);
  function.kernel = (*kPicker)(function.arguments[0].element_type());
  return data;
}

std::unique_ptr<FunctionData> BindSameArray(ScalarFunction& function,
                                            const std::vector<LogicalType>& types,
                                            const std::vector<std::optional<Value>>&) {
  ElementTypeOf(types[0], function.name);
  function.return_type = types[0];
  return nullptr;
}

std::unique_ptr<FunctionData> BindOrderableElement(
    ScalarFunction& function, const std::vector<LogicalType>& types,
    const std::vector<std::optional<Value>>& constants) {
  LogicalType element = ElementTypeOf(types[0], function.name);
  SB_USER_CHECK(element.IsOrderable() || element.id() == TypeId::kUnknown, kTypeMismatch,
                "{} is not supported for arrays of {}", function.name, element.ToString());
  function.return_type =
      function.return_type.IsValid() && function.return_type.id() == TypeId::kArray ? types[0]
                                                                                    : element;
  return nullptr;
}

std::unique_ptr<FunctionData> BindFlatten(ScalarFunction& function,
                                          const std::vector<LogicalType>& types,
                                          const std::vector<std::optional<Value>>&) {
  LogicalType inner = ElementTypeOf(types[0], function.name);
  function.return_type = inner.id() == TypeId::kUnknown
                             ? types[0]
                             : LogicalType::Array(ElementTypeOf(inner, function.name));
  return nullptr;
}

std::unique_ptr<FunctionData> BindRepeat(ScalarFunction& function,
                                         const std::vector<LogicalType>& types,
                                         const std::vector<std::optional<Value>>&) {
  function.return_type = LogicalType::Array(types[0]);
  return nullptr;
}

LogicalType AnyArray() { return LogicalType::Array(LogicalType()); }

std::unique_ptr<FunctionData> BindTemporalSequence(ScalarFunction& function,
                                                   const std::vector<LogicalType>& types,
                                                   const std::vector<std::optional<Value>>&) {
  function.return_type = LogicalType::Array(types[0]);
  return nullptr;
}

/// A function over `arity` arrays of any element type.
ScalarFunction Generic(const char* name, size_t arity, ScalarBind bind, const char* signature,
                       const char* description, const char* example,
                       LogicalType return_type = LogicalType()) {
  ScalarFunction f;
  f.name = name;
  f.arguments.assign(arity, AnyArray());
  f.return_type = std::move(return_type);
  f.bind = bind;
  f.signature = signature;
  f.description = description;
  f.example = example;
  return f;
}

/// The function with its second parameter changed to a generic element.
ScalarFunction WithElement(ScalarFunction f) {
  f.arguments[1] = LogicalType();
  return f;
}

}  // namespace

void RegisterArrayFunctions(FunctionRegistry& registry) {
  const LogicalType b = TypeId::kBigint;
  const LogicalType v = LogicalType::Varchar();
  {
    ScalarFunction f = Generic(
        "array_constructor", 0, BindArrayConstructor,
        "array_constructor(value1, ..., valueN) -> array(T)",
        "ARRAY[a, b, ...]: an array of the values coerced to a common type (array(unknown) when "
        "empty). Spark's array(...) is the same.",
        "ARRAY[1, 2.5] -> ARRAY[1.0, 2.5]");
    f.varargs = LogicalType();
    f.kernel = ArrayConstructorKernel;
    f.null_handling = NullHandling::kSpecial;
    registry.AddScalar(std::move(f));
    registry.AddAlias("array", "array_constructor");
  }
  {
    ScalarFunction f = Generic(
        "subscript", 1, BindElementOfArray, "subscript(array(T), bigint) -> T",
        "a[i]: the element at 1-based index i of an array (an error when out of range), or the "
        "value of key i in a map (an error when absent).",
        "ARRAY[10, 20, 30][2] -> 20");
    f.arguments.push_back(b);
    f.kernel = SubscriptKernel;
    registry.AddScalar(std::move(f));
    ScalarFunction g = Generic(
        "element_at", 1, BindElementOfArray, "element_at(array(T), index) -> T",
        "The element at 1-based index i (negative counts from the end), or the value of a map "
        "key; NULL when out of range or absent.",
        "element_at(ARRAY[10, 20, 30], -1) -> 30");
    g.arguments.push_back(b);
    g.kernel = ElementAtKernel;
    registry.AddScalar(std::move(g));
  }
  {
    ScalarFunction f =
        Generic("cardinality", 1, BindSameArray, "cardinality(array | map) -> bigint",
                "The number of elements of an array or entries of a map.",
                "cardinality(ARRAY[1, 2, 3]) -> 3", TypeId::kBigint);
    f.bind = [](ScalarFunction& function, const std::vector<LogicalType>& types,
                const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
      CheckArgumentType(types[0].id() == TypeId::kArray || types[0].id() == TypeId::kMap,
                        function.name, types[0], "an array or a map");
      return nullptr;
    };
    f.arguments = {LogicalType()};
    f.kernel = CardinalityKernel;
    registry.AddScalar(std::move(f));
  }
  registry.AddScalar(WithElement(
      Generic("contains", 2, BindAndPick<BindArrayAndElement, &kPickContains>,
              "contains(array(T), element) -> boolean",
              "Whether the array holds the element; NULL when it does not but holds a NULL.",
              "contains(ARRAY['a', 'b'], 'b') -> true", TypeId::kBoolean)));
  registry.AddScalar(
      WithElement(Generic("array_position", 2, BindAndPick<BindArrayAndElement, &kPickPosition>,
                          "array_position(array(T), element) -> bigint",
                          "The 1-based position of the element's first occurrence, 0 when absent.",
                          "array_position(ARRAY[5, 7, 7], 7) -> 2", TypeId::kBigint)));
  registry.AddScalar(
      WithElement(Generic("array_remove", 2, BindAndPick<BindArrayAndElement, &kPickRemove>,
                          "array_remove(array(T), element) -> array(T)",
                          "The array without the elements equal to element.",
                          "array_remove(ARRAY[1, 2, 1], 1) -> ARRAY[2]")));
  registry.AddScalar(Generic("array_distinct", 1, BindAndPick<BindSameArray, &kPickDistinct>,
                             "array_distinct(array(T)) -> array(T)",
                             "The array without duplicates (first occurrences kept).",
                             "array_distinct(ARRAY[3, 1, 3, NULL, NULL]) -> ARRAY[3, 1, NULL]"));
  registry.AddScalar(Generic(
      "array_sort", 1, BindAndPick<BindOrderableElement, &kPickSort>,
      "array_sort(array(T)) -> array(T)",
      "The array sorted ascending with NULLs last, or by a comparator lambda returning a "
      "negative, zero or positive integer.",
      "array_sort(ARRAY[3, NULL, 1]) -> ARRAY[1, 3, NULL]", LogicalType::Array(TypeId::kUnknown)));
  registry.AddScalar(Generic("array_max", 1, BindAndPick<BindOrderableElement, &kPickMax>,
                             "array_max(array(T)) -> T",
                             "The largest element; NULL when the array is empty or holds a NULL.",
                             "array_max(ARRAY[4, 9, 2]) -> 9"));
  registry.AddScalar(Generic("array_min", 1, BindAndPick<BindOrderableElement, &kPickMin>,
                             "array_min(array(T)) -> T",
                             "The smallest element; NULL when the array is empty or holds a NULL.",
                             "array_min(ARRAY[4, 9, 2]) -> 2"));
  {
    ScalarFunction f = Generic(
        "array_join", 1, BindSameArray, "array_join(array(T), delimiter) -> varchar",
        "The elements as text joined by the delimiter; NULL elements are skipped, or replaced "
        "by null_replacement.",
        "array_join(ARRAY[1, NULL, 3], ',', 'n/a') -> '1,n/a,3'", v);
    f.bind = [](ScalarFunction& function, const std::vector<LogicalType>& types,
                const std::vector<std::optional<Value>>&) -> std::unique_ptr<FunctionData> {
      ElementTypeOf(types[0], function.name);
      return nullptr;
    };
    f.kernel = ArrayJoinKernel;
    f.arguments.push_back(v);
    registry.AddScalar(f);
    f.arguments.push_back(v);
    f.signature = "array_join(array(T), delimiter, null_replacement) -> varchar";
    f.description.clear();
    f.example.clear();
    registry.AddScalar(std::move(f));
  }
  {
    ScalarFunction f = Generic(
        "slice", 1, BindSameArray, "slice(array(T), start, length) -> array(T)",
        "At most `length` elements from 1-based position `start` (negative counts from the end).",
        "slice(ARRAY[1, 2, 3, 4], -2, 5) -> ARRAY[3, 4]");
    f.arguments = {AnyArray(), b, b};
    f.kernel = SliceKernel;
    registry.AddScalar(std::move(f));
    ScalarFunction t = Generic(
        "trim_array", 1, BindSameArray, "trim_array(array(T), n) -> array(T)",
        "The array without its last n elements.", "trim_array(ARRAY[1, 2, 3], 2) -> ARRAY[1]");
    t.arguments = {AnyArray(), b};
    t.kernel = TrimArrayKernel;
    registry.AddScalar(std::move(t));
  }
  {
    ScalarFunction f = Generic("reverse", 1, BindSameArray, "reverse(array(T)) -> array(T)",
                               "The array's elements in reverse order.",
                               "reverse(ARRAY[1, 2, 3]) -> ARRAY[3, 2, 1]");
    f.kernel = ArrayReverseKernel;
    registry.AddScalar(std::move(f));
    ScalarFunction s = Generic("shuffle", 1, BindSameArray, "shuffle(array(T)) -> array(T)",
                               "The array's elements in a random order.",
                               "cardinality(shuffle(ARRAY[1, 2, 3])) -> 3");
    s.kernel = ShuffleKernel;
    s.deterministic = false;
    registry.AddScalar(std::move(s));
  }
  registry.AddScalar(Generic("array_union", 2, BindAndPick<BindTwoArrays, &kPickUnion>,
                             "array_union(array(T), array(T)) -> array(T)",
                             "The distinct elements of both arrays, in order of first appearance.",
                             "array_union(ARRAY[1, 2], ARRAY[2, 3]) -> ARRAY[1, 2, 3]"));
  registry.AddScalar(
      Generic("array_intersect", 2, BindAndPick<BindTwoArrays, &kPickIntersect>,
              "array_intersect(array(T), array(T)) -> array(T)",
              "The distinct elements of the first array that are also in the second.",
              "array_intersect(ARRAY[1, 2, 2, 3], ARRAY[2, 3, 4]) -> ARRAY[2, 3]"));
  registry.AddScalar(Generic("array_except", 2, BindAndPick<BindTwoArrays, &kPickExcept>,
                             "array_except(array(T), array(T)) -> array(T)",
                             "The distinct elements of the first array that are not in the second.",
                             "array_except(ARRAY[1, 2, 3], ARRAY[2]) -> ARRAY[1, 3]"));
  registry.AddScalar(Generic(
      "arrays_overlap", 2, BindAndPick<BindTwoArrays, &kPickOverlap>,
      "arrays_overlap(array(T), array(T)) -> boolean",
      "Whether the arrays share a non-NULL element; NULL when they do not but either holds a NULL.",
      "arrays_overlap(ARRAY[1, 2], ARRAY[2, 3]) -> true", TypeId::kBoolean));
  {
    ScalarFunction f =
        Generic("flatten", 1, BindFlatten, "flatten(array(array(T))) -> array(T)",
                "The elements of the inner arrays, in order (NULL inner arrays are skipped).",
                "flatten(ARRAY[ARRAY[1, 2], ARRAY[3]]) -> ARRAY[1, 2, 3]");
    f.kernel = FlattenKernel;
    registry.AddScalar(std::move(f));
  }
  {
    ScalarFunction f =
        Generic("zip", 2, BindZip, "zip(array(T1), array(T2), ...) -> array(row(T1, T2, ...))",
                "Rows of the arrays' elements at each position, padding shorter arrays with NULLs.",
                "zip(ARRAY[1, 2], ARRAY['a']) -> ARRAY[ROW(1, 'a'), ROW(2, NULL)]");
    f.varargs = AnyArray();
    f.kernel = ZipKernel;
    registry.AddScalar(std::move(f));
  }
  {
    ScalarFunction f = Generic("repeat", 0, BindRepeat, "repeat(element, count) -> array(T)",
                               "An array holding the element `count` times (at most 10000).",
                               "repeat('x', 3) -> ARRAY['x', 'x', 'x']");
    f.arguments = {LogicalType(), b};
    f.kernel = RepeatKernel;
    f.null_handling = NullHandling::kSpecial;
    registry.AddScalar(std::move(f));
  }
  {
    ScalarFunction f = Generic(
        "concat", 0, BindArrayConcat, "concat(array1, ..., arrayN) -> array(T)",
        "The arrays (and single elements among them) concatenated; NULL when any array is NULL.",
        "concat(ARRAY[1], ARRAY[2, 3], 4) -> ARRAY[1, 2, 3, 4]");
    f.arguments = {LogicalType()};
    f.varargs = LogicalType();
    f.kernel = ArrayConcatKernel;
    f.null_handling = NullHandling::kSpecial;
    registry.AddScalar(std::move(f));
  }
  {
    auto add_sequence = [&](std::vector<LogicalType> arguments, LogicalType element,
                            ScalarKernel kernel, const char* signature, bool documented) {
      bool timestamps = element.id() == TypeId::kTimestamp;
      registry.AddScalar(ScalarFunction{
          .name = "sequence",
          .arguments = std::move(arguments),
          .return_type = LogicalType::Array(std::move(element)),
          .kernel = kernel,
          .bind = timestamps ? BindTemporalSequence : nullptr,
          .signature = signature,
          .description = documented ? "The values from start to stop (inclusive) by step (default "
                                      "1 or -1; a day for dates; "
                                      "an interval for timestamps), at most 10000 of them."
                                    : "",
          .example = documented ? "sequence(1, 10, 4) -> ARRAY[1, 5, 9]" : ""});
    };
    LogicalType date = TypeId::kDate, ts(TypeId::kTimestamp);
    add_sequence({b, b}, b, SequenceKernel<int64_t, false, 1>,
                 "sequence(start, stop) -> array(bigint)", true);
    add_sequence({b, b, b}, b, SequenceKernel<int64_t, true, 1>,
                 "sequence(start, stop, step) -> array(bigint)", false);
    add_sequence({date, date}, date, SequenceKernel<int32_t, false, 1>,
                 "sequence(start date, stop date) -> array(date)", false);
    add_sequence({date, date, TypeId::kIntervalDayTime}, date,
                 SequenceKernel<int32_t, true, kMicrosPerDay>,
                 "sequence(start date, stop date, interval day to second) -> array(date)", false);
    add_sequence({date, date, TypeId::kIntervalYearMonth}, date, MonthSequenceKernel<int32_t>,
                 "sequence(start date, stop date, interval year to month) -> array(date)", false);
    add_sequence(
        {ts, ts, TypeId::kIntervalDayTime}, ts, SequenceKernel<int64_t, true, 1>,
        "sequence(start timestamp, stop timestamp, interval day to second) -> array(timestamp)",
        false);
    add_sequence(
        {ts, ts, TypeId::kIntervalYearMonth}, ts, MonthSequenceKernel<int64_t>,
        "sequence(start timestamp, stop timestamp, interval year to month) -> array(timestamp)",
        false);
  }
}

}  // namespace switchboard
