/**
 * The allocation-free list loops of setOperator against the map/some version they replaced (copied
 * below), on random keys and values mixing wildcards, ranges, numbers, booleans, nulls and JSON list
 * strings.
 */
import { describe, expect, it } from 'vitest';
import { wildcardMatch } from '../values/index.js';
import { goSprint } from './go-format.js';
import { inRange, isRangeValue, outOfRange } from './range.js';
import { jsonListOrSelf, prepareSetOperator, setOperator, type SetMode } from './set-operators.js';

const INVALID = 'invalid' as const;
const negated = (mode: SetMode): boolean => mode === 'AnyNotIn' || mode === 'AllNotIn';
function listKey(mode: SetMode, keys: string[], value: unknown): boolean {
  let values: string[];
  if (Array.isArray(value)) values = value.map(goSprint);
  else if (typeof value === 'number' || typeof value === 'boolean') values = [goSprint(value)];
  else if (typeof value === 'string') {
    if (keys.length === 1 && keys[0] === value) return !negated(mode);
    if (isRangeValue(value)) return rangeSet(mode, keys, value);
    const list = jsonListOrSelf(value);
    if (list === INVALID) return false;
    values = list;
  } else return false;
  const isIn = (k: string): boolean => values.some((v) => matches(k, v));
  switch (mode) {
    case 'AnyIn': return keys.some(isIn);
    case 'AllIn': return keys.every(isIn);
    case 'AnyNotIn': return keys.some((k) => !isIn(k));
    case 'AllNotIn': return !keys.some(isIn);
  }
}
function rangeSet(mode: SetMode, keys: string[], range: string): boolean {
  switch (mode) {
    case 'AnyIn': return keys.some((k) => inRange(k, range));
    case 'AllIn': return keys.every((k) => inRange(k, range));
    case 'AnyNotIn': return keys.some((k) => outOfRange(k, range));
    case 'AllNotIn': return !keys.some((k) => inRange(k, range));
  }
}
const matches = (a: string, b: string): boolean => wildcardMatch(a, b) || wildcardMatch(b, a);

const POOL: unknown[] = ['a', 'b', 'ab', '*', 'a*', '?', '1', 1, 2.5, true, false, null, '1-3', '2', 'x?', '["a","b"]', '[1]', '', 'NET_RAW', 'ALL'];
const MODES: SetMode[] = ['AnyIn', 'AllIn', 'AnyNotIn', 'AllNotIn'];

describe('setOperator list loops', () => {
  it('agree with the map/some version on 20000 random list keys', () => {
    let s = 42;
    const rnd = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
    const pick = () => POOL[rnd(POOL.length)];
    const listOf = () => Array.from({ length: rnd(4) }, pick);
    const diffs: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const mode = MODES[rnd(4)] as SetMode;
      const key = listOf();
      const value = rnd(3) === 0 ? pick() : listOf();
      const want = listKey(mode, key.map(goSprint), value);
      if (setOperator(mode, key, value) !== want && diffs.length < 5) diffs.push(`${mode} ${JSON.stringify(key)} ${JSON.stringify(value)}`);
    }
    expect(diffs).toEqual([]);
  });

  it('prepared for a literal list value: same answers as setOperator for 20000 random keys', () => {
    let s = 7;
    const rnd = (n: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % n);
    const pick = () => POOL[rnd(POOL.length)];
    const diffs: string[] = [];
    for (let i = 0; i < 400; i++) {
      const mode = MODES[rnd(4)] as SetMode;
      const value = Array.from({ length: rnd(5) }, pick);
      const prepared = prepareSetOperator(mode, value);
      if (!prepared) throw new Error('a list value is always prepared');
      for (let j = 0; j < 50; j++) {
        const key = rnd(2) === 0 ? pick() : rnd(5) === 0 ? { a: 1 } : Array.from({ length: rnd(4) }, pick);
        if (prepared(key) !== setOperator(mode, key, value) && diffs.length < 5) diffs.push(`${mode} ${JSON.stringify(key)} ${JSON.stringify(value)}`);
      }
    }
    expect(diffs).toEqual([]);
    expect(prepareSetOperator('AnyIn', 'a')).toBeUndefined();
  });
});
