/**
 * Measures the engine against Kyverno's own policies and expected results (../shared/conformance, read
 * only). The thresholds are the acceptance lines of the engine issues; the per-feature counts are printed
 * so a regression shows where it happened. Nothing here knows any corpus file by name.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicySetOptions } from '../../src/policies-engine.js';
import { runTests, type TestRunReport } from '../../src/testrun/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env.GUARDRAIL_CONFORMANCE ?? path.resolve(repo, '../shared/conformance');

function rate(report: TestRunReport, features: readonly string[]): { ok: number; total: number; ratio: number } {
  const rows = report.results.filter((r) => features.includes(r.feature));
  const ok = rows.filter((r) => r.ok).length;
  return { ok, total: rows.length, ratio: rows.length === 0 ? 0 : ok / rows.length };
}

describe.runIf(existsSync(corpus))('Kyverno conformance corpus', () => {
  let report: TestRunReport;
  beforeAll(async () => {
    report = await runTests([corpus], { policySetOptions: defaultPolicySetOptions() });
    const byFeature = new Map<string, { ok: number; total: number }>();
    for (const r of report.results) {
      const f = byFeature.get(r.feature) ?? { ok: 0, total: 0 };
      f.total++;
      if (r.ok) f.ok++;
      byFeature.set(r.feature, f);
    }
    console.log([...byFeature.entries()].map(([f, c]) => `${f}: ${c.ok}/${c.total}`).join('\n'));
  }, 120_000);

  it('loads every test file without input problems', () => {
    expect(report.problems).toEqual([]);
    expect(report.summary.tests).toBeGreaterThan(300);
  });

  it('passes at least 97% of classic validate results (pattern, anyPattern, deny, foreach, context)', () => {
    const r = rate(report, ['validate', 'apiCall']);
    expect(r.total).toBeGreaterThan(900);
    expect(r.ratio).toBeGreaterThanOrEqual(0.97);
  });

  it('passes at least 97% of validate.cel results', () => {
    const r = rate(report, ['validate.cel']);
    expect(r.total).toBeGreaterThan(700);
    expect(r.ratio).toBeGreaterThanOrEqual(0.97);
  });

  it('passes most ValidatingPolicy and ValidatingAdmissionPolicy results', () => {
    const r = rate(report, ['ValidatingPolicy', 'ValidatingAdmissionPolicy']);
    expect(r.total).toBeGreaterThan(700);
    expect(r.ratio).toBeGreaterThanOrEqual(0.9);
  });
});

it('finds the conformance corpus in CI', () => {
  if (process.env.CI === 'true') expect(existsSync(corpus)).toBe(true);
});
