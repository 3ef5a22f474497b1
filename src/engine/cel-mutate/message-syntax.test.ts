import { describe, expect, it } from 'vitest';
import { compileMutationExpr } from './compile-expr.js';
import { rewriteMessageSyntax } from './message-syntax.js';

function run(expression: string, activation: Record<string, unknown> = {}): unknown {
  const c = compileMutationExpr(expression, '/e', ['object']);
  if (!c.ok) throw new Error(c.issue.message);
  const r = c.expr.program.evaluate(activation);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('message construction (KEP-3962 Object{...} and JSONPatch{...})', () => {
  it('builds nested apply configurations as maps', () => {
    expect(run('Object{spec: Object.spec{replicas: 3, template: Object.spec.template{}}}')).toEqual({ spec: { replicas: 3, template: {} } });
  });
  it('builds JSONPatch operations with any value', () => {
    expect(run('[JSONPatch{op: "add", path: "/metadata/labels", value: {"a": "b"}}]')).toEqual([{ op: 'add', path: '/metadata/labels', value: { a: 'b' } }]);
  });
  it('leaves strings, comments, map literals and `in` alone', () => {
    expect(run('Object{metadata: Object.metadata{labels: {"x{": "Object{y: 1}"}}} // Object{z: 1}')).toEqual({ metadata: { labels: { 'x{': 'Object{y: 1}' } } });
    expect(run('"a" in {"a": 1}')).toBe(true);
  });
  it('constructs inside comprehensions and ternaries', () => {
    const object = { spec: { containers: [{ name: 'a', image: 'x' }] } };
    expect(run('Object{spec: Object.spec{containers: object.spec.containers.map(c, Object.spec.containers{name: c.name, image: "y"})}}', { object })).toEqual({
      spec: { containers: [{ name: 'a', image: 'y' }] },
    });
    expect(run('true ? Object{} : Object{spec: Object.spec{}}')).toEqual({});
  });
  it('marks optional fields for resolution after evaluation', () => {
    const r = rewriteMessageSyntax('Object{?spec: optional.none()}');
    expect(r.ok && r.text).toBe('dyn({"?spec": optional.none()})');
  });
  it('lets ternary branches build different shapes', () => {
    expect(run('false ? Object{} : Object{spec: Object.spec{replicas: 1}}')).toEqual({ spec: { replicas: 1 } });
  });
  it('supports has() on a field of any expression, e.g. an indexed list element', () => {
    const object = { spec: { containers: [{ name: 'a', env: [] }, { name: 'b' }] } };
    expect(run('[has(object.spec.containers[0].env), has(object.spec.containers[1].env), has(object.spec.containers)]', { object })).toEqual([true, false, true]);
  });
  it('rejects a type name that does not follow the field path, as the API server does', () => {
    expect(compileMutationExpr('Object{spec: Object.spec{selector: Object.spec.wrong{}}}', '/e', [])).toMatchObject({
      ok: false,
      issue: { code: 'CEL_TYPE', path: '/e', message: expect.stringContaining('type mismatch') },
    });
    expect(compileMutationExpr('Object{spec: Object.spec{containers: [Object.spec.containers{name: "a"}]}}', '/e', []).ok).toBe(true);
  });
  it('rejects unknown types and reports positions in the expression as written', () => {
    expect(compileMutationExpr('Object{spec: Foo{}}', '/e', [])).toMatchObject({ ok: false, issue: { message: expect.stringContaining('at 1:14') } });
    const r = compileMutationExpr('Object{\n  spec: Object.spec{replicas: 1 + "a"}}', '/e', []);
    expect(r).toMatchObject({ ok: false, issue: { code: 'CEL_TYPE', message: expect.stringContaining('at 2:31') } });
  });
  it('escapes JSON pointer keys with jsonpatch.escapeKey (RFC 6901)', () => {
    expect(run('jsonpatch.escapeKey("example.com/a~b")')).toBe('example.com~1a~0b');
  });
});
