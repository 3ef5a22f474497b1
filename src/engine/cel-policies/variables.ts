/**
 * Lazy `variables.<name>`: a variable is evaluated the first time an expression that references it
 * runs, at most once per evaluation (Kubernetes' lazy.MapValue, Kyverno's vpol compiler). A variable
 * that errors is left out of the map, so a read of it fails where it is read - and CEL's `||`/`&&`
 * can still absorb that error as with a lazy error value - and the failure names the variable.
 */
import type { CelEvalResult, CelIssueCode } from '../cel/index.js';
import { runExpr } from './budget.js';
import type { CostBudget } from './budget.js';
import type { CompiledExpr } from './types.js';

interface VariableError {
  code: CelIssueCode;
  message: string;
}

export interface VariableScope {
  /** Evaluates `expr` with the variables it references resolved; failures name the failing variable. */
  run(expr: CompiledExpr): CelEvalResult;
}

/** `base` must come from toCelActivation: every expression here runs on it without converting it again. */
export function createVariableScope(
  variables: ReadonlyArray<{ name: string; expr: CompiledExpr }>,
  base: Record<string, unknown>,
  budget: CostBudget,
): VariableScope {
  return new LazyVariables(variables, base, budget);
}

/**
 * The `variables` map of expressions that reference none. Activations that already hold it (the
 * per-request cached one) are used as they are, without a per-body copy.
 */
export const NO_VARIABLES: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
const NONE = NO_VARIABLES;

/** `base` with `variables` set to NO_VARIABLES, copied only when it does not already have it. */
export function withoutVariables(base: Record<string, unknown>): Record<string, unknown> {
  return base.variables === NONE ? base : { ...base, variables: NONE };
}

/**
 * A class rather than closures: one scope is made per body evaluation, on the hot path. The activation
 * is one object whose `variables` slot is set before each evaluation (evaluation is synchronous).
 */
class LazyVariables implements VariableScope {
  // Made on first use: most bodies of validate.cel rules declare no variables.
  private values: Map<string, unknown> | undefined;
  private errors: Map<string, VariableError> | undefined;
  private inProgress: Set<string> | undefined;
  private readonly activation: Record<string, unknown>;
  private byName: Map<string, CompiledExpr> | undefined;

  constructor(
    private readonly variables: ReadonlyArray<{ name: string; expr: CompiledExpr }>,
    base: Record<string, unknown>,
    private readonly budget: CostBudget,
  ) {
    // Without variables every expression sees NONE, so the shared activation is never written to.
    this.activation = variables.length === 0 ? withoutVariables(base) : { ...base, variables: NONE };
  }

  /** A method, not an arrow property: a closure per scope showed in the profile. Callers bind it when they pass it on. */
  run(expr: CompiledExpr): CelEvalResult {
    return this.evaluate(expr, false);
  }

  private resolve(name: string): void {
    this.values ??= new Map();
    this.errors ??= new Map();
    this.inProgress ??= new Set();
    if (this.values.has(name) || this.errors.has(name)) return;
    this.byName ??= new Map(this.variables.map((v) => [v.name, v.expr]));
    const expr = this.byName.get(name);
    if (expr === undefined) return;
    if (this.inProgress.has(name)) {
      this.errors.set(name, { code: 'CEL_EVAL', message: `variable '${name}' refers to itself` });
      return;
    }
    this.inProgress.add(name);
    // Kept as CEL values: a variable only feeds other expressions, so no JSON round trip per read.
    const result = this.evaluate(expr, true);
    this.inProgress.delete(name);
    if (result.ok) this.values.set(name, result.value);
    else this.errors.set(name, { code: result.code, message: result.message });
  }

  private evaluate(expr: CompiledExpr, raw: boolean): CelEvalResult {
    let map = NONE;
    if (expr.refs.length > 0) {
      map = {};
      for (const ref of expr.refs) {
        this.resolve(ref);
        if (this.values?.has(ref)) map[ref] = this.values.get(ref);
      }
    }
    // Set after resolving: nested evaluations of variables set their own map first.
    if (this.activation.variables !== map) this.activation.variables = map;
    const result = runExpr(expr, this.activation, this.budget, { raw, converted: true });
    if (result.ok) return result;
    const errors = this.errors;
    const failed = errors && expr.refs.find((ref) => errors.has(ref));
    const cause = failed === undefined ? undefined : errors?.get(failed);
    if (failed === undefined || cause === undefined) return result;
    return { ok: false, code: cause.code, message: `variables.${failed}: ${cause.message}`, cost: result.cost };
  }
}
