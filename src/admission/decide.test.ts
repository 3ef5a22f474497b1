import { describe, expect, it } from 'vitest';
import type { PolicyResponse, RuleResult } from '../engine/index.js';
import { decide, type FailurePolicy } from './decide.js';

const ref = { kind: 'Deployment', namespace: 'ns', name: 'web' };
const rr = (rule: string, status: RuleResult['status'], extra: Partial<RuleResult> = {}): RuleResult => ({
  policy: 'p',
  rule,
  status,
  message: `${rule} message`,
  ruleType: 'validation',
  ...extra,
});
const resp = (policy: string, results: RuleResult[]): PolicyResponse => ({ policy, kind: 'ClusterPolicy', results });
const fp = (map: Record<string, FailurePolicy>) => (r: PolicyResponse) => map[r.policy] ?? 'Fail';

describe('decide', () => {
  it('allows when nothing fails and counts statuses', () => {
    const d = decide([resp('p', [rr('a', 'pass'), rr('b', 'skip')])], ref, fp({}));
    expect(d).toMatchObject({ allowed: true, warnings: [], counts: { pass: 1, skip: 1, fail: 0 } });
    expect(d.message).toBeUndefined();
  });

  it('blocks an Enforce failure, naming resource, policy, rule and fix', () => {
    const d = decide([resp('p', [rr('a', 'fail', { action: 'Enforce', fix: 'add label' })])], ref, fp({}));
    expect(d.allowed).toBe(false);
    expect(d.message).toContain('resource Deployment/ns/web was blocked');
    expect(d.message).toContain('p:\n  a: a message\n    fix: add label');
    expect(d.blocking).toEqual(['p/a']);
  });

  it('allows Audit failures and warn results, returning them as warnings', () => {
    const d = decide([resp('p', [rr('a', 'fail', { action: 'Audit' }), rr('b', 'warn')])], ref, fp({}));
    expect(d).toMatchObject({ allowed: true, warnings: ['policy p.a: a message', 'policy p.b: b message'] });
  });

  it("follows the policy's failurePolicy for errors", () => {
    const responses = [resp('strict', [rr('e', 'error')]), resp('lenient', [rr('e', 'error')])];
    const d = decide(responses, ref, fp({ strict: 'Fail', lenient: 'Ignore' }));
    expect(d.allowed).toBe(false);
    expect(d.message).toContain('strict:\n  e: e message');
    expect(d.message).not.toContain('lenient');
    expect(d.warnings).toEqual(['policy lenient.e: e message']);
    expect(decide([resp('lenient', [rr('e', 'error')])], ref, fp({ lenient: 'Ignore' })).allowed).toBe(true);
  });

  it('keeps Audit warnings alongside a deny', () => {
    const d = decide([resp('p', [rr('a', 'fail', { action: 'Enforce' }), rr('b', 'fail', { action: 'Audit' })])], ref, fp({}));
    expect(d).toMatchObject({ allowed: false, warnings: ['policy p.b: b message'] });
  });

  it('decides a shared (frozen) outcome once: the same quiet allow for every request, frozen', () => {
    const outcome = Object.freeze([Object.freeze(resp('p', Object.freeze([Object.freeze(rr('a', 'pass'))]) as RuleResult[]))]);
    const first = decide(outcome, ref, fp({}));
    const second = decide(outcome, { kind: 'Deployment', namespace: 'other', name: 'api' }, fp({ p: 'Ignore' }));
    expect(second).toBe(first);
    expect(first).toMatchObject({ allowed: true, warnings: [], counts: { pass: 1 } });
    expect(Object.isFrozen(first.warnings) && Object.isFrozen(first.counts)).toBe(true);
  });

  it('decides afresh a shared outcome that warns or blocks, and any outcome that is not shared', () => {
    const warns = Object.freeze([Object.freeze(resp('p', [rr('a', 'fail', { action: 'Audit' })]))]);
    expect(decide(warns, ref, fp({}))).not.toBe(decide(warns, ref, fp({})));
    const blocks = Object.freeze([Object.freeze(resp('p', [rr('a', 'fail', { action: 'Enforce' })]))]);
    expect(decide(blocks, { kind: 'Deployment', namespace: 'ns', name: 'other' }, fp({})).message).toContain('Deployment/ns/other');
    const plain = [resp('p', [rr('a', 'pass')])];
    expect(decide(plain, ref, fp({}))).not.toBe(decide(plain, ref, fp({})));
  });
});
