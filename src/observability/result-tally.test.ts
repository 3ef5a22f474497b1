import { describe, expect, it } from 'vitest';
import { createMetrics, METRIC_NAMES } from './metrics.js';

async function resultValues(m: ReturnType<typeof createMetrics>): Promise<Array<{ labels: Record<string, unknown>; value: number }>> {
  const json = await m.registry.getMetricsAsJSON();
  const metric = json.find((x) => x.name === METRIC_NAMES.policyResults);
  return (metric?.values ?? []).map((v) => ({ labels: v.labels, value: v.value }));
}

describe('policy result tally', () => {
  it('shows batched counts on the counter at scrape time, by the same five labels', async () => {
    const m = createMetrics();
    for (let i = 0; i < 3; i++) m.policyResultTally.add('disallow-privileged', 'check', 'fail', 'Enforce', 'CREATE');
    m.policyResultTally.add('disallow-privileged', 'check', 'pass', '', 'UPDATE');
    const text = await m.registry.metrics();
    expect(text).toContain('guardrail_policy_results_total{policy="disallow-privileged",rule="check",status="fail",mode="Enforce",operation="CREATE"} 3');
    expect(text).toContain('guardrail_policy_results_total{policy="disallow-privileged",rule="check",status="pass",mode="",operation="UPDATE"} 1');
  });

  it('adds only what is new since the last scrape, and mixes with direct inc()', async () => {
    const m = createMetrics();
    m.policyResultTally.add('p', 'r', 'pass', 'Audit', 'CREATE');
    await m.registry.metrics();
    m.policyResultTally.add('p', 'r', 'pass', 'Audit', 'CREATE');
    m.policyResults.inc({ policy: 'p', rule: 'r', status: 'pass', mode: 'Audit', operation: 'CREATE' });
    expect(await resultValues(m)).toEqual([{ labels: { policy: 'p', rule: 'r', status: 'pass', mode: 'Audit', operation: 'CREATE' }, value: 3 }]);
    expect(await resultValues(m)).toEqual([{ labels: { policy: 'p', rule: 'r', status: 'pass', mode: 'Audit', operation: 'CREATE' }, value: 3 }]);
  });

  it('keeps label sets apart when values could collide if joined', async () => {
    const m = createMetrics();
    m.policyResultTally.add('a', 'b|c', 'pass', '', 'CREATE');
    m.policyResultTally.add('a|b', 'c', 'pass', '', 'CREATE');
    const values = await resultValues(m);
    expect(values).toHaveLength(2);
    expect(values.every((v) => v.value === 1)).toBe(true);
  });

  it('counts result objects: shared (frozen) ones by identity, others by their fields, into the same cells', async () => {
    const m = createMetrics();
    const shared = Object.freeze({ rule: 'check', status: 'pass' });
    for (let i = 0; i < 3; i++) m.policyResultTally.addResult('p', shared, 'CREATE');
    m.policyResultTally.addResult('p', { rule: 'check', status: 'pass' }, 'CREATE');
    m.policyResultTally.addResult('p', shared, 'UPDATE');
    m.policyResultTally.addResult('p', { rule: 'check', status: 'fail', action: 'Enforce' }, 'CREATE');
    m.policyResultTally.add('p', 'check', 'pass', '', 'CREATE');
    const values = await resultValues(m);
    expect(values).toEqual(
      expect.arrayContaining([
        { labels: { policy: 'p', rule: 'check', status: 'pass', mode: '', operation: 'CREATE' }, value: 5 },
        { labels: { policy: 'p', rule: 'check', status: 'pass', mode: '', operation: 'UPDATE' }, value: 1 },
        { labels: { policy: 'p', rule: 'check', status: 'fail', mode: 'Enforce', operation: 'CREATE' }, value: 1 },
      ]),
    );
    expect(values).toHaveLength(3);
  });

  it('keeps counting right after its identity cache is emptied (more shared results than it keeps)', async () => {
    const m = createMetrics();
    const results = Array.from({ length: 10_050 }, (_, i) => Object.freeze({ rule: `r${i % 10}`, status: 'pass' }));
    for (const r of results) m.policyResultTally.addResult('p', r, 'CREATE');
    for (const r of results.slice(0, 10)) m.policyResultTally.addResult('p', r, 'CREATE');
    const values = await resultValues(m);
    expect(values).toHaveLength(10);
    expect(values.reduce((sum, v) => sum + v.value, 0)).toBe(10_060);
  });

  it('counts a shared (frozen) responses array once per admission and adds its results at the scrape, as per-result adds would', async () => {
    const pass = Object.freeze({ rule: 'r1', status: 'pass' });
    const skip = Object.freeze({ rule: 'r2', status: 'skip' });
    const outcome = Object.freeze([Object.freeze({ policy: 'p', results: Object.freeze([pass, skip]) }), Object.freeze({ policy: 'q', results: Object.freeze([]) })]);
    const fresh = [{ policy: 'p', results: [{ rule: 'r1', status: 'fail', action: 'Enforce' }] }];
    const byOutcome = createMetrics();
    const byResult = createMetrics();
    for (let i = 0; i < 3; i++) byOutcome.policyResultTally.addResponses(outcome, 'CREATE');
    byOutcome.policyResultTally.addResponses(fresh, 'CREATE');
    for (let i = 0; i < 3; i++) for (const r of outcome) for (const rr of r.results) byResult.policyResultTally.addResult(r.policy, rr, 'CREATE');
    byResult.policyResultTally.addResult('p', { rule: 'r1', status: 'fail', action: 'Enforce' }, 'CREATE');
    // The same cells (created in another order).
    const sorted = (vs: Awaited<ReturnType<typeof resultValues>>) => vs.map((v) => JSON.stringify(v)).sort();
    expect(sorted(await resultValues(byOutcome))).toEqual(sorted(await resultValues(byResult)));
    expect(await resultValues(byOutcome)).toContainEqual({ labels: { policy: 'p', rule: 'r2', status: 'skip', mode: '', operation: 'CREATE' }, value: 3 });
    // Counted after a scrape: only the new admissions are added.
    byOutcome.policyResultTally.addResponses(outcome, 'CREATE');
    expect(await resultValues(byOutcome)).toContainEqual({ labels: { policy: 'p', rule: 'r1', status: 'pass', mode: '', operation: 'CREATE' }, value: 4 });
  });

  it('loses no count when its outcome map is emptied (more shared outcomes than it keeps)', async () => {
    const m = createMetrics();
    const pass = Object.freeze({ rule: 'r', status: 'pass' });
    const outcomes = Array.from({ length: 10_020 }, () => Object.freeze([Object.freeze({ policy: 'p', results: Object.freeze([pass]) })]));
    for (const o of outcomes) m.policyResultTally.addResponses(o, 'UPDATE');
    m.policyResultTally.addResponses(outcomes[0] as (typeof outcomes)[number], 'UPDATE');
    expect(await resultValues(m)).toEqual([{ labels: { policy: 'p', rule: 'r', status: 'pass', mode: '', operation: 'UPDATE' }, value: 10_021 }]);
  });
});
