// Pipeline: a source, a chain of streaming operators and a sink, run by several threads over
// the source's morsels; PipelineBuilder splits a physical plan into pipelines.
#pragma once

#include <memory>
#include <vector>

#include "exec/physical_operator.h"

namespace switchboard {

class Pipeline {
 public:
  PhysicalOperator* source = nullptr;
  /// Streaming operators, from the source upwards.
  std::vector<PhysicalOperator*> operators;
  PhysicalOperator* sink = nullptr;
  /// Pipelines that must finish before this one starts (beyond those derived from sinks).
  std::vector<Pipeline*> dependencies;

  /// Operators above `operator` in this pipeline (those after it in `operators`).
  std::vector<PhysicalOperator*> OperatorsAbove(const PhysicalOperator* op) const;
};

/// Collects the pipelines of one physical plan. Operators call CreatePipeline for the inputs
/// they consume as sinks.
class PipelineBuilder {
 public:
  /// Builds the pipelines of `root`, whose results flow into `sink`.
  static std::vector<std::unique_ptr<Pipeline>> Build(PhysicalOperator& root, PhysicalOperator& sink);

  Pipeline& CreatePipeline();
  /// Adds `op` as the streaming operator just below those already in `current` (pipelines are
  /// built from the sink downwards).
  void AddOperator(Pipeline& current, PhysicalOperator& op);
  /// A new pipeline feeding `current`'s sink through the operators above `op` in `current`,
  /// with `op` as its source (UNION ALL branches, outer-join scans).
  Pipeline& CreateSiblingAbove(Pipeline& current, const PhysicalOperator& op);

 private:
  std::vector<std::unique_ptr<Pipeline>> pipelines_;
};

}  // namespace switchboard
