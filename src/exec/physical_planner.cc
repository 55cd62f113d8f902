// Logical-to-physical translation.
#include "exec/physical_planner.h"

#include <algorithm>

#include "exec/expression_executor.h"
#include "exec/operators/physical_chunk_scan.h"
#include "exec/operators/physical_filter.h"
#include "exec/operators/physical_hash_aggregate.h"
#include "exec/operators/physical_hash_join.h"
#include "exec/operators/physical_limit.h"
#include "exec/operators/physical_materialized_cte.h"
#include "exec/operators/physical_nested_loop_join.h"
#include "exec/operators/physical_order.h"
#include "exec/operators/physical_projection.h"
#include "exec/operators/physical_recursive_cte.h"
#include "exec/operators/physical_repeat_rows.h"
#include "exec/operators/physical_table_modify.h"
#include "exec/operators/physical_table_scan.h"
#include "exec/operators/physical_union.h"
#include "exec/operators/physical_unnest.h"
#include "exec/operators/physical_window.h"
#include "function/function_registry.h"
#include "function/query_context.h"

namespace switchboard {

namespace {

constexpr idx_t kMaxRecursion = 100000;

void ResolveInPlace(ExpressionPtr& expression, const std::vector<ColumnBinding>& bindings) {
  if (expression->kind == ExpressionKind::kColumnRef) {
    const auto& ref = expression->As<ColumnRefExpression>();
    SB_CHECK(ref.depth == 0, "correlated column {} reached the physical planner", ref.ToString());
    auto it = std::find(bindings.begin(), bindings.end(), ref.binding);
    SB_CHECK(it != bindings.end(), "column binding #[{}.{}] not found in the input", ref.binding.table_index,
             ref.binding.column_index);
    auto reference = std::make_unique<ReferenceExpression>(ref.type, static_cast<idx_t>(it - bindings.begin()));
    reference->alias = ref.alias;
    expression = std::move(reference);
    return;
  }
  ForEachChild(*expression, [&](ExpressionPtr& child) { ResolveInPlace(child, bindings); });
}

ExpressionList ResolveAll(const ExpressionList& expressions, const std::vector<ColumnBinding>& bindings) {
  ExpressionList out;
  for (const auto& e : expressions) out.push_back(ResolveBindings(*e, bindings));
  return out;
}

std::shared_ptr<ChunkCollection> SingleEmptyRow() {
  auto rows = std::make_shared<ChunkCollection>(std::vector<LogicalType>{});
  DataChunk chunk;
  chunk.Initialize({}, 1);
  chunk.SetSize(1);
  rows->Append(chunk);
  return rows;
}

}  // namespace

ExpressionPtr ResolveBindings(const Expression& expression, const std::vector<ColumnBinding>& bindings) {
  ExpressionPtr copy = expression.Copy();
  ResolveInPlace(copy, bindings);
  return copy;
}

PhysicalOperatorPtr PhysicalPlanner::Plan(LogicalOperator& op) {
  double cardinality = op.estimated_cardinality;
  switch (op.kind) {
    case LogicalOperatorKind::kGet: {
      auto& get = op.As<LogicalGet>();
      return std::make_unique<PhysicalTableScan>(op.types, get.function, get.bind_data, get.column_ids, get.filters,
                                                 get.display_name.empty() ? get.function.name : get.display_name,
                                                 get.names, cardinality);
    }
    case LogicalOperatorKind::kDummyScan:
      return std::make_unique<PhysicalChunkScan>(op.types, SingleEmptyRow(), "DUMMY_SCAN", 1);
    case LogicalOperatorKind::kValues: {
      auto& values = op.As<LogicalValues>();
      auto rows = std::make_shared<ChunkCollection>(values.column_types, query_->memory);
      DataChunk chunk;
      chunk.Initialize(values.column_types);
      for (const auto& row : values.rows) {
        if (chunk.size() == kVectorSize) {
          rows->Append(chunk);
          chunk.Reset();
        }
        for (idx_t c = 0; c < row.size(); ++c) {
          chunk.column(c).SetValue(chunk.size(), ExpressionExecutor::EvaluateConstant(*row[c], query_));
        }
        chunk.SetSize(chunk.size() + 1);
      }
      if (chunk.size() > 0) rows->Append(chunk);
      return std::make_unique<PhysicalChunkScan>(op.types, std::move(rows), "VALUES", cardinality);
    }
    case LogicalOperatorKind::kEmptyResult:
      return std::make_unique<PhysicalChunkScan>(op.types, std::make_shared<ChunkCollection>(op.types), "EMPTY_RESULT", 0);
    case LogicalOperatorKind::kFilter: {
      auto bindings = op.children[0]->GetColumnBindings();
      ExpressionList predicates = ResolveAll(op.expressions, bindings);
      auto child = Plan(*op.children[0]);
      auto filter = std::make_unique<PhysicalFilter>(op.types, MakeAnd(std::move(predicates)), cardinality);
      filter->children.push_back(std::move(child));
      return filter;
    }
    case LogicalOperatorKind::kProjection: {
      auto bindings = op.children[0]->GetColumnBindings();
      auto projection = std::make_unique<PhysicalProjection>(op.types, ResolveAll(op.expressions, bindings), cardinality);
      projection->children.push_back(Plan(*op.children[0]));
      return projection;
    }
    case LogicalOperatorKind::kAggregate: {
      auto& aggregate = op.As<LogicalAggregate>();
      auto bindings = op.children[0]->GetColumnBindings();
      std::vector<std::unique_ptr<AggregateExpression>> aggregates;
      for (const auto& e : op.expressions) {
        auto resolved = ResolveBindings(*e, bindings);
        aggregates.emplace_back(static_cast<AggregateExpression*>(resolved.release()));
      }
      auto physical = std::make_unique<PhysicalHashAggregate>(op.types, ResolveAll(aggregate.groups, bindings),
                                                              std::move(aggregates), aggregate.grouping_sets,
                                                              aggregate.grouping_functions, cardinality);
      physical->children.push_back(Plan(*op.children[0]));
      return physical;
    }
    case LogicalOperatorKind::kWindow: {
      auto bindings = op.children[0]->GetColumnBindings();
      std::vector<std::unique_ptr<WindowExpression>> windows;
      for (const auto& e : op.expressions) {
        auto resolved = ResolveBindings(*e, bindings);
        windows.emplace_back(static_cast<WindowExpression*>(resolved.release()));
      }
      auto window = std::make_unique<PhysicalWindow>(op.types, std::move(windows), cardinality);
      window->children.push_back(Plan(*op.children[0]));
      return window;
    }
    case LogicalOperatorKind::kJoin:
      return PlanJoin(op.As<LogicalJoin>());
    case LogicalOperatorKind::kOrder: {
      auto& order = op.As<LogicalOrder>();
      auto bindings = op.children[0]->GetColumnBindings();
      std::vector<BoundOrder> orders;
      for (const auto& o : order.orders) orders.push_back({ResolveBindings(*o.expression, bindings), o.descending, o.nulls_first});
      auto physical = std::make_unique<PhysicalOrder>(op.types, std::move(orders), std::nullopt, 0, false, cardinality);
      physical->children.push_back(Plan(*op.children[0]));
      return physical;
    }
    case LogicalOperatorKind::kTopN: {
      auto& top = op.As<LogicalTopN>();
      auto bindings = op.children[0]->GetColumnBindings();
      std::vector<BoundOrder> orders;
      for (const auto& o : top.orders) orders.push_back({ResolveBindings(*o.expression, bindings), o.descending, o.nulls_first});
      auto physical = std::make_unique<PhysicalOrder>(op.types, std::move(orders), top.limit, top.offset,
                                                      top.with_ties, cardinality);
      physical->children.push_back(Plan(*op.children[0]));
      return physical;
    }
    case LogicalOperatorKind::kLimit: {
      auto& limit = op.As<LogicalLimit>();
      auto physical = std::make_unique<PhysicalLimit>(op.types, limit.limit, limit.offset, cardinality);
      physical->children.push_back(Plan(*op.children[0]));
      return physical;
    }
    case LogicalOperatorKind::kDistinct: {
      ExpressionList groups;
      for (idx_t c = 0; c < op.types.size(); ++c) groups.push_back(std::make_unique<ReferenceExpression>(op.types[c], c));
      auto physical = std::make_unique<PhysicalHashAggregate>(op.types, std::move(groups),
                                                              std::vector<std::unique_ptr<AggregateExpression>>{},
                                                              std::vector<std::vector<idx_t>>{},
                                                              std::vector<std::vector<idx_t>>{}, cardinality);
      physical->children.push_back(Plan(*op.children[0]));
      return physical;
    }
    case LogicalOperatorKind::kSetOperation:
      return PlanSetOperation(op.As<LogicalSetOperation>());
    case LogicalOperatorKind::kUnnest: {
      auto& unnest = op.As<LogicalUnnest>();
      auto bindings = op.children[0]->GetColumnBindings();
      auto physical = std::make_unique<PhysicalUnnest>(op.types, ResolveAll(op.expressions, bindings),
                                                       unnest.with_ordinality, unnest.keep_empty, cardinality);
      physical->children.push_back(Plan(*op.children[0]));
      return physical;
    }
    case LogicalOperatorKind::kMaterializedCte: {
      auto& cte = op.As<LogicalMaterializedCte>();
      auto physical = std::make_unique<PhysicalMaterializedCte>(op.types, cte.name, cardinality);
      ctes_[cte.cte_index] = physical.get();
      physical->children.push_back(Plan(*op.children[0]));
      physical->children.push_back(Plan(*op.children[1]));
      return physical;
    }
    case LogicalOperatorKind::kRecursiveCte: {
      auto& cte = op.As<LogicalRecursiveCte>();
      auto physical = std::make_unique<PhysicalRecursiveCte>(op.types, cte.union_all, kMaxRecursion, cardinality);
      recursive_ctes_[cte.cte_index] = physical.get();
      physical->children.push_back(Plan(*op.children[0]));
      physical->children.push_back(Plan(*op.children[1]));
      return physical;
    }
    case LogicalOperatorKind::kCteRef: {
      auto& ref = op.As<LogicalCteRef>();
      if (auto it = recursive_ctes_.find(ref.cte_index); it != recursive_ctes_.end()) {
        return std::make_unique<PhysicalChunkScan>(op.types, it->second->working_table(), "RECURSIVE_CTE_SCAN",
                                                   nullptr, cardinality);
      }
      auto it = ctes_.find(ref.cte_index);
      SB_CHECK(it != ctes_.end(), "CTE {} is not materialized", ref.cte_index);
      return std::make_unique<PhysicalChunkScan>(op.types, it->second->result_slot(), "CTE_SCAN", it->second, cardinality);
    }
    case LogicalOperatorKind::kInsert:
      return PlanInsert(op.As<LogicalInsert>());
    case LogicalOperatorKind::kDelete: {
      auto physical = std::make_unique<PhysicalTableModify>(TableModifyKind::kDelete, op.As<LogicalDelete>().table,
                                                            false, std::vector<idx_t>{});
      physical->children.push_back(Plan(*op.children[0]));
      return physical;
    }
    case LogicalOperatorKind::kUpdate: {
      auto& update = op.As<LogicalUpdate>();
      auto physical = std::make_unique<PhysicalTableModify>(TableModifyKind::kUpdate, update.table, false,
                                                            update.updated_columns);
      physical->children.push_back(Plan(*op.children[0]));
      return physical;
    }
    case LogicalOperatorKind::kMerge: {
      auto physical = std::make_unique<PhysicalTableModify>(TableModifyKind::kMerge, op.As<LogicalMerge>().table,
                                                            false, std::vector<idx_t>{});
      physical->children.push_back(Plan(*op.children[0]));
      return physical;
    }
  }
  SB_CHECK(false, "cannot plan logical operator {}", op.Name());
}

PhysicalOperatorPtr PhysicalPlanner::PlanJoin(LogicalJoin& join) {
  if (join.join_type == JoinType::kRight) {
    // Plan as LEFT with the inputs swapped, then restore the column order.
    idx_t left_width = join.children[0]->types.size();
    idx_t right_width = join.children[1]->types.size();
    auto swapped = std::make_unique<LogicalJoin>(JoinType::kLeft);
    swapped->children.push_back(std::move(join.children[1]));
    swapped->children.push_back(std::move(join.children[0]));
    for (auto& c : join.conditions) {
      swapped->conditions.push_back({std::move(c.right), std::move(c.left), FlipComparison(c.op)});
    }
    swapped->expressions = std::move(join.expressions);
    swapped->estimated_cardinality = join.estimated_cardinality;
    swapped->ResolveTypes();
    auto physical_join = PlanJoin(*swapped);
    ExpressionList reorder;
    for (idx_t c = 0; c < left_width; ++c) {
      reorder.push_back(std::make_unique<ReferenceExpression>(swapped->types[right_width + c], right_width + c));
    }
    for (idx_t c = 0; c < right_width; ++c) reorder.push_back(std::make_unique<ReferenceExpression>(swapped->types[c], c));
    std::vector<LogicalType> types;
    for (const auto& e : reorder) types.push_back(e->type);
    auto projection = std::make_unique<PhysicalProjection>(types, std::move(reorder), join.estimated_cardinality);
    projection->children.push_back(std::move(physical_join));
    // Restore the logical operator for any later use.
    join.children.clear();
    join.children.push_back(std::move(swapped->children[1]));
    join.children.push_back(std::move(swapped->children[0]));
    return projection;
  }

  auto left_bindings = join.children[0]->GetColumnBindings();
  auto right_bindings = join.children[1]->GetColumnBindings();
  auto both = left_bindings;
  both.insert(both.end(), right_bindings.begin(), right_bindings.end());

  ExpressionList probe_keys, build_keys, residual;
  std::vector<bool> null_safe;
  for (auto& condition : join.conditions) {
    if (condition.op == ComparisonOp::kEqual || condition.op == ComparisonOp::kNotDistinctFrom) {
      probe_keys.push_back(ResolveBindings(*condition.left, left_bindings));
      build_keys.push_back(ResolveBindings(*condition.right, right_bindings));
      null_safe.push_back(condition.op == ComparisonOp::kNotDistinctFrom);
    } else {
      // Residual predicates see [left columns, right columns].
      residual.push_back(std::make_unique<ComparisonExpression>(condition.op, ResolveBindings(*condition.left, both),
                                                                ResolveBindings(*condition.right, both)));
    }
  }
  for (const auto& e : join.expressions) residual.push_back(ResolveBindings(*e, both));
  auto probe = Plan(*join.children[0]);
  auto build = Plan(*join.children[1]);
  ExpressionPtr residual_predicate = residual.empty() ? nullptr : MakeAnd(std::move(residual));
  if (probe_keys.empty()) {
    return std::make_unique<PhysicalNestedLoopJoin>(join.types, join.join_type, std::move(probe), std::move(build),
                                                    std::move(residual_predicate), join.estimated_cardinality);
  }
  return std::make_unique<PhysicalHashJoin>(join.types, join.join_type, std::move(probe), std::move(build),
                                            std::move(probe_keys), std::move(build_keys), std::move(null_safe),
                                            std::move(residual_predicate), join.estimated_cardinality);
}

PhysicalOperatorPtr PhysicalPlanner::PlanSetOperation(LogicalSetOperation& op) {
  auto left = Plan(*op.children[0]);
  auto right = Plan(*op.children[1]);
  idx_t width = op.types.size();
  if (op.set_kind == SetOperationKind::kUnion) {
    auto unioned = std::make_unique<PhysicalUnion>(op.types, std::move(left), std::move(right), op.estimated_cardinality);
    if (op.all) return unioned;
    ExpressionList groups;
    for (idx_t c = 0; c < width; ++c) groups.push_back(std::make_unique<ReferenceExpression>(op.types[c], c));
    auto distinct = std::make_unique<PhysicalHashAggregate>(op.types, std::move(groups),
                                                            std::vector<std::unique_ptr<AggregateExpression>>{},
                                                            std::vector<std::vector<idx_t>>{},
                                                            std::vector<std::vector<idx_t>>{}, op.estimated_cardinality);
    distinct->children.push_back(std::move(unioned));
    return distinct;
  }
  // INTERSECT / EXCEPT: tag each side, count each row's occurrences per side, then repeat it.
  auto tagged = [&](PhysicalOperatorPtr input, bool is_left) {
    ExpressionList columns;
    std::vector<LogicalType> types = op.types;
    for (idx_t c = 0; c < width; ++c) columns.push_back(std::make_unique<ReferenceExpression>(op.types[c], c));
    columns.push_back(MakeConstant(Value::Boolean(is_left)));
    types.push_back(TypeId::kBoolean);
    auto projection = std::make_unique<PhysicalProjection>(types, std::move(columns), input->estimated_cardinality);
    projection->children.push_back(std::move(input));
    return projection;
  };
  std::vector<LogicalType> tagged_types = op.types;
  tagged_types.push_back(TypeId::kBoolean);
  auto unioned = std::make_unique<PhysicalUnion>(tagged_types, tagged(std::move(left), true),
                                                 tagged(std::move(right), false), op.estimated_cardinality);
  ExpressionList groups;
  for (idx_t c = 0; c < width; ++c) groups.push_back(std::make_unique<ReferenceExpression>(op.types[c], c));
  std::vector<std::unique_ptr<AggregateExpression>> counts;
  for (bool side : {true, false}) {
    auto resolved = registry_.ResolveAggregate("count_if", {LogicalType(TypeId::kBoolean)});
    ExpressionList arguments;
    ExpressionPtr tag = std::make_unique<ReferenceExpression>(TypeId::kBoolean, width);
    arguments.push_back(side ? std::move(tag) : MakeNot(std::move(tag)));
    counts.push_back(std::make_unique<AggregateExpression>(resolved.function, resolved.bind_data, std::move(arguments), false));
  }
  std::vector<LogicalType> counted_types = op.types;
  counted_types.push_back(TypeId::kBigint);
  counted_types.push_back(TypeId::kBigint);
  auto counted = std::make_unique<PhysicalHashAggregate>(counted_types, std::move(groups), std::move(counts),
                                                         std::vector<std::vector<idx_t>>{},
                                                         std::vector<std::vector<idx_t>>{}, op.estimated_cardinality);
  counted->children.push_back(std::move(unioned));
  auto repeat = std::make_unique<PhysicalRepeatRows>(op.types, op.set_kind, op.all, op.estimated_cardinality);
  repeat->children.push_back(std::move(counted));
  return repeat;
}

PhysicalOperatorPtr PhysicalPlanner::PlanInsert(LogicalInsert& insert) {
  auto child = Plan(*insert.children[0]);
  const auto& columns = insert.table->columns;
  ExpressionList projection;
  std::vector<LogicalType> types;
  for (idx_t c = 0; c < columns.size(); ++c) {
    ExpressionPtr value;
    if (insert.column_map[c]) {
      idx_t source = *insert.column_map[c];
      value = CastIfNeeded(std::make_unique<ReferenceExpression>(child->types[source], source), columns[c].type);
    } else {
      value = insert.defaults[c]->Copy();
    }
    types.push_back(columns[c].type);
    projection.push_back(std::move(value));
  }
  auto project = std::make_unique<PhysicalProjection>(types, std::move(projection), child->estimated_cardinality);
  project->children.push_back(std::move(child));
  auto physical = std::make_unique<PhysicalTableModify>(TableModifyKind::kInsert, insert.table, insert.overwrite,
                                                        std::vector<idx_t>{});
  physical->children.push_back(std::move(project));
  return physical;
}

}  // namespace switchboard
