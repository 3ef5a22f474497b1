/**
 * match/exclude checks: no variables (Kyverno ruleForbiddenSectionsHaveVariables — match is evaluated
 * before any context exists), kinds that parse as [group/][version/]Kind[/subresource], and, in
 * background mode, no user information (Kyverno hasUserMatchExclude: a background scan has no user).
 */
import type { Issue } from '../../engine/result.js';
import type { JsonObject } from '../../engine/policy-types.js';
import { parseKindSelector } from '../../engine/match/index.js';
import { issue } from './issue.js';
import { asArray, asObject } from './policy-view.js';
import { walkStrings } from './variables.js';

// Kyverno pkg/validation/policy regexVariables, applied to match/exclude.
const ANY_VARIABLE = /\{\{[^{}]*\}\}/;
const USER_FIELDS = ['roles', 'clusterRoles', 'subjects'] as const;
// Segments of a kind selector: names, versions, wildcards, `.subresource` suffixes.
const KIND_SEGMENT = /^[A-Za-z0-9*?._-]+$/;

/** Each ResourceFilter-like block in a match/exclude with its pointer: the block itself and any/all entries. */
function filters(block: JsonObject, pointer: string): Array<{ filter: JsonObject; pointer: string }> {
  const out = [{ filter: block, pointer }];
  for (const key of ['any', 'all']) {
    asArray(block[key]).forEach((f, i) => {
      const filter = asObject(f);
      if (filter) out.push({ filter, pointer: `${pointer}/${key}/${i}` });
    });
  }
  return out;
}

export function checkMatchBlock(value: unknown, pointer: string, background: boolean): Issue[] {
  const block = asObject(value);
  if (!block) return [];
  const issues: Issue[] = [];
  const section = pointer.slice(pointer.lastIndexOf('/') + 1);
  walkStrings(block, pointer, (s, at) => {
    if (ANY_VARIABLE.test(s)) issues.push(issue('MATCH_VARIABLE', at, `variables are not allowed in ${section}`));
  });
  for (const { filter, pointer: at } of filters(block, pointer)) {
    const resources = asObject(filter.resources);
    asArray(resources?.kinds).forEach((kind, i) => {
      if (typeof kind === 'string' && !kindParses(kind)) {
        issues.push(issue('INVALID_KIND', `${at}/resources/kinds/${i}`, `cannot parse kind "${kind}"; expected [group/][version/]Kind[/subresource]`));
      }
    });
    if (!background) continue;
    for (const field of USER_FIELDS) {
      if (asArray(filter[field]).length > 0) {
        issues.push(issue('BACKGROUND_USER_INFO', `${at}/${field}`, `${field} in ${section} needs admission user information; set spec.background: false`));
      }
    }
  }
  return issues;
}

function kindParses(kind: string): boolean {
  const segments = kind.split('/');
  if (segments.length > 4 || !segments.every((s) => KIND_SEGMENT.test(s))) return false;
  const parsed = parseKindSelector(kind);
  return parsed.kind !== '';
}
