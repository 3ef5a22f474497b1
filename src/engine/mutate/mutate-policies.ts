/**
 * Cascading mutation, as Kyverno runs it: the mutate rules of all policies, in policy order and rule order
 * (autogen rules after their sources). Each rule matches against, reads (`request.object`) and patches the
 * resource left by the rules before it; the validate step then sees the final resource, and the admission
 * patch is createJsonPatch(original, final). `applyRules: One` stops a policy after its first applied rule.
 * A policy exception turns a rule into skip. Rules with `mutate.targets` (mutate existing) are left to
 * mutateExisting (they do not patch the admission request).
 */
import { expandAutogenRules } from '../autogen/index.js';
import { buildRequestData, setDottedPath } from '../context/index.js';
import { findException } from '../exceptions/index.js';
import { ruleApplies } from '../match/index.js';
import { createJsonPatch, type JsonPatchOp } from '../patch/index.js';
import type { JsonObject, KyvernoPolicy, PolicyException, Rule } from '../policy-types.js';
import type { AdmissionInput, EngineDeps } from '../request.js';
import type { RuleResult } from '../result.js';
import { mutateResource } from './mutate-rule.js';

export interface MutatePoliciesOptions {
  exceptions?: readonly PolicyException[];
  /** Webhook path: apply the operations Kyverno registers mutating webhooks for (see MatchOptions). */
  applyWebhookDefaults?: boolean;
}

export interface MutatePoliciesResult {
  /** The resource after every rule (null when the request has no object, e.g. DELETE). */
  resource: JsonObject | null;
  /** RFC 6902 patch from the request object to `resource`. */
  patches: JsonPatchOp[];
  results: RuleResult[];
  /** The resource after each policy, in order (what `kyverno test` compares with patchedResources). */
  byPolicy: Array<{ policy: string; resource: JsonObject | null }>;
}

export const isMutateExisting = (rule: Rule) => Array.isArray((rule.mutate as { targets?: unknown } | undefined)?.targets);

export async function mutatePolicies(
  policies: readonly KyvernoPolicy[],
  input: AdmissionInput,
  deps: EngineDeps,
  opts: MutatePoliciesOptions = {},
): Promise<MutatePoliciesResult> {
  const original = input.object;
  let current = original;
  const results: RuleResult[] = [];
  const byPolicy: MutatePoliciesResult['byPolicy'] = [];
  for (const policy of policies) {
    if (current) current = await mutatePolicy(policy, { ...input, object: current }, deps, opts, results);
    byPolicy.push({ policy: policy.metadata.name ?? '', resource: current });
  }
  return { resource: current, patches: original && current ? createJsonPatch(original, current) : [], results, byPolicy };
}

/**
 * A policy's rules with the autogen ones, expanded once per policy object: expanding per request made new
 * rule objects each time, so every rule's match was compiled again on every admission.
 */
const expanded = new WeakMap<KyvernoPolicy, readonly Rule[]>();
function expandedRulesOf(policy: KyvernoPolicy): readonly Rule[] {
  let rules = expanded.get(policy);
  if (!rules) expanded.set(policy, (rules = expandAutogenRules(policy)));
  return rules;
}

async function mutatePolicy(
  policy: KyvernoPolicy,
  input: AdmissionInput & { object: JsonObject },
  deps: EngineDeps,
  opts: MutatePoliciesOptions,
  results: RuleResult[],
): Promise<JsonObject> {
  const name = policy.metadata.name ?? '';
  const policyNamespace = policy.kind === 'Policy' ? policy.metadata.namespace : undefined;
  const env = { now: () => deps.now() };
  let current = input.object;
  for (const rule of expandedRulesOf(policy)) {
    if (!rule.mutate || isMutateExisting(rule)) continue;
    const req: AdmissionInput = { ...input, object: current };
    const matchOpts = { ...(policyNamespace !== undefined ? { policyNamespace } : {}), ...(opts.applyWebhookDefaults ? { applyWebhookDefaults: true } : {}) };
    if (!ruleApplies(rule, req, matchOpts).applies) continue;
    const resourceName = String((current.metadata as JsonObject | undefined)?.name ?? '');
    const overrides = deps.values?.forResource(name, resourceName, rule.name) ?? {};
    let data = buildRequestData(req);
    for (const [k, v] of Object.entries(overrides)) data = setDottedPath(data, k, v);
    const base = { policy: name, rule: rule.name, ruleType: 'mutation' as const };
    const exception = opts.exceptions?.length
      ? findException(opts.exceptions, { policyName: name, ...(policyNamespace !== undefined ? { policyNamespace } : {}), ruleName: rule.name, input: req, data, env })
      : undefined;
    if (exception !== undefined) {
      results.push({ ...base, status: 'skip', message: `rule is skipped due to policy exception ${exception}`, reason: 'EXCEPTION', exception });
      continue;
    }
    const out = await mutateResource(rule, current, { data, deps, env, overrides });
    results.push({ ...base, status: out.status, message: out.message, ...(out.reason ? { reason: out.reason } : {}) });
    if (out.status === 'pass') current = out.resource;
    if (policy.spec.applyRules === 'One' && out.status === 'pass') break;
  }
  return current;
}
