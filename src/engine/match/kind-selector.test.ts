import { describe, expect, it } from 'vitest';
import { compileKinds, containsKind, parseKindSelector } from './index.js';

describe('parseKindSelector', () => {
  // Forms from https://kyverno.io/docs/writing-policies/match-exclude/ (GVK format, subresources, wildcards).
  const cases: Array<[string, [string, string, string, string]]> = [
    ['*', ['*', '*', '*', '']],
    ['*/*', ['*', '*', '*', '*']],
    ['*.*', ['*', '*', '*', '*']],
    ['Pod', ['*', '*', 'Pod', '']],
    ['v1/Pod', ['*', 'v1', 'Pod', '']],
    ['*/Pod', ['*', '*', 'Pod', '']],
    ['batch/*/CronJob', ['batch', '*', 'CronJob', '']],
    ['apps/*/Deployment', ['apps', '*', 'Deployment', '']],
    ['storage.k8s.io/v1/CSIDriver', ['storage.k8s.io', 'v1', 'CSIDriver', '']],
    ['networking.k8s.io/v1/NetworkPolicy', ['networking.k8s.io', 'v1', 'NetworkPolicy', '']],
    ['crd.antrea.io/v1alpha1/NetworkPolicy', ['crd.antrea.io', 'v1alpha1', 'NetworkPolicy', '']],
    ['tekton.dev/v1beta1/TaskRun/status', ['tekton.dev', 'v1beta1', 'TaskRun', 'status']],
    ['Pod/status', ['*', '*', 'Pod', 'status']],
    ['Pod.status', ['*', '*', 'Pod', 'status']],
    ['Pod/exec', ['*', '*', 'Pod', 'exec']],
    ['Pod/*', ['*', '*', 'Pod', '*']],
    ['v1/Pod/status', ['*', 'v1', 'Pod', 'status']],
    ['v1/Pod.status', ['*', 'v1', 'Pod', 'status']],
    ['apps/v1/Deployment/scale', ['apps', 'v1', 'Deployment', 'scale']],
    ['apps/v1/Deployment.scale', ['apps', 'v1', 'Deployment', 'scale']],
    ['*/Deployment/scale', ['*', '*', 'Deployment', 'scale']],
    ['*/scale', ['*', '*', '*', 'scale']],
    ['*/*/*', ['*', '*', '*', '*']],
    ['*/*/*/*', ['*', '*', '*', '*']],
    ['a/b/c/d/e', ['', '', '', '']],
  ];
  it.each(cases)('%s', (input, [group, version, kind, subresource]) => {
    expect(parseKindSelector(input)).toEqual({ group, version, kind, subresource });
  });
});

describe('compileKinds', () => {
  const pod = { group: '', version: 'v1', kind: 'Pod' };
  const deploy = { group: 'apps', version: 'v1', kind: 'Deployment' };
  const netpol = { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy' };
  const antrea = { group: 'crd.antrea.io', version: 'v1alpha1', kind: 'NetworkPolicy' };

  it('matches plain kinds regardless of group and version, but not subresources', () => {
    expect(compileKinds(['Pod'])(pod, '')).toBe(true);
    expect(compileKinds(['Pod'])(deploy, '')).toBe(false);
    expect(compileKinds(['Pod'])(pod, 'exec')).toBe(false);
    expect(compileKinds(['NetworkPolicy'])(antrea, '')).toBe(true);
  });
  it('distinguishes groups and versions', () => {
    const k = compileKinds(['networking.k8s.io/v1/NetworkPolicy']);
    expect(k(netpol, '')).toBe(true);
    expect(k(antrea, '')).toBe(false);
    expect(compileKinds(['v1/Pod'])(pod, '')).toBe(true);
    expect(compileKinds(['v2/Pod'])(pod, '')).toBe(false);
    expect(compileKinds(['apps/*/Deployment'])(deploy, '')).toBe(true);
    expect(compileKinds(['batch/*/Deployment'])(deploy, '')).toBe(false);
  });
  it('handles subresources and wildcards', () => {
    expect(compileKinds(['Pod/exec'])(pod, 'exec')).toBe(true);
    expect(compileKinds(['Pod/exec'])(pod, '')).toBe(false);
    expect(compileKinds(['Deployment/scale'])(deploy, 'scale')).toBe(true);
    expect(compileKinds(['*/scale'])(deploy, 'scale')).toBe(true);
    expect(compileKinds(['*/scale'])(deploy, '')).toBe(false);
    expect(compileKinds(['*'])(deploy, '')).toBe(true);
    expect(compileKinds(['*'])(deploy, 'scale')).toBe(false);
    expect(compileKinds(['*/*'])(deploy, 'scale')).toBe(true);
    expect(compileKinds(['Pod/*'])(pod, 'status')).toBe(true);
  });
  it('lets Pod match the ephemeralcontainers subresource (Kyverno backward compatibility)', () => {
    expect(compileKinds(['Pod'])(pod, 'ephemeralcontainers')).toBe(true);
    expect(compileKinds(['Deployment'])(deploy, 'ephemeralcontainers')).toBe(false);
  });
  it('matches any entry of the list', () => {
    expect(compileKinds(['Service', 'Pod'])(pod, '')).toBe(true);
  });
});

describe('containsKind', () => {
  it('compares the kind part only', () => {
    expect(containsKind(['v1/Pod'], 'Pod')).toBe(true);
    expect(containsKind(['Pod/exec'], 'Pod')).toBe(true);
    expect(containsKind(['apps/v1/Deployment'], 'Pod')).toBe(false);
    expect(containsKind(undefined, 'Pod')).toBe(false);
  });
});
