import { describe, expect, it } from 'vitest';
import { validateAnyPattern } from './index.js';

// docs: require-run-as-non-root (pod-level or every container)
const patterns = [
  { spec: { securityContext: { runAsNonRoot: true }, containers: [{ '=(securityContext)': { '=(runAsNonRoot)': true } }] } },
  { spec: { containers: [{ securityContext: { runAsNonRoot: true } }] } },
];

describe('validateAnyPattern', () => {
  it('passes when any pattern passes', () => {
    const podLevel = { spec: { securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] } };
    const containerLevel = { spec: { containers: [{ name: 'a', securityContext: { runAsNonRoot: true } }] } };
    expect(validateAnyPattern(podLevel, patterns)).toEqual({ status: 'pass', index: 0 });
    expect(validateAnyPattern(containerLevel, patterns)).toEqual({ status: 'pass', index: 1 });
  });

  it('fails listing every pattern’s failure the way Kyverno does', () => {
    const root = { spec: { containers: [{ name: 'a' }] } };
    expect(validateAnyPattern(root, patterns, { ruleName: 'check-containers' })).toMatchObject({
      status: 'fail',
      path: '/spec/securityContext',
      message:
        'rule check-containers[0] failed at path /spec/securityContext/ rule check-containers[1] failed at path /spec/containers/0/securityContext/',
    });
  });

  it('skips when every pattern is skipped', () => {
    const lb = [{ spec: { '<(type)': 'LoadBalancer', loadBalancerSourceRanges: '*' } }];
    const r = validateAnyPattern({ spec: { type: 'ClusterIP' } }, lb, { ruleName: 'r' });
    expect(r.status).toBe('skip');
    expect(r.status === 'skip' && r.message).toMatch(/^rule r\[0\] skipped: global anchor mismatch/);
  });

  it('fails (not skips) when some patterns skip and others fail', () => {
    const mixed = [{ spec: { '<(type)': 'LoadBalancer' } , metadata: { name: 'x' } }, { spec: { replicas: 1 } }];
    const r = validateAnyPattern({ spec: { type: 'ClusterIP', replicas: 2 }, metadata: { name: 'y' } }, mixed, { ruleName: 'r' });
    expect(r).toMatchObject({ status: 'fail', path: '/spec/replicas', message: 'rule r[1] failed at path /spec/replicas/' });
  });

  it('lists a pattern that errors with its error text', () => {
    const r = validateAnyPattern({ m: [1] }, [{ m: [[1], [2]] }], { ruleName: 'r' });
    expect(r).toMatchObject({ status: 'fail', path: '' });
    expect(r.status === 'fail' && r.message).toMatch(/^rule r\[0\] failed: validate Array failed, array length mismatch/);
  });

  it('passes with no patterns', () => {
    expect(validateAnyPattern({}, [])).toEqual({ status: 'pass' });
  });
});
