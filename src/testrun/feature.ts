/**
 * Names the engine feature an expected result needs, so the conformance report can be read per issue:
 * `validate` (classic pattern/deny/foreach), `validate.cel`, `podSecurity`, `mutate`, `generate`,
 * `verifyImages`, `apiCall` (a live API lookup in context), or the policy kind for CEL policy kinds.
 */
import type { JsonObject, Rule } from '../engine/index.js';

export function ruleFeature(rule: Rule | undefined, hasPatched: boolean): string {
  if (!rule) return 'unknown';
  if (rule.mutate || hasPatched) return 'mutate';
  if (rule.generate) return 'generate';
  if (rule.verifyImages) return 'verifyImages';
  const v = rule.validate ?? {};
  if (v.cel) return 'validate.cel';
  if (v.podSecurity) return 'podSecurity';
  if (v.manifests) return 'manifests';
  if (v.assert) return 'assert';
  if (JSON.stringify(rule.context ?? []).includes('"apiCall"') || JSON.stringify(v).includes('"apiCall"')) return 'apiCall';
  return 'validate';
}

export function findRule(policy: JsonObject | undefined, ruleName: string): Rule | undefined {
  const rules = ((policy?.spec as JsonObject | undefined)?.rules ?? []) as Rule[];
  return rules.find((r) => r.name === ruleName || `autogen-${r.name}` === ruleName || `autogen-cronjob-${r.name}` === ruleName);
}
