/**
 * CEL cost budgets, as the API server applies them: each expression may spend PerCallLimit, and all
 * expressions of one policy evaluation share RuntimeCELCostBudget
 * (k8s.io/apiserver/pkg/apis/cel/config.go). Callers may share one budget across policies.
 */
import { PER_CALL_LIMIT, RUNTIME_CEL_COST_BUDGET } from '../cel/index.js';
import type { CelEvalResult } from '../cel/index.js';
import type { CompiledExpr } from './types.js';

export interface CostBudget {
  readonly perExpression: number;
  remaining: number;
}

export function createCostBudget(opts: { perExpression?: number; perRequest?: number } = {}): CostBudget {
  return { perExpression: opts.perExpression ?? PER_CALL_LIMIT, remaining: opts.perRequest ?? RUNTIME_CEL_COST_BUDGET };
}

/** Evaluates within the budget and charges what was spent. */
export function runExpr(
  expr: CompiledExpr,
  activation: Record<string, unknown>,
  budget: CostBudget,
  opts: { raw?: boolean; converted?: boolean } = {},
): CelEvalResult {
  if (budget.remaining <= 0) {
    // Wording of the API server's validator when the shared budget is gone.
    return { ok: false, code: 'CEL_COST_EXCEEDED', message: 'validation failed due to running out of cost budget, no further validation rules will be run', cost: 0 };
  }
  const costBudget = Math.min(budget.perExpression, budget.remaining);
  const result = expr.program.evaluate(activation, { costBudget, raw: opts.raw === true, converted: opts.converted === true });
  budget.remaining -= result.cost;
  return result;
}
