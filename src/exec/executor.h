// Executor: runs the pipelines of a physical plan in dependency order, each on several threads.
#pragma once

#include "exec/physical_operator.h"

namespace switchboard {

class Executor {
 public:
  explicit Executor(ExecutionContext& context) : context_(context) {}

  /// Runs `plan` to completion, sending its rows into `sink` (which is finalized at the end).
  /// Errors are thrown as Exception after every thread has stopped.
  void Execute(PhysicalOperator& plan, PhysicalOperator& sink);

 private:
  ExecutionContext& context_;
};

}  // namespace switchboard
