/** The AdmissionExtension beside the policy set: patch after the engine's, deny/warn only after an allow. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { admissionReview } from '../../test/integration/fixtures/reviews.js';
import { applyJsonPatch, type JsonPatchOp } from '../engine/patch/index.js';
import { testApp } from './test-helpers.js';

type Response = { allowed: boolean; patch?: string; warnings?: string[]; status?: { message: string } };

const addAnnotations = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: add-annotations}
spec:
  rules:
    - name: owner
      match: { any: [{ resources: { kinds: [Deployment] } }] }
      mutate:
        patchStrategicMerge:
          metadata:
            annotations:
              owner: platform
`;

const requireTeam = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata: {name: require-team}
spec:
  validationFailureAction: Enforce
  rules:
    - name: team
      match: { any: [{ resources: { kinds: [Deployment] } }] }
      validate:
        message: the team label is required
        pattern: { metadata: { labels: { team: "?*" } } }
`;

async function post(app: Awaited<ReturnType<typeof testApp>>['app'], path: string, body: unknown): Promise<Response> {
  const res = await app.inject({ method: 'POST', url: path, payload: body as Record<string, unknown> });
  return (res.json() as { response: Response }).response;
}

describe('admission extension', () => {
  it('sees the mutated object on /mutate and its operations apply after the engine patch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ext-'));
    await writeFile(join(dir, 'p.yaml'), addAnnotations);
    let seen: unknown;
    const t = await testApp(dir, {
      extension: {
        mutate: async (object) => {
          seen = object;
          return { patch: [{ op: 'add', path: '/metadata/annotations/bound', value: 'gold' }], warnings: ['ext warning'] };
        },
      },
    });
    const review = admissionReview({ kind: 'Deployment', operation: 'CREATE', labels: {} }) as { request: { object: unknown } };
    const r = await post(t.app, '/mutate', review);
    expect((seen as { metadata: { annotations: Record<string, string> } }).metadata.annotations).toEqual({ owner: 'platform' });
    const ops = JSON.parse(Buffer.from(r.patch ?? '', 'base64').toString()) as JsonPatchOp[];
    const patched = applyJsonPatch(review.request.object, ops);
    expect(patched.ok && (patched.doc as { metadata: { annotations: unknown } }).metadata.annotations).toEqual({ owner: 'platform', bound: 'gold' });
    expect(r.warnings).toContain('ext warning');
  });

  it('on /validate denies or warns only once the policies allowed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ext-'));
    const t = await testApp(dir, { extension: { validate: async () => ({ deny: 'data protection: policy "x" does not exist', warnings: ['w'] }) } });
    const r = await post(t.app, '/validate', admissionReview({ kind: 'Deployment', operation: 'CREATE', labels: {} }));
    expect(r).toMatchObject({ allowed: false, status: { message: 'data protection: policy "x" does not exist' }, warnings: ['w'] });
    const ok = await testApp(dir, { extension: { validate: async () => ({ warnings: ['backup policy gold: last restore point 3h ago, RPO 1h'] }) } });
    expect(await post(ok.app, '/validate', admissionReview({ kind: 'Deployment', operation: 'CREATE', labels: {} }))).toMatchObject({ allowed: true, warnings: ['backup policy gold: last restore point 3h ago, RPO 1h'] });
  });

  it('on /validate appends its hint to a policy deny, and neither denies nor warns on it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ext-'));
    await writeFile(join(dir, 'p.yaml'), requireTeam);
    const hint = 'backup policies that exist: gold';
    const t = await testApp(dir, { extension: { validate: async () => ({ warnings: ['not shown on a deny'], hint }) } });
    const r = await post(t.app, '/validate', admissionReview({ kind: 'Deployment', operation: 'CREATE', labels: {} }));
    expect(r.allowed).toBe(false);
    expect(r.status?.message).toMatch(/require-team/);
    expect(r.status?.message.endsWith(`\n\n${hint}`)).toBe(true);
    expect(r.warnings ?? []).not.toContain('not shown on a deny');
    const ok = await post(t.app, '/validate', admissionReview({ kind: 'Deployment', operation: 'CREATE', labels: { team: 'a' } }));
    expect(ok).toMatchObject({ allowed: true });
    expect(ok.status?.message ?? '').not.toContain(hint);
  });
});
