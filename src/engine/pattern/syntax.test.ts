import { describe, expect, it } from 'vitest';
import { PATTERN_ISSUE_CODES, validatePatternSyntax } from './index.js';

const codes = (pattern: unknown) => validatePatternSyntax(pattern, '/spec/rules/0/validate/pattern').map((i) => [i.code, i.path]);

describe('validatePatternSyntax', () => {
  it('accepts every documented anchor and operator', () => {
    const ok = {
      metadata: { labels: { 'app.kubernetes.io/*': '?*' }, '=(annotations)': { 'X(fluxcd.io/*)': '*?' } },
      spec: {
        replicas: '>=2 & <=10',
        '(hostNetwork)': true,
        '<(type)': 'LoadBalancer',
        '^(containers)': [{ image: 'nginx:*', resources: { limits: { memory: '<=2Gi', cpu: '1-4' } } }],
        ttl: '<1h | 0',
        port: '1!-1023',
        policy: '!Always',
        x: null,
        y: 3,
        z: false,
        v: '>{{ request.object.spec.min }}',
      },
    };
    expect(validatePatternSyntax(ok, '')).toEqual([]);
  });

  it('reports unknown and malformed anchors with the path of the key', () => {
    expect(codes({ spec: { '&(key)': 1, '(key': 2, 'X()': 3, 'x(hostPath)': 4 } })).toEqual([
      ['UNKNOWN_ANCHOR', '/spec/rules/0/validate/pattern/spec/&(key)'],
      ['MALFORMED_ANCHOR', '/spec/rules/0/validate/pattern/spec/(key'],
      ['MALFORMED_ANCHOR', '/spec/rules/0/validate/pattern/spec/X()'],
      ['UNKNOWN_ANCHOR', '/spec/rules/0/validate/pattern/spec/x(hostPath)'],
    ]);
  });

  it('reports the mutate-only +() anchor', () => {
    expect(codes({ spec: { '+(imagePullPolicy)': 'Always' } })).toEqual([
      ['UNSUPPORTED_ANCHOR', '/spec/rules/0/validate/pattern/spec/+(imagePullPolicy)'],
    ]);
  });

  it('reports existence anchors without a non-empty list of maps', () => {
    expect(codes({ '^(a)': 'x', '^(b)': [], '^(c)': ['x'] }).map((c) => c[0])).toEqual([
      'INVALID_EXISTENCE_ANCHOR',
      'INVALID_EXISTENCE_ANCHOR',
      'INVALID_EXISTENCE_ANCHOR',
    ]);
  });

  it('reports operators that can never match', () => {
    const p = { a: '>=', b: '<abc', c: '1-', d: '2!-', e: '1x-2y', f: 'ok | >= 3 & <= nope' };
    expect(codes(p).map((c) => String(c[1]).split('/').pop())).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(codes(p).every((c) => c[0] === 'INVALID_OPERATOR')).toBe(true);
  });

  it('reports values JSON cannot hold', () => {
    expect(codes({ a: () => 1 })).toEqual([['UNKNOWN_TYPE', '/spec/rules/0/validate/pattern/a']]);
  });

  it('escapes keys in pointers', () => {
    expect(validatePatternSyntax({ 'a/b': { '&(c)': 1 } }, '')[0]?.path).toBe('/a~1b/&(c)');
  });
});

describe('issue codes', () => {
  it('every declared code is produced by some pattern', () => {
    const samples = [{ '&(a)': 1 }, { '(a': 1 }, { '+(a)': 1 }, { '^(a)': [] }, { a: '>x' }, { a: Symbol('x') }];
    const produced = new Set(samples.flatMap((p) => validatePatternSyntax(p, '').map((i) => i.code)));
    expect([...produced].sort()).toEqual([...PATTERN_ISSUE_CODES].sort());
  });
});
