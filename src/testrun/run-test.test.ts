/**
 * The `guardrail test` comparison, as `kyverno test` compares (https://kyverno.io/docs/kyverno-cli/usage/test/):
 * a rule named in the test also matches its autogen rules, a resource is `name` or `namespace/name`, a rule
 * missing from the policy is an error, a resource the rule does not select is `skip`.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTestFile, runTests, type TestRow } from './index.js';

const POLICY = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-app-label
spec:
  rules:
  - name: check-app
    match:
      any:
      - resources:
          kinds: [Pod]
    exclude:
      any:
      - resources:
          namespaces: [kube-system]
    validate:
      message: label app is required
      pattern:
        metadata:
          labels:
            app: "?*"
`;

const RESOURCES = `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: prod}  # no labels: the pattern fails at /metadata/labels/
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: v1
kind: Pod
metadata: {name: dns, namespace: kube-system}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: c, image: nginx}]}
`;

const TEST = `apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata: {name: labels}
policies: [policy.yaml]
resources: [resources.yaml]
results:
- {policy: require-app-label, rule: check-app, kind: Pod, resources: [shop/web], result: pass}
- {policy: require-app-label, rule: check-app, kind: Pod, resources: [prod/web], result: fail}
- {policy: require-app-label, rule: check-app, kind: Pod, resources: [dns], result: skip}
- {policy: require-app-label, rule: check-app, kind: Deployment, resources: [api], result: pass}
- {policy: require-app-label, rule: no-such-rule, kind: Pod, resources: [shop/web], result: pass}
- {policy: no-such-policy, rule: check-app, kind: Pod, resources: [shop/web], result: pass}
- {policy: require-app-label, rule: check-app, kind: Pod, resources: [ghost], result: pass}
- {policy: require-app-label, rule: check-app, kind: Pod, resources: [prod/web], result: pass}
`;

let dir: string;
let rows: TestRow[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'guardrail-testrun-'));
  await mkdir(path.join(dir, 'labels'));
  await writeFile(path.join(dir, 'labels', 'policy.yaml'), POLICY);
  await writeFile(path.join(dir, 'labels', 'resources.yaml'), RESOURCES);
  await writeFile(path.join(dir, 'labels', 'kyverno-test.yaml'), TEST);
  rows = (await runTestFile(path.join(dir, 'labels', 'kyverno-test.yaml'), 'labels/kyverno-test.yaml', { now: () => new Date(0) })).rows;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summary = (r: TestRow | undefined) => r && `${r.actual} ok=${r.ok}`;

describe('runTestFile comparison', () => {
  it('one row per expected result and resource, in order', () => {
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.test === 'labels/kyverno-test.yaml')).toBe(true);
  });

  it('resolves namespace/name references to the right resource', () => {
    expect(summary(rows[0])).toBe('pass ok=true');
    expect(summary(rows[1])).toBe('fail ok=true');
    expect(rows[1]?.message).toBe('validation error: label app is required. rule check-app failed at path /metadata/labels/');
  });

  it('a resource the rule excludes is skip', () => {
    expect(summary(rows[2])).toBe('skip ok=true');
  });

  it('the rule name matches the autogen rule of a Pod controller', () => {
    expect(summary(rows[3])).toBe('pass ok=true');
    expect(rows[3]?.feature).toBe('validate');
  });

  it('a rule missing from the policy is an error, not a pass', () => {
    expect(rows[4]).toMatchObject({ actual: 'error', ok: false });
    expect(rows[4]?.reason).toContain('no-such-rule');
  });

  it('a policy missing from the test is an error', () => {
    expect(rows[5]).toMatchObject({ actual: 'error', ok: false });
  });

  it('a resource missing from the test is notfound', () => {
    expect(rows[6]).toMatchObject({ actual: 'notfound', ok: false });
  });

  it('a wrong expectation is reported with want and got', () => {
    expect(rows[7]).toMatchObject({ actual: 'fail', ok: false, reason: 'Want pass, got fail' });
  });
});

describe('runTests', () => {
  it('finds test files recursively, names them relative to the root and counts the summary', async () => {
    const report = await runTests([dir], { now: () => new Date(0) });
    expect(report.summary).toEqual({ tests: 1, results: 8, passed: 4, failed: 4, unsupported: 0, errors: 2 });
    expect(new Set(report.results.map((r) => r.test))).toEqual(new Set(['labels/kyverno-test.yaml']));
    expect(report.problems).toEqual([]);
  });

  it('a folder that cannot be read, or holds no test, is a problem (exit 2), not a silent pass', async () => {
    const missing = await runTests([path.join(dir, 'nope')]);
    expect(missing.problems[0]?.message).toContain('cannot read');
    const emptyDir = await mkdtemp(path.join(tmpdir(), 'guardrail-empty-'));
    try {
      const empty = await runTests([emptyDir]);
      expect(empty.problems[0]?.message).toContain('no kyverno-test.yaml');
    } finally {
      await rm(emptyDir, { recursive: true, force: true });
    }
  });

  it('a test file naming a missing policy file reports the problem with the file name', async () => {
    const broken = path.join(dir, 'broken');
    await mkdir(broken, { recursive: true });
    await writeFile(path.join(broken, 'kyverno-test.yaml'), 'apiVersion: cli.kyverno.io/v1alpha1\nkind: Test\npolicies: [missing.yaml]\nresources: []\nresults: []\n');
    try {
      const report = await runTests([broken]);
      expect(report.problems.map((p) => p.message).join('\n')).toContain('missing.yaml');
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
