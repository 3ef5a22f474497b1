/**
 * What a PolicyException's names and podSecurity entries say, decided once per exception object (issue
 * #5): findException and findPodSecurityExceptions run for every rule of every request when a set holds
 * exceptions. Exceptions are not mutated after loading; a new object is compiled anew.
 */
import type { PolicyException } from '../policy-types.js';
import type { PodSecurityExclude } from '../pod-security/index.js';
import { compileWildcard, wildcardMatch } from '../values/index.js';

type Matcher = (value: string) => boolean;

export interface CompiledException {
  /** `namespace/name`, or `name` for a cluster-wide one. */
  key: string;
  /** The exception carries `podSecurity` exclusions. */
  podSecurity: readonly PodSecurityExclude[] | undefined;
  entries: ReadonlyArray<{ policy: Matcher; rules: readonly Matcher[] }>;
}

/** A non-string pattern (untrusted YAML) keeps wildcardMatch's behaviour, failing when it is reached. */
const matcher = (pattern: unknown): Matcher => (typeof pattern === 'string' ? compileWildcard(pattern) : (v) => wildcardMatch(pattern as string, v));

function compile(ex: PolicyException): CompiledException {
  const ns = ex.metadata?.namespace;
  const key = ns ? `${ns}/${ex.metadata.name ?? ''}` : (ex.metadata?.name ?? '');
  const podSecurity = (ex.spec?.podSecurity?.length ?? 0) > 0 ? (ex.spec.podSecurity as PodSecurityExclude[]) : undefined;
  const entries = (ex.spec?.exceptions ?? []).map((e) => ({ policy: matcher(e.policyName), rules: (e.ruleNames ?? []).map(matcher) }));
  return { key, podSecurity, entries };
}

const compiled = new WeakMap<PolicyException, CompiledException>();

export function compiledException(ex: PolicyException): CompiledException {
  let c = compiled.get(ex);
  if (!c) compiled.set(ex, (c = compile(ex)));
  return c;
}

/** One of the exception's entries names the policy (`name`, or `namespace/name`) and the rule. */
export function namesPolicyRule(c: CompiledException, policyName: string, full: string, ruleName: string): boolean {
  for (const e of c.entries) {
    if (!e.policy(full) && !e.policy(policyName)) continue;
    for (const rule of e.rules) if (rule(ruleName)) return true;
  }
  return false;
}
