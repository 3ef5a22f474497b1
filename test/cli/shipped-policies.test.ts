/** The shipped guardrails carry Kyverno tests of their own; every expected result must hold. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { defaultPolicySetOptions } from '../../src/policies-engine.js';
import { runTests } from '../../src/testrun/index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

it('every shipped policy passes its own kyverno-test.yaml', async () => {
  const report = await runTests([path.join(repo, 'policies')], { policySetOptions: defaultPolicySetOptions() });
  expect(report.problems).toEqual([]);
  expect(report.summary.tests).toBeGreaterThanOrEqual(5);
  expect(report.results.filter((r) => !r.ok)).toEqual([]);
});

it('the pod-security examples pass their kyverno-test.yaml: the good pod passes every rule, each bad pod fails its rule', async () => {
  const report = await runTests([path.join(repo, 'examples/pod-security')], { policySetOptions: defaultPolicySetOptions() });
  expect(report.problems).toEqual([]);
  expect(report.summary.results).toBe(22);
  expect(report.results.filter((r) => !r.ok)).toEqual([]);
});
