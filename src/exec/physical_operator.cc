// Default behaviour of physical operators and plan printing.
#include "exec/physical_operator.h"

#include <fmt/format.h>

#include "common/error.h"
#include "exec/pipeline.h"

namespace switchboard {

std::unique_ptr<GlobalOperatorState> PhysicalOperator::GetGlobalOperatorState(ExecutionContext&) const {
  return std::make_unique<GlobalOperatorState>();
}
std::unique_ptr<OperatorState> PhysicalOperator::GetOperatorState(ExecutionContext&) const {
  return std::make_unique<OperatorState>();
}
OperatorResult PhysicalOperator::Execute(ExecutionContext&, DataChunk&, DataChunk&,
                                         GlobalOperatorState&, OperatorState&) const {
  SB_CHECK(false, "{} is not a streaming operator", Name());
}

std::unique_ptr<GlobalSourceState> PhysicalOperator::GetGlobalSourceState(ExecutionContext&) const {
  return std::make_unique<GlobalSourceState>();
}
std::unique_ptr<LocalSourceState> PhysicalOperator::GetLocalSourceState(ExecutionContext&,
                                                                        GlobalSourceState&) const {
  return std::make_unique<LocalSourceState>();
}
void PhysicalOperator::GetData(ExecutionContext&, DataChunk&, GlobalSourceState&, LocalSourceState&) const {
  SB_CHECK(false, "{} is not a source", Name());
}

std::unique_ptr<GlobalSinkState> PhysicalOperator::GetGlobalSinkState(ExecutionContext&) const {
  return std::make_unique<GlobalSinkState>();
}
std::unique_ptr<LocalSinkState> PhysicalOperator::GetLocalSinkState(ExecutionContext&) const {
  return std::make_unique<LocalSinkState>();
}
void PhysicalOperator::Sink(ExecutionContext&, DataChunk&, GlobalSinkState&, LocalSinkState&) const {
  SB_CHECK(false, "{} is not a sink", Name());
}
void PhysicalOperator::Combine(ExecutionContext&, GlobalSinkState&, LocalSinkState&) const {}
void PhysicalOperator::Finalize(ExecutionContext&, GlobalSinkState&) const {}

void PhysicalOperator::BuildPipelines(PipelineBuilder& builder, Pipeline& current) {
  SB_CHECK(children.size() == 1, "{} needs its own pipeline construction", Name());
  builder.AddOperator(current, *this);
  children[0]->BuildPipelines(builder, current);
}

std::string PhysicalOperator::ToString(bool analyze, int indent) const {
  std::string out(static_cast<size_t>(indent) * 2, ' ');
  out += Name();
  std::string details = Details();
  if (!details.empty()) out += " [" + details + "]";
  if (analyze) {
    out += fmt::format(" (rows={} time={:.3f}ms", profile.rows.load(),
                       static_cast<double>(profile.nanos.load()) / 1e6);
    std::string extra = ProfileDetails();
    if (!extra.empty()) out += " " + extra;
    out += ")";
  } else if (estimated_cardinality > 0) {
    out += fmt::format(" (~{:.0f} rows)", estimated_cardinality);
  }
  out += "\n";
  for (const auto& child : children) out += child->ToString(analyze, indent + 1);
  return out;
}

}  // namespace switchboard
