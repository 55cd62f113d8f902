// Pipeline construction.
#include "exec/pipeline.h"

#include <algorithm>

#include "common/error.h"

namespace switchboard {

std::vector<PhysicalOperator*> Pipeline::OperatorsAbove(const PhysicalOperator* op) const {
  auto it = std::find(operators.begin(), operators.end(), op);
  SB_CHECK(it != operators.end());
  return std::vector<PhysicalOperator*>(it + 1, operators.end());
}

Pipeline& PipelineBuilder::CreatePipeline() {
  pipelines_.push_back(std::make_unique<Pipeline>());
  return *pipelines_.back();
}

void PipelineBuilder::AddOperator(Pipeline& current, PhysicalOperator& op) {
  current.operators.insert(current.operators.begin(), &op);
}

Pipeline& PipelineBuilder::CreateSiblingAbove(Pipeline& current, const PhysicalOperator& op) {
  Pipeline& sibling = CreatePipeline();
  auto it = std::find(current.operators.begin(), current.operators.end(), &op);
  // Before `op` is added to `current`, "above" is everything collected so far.
  sibling.operators.assign(it == current.operators.end() ? current.operators.begin() : it + 1,
                           current.operators.end());
  sibling.sink = current.sink;
  return sibling;
}

std::vector<std::unique_ptr<Pipeline>> PipelineBuilder::Build(PhysicalOperator& root, PhysicalOperator& sink) {
  PipelineBuilder builder;
  Pipeline& top = builder.CreatePipeline();
  top.sink = &sink;
  root.BuildPipelines(builder, top);
  return std::move(builder.pipelines_);
}

}  // namespace switchboard
