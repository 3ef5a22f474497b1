/**
 * One resource filter (an entry of match/exclude `any`/`all`, or the legacy inline block): AND across the
 * fields that are set, OR inside each list (Kyverno pkg/engine/utils/match.go doesResourceMatchConditionBlock).
 * Compiled once; `check` returns undefined on a match, else the first reason it failed.
 */
import type { ResourceDescription, ResourceFilter } from '../policy-types.js';
import { wildcardMatch } from '../values/index.js';
import { compileKinds } from './kind-selector.js';
import { compileLabelSelector } from './label-selector.js';
import type { MatchSubject } from './subject.js';
import { compileUserInfo, isUserInfoEmpty } from './user-info.js';

type Check = (s: MatchSubject) => string | undefined;

/**
 * Rules and PolicyExceptions share the filter but differ in two details (Kyverno pkg/utils/match/match.go
 * checkResourceDescription): for exceptions `Pod` does not cover ephemeralcontainers, and a namespaceSelector
 * is skipped for Namespace objects instead of failing.
 */
export type FilterFlavor = 'rule' | 'exception';

export interface CompiledFilter {
  /** True when the filter has no resource description and no user info (Kyverno: "match cannot be empty"). */
  readonly empty: boolean;
  /** Same, once userInfo is ignored (requests without user information). */
  readonly emptyWithoutUserInfo: boolean;
  check(s: MatchSubject, ignoreUserInfo: boolean): string | undefined;
}

const anyWildcard = (patterns: readonly string[], value: string): boolean => patterns.some((p) => wildcardMatch(p, value));

function annotationsMatch(expected: Record<string, string>, actual: Record<string, string> | undefined): boolean {
  const entries = Object.entries(actual ?? {});
  return Object.entries(expected).every(([k, v]) => entries.some(([k1, v1]) => wildcardMatch(k, k1) && wildcardMatch(String(v), String(v1))));
}

export function isDescriptionEmpty(d: ResourceDescription | undefined): boolean {
  if (!d) return true;
  return !d.kinds?.length && !d.name && !d.names?.length && !d.namespaces?.length && !d.operations?.length &&
    d.annotations === undefined && d.selector === undefined && d.namespaceSelector === undefined;
}

function describe(d: ResourceDescription, flavor: FilterFlavor): Check[] {
  const checks: Check[] = [];
  if (d.kinds?.length) {
    const kinds = compileKinds(d.kinds, flavor === 'rule');
    const reason = `kind does not match ${JSON.stringify(d.kinds)}`;
    checks.push((s) => (kinds(s.gvk, s.subresource) ? undefined : reason));
  }
  if (d.name) {
    const pattern = d.name;
    checks.push((s) => (wildcardMatch(pattern, s.name) ? undefined : 'name does not match'));
  }
  if (d.names?.length) {
    const list = d.names;
    checks.push((s) => (anyWildcard(list, s.name) ? undefined : 'none of the names match'));
  }
  if (d.namespaces?.length) {
    const list = d.namespaces;
    checks.push((s) => (anyWildcard(list, s.namespaceForMatch) ? undefined : 'namespace does not match'));
  }
  if (d.annotations && Object.keys(d.annotations).length > 0) {
    const expected = d.annotations;
    checks.push((s) => (annotationsMatch(expected, s.annotations) ? undefined : 'annotations do not match'));
  }
  if (d.selector) {
    const sel = compileLabelSelector(d.selector);
    checks.push((s) => (sel(s.labels) ? undefined : 'selector does not match'));
  }
  if (d.namespaceSelector) {
    const sel = compileLabelSelector(d.namespaceSelector);
    const star = d.kinds?.includes('*') ?? false;
    checks.push((s) => {
      if (s.objectKind === 'Namespace') return flavor === 'rule' ? 'namespace selector is not applicable for namespace resource' : undefined;
      if (s.objectKind === '' && !star) return undefined;
      return sel(s.namespaceLabels) ? undefined : 'namespace selector does not match labels';
    });
  }
  return checks;
}

export function compileFilter(filter: ResourceFilter, flavor: FilterFlavor = 'rule'): CompiledFilter {
  const d = filter.resources ?? {};
  const ops = d.operations?.length ? d.operations : undefined;
  const checks = describe(d, flavor);
  const user = compileUserInfo(filter);
  const descEmpty = isDescriptionEmpty(d);
  return {
    empty: descEmpty && isUserInfoEmpty(filter),
    emptyWithoutUserInfo: descEmpty,
    check(s, ignoreUserInfo) {
      // Kyverno returns at once when the operation does not match.
      if (ops && !ops.includes(s.operation)) return 'operation does not match';
      for (const c of checks) {
        const reason = c(s);
        if (reason) return reason;
      }
      return ignoreUserInfo ? undefined : user(s);
    },
  };
}
