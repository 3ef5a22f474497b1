/** The evaluation budget: past it the answer follows failurePolicy instead of letting the API server time out. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionReview } from '../../test/integration/fixtures/reviews.js';
import { withDeadline } from './deadline.js';
import { testApp, type TestApp } from './test-helpers.js';

type Response = { allowed: boolean; warnings?: string[]; status?: { code: number; reason: string; message: string } };

// A rule that reads the API server through apiCall; the test's apiCall answers after SLOW_MS.
const lookupPolicy = (name: string, failurePolicy: string, kind: string) => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: ${name}
spec:
  validationFailureAction: Enforce
  failurePolicy: ${failurePolicy}
  rules:
    - name: lookup
      match: { any: [{ resources: { kinds: [${kind}] } }] }
      context:
        - name: namespaces
          apiCall:
            urlPath: /api/v1/namespaces
            jmesPath: "items[].metadata.name"
      validate:
        message: never
        deny:
          conditions:
            any:
              - key: "{{ length(namespaces) }}"
                operator: LessThan
                value: 0
`;

const SLOW_MS = 2_000;
const BUDGET_MS = 100;
let t: TestApp;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'guardrail-deadline-'));
  await writeFile(join(dir, 'strict.yaml'), lookupPolicy('strict-lookup', 'Fail', 'Deployment'));
  await writeFile(join(dir, 'lenient.yaml'), lookupPolicy('lenient-lookup', 'Ignore', 'StatefulSet'));
  const apiCall = async (): Promise<unknown> => {
    await new Promise((r) => setTimeout(r, SLOW_MS).unref());
    return { items: [{ metadata: { name: 'shop' } }] };
  };
  t = await testApp(dir, { evalTimeoutMs: BUDGET_MS, lookups: { apiCall } });
  expect(t.store.status().files.filter((f) => f.state !== 'ok')).toEqual([]);
});
afterAll(async () => {
  t.store.stop();
  await t.app.close();
});

async function timed(kind: string): Promise<{ ms: number; response: Response }> {
  const started = performance.now();
  const res = await t.app.inject({ method: 'POST', url: '/validate', payload: admissionReview({ kind, operation: 'CREATE', labels: {} }) });
  expect(res.statusCode).toBe(200);
  return { ms: performance.now() - started, response: (res.json() as { response: Response }).response };
}

describe('evaluation deadline', () => {
  it('denies with 504 Timeout naming the policy when its failurePolicy is Fail, within the budget', async () => {
    const { ms, response } = await timed('Deployment');
    expect(ms).toBeLessThan(SLOW_MS / 2);
    expect(response).toMatchObject({ allowed: false, status: { code: 504, reason: 'Timeout' } });
    expect(response.status?.message).toContain(`within ${BUDGET_MS} ms`);
    expect(response.status?.message).toContain('strict-lookup');
    expect(t.logs.at(-1)).toMatchObject({ msg: 'admission', timedOut: true, decision: 'denied' });
  });

  it('allows with a warning when every policy in play is Ignore', async () => {
    const { ms, response } = await timed('StatefulSet');
    expect(ms).toBeLessThan(SLOW_MS / 2);
    expect(response.allowed).toBe(true);
    expect(response.warnings?.[0]).toContain('failurePolicy Ignore');
  });
});

describe('withDeadline', () => {
  it('passes a result that arrives in time through', async () => {
    expect(await withDeadline(Promise.resolve(7), 1_000)).toEqual({ done: true, value: 7 });
  });

  it('passes a rejection that arrives in time through', async () => {
    await expect(withDeadline(Promise.reject(new Error('boom')), 1_000)).rejects.toThrow('boom');
  });

  it('answers { done: false } at the budget and ignores a late rejection (no unhandled rejection)', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const late = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('late')), 30));
      expect(await withDeadline(late, 5)).toEqual({ done: false });
      await new Promise((r) => setTimeout(r, 60));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
