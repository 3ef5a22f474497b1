/**
 * The brief's scenario through a real API server and the real kubectl: Guardrail serving its shipped
 * data-protection policy refuses the production nginx Deployment without the labels, admits the compliant
 * one, gives the same verdicts to --dry-run=server, rejects a ClusterPolicy that does not compile, and the
 * webhooks' failurePolicy decides when Guardrail is down.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_LABEL,
  e2eContext,
  hasServeCommand,
  REPO_ROOT,
  startGuardrail,
  webhookConfigurationsYaml,
  WEBHOOK_NAMES,
  type FailurePolicy,
  type RunningGuardrail,
} from './harness/index.js';

const ctx = e2eContext();
const serveReady = ctx.skip ? false : await hasServeCommand();
if (!ctx.skip && !serveReady) console.warn('!! admission e2e skipped: this checkout has no `guardrail serve` yet');

const EXAMPLES = join(REPO_ROOT, 'examples');
const FIXTURES = join(REPO_ROOT, 'test/e2e/fixtures');
const SEED_POLICY = 'policies/data-protection/require-data-protection-labels.yaml';
// kubectl's wording for a webhook denial (k8s.io/apiserver admission/plugin/webhook/errors).
const DENIED = `admission webhook "${WEBHOOK_NAMES.validate}" denied the request`;

describe.skipIf(ctx.skip || !serveReady)('admission through kube-apiserver and kubectl', () => {
  const work = mkdtempSync(join(tmpdir(), 'guardrail-admission-'));
  const certsDir = join(work, 'certs');
  const policiesDir = join(work, 'policies');
  let guardrail: RunningGuardrail;

  const registerWebhooks = async (failurePolicy: FailurePolicy, timeoutSeconds = 10): Promise<void> => {
    const yaml = webhookConfigurationsYaml({ baseUrl: guardrail.url, caBundle: guardrail.caBundle, failurePolicy, timeoutSeconds });
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: yaml });
  };
  // Run from examples/ so kubectl names the file as a user typing `kubectl apply -f nginx-deployment.yaml` sees it.
  const applyExample = (file: string, ...extra: string[]) => ctx.kubectl(['apply', '-f', file, ...extra], { cwd: EXAMPLES });

  beforeAll(async () => {
    // The brief's policy only: the other shipped data-protection policies look up BackupPolicy and
    // LocationProfile objects, which `guardrail serve` does not read from a cluster yet.
    mkdirSync(policiesDir, { recursive: true });
    copyFileSync(join(REPO_ROOT, SEED_POLICY), join(policiesDir, 'require-data-protection-labels.yaml'));
    copyFileSync(join(FIXTURES, 'add-owner-label.yaml'), join(policiesDir, 'add-owner-label.yaml'));
    guardrail = await startGuardrail({ certsDir, policiesDir, logFile: join(work, 'guardrail.log') });
    await registerWebhooks('Fail');
    await ctx.kubectl.ok(['create', 'namespace', 'nginx']);
    await ctx.kubectl.ok(['label', 'namespace', 'nginx', `${E2E_LABEL.key}=${E2E_LABEL.value}`]);
  });

  afterAll(async () => {
    await ctx.kubectl(['delete', 'validatingwebhookconfiguration,mutatingwebhookconfiguration', WEBHOOK_NAMES.configuration, '--ignore-not-found']);
    await guardrail?.stop();
  });

  it('dry-run=server: refuses the unlabelled production Deployment and admits the compliant one, storing nothing', async () => {
    const denied = await applyExample('nginx-deployment.yaml', '--dry-run=server');
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain(`Error from server: error when creating "nginx-deployment.yaml": ${DENIED}`);
    const admitted = await applyExample('nginx-deployment-compliant.yaml', '--dry-run=server');
    expect(admitted.stderr).toBe('');
    expect(admitted.stdout.trim()).toBe('deployment.apps/nginx-deployment created (server dry run)');
    const get = await ctx.kubectl(['-n', 'nginx', 'get', 'deployment', 'nginx-deployment']);
    expect(get.stderr).toMatch(/NotFound/);
  });

  it('kubectl apply: refuses nginx-deployment.yaml naming the missing labels', async () => {
    const res = await applyExample('nginx-deployment.yaml');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`Error from server: error when creating "nginx-deployment.yaml": ${DENIED}`);
    expect(res.stderr).toContain('require-data-protection-labels');
    expect(res.stderr).toMatch(/dataprotection/);
    expect(res.stderr).toMatch(/immutable/);
  });

  it('kubectl apply: admits nginx-deployment-compliant.yaml', async () => {
    const res = await applyExample('nginx-deployment-compliant.yaml');
    expect(res.stderr).toBe('');
    expect(res.stdout.trim()).toBe('deployment.apps/nginx-deployment created');
    const labels = await ctx.kubectl.ok(['-n', 'nginx', 'get', 'deployment', 'nginx-deployment', '-o', 'jsonpath={.metadata.labels.dataprotection}']);
    expect(labels).toBe('k10-goldpolicy');
  });

  it("a mutate policy's patch is visible on the stored object", async () => {
    const owner = await ctx.kubectl.ok(['-n', 'nginx', 'get', 'deployment', 'nginx-deployment', '-o', 'jsonpath={.metadata.labels.backup\\.guardrail\\.dev/owner}']);
    expect(owner).toBe('platform');
  });

  it('kubectl apply: rejects a ClusterPolicy that does not compile, and accepts one that does', async () => {
    const bad = await ctx.kubectl(['apply', '-f', join(FIXTURES, 'clusterpolicy-invalid-jmespath.yaml')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`admission webhook "${WEBHOOK_NAMES.policy}" denied the request`);
    expect(bad.stderr).toMatch(/JMESPath/i);
    const good = await ctx.kubectl(['apply', '-f', join(REPO_ROOT, SEED_POLICY)]);
    expect(good.stderr).toBe('');
    expect(good.stdout.trim()).toBe('clusterpolicy.kyverno.io/require-data-protection-labels created');
  });

  it('with Guardrail stopped: failurePolicy Fail refuses, Ignore admits', async () => {
    await guardrail.stop();
    await registerWebhooks('Fail', 2);
    const failed = await ctx.kubectl(['-n', 'nginx', 'create', 'configmap', 'while-down', '--dry-run=server']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/failed calling webhook "(mutate|validate)\.guardrail\.dev"/);
    expect(failed.stderr).toMatch(/connection refused/);
    await registerWebhooks('Ignore', 2);
    const ignored = await ctx.kubectl(['-n', 'nginx', 'create', 'configmap', 'while-down', '--dry-run=server']);
    expect(ignored.stderr).toBe('');
    expect(ignored.stdout.trim()).toBe('configmap/while-down created (server dry run)');
    // Back up on the same port and CA, so the registered URLs and caBundle stay valid.
    guardrail = await startGuardrail({ certsDir, policiesDir, logFile: join(work, 'guardrail-2.log'), port: guardrail.port });
    await registerWebhooks('Fail');
    const back = await applyExample('nginx-deployment.yaml', '--dry-run=server');
    expect(back.stderr).toContain(DENIED);
  });

  // A ClusterPolicy applied with kubectl taking effect within 5 s, and Audit results in PolicyReports, are
  // covered in cluster mode (`serve --kubeconfig`) by cluster-mode.e2e.test.ts.
});
