/**
 * PolicyException (kyverno.io/v2): a matching exception turns a rule's result into `skip`, naming the
 * exception. An exception applies when one of its `exceptions[]` names the policy (`name`, or
 * `namespace/name` for a namespaced Policy) and the rule (wildcards allowed, as Kyverno's
 * exception matcher does), its `match` block matches the request and its `conditions` hold.
 */
import { evaluateConditions } from '../conditions/index.js';
import { checkExceptionMatch } from '../match/index.js';
import type { JsonObject, PolicyException } from '../policy-types.js';
import type { AdmissionInput } from '../request.js';
import { wildcardMatch } from '../values/index.js';
import { substituteVariables, type FunctionEnv } from '../variables/index.js';

export interface ExceptionQuery {
  policyName: string;
  policyNamespace?: string;
  ruleName: string;
  input: AdmissionInput;
  data: JsonObject;
  env: FunctionEnv;
}

function namesPolicy(ex: PolicyException, q: ExceptionQuery): boolean {
  const full = q.policyNamespace ? `${q.policyNamespace}/${q.policyName}` : q.policyName;
  return (ex.spec?.exceptions ?? []).some(
    (e) =>
      (wildcardMatch(e.policyName, full) || wildcardMatch(e.policyName, q.policyName)) &&
      (e.ruleNames ?? []).some((r) => wildcardMatch(r, q.ruleName)),
  );
}

/** Returns `namespace/name` (or `name`) of the first exception that applies, if any. */
export function findException(exceptions: readonly PolicyException[], q: ExceptionQuery): string | undefined {
  for (const ex of exceptions) {
    if (!namesPolicy(ex, q)) continue;
    if (ex.spec.match && !checkExceptionMatch(ex.spec.match, q.input).matched) continue;
    if (ex.spec.conditions) {
      try {
        const r = evaluateConditions(ex.spec.conditions, (v) => substituteVariables(v, q.data, { env: q.env, onMissing: 'null' }));
        if (!r.passed) continue;
      } catch {
        continue;
      }
    }
    const ns = ex.metadata?.namespace;
    return ns ? `${ns}/${ex.metadata.name ?? ''}` : (ex.metadata?.name ?? '');
  }
  return undefined;
}
