import { CelCostExceeded, evalErrorMessage } from './errors.js';
import { PER_CALL_LIMIT, charge, enterMeter, exitMeter } from './cost.js';
import { fromCel, toCel } from './convert.js';
import { toAuthorizer } from './libs/index.js';
import type { CelEvalOptions, CelEvalResult, CelProgram } from './types.js';

type Evaluable = (context: Record<string, unknown>) => unknown;

export function createProgram(expression: string, evaluable: Evaluable, staticCost: number): CelProgram {
  return {
    expression,
    evaluate(activation: Record<string, unknown>, opts: CelEvalOptions = {}): CelEvalResult {
      const meter = { spent: 0, budget: opts.costBudget ?? PER_CALL_LIMIT };
      const previous = enterMeter(meter);
      try {
        charge(staticCost);
        const value = evaluable(opts.converted === true ? activation : toCelActivation(activation));
        exitMeter(previous);
        // Quantifiers swallow per-element errors (CEL's error-absorbing all/exists), so a budget
        // overrun inside one can surface only here.
        if (meter.spent > meter.budget) throw new CelCostExceeded(meter.spent, meter.budget);
        return { ok: true, value: opts.raw === true ? value : fromCel(value), cost: meter.spent };
      } catch (error) {
        exitMeter(previous);
        if (error instanceof CelCostExceeded) {
          return { ok: false, code: 'CEL_COST_EXCEEDED', message: error.message, cost: meter.spent };
        }
        return { ok: false, code: 'CEL_EVAL', message: evalErrorMessage(error), cost: meter.spent };
      }
    },
  };
}

/** Converts every activation value to its CEL form once (see CelEvalOptions.converted). */
export function toCelActivation(activation: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(activation)) out[k] = toCel(v);
  // Offline authorizer: a function from the caller, or deny-all (docs/cel.md "authorizer").
  out.authorizer = toAuthorizer(activation.authorizer);
  return out;
}
