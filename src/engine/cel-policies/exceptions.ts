/**
 * CEL PolicyExceptions (policies.kyverno.io PolicyException): `policyRefs` name the policies,
 * `matchConditions` (all true) select the requests. A match skips the policy - or reports pass with
 * `reportResult: pass` - unless the exception lists images or allowedValues, which are handed to the
 * policy as `exceptions` instead (vpol/compiler/policy.go evaluateWithData).
 */
import type { Issue } from '../result.js';
import { runExpr } from './budget.js';
import type { CostBudget } from './budget.js';
import { KYVERNO_VARIABLES, createIssueSink } from './compile-expr.js';
import { compileBody } from './compile-body.js';
import type { CompiledCelException, CompiledCelPolicy } from './types.js';

type Json = Record<string, unknown>;

export type CompileCelExceptionResult = { ok: true; exception: CompiledCelException } | { ok: false; issues: Issue[] };

export function isCelExceptionDocument(doc: unknown): boolean {
  const d = (doc ?? {}) as Json;
  return typeof d.apiVersion === 'string' && d.apiVersion.startsWith('policies.kyverno.io/') && d.kind === 'PolicyException';
}

export function compileCelException(doc: unknown): CompileCelExceptionResult {
  if (!isCelExceptionDocument(doc)) {
    return { ok: false, issues: [{ code: 'CEL_POLICY_UNSUPPORTED_KIND', message: 'not a policies.kyverno.io PolicyException', path: '/kind', severity: 'error' }] };
  }
  const { metadata, spec } = doc as { metadata?: Json; spec?: Json };
  const sink = createIssueSink(KYVERNO_VARIABLES);
  const body = compileBody({ matchConditions: spec?.matchConditions }, '/spec', sink, 'kyverno', 'Fail');
  const refs = Array.isArray(spec?.policyRefs) ? (spec.policyRefs as Array<{ name?: unknown; kind?: unknown }>) : [];
  const policyRefs = refs
    .filter((r) => typeof r?.name === 'string')
    .map((r) => ({ name: r.name as string, ...(typeof r.kind === 'string' && { kind: r.kind }) }));
  if (policyRefs.length === 0) sink.issues.push({ code: 'CEL_POLICY_INVALID', message: 'policyRefs must name at least one policy', path: '/spec/policyRefs', severity: 'error' });
  if (sink.issues.length > 0) return { ok: false, issues: sink.issues };
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const namespace = typeof metadata?.namespace === 'string' ? metadata.namespace : undefined;
  return {
    ok: true,
    exception: {
      name: typeof metadata?.name === 'string' ? metadata.name : '',
      ...(namespace !== undefined && { namespace }),
      policyRefs,
      matchConditions: body.matchConditions,
      ...(typeof spec?.reportResult === 'string' && { reportResult: spec.reportResult }),
      images: strings(spec?.images),
      allowedValues: strings(spec?.allowedValues),
    },
  };
}

export function exceptionsFor(policy: CompiledCelPolicy, exceptions: readonly CompiledCelException[]): CompiledCelException[] {
  return exceptions.filter((e) => e.policyRefs.some((r) => r.name === policy.name && (r.kind === undefined || r.kind === policy.kind)));
}

/** Exceptions whose matchConditions all hold; an evaluation error is returned as a message. */
export function matchingExceptions(
  exceptions: readonly CompiledCelException[],
  activation: Record<string, unknown>,
  budget: CostBudget,
): { matched: CompiledCelException[]; error?: string } {
  const matched: CompiledCelException[] = [];
  for (const exception of exceptions) {
    let all = true;
    for (const { name, expr } of exception.matchConditions) {
      const result = runExpr(expr, { ...activation, variables: {} }, budget);
      if (!result.ok) return { matched, error: `exception ${exceptionKey(exception)} matchCondition '${name}': ${result.message}` };
      if (result.value !== true) {
        all = false;
        break;
      }
    }
    if (all) matched.push(exception);
  }
  return { matched };
}

/** namespace/name, as cache.MetaNamespaceKeyFunc prints it. */
export function exceptionKey(exception: CompiledCelException): string {
  return exception.namespace ? `${exception.namespace}/${exception.name}` : exception.name;
}
