/**
 * Kind selectors of `match.resources.kinds`: `Kind`, `Version/Kind`, `Group/Version/Kind`, each optionally
 * followed by a subresource (`Pod/exec`, `Pod.status`, `apps/v1/Deployment/scale`), with `*` wildcards.
 * Semantics follow Kyverno's ParseKindSelector (pkg/utils/kube/kind.go) and CheckKind
 * (pkg/utils/match/kind.go); https://kyverno.io/docs/writing-policies/match-exclude/
 */
import type { GroupVersionKind } from '../request.js';
import { compileWildcard } from '../values/index.js';

export interface KindSelector {
  group: string;
  version: string;
  kind: string;
  subresource: string;
}

// `*` or a Kubernetes version (v1, v2beta1, v1alpha3): tells `v1/Pod` (version/kind) from `Pod/status`.
const VERSION = /^(v\d+((alpha|beta)\d+)?|\*)$/;

/** Splits a kind selector like Kyverno; an unparseable one (5+ parts) yields empty strings, which match nothing. */
export function parseKindSelector(s: string): KindSelector {
  const slashParts = s.split('/');
  const last = slashParts.pop() ?? '';
  // Only the last segment may carry a `.subresource` (group names contain dots too).
  const parts = [...slashParts, ...last.split('.')];
  const [a = '', b = '', c = '', d = ''] = parts;
  switch (parts.length) {
    case 1:
      return { group: '*', version: '*', kind: a, subresource: '' };
    case 2:
      if (a === '*' && b === '*') return { group: '*', version: '*', kind: '*', subresource: '*' };
      // `*/scale`: a lowercase second part after `*` is a subresource of any kind.
      if (a === '*' && b.toLowerCase() === b) return { group: '*', version: '*', kind: '*', subresource: b };
      if (VERSION.test(a)) return { group: '*', version: a, kind: b, subresource: '' };
      return { group: '*', version: '*', kind: a, subresource: b };
    case 3:
      if (VERSION.test(a)) return { group: '*', version: a, kind: b, subresource: c };
      return { group: a, version: b, kind: c, subresource: '' };
    case 4:
      return { group: a, version: b, kind: c, subresource: d };
    default:
      return { group: '', version: '', kind: '', subresource: '' };
  }
}

/** A compiled kinds list: true when the request's GVK and subresource match one selector. */
export type KindMatcher = (gvk: GroupVersionKind, subresource: string) => boolean;

/**
 * `allowEphemeralContainers`: rules (not PolicyExceptions) let `Pod` also match the pods/ephemeralcontainers
 * subresource, for backward compatibility.
 */
export function compileKinds(kinds: readonly string[], allowEphemeralContainers = true): KindMatcher {
  // Each part's matcher decided once: every admission request runs every rule's kinds.
  const selectors = kinds.map(parseKindSelector).map((sel) => ({
    group: compileWildcard(sel.group),
    version: compileWildcard(sel.version),
    kind: compileWildcard(sel.kind),
    subresource: compileWildcard(sel.subresource),
  }));
  return (gvk, subresource) => {
    for (const sel of selectors) {
      if (!sel.kind(gvk.kind) || !sel.group(gvk.group) || !sel.version(gvk.version)) continue;
      if (sel.subresource(subresource)) return true;
      if (allowEphemeralContainers && gvk.group === '' && gvk.version === 'v1' && gvk.kind === 'Pod' && subresource === 'ephemeralcontainers') {
        return true;
      }
    }
    return false;
  };
}

/** True when one of `kinds` names `kind` (ignoring group, version and subresource), like kubeutils.ContainsKind. */
export function containsKind(kinds: readonly string[] | undefined, kind: string): boolean {
  return (kinds ?? []).some((k) => parseKindName(k) === kind);
}

/** The kind part as Kyverno's GetKindFromGVK + SplitSubresource read it (used by autogen). */
function parseKindName(s: string): string {
  const parts = s.split('/');
  const sub = (x: string) => x.split('.')[0] ?? '';
  switch (parts.length) {
    case 1:
      return sub(s);
    case 2:
      if (parts[0] === '*' && parts[1] === '*') return '*';
      return VERSION.test(parts[0] ?? '') ? sub(parts[1] ?? '') : (parts[0] ?? '');
    case 3:
      return VERSION.test(parts[0] ?? '') ? (parts[1] ?? '') : sub(parts[2] ?? '');
    case 4:
      return parts[2] ?? '';
    default:
      return '';
  }
}
