import { describe, expect, test } from 'vitest';
import { applyJsonPatch, createJsonPatch } from './index.js';

const pairs: Array<[unknown, unknown]> = [
  [{ a: 1 }, { a: 2, b: [1] }],
  [{ spec: { containers: [{ name: 'a', image: 'x' }] } }, { spec: { containers: [{ name: 'a', image: 'y' }, { name: 'b' }] } }],
  [{ l: [1, 2, 3, 4] }, { l: [1] }],
  [{ 'a/b': { '~c': 1 } }, { 'a/b': { '~c': 2 } }],
  [{ m: { x: 1 } }, { m: 'scalar' }],
  [[1, 2], { now: 'object' }],
];

describe('createJsonPatch', () => {
  test('applying the patch gives the target', () => {
    for (const [from, to] of pairs) {
      const r = applyJsonPatch(from, createJsonPatch(from, to));
      expect(r).toEqual({ ok: true, doc: to });
    }
  });

  test('idempotent: no patch between equal documents, whatever the key order', () => {
    for (const [from] of pairs) expect(createJsonPatch(from, structuredClone(from))).toEqual([]);
    expect(createJsonPatch({ a: 1, b: 2 }, { b: 2, a: 1 })).toEqual([]);
  });

  test('deterministic: sorted keys, escaped tokens, tail removal from the end', () => {
    expect(createJsonPatch({ b: 1, a: 1 }, { a: 2, b: 2 })).toEqual([
      { op: 'replace', path: '/a', value: 2 },
      { op: 'replace', path: '/b', value: 2 },
    ]);
    expect(createJsonPatch({}, { 'a/b~': 1 })).toEqual([{ op: 'add', path: '/a~1b~0', value: 1 }]);
    expect(createJsonPatch({ l: [1, 2, 3] }, { l: [1] })).toEqual([
      { op: 'remove', path: '/l/2' },
      { op: 'remove', path: '/l/1' },
    ]);
  });

  test('list elements are patched in place (element-wise), not replaced whole', () => {
    const ops = createJsonPatch({ c: [{ name: 'a', image: 'x' }] }, { c: [{ name: 'a', image: 'y' }] });
    expect(ops).toEqual([{ op: 'replace', path: '/c/0/image', value: 'y' }]);
  });
});
