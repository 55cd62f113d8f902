// Templates that turn a small per-state operation class into the vectorized callbacks of an
// AggregateFunction (initialize, scatter update, simple update, combine, finalize, destroy).
#pragma once

#include <new>
#include <string>
#include <vector>

#include "function/function.h"

namespace switchboard {

/// OP provides, for a state type S and input value type A:
///   static void Initialize(S&);
///   static void Update(S&, const A& value, const FunctionData*);
///   static void Combine(const S& source, S& target, const FunctionData*);
///   static void Finalize(S&, Vector& result, idx_t row, const FunctionData*);  // may SetNull
/// and optionally `static void Destroy(S&)` (when kHasDestroy is true).
template <typename S, typename A, typename OP>
struct UnaryAggregate {
  static void Initialize(uint8_t* state, const FunctionData*) {
    new (state) S();
    OP::Initialize(*reinterpret_cast<S*>(state));
  }

  static void Update(AggregateInputs& inputs, uint8_t** states) {
    UnifiedFormat format;
    inputs.arguments[0].ToUnifiedFormat(inputs.count, format);
    const A* data = format.GetData<A>();
    if (format.validity->AllValid()) {
      for (idx_t i = 0; i < inputs.count; ++i) {
        OP::Update(*reinterpret_cast<S*>(states[i]), data[format.sel->get_index(i)], inputs.bind_data);
      }
    } else {
      for (idx_t i = 0; i < inputs.count; ++i) {
        idx_t index = format.sel->get_index(i);
        if (format.validity->RowIsValid(index)) {
          OP::Update(*reinterpret_cast<S*>(states[i]), data[index], inputs.bind_data);
        }
      }
    }
  }

  static void SimpleUpdate(AggregateInputs& inputs, uint8_t* state_bytes) {
    S& state = *reinterpret_cast<S*>(state_bytes);
    const Vector& input = inputs.arguments[0];
    if (input.IsFlat() && input.validity().AllValid()) {
      const A* data = input.data<A>();
      for (idx_t i = 0; i < inputs.count; ++i) OP::Update(state, data[i], inputs.bind_data);
      return;
    }
    UnifiedFormat format;
    input.ToUnifiedFormat(inputs.count, format);
    const A* data = format.GetData<A>();
    for (idx_t i = 0; i < inputs.count; ++i) {
      idx_t index = format.sel->get_index(i);
      if (format.validity->RowIsValid(index)) OP::Update(state, data[index], inputs.bind_data);
    }
  }

  static void Combine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData* bind) {
    for (idx_t i = 0; i < count; ++i) {
      OP::Combine(*reinterpret_cast<S*>(sources[i]), *reinterpret_cast<S*>(targets[i]), bind);
    }
  }

  static void Finalize(uint8_t** states, idx_t count, const FunctionData* bind, Vector& result,
                       idx_t offset) {
    for (idx_t i = 0; i < count; ++i) {
      OP::Finalize(*reinterpret_cast<S*>(states[i]), result, offset + i, bind);
    }
  }

  static void Destroy(uint8_t** states, idx_t count) {
    for (idx_t i = 0; i < count; ++i) reinterpret_cast<S*>(states[i])->~S();
  }

  /// Fills the callbacks of `function` (name, types and null handling are the caller's).
  static void Fill(AggregateFunction& function, bool needs_destroy = false) {
    function.state_size = sizeof(S);
    function.initialize = Initialize;
    function.update = Update;
    function.simple_update = SimpleUpdate;
    function.combine = Combine;
    function.finalize = Finalize;
    function.destroy = needs_destroy ? Destroy : nullptr;
  }
};

/// `function` with its documentation set.
inline AggregateFunction WithDoc(AggregateFunction function, std::string signature, std::string description,
                                 std::string example) {
  function.signature = std::move(signature);
  function.description = std::move(description);
  function.example = std::move(example);
  return function;
}

/// Callbacks for aggregates whose states are C++ objects (holding heap memory): constructed in
/// place by `initialize` and destroyed by `destroy`.
template <typename State>
struct ObjectState {
  static State& Of(uint8_t* state) { return *reinterpret_cast<State*>(state); }
  static void Initialize(uint8_t* state, const FunctionData*) { new (state) State(); }
  static void Destroy(uint8_t** states, idx_t count) {
    for (idx_t i = 0; i < count; ++i) Of(states[i]).~State();
  }
  /// Calls add(state, row) for each input row, with the row's state taken from `states` (grouped
  /// updates) or the one `single` state.
  template <typename Add>
  static void ForEachRow(AggregateInputs& inputs, uint8_t** states, uint8_t* single, Add&& add) {
    for (idx_t i = 0; i < inputs.count; ++i) add(Of(states ? states[i] : single), i);
  }
  /// An aggregate over these states with the given callbacks.
  static AggregateFunction Make(std::string name, std::vector<LogicalType> arguments, LogicalType return_type,
                                AggregateUpdate update, AggregateSimpleUpdate simple_update,
                                AggregateCombine combine, AggregateFinalize finalize, AggregateBind bind) {
    AggregateFunction f;
    f.name = std::move(name);
    f.arguments = std::move(arguments);
    f.return_type = std::move(return_type);
    f.state_size = sizeof(State);
    f.initialize = Initialize;
    f.update = update;
    f.simple_update = simple_update;
    f.combine = combine;
    f.finalize = finalize;
    f.destroy = Destroy;
    f.bind = bind;
    return f;
  }
};

/// The same for aggregates of two arguments (corr(y, x), covar_samp(y, x), ...): rows where either
/// argument is NULL are skipped. OP provides Initialize, Combine, Finalize as above and
///   static void Update(S&, const A& a, const B& b, const FunctionData*);
template <typename S, typename A, typename B, typename OP>
struct BinaryAggregate {
  static void Update(AggregateInputs& inputs, uint8_t** states) {
    UnifiedFormat af, bf;
    inputs.arguments[0].ToUnifiedFormat(inputs.count, af);
    inputs.arguments[1].ToUnifiedFormat(inputs.count, bf);
    const A* a = af.GetData<A>();
    const B* b = bf.GetData<B>();
    for (idx_t i = 0; i < inputs.count; ++i) {
      idx_t ai = af.sel->get_index(i), bi = bf.sel->get_index(i);
      if (af.validity->RowIsValid(ai) && bf.validity->RowIsValid(bi)) {
        OP::Update(*reinterpret_cast<S*>(states[i]), a[ai], b[bi], inputs.bind_data);
      }
    }
  }

  static void SimpleUpdate(AggregateInputs& inputs, uint8_t* state) {
    UnifiedFormat af, bf;
    inputs.arguments[0].ToUnifiedFormat(inputs.count, af);
    inputs.arguments[1].ToUnifiedFormat(inputs.count, bf);
    const A* a = af.GetData<A>();
    const B* b = bf.GetData<B>();
    S& s = *reinterpret_cast<S*>(state);
    for (idx_t i = 0; i < inputs.count; ++i) {
      idx_t ai = af.sel->get_index(i), bi = bf.sel->get_index(i);
      if (af.validity->RowIsValid(ai) && bf.validity->RowIsValid(bi)) OP::Update(s, a[ai], b[bi], inputs.bind_data);
    }
  }

  static void Initialize(uint8_t* state, const FunctionData*) {
    new (state) S();
    OP::Initialize(*reinterpret_cast<S*>(state));
  }

  static void Combine(uint8_t** sources, uint8_t** targets, idx_t count, const FunctionData* bind) {
    for (idx_t i = 0; i < count; ++i) {
      OP::Combine(*reinterpret_cast<S*>(sources[i]), *reinterpret_cast<S*>(targets[i]), bind);
    }
  }

  static void Finalize(uint8_t** states, idx_t count, const FunctionData* bind, Vector& result, idx_t offset) {
    for (idx_t i = 0; i < count; ++i) OP::Finalize(*reinterpret_cast<S*>(states[i]), result, offset + i, bind);
  }

  static void Fill(AggregateFunction& function) {
    function.state_size = sizeof(S);
    function.initialize = Initialize;
    function.update = Update;
    function.simple_update = SimpleUpdate;
    function.combine = Combine;
    function.finalize = Finalize;
    function.destroy = nullptr;
  }
};

/// Which value min, max and arbitrary keep.
enum class KeptValue : uint8_t { kMin, kMax, kFirst };

/// Sets `function`'s callbacks to those of min/max/arbitrary over ARRAY, MAP and ROW values (min
/// and max need an orderable type): each state owns a copy of the value kept so far, and NULLs are
/// skipped. Defined with the collecting aggregates.
void FillNestedValueAggregate(AggregateFunction& function, KeptValue rule);

}  // namespace switchboard
