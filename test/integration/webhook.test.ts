/** The real HTTPS webhook, called as the API server would: over TLS, trusting the generated CA. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionReview, PROTECTED_LABELS, seedReview, UNPROTECTED_LABELS } from './fixtures/reviews.js';
import { httpsRequest, postReview } from './https-client.js';
import { startTestServer, type TestServer } from './harness.js';

type Review = { apiVersion: string; kind: string; response: { uid: string; allowed: boolean; status?: { code: number; reason: string; message: string }; warnings?: string[] } };

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

describe('guardrail serve over HTTPS', () => {
  it('presents a certificate for 127.0.0.1 signed by the generated CA', async () => {
    const res = await httpsRequest(`${t.url}/livez`, { ca: t.ca });
    expect(res.status).toBe(200);
    expect(res.body).toBe('ok');
    expect(res.serial).not.toBe('');
  });

  it('denies the noncompliant seed Deployment naming the missing labels and the policy', async () => {
    const res = await postReview(`${t.url}/validate`, seedReview('noncompliant'), t.ca);
    expect(res.status).toBe(200);
    const review = res.json<Review>();
    expect(review).toMatchObject({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' });
    expect(review.response).toMatchObject({ uid: '6c1e0f3a-2b7d-4f59-8a61-93d2c4e5f702', allowed: false, status: { code: 403 } });
    expect(review.response.status).not.toHaveProperty('reason');
    for (const word of ['require-data-protection-labels', 'dataprotection', 'immutable', 'Deployment/nginx/nginx-deployment']) {
      expect(review.response.status?.message).toContain(word);
    }
  });

  it('allows the compliant seed Deployment', async () => {
    const res = await postReview(`${t.url}/validate`, seedReview('compliant'), t.ca);
    expect(res.json<Review>().response.allowed).toBe(true);
  });

  it.each([
    ['Deployment', 'CREATE', false],
    ['StatefulSet', 'CREATE', false],
    ['Pod', 'CREATE', true],
    ['Deployment', 'UPDATE', false],
    ['StatefulSet', 'UPDATE', false],
    ['Pod', 'UPDATE', true],
    ['Deployment', 'DELETE', true],
    ['StatefulSet', 'DELETE', true],
    ['Pod', 'DELETE', true],
  ] as const)('%s %s without the labels (over compliant old object) -> allowed %s', async (kind, operation, allowed) => {
    const body = admissionReview({ kind, operation, labels: UNPROTECTED_LABELS, ...(operation === 'UPDATE' ? { oldLabels: PROTECTED_LABELS } : {}) });
    const res = await postReview(`${t.url}/validate`, body, t.ca);
    expect(res.status).toBe(200);
    expect(res.json<Review>().response).toMatchObject({ uid: (body.request as { uid: string }).uid, allowed });
  });

  // Admissions that arrive together are evaluated and answered as a group (src/server/turn-batch.ts):
  // each answer must still be its own request's.
  it('answers concurrent admissions each with its own uid and verdict', async () => {
    const bodies = Array.from({ length: 40 }, (_, i) =>
      admissionReview({ kind: i % 3 === 0 ? 'StatefulSet' : 'Deployment', operation: 'CREATE', labels: i % 2 === 0 ? UNPROTECTED_LABELS : PROTECTED_LABELS, uid: `concurrent-${i}` }),
    );
    const answers = await Promise.all(bodies.map((b) => postReview(`${t.url}/validate`, b, t.ca)));
    answers.forEach((res, i) => {
      expect(res.status).toBe(200);
      const response = res.json<Review>().response;
      expect(response).toMatchObject({ uid: `concurrent-${i}`, allowed: i % 2 === 1 });
      if (i % 2 === 0) expect(response.status?.message).toContain(`${i % 3 === 0 ? 'StatefulSet' : 'Deployment'}/shop/`);
    });
  });

  it('answers a dry-run request with the same decision', async () => {
    const res = await postReview(`${t.url}/validate`, admissionReview({ kind: 'Deployment', operation: 'CREATE', labels: UNPROTECTED_LABELS, dryRun: true }), t.ca);
    expect(res.json<Review>().response.allowed).toBe(false);
  });

  it('allows an unknown kind', async () => {
    const res = await postReview(`${t.url}/validate`, admissionReview({ kind: 'Widget', operation: 'CREATE', labels: UNPROTECTED_LABELS }), t.ca);
    expect(res.json<Review>().response).toMatchObject({ allowed: true });
  });

  it('answers a malformed body with HTTP 400', async () => {
    const res = await httpsRequest(`${t.url}/validate`, { ca: t.ca, body: '{not json' });
    expect(res.status).toBe(400);
    expect(res.json<Review>().response.status?.reason).toBe('GR_ADMISSION_MALFORMED_BODY');
  });

  it('answers an oversized body with HTTP 413 and a clear error', async () => {
    const big = JSON.stringify(admissionReview({ kind: 'ConfigMap', operation: 'CREATE', object: { kind: 'ConfigMap', data: { x: 'y'.repeat(8 * 1024 * 1024) } } }));
    const res = await httpsRequest(`${t.url}/validate`, { ca: t.ca, body: big });
    expect(res.status).toBe(413);
    expect(res.json<Review>().response.status).toMatchObject({ code: 413, reason: 'GR_ADMISSION_BODY_TOO_LARGE' });
  });

  it('exposes the metrics with the expected names', async () => {
    const text = (await httpsRequest(`${t.url}/metrics`, { ca: t.ca })).body;
    for (const name of ['guardrail_admission_requests_total', 'guardrail_admission_review_duration_seconds', 'guardrail_policy_results_total', 'guardrail_policies_loaded', 'guardrail_certificate_expiry_timestamp_seconds']) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toContain('guardrail_policies_loaded 1');
    expect(text).toContain('guardrail_process_cpu_seconds_total');
  });

  it('reports ready with policies and certificates', async () => {
    const res = await httpsRequest(`${t.url}/readyz?verbose`, { ca: t.ca });
    expect(res.status).toBe(200);
    expect(res.body).toContain('[+]certificates ok');
    expect(res.body).toContain('[+]policies ok: 1 policies');
  });
});
