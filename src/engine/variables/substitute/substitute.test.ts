import { describe, expect, it } from 'vitest';
import { VariableError } from '../errors.js';
import { compileSubstitution, substituteVariables } from './substitute.js';

const data = {
  request: {
    namespace: 'foo',
    operation: 'CREATE',
    object: {
      metadata: { name: 'mypod', labels: { app: 'web', tier: null } },
      spec: { replicas: 3, containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
    },
  },
  key: 'app',
};

function errorOf(run: () => unknown): VariableError {
  try {
    run();
  } catch (e) {
    return e as VariableError;
  }
  throw new Error('expected an error');
}

describe('substituteVariables', () => {
  it('a string that is one variable yields the typed value', () => {
    expect(substituteVariables('{{request.object.spec.replicas}}', data)).toBe(3);
    expect(substituteVariables('{{ request.object.metadata.labels }}', data)).toEqual({ app: 'web', tier: null });
    expect(substituteVariables("{{ request.namespace == 'foo' }}", data)).toBe(true);
    expect(substituteVariables('{{ request.object.metadata.labels.tier }}', data)).toBeNull();
  });
  it('inside a longer string values are interpolated (non-strings as Go JSON)', () => {
    expect(substituteVariables('ns={{request.namespace}}', data)).toBe('ns=foo');
    expect(substituteVariables('n={{request.object.spec.replicas}}!', data)).toBe('n=3!');
    expect(substituteVariables('l={{request.object.metadata.labels}}', data)).toBe('l={"app":"web","tier":null}');
    expect(substituteVariables('{{request.namespace}}-{{request.object.metadata.name}}', data)).toBe('foo-mypod');
  });
  it('Go JSON sorts keys and escapes HTML characters', () => {
    expect(substituteVariables('x {{ `{"b":"<&>","a":1}` }}', {})).toBe('x {"a":1,"b":"\\u003c\\u0026\\u003e"}');
  });
  it('walks objects, arrays and keys', () => {
    const pattern = { metadata: { labels: { '{{key}}': '{{request.namespace}}' } }, list: ['{{request.object.spec.replicas}}', 'x'] };
    expect(substituteVariables(pattern, data)).toEqual({ metadata: { labels: { app: 'foo' } }, list: [3, 'x'] });
  });
  it('resolves nested variables inner first', () => {
    expect(substituteVariables('{{ request.object.metadata.labels.{{ key }} }}', data)).toBe('web');
  });
  it('leaves escaped variables literally, without the backslash', () => {
    expect(substituteVariables('\\{{ request.namespace }}', data)).toBe('{{ request.namespace }}');
    expect(substituteVariables('a \\{{x}} {{request.namespace}}', data)).toBe('a {{x}} foo');
  });
  it('returns the same reference when there is nothing to substitute', () => {
    const pattern = { spec: { containers: [{ image: '!*:latest' }] } };
    expect(substituteVariables(pattern, data)).toBe(pattern);
    const mixed = { a: { b: 'x' }, c: '{{request.namespace}}' };
    const out = substituteVariables(mixed, data) as typeof mixed;
    expect(out.a).toBe(mixed.a);
    expect(mixed.c).toBe('{{request.namespace}}');
  });
  it('an unknown key is an error with Kyverno wording and the path', () => {
    const err = errorOf(() =>
      substituteVariables({ metadata: { labels: { app: '{{ request.object.metadata.labels.missing }}' } } }, data, { path: '/validate/pattern' }),
    );
    expect(err).toBeInstanceOf(VariableError);
    expect(err.code).toBe('VARIABLE_NOT_FOUND');
    expect(err.path).toBe('/validate/pattern/metadata/labels/app');
    expect(err.message).toBe(
      'failed to resolve request.object.metadata.labels.missing at path /validate/pattern/metadata/labels/app: JMESPath query failed: Unknown key "missing" in path',
    );
  });
  it("onMissing 'null' substitutes null for unknown keys", () => {
    expect(substituteVariables('{{ request.object.nope }}', data, { onMissing: 'null' })).toBeNull();
    expect(substituteVariables('v={{ request.object.nope }}', data, { onMissing: 'null' })).toBe('v=null');
  });
  it('pipes, functions and || swallow unknown keys as Kyverno does', () => {
    expect(substituteVariables("{{ request.object.nope || 'dflt' }}", data)).toBe('dflt');
    expect(substituteVariables('{{ request.object.nope | length(@ || `[]`) }}', data)).toBe(0);
  });
  it('parse errors are JMESPATH_PARSE', () => {
    expect(errorOf(() => substituteVariables('{{ request.[ }}', data)).code).toBe('JMESPATH_PARSE');
  });
  it('{{@}} reads the data @ when given, else the path under request.object', () => {
    expect(substituteVariables('{{@}}', { '@': 'current' })).toBe('current');
    const p = { spec: { containers: [{ image: '{{@}}' }] } };
    expect(substituteVariables(p, data, { path: '/validate/pattern' })).toEqual({ spec: { containers: [{ image: 'nginx:1.25' }] } });
  });
  it('on DELETE, request.object reads request.oldObject', () => {
    const del = { request: { operation: 'DELETE', oldObject: { metadata: { name: 'old' } } } };
    expect(substituteVariables('{{ request.object.metadata.name }}', del)).toBe('old');
  });
  it('time functions use the injected clock and fail clearly without one', () => {
    const env = { now: () => new Date('2024-01-01T00:00:00Z') };
    expect(substituteVariables('{{ time_now_utc() }}', {}, { env })).toBe('2024-01-01T00:00:00Z');
    expect(errorOf(() => substituteVariables('{{ time_now_utc() }}', {})).message).toMatch(/pass an env with now\(\)/);
  });
});

describe('compileSubstitution', () => {
  const env = { now: () => new Date(0) };
  it('gives what substituteVariables gives for a literal (the same object) and for exactly one variable', () => {
    const literal = { a: [1, 'x'] };
    expect(compileSubstitution(literal)?.(data, env)).toBe(literal);
    for (const v of ['{{ request.object.spec.replicas }}', '{{request.object.metadata.labels}}', '{{ request.object.spec.containers[].name }}']) {
      expect(compileSubstitution(v)?.(data, env)).toEqual(substituteVariables(v, data, { env }));
    }
  });

  it('takes nothing that needs more than one search: interpolation, two variables, {{@}}, escapes, variables in objects', () => {
    for (const v of ['name-{{ request.namespace }}', '{{ request.namespace }}{{ request.operation }}', '{{@}}', '\\{{ request.namespace }}', { k: '{{ request.namespace }}' }]) {
      expect(compileSubstitution(v)).toBeNull();
    }
  });

  it('throws where the search fails', () => {
    expect(() => compileSubstitution('{{ request.object.nope.deeper }}')?.(data, env)).toThrow();
  });
});
