/**
 * Random patterns against random resources built from the same few keys and values, so that anchors,
 * nesting, lists, operators and wildcard metadata keys meet every kind of resource value: both compiled
 * forms must give the interpreter's status on every pair (seeded, so a failure reproduces).
 */
import { describe, expect, it } from 'vitest';
import { seededRandom as rng } from '../../test-support/index.js';
import { matchPattern } from '../index.js';
import { generatePatternCheck } from './codegen.js';
import { compileNode } from './compile.js';
import { FAST_FAIL, FAST_PASS, FAST_SKIP, type FastStatus } from './status.js';

const STATUS: Record<string, FastStatus> = { pass: FAST_PASS, skip: FAST_SKIP, fail: FAST_FAIL, error: FAST_FAIL };
const KEYS = ['a', 'b', 'metadata', 'labels'];
const ANCHORS = ['', '', '=', 'X', '^', '(', '<', '+'];
const SCALARS: unknown[] = ['x', 'y', 'x | y', '*', '?', 'x*', '!x', '>1', '<=2Gi', '1-5', '1!-5', '>1s', 'null', '', 'true', null, 0, 1, 2.5, true, false];
const LABEL_KEYS = ['app', 'team/*', 'x*', 'tier'];


function generators(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const anchored = (k: string) => {
    const a = pick(ANCHORS);
    return a === '' ? k : a === '(' ? `(${k})` : `${a}(${k})`;
  };
  const pattern = (depth: number): unknown => {
    const r = rand();
    if (depth >= 3 || r < 0.35) return pick(SCALARS);
    if (r < 0.5) return [pattern(depth + 1)];
    if (r < 0.55) return [];
    if (r < 0.6) return [pattern(depth + 1), pattern(depth + 1)];
    const map: Record<string, unknown> = {};
    for (let i = 0, n = 1 + Math.floor(rand() * 3); i < n; i++) {
      const k = pick(KEYS);
      map[anchored(k === 'labels' ? pick(LABEL_KEYS) : k)] = pattern(depth + 1);
    }
    if (rand() < 0.15) map[anchored('metadata')] = { [anchored('labels')]: { [anchored(pick(LABEL_KEYS))]: pick(['x', 'x | y', '*']) } };
    return map;
  };
  const resource = (depth: number): unknown => {
    const r = rand();
    if (depth >= 4 || r < 0.3) return pick(SCALARS);
    if (r < 0.5) return Array.from({ length: Math.floor(rand() * 3) }, () => resource(depth + 1));
    const map: Record<string, unknown> = {};
    for (let i = 0, n = Math.floor(rand() * 4); i < n; i++) map[pick(KEYS)] = resource(depth + 1);
    if (rand() < 0.2) map.metadata = { labels: { [pick(['app', 'team/a', 'xy', 'tier'])]: pick(['x', 'y', 'z']) } };
    return map;
  };
  /** A resource shaped like the pattern (keys without anchors, words the pattern names), then perturbed. */
  const fit = (p: unknown, depth: number): unknown => {
    if (rand() < 0.1) return resource(depth);
    if (Array.isArray(p)) return p.length === 0 ? [] : Array.from({ length: Math.floor(rand() * 3) }, () => fit(pick(p), depth + 1));
    if (p !== null && typeof p === 'object') {
      const map: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(p)) {
        if (rand() < 0.2) continue;
        const key = k.replace(/^[=X^<+]?\((.*)\)$/, '$1').replace('*', 'a');
        map[key] = fit(v, depth + 1);
      }
      return map;
    }
    if (typeof p === 'string' && rand() < 0.6) return p.split('|')[0]?.trim().replace(/[*?]/g, 'x');
    return rand() < 0.5 ? p : pick(SCALARS);
  };
  return { pattern, resource, fit };
}

describe('compiled pattern checks on random patterns', () => {
  it('give the interpreter’s status on 20,000 random pairs', () => {
    const rand = rng(20261129);
    const gen = generators(rand);
    const mismatches: string[] = [];
    const seen = { pass: 0, skip: 0, fail: 0, error: 0 };
    for (let p = 0; p < 1000; p++) {
      const pattern = gen.pattern(0);
      const generated = generatePatternCheck(pattern);
      const closures = compileNode(pattern);
      for (let r = 0; r < 20; r++) {
        const resource = r % 2 === 0 ? gen.resource(0) : gen.fit(pattern, 0);
        const want = matchPattern(resource, pattern).status;
        seen[want]++;
        const got = [generated?.(resource), closures(resource)];
        if (got.some((s) => s !== STATUS[want]) && mismatches.length < 5) {
          mismatches.push(`${JSON.stringify(pattern)} on ${JSON.stringify(resource)}: interpreter ${want}, compiled ${got.join('/')}`);
        }
      }
    }
    console.log(`random patterns: interpreter answered ${JSON.stringify(seen)}`);
    expect(mismatches).toEqual([]);
    expect(Math.min(seen.pass, seen.skip, seen.fail)).toBeGreaterThan(1000);
  });
});
