import { describe, expect, it } from 'vitest';
import { validatePattern } from './index.js';

const pod = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels: { app: 'web' } },
  spec: { containers, ...extra },
});

describe('conditional anchor ()', () => {
  const pattern = { spec: { containers: [{ '(image)': '*:latest', imagePullPolicy: '!IfNotPresent' }] } };

  it('validates peers when the condition holds', () => {
    expect(validatePattern(pod([{ image: 'nginx:latest', imagePullPolicy: 'Always' }]), pattern).status).toBe('pass');
    expect(validatePattern(pod([{ image: 'nginx:latest', imagePullPolicy: 'IfNotPresent' }]), pattern)).toEqual({
      status: 'fail',
      path: '/spec/containers/0/imagePullPolicy',
      message: "resource value 'IfNotPresent' does not match '!IfNotPresent' at path /spec/containers/0/imagePullPolicy/",
    });
  });

  it('skips the rule when no element meets the condition', () => {
    const r = validatePattern(pod([{ image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent' }]), pattern);
    expect(r.status).toBe('skip');
    expect(r.status === 'skip' && r.message).toContain('conditional anchor mismatch');
  });

  it('skips only the elements that do not meet it when another applies', () => {
    const containers = [
      { image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent' },
      { image: 'redis:latest', imagePullPolicy: 'Always' },
    ];
    expect(validatePattern(pod(containers), pattern).status).toBe('pass');
    containers[1] = { image: 'redis:latest', imagePullPolicy: 'IfNotPresent' };
    expect(validatePattern(pod(containers), pattern)).toMatchObject({ status: 'fail', path: '/spec/containers/1/imagePullPolicy' });
  });

  it('treats a missing conditional key as an unmet condition', () => {
    const r = validatePattern(pod([{ name: 'a' }]), pattern);
    expect(r).toMatchObject({ status: 'skip' });
    expect(r.status === 'skip' && r.message).toContain("conditional anchor key doesn't exist in the resource");
  });

  it('is an if-then over peers that are whole objects (docs: docker.sock example)', () => {
    const p = {
      metadata: { labels: { 'allow-docker': 'true' } },
      '(spec)': { '(volumes)': [{ '(hostPath)': { path: '/var/run/docker.sock' } }] },
    };
    const sock = { volumes: [{ name: 'v', hostPath: { path: '/var/run/docker.sock' } }], containers: [] };
    expect(validatePattern({ metadata: { labels: {} }, spec: sock }, p)).toMatchObject({
      status: 'fail',
      path: '/metadata/labels/allow-docker',
    });
    expect(validatePattern({ metadata: { labels: { 'allow-docker': 'true' } }, spec: sock }, p).status).toBe('pass');
    expect(validatePattern({ metadata: { labels: {} }, spec: { containers: [] } }, p).status).toBe('skip');
  });
});

describe('equality anchor =()', () => {
  const pattern = { spec: { '=(volumes)': [{ '=(hostPath)': { path: '!/var/lib' } }] } };

  it('passes when the key is absent', () => {
    expect(validatePattern(pod([]), pattern).status).toBe('pass');
    expect(validatePattern(pod([], { volumes: [{ name: 'v', emptyDir: {} }] }), pattern).status).toBe('pass');
  });

  it('fails (not skips) when a present value does not match', () => {
    const r = validatePattern(pod([], { volumes: [{ name: 'v', hostPath: { path: '/var/lib' } }] }), pattern);
    expect(r).toMatchObject({ status: 'fail', path: '/spec/volumes/0/hostPath/path' });
  });

  it('checks scalar values when present', () => {
    const p = { spec: { '=(hostNetwork)': false } };
    expect(validatePattern(pod([]), p).status).toBe('pass');
    expect(validatePattern(pod([], { hostNetwork: false }), p).status).toBe('pass');
    expect(validatePattern(pod([], { hostNetwork: true }), p)).toMatchObject({ status: 'fail', path: '/spec/hostNetwork' });
  });
});

describe('negation anchor X()', () => {
  const pattern = { spec: { 'X(hostNetwork)': 'null' } };

  it('fails when the key is present, whatever its value', () => {
    for (const value of [true, false, null]) {
      expect(validatePattern(pod([], { hostNetwork: value }), pattern)).toEqual({
        status: 'fail',
        path: '/spec/hostNetwork',
        message: 'negation anchor matched in resource: /spec/hostNetwork/ is not allowed',
      });
    }
  });

  it('passes when the key is absent', () => {
    expect(validatePattern(pod([]), pattern).status).toBe('pass');
  });
});

describe('existence anchor ^()', () => {
  const pattern = { spec: { '^(containers)': [{ image: 'nginx:latest' }] } };

  it('passes when at least one element matches', () => {
    expect(validatePattern(pod([{ image: 'busybox' }, { image: 'nginx:latest' }]), pattern).status).toBe('pass');
  });

  it('fails at the list when none matches', () => {
    expect(validatePattern(pod([{ image: 'busybox' }]), pattern)).toEqual({
      status: 'fail',
      path: '/spec/containers',
      message: 'existence anchor validation failed at path /spec/containers/',
    });
  });

  it('requires one match per pattern element', () => {
    const p = { spec: { '^(containers)': [{ image: 'nginx:*' }, { image: 'redis:*' }] } };
    expect(validatePattern(pod([{ image: 'nginx:1' }, { image: 'redis:7' }]), p).status).toBe('pass');
    expect(validatePattern(pod([{ image: 'nginx:1' }]), p).status).toBe('fail');
  });

  it('fails on a value that is not a list', () => {
    const r = validatePattern({ spec: { containers: 'x' } }, pattern);
    expect(r).toMatchObject({ status: 'fail', path: '/spec/containers' });
    expect(r.status === 'fail' && r.message).toContain('can be used only on list/array type resource');
  });
});

describe('global anchor <()', () => {
  const pattern = {
    spec: {
      containers: [{ name: '*', '<(image)': 'corp.reg.com/*' }],
      imagePullSecrets: [{ name: 'my-registry-secret' }],
    },
  };

  it('applies the rest of the rule when the condition holds (docs example)', () => {
    const bad = pod([{ name: 'web', image: 'corp.reg.com/nginx' }], { imagePullSecrets: [{ name: 'other-secret' }] });
    expect(validatePattern(bad, pattern)).toMatchObject({ status: 'fail', path: '/spec/imagePullSecrets/0/name' });
    const good = pod([{ name: 'web', image: 'corp.reg.com/nginx' }], { imagePullSecrets: [{ name: 'my-registry-secret' }] });
    expect(validatePattern(good, pattern).status).toBe('pass');
  });

  it('skips the whole rule when the condition is false', () => {
    const r = validatePattern(pod([{ name: 'web', image: 'docker.io/nginx' }]), pattern);
    expect(r.status).toBe('skip');
    expect(r.status === 'skip' && r.message).toContain('global anchor mismatch');
  });

  it('passes over a missing global key', () => {
    expect(validatePattern({ spec: { x: 1 } }, { spec: { '<(type)': 'LoadBalancer' } }).status).toBe('pass');
  });
});

describe('add-if-not-present anchor +() in a validate pattern', () => {
  it('is looked up literally, as Kyverno does', () => {
    expect(validatePattern(pod([]), { spec: { '+(hostNetwork)': false } })).toMatchObject({
      status: 'fail',
      path: '/spec/+(hostNetwork)',
    });
    expect(validatePattern(pod([]), { spec: { '+(hostNetwork)': null } }).status).toBe('pass');
  });
});

describe('anchor combinations', () => {
  it('lets a conditional anchor guard an equality anchor', () => {
    const p = { spec: { containers: [{ '(name)': 'app-*', '=(securityContext)': { '=(privileged)': false } }] } };
    expect(validatePattern(pod([{ name: 'app-1' }]), p).status).toBe('pass');
    expect(validatePattern(pod([{ name: 'app-1', securityContext: { privileged: true } }]), p).status).toBe('fail');
    expect(validatePattern(pod([{ name: 'db', securityContext: { privileged: true } }]), p).status).toBe('skip');
  });

  it('turns a negation inside a condition into an unmet condition', () => {
    const p = { spec: { '(containers)': [{ 'X(securityContext)': 'null' }] } };
    expect(validatePattern(pod([{ securityContext: {} }]), p).status).toBe('skip');
  });

  it('evaluates conditions before plain peers, so a failed condition skips', () => {
    const p = { metadata: { labels: { app: 'other' } }, spec: { '(hostNetwork)': true } };
    expect(validatePattern(pod([], { hostNetwork: false }), p).status).toBe('skip');
  });

  it('reports a rule error when a failure follows a missing existence key', () => {
    const p = { metadata: { labels: { app: 'db' } }, spec: { '^(initContainers)': [{ name: 'init' }] } };
    expect(validatePattern(pod([]), p)).toMatchObject({ status: 'error', path: '' });
  });
});
