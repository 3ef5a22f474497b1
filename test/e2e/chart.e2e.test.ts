/**
 * The Helm chart against the real tools: helm lint, helm template for each ci/*-values.yaml,
 * kubeconform -strict with schemas made from this API server's OpenAPI, and a server-side dry-run apply.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHART_DIR, createHelm, e2eContext, NAMESPACE, openapiToKubeconform, readPins, run, type K8sObject } from './harness/index.js';
import { gvkKey } from './harness/openapi-to-kubeconform.js';

const ctx = e2eContext();
const kubeVersion = (readPins().KUBE_VERSION ?? '').replace(/^v/, '');
const ciFiles = readdirSync(join(CHART_DIR, 'ci')).filter((f) => f.endsWith('-values.yaml')).sort();

/**
 * Kinds whose CRDs belong to other projects and are not installed in the test API server: validated by
 * neither kubeconform nor the dry-run (cert-manager's Certificate/Issuer, Prometheus Operator's ServiceMonitor).
 */
const FOREIGN = new Set(['cert-manager.io/v1/Issuer', 'cert-manager.io/v1/Certificate', 'monitoring.coreos.com/v1/ServiceMonitor']);
const gvkOf = (o: K8sObject): string => `${o.apiVersion}/${o.kind}`;
const toYaml = (objects: K8sObject[]): string => objects.map((o) => dump(o, { noRefs: true })).join('---\n');

describe.skipIf(ctx.needs('helm', 'kubeconform'))('charts/guardrail with helm, kubeconform and the API server', () => {
  const helm = createHelm(ctx.tools.helm, kubeVersion);
  const work = mkdtempSync(join(tmpdir(), 'guardrail-chart-'));
  const rendered = new Map<string, K8sObject[]>();

  beforeAll(async () => {
    for (const file of ciFiles) {
      const res = await helm.template(['--values', join(CHART_DIR, 'ci', file)]);
      if (res.code !== 0) throw new Error(`helm template -f ci/${file}: ${res.stderr}`);
      rendered.set(file, res.objects);
    }
  });

  it('passes helm lint --strict with the defaults and each ci values file', async () => {
    for (const args of [[], ...ciFiles.map((f) => ['--values', join(CHART_DIR, 'ci', f)])]) {
      const res = await helm(['lint', '--strict', CHART_DIR, ...args]);
      expect(res.code, `${args.join(' ')}\n${res.stdout}${res.stderr}`).toBe(0);
    }
  });

  it.each(ciFiles)('renders %s with the recommended labels and the restricted security context', (file) => {
    const objects = rendered.get(file) ?? [];
    for (const o of objects) {
      const labels = o.metadata.labels ?? {};
      for (const key of ['name', 'instance', 'version', 'managed-by', 'part-of']) {
        expect(labels[`app.kubernetes.io/${key}`], `${o.kind}/${o.metadata.name} app.kubernetes.io/${key}`).toBeTruthy();
      }
    }
    const deploy = objects.find((o) => o.kind === 'Deployment') as { spec: { template: { spec: PodSpec } } } | undefined;
    const pod = deploy?.spec.template.spec;
    expect(pod?.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod?.containers[0]?.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod?.affinity?.podAntiAffinity).toBeDefined();
  });

  it('leaves the webhook configurations to Guardrail (cluster mode) and removes them with a pre-delete hook', () => {
    const certMode = { 'selfmanaged-values.yaml': 'secret', 'certmanager-values.yaml': 'certManager', 'existingsecret-values.yaml': 'certManager' };
    for (const [file, objects] of rendered) {
      expect(objects.filter((o) => o.kind.endsWith('WebhookConfiguration'))).toEqual([]);
      const deploy = objects.find((o) => o.kind === 'Deployment') as unknown as { spec: { template: { spec: { containers: { args: string[] }[] } } } };
      const args = deploy.spec.template.spec.containers[0]?.args ?? [];
      expect(args).toContain(`--cert-mode=${certMode[file as keyof typeof certMode]}`);
      expect(args).toContain('--service-name=guardrail');
      expect(args.some((a) => a.startsWith('--policies'))).toBe(false);
      const job = objects.find((o) => o.kind === 'Job') as (K8sObject & { spec: { template: { spec: { containers: { args: string[] }[] } } } }) | undefined;
      expect(job?.metadata.annotations?.['helm.sh/hook']).toBe('pre-delete');
      expect(job?.spec.template.spec.containers[0]?.args).toEqual([
        'delete', 'validatingwebhookconfiguration/guardrail', 'mutatingwebhookconfiguration/guardrail', '--ignore-not-found',
      ]);
    }
  });

  it.each([
    [['--set', 'certificates.mode=certManager'], /certManager needs an issuer/],
    [['--set', 'certificates.mode=existingSecret'], /existingSecret needs certificates.existingSecret.name/],
    [['--set', 'certificates.existingSecret.name=x'], /existingSecret.\* is set but certificates.mode is selfManaged/],
    [['--set', 'replicaCount=1'], /replicaCount=1 would block every node drain/],
    [['--set', 'podDisruptionBudget.maxUnavailable=1'], /minAvailable or maxUnavailable, not both/],
    [['--set', 'replicas=3'], /additional properties 'replicas' not allowed/],
    [['--set', 'webhooks.cleanupJob.pullPolicy=Sometimes'], /pullPolicy/],
    [['--set', 'webhooks.failurePolicy=Ignore'], /additional properties 'failurePolicy' not allowed/],
  ])('fails the render on contradictory or unknown values: %j', async (args, message) => {
    const res = await helm.template(args);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(message);
  });

  let schemaLocation = '';
  const kubeconform = (manifest: string) =>
    run(ctx.tools.kubeconform, [
      '-strict', '-summary', '-output', 'text',
      '-kubernetes-version', kubeVersion,
      '-schema-location', schemaLocation,
      '-skip', [...FOREIGN].join(','),
      manifest,
    ]);
  /** The selfManaged render with one unknown field in the Deployment's pod spec. */
  const withTypo = (): K8sObject[] =>
    (rendered.get('selfmanaged-values.yaml') ?? []).map((o) =>
      o.kind === 'Deployment' ? { ...o, spec: { ...(o.spec as object), replicaz: 2 } } : o,
    );

  it('passes kubeconform -strict against schemas from the API server OpenAPI', async () => {
    const openapi = JSON.parse(await ctx.kubectl.ok(['get', '--raw', '/openapi/v2'], { timeoutMs: 120_000 })) as Record<string, never>;
    const all = [...rendered.values()].flat();
    const wanted = new Set(all.map((o) => gvkKey({ group: o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : '', version: o.apiVersion.split('/').pop()!, kind: o.kind })));
    const schemas = openapiToKubeconform(openapi, { kubernetesVersion: kubeVersion, outDir: join(work, 'schemas'), only: wanted });
    const missing = [...wanted].filter((k) => !schemas.written.includes(k) && !FOREIGN.has(k.replace(/^\//, '')));
    expect(missing, 'kinds with no schema on the API server').toEqual([]);
    schemaLocation = schemas.schemaLocation;
    for (const [file, objects] of rendered) {
      const manifest = join(work, `${file}.rendered.yaml`);
      writeFileSync(manifest, toYaml(objects));
      const res = await kubeconform(manifest);
      expect(res.code, `${file}:\n${res.stdout}${res.stderr}`).toBe(0);
      const served = objects.filter((o) => !FOREIGN.has(gvkOf(o))).length;
      expect(res.stdout).toContain(`Valid: ${served}, Invalid: 0, Errors: 0, Skipped: ${objects.length - served}`);
    }
    const typo = join(work, 'typo.yaml');
    writeFileSync(typo, toYaml(withTypo()));
    const bad = await kubeconform(typo);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/Deployment.*additional properties 'replicaz' not allowed/);
  });

  it('is accepted by kubectl apply --dry-run=server in every certificate mode', async () => {
    await ctx.kubectl(['create', 'namespace', NAMESPACE]);
    for (const [file, objects] of rendered) {
      const served = objects.filter((o) => !FOREIGN.has(gvkOf(o)));
      const res = await ctx.kubectl.applyYaml(toYaml(served), ['--dry-run=server']);
      expect(res.code, `${file}:\n${res.stderr}`).toBe(0);
      expect(res.stdout).toMatch(/deployment.apps\/guardrail created \(server dry run\)/);
    }
    const bad = await ctx.kubectl.applyYaml(toYaml(withTypo()), ['--dry-run=server']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown field "spec.replicaz"/);
  });
});

interface PodSpec {
  securityContext?: Record<string, unknown>;
  containers: { securityContext?: Record<string, unknown> }[];
  affinity?: { podAntiAffinity?: unknown };
}
