/**
 * Cluster mode against the suite's real kube-apiserver: `guardrail serve --kubeconfig` with its CA in a
 * Secret watches ClusterPolicies, manages its own webhook configurations (caBundle from that CA), enforces
 * a policy applied with kubectl within 5 s, and writes PolicyReports for Audit results (admission and the
 * background scan of resources that existed before the policy).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eContext, eventually, freePort, hasServeCommand, httpsGet, REPO_ROOT, startProcess, waitFor, type Managed } from './harness/index.js';

const ctx = e2eContext();
const serveReady = ctx.skip ? false : await hasServeCommand();
const OWN_NS = 'guardrail-cm';
const NS = 'cm-test';
const CONFIG = 'guardrail';

const clusterPolicy = (name: string, action: 'Enforce' | 'Audit', label: string) =>
  [
    'apiVersion: kyverno.io/v1',
    'kind: ClusterPolicy',
    `metadata: {name: ${name}, annotations: {policies.kyverno.io/severity: medium, policies.kyverno.io/category: Best Practices}}`,
    'spec:',
    `  validationFailureAction: ${action}`,
    '  background: true',
    '  rules:',
    `  - name: need-${label}`,
    '    match: {any: [{resources: {kinds: [ConfigMap], namespaces: [cm-test]}}]}',
    `    validate: {message: "label ${label} is required", pattern: {metadata: {labels: {${label}: "?*"}}}}`,
  ].join('\n');

describe.skipIf(ctx.skip || !serveReady)('cluster mode (guardrail serve --kubeconfig)', () => {
  const work = mkdtempSync(join(tmpdir(), 'guardrail-cluster-mode-'));
  let proc: Managed;
  let url = '';

  beforeAll(async () => {
    await ctx.kubectl.ok(['create', 'namespace', OWN_NS]);
    await ctx.kubectl.ok(['create', 'namespace', NS]);
    // Exists before any policy: only the background scan can report it.
    await ctx.kubectl.ok(['-n', NS, 'create', 'configmap', 'preexisting', '--from-literal=a=b']);
    const port = await freePort();
    url = `https://127.0.0.1:${port}`;
    const args = [join(REPO_ROOT, 'bin/guardrail.js'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--kubeconfig', ctx.kubeconfig];
    args.push('--cert-mode', 'secret', '--namespace', OWN_NS, '--webhook-url', url, '--certs', join(work, 'certs'));
    proc = startProcess('guardrail serve (cluster)', process.execPath, args, join(work, 'guardrail.log'), { ...process.env, NO_COLOR: '1' });
    await waitFor(proc, '/readyz', async () => (await httpsGet(`${url}/readyz`)).status === 200, 60_000);
  });

  afterAll(async () => {
    await ctx.kubectl(['delete', 'validatingwebhookconfiguration,mutatingwebhookconfiguration', CONFIG, '--ignore-not-found']);
    await proc?.stop();
    await ctx.kubectl(['delete', 'clusterpolicy', '--all', '--ignore-not-found']);
    await ctx.kubectl(['delete', 'namespace', NS, OWN_NS, '--wait=false']);
  });

  it('creates its webhook configurations with the CA from its Secret as caBundle', async () => {
    // Ready means listening; the configurations are applied right after (they must not point at a closed port).
    const cfg = JSON.parse(await eventually('the validating webhook configuration', 10_000, () => ctx.kubectl.ok(['get', 'validatingwebhookconfiguration', CONFIG, '-o', 'json']))) as {
      webhooks: Array<{ name: string; clientConfig: { url: string; caBundle: string }; namespaceSelector?: { matchExpressions: Array<{ values: string[] }> } }>;
    };
    const ca = Buffer.from(await ctx.kubectl.ok(['-n', OWN_NS, 'get', 'secret', 'guardrail-ca', '-o', 'jsonpath={.data.ca\\.crt}']), 'base64').toString();
    expect(ca).toContain('BEGIN CERTIFICATE');
    const policyHook = cfg.webhooks.find((w) => w.name === 'validate-policy.guardrail.dev');
    expect(policyHook?.clientConfig.url).toBe(`${url}/validate/policy`);
    for (const w of cfg.webhooks) expect(Buffer.from(w.clientConfig.caBundle, 'base64').toString()).toBe(ca);
    expect(await ctx.kubectl.ok(['get', 'mutatingwebhookconfiguration', CONFIG, '-o', 'name'])).toContain(CONFIG);
  });

  it('enforces a ClusterPolicy created with kubectl within 5 s', async () => {
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: clusterPolicy('require-team', 'Enforce', 'team') });
    const applied = Date.now();
    const denial = await eventually('denial of an unlabelled ConfigMap', 5000, async () => {
      const res = await ctx.kubectl(['-n', NS, 'create', 'configmap', `probe-${Date.now()}`, '--dry-run=server', '-o', 'name']);
      return res.code !== 0 ? res.stderr : undefined;
    });
    expect(Date.now() - applied).toBeLessThanOrEqual(5000);
    expect(denial).toMatch(/validate-fail\.guardrail\.dev.*denied the request/);
    expect(denial).toContain('label team is required');
    const cfg = await ctx.kubectl.ok(['get', 'validatingwebhookconfiguration', CONFIG, '-o', 'jsonpath={.webhooks[0].rules[*].resources}']);
    expect(cfg).toContain('configmaps');
    const labelled = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: labelled, namespace: cm-test, labels: {team: a}}\n';
    expect((await ctx.kubectl.applyYaml(labelled)).code).toBe(0);
  });

  it('writes a PolicyReport for an Audit policy (admission and background scan)', async () => {
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: clusterPolicy('require-owner', 'Audit', 'owner') });
    const audited = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: audited, namespace: cm-test, labels: {team: a}}\n';
    await eventually('admission of an Audit-only failure', 5000, async () => ((await ctx.kubectl.applyYaml(audited)).code === 0 ? true : undefined));
    type Report = { summary: Record<string, number>; results: Array<{ policy: string; result: string; severity?: string; source: string; resources: Array<{ name: string }> }> };
    const report = await eventually('PolicyReport with both ConfigMaps', 20_000, async () => {
      const r = JSON.parse(await ctx.kubectl.ok(['-n', NS, 'get', 'policyreport', 'polr-ns-cm-test', '-o', 'json'])) as Report;
      const failing = r.results.filter((x) => x.policy === 'require-owner' && x.result === 'fail').map((x) => x.resources[0]?.name);
      return failing.includes('audited') && failing.includes('preexisting') ? r : undefined;
    });
    const row = report.results.find((x) => x.policy === 'require-owner' && x.resources[0]?.name === 'audited');
    expect(row).toMatchObject({ result: 'fail', severity: 'medium', source: 'guardrail' });
    expect(report.summary.fail).toBeGreaterThanOrEqual(2);
  });

  it('matches namespaceSelector against the labels of the request namespace', async () => {
    await ctx.kubectl.ok(['create', 'namespace', 'cm-prod']);
    await ctx.kubectl.ok(['label', 'namespace', 'cm-prod', 'env=prod']);
    const policy = [
      'apiVersion: kyverno.io/v1',
      'kind: ClusterPolicy',
      'metadata: {name: prod-secrets-typed}',
      'spec:',
      '  validationFailureAction: Enforce',
      '  rules:',
      '  - name: typed',
      '    match: {any: [{resources: {kinds: [Secret], namespaceSelector: {matchLabels: {env: prod}}}}]}',
      '    validate: {message: "prod Secrets need a type", pattern: {type: "!Opaque"}}',
    ].join('\n');
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: policy });
    const create = (ns: string) => ctx.kubectl(['-n', ns, 'create', 'secret', 'generic', `s-${Date.now()}`, '--from-literal=a=b', '--dry-run=server', '-o', 'name']);
    const denied = await eventually('denial in the prod namespace', 5000, async () => {
      const res = await create('cm-prod');
      return res.code !== 0 ? res.stderr : undefined;
    });
    expect(denied).toContain('prod Secrets need a type');
    expect((await create(NS)).code).toBe(0);
    await ctx.kubectl(['delete', 'namespace', 'cm-prod', '--wait=false']);
  });

  it('reads a context.configMap from the cluster', async () => {
    const tiers = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tiers, namespace: cm-test, labels: {team: a, owner: b}}\ndata: {allowed: gold}\n';
    expect((await ctx.kubectl.applyYaml(tiers)).code).toBe(0);
    const policy = [
      'apiVersion: kyverno.io/v1',
      'kind: ClusterPolicy',
      'metadata: {name: allowed-tier}',
      'spec:',
      '  validationFailureAction: Enforce',
      '  rules:',
      '  - name: tier',
      '    match: {any: [{resources: {kinds: [Service], namespaces: [cm-test]}}]}',
      '    context: [{name: tiers, configMap: {name: tiers, namespace: cm-test}}]',
      '    validate:',
      '      message: "tier must be {{ tiers.data.allowed }}"',
      `      deny: {conditions: {any: [{key: "{{ request.object.metadata.labels.tier || '' }}", operator: NotEquals, value: "{{ tiers.data.allowed }}"}]}}`,
    ].join('\n');
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: policy });
    const service = (tier: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: web-${tier}, namespace: cm-test, labels: {tier: ${tier}}}\nspec: {ports: [{port: 80}]}\n`;
    const denied = await eventually('denial naming the ConfigMap value', 5000, async () => {
      const res = await ctx.kubectl.applyYaml(service('bronze'), ['--dry-run=server']);
      return res.code !== 0 ? res.stderr : undefined;
    });
    expect(denied).toContain('tier must be gold');
    expect((await ctx.kubectl.applyYaml(service('gold'), ['--dry-run=server'])).code).toBe(0);
  });
});
