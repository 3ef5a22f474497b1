import { describe, expect, it } from 'vitest';
import { validatePattern } from './index.js';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/name': 'web' }, annotations: { 'fluxcd.io/automated': 'true' } },
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'app', image: 'nginx:1.25', ports: [{ containerPort: 80 }], args: ['--a', '--b'] },
          { name: 'side', image: 'envoy:1.0', ports: [{ containerPort: 9901 }] },
        ],
      },
    },
  },
};

describe('maps', () => {
  it('passes when every pattern field matches and ignores fields the pattern does not name', () => {
    expect(validatePattern(deployment, { metadata: { labels: { app: 'web' } }, spec: { replicas: '>=2' } })).toEqual({ status: 'pass' });
  });

  it('fails at the first mismatching field, with Kyverno’s message', () => {
    expect(validatePattern(deployment, { spec: { replicas: '>=5' } })).toEqual({
      status: 'fail',
      path: '/spec/replicas',
      message: "resource value '3' does not match '>=5' at path /spec/replicas/",
    });
  });

  it('fails when a required field is missing', () => {
    expect(validatePattern(deployment, { spec: { strategy: { type: 'RollingUpdate' } } })).toMatchObject({
      status: 'fail',
      path: '/spec/strategy',
    });
  });

  it('fails when the resource has a scalar where the pattern has a map', () => {
    expect(validatePattern({ spec: 'x' }, { spec: { a: 1 } })).toEqual({
      status: 'fail',
      path: '/spec',
      message: 'pattern and resource have different structures. Path: /spec/. Expected map[string]interface {}, found string',
    });
  });
});

describe('"*", "?*", null and ""', () => {
  it('"*" requires presence (any non-null value) and reports the parent path', () => {
    expect(validatePattern(deployment, { metadata: { name: '*' } }).status).toBe('pass');
    expect(validatePattern({ metadata: { name: '' } }, { metadata: { name: '*' } }).status).toBe('pass');
    expect(validatePattern({ metadata: { name: null } }, { metadata: { name: '*' } })).toMatchObject({ status: 'fail', path: '/metadata' });
    expect(validatePattern({ metadata: {} }, { metadata: { name: '*' } })).toEqual({
      status: 'fail',
      path: '/metadata',
      message: '/metadata//name not found',
    });
  });

  it('"?*" requires a non-empty value', () => {
    expect(validatePattern({ metadata: { labels: { team: 'a' } } }, { metadata: { labels: { team: '?*' } } }).status).toBe('pass');
    expect(validatePattern({ metadata: { labels: { team: '' } } }, { metadata: { labels: { team: '?*' } } }).status).toBe('fail');
    expect(validatePattern({ metadata: { labels: {} } }, { metadata: { labels: { team: '?*' } } }).status).toBe('fail');
  });

  it('null requires the field to be absent or empty', () => {
    expect(validatePattern({ spec: {} }, { spec: { hostPID: null } }).status).toBe('pass');
    expect(validatePattern({ spec: { hostPID: false } }, { spec: { hostPID: null } }).status).toBe('pass');
    expect(validatePattern({ spec: { hostPID: true } }, { spec: { hostPID: null } }).status).toBe('fail');
  });
});

describe('arrays', () => {
  it('applies a single map element to every element', () => {
    const p = { spec: { template: { spec: { containers: [{ image: '*:*' }] } } } };
    expect(validatePattern(deployment, p).status).toBe('pass');
    const q = { spec: { template: { spec: { containers: [{ image: 'nginx:*' }] } } } };
    expect(validatePattern(deployment, q)).toMatchObject({ status: 'fail', path: '/spec/template/spec/containers/1/image' });
  });

  it('applies a scalar element to every element of a list of scalars', () => {
    const c = (args: unknown[]) => ({ spec: { args } });
    expect(validatePattern(c(['--a', '--b']), { spec: { args: ['--*'] } }).status).toBe('pass');
    expect(validatePattern(c(['--a', 'x']), { spec: { args: ['--*'] } })).toEqual({
      status: 'fail',
      path: '/spec/args',
      message: "resource value '[--a x]' does not match '--*' at path /spec/args/",
    });
    expect(validatePattern(c([]), { spec: { args: ['--*'] } }).status).toBe('pass');
  });

  it('applies a scalar pattern to every element of a resource list', () => {
    expect(validatePattern({ spec: { ports: [80, 443] } }, { spec: { ports: '<1024' } }).status).toBe('pass');
    expect(validatePattern({ spec: { ports: [80, 8080] } }, { spec: { ports: '<1024' } }).status).toBe('fail');
  });

  it('passes an empty resource list against a map element', () => {
    expect(validatePattern({ spec: { containers: [] } }, { spec: { containers: [{ name: 'x' }] } }).status).toBe('pass');
  });

  it('fails when the resource has no list where the pattern has one', () => {
    expect(validatePattern({ spec: { containers: {} } }, { spec: { containers: [{ name: 'x' }] } })).toEqual({
      status: 'fail',
      path: '/spec/containers',
      message: 'validation rule failed at path /spec/containers/, resource does not satisfy the expected overlay pattern',
    });
  });

  it('fails on an empty pattern list', () => {
    expect(validatePattern({ spec: { a: [1] } }, { spec: { a: [] } })).toEqual({
      status: 'fail',
      path: '/spec/a',
      message: 'pattern Array empty',
    });
  });

  it('matches nested lists position by position and errors when the resource list is shorter', () => {
    const r = { m: [[1, 1], [3], [9]] }; // each inner scalar pattern applies to every inner element
    expect(validatePattern(r, { m: [[1], [3]] }).status).toBe('pass');
    expect(validatePattern(r, { m: [[1], [4]] })).toMatchObject({ status: 'fail', path: '/m/1' });
    expect(validatePattern(r, { m: [[1], [3], [9], [5]] })).toMatchObject({ status: 'error', path: '' });
  });

  it('validates maps nested in lists nested in maps', () => {
    const p = { spec: { template: { spec: { containers: [{ ports: [{ containerPort: '<10000' }] }] } } } };
    expect(validatePattern(deployment, p).status).toBe('pass');
    const q = { spec: { template: { spec: { containers: [{ ports: [{ containerPort: '<9000' }] }] } } } };
    expect(validatePattern(deployment, q)).toMatchObject({
      status: 'fail',
      path: '/spec/template/spec/containers/1/ports/0/containerPort',
    });
  });
});

describe('wildcards in metadata label and annotation keys', () => {
  it('expands a wildcard key to the matching resource key', () => {
    expect(validatePattern(deployment, { metadata: { labels: { 'app.kubernetes.io/*': 'web' } } }).status).toBe('pass');
    expect(validatePattern(deployment, { metadata: { labels: { 'app.kubernetes.io/*': 'db' } } })).toMatchObject({
      status: 'fail',
      path: '/metadata/labels/app.kubernetes.io~1name',
    });
  });

  it('keeps the anchor on an expanded key (docs: Flux v1 annotations)', () => {
    const p = { metadata: { '=(annotations)': { 'X(fluxcd.io/*)': '*?' } } };
    expect(validatePattern(deployment, p)).toMatchObject({ status: 'fail', path: '/metadata/annotations/fluxcd.io~1automated' });
    expect(validatePattern({ metadata: { annotations: { other: 'x' } } }, p).status).toBe('pass');
  });

  it('leaves an unmatched wildcard key literal, so it is missing', () => {
    expect(validatePattern(deployment, { metadata: { labels: { 'team.io/*': '?*' } } }).status).toBe('fail');
  });

  it('does not modify the pattern', () => {
    const p = { metadata: { labels: { 'app.kubernetes.io/*': 'web' } } };
    validatePattern(deployment, p);
    expect(Object.keys(p.metadata.labels)).toEqual(['app.kubernetes.io/*']);
  });
});

describe('root and unusual patterns', () => {
  it('compares scalars at the root', () => {
    expect(validatePattern('a', 'a').status).toBe('pass');
    expect(validatePattern('a', 'b')).toMatchObject({ status: 'fail', path: '' });
  });

  it('fails on a pattern value of unknown type', () => {
    expect(validatePattern({ a: 1 }, { a: undefined })).toMatchObject({ status: 'fail', path: '/a' });
  });

  it('does not read inherited properties of resource objects', () => {
    expect(validatePattern({}, { constructor: '*' }).status).toBe('fail');
    expect(validatePattern({}, { 'X(toString)': null }).status).toBe('pass');
  });
});
