/**
 * The compiled checks on hand-written cases of the anchor semantics
 * (https://kyverno.io/docs/policy-types/cluster-policy/validate/#anchors), each run through both compiled
 * forms and compared with the interpreter's status.
 */
import { describe, expect, it } from 'vitest';
import { matchPattern } from '../index.js';
import { generatePatternCheck } from './codegen.js';
import { compileNode } from './compile.js';
import { FAST_FAIL, FAST_PASS, FAST_SKIP, type FastStatus } from './status.js';

const STATUS: Record<string, FastStatus> = { pass: FAST_PASS, skip: FAST_SKIP, fail: FAST_FAIL, error: FAST_FAIL };

function both(resource: unknown, pattern: unknown): FastStatus {
  const generated = generatePatternCheck(pattern);
  expect(generated).toBeDefined();
  const a = (generated as (r: unknown) => FastStatus)(resource);
  expect(compileNode(pattern)(resource)).toBe(a);
  expect(a).toBe(STATUS[matchPattern(resource, pattern).status]);
  return a;
}

const pod = (containers: unknown[], extra: Record<string, unknown> = {}) => ({ kind: 'Pod', metadata: { name: 'p' }, spec: { containers, ...extra } });

describe('compiled pattern checks', () => {
  it('equality anchors check a present value only', () => {
    const pattern = { spec: { containers: [{ '=(securityContext)': { '=(privileged)': 'false' } }] } };
    expect(both(pod([{ name: 'a' }]), pattern)).toBe(FAST_PASS);
    expect(both(pod([{ securityContext: { privileged: false } }]), pattern)).toBe(FAST_PASS);
    expect(both(pod([{ name: 'a' }, { securityContext: { privileged: true } }]), pattern)).toBe(FAST_FAIL);
    expect(both({ spec: {} }, pattern)).toBe(FAST_FAIL); // containers is a plain key: required
  });

  it('negation anchors fail on a present key, even null', () => {
    const pattern = { spec: { '=(volumes)': [{ 'X(hostPath)': 'null' }] } };
    expect(both(pod([], { volumes: [{ name: 'v', emptyDir: {} }] }), pattern)).toBe(FAST_PASS);
    expect(both(pod([], { volumes: [{ name: 'v', hostPath: null }] }), pattern)).toBe(FAST_FAIL);
  });

  it('condition anchors skip elements, and the rule when every element is skipped', () => {
    const pattern = { spec: { containers: [{ '(name)': 'web*', image: '!*:latest' }] } };
    expect(both(pod([{ name: 'db', image: 'x:latest' }]), pattern)).toBe(FAST_SKIP);
    expect(both(pod([{ name: 'db', image: 'x:latest' }, { name: 'web', image: 'x:1' }]), pattern)).toBe(FAST_PASS);
    expect(both(pod([{ name: 'web', image: 'x:latest' }]), pattern)).toBe(FAST_FAIL);
    expect(both(pod([]), pattern)).toBe(FAST_PASS);
  });

  it('global anchors skip the rule when present and not matching', () => {
    const pattern = { spec: { '<(type)': 'LoadBalancer', loadBalancerSourceRanges: '*' } };
    expect(both({ spec: { type: 'ClusterIP' } }, pattern)).toBe(FAST_SKIP);
    expect(both({ spec: { type: 'LoadBalancer' } }, pattern)).toBe(FAST_FAIL);
    expect(both({ spec: { type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8'] } }, pattern)).toBe(FAST_PASS);
  });

  it('existence anchors need one matching element per pattern element', () => {
    const pattern = { spec: { '^(containers)': [{ image: 'nginx:*' }] } };
    expect(both(pod([{ image: 'redis:7' }, { image: 'nginx:1' }]), pattern)).toBe(FAST_PASS);
    expect(both(pod([{ image: 'redis:7' }]), pattern)).toBe(FAST_FAIL);
    expect(both({ spec: { containers: 'x' } }, pattern)).toBe(FAST_FAIL);
  });

  it('compares scalars the way checkValue does: operators, ranges, quantities, numbers as strings', () => {
    expect(both({ a: '512Mi' }, { a: '<=1Gi' })).toBe(FAST_PASS);
    expect(both({ a: 3 }, { a: '1-5' })).toBe(FAST_PASS);
    expect(both({ a: 7 }, { a: '1-5' })).toBe(FAST_FAIL);
    expect(both({ a: '80' }, { a: 80 })).toBe(FAST_PASS);
    expect(both({ a: false }, { a: 'false | true' })).toBe(FAST_PASS);
    expect(both({ a: ['x', 'y'] }, { a: 'x | y' })).toBe(FAST_PASS);
    expect(both({ a: null }, { a: null })).toBe(FAST_PASS);
    expect(both({ a: 1.5 }, { a: '1.5' })).toBe(FAST_PASS); // both read as quantities
    expect(both({ a: 'web-1' }, { a: '>1' })).toBe(FAST_FAIL); // ordering never applies to words
  });

  it('rewrites wildcard metadata keys to the resource key they match', () => {
    const pattern = { '=(metadata)': { '=(annotations)': { '=(container.apparmor.security.beta.kubernetes.io/*)': 'runtime/default | localhost/*' } } };
    const annotated = (value: string) => ({ metadata: { annotations: { 'prometheus.io/scrape': 'true', 'container.apparmor.security.beta.kubernetes.io/web': value } } });
    expect(both(annotated('runtime/default'), pattern)).toBe(FAST_PASS);
    expect(both(annotated('localhost/mine'), pattern)).toBe(FAST_PASS);
    expect(both(annotated('unconfined'), pattern)).toBe(FAST_FAIL);
    expect(both({ metadata: { annotations: { 'prometheus.io/scrape': 'true' } } }, pattern)).toBe(FAST_PASS);
  });

  it('embeds keys that are not identifiers safely', () => {
    const pattern = { 'a"b\\c': { "'x'\u2028": 'y', '=(constructor)': 'z' } };
    expect(both({ 'a"b\\c': { "'x'\u2028": 'y' } }, pattern)).toBe(FAST_PASS);
    expect(both({ 'a"b\\c': { "'x'\u2028": 'y', constructor: 'q' } }, pattern)).toBe(FAST_FAIL);
    expect(both({ 'a"b\\c': {} }, pattern)).toBe(FAST_FAIL);
  });

  it('reads own keys only: present, null, undefined-valued, inherited and Object.prototype names', () => {
    const patterns = [
      { '=(securityContext)': { '=(privileged)': 'false' } },
      { '(app)': 'web', '=(toString)': 'x' },
      { '=(constructor)': 'z', name: '?*' },
      { 'X(hostPID)': 'null', '^(hasOwnProperty)': 'y' },
      { '+(labels)': { team: 'blue' }, '<(name)': 'web' },
    ];
    const resources: unknown[] = [
      { name: 'web', app: 'web', securityContext: { privileged: false } },
      { name: 'web', app: 'web', securityContext: { privileged: undefined } },
      { name: 'web', app: undefined, securityContext: undefined, hostPID: undefined },
      { name: 'web', app: null, securityContext: null, hostPID: null, labels: null },
      { name: 'web', constructor: 'z', toString: 'x', hasOwnProperty: 'y' },
      { name: 'web', constructor: 'q', toString: 'q' },
      Object.assign(Object.create(null) as object, { name: 'web', app: 'web', constructor: 'z' }),
      {},
    ];
    const outcomes = new Set<FastStatus>();
    for (const pattern of patterns) for (const r of resources) outcomes.add(both(r, pattern));
    // Every answer occurs, so the comparison covers passes, skips and failures.
    expect([...outcomes].sort()).toEqual([FAST_PASS, FAST_SKIP, FAST_FAIL].sort());
  });
});
