/**
 * validatePattern: one `validate.pattern` against a resource, with Kyverno's rule-level reading of the
 * walker's error (validate.go MatchPattern and validate_resource.go validatePatterns):
 * conditional/global anchor failures skip the rule, a negation anchor fails it, a failure after a
 * tracked anchor key was missing (or with no path) is a rule error, anything else fails at its path.
 */
import { isSkipError, type PatternError } from '../anchors/index.js';
import type { PatternOutcome } from './types.js';
import { PatternWalker } from './walker.js';

/** What Kyverno's PatternError carries: the rule status and whether a path was reported. */
export interface MatchResult {
  status: 'pass' | 'skip' | 'fail' | 'error';
  message: string;
  /** Pointer of the failing element; null when Kyverno reports no path. */
  pointer: string | null;
}

const PASS: MatchResult = { status: 'pass', message: '', pointer: null };

export function matchPattern(resource: unknown, pattern: unknown): MatchResult {
  const walker = new PatternWalker();
  const err: PatternError | undefined = walker.validate(resource, pattern, '');
  if (err === undefined) return PASS;
  if (isSkipError(err)) return { status: 'skip', message: err.message, pointer: null };
  if (err.kind === 'negation') return { status: 'fail', message: err.message, pointer: err.pointer };
  if (walker.keysAreMissing() || err.pointer === null) return { status: 'error', message: err.message, pointer: null };
  return { status: 'fail', message: err.message, pointer: err.pointer };
}

export function validatePattern(resource: unknown, pattern: unknown): PatternOutcome {
  const r = matchPattern(resource, pattern);
  if (r.status === 'pass') return { status: 'pass' };
  return { status: r.status, path: r.pointer ?? '', message: r.message };
}
