import { describe, expect, it } from 'vitest';
import type { PolicyResponse } from '../../engine/index.js';
import { buildPolicyReport, reportSeverity, reportTimestamp, resultsOf } from './build-report.js';
import { createReportWriter } from './report-writer.js';
import type { PolicyReport } from './types.js';

const pod = { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'team-a', uid: 'u1' };
const response = (policy: string, statuses: Array<'pass' | 'fail' | 'warn' | 'error' | 'skip'>, namespace?: string): PolicyResponse => ({
  policy,
  kind: namespace ? 'Policy' : 'ClusterPolicy',
  ...(namespace ? { namespace } : {}),
  results: statuses.map((status, i) => ({ policy, rule: `r${i}`, status, message: `${status} message`, ruleType: 'validation' as const })),
});
const at = new Date('2025-03-01T10:00:00.250Z');
const meta = () => ({ severity: 'High', category: 'Pod Security' });

describe('PolicyReport builder', () => {
  it('builds wgpolicyk8s.io/v1alpha2 results with severity, category, resource and timestamp', () => {
    const results = resultsOf(pod, [response('require-team', ['fail'])], meta, at);
    expect(results).toEqual([
      {
        policy: 'require-team',
        rule: 'r0',
        result: 'fail',
        severity: 'high',
        category: 'Pod Security',
        message: 'fail message',
        scored: true,
        source: 'guardrail',
        resources: [pod],
        timestamp: { seconds: 1740823200, nanos: 250_000_000 },
      },
    ]);
  });

  it('names a namespaced Policy namespace/name and leaves out severities outside the CRD enum', () => {
    const results = resultsOf(pod, [response('p', ['pass'], 'team-a')], () => ({ severity: 'urgent' }), at);
    expect(results[0]?.policy).toBe('team-a/p');
    expect(results[0]).not.toHaveProperty('severity');
    expect(reportSeverity(' Medium ')).toBe('medium');
  });

  it('counts every status in the summary and picks the kind and name by scope', () => {
    const results = resultsOf(pod, [response('a', ['pass', 'fail', 'fail', 'warn', 'error', 'skip'])], meta, at);
    const ns = buildPolicyReport('team-a', results);
    expect(ns).toMatchObject({ apiVersion: 'wgpolicyk8s.io/v1alpha2', kind: 'PolicyReport', metadata: { name: 'polr-ns-team-a', namespace: 'team-a' } });
    expect(ns.summary).toEqual({ pass: 1, fail: 2, warn: 1, error: 1, skip: 1 });
    const cluster = buildPolicyReport(undefined, []);
    expect(cluster).toMatchObject({ kind: 'ClusterPolicyReport', metadata: { name: 'clusterpolicyreport' }, summary: { pass: 0, fail: 0 } });
    expect(cluster.metadata).not.toHaveProperty('namespace');
  });

  it('timestamps keep sub-second precision as nanos', () => {
    expect(reportTimestamp(new Date(1_500))).toEqual({ seconds: 1, nanos: 500_000_000 });
  });
});

describe('createReportWriter', () => {
  const sinkOf = () => {
    const written: PolicyReport[] = [];
    return { written, sink: { write: async (r: PolicyReport) => void written.push(r) } };
  };

  it('writes one report per namespace; a resource’s new results replace its old ones; DELETE removes them', async () => {
    const { written, sink } = sinkOf();
    const w = createReportWriter({ sink, metaOf: () => ({}) });
    w.record({ resource: pod, responses: [response('a', ['fail'])], at });
    w.record({ resource: { ...pod, uid: 'u2', name: 'api' }, responses: [response('a', ['pass'])], at });
    w.record({ resource: { apiVersion: 'v1', kind: 'Namespace', name: 'team-a' }, responses: [response('ns', ['pass'])], at });
    await w.flush();
    expect(written.map((r) => r.metadata.name).sort()).toEqual(['clusterpolicyreport', 'polr-ns-team-a']);
    w.record({ resource: pod, responses: [response('a', ['pass'])], at });
    await w.flush();
    const last = written.at(-1);
    expect(last?.metadata.name).toBe('polr-ns-team-a');
    expect(last?.summary).toMatchObject({ pass: 2, fail: 0 });
    w.record({ resource: pod, responses: [], at, deleted: true });
    await w.flush();
    expect(written.at(-1)?.results.map((r) => r.resources[0]?.name)).toEqual(['api']);
  });

  it('drops (and counts) when the queue is full, never throwing', () => {
    const drops: number[] = [];
    const w = createReportWriter({ sink: sinkOf().sink, metaOf: () => ({}), maxQueue: 2, onDrop: () => drops.push(1) });
    const entry = { resource: pod, responses: [response('a', ['pass'])], at };
    expect([w.record(entry), w.record(entry), w.record(entry)]).toEqual([true, true, false]);
    expect(w.dropped()).toBe(1);
    expect(drops).toHaveLength(1);
  });

  it('bounds a report, the oldest resources leaving first', async () => {
    const { written, sink } = sinkOf();
    const w = createReportWriter({ sink, metaOf: () => ({}), maxResultsPerReport: 3 });
    for (let i = 0; i < 5; i++) w.record({ resource: { ...pod, uid: `u${i}`, name: `p${i}` }, responses: [response('a', ['pass'])], at });
    await w.flush();
    expect(written.at(-1)?.results.map((r) => r.resources[0]?.name)).toEqual(['p2', 'p3', 'p4']);
  });

  it('retries a report whose write failed on the next flush', async () => {
    let fail = true;
    const names: string[] = [];
    const w = createReportWriter({
      sink: { write: async (r) => { if (fail) throw new Error('apiserver down'); names.push(r.metadata.name); } },
      metaOf: () => ({}),
      onError: () => undefined,
    });
    w.record({ resource: pod, responses: [response('a', ['pass'])], at });
    await w.flush();
    fail = false;
    await w.flush();
    expect(names).toEqual(['polr-ns-team-a']);
  });

  it('merges with the stored report through sink.update, so replicas and restarts keep each other’s results', async () => {
    const stored = new Map<string, PolicyReport['results']>();
    const sink = {
      write: async () => { throw new Error('not used when update exists'); },
      update: async (ns: string | undefined, change: (s: PolicyReport['results'] | undefined) => PolicyReport['results']) => {
        stored.set(ns ?? '', change(stored.get(ns ?? '')));
      },
    };
    const a = createReportWriter({ sink, metaOf: () => ({}) });
    const b = createReportWriter({ sink, metaOf: () => ({}) });
    a.record({ resource: pod, responses: [response('p', ['fail'])], at });
    b.record({ resource: { ...pod, name: 'api', uid: 'u2' }, responses: [response('p', ['pass'])], at });
    await a.flush();
    await b.flush();
    expect(stored.get('team-a')?.map((r) => `${r.resources[0]?.name}:${r.result}`).sort()).toEqual(['api:pass', 'web:fail']);
    b.record({ resource: pod, responses: [], at, deleted: true }); // b saw web's DELETE
    await b.flush();
    expect(stored.get('team-a')?.map((r) => r.resources[0]?.name)).toEqual(['api']);
  });
});
