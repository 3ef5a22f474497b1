/**
 * One engine, two doors: every qualifying Kyverno conformance case (see two-doors/cases.ts) goes through
 * the webhook app (AdmissionReview CREATE per resource, fastify inject(), a policy store holding exactly
 * the case's policy files) and through `guardrail apply`'s library on the same files. The rule statuses
 * per resource, policy and rule must be identical. Enforce vs Audit is not compared (the webhook turns it
 * into allow/deny; the statuses are what both doors share), nor messages.
 */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPolicies } from '../../src/apply/index.js';
import type { PolicyResponse } from '../../src/engine/index.js';
import { createLogger, createMetrics } from '../../src/observability/index.js';
import { defaultPolicySetOptions } from '../../src/policies-engine.js';
import { loadInputs } from '../../src/policy/index.js';
import { buildApp, createPolicyStore } from '../../src/server/index.js';
import { conformanceRoot, selectCases, type DoorCase } from './two-doors/cases.js';
import { createReview } from './two-doors/reviews.js';

const NOW = new Date('2025-01-15T12:00:00Z');
const root = conformanceRoot();

function statuses(responses: readonly PolicyResponse[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of responses ?? []) for (const rr of r.results) out[`${r.policy}/${rr.rule}`] = rr.status;
  return out;
}

/** The webhook door: one verdict map per resource document, in document order. */
async function throughWebhook(c: DoorCase): Promise<Array<{ ref: string; statuses: Record<string, string> }>> {
  const dir = await mkdtemp(join(tmpdir(), 'guardrail-doors-'));
  await Promise.all(c.policies.map((p, i) => copyFile(p, join(dir, `${i}-${basename(p)}`))));
  const store = createPolicyStore({ dir, policySetOptions: defaultPolicySetOptions(), pollIntervalMs: 3_600_000 });
  await store.start();
  const seen = new Map<string, PolicyResponse[]>();
  const { app } = buildApp({
    policies: store,
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics(),
    now: () => NOW,
    onAdmitted: (e) => seen.set(e.request.uid, e.responses),
  });
  const inputs = await loadInputs(c.resources, { positions: 'start' });
  const out: Array<{ ref: string; statuses: Record<string, string> }> = [];
  for (const [i, doc] of inputs.docs.entries()) {
    const resource = doc.value as Record<string, unknown>;
    const res = await app.inject({ method: 'POST', url: '/validate', payload: createReview(resource, `u-${i}`) });
    if (res.statusCode !== 200) throw new Error(`${c.name}: HTTP ${res.statusCode} ${res.body}`);
    out.push({ ref: refOf(resource), statuses: statuses(seen.get(`u-${i}`)) });
  }
  store.stop();
  await app.close();
  return out;
}

function refOf(resource: Record<string, unknown>): string {
  const meta = (resource.metadata ?? {}) as { name?: string; namespace?: string };
  return `${String(resource.kind)}/${meta.namespace ?? ''}/${meta.name ?? ''}`;
}

describe.skipIf(root === undefined)('one engine, two doors (webhook vs guardrail apply)', () => {
  it('gives identical rule statuses on every qualifying conformance case', async () => {
    const { cases, skipped } = await selectCases(root ?? '');
    expect(cases.length).toBeGreaterThan(0);
    const mismatches: string[] = [];
    let compared = 0;
    const byStatus: Record<string, number> = {};
    for (const c of cases) {
      const webhook = await throughWebhook(c);
      const cli = await applyPolicies({ policies: c.policies, resources: c.resources, now: () => NOW, policySetOptions: defaultPolicySetOptions() });
      expect(webhook.length, c.name).toBe(cli.entries.length);
      for (const [i, entry] of cli.entries.entries()) {
        compared++;
        const w = webhook[i];
        const a = statuses(entry.responses);
        for (const st of Object.values(w?.statuses ?? {})) byStatus[st] = (byStatus[st] ?? 0) + 1;
        if (JSON.stringify(sorted(w?.statuses ?? {})) !== JSON.stringify(sorted(a))) {
          mismatches.push(`${c.name} ${w?.ref}: webhook ${JSON.stringify(sorted(w?.statuses ?? {}))} vs apply ${JSON.stringify(sorted(a))}`);
        }
      }
    }
    console.log(`two doors: ${compared} resources compared across ${cases.length} conformance cases (${skipped} cases need CLI-only inputs or other rule types); webhook rule statuses ${JSON.stringify(byStatus)}`);
    expect(mismatches).toEqual([]);
    // The comparison is only worth something if the doors produced verdicts of both kinds.
    expect(byStatus.pass ?? 0).toBeGreaterThan(0);
    expect(byStatus.fail ?? 0).toBeGreaterThan(0);
  }, 300_000);
});

function sorted(o: Record<string, string>): Array<[string, string]> {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
