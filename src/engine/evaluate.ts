/**
 * evaluatePolicy: runs one compiled policy's validate rules against one request, in Kyverno's order
 * (match/exclude, exceptions, context, preconditions, validation) and returns one RuleResult per rule
 * that applied. A throw inside a rule is a programmer error: it becomes `status: 'error'` here.
 */
import { evaluateCelRule, type ParamLookup } from './cel-policies/index.js';
import type { CompiledPolicy, CompiledRule } from './compiled.js';
import { buildRequestData, setDottedPath } from './context/index.js';
import { findException } from './exceptions/index.js';
import { ruleApplies } from './match/index.js';
import type { JsonObject, PolicyException } from './policy-types.js';
import type { AdmissionInput, EngineDeps } from './request.js';
import type { RuleResult } from './result.js';
import { validateBlock } from './validate/validate-rule.js';
import type { Outcome } from './validate/outcome.js';
import type { RuleScope } from './validate/scope.js';

export interface EvaluateOptions {
  exceptions?: readonly PolicyException[];
  /** Params for `validate.cel` rules with paramKind (CLI paramResources, or the cluster's objects). */
  celParams?: ParamLookup;
}

export async function evaluatePolicy(
  policy: CompiledPolicy,
  input: AdmissionInput,
  deps: EngineDeps,
  opts: EvaluateOptions = {},
): Promise<RuleResult[]> {
  const results: RuleResult[] = [];
  const resource = input.object ?? input.oldObject;
  const resourceName = String((resource?.metadata as JsonObject | undefined)?.name ?? input.name ?? '');
  const baseData = buildRequestData(input);
  const env = { now: () => deps.now() };
  for (const rule of policy.rules) {
    if (rule.kind !== 'validate') continue;
    const applies = ruleApplies(rule.rule, input, policy.namespace !== undefined ? { policyNamespace: policy.namespace } : {});
    if (!applies.applies) continue;
    const overrides = deps.values?.forResource(policy.name, resourceName, rule.autogenOf ?? rule.name) ?? {};
    let data = baseData;
    for (const [k, v] of Object.entries(overrides)) data = setDottedPath(data, k, v);
    const exception = opts.exceptions?.length
      ? findException(opts.exceptions, {
          policyName: policy.name,
          ...(policy.namespace !== undefined ? { policyNamespace: policy.namespace } : {}),
          ruleName: rule.name,
          input,
          data,
          env,
        })
      : undefined;
    const base = { policy: policy.name, rule: rule.name, ruleType: 'validation' as const, ...(rule.fix ? { fix: rule.fix } : {}) };
    if (exception !== undefined) {
      results.push({ ...base, status: 'skip', message: `rule is skipped due to policy exception ${exception}`, reason: 'EXCEPTION', exception });
      continue;
    }
    const out = await evaluateRule(policy, rule, input, deps, { data, overrides, env }, opts);
    if (!out) continue;
    const result: RuleResult = { ...base, status: out.status, message: out.message };
    if (out.path !== undefined) result.path = out.path;
    if (out.reason !== undefined) result.reason = out.reason;
    if (out.status === 'fail') {
      result.action = policy.actionFor(rule, input.namespace, input.namespaceLabels);
      if (!policy.scored) result.status = 'warn';
    }
    results.push(result);
    if (policy.applyRules === 'One' && (out.status === 'pass' || out.status === 'fail')) break;
  }
  return results;
}

interface RuleInputs {
  data: JsonObject;
  overrides: Record<string, unknown>;
  env: { now(): Date };
}

async function evaluateRule(
  policy: CompiledPolicy,
  rule: CompiledRule,
  input: AdmissionInput,
  deps: EngineDeps,
  r: RuleInputs,
  opts: EvaluateOptions,
): Promise<Outcome | undefined> {
  try {
    if (rule.cel) {
      const r = evaluateCelRule(rule.cel, input, {
        policy: policy.name,
        now: deps.now(),
        ...(opts.celParams ? { paramLookup: opts.celParams } : {}),
      });
      return { status: r.status, message: r.message, ...(r.reason ? { reason: r.reason } : {}) };
    }
    const v = rule.rule.validate ?? {};
    if (v.podSecurity || v.manifests || v.assert) {
      return { status: 'error', message: 'this validate rule type is not supported yet', reason: 'UNSUPPORTED' };
    }
    const isPatternRule = v.pattern !== undefined || v.anyPattern !== undefined;
    if (isPatternRule && input.operation === 'DELETE') return undefined; // Kyverno skips patterns on deleted resources
    const scope: RuleScope = {
      rule: rule.rule,
      data: r.data,
      target: input.object ?? input.oldObject,
      deps,
      env: r.env,
      nesting: 0,
      overrides: r.overrides,
    };
    const feValues = deps.values?.foreachValues?.(policy.name, rule.autogenOf ?? rule.name);
    if (feValues) scope.foreachValues = feValues;
    const block = { ...v, context: rule.rule.context, preconditions: rule.rule.preconditions };
    const out = await validateBlock(block, scope, v.message);
    if (out.status === 'fail' && isPatternRule && input.operation === 'UPDATE' && input.oldObject && v.allowExistingViolations !== false) {
      const old = await validateBlock(block, { ...scope, target: input.oldObject, data: setDottedPath(r.data, 'request.object', input.oldObject) }, v.message);
      if (old.status === 'fail') {
        return { status: 'skip', message: 'skipping modified resource as validation results have not changed', reason: 'EXISTING_VIOLATION' };
      }
    }
    return out;
  } catch (err) {
    return { status: 'error', message: `rule ${rule.name} failed: ${err instanceof Error ? err.message : String(err)}`, reason: 'INTERNAL' };
  }
}
