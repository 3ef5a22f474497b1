import { CelCostExceeded } from './errors.js';

/**
 * Runtime cost accounting. The library has no cost tracker, so we keep one: a meter that is
 * active while one program evaluates (evaluation is synchronous, so one module-level slot is safe).
 * Units follow cel-go's runtime cost closely enough to use Kubernetes' limits unchanged: about
 * one unit per evaluated AST node, charged per comprehension iteration; functions over strings
 * and lists charge by size (see docs/cel.md "Cost").
 */
export interface CostMeter {
  spent: number;
  readonly budget: number;
}

/** k8s.io/apiserver/pkg/apis/cel/config.go: PerCallLimit = 1000000 (per expression). */
export const PER_CALL_LIMIT = 1_000_000;
/** k8s.io/apiserver/pkg/apis/cel/config.go: RuntimeCELCostBudget = 10000000 (per request). */
export const RUNTIME_CEL_COST_BUDGET = 10_000_000;

let current: CostMeter | undefined;

export function charge(units: number): void {
  const meter = current;
  if (meter === undefined) return;
  meter.spent += units;
  if (meter.spent > meter.budget) throw new CelCostExceeded(meter.spent, meter.budget);
}

/** Makes `meter` the active one and returns the previous (no closure: used on the hot path). */
export function enterMeter(meter: CostMeter): CostMeter | undefined {
  const previous = current;
  current = meter;
  return previous;
}

export function exitMeter(previous: CostMeter | undefined): void {
  current = previous;
}

/** Cost of touching a string or list of `size` elements: cel-go charges 0.1 per byte/element. */
export function sizeCost(size: number): number {
  return 1 + Math.ceil(size * 0.1);
}
