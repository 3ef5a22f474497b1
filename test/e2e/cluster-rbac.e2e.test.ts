/**
 * Two cluster-mode replicas run as the chart's ServiceAccount, with only the RBAC the chart renders (a
 * TokenRequest token, not the admin kubeconfig): a permission the code needs and the chart lacks shows up
 * as a 403 in their logs and fails here, not at a user's. Also: the replicas race to create the one CA
 * Secret (the chart's selfManaged mode = `--cert-mode secret`), both serve certificates that CA verifies,
 * the caBundle in the webhook configurations does not flap between them, and a cluster
 * ValidatingAdmissionPolicy is left to the API server (its warning appears once, not twice).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { dump, load, loadAll } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_DIR, createHelm, e2eContext, eventually, freePort, hasServeCommand, httpsGet, readPins, REPO_ROOT, startProcess, waitFor, type K8sObject, type Managed } from './harness/index.js';

const ctx = e2eContext();
const serveReady = ctx.skip || ctx.needs('helm') ? false : await hasServeCommand();
const kubeVersion = (readPins().KUBE_VERSION ?? '').replace(/^v/, '');
const OWN_NS = 'gr-rbac';
const NS = 'rbac-test';
const RELEASE = 'guardrail';
const CONFIG = 'guardrail';
const RBAC_KINDS = new Set(['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);

/** GET with verification against `ca` only (the system store is not consulted), returning the peer's certificate. */
function verifiedGet(url: string, ca: string): Promise<{ status: number; issuer: string; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, rejectUnauthorized: true, timeout: 3000, agent: false }, (res) => {
      const peer = (res.socket as TLSSocket).getPeerCertificate();
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, issuer: String(peer.issuer?.CN ?? ''), fingerprint: peer.fingerprint256 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

/**
 * `view` is an aggregated ClusterRole: kube-controller-manager's clusterrole-aggregation controller fills
 * its rules from every ClusterRole labelled aggregate-to-view. The suite runs no controllers, so this does
 * what that controller does, once.
 */
async function aggregateView(): Promise<void> {
  const list = JSON.parse(await ctx.kubectl.ok(['get', 'clusterroles', '-l', 'rbac.authorization.k8s.io/aggregate-to-view=true', '-o', 'json'])) as {
    items: Array<{ rules?: unknown[] }>;
  };
  const rules = list.items.flatMap((r) => r.rules ?? []);
  await ctx.kubectl.ok(['patch', 'clusterrole', 'view', '--type=merge', '-p', JSON.stringify({ rules })]);
}

function countLines(proc: Managed, msg: string): number {
  return readFileSync(proc.logFile, 'utf8').split('\n').filter((l) => l.includes(`"msg":"${msg}"`)).length;
}

/** The admin kubeconfig with its user swapped for a ServiceAccount token. */
function tokenKubeconfig(adminKubeconfig: string, token: string): string {
  const cfg = load(readFileSync(adminKubeconfig, 'utf8')) as { users: Array<{ name: string; user: Record<string, unknown> }> };
  cfg.users = [{ name: 'admin', user: { token } }];
  return dump(cfg);
}

describe.skipIf(ctx.needs('helm') || !serveReady)('two replicas with the chart RBAC (ServiceAccount token)', () => {
  const work = mkdtempSync(join(tmpdir(), 'guardrail-rbac-'));
  const replicas: Managed[] = [];
  let urls: string[] = [];

  beforeAll(async () => {
    const helm = createHelm(ctx.tools.helm, kubeVersion);
    const res = await helm(['template', RELEASE, CHART_DIR, '--namespace', OWN_NS, '--kube-version', kubeVersion]);
    if (res.code !== 0) throw new Error(`helm template: ${res.stderr}`);
    // The runtime RBAC only: the pre-delete hook's own account is not what the replicas run as.
    const rbac = (loadAll(res.stdout) as Array<K8sObject | null>).filter(
      (o): o is K8sObject => !!o && RBAC_KINDS.has(o.kind) && !o.metadata.annotations?.['helm.sh/hook'],
    );
    await ctx.kubectl.ok(['create', 'namespace', OWN_NS]);
    await ctx.kubectl.ok(['create', 'namespace', NS]);
    await ctx.kubectl.ok(['-n', NS, 'create', 'configmap', 'preexisting', '--from-literal=a=b']);
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: rbac.map((o) => dump(o)).join('---\n') });
    await aggregateView();
    const token = (await ctx.kubectl.ok(['-n', OWN_NS, 'create', 'token', RELEASE, '--duration=2h'])).trim();
    const kubeconfig = join(work, 'sa.kubeconfig');
    writeFileSync(kubeconfig, tokenKubeconfig(ctx.kubeconfig, token), { mode: 0o600 });
    const ports = [await freePort(), await freePort()];
    urls = ports.map((p) => `https://127.0.0.1:${p}`);
    // Both replicas at once, so they race to create the CA Secret; both register the same URL, as two pods
    // behind one Service do (the chart passes --service-name; outside a cluster the URL stands in for it).
    for (const [i, port] of ports.entries()) {
      const dir = join(work, `replica-${i}`);
      mkdirSync(dir);
      const args = [join(REPO_ROOT, 'bin/guardrail.js'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--kubeconfig', kubeconfig];
      args.push('--cert-mode', 'secret', '--namespace', OWN_NS, '--service-name', RELEASE, '--webhook-url', urls[0]!, '--certs', join(dir, 'certs'));
      replicas.push(startProcess(`guardrail replica ${i}`, process.execPath, args, join(dir, 'guardrail.log'), { ...process.env, NO_COLOR: '1' }));
    }
    await Promise.all(replicas.map((p, i) => waitFor(p, '/readyz', async () => (await httpsGet(`${urls[i]}/readyz`)).status === 200, 90_000)));
  });

  afterAll(async () => {
    await ctx.kubectl(['delete', 'validatingwebhookconfiguration,mutatingwebhookconfiguration', CONFIG, '--ignore-not-found']);
    await Promise.all(replicas.map((p) => p.stop()));
    await ctx.kubectl(['delete', 'clusterpolicy', '--all', '--ignore-not-found']);
    await ctx.kubectl(['delete', 'validatingadmissionpolicy,validatingadmissionpolicybinding', '-l', 'e2e=rbac', '--ignore-not-found']);
    await ctx.kubectl(['delete', 'clusterrole,clusterrolebinding', '-l', `app.kubernetes.io/instance=${RELEASE}`, '--ignore-not-found']);
    await ctx.kubectl(['delete', 'namespace', NS, OWN_NS, '--wait=false']);
  });

  const caOfSecret = async (): Promise<string> =>
    Buffer.from(await ctx.kubectl.ok(['-n', OWN_NS, 'get', 'secret', 'guardrail-ca', '-o', 'jsonpath={.data.ca\\.crt}']), 'base64').toString();

  it('shares one CA from the Secret: both replicas serve certificates it verifies, each its own', async () => {
    const secrets = await ctx.kubectl.ok(['-n', OWN_NS, 'get', 'secrets', '-o', 'name']);
    expect(secrets.trim().split('\n').filter((s) => s.includes('guardrail-ca'))).toEqual(['secret/guardrail-ca']);
    const ca = await caOfSecret();
    const peers = await Promise.all(urls.map((u) => verifiedGet(`${u}/readyz`, ca)));
    expect(peers.map((p) => p.status)).toEqual([200, 200]);
    expect(peers[0]?.fingerprint).not.toBe(peers[1]?.fingerprint);
    expect(peers[0]?.issuer).toBe(peers[1]?.issuer);
  });

  it('keeps one caBundle in the webhook configurations while both replicas sync them', async () => {
    const policy = [
      'apiVersion: kyverno.io/v1',
      'kind: ClusterPolicy',
      'metadata: {name: rbac-need-team}',
      'spec:',
      '  validationFailureAction: Enforce',
      '  background: true',
      '  rules:',
      '  - name: team',
      `    match: {any: [{resources: {kinds: [ConfigMap], namespaces: [${NS}]}}]}`,
      '    context: [{name: cm, configMap: {name: preexisting, namespace: rbac-test}}]',
      '    validate: {message: "label team is required (a={{ cm.data.a }})", pattern: {metadata: {labels: {team: "?*"}}}}',
    ].join('\n');
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: policy });
    // Enforced through the API server, which verifies replica 0 with the caBundle; the context read
    // (context.configMap) runs with the ServiceAccount's rights.
    const denial = await eventually('denial of an unlabelled ConfigMap', 10_000, async () => {
      const res = await ctx.kubectl(['-n', NS, 'create', 'configmap', `probe-${Date.now()}`, '--dry-run=server', '-o', 'name']);
      return res.code !== 0 ? res.stderr : undefined;
    });
    expect(denial).toContain('label team is required (a=b)');
    const read = async (): Promise<{ rv: string; bundles: string[] }> => {
      const cfg = JSON.parse(await ctx.kubectl.ok(['get', 'validatingwebhookconfiguration', CONFIG, '-o', 'json'])) as {
        metadata: { resourceVersion: string };
        webhooks: Array<{ clientConfig: { caBundle: string } }>;
      };
      return { rv: cfg.metadata.resourceVersion, bundles: [...new Set(cfg.webhooks.map((w) => Buffer.from(w.clientConfig.caBundle, 'base64').toString()))] };
    };
    await new Promise((r) => setTimeout(r, 1500)); // both managers' debounced syncs for the new policy
    const before = await read();
    expect(before.bundles).toEqual([await caOfSecret()]);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await read()).toEqual(before); // no replica rewrote it
  });

  it('leaves a ValidatingAdmissionPolicy to the API server: its warning appears once', async () => {
    const vap = [
      'apiVersion: admissionregistration.k8s.io/v1',
      'kind: ValidatingAdmissionPolicy',
      'metadata: {name: rbac-warn-owner, labels: {e2e: rbac}}',
      'spec:',
      '  matchConstraints: {resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}]}',
      '  validations: [{expression: "has(object.metadata.labels) && \'owner\' in object.metadata.labels", message: "vap-owner-missing"}]',
      '---',
      'apiVersion: admissionregistration.k8s.io/v1',
      'kind: ValidatingAdmissionPolicyBinding',
      'metadata: {name: rbac-warn-owner, labels: {e2e: rbac}}',
      'spec: {policyName: rbac-warn-owner, validationActions: [Warn]}',
    ].join('\n');
    const applied = (): number[] => replicas.map((p) => countLines(p, 'webhook configurations applied'));
    const before = applied();
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: vap });
    // Both replicas have seen the VAP and re-applied their webhook configurations (had they taken the VAP
    // in, its resources would now be sent to them too).
    await eventually('both replicas re-applying their webhook configurations', 10_000, async () => (applied().every((n, i) => n > (before[i] ?? 0)) ? true : undefined));
    const res = await ctx.kubectl(['-n', NS, 'create', 'configmap', `w-${Date.now()}`, '--dry-run=server', '-o', 'name']);
    expect(res.stderr.match(/vap-owner-missing/g)).toHaveLength(1);
  });

  it('writes reports, elects one leader, and never hits a permission the chart does not grant', async () => {
    type Report = { results?: Array<{ policy: string; resources: Array<{ name: string }> }> };
    // The background scan reports the preexisting ConfigMap against the ClusterPolicy and the VAP (which
    // the API server enforces, and Guardrail scans).
    await eventually('a PolicyReport for the preexisting ConfigMap (background scan)', 20_000, async () => {
      const r = JSON.parse(await ctx.kubectl.ok(['-n', NS, 'get', 'policyreport', `polr-ns-${NS}`, '-o', 'json'])) as Report;
      const policies = new Set(r.results?.filter((x) => x.resources[0]?.name === 'preexisting').map((x) => x.policy));
      return policies.has('rbac-need-team') && policies.has('rbac-warn-owner') ? true : undefined;
    });
    const holder = await ctx.kubectl.ok(['-n', OWN_NS, 'get', 'lease', RELEASE, '-o', 'jsonpath={.spec.holderIdentity}']);
    expect(holder).not.toBe('');
    const logs = replicas.map((p) => readFileSync(p.logFile, 'utf8'));
    expect(logs.join('\n').match(/.*(forbidden|\b403\b).*/gi) ?? []).toEqual([]);
    // Both watched every policy kind the API server serves (a 403 on list would have shown above).
    for (const log of logs) expect(log).toMatch(/"kinds":\[[^\]]*"ValidatingAdmissionPolicy"/);
  });
});
