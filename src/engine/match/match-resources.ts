/**
 * A whole match or exclude block (Kyverno pkg/engine/utils/match.go MatchesResourceDescription):
 * - match `any`: at least one filter matches; `all`: every filter matches; else the legacy inline
 *   `resources` + userInfo. A filter with nothing in it never matches ("match cannot be empty").
 *   userInfo is ignored in match when the request carries no user information (CLI, background scans).
 * - exclude `any`: excluded when one filter matches; `all`: excluded when every filter matches; legacy:
 *   excluded when it matches. Empty filters never exclude (so one empty entry in exclude `all` disables it),
 *   and userInfo is always checked.
 * https://kyverno.io/docs/writing-policies/match-exclude/
 */
import type { MatchResources } from '../policy-types.js';
import { compileFilter, type CompiledFilter } from './resource-filter.js';
import type { MatchSubject } from './subject.js';

export interface MatchOutcome {
  matched: boolean;
  reason?: string;
}

/** A compiled block: for match blocks `matched` means "selected", for exclude blocks "excluded". */
export type CompiledMatch = ((s: MatchSubject) => MatchOutcome) & {
  /**
   * The outcome's `matched` alone, without building a reason: the quick lane asks only whether a rule
   * applies, and a miss's reason (every filter asked again, joined) cost ~0.5 µs per non-matching rule.
   */
  readonly test: (s: MatchSubject) => boolean;
};

type Mode = 'any' | 'all' | 'legacy';

function filtersOf(block: MatchResources): { mode: Mode; filters: CompiledFilter[] } {
  if (block.any?.length) return { mode: 'any', filters: block.any.map((f) => compileFilter(f)) };
  if (block.all?.length) return { mode: 'all', filters: block.all.map((f) => compileFilter(f)) };
  const { roles, clusterRoles, subjects, resources } = block;
  return { mode: 'legacy', filters: [compileFilter({ roles, clusterRoles, subjects, resources })] };
}

function matchOne(f: CompiledFilter, s: MatchSubject): string | undefined {
  const ignoreUserInfo = !s.hasRequestInfo;
  if (ignoreUserInfo ? f.emptyWithoutUserInfo : f.empty) return 'match cannot be empty';
  return f.check(s, ignoreUserInfo);
}

function excludeOne(f: CompiledFilter, s: MatchSubject): boolean {
  return !f.empty && f.check(s, false) === undefined;
}

/** Shared, frozen outcomes: matching runs for every rule of every request and allocates nothing when it can. */
const MATCHED: MatchOutcome = Object.freeze({ matched: true });
const NOT_EXCLUDED: MatchOutcome = Object.freeze({ matched: false });
const EXCLUDED_ALL: MatchOutcome = Object.freeze({ matched: true, reason: 'resource excluded since the combination of all criteria exclude it' });
const EXCLUDED_ONE: MatchOutcome = Object.freeze({ matched: true, reason: 'resource excluded since one of the criteria excluded it' });

function compileSelect(mode: Mode, filters: CompiledFilter[]): CompiledMatch {
  if (mode === 'any') {
    const test = (s: MatchSubject): boolean => {
      for (const f of filters) if (matchOne(f, s) === undefined) return true;
      return false;
    };
    // No filter matched: the reasons are built only now (every filter is pure, so asking again is safe).
    const outcome = (s: MatchSubject): MatchOutcome =>
      test(s) ? MATCHED : { matched: false, reason: `no resource matched: ${filters.map((f) => matchOne(f, s)).join('; ')}` };
    return Object.assign(outcome, { test });
  }
  const outcome = (s: MatchSubject): MatchOutcome => {
    for (const f of filters) {
      const reason = matchOne(f, s);
      if (reason !== undefined) return { matched: false, reason };
    }
    return MATCHED;
  };
  return Object.assign(outcome, { test: (s: MatchSubject) => filters.every((f) => matchOne(f, s) === undefined) });
}

function compileExclude(mode: Mode, filters: CompiledFilter[]): CompiledMatch {
  const test = mode === 'all' ? (s: MatchSubject) => filters.every((f) => excludeOne(f, s)) : (s: MatchSubject) => filters.some((f) => excludeOne(f, s));
  const excluded = mode === 'all' ? EXCLUDED_ALL : EXCLUDED_ONE;
  return Object.assign((s: MatchSubject) => (test(s) ? excluded : NOT_EXCLUDED), { test });
}

export function compileMatch(block: MatchResources, isExclude = false): CompiledMatch {
  const { mode, filters } = filtersOf(block);
  return isExclude ? compileExclude(mode, filters) : compileSelect(mode, filters);
}

const cache = { match: new WeakMap<object, CompiledMatch>(), exclude: new WeakMap<object, CompiledMatch>() };

/** compileMatch memoised on the block object, so callers that do not keep compiled rules stay fast. */
export function compiledFor(block: MatchResources, isExclude: boolean): CompiledMatch {
  const map = isExclude ? cache.exclude : cache.match;
  let fn = map.get(block);
  if (!fn) {
    fn = compileMatch(block, isExclude);
    map.set(block, fn);
  }
  return fn;
}
