// PhysicalUnion: UNION ALL. Not an operator in a pipeline: each input gets its own pipeline
// feeding the operators above and the sink.
#pragma once

#include "exec/physical_operator.h"

namespace switchboard {

class PhysicalUnion : public PhysicalOperator {
 public:
  PhysicalUnion(std::vector<LogicalType> types, PhysicalOperatorPtr left, PhysicalOperatorPtr right,
                double estimated_cardinality);
  void BuildPipelines(PipelineBuilder& builder, Pipeline& current) override;
  std::string Name() const override { return "UNION_ALL"; }
};

}  // namespace switchboard
