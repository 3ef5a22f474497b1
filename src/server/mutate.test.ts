/** POST /mutate returns admit()'s patch; POST /validate evaluates the object as sent (it never mutates). */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionReview } from '../../test/integration/fixtures/reviews.js';
import { applyJsonPatch, type JsonPatchOp } from '../engine/patch/index.js';
import { testApp, type TestApp } from './test-helpers.js';

type Response = { uid: string; allowed: boolean; patch?: string; patchType?: string; warnings?: string[]; status?: { code: number; message: string } };

const policy = (name: string, spec: string) => `apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

// Adds team: platform when the label is missing (+() is Kyverno's add-if-not-present anchor), then
// requires it: the webhook pair must allow a Pod without the label, the CLI-style single pass too.
const addTeam = policy('add-team', `  validationFailureAction: Enforce
  rules:
    - name: add-team
      match: { any: [{ resources: { kinds: [Pod] } }] }
      mutate:
        patchStrategicMerge:
          metadata:
            labels:
              +(team): platform
    - name: require-team
      match: { any: [{ resources: { kinds: [Pod] } }] }
      validate:
        message: pods need a team label
        pattern: { metadata: { labels: { team: "?*" } } }
`);

// A mutate rule whose variable cannot be resolved: an error, which failurePolicy turns into deny or warning.
const broken = (name: string, failurePolicy: string, kind: string) =>
  policy(name, `  failurePolicy: ${failurePolicy}
  rules:
    - name: copy-owner
      match: { any: [{ resources: { kinds: [${kind}] } }] }
      mutate:
        patchStrategicMerge:
          metadata:
            labels:
              owner: "{{ request.object.metadata.annotations.owner }}"
`);

let t: TestApp;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'guardrail-mutate-'));
  await writeFile(join(dir, 'add-team.yaml'), addTeam);
  await writeFile(join(dir, 'strict.yaml'), broken('strict-owner', 'Fail', 'Deployment'));
  await writeFile(join(dir, 'lenient.yaml'), broken('lenient-owner', 'Ignore', 'StatefulSet'));
  t = await testApp(dir);
  expect(t.store.status().files.filter((f) => f.state !== 'ok')).toEqual([]);
});
afterAll(async () => {
  t.store.stop();
  await t.app.close();
});

async function post(path: string, body: unknown): Promise<Response> {
  const res = await t.app.inject({ method: 'POST', url: path, payload: body as object });
  expect(res.statusCode).toBe(200);
  return (res.json() as { response: Response }).response;
}

const decodePatch = (r: Response): JsonPatchOp[] => JSON.parse(Buffer.from(r.patch ?? '', 'base64').toString('utf8')) as JsonPatchOp[];
const objectOf = (review: Record<string, unknown>) => (review.request as { object: Record<string, unknown> }).object;

describe('POST /mutate', () => {
  it('answers a base64 JSONPatch that turns the object into the mutated object', async () => {
    const review = admissionReview({ kind: 'Pod', operation: 'CREATE', labels: { app: 'web' } });
    const r = await post('/mutate', review);
    expect(r).toMatchObject({ allowed: true, patchType: 'JSONPatch' });
    const applied = applyJsonPatch(objectOf(review), decodePatch(r));
    expect(applied.ok).toBe(true);
    expect(applied.ok && (applied.doc as { metadata: { labels: unknown } }).metadata.labels).toEqual({ app: 'web', team: 'platform' });
  });

  it('omits patch and patchType when nothing changes', async () => {
    const r = await post('/mutate', admissionReview({ kind: 'Pod', operation: 'CREATE', labels: { team: 'payments' } }));
    expect(r.allowed).toBe(true);
    expect(r).not.toHaveProperty('patch');
    expect(r).not.toHaveProperty('patchType');
  });

  it('still returns the patch for a dryRun request (the verdict, not a side effect)', async () => {
    const r = await post('/mutate', admissionReview({ kind: 'Pod', operation: 'CREATE', labels: {}, dryRun: true }));
    expect(decodePatch(r)).toEqual([{ op: 'add', path: '/metadata/labels/team', value: 'platform' }]);
  });

  it('does not mutate on DELETE (Kyverno registers mutate rules for CREATE and UPDATE only)', async () => {
    const r = await post('/mutate', admissionReview({ kind: 'Pod', operation: 'DELETE', labels: {} }));
    expect(r).toEqual({ uid: expect.any(String), allowed: true });
  });

  it('denies on a mutate rule error when the policy has failurePolicy Fail', async () => {
    const r = await post('/mutate', admissionReview({ kind: 'Deployment', operation: 'CREATE', labels: {} }));
    expect(r).toMatchObject({ allowed: false, status: { code: 403 } });
    expect(r.status?.message).toContain('strict-owner');
    expect(r).not.toHaveProperty('patch');
  });

  it('allows with a warning on a mutate rule error when the policy has failurePolicy Ignore', async () => {
    const r = await post('/mutate', admissionReview({ kind: 'StatefulSet', operation: 'CREATE', labels: {} }));
    expect(r.allowed).toBe(true);
    expect(r.warnings).toEqual([expect.stringMatching(/^policy lenient-owner\.copy-owner: /)]);
    // add-team's autogen rule still labels the pod template; the failed rule adds nothing.
    expect(decodePatch(r).map((op) => op.path)).toEqual(['/spec/template/metadata/labels/team']);
  });
});

describe('POST /validate sees the object as the API server sends it', () => {
  it('does not mutate first: the raw object is denied, the object after /mutate is allowed', async () => {
    const review = admissionReview({ kind: 'Pod', operation: 'CREATE', labels: {} });
    const raw = await post('/validate', review);
    expect(raw.allowed).toBe(false);
    expect(raw.status?.message).toContain('require-team');
    const mutated = applyJsonPatch(objectOf(review), decodePatch(await post('/mutate', review)));
    if (!mutated.ok) throw new Error(mutated.message);
    const after = { ...review, request: { ...(review.request as object), object: mutated.doc } };
    expect((await post('/validate', after)).allowed).toBe(true);
  });

  it('reports no mutate results from /validate', async () => {
    await post('/validate', admissionReview({ kind: 'Pod', operation: 'CREATE', labels: { team: 'a' }, uid: 'v-1' }));
    const line = t.logs.findLast((l) => l.uid === 'v-1');
    expect(line).toMatchObject({ webhook: 'validate', results: { pass: 1, fail: 0, error: 0, skip: 0, warn: 0 } });
  });
});
