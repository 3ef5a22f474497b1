/**
 * validateAnyPattern (validate_resource.go validatePatterns, anyPattern branch): pass as soon as one
 * pattern passes; skip when every pattern was skipped; otherwise fail, listing each pattern's failure the
 * way Kyverno does: `rule NAME[i] failed at path /p/`, `rule NAME[i] failed: <error>` (a failure with no
 * path) or `rule NAME[i] skipped: <reason>` (skips are only listed when nothing failed). No patterns pass.
 * https://kyverno.io/docs/policy-types/cluster-policy/validate/#anypattern
 */
import { kyvernoPath } from '../anchors/index.js';
import { matchPattern } from './match-pattern.js';

export interface AnyPatternOptions {
  /** The rule name Kyverno puts in each entry of the message. */
  ruleName?: string;
}

/**
 * `index` is the pattern that passed (absent when there were none). For fail/skip, `entries` are the
 * per-pattern lines that `message` joins, so a caller can frame them with the rule's own message, and
 * `path` is the first failure's pointer ('' when no failure had one).
 */
export type AnyPatternOutcome =
  | { status: 'pass'; index?: number }
  | { status: 'fail' | 'skip'; path: string; message: string; entries: string[] };

export function validateAnyPattern(resource: unknown, patterns: unknown[], options: AnyPatternOptions = {}): AnyPatternOutcome {
  const name = options.ruleName ?? '';
  const failed: string[] = [];
  const skipped: string[] = [];
  let firstPath: string | undefined;
  for (let i = 0; i < patterns.length; i++) {
    const r = matchPattern(resource, patterns[i]);
    if (r.status === 'pass') return { status: 'pass', index: i };
    if (r.status === 'skip') skipped.push(`rule ${name}[${i}] skipped: ${r.message}`);
    else if (r.pointer === null) failed.push(`rule ${name}[${i}] failed: ${r.message}`);
    else {
      firstPath ??= r.pointer;
      failed.push(`rule ${name}[${i}] failed at path ${kyvernoPath(r.pointer)}`);
    }
  }
  if (failed.length > 0) return { status: 'fail', path: firstPath ?? '', message: failed.join(' '), entries: failed };
  if (skipped.length > 0) return { status: 'skip', path: '', message: skipped.join(' '), entries: skipped };
  return { status: 'pass' };
}
