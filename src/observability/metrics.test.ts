import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMetrics, METRIC_NAMES } from './metrics.js';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('metrics', () => {
  it('registers the documented admission metric names', async () => {
    const m = createMetrics();
    m.admissionRequests.inc({ webhook: 'validate', operation: 'CREATE', kind: 'Pod', decision: 'allowed' });
    const text = await m.registry.metrics();
    for (const name of ['guardrail_admission_requests_total', 'guardrail_admission_review_duration_seconds', 'guardrail_policy_results_total']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it('has no label that could carry a resource name or namespace', async () => {
    const m = createMetrics();
    const metrics = await m.registry.getMetricsAsJSON();
    const labels = new Set<string>();
    for (const metric of metrics) for (const v of metric.values) for (const l of Object.keys(v.labels)) labels.add(l);
    m.policyResults.inc({ policy: 'p', rule: 'r', status: 'fail', mode: 'Enforce', operation: 'CREATE' });
    const json = await m.registry.getMetricsAsJSON();
    for (const metric of json) for (const v of metric.values) for (const l of Object.keys(v.labels)) labels.add(l);
    expect([...labels].filter((l) => /name|namespace|resource/.test(l))).toEqual([]);
  });

  it('keeps every guardrail_ metric name in metrics.ts', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => !f.endsWith(join('observability', 'metrics.ts')))
      .filter((f) => /['"`]guardrail_[a-z_]+['"`]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
    expect(Object.values(METRIC_NAMES).every((n) => n.startsWith('guardrail_'))).toBe(true);
  });

  it('gives each call its own registry', () => {
    expect(() => {
      createMetrics();
      createMetrics();
    }).not.toThrow();
  });
});

describe('backup metrics', () => {
  it('exposes the last successful restore point time by policy, never by app', async () => {
    const m = createMetrics();
    m.backupLastSuccess.set({ policy: 'goldpolicy' }, 1_795_000_000);
    const text = await m.registry.metrics();
    expect(text).toContain('guardrail_backup_last_success_timestamp_seconds{policy="goldpolicy"} 1795000000');
    expect((await m.registry.getMetricsAsJSON()).find((x) => x.name === METRIC_NAMES.backupLastSuccess)).toBeDefined();
  });
});
