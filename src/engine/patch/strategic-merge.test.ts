import { describe, expect, test } from 'vitest';
import { strategicMerge, type StrategicMergeOptions } from './index.js';

const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const merge = (a: unknown, p: unknown, o?: StrategicMergeOptions) => {
  const r = strategicMerge(a, p, o);
  if (!r.ok) throw new Error(r.message);
  return r.value as { spec: Record<string, unknown>; metadata: Record<string, unknown> };
};

describe('strategicMerge', () => {
  test('maps merge recursively and null deletes a key', () => {
    const out = merge({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { b: null, c: '3' } } });
    expect(out.metadata.labels).toEqual({ a: '1', c: '3' });
  });

  test('containers merge by name; new ones appended (apimachinery) or prepended (kustomize/Kyverno)', () => {
    const base = pod({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] });
    const patch = { spec: { containers: [{ name: 'b', image: 'z' }, { name: 'c', image: 'w' }] } };
    expect(merge(base, patch).spec.containers).toEqual([{ name: 'a', image: 'x' }, { name: 'b', image: 'z' }, { name: 'c', image: 'w' }]);
    expect(merge(base, patch, { listOrder: 'prepend' }).spec.containers).toEqual([
      { name: 'b', image: 'z' },
      { name: 'c', image: 'w' },
      { name: 'a', image: 'x' },
    ]);
  });

  test('env by name, volumeMounts by mountPath, ports by containerPort+protocol (80 pairs with "80")', () => {
    const base = pod({ containers: [{ name: 'a', env: [{ name: 'E', value: '1' }], volumeMounts: [{ mountPath: '/m', name: 'v' }], ports: [{ containerPort: 80, protocol: 'TCP' }] }] });
    const out = merge(base, { spec: { containers: [{ name: 'a', env: [{ name: 'F', value: '2' }], volumeMounts: [{ mountPath: '/m', readOnly: true }], ports: [{ containerPort: '80', name: 'http' }] }] } });
    const c = (out.spec.containers as Array<Record<string, unknown>>)[0];
    expect(c?.env).toEqual([{ name: 'E', value: '1' }, { name: 'F', value: '2' }]);
    expect(c?.volumeMounts).toEqual([{ mountPath: '/m', name: 'v', readOnly: true }]);
    expect(c?.ports).toEqual([{ containerPort: '80', protocol: 'TCP', name: 'http' }]);
  });

  test('tolerations, args and lists of custom resources are replaced', () => {
    const base = pod({ tolerations: [{ key: 'a' }], containers: [{ name: 'a', args: ['1'] }] });
    const out = merge(base, { spec: { tolerations: [{ key: 'b' }], containers: [{ name: 'a', args: ['2'] }] } });
    expect(out.spec.tolerations).toEqual([{ key: 'b' }]);
    expect(out.spec.containers).toEqual([{ name: 'a', args: ['2'] }]);
    const cr = { apiVersion: 'example.com/v1', kind: 'Thing', spec: { containers: [{ name: 'a' }] } };
    expect(merge(cr, { spec: { containers: [{ name: 'b' }] } }).spec.containers).toEqual([{ name: 'b' }]);
  });

  test('finalizers are a set', () => {
    const out = merge({ apiVersion: 'v1', kind: 'Pod', metadata: { finalizers: ['a', 'b'] } }, { metadata: { finalizers: ['b', 'c'] } });
    expect(out.metadata.finalizers).toEqual(['a', 'b', 'c']);
  });

  test('$patch: delete removes a map or a list element, replace replaces a map', () => {
    const base = pod({ containers: [{ name: 'a' }, { name: 'b' }], securityContext: { runAsUser: 1, fsGroup: 2 } });
    const out = merge(base, { spec: { containers: [{ name: 'a', $patch: 'delete' }], securityContext: { $patch: 'replace', runAsUser: 3 } } });
    expect(out.spec.containers).toEqual([{ name: 'b' }]);
    expect(out.spec.securityContext).toEqual({ runAsUser: 3 });
    expect(merge(base, { spec: { securityContext: { $patch: 'delete' } } }).spec.securityContext).toBeUndefined();
  });

  test('{$patch: replace} in a list replaces the whole list', () => {
    const base = pod({ containers: [{ name: 'a' }, { name: 'b' }] });
    expect(merge(base, { spec: { containers: [{ $patch: 'replace' }, { name: 'c' }] } }).spec.containers).toEqual([{ name: 'c' }]);
  });

  test('$retainKeys, $deleteFromPrimitiveList and $setElementOrder', () => {
    const base = { apiVersion: 'v1', kind: 'Pod', metadata: { finalizers: ['a', 'b', 'c'] }, spec: { strategy: { type: 'x', rollingUpdate: { a: 1 } }, containers: [{ name: 'a' }, { name: 'b' }] } };
    const out = merge(base, {
      metadata: { '$deleteFromPrimitiveList/finalizers': ['b'] },
      spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' }, '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }] },
    });
    expect(out.metadata.finalizers).toEqual(['a', 'c']);
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    expect(out.spec.containers).toEqual([{ name: 'b' }, { name: 'a' }]);
  });

  test('a value of another kind is an error, not a replace', () => {
    const r = strategicMerge(pod({ containers: [{ name: 'a' }] }), { spec: { containers: 'oops' } });
    expect(r).toMatchObject({ ok: false, code: 'MERGE_KIND_MISMATCH', path: 'spec.containers' });
    expect(strategicMerge({ metadata: { labels: {} } }, { metadata: { labels: 'x' } })).toMatchObject({ ok: false, path: 'metadata.labels' });
    expect(strategicMerge({ a: 1 }, { a: { $patch: 'bogus' } })).toMatchObject({ ok: false });
  });

  test('does not modify its inputs', () => {
    const base = pod({ containers: [{ name: 'a', image: 'x' }] });
    const patch = { spec: { containers: [{ name: 'a', image: 'y' }] } };
    const before = JSON.stringify([base, patch]);
    merge(base, patch);
    expect(JSON.stringify([base, patch])).toBe(before);
  });
});
