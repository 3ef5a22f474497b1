/**
 * Variables and CEL expressions of a generated rule are rewritten textually, over the whole serialized rule,
 * exactly as Kyverno does (pkg/autogen/v1/rule.go updateFields): `request.object.spec` becomes
 * `request.object.spec.template.spec`, `request.object.metadata` the pod template's metadata, and the same for
 * oldObject; CronJobs get `spec.jobTemplate.spec.template`. Rules with `validate.cel` use the CEL variable
 * names (`object.spec`, which also covers `request.object.spec`).
 */
import type { Rule } from '../policy-types.js';

export type Target = 'template' | 'cronjob';

const PREFIX: Record<Target, string> = { template: 'spec.template', cronjob: 'spec.jobTemplate.spec.template' };

function replacements(target: Target, cel: boolean): Array<[string, string]> {
  const p = PREFIX[target];
  const roots = cel ? ['object', 'oldObject'] : ['request.object', 'request.oldObject'];
  return [
    ...roots.map((r): [string, string] => [`${r}.spec`, `${r}.${p}.spec`]),
    ...roots.map((r): [string, string] => [`${r}.metadata`, `${r}.${p}.metadata`]),
  ];
}

/** Returns a rewritten deep copy of the rule (JSON round trip, like Kyverno's marshal/replace/unmarshal). */
export function rewriteFields(rule: Rule, target: Target): Rule {
  const cel = rule.validate?.cel != null;
  let text = JSON.stringify(rule);
  for (const [from, to] of replacements(target, cel)) text = text.split(from).join(to);
  return JSON.parse(text) as Rule;
}
