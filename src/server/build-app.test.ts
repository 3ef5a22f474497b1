import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionReview, PROTECTED_LABELS, labelsPolicyDir, seedReview, UNPROTECTED_LABELS } from '../../test/integration/fixtures/reviews.js';
import type { AdmittedEvent } from './answer.js';
import { testApp, type TestApp } from './test-helpers.js';

type Review = { response: { uid: string; allowed: boolean; status?: { code: number; reason: string; message: string }; warnings?: string[]; patch?: string; patchType?: string } };

let t: TestApp;
const admitted: AdmittedEvent[] = [];

beforeAll(async () => {
  t = await testApp(await labelsPolicyDir(), { onAdmitted: (e) => admitted.push(e) });
});
afterAll(async () => {
  t.store.stop();
  await t.app.close();
});

async function post(path: string, body: unknown): Promise<{ status: number; review: Review }> {
  const res = await t.app.inject({ method: 'POST', url: path, payload: body as object });
  return { status: res.statusCode, review: res.json() as Review };
}

describe('POST /validate with the shipped data-protection policy', () => {
  it('denies the seed Deployment without data-protection labels, naming the policy and the labels', async () => {
    const { status, review } = await post('/validate', seedReview('noncompliant'));
    expect(status).toBe(200);
    expect(review.response).toMatchObject({ uid: '6c1e0f3a-2b7d-4f59-8a61-93d2c4e5f702', allowed: false, status: { code: 403 } });
    expect(review.response.status).not.toHaveProperty('reason');
    const message = review.response.status?.message ?? '';
    expect(message).toMatch(/^resource Deployment\/nginx\/nginx-deployment was blocked due to the following policies\n\nrequire-data-protection-labels:\n {2}require-backup-policy-label: /);
    expect(message).toContain('dataprotection');
    expect(message).toContain('immutable');
    expect(message).toContain('failed at path /metadata/labels/dataprotection/');
    expect(message).toContain('    fix: add the labels `dataprotection: k10-<policy>`');
  });

  it('allows the compliant seed Deployment', async () => {
    const { status, review } = await post('/validate', seedReview('compliant'));
    expect(status).toBe(200);
    expect(review.response).toEqual({ uid: (seedReview('compliant').request as { uid: string }).uid, allowed: true });
  });

  // Kyverno semantics: pattern rules are skipped on DELETE; on UPDATE an object that already violated the
  // rule is let through (allowExistingViolations, default true) while a new violation is blocked.
  it.each([
    ['Deployment', 'CREATE', UNPROTECTED_LABELS, undefined, false],
    ['Deployment', 'CREATE', PROTECTED_LABELS, undefined, true],
    ['Deployment', 'UPDATE', UNPROTECTED_LABELS, PROTECTED_LABELS, false],
    ['Deployment', 'UPDATE', UNPROTECTED_LABELS, UNPROTECTED_LABELS, true],
    ['Deployment', 'UPDATE', PROTECTED_LABELS, UNPROTECTED_LABELS, true],
    ['Deployment', 'DELETE', UNPROTECTED_LABELS, undefined, true],
    ['StatefulSet', 'CREATE', UNPROTECTED_LABELS, undefined, false],
    ['StatefulSet', 'CREATE', PROTECTED_LABELS, undefined, true],
    ['StatefulSet', 'UPDATE', UNPROTECTED_LABELS, PROTECTED_LABELS, false],
    ['StatefulSet', 'DELETE', UNPROTECTED_LABELS, undefined, true],
    ['Pod', 'CREATE', UNPROTECTED_LABELS, undefined, true],
    ['Pod', 'UPDATE', UNPROTECTED_LABELS, PROTECTED_LABELS, true],
    ['Pod', 'DELETE', UNPROTECTED_LABELS, undefined, true],
    ['Deployment', 'CREATE', { app: 'not-production' }, undefined, true],
  ] as const)('%s %s labels=%j old=%j -> allowed %s', async (kind, operation, labels, oldLabels, allowed) => {
    const body = admissionReview({ kind, operation, labels, ...(oldLabels ? { oldLabels } : {}) });
    const { status, review } = await post('/validate', body);
    expect(status).toBe(200);
    expect(review.response.uid).toBe((body.request as { uid: string }).uid);
    expect(review.response.allowed).toBe(allowed);
    if (!allowed) expect(review.response.status?.message).toContain(`resource ${kind}/shop/${kind.toLowerCase()}-a was blocked`);
  });

  it('answers admissions that arrive together (one group per turn) each with its own verdict, grouped or not', async () => {
    const straight = await testApp(await labelsPolicyDir(), { batchAdmissions: false });
    try {
      for (const app of [t.app, straight.app]) {
        const bodies = Array.from({ length: 24 }, (_, i) => admissionReview({ kind: 'Deployment', operation: i % 4 === 0 ? 'DELETE' : 'CREATE', labels: i % 2 === 0 ? UNPROTECTED_LABELS : PROTECTED_LABELS, uid: `together-${i}` }));
        const answers = await Promise.all(bodies.map((b) => app.inject({ method: 'POST', url: '/validate', payload: b as object })));
        answers.forEach((res, i) => expect((res.json() as Review).response).toMatchObject({ uid: `together-${i}`, allowed: i % 2 === 1 || i % 4 === 0 }));
      }
    } finally {
      straight.store.stop();
      await straight.app.close();
    }
  });

  it('allows an unknown kind: no policy applies', async () => {
    const { review } = await post('/validate', admissionReview({ kind: 'Widget', operation: 'CREATE', labels: UNPROTECTED_LABELS }));
    expect(review.response).toMatchObject({ allowed: true });
    expect(review.response.warnings).toBeUndefined();
  });

  it('decides dry-run requests the same way but calls no onAdmitted hook', async () => {
    admitted.length = 0;
    const dry = await post('/validate', admissionReview({ kind: 'Deployment', operation: 'CREATE', labels: UNPROTECTED_LABELS, dryRun: true }));
    expect(dry.review.response.allowed).toBe(false);
    expect(admitted).toHaveLength(0);
    await post('/validate', admissionReview({ kind: 'Deployment', operation: 'CREATE', labels: UNPROTECTED_LABELS, uid: 'real-1' }));
    expect(admitted.map((e) => [e.request.uid, e.allowed])).toEqual([['real-1', false]]);
  });
});

describe('bad requests', () => {
  it('answers malformed JSON with 400 and a stable code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/validate', payload: '{"apiVersion":', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ kind: 'AdmissionReview', response: { allowed: false, status: { code: 400, reason: 'GR_ADMISSION_MALFORMED_BODY' } } });
  });

  it('answers a wrong apiVersion with 400, echoing the uid', async () => {
    const body: Record<string, unknown> = { ...seedReview('compliant'), apiVersion: 'admission.k8s.io/v1beta1' };
    const { status, review } = await post('/validate', body);
    expect(status).toBe(400);
    expect(review.response).toMatchObject({ uid: (body.request as { uid: string }).uid, allowed: false, status: { reason: 'GR_ADMISSION_WRONG_API_VERSION' } });
  });

  it('answers a body over 7 MiB with 413 and a clear message', async () => {
    const big = admissionReview({ kind: 'ConfigMap', operation: 'CREATE', object: { apiVersion: 'v1', kind: 'ConfigMap', data: { blob: 'x'.repeat(7 * 1024 * 1024) } } });
    const res = await t.app.inject({ method: 'POST', url: '/validate', payload: JSON.stringify(big), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ response: { allowed: false, status: { code: 413, reason: 'GR_ADMISSION_BODY_TOO_LARGE', message: expect.stringContaining('7 MiB') } } });
  });

  it('accepts a body just under 7 MiB (an UPDATE of a large object)', async () => {
    const data = { blob: 'x'.repeat(3 * 1024 * 1024) };
    const body = admissionReview({ kind: 'ConfigMap', operation: 'CREATE', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data } });
    (body.request as Record<string, unknown>).oldObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data };
    (body.request as Record<string, unknown>).operation = 'UPDATE';
    expect((await post('/validate', body)).status).toBe(200);
  });

  it('answers a text body with 400 (malformed) and another media type with 415', async () => {
    const text = await t.app.inject({ method: 'POST', url: '/validate', payload: 'x', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'POST', url: '/validate', payload: '<x/>', headers: { 'content-type': 'application/xml' } });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ response: { status: { reason: 'GR_ADMISSION_UNSUPPORTED_MEDIA_TYPE' } } });
  });
});

describe('POST /mutate', () => {
  it('allows with no patch fields and echoes the uid', async () => {
    const { status, review } = await post('/mutate', seedReview('noncompliant'));
    expect(status).toBe(200);
    expect(review.response).toEqual({ uid: '6c1e0f3a-2b7d-4f59-8a61-93d2c4e5f702', allowed: true });
  });
});

describe('POST /validate/policy', () => {
  const policyReview = (object: unknown) => ({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: { uid: 'p-1', kind: { group: 'kyverno.io', version: 'v1', kind: 'ClusterPolicy' }, name: 'x', operation: 'CREATE', userInfo: {}, object },
  });

  it('denies a policy that does not validate, listing its problems', async () => {
    const bad = { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: 'x' }, spec: { rules: [{ name: 'r', match: { any: [{ resources: { kinds: ['Pod'] } }] } }] } };
    const { status, review } = await post('/validate/policy', policyReview(bad));
    expect(status).toBe(200);
    expect(review.response).toMatchObject({ uid: 'p-1', allowed: false, status: { code: 422, reason: 'Invalid' } });
    expect(review.response.status?.message).toContain('RULE_TYPE');
  });

  it('allows the shipped policy', async () => {
    const shipped = t.store.current().set.classic[0]?.source;
    expect((await post('/validate/policy', policyReview(shipped))).review.response).toEqual({ uid: 'p-1', allowed: true });
  });
});

describe('health and metrics', () => {
  it('is live and ready, with verbose checks', async () => {
    expect((await t.app.inject('/livez')).body).toBe('ok');
    expect((await t.app.inject('/readyz')).statusCode).toBe(200);
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
    const verbose = (await t.app.inject('/readyz?verbose')).body;
    expect(verbose).toContain('[+]policies ok: 1 policies compiled');
    expect(verbose).toContain('readyz check passed');
  });

  it('exposes the admission metrics without resource names', async () => {
    const text = (await t.app.inject('/metrics')).body;
    expect(text).toMatch(/guardrail_admission_requests_total\{webhook="validate",operation="CREATE",kind="apps\/v1\/Deployment",decision="denied"\} \d+/);
    expect(text).toContain('guardrail_admission_review_duration_seconds_bucket');
    expect(text).toMatch(/guardrail_policy_results_total\{policy="require-data-protection-labels",rule="require-backup-policy-label",status="fail",mode="Enforce",operation="CREATE"\} \d+/);
    expect(text).not.toContain('nginx-deployment');
  });

  it('logs one line per admission bound to the uid, with no object data', async () => {
    const before = t.logs.length;
    await post('/validate', seedReview('noncompliant'));
    const lines = t.logs.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'admission', uid: '6c1e0f3a-2b7d-4f59-8a61-93d2c4e5f702', decision: 'denied', kind: 'apps/v1/Deployment', results: { fail: 1 } });
    expect(typeof lines[0]?.durationMs).toBe('number');
    expect(t.rawLogs.slice(before).join('')).not.toContain('nginx:1.14.2');
  });

  it('never logs the data of a Secret', async () => {
    const before = t.rawLogs.length;
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'shop' }, data: { password: 'c3VwZXJzZWNyZXQ=' } };
    await post('/validate', admissionReview({ kind: 'Secret', operation: 'CREATE', object: secret }));
    expect(t.rawLogs.slice(before).join('')).not.toContain('c3VwZXJzZWNyZXQ=');
    expect(t.rawLogs.length).toBe(before + 1);
  });

  it('turns /readyz to 503 while draining', async () => {
    t.lifecycle.markDraining();
    const res = await t.app.inject('/readyz?verbose');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('[-]shutdown failed: draining for shutdown');
  });
});

describe('unexpected errors', () => {
  it('keeps the decision when the onAdmitted hook throws, logging the problem', async () => {
    const hooked = await testApp(await labelsPolicyDir(), { onAdmitted: () => { throw new Error('report sink down'); } });
    const res = await hooked.app.inject({ method: 'POST', url: '/validate', payload: seedReview('compliant') });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Review).response.allowed).toBe(true);
    expect(hooked.logs.at(-1)).toMatchObject({ msg: 'admission', hookError: 'report sink down' });
    hooked.store.stop();
    await hooked.app.close();
  });

  it('answers HTTP 500 with the uid echoed, so failurePolicy decides', async () => {
    const broken = await testApp(await labelsPolicyDir());
    const app = (await import('./build-app.js')).buildApp({
      policies: { current: () => { throw new Error('boom'); }, status: () => broken.store.status() },
      logger: (await import('../observability/index.js')).createLogger({ level: 'silent' }),
      metrics: broken.metrics,
    }).app;
    const res = await app.inject({ method: 'POST', url: '/validate', payload: seedReview('noncompliant') });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ response: { uid: '6c1e0f3a-2b7d-4f59-8a61-93d2c4e5f702', allowed: false, status: { code: 500, reason: 'GR_ADMISSION_INTERNAL' } } });
    broken.store.stop();
    await app.close();
    await broken.app.close();
  });
});
