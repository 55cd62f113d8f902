// PhysicalOperator: the unit of execution. An operator can be a source (produces chunks), a
// streaming operator (chunk in, chunks out) and/or a sink (consumes chunks, then finalizes).
// Pipelines chain a source, streaming operators and a sink; see pipeline.h.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "types/data_chunk.h"
#include "types/value.h"

namespace switchboard {

class QueryContext;
class Pipeline;
class PipelineBuilder;

/// What a running query gives its operators.
struct ExecutionContext {
  QueryContext* query = nullptr;
  /// Collect rows and time per operator (EXPLAIN ANALYZE).
  bool profile = false;
};

enum class OperatorResult : uint8_t {
  kNeedMoreInput,   // output holds the result for this input (possibly empty)
  kHaveMoreOutput,  // call again with the same input for more output
  kFinished,        // no further input is needed (LIMIT reached)
};

class GlobalSourceState {
 public:
  virtual ~GlobalSourceState() = default;
  /// Threads that can usefully read this source at once.
  virtual idx_t MaxThreads() const { return 1; }
};
class LocalSourceState {
 public:
  virtual ~LocalSourceState() = default;
};
class GlobalSinkState {
 public:
  virtual ~GlobalSinkState() = default;
};
class LocalSinkState {
 public:
  virtual ~LocalSinkState() = default;
};
class GlobalOperatorState {
 public:
  virtual ~GlobalOperatorState() = default;
};
class OperatorState {
 public:
  virtual ~OperatorState() = default;
};

/// Rows produced and time spent, summed over threads.
struct OperatorProfile {
  std::atomic<int64_t> rows{0};
  std::atomic<int64_t> nanos{0};
};

/// Operators are immutable during execution except for `sink_state` (owned here so that a sink
/// can later act as a source or probe over what it collected) and the profile counters. All
/// methods may be called from several threads with distinct local states.
class PhysicalOperator {
 public:
  PhysicalOperator(std::vector<LogicalType> types, double estimated_cardinality)
      : types(std::move(types)), estimated_cardinality(estimated_cardinality) {}
  virtual ~PhysicalOperator() = default;
  PhysicalOperator(const PhysicalOperator&) = delete;
  PhysicalOperator& operator=(const PhysicalOperator&) = delete;

  std::vector<std::unique_ptr<PhysicalOperator>> children;
  std::vector<LogicalType> types;
  double estimated_cardinality;
  std::unique_ptr<GlobalSinkState> sink_state;
  mutable OperatorProfile profile;

  // ----- streaming operator ------------------------------------------------------------------
  virtual std::unique_ptr<GlobalOperatorState> GetGlobalOperatorState(ExecutionContext& context) const;
  virtual std::unique_ptr<OperatorState> GetOperatorState(ExecutionContext& context) const;
  virtual OperatorResult Execute(ExecutionContext& context, DataChunk& input, DataChunk& output,
                                 GlobalOperatorState& global, OperatorState& state) const;

  // ----- source -------------------------------------------------------------------------------
  virtual std::unique_ptr<GlobalSourceState> GetGlobalSourceState(ExecutionContext& context) const;
  virtual std::unique_ptr<LocalSourceState> GetLocalSourceState(ExecutionContext& context,
                                                                GlobalSourceState& global) const;
  /// Fills `chunk`; an empty chunk means the source is exhausted for this thread.
  virtual void GetData(ExecutionContext& context, DataChunk& chunk, GlobalSourceState& global,
                       LocalSourceState& local) const;
  /// Sources whose output order matters (sorted data) run single-threaded.
  virtual bool SourceIsOrdered() const { return false; }

  // ----- sink ---------------------------------------------------------------------------------
  virtual std::unique_ptr<GlobalSinkState> GetGlobalSinkState(ExecutionContext& context) const;
  virtual std::unique_ptr<LocalSinkState> GetLocalSinkState(ExecutionContext& context) const;
  virtual void Sink(ExecutionContext& context, DataChunk& chunk, GlobalSinkState& global,
                    LocalSinkState& local) const;
  /// Merges a thread's local state into the global one (called once per thread).
  virtual void Combine(ExecutionContext& context, GlobalSinkState& global, LocalSinkState& local) const;
  /// Called once after every pipeline feeding this sink has finished.
  virtual void Finalize(ExecutionContext& context, GlobalSinkState& global) const;
  /// Sinks that need their input in order (ordered results) run their pipeline single-threaded.
  virtual bool SinkNeedsOrder() const { return false; }

  // ----- pipeline construction ----------------------------------------------------------------
  /// Adds this operator (and its children) to `current`, creating pipelines for the inputs it
  /// must consume first. The default treats the operator as streaming over children[0].
  virtual void BuildPipelines(PipelineBuilder& builder, Pipeline& current);
  /// For sources that read what another operator collected (CTE scans): that operator.
  virtual const PhysicalOperator* SourceDependency() const { return nullptr; }

  // ----- EXPLAIN ------------------------------------------------------------------------------
  /// The value every row of output `column` holds when the plan fixes it (a projection of a
  /// constant, such as the NULLs that stand in for pruned columns); nullopt otherwise. Sinks use
  /// it to store nothing for such columns.
  virtual std::optional<Value> ConstantColumn(idx_t /*column*/) const { return std::nullopt; }

  virtual std::string Name() const = 0;
  virtual std::string Details() const { return ""; }
  /// Extra counters for EXPLAIN ANALYZE (files read, rows pruned, ...).
  virtual std::string ProfileDetails() const { return ""; }
  /// The operator tree as text; with `analyze`, rows and time per operator.
  std::string ToString(bool analyze, int indent = 0) const;
};

using PhysicalOperatorPtr = std::unique_ptr<PhysicalOperator>;

}  // namespace switchboard
