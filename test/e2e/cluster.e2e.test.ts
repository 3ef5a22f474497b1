/**
 * The harness itself: a real API server that kubectl talks to, at the pinned version, with the chart's
 * CRDs established and storing objects as structural schemas allow.
 */
import { describe, expect, it } from 'vitest';
import { e2eContext, readPins } from './harness/index.js';

const ctx = e2eContext();
const pins = readPins();

describe.skipIf(ctx.skip)('e2e cluster', () => {
  it('kubectl and the API server report the pinned Kubernetes version', async () => {
    const out = JSON.parse(await ctx.kubectl.ok(['version', '-o', 'json'])) as {
      clientVersion: { gitVersion: string };
      serverVersion: { gitVersion: string };
    };
    expect(out.serverVersion.gitVersion).toBe(pins.KUBE_VERSION);
    expect(out.clientVersion.gitVersion).toBe(pins.KUBE_VERSION);
  });

  it('installs every CRD in charts/guardrail/crds as Established', async () => {
    const out = await ctx.kubectl.ok(['get', 'crd', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\n"}{end}']);
    expect(out.trim().split('\n').sort()).toEqual([
      'backuppolicies.backup.guardrail.dev',
      'clusterpolicies.kyverno.io',
      'clusterpolicyreports.wgpolicyk8s.io',
      'locationprofiles.backup.guardrail.dev',
      'policies.kyverno.io',
      'policyexceptions.kyverno.io',
      'policyreports.wgpolicyk8s.io',
      'restorepoints.backup.guardrail.dev',
    ]);
  });

  it('keeps unknown fields of a Kyverno policy spec and types a PolicyReport summary', async () => {
    await ctx.kubectl.ok(['create', 'namespace', 'crd-check']);
    const report = [
      'apiVersion: wgpolicyk8s.io/v1alpha2',
      'kind: PolicyReport',
      'metadata: {name: sample, namespace: crd-check}',
      'summary: {pass: 1, fail: 0, warn: 0, error: 0, skip: 0}',
      'results: [{policy: p, rule: r, result: pass, source: guardrail}]',
    ].join('\n');
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: report });
    expect(await ctx.kubectl.ok(['-n', 'crd-check', 'get', 'polr', 'sample', '-o', 'jsonpath={.results[0].rule}'])).toBe('r');
    const bad = report.replace('pass: 1,', 'pass: many,');
    const res = await ctx.kubectl.applyYaml(bad);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/summary\.pass/);
    const policy = [
      'apiVersion: kyverno.io/v1',
      'kind: Policy',
      'metadata: {name: keep, namespace: crd-check}',
      'spec: {rules: [{name: r, match: {any: [{resources: {kinds: [Pod]}}]}, validate: {pattern: {x: kept}}}]}',
    ].join('\n');
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: policy });
    expect(await ctx.kubectl.ok(['-n', 'crd-check', 'get', 'pol', 'keep', '-o', 'jsonpath={.spec.rules[0].validate.pattern.x}'])).toBe('kept');
    await ctx.kubectl.ok(['delete', 'namespace', 'crd-check', '--wait=false']);
  });
});
