/**
 * applyPolicies (the `guardrail apply` library): every resource of every file through the shared engine,
 * one entry per resource with its file and line (for SARIF and GitHub annotations); bad input is an
 * issue (exit 2), never a silent pass; `--audit-warn` turns Audit failures into warnings.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPolicies, countResults } from './index.js';

const POLICIES = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: disallow-latest
spec:
  validationFailureAction: Enforce
  rules:
  - name: no-latest
    match:
      any:
      - resources: {kinds: [Pod]}
    validate:
      message: use a pinned tag
      pattern:
        spec:
          containers:
          - image: "!*:latest"
---
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-team
spec:
  rules:
  - name: team
    match:
      any:
      - resources: {kinds: [Pod]}
    validate:
      message: label team is required
      pattern:
        metadata:
          labels:
            team: "?*"
`;

const RESOURCES = `apiVersion: v1
kind: Pod
metadata:
  name: good
  namespace: shop
  labels: {team: a}
spec:
  containers: [{name: c, image: "nginx:1.25"}]
---
apiVersion: v1
kind: Pod
metadata:
  name: bad
  namespace: shop
spec:
  containers: [{name: c, image: "nginx:latest"}]
`;

let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'guardrail-apply-'));
  await writeFile(file('policies.yaml'), POLICIES);
  await writeFile(file('pods.yaml'), RESOURCES);
  await writeFile(file('broken-policy.yaml'), 'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: {name: broken}\nspec:\n  rules:\n  - name: nothing\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('applyPolicies', () => {
  it('evaluates every resource against every policy, with the resource\'s file and line', async () => {
    const report = await applyPolicies({ policies: [file('policies.yaml')], resources: [file('pods.yaml')], now: () => new Date(0) });
    expect(report.issues).toEqual([]);
    expect(report.policyCount).toBe(2);
    expect(report.entries.map((e) => `${e.resource.kind}/${e.resource.namespace}/${e.resource.name}`)).toEqual(['Pod/shop/good', 'Pod/shop/bad']);
    expect(report.entries[0]?.resource).toMatchObject({ apiVersion: 'v1', file: file('pods.yaml') });
    expect(report.entries[0]?.resource.line).toBe(1);
    expect(report.entries[1]?.resource.line).toBeGreaterThanOrEqual(9);
    expect(report.entries[1]?.resource.line).toBeLessThanOrEqual(10);
    const bad = report.entries[1]?.responses.flatMap((r) => r.results.map((x) => `${r.policy}/${x.rule}:${x.status}:${x.action ?? ''}`));
    expect(bad).toEqual(['disallow-latest/no-latest:fail:Enforce', 'require-team/team:fail:Audit']);
    expect(countResults(report)).toEqual({ pass: 2, fail: 2, warn: 0, error: 0, skip: 0 });
  });

  it('auditWarn reports Audit failures as warnings and keeps Enforce failures', async () => {
    const report = await applyPolicies({ policies: [file('policies.yaml')], resources: [file('pods.yaml')], auditWarn: true });
    expect(countResults(report)).toEqual({ pass: 2, fail: 1, warn: 1, error: 0, skip: 0 });
  });

  it('an invalid policy is an input issue with its file and line, and is not evaluated', async () => {
    const report = await applyPolicies({ policies: [file('broken-policy.yaml')], resources: [file('pods.yaml')] });
    expect(report.issues.length).toBeGreaterThan(0);
    expect(report.issues[0]?.source).toMatchObject({ file: file('broken-policy.yaml'), line: 6 });
    expect(report.policyCount).toBe(0);
  });

  it('a missing values file is an input issue with its file', async () => {
    const report = await applyPolicies({ policies: [file('policies.yaml')], resources: [file('pods.yaml')], valuesFile: file('nope.yaml') });
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'FILE_NOT_FOUND', source: expect.objectContaining({ file: file('nope.yaml') }) }));
  });

  it('reads resources from stdin when given "-"', async () => {
    const report = await applyPolicies({ policies: [file('policies.yaml')], resources: ['-'], readStdin: async () => RESOURCES });
    expect(report.entries).toHaveLength(2);
  });
});
