// Pipeline scheduling and the per-thread push loop.
#include "exec/executor.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "common/error.h"
#include "common/thread_pool.h"
#include "exec/pipeline.h"
#include "function/query_context.h"

namespace switchboard {

namespace {

// One thread's run of a pipeline: its local states and intermediate chunks.
class PipelineTask {
 public:
  PipelineTask(ExecutionContext& context, Pipeline& pipeline, GlobalSourceState& source_state,
               std::vector<std::unique_ptr<GlobalOperatorState>>& operator_states,
               std::atomic<bool>& finished)
      : context_(context), pipeline_(pipeline), source_state_(source_state),
        global_operator_states_(operator_states), finished_(finished) {
    local_source_ = pipeline.source->GetLocalSourceState(context, source_state);
    for (PhysicalOperator* op : pipeline.operators) {
      operator_states_.push_back(op->GetOperatorState(context));
      auto chunk = std::make_unique<DataChunk>();
      chunk->Initialize(op->types);
      intermediates_.push_back(std::move(chunk));
    }
    local_sink_ = pipeline.sink->GetLocalSinkState(context);
    source_chunk_.Initialize(pipeline.source->types);
  }

  void Run() {
    PhysicalOperator& source = *pipeline_.source;
    while (!finished_.load(std::memory_order_relaxed)) {
      context_.query->CheckCancelled();
      source_chunk_.Reset();
      auto start = Now();
      source.GetData(context_, source_chunk_, source_state_, *local_source_);
      Account(source, start, source_chunk_.size());
      if (source_chunk_.size() == 0) break;
      if (Push(source_chunk_, 0)) {
        finished_.store(true, std::memory_order_relaxed);
        break;
      }
    }
    pipeline_.sink->Combine(context_, *pipeline_.sink->sink_state, *local_sink_);
  }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point Now() const { return context_.profile ? Clock::now() : Clock::time_point(); }
  void Account(const PhysicalOperator& op, Clock::time_point start, idx_t rows) const {
    if (!context_.profile) return;
    op.profile.rows.fetch_add(static_cast<int64_t>(rows), std::memory_order_relaxed);
    op.profile.nanos.fetch_add(
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count(),
        std::memory_order_relaxed);
  }

  // Pushes `input` through operators[index...] into the sink; true when the pipeline is done.
  bool Push(DataChunk& input, size_t index) {
    if (index == pipeline_.operators.size()) {
      auto start = Now();
      pipeline_.sink->Sink(context_, input, *pipeline_.sink->sink_state, *local_sink_);
      if (context_.profile) {
        pipeline_.sink->profile.nanos.fetch_add(
            std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count(),
            std::memory_order_relaxed);
      }
      return false;
    }
    PhysicalOperator& op = *pipeline_.operators[index];
    DataChunk& output = *intermediates_[index];
    while (true) {
      output.Reset();
      auto start = Now();
      OperatorResult result = op.Execute(context_, input, output, *global_operator_states_[index],
                                         *operator_states_[index]);
      Account(op, start, output.size());
      if (output.size() > 0 && Push(output, index + 1)) return true;
      if (result == OperatorResult::kFinished) return true;
      if (result == OperatorResult::kNeedMoreInput) return false;
      // One input chunk can produce many output chunks (joins, unnest): stay cancellable.
      context_.query->CheckCancelled();
    }
  }

  ExecutionContext& context_;
  Pipeline& pipeline_;
  GlobalSourceState& source_state_;
  std::vector<std::unique_ptr<GlobalOperatorState>>& global_operator_states_;
  std::atomic<bool>& finished_;
  std::unique_ptr<LocalSourceState> local_source_;
  std::vector<std::unique_ptr<OperatorState>> operator_states_;
  std::vector<std::unique_ptr<DataChunk>> intermediates_;
  std::unique_ptr<LocalSinkState> local_sink_;
  DataChunk source_chunk_;
};

void RunPipeline(ExecutionContext& context, Pipeline& pipeline) {
  auto source_state = pipeline.source->GetGlobalSourceState(context);
  std::vector<std::unique_ptr<GlobalOperatorState>> operator_states;
  for (PhysicalOperator* op : pipeline.operators) operator_states.push_back(op->GetGlobalOperatorState(context));
  idx_t threads = std::min<idx_t>(context.query->threads, source_state->MaxThreads());
  if (pipeline.source->SourceIsOrdered() || pipeline.sink->SinkNeedsOrder()) threads = 1;
  threads = std::max<idx_t>(threads, 1);
  std::atomic<bool> finished{false};
  auto run = [&](size_t) {
    try {
      PipelineTask task(context, pipeline, *source_state, operator_states, finished);
      task.Run();
    } catch (...) {
      finished.store(true);
      throw;
    }
  };
  if (threads == 1 || context.query->pool == nullptr) {
    run(0);
  } else {
    context.query->pool->ParallelFor(threads, run);
  }
}

}  // namespace

void Executor::Execute(PhysicalOperator& plan, PhysicalOperator& sink) {
  auto pipelines = PipelineBuilder::Build(plan, sink);

  // Dependencies: explicit ones, plus every pipeline feeding a sink that this pipeline reads.
  std::map<const PhysicalOperator*, std::vector<Pipeline*>> feeders;
  for (auto& p : pipelines) feeders[p->sink].push_back(p.get());
  std::map<Pipeline*, std::set<Pipeline*>> depends;
  for (auto& p : pipelines) {
    auto& deps = depends[p.get()];
    deps.insert(p->dependencies.begin(), p->dependencies.end());
    std::vector<const PhysicalOperator*> reads = {p->source};
    if (const PhysicalOperator* dep = p->source->SourceDependency()) reads.push_back(dep);
    reads.insert(reads.end(), p->operators.begin(), p->operators.end());
    for (const PhysicalOperator* op : reads) {
      auto it = feeders.find(op);
      if (it == feeders.end()) continue;
      for (Pipeline* feeder : it->second) {
        if (feeder != p.get()) deps.insert(feeder);
      }
    }
  }

  // Every run starts from fresh sink states (a recursive CTE re-runs its subtree).
  for (auto& p : pipelines) p->sink->sink_state.reset();

  std::map<const PhysicalOperator*, size_t> remaining;
  for (auto& [op, list] : feeders) remaining[op] = list.size();
  std::set<Pipeline*> done;
  size_t completed = 0;
  while (completed < pipelines.size()) {
    Pipeline* next = nullptr;
    for (auto& p : pipelines) {
      if (done.count(p.get())) continue;
      const auto& deps = depends[p.get()];
      if (std::all_of(deps.begin(), deps.end(), [&](Pipeline* d) { return done.count(d) > 0; })) {
        next = p.get();
        break;
      }
    }
    SB_CHECK(next != nullptr, "pipeline dependency cycle");
    if (!next->sink->sink_state) next->sink->sink_state = next->sink->GetGlobalSinkState(context_);
    RunPipeline(context_, *next);
    done.insert(next);
    ++completed;
    if (--remaining[next->sink] == 0) next->sink->Finalize(context_, *next->sink->sink_state);
  }
}

}  // namespace switchboard
