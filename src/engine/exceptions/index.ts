/**
 * PolicyException (kyverno.io/v2): a matching exception turns a rule's result into `skip`, naming the
 * exception. An exception applies when one of its `exceptions[]` names the policy (`name`, or
 * `namespace/name` for a namespaced Policy) and the rule (wildcards allowed, as Kyverno's
 * exception matcher does), its `match` block matches the request and its `conditions` hold.
 */
import { evaluateConditions } from '../conditions/index.js';
import { checkExceptionMatch } from '../match/index.js';
import type { JsonObject, PolicyException } from '../policy-types.js';
import type { PodSecurityException } from '../pod-security/index.js';
import type { AdmissionInput } from '../request.js';
import { substituteVariables, type FunctionEnv } from '../variables/index.js';
import { compiledException, namesPolicyRule, type CompiledException } from './compiled.js';

export interface ExceptionQuery {
  policyName: string;
  policyNamespace?: string;
  ruleName: string;
  input: AdmissionInput;
  data: JsonObject;
  env: FunctionEnv;
  /** The rule is a validate.podSecurity rule: exceptions carrying `podSecurity` do not skip it whole. */
  podSecurityRule?: boolean;
}

/** The exception's names, match block and conditions accept the request. */
function exceptionApplies(ex: PolicyException, c: CompiledException, q: ExceptionQuery): boolean {
  const full = q.policyNamespace ? `${q.policyNamespace}/${q.policyName}` : q.policyName;
  if (!namesPolicyRule(c, q.policyName, full, q.ruleName)) return false;
  if (ex.spec.match && !checkExceptionMatch(ex.spec.match, q.input).matched) return false;
  if (ex.spec.conditions) {
    try {
      return evaluateConditions(ex.spec.conditions, (v) => substituteVariables(v, q.data, { env: q.env, onMissing: 'null' })).passed;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Returns `namespace/name` (or `name`) of the first exception that applies, if any. For a podSecurity
 * rule, exceptions carrying `podSecurity` are left out: Kyverno's validate_pss.go applies them after the
 * rule evaluates (see findPodSecurityExceptions); every other handler skips on any matching exception.
 */
export function findException(exceptions: readonly PolicyException[], q: ExceptionQuery): string | undefined {
  for (const ex of exceptions) {
    const c = compiledException(ex);
    if (q.podSecurityRule && c.podSecurity) continue;
    if (exceptionApplies(ex, c, q)) return c.key;
  }
  return undefined;
}

/** The applying exceptions that carry `podSecurity` exclusions, for a podSecurity rule. */
export function findPodSecurityExceptions(exceptions: readonly PolicyException[], q: ExceptionQuery): PodSecurityException[] {
  const found: PodSecurityException[] = [];
  for (const ex of exceptions) {
    const c = compiledException(ex);
    if (c.podSecurity && exceptionApplies(ex, c, q)) found.push({ key: c.key, podSecurity: c.podSecurity });
  }
  return found;
}
