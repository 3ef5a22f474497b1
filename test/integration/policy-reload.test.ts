/** Editing the policy folder while serving: a broken edit keeps the last good version, a new file takes effect. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionReview, UNPROTECTED_LABELS } from './fixtures/reviews.js';
import { httpsRequest, postReview } from './https-client.js';
import { startTestServer, waitFor, type TestServer } from './harness.js';

type Review = { response: { allowed: boolean; status?: { message: string } } };

const POLICY_FILE = 'require-data-protection-labels.yaml';
const podPolicy = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-pod-team
spec:
  validationFailureAction: Enforce
  rules:
    - name: team
      match:
        any:
          - resources:
              kinds: [Pod]
      validate:
        message: pods need a team label
        pattern:
          metadata:
            labels:
              team: "?*"
`;

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const decide = async (kind: string): Promise<Review['response']> =>
  (await postReview(`${t.url}/validate`, admissionReview({ kind, operation: 'CREATE', labels: UNPROTECTED_LABELS }), t.ca)).json<Review>().response;
const readyz = async (): Promise<{ status: number; body: string }> => httpsRequest(`${t.url}/readyz?verbose`, { ca: t.ca });

describe('policy folder hot reload', () => {
  it('keeps serving the last good version when a file turns invalid, and says so on /readyz?verbose', async () => {
    const file = join(t.policiesDir, POLICY_FILE);
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('validationFailureAction: Enforce', 'validationFailureAction: Enforce\n  bogusField: 1'));
    await waitFor(async () => (await readyz()).body.includes('[!]policy-file'), 10_000, 'the rejected file on /readyz');
    const ready = await readyz();
    expect(ready.status).toBe(200);
    expect(ready.body).toContain(`[!]policy-file ${file}: rejected, serving its last good version (1 policies)`);
    expect(ready.body).toContain('SCHEMA_UNKNOWN_FIELD');
    expect(ready.body).toMatch(/require-data-protection-labels\.yaml:\d+:\d+/);
    expect((await decide('Deployment')).allowed).toBe(false);
    expect(t.logs.some((l) => l.msg === 'policy file rejected; serving its last good version')).toBe(true);
    await writeFile(file, good);
    await waitFor(async () => !(await readyz()).body.includes('[!]policy-file'), 10_000, 'the file to recover');
  });

  it('applies a new valid file', async () => {
    expect((await decide('Pod')).allowed).toBe(true);
    await writeFile(join(t.policiesDir, 'pod-team.yaml'), podPolicy);
    await waitFor(async () => !(await decide('Pod')).allowed, 10_000, 'the new policy to apply');
    expect((await decide('Pod')).status?.message).toContain('require-pod-team:');
    expect((await readyz()).body).toContain('[+]policies ok: 2 policies');
  });
});
