import { describe, expect, test } from 'vitest';
import { applyJsonPatch, KYVERNO_APPLY_OPTIONS, type JsonPatchOp } from './index.js';

const doc = () => ({ a: { b: [1, 2, 3] }, 'x/y': { '~t': 1 } });

describe('applyJsonPatch (RFC 6902)', () => {
  test('add, remove, replace, move, copy, test', () => {
    const ops: JsonPatchOp[] = [
      { op: 'add', path: '/a/c', value: { d: 1 } },
      { op: 'replace', path: '/a/b/0', value: 9 },
      { op: 'remove', path: '/a/b/1' },
      { op: 'copy', from: '/a/c', path: '/e' },
      { op: 'move', from: '/a/c/d', path: '/f' },
      { op: 'test', path: '/e', value: { d: 1 } },
    ];
    const r = applyJsonPatch(doc(), ops);
    expect(r).toEqual({ ok: true, doc: { a: { b: [9, 3], c: {} }, 'x/y': { '~t': 1 }, e: { d: 1 }, f: 1 } });
  });

  test('RFC 6901 escaping: ~1 is / and ~0 is ~', () => {
    const r = applyJsonPatch(doc(), [{ op: 'replace', path: '/x~1y/~0t', value: 2 }]);
    expect(r.ok && (r.doc as Record<string, unknown>)['x/y']).toEqual({ '~t': 2 });
  });

  test('- appends to an array; an index inserts', () => {
    const r = applyJsonPatch(doc(), [
      { op: 'add', path: '/a/b/-', value: 4 },
      { op: 'add', path: '/a/b/0', value: 0 },
    ]);
    expect(r.ok && (r.doc as { a: { b: number[] } }).a.b).toEqual([0, 1, 2, 3, 4]);
  });

  test('never mutates the input', () => {
    const input = doc();
    const before = JSON.stringify(input);
    applyJsonPatch(input, [{ op: 'remove', path: '/a/b/0' }, { op: 'add', path: '/a/z', value: 1 }]);
    expect(JSON.stringify(input)).toBe(before);
  });

  test('errors carry a code and the failing operation index', () => {
    const r = applyJsonPatch(doc(), [{ op: 'add', path: '/n', value: 1 }, { op: 'replace', path: '/missing/x', value: 1 }]);
    expect(r).toMatchObject({ ok: false, code: 'PATCH_PATH_NOT_FOUND', opIndex: 1 });
    expect(applyJsonPatch(doc(), [{ op: 'test', path: '/a/b/0', value: 7 }])).toMatchObject({ ok: false, code: 'PATCH_TEST_FAILED' });
    expect(applyJsonPatch(doc(), [{ op: 'add', path: '/a/b/01', value: 7 }])).toMatchObject({ ok: false, code: 'PATCH_INVALID_INDEX' });
    expect(applyJsonPatch(doc(), [{ op: 'add', path: 'a', value: 7 }])).toMatchObject({ ok: false, code: 'PATCH_INVALID_POINTER' });
  });

  test('strict RFC mode: add needs the parent, remove needs the path', () => {
    expect(applyJsonPatch({}, [{ op: 'add', path: '/a/b', value: 1 }]).ok).toBe(false);
    expect(applyJsonPatch({}, [{ op: 'remove', path: '/a' }]).ok).toBe(false);
  });

  test('Kyverno options: parents created on add (arrays for -, -1 and indexes), missing removes ignored', () => {
    const r = applyJsonPatch({}, [
      { op: 'add', path: '/spec/tolerations/-', value: { key: 'k' } },
      { op: 'add', path: '/spec/terms/-1/exprs/-1', value: 'e' },
      { op: 'remove', path: '/spec/nothing' },
    ], KYVERNO_APPLY_OPTIONS);
    expect(r).toEqual({ ok: true, doc: { spec: { tolerations: [{ key: 'k' }], terms: [{ exprs: ['e'] }] } } });
  });

  test('Kyverno options: negative index names the last element', () => {
    const r = applyJsonPatch({ l: [1, 2] }, [{ op: 'replace', path: '/l/-1', value: 3 }], KYVERNO_APPLY_OPTIONS);
    expect(r).toEqual({ ok: true, doc: { l: [1, 3] } });
  });
});
