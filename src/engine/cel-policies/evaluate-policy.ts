/**
 * evaluateCelPolicy: one request against one compiled ValidatingPolicy or ValidatingAdmissionPolicy.
 * An empty list means "does not apply" (matchConstraints or no binding matched), which Kyverno's CLI
 * also reports as skip.
 */
import type { AdmissionInput } from '../request.js';
import { toCelActivation } from '../cel/index.js';
import { convertedActivation } from './activation-cache.js';
import { requestAttributes } from './attributes.js';
import type { RequestAttributes } from './attributes.js';
import { createCostBudget } from './budget.js';
import type { CostBudget } from './budget.js';
import { matchOptions } from './context.js';
import type { CelPolicyContext } from './context.js';
import { evaluateBody } from './evaluate-body.js';
import { evaluateVap } from './evaluate-vap.js';
import { exceptionKey, exceptionsFor, matchingExceptions } from './exceptions.js';
import { kyvernoLibraries, namespaceObjectFrom } from './host-libraries.js';
import { matchesResources } from './match-resources.js';
import { baseResult, vpolResult } from './results.js';
import type { ResultBase } from './results.js';
import type { CelRuleResult, CompiledCelBody, CompiledCelPolicy } from './types.js';

/** `exceptions` when no CEL PolicyException grants images or values, already in CEL form. */
const NO_EXCEPTIONS = toCelActivation({ exceptions: { allowedImages: [], allowedValues: [] } }).exceptions;

export function evaluateCelPolicy(policy: CompiledCelPolicy, input: AdmissionInput, ctx: CelPolicyContext): CelRuleResult[] {
  const budget = ctx.budget ?? createCostBudget();
  if (policy.mode === 'JSON') {
    // evaluation.mode JSON: any payload, no matching, only `object` (vpol/compiler/policy.go evaluateJson).
    return [evaluateVpolBody(policy, policy.body, toCelActivation({ ...kyvernoLibraries(ctx), object: input.object }), ctx, budget)];
  }
  const attrs = requestAttributes(input);
  if (policy.kind === 'NamespacedValidatingPolicy' && attrs.namespace !== (policy.namespace ?? '')) return [];
  if (policy.kind === 'ValidatingAdmissionPolicy') return evaluateVap(policy, input, attrs, ctx, budget);
  const namespaceObject = namespaceObjectFrom(ctx, attrs.namespace);
  const withNamespace = namespaceObject === undefined ? ctx : { ...ctx, namespaceObject };
  const body = selectBody(policy, attrs, input, withNamespace);
  if (body === undefined) return [];
  const activation = convertedActivation(input, attrs, {
    namespaceObject: withNamespace.namespaceObject,
    authorizer: ctx.authorizer,
    libraries: kyvernoLibraries(ctx),
  });
  return [evaluateVpolBody(policy, body, activation, ctx, budget)];
}

/** The policy's own body when its matchConstraints match, else the first matching autogen copy. */
function selectBody(policy: CompiledCelPolicy, attrs: RequestAttributes, input: AdmissionInput, ctx: CelPolicyContext): CompiledCelBody | undefined {
  const opts = matchOptions(input, ctx);
  if (policy.matchConstraints && matchesResources(policy.matchConstraints, attrs, opts)) return policy.body;
  return policy.autogen.find((a) => matchesResources(a.matchConstraints, attrs, opts))?.body;
}

/** `activation` is in CEL form (toCelActivation). */
function evaluateVpolBody(
  policy: CompiledCelPolicy,
  body: CompiledCelBody,
  activation: Record<string, unknown>,
  ctx: CelPolicyContext,
  budget: CostBudget,
): CelRuleResult {
  const base: ResultBase = { policy: policy.name, validationActions: policy.validationActions, failurePolicy: policy.failurePolicy };
  const relevant = exceptionsFor(policy, ctx.exceptions ?? []);
  const { matched, error } = matchingExceptions(relevant, activation, budget);
  if (error !== undefined) return { ...baseResult(base), rule: 'evaluation', status: 'error', message: error, reason: 'CEL_EVAL' };
  const allowedImages = matched.flatMap((e) => e.images);
  const allowedValues = matched.flatMap((e) => e.allowedValues);
  if (matched.length > 0 && allowedImages.length === 0 && allowedValues.length === 0) {
    const keys = matched.map(exceptionKey).join(', ');
    const pass = matched[0]?.reportResult === 'pass';
    const message = `rule is ${pass ? 'passed' : 'skipped'} due to policy exception: ${keys}`;
    return { ...baseResult(base), rule: 'exception', status: pass ? 'pass' : 'skip', message, exception: keys, ...(!pass && { reason: 'EXCEPTION' }) };
  }
  const granted = allowedImages.length > 0 || allowedValues.length > 0;
  const exceptions = granted ? toCelActivation({ exceptions: { allowedImages, allowedValues } }).exceptions : NO_EXCEPTIONS;
  return vpolResult(base, evaluateBody(body, { ...activation, exceptions }, budget, { converted: true }));
}
