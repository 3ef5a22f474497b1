/**
 * validatePolicy: the one policy validator. The CLI (`guardrail validate`), the policy-validating webhook
 * and the loader all call it; a policy with any error issue is rejected whole, never half-loaded.
 * Order: recognise the kind, check the schema, then Kyverno's semantic rules on rule-based policies.
 */
import type { Issue } from '../../engine/result.js';
import { findPolicyKind, POLICY_GROUPS, splitApiVersion } from '../schemas/policy-kinds.js';
import type { PolicyKind } from '../schemas/policy-kinds.js';
import { checkBackgroundVariables, backgroundEnabled } from './background-checks.js';
import type { PolicyChecks } from './checks.js';
import { checkContextNames } from './context-checks.js';
import { checkConditions, checkJmesPath, checkPatterns } from './expression-checks.js';
import { issue } from './issue.js';
import { checkMatchBlock } from './match-checks.js';
import { asObject, rulesOf } from './policy-view.js';
import { defaultChecks } from './default-checks.js';
import { checkRuleNames, checkRuleType } from './rule-checks.js';
import { schemaIssues } from './schema-validator.js';

// Kyverno kinds that are not policies (cleanup, global context, internal requests): not validated here.
const KYVERNO_NON_POLICY_KINDS = new Set(['CleanupPolicy', 'ClusterCleanupPolicy', 'GlobalContextEntry', 'UpdateRequest']);

export type KindLookup = { kind: PolicyKind } | { issues: Issue[] };

/** Finds the policy type of a document, or explains why it is not one. */
export function lookupPolicyKind(value: unknown): KindLookup {
  const obj = asObject(value);
  const apiVersion = typeof obj?.apiVersion === 'string' ? obj.apiVersion : '';
  const kindName = typeof obj?.kind === 'string' ? obj.kind : '';
  const { group, version } = splitApiVersion(apiVersion);
  const kind = findPolicyKind(group, kindName);
  if (kind && kind.versions.includes(version)) return { kind };
  if (kind) {
    const message = `${kindName} is not served at ${apiVersion}; use ${kind.versions.map((v) => `${group}/${v}`).join(', ')}`;
    return { issues: [issue('UNKNOWN_POLICY_KIND', '/apiVersion', message)] };
  }
  const isPolicyGroup = POLICY_GROUPS.has(group) && group !== 'admissionregistration.k8s.io';
  if (isPolicyGroup && !KYVERNO_NON_POLICY_KINDS.has(kindName)) {
    return { issues: [issue('UNKNOWN_POLICY_KIND', '/kind', `unknown policy kind "${kindName}" in ${apiVersion}`)] };
  }
  const what = `${apiVersion || '(no apiVersion)'} ${kindName || '(no kind)'}`;
  return { issues: [issue('NOT_A_POLICY', '', `${what} is not a policy; skipped`, 'warning')] };
}

/** Validates one policy object; issues carry JSON pointers but no source positions. */
export function validatePolicy(value: unknown, checks: PolicyChecks = defaultChecks): Issue[] {
  const found = lookupPolicyKind(value);
  if ('issues' in found) return found.issues;
  const issues = schemaIssues(found.kind, value);
  if (found.kind.family === 'kyverno') issues.push(...kyvernoSemantics(value, checks));
  if (found.kind.family === 'exception') issues.push(...exceptionSemantics(value, checks));
  return issues;
}

function kyvernoSemantics(policy: unknown, checks: PolicyChecks): Issue[] {
  const rules = rulesOf(policy);
  const background = backgroundEnabled(policy);
  const issues = [...checkRuleNames(rules), ...checkBackgroundVariables(policy, rules)];
  for (const ref of rules) {
    const { rule, pointer } = ref;
    issues.push(...checkRuleType(ref));
    issues.push(...checkMatchBlock(rule.match, `${pointer}/match`, background));
    issues.push(...checkMatchBlock(rule.exclude, `${pointer}/exclude`, background));
    issues.push(...checkContextNames(rule, pointer));
    if (checks.jmespath) issues.push(...checkJmesPath(rule, pointer, checks.jmespath));
    if (checks.pattern) issues.push(...checkPatterns(rule.validate, `${pointer}/validate`, checks.pattern));
    if (checks.conditions) issues.push(...checkConditions(rule, pointer, checks.conditions));
  }
  return issues;
}

function exceptionSemantics(exception: unknown, checks: PolicyChecks): Issue[] {
  const spec = asObject(asObject(exception)?.spec);
  if (!spec) return [];
  const background = spec.background !== false;
  const issues = checkMatchBlock(spec.match, '/spec/match', background);
  if (checks.conditions && spec.conditions !== undefined) {
    issues.push(...checkConditions({ preconditions: spec.conditions }, '/spec', checks.conditions).map(fixPath));
  }
  return issues;
}

// checkConditions reports conditions under `<pointer>/preconditions`; an exception's are `spec/conditions`.
function fixPath(i: Issue): Issue {
  return { ...i, path: i.path.replace(/^\/spec\/preconditions/, '/spec/conditions') };
}
