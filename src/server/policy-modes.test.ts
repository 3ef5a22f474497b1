import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admissionReview } from '../../test/integration/fixtures/reviews.js';
import { testApp, type TestApp } from './test-helpers.js';

const policy = (name: string, spec: string) => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: ${name}
spec:
${spec}`;

const teamRule = (message: string) => `  rules:
    - name: team
      match:
        any:
          - resources:
              kinds: [Pod]
      validate:
        message: "${message}"
        pattern:
          metadata:
            labels:
              team: "?*"
`;

// A rule that needs a ConfigMap: in local mode there is no cluster to read it from, so it errors.
const configMapRule = `  rules:
    - name: needs-configmap
      match:
        any:
          - resources:
              kinds: [Pod]
      context:
        - name: settings
          configMap:
            name: settings
            namespace: guardrail
      validate:
        message: blocked by settings
        deny:
          conditions:
            any:
              - key: "{{ settings.data.block }}"
                operator: Equals
                value: "yes"
`;

let t: TestApp;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'guardrail-modes-'));
  await writeFile(join(dir, 'audit.yaml'), policy('audit-team', `  validationFailureAction: Audit\n${teamRule('x'.repeat(300))}`));
  await writeFile(join(dir, 'strict.yaml'), policy('strict-settings', `  validationFailureAction: Enforce\n  failurePolicy: Fail\n${configMapRule}`));
  await writeFile(join(dir, 'lenient.yaml'), policy('lenient-settings', `  validationFailureAction: Enforce\n  failurePolicy: Ignore\n${configMapRule.replace('needs-configmap', 'needs-configmap-too')}`));
  t = await testApp(dir);
  expect(t.store.status().files.filter((f) => f.state !== 'ok')).toEqual([]);
});
afterAll(async () => {
  t.store.stop();
  await t.app.close();
});

describe('validation failure actions and failure policies', () => {
  it('returns Audit failures as warnings of at most 120 characters, and errors per failurePolicy', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/validate', payload: admissionReview({ kind: 'Pod', operation: 'CREATE', labels: {} }) });
    const review = res.json() as { response: { allowed: boolean; warnings?: string[]; status?: { message: string } } };
    // strict-settings errors with failurePolicy Fail: blocked, with the error in the message.
    expect(review.response.allowed).toBe(false);
    expect(review.response.status?.message).toContain('strict-settings:\n  needs-configmap:');
    expect(review.response.status?.message).not.toContain('audit-team');
    const warnings = review.response.warnings ?? [];
    expect(warnings.some((w) => w.startsWith('policy audit-team.team: '))).toBe(true);
    expect(warnings.some((w) => w.startsWith('policy lenient-settings.needs-configmap-too: '))).toBe(true);
    for (const w of warnings) expect(w.length).toBeLessThanOrEqual(120);
    expect(warnings.find((w) => w.startsWith('policy audit-team'))?.endsWith('...')).toBe(true);
  });
});
