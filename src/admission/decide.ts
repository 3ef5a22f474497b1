/**
 * Turns the engine's policy responses into an admission decision (pure):
 * - fail + Enforce blocks; fail + Audit and warn are allowed and returned as warnings;
 * - error follows the policy's failurePolicy: Fail blocks with the error, Ignore allows with a warning
 *   (Kyverno: spec.failurePolicy, https://kyverno.io/docs/writing-policies/policy-settings/);
 * - pass and skip say nothing.
 */
import type { PolicyResponse, RuleResult, RuleStatus } from '../engine/index.js';
import type { ResourceRef } from './input.js';
import { buildDenyMessage, type BlockedPolicy } from './message.js';
import { formatWarning } from './warnings.js';

export type FailurePolicy = 'Fail' | 'Ignore';

export interface Decision {
  allowed: boolean;
  /** The developer-facing deny message; set only when not allowed. */
  message?: string;
  warnings: string[];
  counts: Record<RuleStatus, number>;
  /** `policy/rule` of every blocking result, for logs. */
  blocking: string[];
}

export function emptyCounts(): Record<RuleStatus, number> {
  return { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
}

/**
 * Decisions of shared (frozen) responses arrays that allow without a warning: such an outcome has no
 * fail, warn or error result, so neither the resource nor the failure policies change its decision. The
 * engine gives every request with the same quick-lane answers the same array (admitNow).
 */
const quietAllows = new WeakMap<readonly PolicyResponse[], Decision>();

export function decide(
  responses: readonly PolicyResponse[],
  ref: ResourceRef,
  failurePolicyOf: (response: PolicyResponse) => FailurePolicy,
): Decision {
  const shared = Object.isFrozen(responses);
  if (shared) {
    const hit = quietAllows.get(responses);
    if (hit !== undefined) return hit;
  }
  const counts = emptyCounts();
  const warnings: string[] = [];
  const blocked: BlockedPolicy[] = [];
  const blocking: string[] = [];
  for (const response of responses) {
    // Made on the first blocking rule only: most responses block nothing.
    let rules: BlockedPolicy['rules'] | undefined;
    for (const r of response.results) {
      counts[r.status]++;
      if (blocks(r, response, failurePolicyOf)) {
        (rules ??= []).push({ rule: r.rule, message: r.message, ...(r.fix ? { fix: r.fix } : {}) });
        blocking.push(`${response.policy}/${r.rule}`);
      } else if (r.status === 'fail' || r.status === 'warn' || r.status === 'error') {
        warnings.push(formatWarning(response.policy, r.rule, r.message));
      }
    }
    if (rules !== undefined) blocked.push({ policy: response.policy, rules });
  }
  if (blocked.length === 0) {
    const d: Decision = { allowed: true, warnings, counts, blocking };
    if (shared && warnings.length === 0) quietAllows.set(responses, Object.freeze(Object.assign(d, { warnings: Object.freeze(warnings), counts: Object.freeze(counts), blocking: Object.freeze(blocking) })));
    return d;
  }
  return { allowed: false, message: buildDenyMessage(ref, blocked), warnings, counts, blocking };
}

function blocks(r: RuleResult, response: PolicyResponse, failurePolicyOf: (p: PolicyResponse) => FailurePolicy): boolean {
  // A fail without an action comes from a handler that has no audit mode: it enforces.
  if (r.status === 'fail') return (r.action ?? 'Enforce') === 'Enforce';
  if (r.status === 'error') return failurePolicyOf(response) === 'Fail';
  return false;
}
