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
  const byName = new Map(variables.map((v) => [v.name, v.expr]));
  const values = new Map<string, unknown>();
  const errors = new Map<string, VariableError>();
  const inProgress = new Set<string>();

  function resolve(name: string): void {
    if (values.has(name) || errors.has(name)) return;
    const expr = byName.get(name);
    if (expr === undefined) return;
    if (inProgress.has(name)) {
      errors.set(name, { code: 'CEL_EVAL', message: `variable '${name}' refers to itself` });
      return;
    }
    inProgress.add(name);
    // Kept as CEL values: a variable only feeds other expressions, so no JSON round trip per read.
    const result = run(expr, true);
    inProgress.delete(name);
    if (result.ok) values.set(name, result.value);
    else errors.set(name, { code: result.code, message: result.message });
  }

  function run(expr: CompiledExpr, raw = false): CelEvalResult {
    const map: Record<string, unknown> = {};
    for (const ref of expr.refs) {
      resolve(ref);
      if (values.has(ref)) map[ref] = values.get(ref);
    }
    const result = runExpr(expr, { ...base, variables: map }, budget, { raw, converted: true });
    if (result.ok) return result;
    const failed = expr.refs.find((ref) => errors.has(ref));
    const cause = failed === undefined ? undefined : errors.get(failed);
    if (failed === undefined || cause === undefined) return result;
    return { ok: false, code: cause.code, message: `variables.${failed}: ${cause.message}`, cost: result.cost };
  }

  return { run: (expr) => run(expr) };
}
