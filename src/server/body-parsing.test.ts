import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelsPolicyDir, seedReview } from '../../test/integration/fixtures/reviews.js';
import { testApp, type TestApp } from './test-helpers.js';

// fastify's application/json parser (secure-json-parse) rejects prototype poisoning with 400 and
// parses everything else; these pin that behaviour for the admission routes.
describe('POST /validate body parsing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(await labelsPolicyDir());
  });
  afterAll(async () => {
    t.store.stop();
    await t.app.close();
  });
  const post = (payload: string) => t.app.inject({ method: 'POST', url: '/validate', payload, headers: { 'content-type': 'application/json' } });

  it('answers a review whose labels say "constructor" (harmless) and echoes its uid', async () => {
    const review = seedReview('compliant') as { request: { uid: string; object: { metadata: { labels: Record<string, string> } } } };
    review.request.object.metadata.labels['role'] = 'constructor';
    const res = await post(JSON.stringify(review));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ response: { uid: review.request.uid, allowed: true } });
  });

  it('answers a __proto__ body (also escaped), constructor.prototype and a malformed body with 400 GR_ADMISSION_MALFORMED_BODY', async () => {
    for (const payload of ['{"__proto__":{}}', '{"\\u005f_proto__":{}}', '{"constructor":{"prototype":{}}}', '{"apiVersion":']) {
      const res = await post(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ kind: 'AdmissionReview', response: { allowed: false, status: { code: 400, reason: 'GR_ADMISSION_MALFORMED_BODY' } } });
    }
  });
});
