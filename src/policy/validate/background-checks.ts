/**
 * Background scans evaluate rules without an admission request, so user information is not there.
 * Kyverno rejects such policies unless `spec.background: false` (pkg/validation/policy/background.go,
 * ForbiddenUserVariables). Like Kyverno, a policy with a mutate-existing rule (mutate.targets) is exempt
 * from the variable check. Unlike Kyverno, only `spec` is scanned, not metadata annotations, so a policy
 * description that mentions `{{request.userInfo}}` is not an error.
 */
import type { Issue } from '../../engine/result.js';
import { issue } from './issue.js';
import { asObject } from './policy-view.js';
import type { RuleRef } from './policy-view.js';
import { findVariables, walkStrings } from './variables.js';

// Kyverno's expressions, verbatim in meaning: the name must not follow a dot (request.object.spec.
// serviceAccountName is fine; {{serviceAccountName}} is not).
const FORBIDDEN = [
  /[^.](serviceAccountName)\b/,
  /[^.](serviceAccountNamespace)\b/,
  /[^.](request.userInfo)\b/,
  /[^.](request.roles)\b/,
  /[^.](request.clusterRoles)\b/,
];

/** Kyverno's default: background is on unless set to false. */
export function backgroundEnabled(policy: unknown): boolean {
  return asObject(asObject(policy)?.spec)?.background !== false;
}

export function checkBackgroundVariables(policy: unknown, rules: RuleRef[]): Issue[] {
  if (!backgroundEnabled(policy)) return [];
  if (rules.some(({ rule }) => asObject(rule.mutate)?.targets !== undefined)) return [];
  const issues: Issue[] = [];
  walkStrings(asObject(policy)?.spec, '/spec', (s, pointer) => {
    for (const variable of findVariables(s)) {
      const hit = FORBIDDEN.map((re) => re.exec(variable.text)?.[1]).find((m) => m !== undefined);
      if (hit) {
        const message = `variable ${variable.text} uses ${hit}, which a background scan does not have; set spec.background: false`;
        issues.push(issue('BACKGROUND_USER_INFO', pointer, message));
      }
    }
  });
  return issues;
}
