// UNION ALL pipeline construction.
#include "exec/operators/physical_union.h"

#include "exec/pipeline.h"

namespace switchboard {

PhysicalUnion::PhysicalUnion(std::vector<LogicalType> types, PhysicalOperatorPtr left, PhysicalOperatorPtr right,
                             double estimated_cardinality)
    : PhysicalOperator(std::move(types), estimated_cardinality) {
  children.push_back(std::move(left));
  children.push_back(std::move(right));
}

void PhysicalUnion::BuildPipelines(PipelineBuilder& builder, Pipeline& current) {
  Pipeline& sibling = builder.CreateSiblingAbove(current, *this);
  children[0]->BuildPipelines(builder, current);
  children[1]->BuildPipelines(builder, sibling);
}

}  // namespace switchboard
