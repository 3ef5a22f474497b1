/**
 * The `match` of a PolicyException (kyverno.io/v2): `any` or `all` resource filters, checked like a rule's
 * but with Kyverno's exception flavour (pkg/utils/match/match.go CheckMatchesResources): userInfo is always
 * checked, empty filters never match, and a block with neither any nor all matches every request.
 * https://kyverno.io/docs/writing-policies/exceptions/
 */
import type { MatchResources } from '../policy-types.js';
import type { AdmissionInput } from '../request.js';
import type { MatchOutcome } from './match-resources.js';
import { compileFilter, type CompiledFilter } from './resource-filter.js';
import { subjectFor } from './rule-applies.js';
import type { MatchSubject } from './subject.js';

const one = (f: CompiledFilter, s: MatchSubject): string | undefined => (f.empty ? 'statement cannot be empty' : f.check(s, false));

export function compileExceptionMatch(block: MatchResources): (s: MatchSubject) => MatchOutcome {
  const any = (block.any ?? []).map((f) => compileFilter(f, 'exception'));
  const all = (block.all ?? []).map((f) => compileFilter(f, 'exception'));
  return (s) => {
    if (!s.hasResource) return { matched: false, reason: 'resource is empty' };
    if (any.length > 0) {
      return any.some((f) => one(f, s) === undefined) ? { matched: true } : { matched: false, reason: 'no resource matched' };
    }
    for (const f of all) {
      const reason = one(f, s);
      if (reason !== undefined) return { matched: false, reason };
    }
    return { matched: true };
  };
}

const cache = new WeakMap<MatchResources, (s: MatchSubject) => MatchOutcome>();

export function checkExceptionMatch(block: MatchResources, input: AdmissionInput): MatchOutcome {
  let fn = cache.get(block);
  if (!fn) cache.set(block, (fn = compileExceptionMatch(block)));
  return fn(subjectFor(input));
}
