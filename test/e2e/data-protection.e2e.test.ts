/**
 * Data protection in a cluster (issue #8's acceptance), against the suite's real kube-apiserver with the
 * real kubectl and a real versitygw Object-Lock bucket: `guardrail serve --kubeconfig` binds a compliant
 * Deployment (annotations) and denies an unknown BackupPolicy naming the existing ones; `guardrail backup
 * run --all --kubeconfig` backs up its namespace (manifests, a CSI VolumeSnapshot per PVC) into the
 * LocationProfile's bucket; `kubectl get restorepoints` lists the point; `guardrail backup restore
 * --namespace NEW --kubeconfig` recreates the objects, equal to the originals after sanitization, the PVC
 * from the snapshot. No CSI driver runs here: the test plays the snapshot controller (content + status).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectRetentionCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVersityGw, versitygwBinary, type VersityGw } from '../../src/backup/storage/index.js';
import { e2eContext, freePort, hasServeCommand, httpsGet, REPO_ROOT, run, snapshotCrds, startProcess, waitFor, type Managed } from './harness/index.js';

const ctx = e2eContext();
const crds = snapshotCrds();
const vgw = versitygwBinary();
const skip = ctx.skip || crds.problem || (vgw ? '' : 'versitygw not built (bash test/tools/versitygw.sh)');
const serveReady = skip ? false : await hasServeCommand();
const CLI = join(REPO_ROOT, 'bin/guardrail.js');
const OWN = 'guardrail-dp';
const APP = 'shop-dp';
const CLONE = 'shop-dp-clone';
const BUCKET = 'guardrail-dp-e2e';

const config = (endpoint: string, creds: VersityGw['credentials']) => `
apiVersion: v1
kind: Secret
metadata: {name: vault-s3, namespace: ${OWN}}
stringData: {aws_access_key_id: ${creds.accessKeyId}, aws_secret_access_key: ${creds.secretAccessKey}}
---
apiVersion: backup.guardrail.dev/v1alpha1
kind: LocationProfile
metadata: {name: vault, namespace: ${OWN}}
spec:
  location: {s3: {endpoint: "${endpoint}", bucket: ${BUCKET}, prefix: repo, region: us-east-1, credentialsSecret: {name: vault-s3}}}
  protectionPeriod: 48h
---
apiVersion: backup.guardrail.dev/v1alpha1
kind: BackupPolicy
metadata: {name: gold, namespace: ${OWN}}
spec:
  frequency: "@hourly"
  retention: {hourly: 24, daily: 7}
  selector: {}
  actions: [{action: backup}, {action: export, exportParameters: {profile: {name: vault}}}]
---
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshotClass
metadata: {name: hostpath-snapclass, annotations: {snapshot.storage.kubernetes.io/is-default-class: "true"}}
driver: hostpath.csi.k8s.io
deletionPolicy: Delete
`;

const deployment = (name: string, policy: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${APP}, labels: {app: ${name}, purpose: production, dataprotection: k10-${policy}, immutable: enabled}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: web, image: nginx:1.27, envFrom: [{configMapRef: {name: web-config}}]}]
      volumes: [{name: data, persistentVolumeClaim: {claimName: web-data}}]
`;

const app = `
apiVersion: v1
kind: ConfigMap
metadata: {name: web-config, namespace: ${APP}}
data: {MODE: production}
---
apiVersion: v1
kind: Secret
metadata: {name: web-secret, namespace: ${APP}}
stringData: {password: s3cret}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: web-data, namespace: ${APP}}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, storageClassName: csi-hostpath}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${APP}}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
${deployment('web', 'gold')}`;

type Obj = { metadata: Record<string, unknown> & { annotations?: Record<string, string> }; spec?: Record<string, unknown>; status?: unknown; data?: unknown };

/** What a restore must reproduce: the object minus what the API server and the binding own. */
function comparable(o: Obj): Obj {
  const { name, labels, annotations } = o.metadata;
  const kept = Object.fromEntries(Object.entries(annotations ?? {}).filter(([k]) => !k.startsWith('kubectl.kubernetes.io/') && k !== 'backup.guardrail.dev/bound-at' && k !== 'deployment.kubernetes.io/revision'));
  const spec = { ...o.spec };
  for (const f of ['clusterIP', 'clusterIPs', 'dataSource', 'dataSourceRef', 'volumeName']) delete spec[f];
  return { metadata: { name, labels, ...(Object.keys(kept).length ? { annotations: kept } : {}) }, ...(o.spec ? { spec } : {}), ...(o.data ? { data: o.data } : {}) };
}

describe.skipIf(skip || !serveReady)('data protection in a cluster (serve --kubeconfig, backup --kubeconfig)', () => {
  const work = mkdtempSync(join(tmpdir(), 'guardrail-dp-'));
  let gw: VersityGw;
  let proc: Managed;
  let restorePoint = '';
  let url = '';
  const cli = (args: string[]) => run(process.execPath, [CLI, 'backup', ...args, '--kubeconfig', ctx.kubeconfig, '--guardrail-namespace', OWN], { timeoutMs: 120_000, env: { ...process.env, NO_COLOR: '1' } });
  const getJson = async <T>(args: string[]): Promise<T> => JSON.parse(await ctx.kubectl.ok([...args, '-o', 'json'])) as T;

  beforeAll(async () => {
    gw = await startVersityGw(vgw ?? '');
    await gw.createLockedBucket(BUCKET);
    await ctx.kubectl.ok(['apply', '--server-side', '-f', crds.dir]);
    await ctx.kubectl.ok(['wait', '--for=condition=Established', 'crd', 'volumesnapshots.snapshot.storage.k8s.io', '--timeout=60s']);
    for (const ns of [OWN, APP]) await ctx.kubectl.ok(['create', 'namespace', ns]);
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: config(gw.endpoint, gw.credentials) });
    const port = await freePort();
    url = `https://127.0.0.1:${port}`;
    const args = [CLI, 'serve', '--host', '127.0.0.1', '--port', String(port), '--kubeconfig', ctx.kubeconfig, '--cert-mode', 'secret', '--namespace', OWN];
    args.push('--webhook-url', url, '--certs', join(work, 'certs'), '--state', join(work, 'serve-state'), '--service-name', 'guardrail-dp');
    proc = startProcess('guardrail serve (data protection)', process.execPath, args, join(work, 'guardrail.log'), { ...process.env, NO_COLOR: '1' });
    await waitFor(proc, '/readyz', async () => (await httpsGet(`${url}/readyz`)).status === 200, 60_000);
    await waitFor(proc, 'guardrail-backup webhooks', async () => (await ctx.kubectl(['get', 'mutatingwebhookconfiguration', 'guardrail-backup'])).code === 0, 30_000);
  }, 180_000);

  afterAll(async () => {
    await ctx.kubectl(['delete', 'validatingwebhookconfiguration,mutatingwebhookconfiguration', 'guardrail', 'guardrail-backup', '--ignore-not-found']);
    await proc?.stop();
    // No namespace controller runs here: objects of deleted namespaces stay, so remove what other files' servers would see.
    await ctx.kubectl(['-n', OWN, 'delete', 'backuppolicy,locationprofile', '--all', '--ignore-not-found']);
    for (const ns of [APP, CLONE]) await ctx.kubectl(['-n', ns, 'delete', 'deployment,restorepoint', '--all', '--ignore-not-found']);
    await ctx.kubectl(['delete', 'namespace', OWN, APP, CLONE, '--wait=false', '--ignore-not-found']);
    // The shared API server's CRDs are the chart's (cluster.e2e checks the list): the snapshot CRDs were ours.
    await ctx.kubectl(['delete', 'volumesnapshotclass', 'hostpath-snapclass', '--ignore-not-found']);
    await ctx.kubectl(['delete', '-f', crds.dir, '--ignore-not-found', '--timeout=60s'], { timeoutMs: 90_000 });
    await gw?.stop();
  });

  it('denies an unknown BackupPolicy naming the existing ones, and binds the compliant Deployment', async () => {
    const denied = await ctx.kubectl.applyYaml(deployment('rogue', 'platinum'));
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain('backup policy "platinum" does not exist; existing policies: gold');
    expect((await ctx.kubectl.applyYaml(app)).code).toBe(0);
    const dep = await getJson<Obj>(['-n', APP, 'get', 'deployment', 'web']);
    expect(dep.metadata.annotations?.['backup.guardrail.dev/policy']).toBe('gold');
    expect(Date.parse(dep.metadata.annotations?.['backup.guardrail.dev/bound-at'] ?? '')).toBeGreaterThan(Date.now() - 120_000);
    // Scheduled backups run only on the holder of the backup Lease (this single replica).
    expect((await ctx.kubectl.ok(['-n', OWN, 'get', 'lease', 'guardrail-dp-backup', '-o', 'jsonpath={.spec.holderIdentity}'])).trim()).not.toBe('');
    // Registered apps are counted by policy and state on /metrics (no restore point yet: NonCompliant).
    await waitFor(proc, 'backup compliance metrics', async () => /guardrail_backup_apps\{policy="gold",state="NonCompliant"\} 1/.test((await httpsGet(`${url}/metrics`)).body), 15_000);
  });

  it('kubectl apply of a BackupPolicy whose retention is finer than its schedule is rejected, naming the field', async () => {
    await waitFor(proc, 'guardrail webhooks', async () => (await ctx.kubectl(['get', 'validatingwebhookconfiguration', 'guardrail'])).code === 0, 30_000);
    const bad = `apiVersion: backup.guardrail.dev/v1alpha1
kind: BackupPolicy
metadata: {name: coarse, namespace: ${OWN}}
spec:
  frequency: "@daily"
  retention: {hourly: 24, daily: 7}
  selector: {}
  actions: [{action: backup}]
`;
    const r = await ctx.kubectl.applyYaml(bad);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/denied the request: policy BackupPolicy\/.*coarse is invalid/);
    expect(r.stderr).toContain('/spec/retention/hourly  RETENTION_FINER_THAN_FREQUENCY');
  });

  it('probes the LocationProfile (the leader writes its status): versitygw with Object Lock is enforced', async () => {
    await waitFor(proc, 'LocationProfile status', async () => (await ctx.kubectl.ok(['-n', OWN, 'get', 'locationprofile', 'vault', '-o', 'jsonpath={.status.immutability}'])).trim() === 'enforced', 30_000);
    expect(await ctx.kubectl.ok(['-n', OWN, 'get', 'locationprofiles'])).toMatch(/vault\s+enforced\s+48h/);
  });

  it('backs up the namespace (manifests + a VolumeSnapshot per PVC) into the Object-Lock bucket; kubectl lists the RestorePoint', async () => {
    const r = await cli(['run', '--all', '--state', join(work, 'cli-state'), '--snapshot-wait', '1']);
    expect(r.stderr).toContain('1 app(s) backed up, 0 failed');
    expect(r.code).toBe(0);
    restorePoint = /^(web-\S+)\s+Complete/m.exec(r.stdout)?.[1] ?? '';
    expect(restorePoint).not.toBe('');
    const table = await ctx.kubectl.ok(['-n', APP, 'get', 'restorepoints']);
    expect(table).toMatch(/NAME\s+APP\s+POLICY\s+STATE\s+TIME\s+RETAIN-UNTIL/);
    expect(table).toMatch(new RegExp(`${restorePoint}\\s+web\\s+gold\\s+Complete`));
    const status = await cli(['status', '--state', join(work, 'cli-state')]);
    expect(status.stdout).toMatch(new RegExp(`${APP}/web\\s+gold\\s+Compliant\\s+${restorePoint}`));
    expect(status.code).toBe(0);
    const listed = JSON.parse((await cli(['list', '--app', `${APP}/web`, '-o', 'json', '--state', join(work, 'cli-state')])).stdout) as { metadata: { name: string } }[];
    expect(listed.map((p) => p.metadata.name)).toEqual([restorePoint]);
    type Rp = { spec: { retainUntil: string }; status: { items: { kind: string; name: string; outcome: string; message?: string }[] } };
    const rp = await getJson<Rp>(['-n', APP, 'get', 'restorepoint', restorePoint]);
    const items = rp.status.items.map((i) => `${i.kind}/${i.name}:${i.outcome}`);
    for (const want of ['Deployment/web', 'Service/web', 'ConfigMap/web-config', 'Secret/web-secret', 'PersistentVolumeClaim/web-data']) expect(items).toContain(`${want}:Succeeded`);
    const snapItem = rp.status.items.find((i) => i.kind === 'VolumeSnapshot');
    expect(snapItem?.message).toMatch(/^PVC web-data, class hostpath-snapclass: not readyToUse/);
    const vs = await getJson<{ spec: { source: { persistentVolumeClaimName: string }; volumeSnapshotClassName: string } }>(['-n', APP, 'get', 'volumesnapshot', snapItem?.name ?? '']);
    expect(vs.spec).toEqual({ source: { persistentVolumeClaimName: 'web-data' }, volumeSnapshotClassName: 'hostpath-snapclass' });
    expect(Date.parse(rp.spec.retainUntil) - Date.now()).toBeGreaterThan(47 * 3600_000);
    // The exported repository is in the bucket, its objects under an Object Lock retention.
    const s3 = new S3Client({ endpoint: gw.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: gw.credentials });
    const keys = ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'repo/' }))).Contents ?? []).map((c) => c.Key ?? '');
    expect(keys.some((k) => k.startsWith('repo/snapshots/') || k.includes('snapshot'))).toBe(true);
    const locked = await s3.send(new GetObjectRetentionCommand({ Bucket: BUCKET, Key: keys.find((k) => k.includes('snapshot')) }));
    expect(locked.Retention?.RetainUntilDate?.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000);
    s3.destroy();
  });

  it('restores into a new namespace: objects equal to the originals after sanitization, the PVC from the snapshot', async () => {
    // The snapshot controller's part: a content with a handle, bound and ready.
    const vsName = (await ctx.kubectl.ok(['-n', APP, 'get', 'volumesnapshot', '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
    const content = `apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshotContent\nmetadata: {name: snapcontent-e2e}\nspec: {deletionPolicy: Delete, driver: hostpath.csi.k8s.io, source: {volumeHandle: vol-1}, volumeSnapshotClassName: hostpath-snapclass, volumeSnapshotRef: {namespace: ${APP}, name: ${vsName}}}\n`;
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: content });
    await ctx.kubectl.ok(['patch', 'volumesnapshotcontent', 'snapcontent-e2e', '--subresource=status', '--type=merge', '-p', '{"status":{"snapshotHandle":"snap-handle-1","readyToUse":true}}']);
    await ctx.kubectl.ok(['-n', APP, 'patch', 'volumesnapshot', vsName, '--subresource=status', '--type=merge', '-p', '{"status":{"boundVolumeSnapshotContentName":"snapcontent-e2e","readyToUse":true}}']);

    // A fresh state folder: the data comes from the exported copy in the bucket (3-2-1).
    const r = await cli(['restore', restorePoint, '--namespace', CLONE, '--state', join(work, 'restore-state'), '-o', 'json']);
    expect(r.stderr).toContain(`restored ${restorePoint}`);
    expect(r.code).toBe(0);
    const items = (JSON.parse(r.stdout) as { items: { kind: string; name: string; outcome: string }[] }).items.map((i) => `${i.kind}/${i.name}:${i.outcome}`);
    expect(items).toEqual(expect.arrayContaining(['PersistentVolumeClaim/web-data:Succeeded', 'Deployment/web:Succeeded', `VolumeSnapshot/${vsName}:Succeeded`]));
    for (const [kind, name] of [['deployment', 'web'], ['service', 'web'], ['configmap', 'web-config'], ['secret', 'web-secret'], ['persistentvolumeclaim', 'web-data']] as const) {
      const [orig, copy] = await Promise.all([getJson<Obj>(['-n', APP, 'get', kind, name]), getJson<Obj>(['-n', CLONE, 'get', kind, name])]);
      expect(comparable(copy), `${kind}/${name}`).toEqual(comparable(orig));
    }
    const pvc = await getJson<Obj>(['-n', CLONE, 'get', 'pvc', 'web-data']);
    expect(pvc.spec?.dataSource).toEqual({ apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: vsName });
    const cloned = await getJson<{ spec: { source: { volumeSnapshotContentName: string } } }>(['-n', CLONE, 'get', 'volumesnapshot', vsName]);
    const vsc = await getJson<{ spec: { source: { snapshotHandle: string }; deletionPolicy: string } }>(['get', 'volumesnapshotcontent', cloned.spec.source.volumeSnapshotContentName]);
    expect(vsc.spec).toMatchObject({ source: { snapshotHandle: 'snap-handle-1' }, deletionPolicy: 'Retain' });
  });

  it('restoring again skips what exists, after taking a restore point of the (now protected) target', async () => {
    const r = await cli(['restore', restorePoint, '--namespace', CLONE, '--state', join(work, 'restore-state'), '--snapshot-wait', '1', '-o', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { preRestorePoint?: string; items: { kind: string; name: string; outcome: string }[] };
    expect(out.preRestorePoint).toMatch(/^web-/);
    expect(out.items.filter((i) => i.kind === 'Deployment' || i.kind === 'ConfigMap').map((i) => i.outcome)).toEqual(['Skipped', 'Skipped']);
    expect(await ctx.kubectl.ok(['-n', CLONE, 'get', 'restorepoints', '-o', 'name'])).toContain(out.preRestorePoint ?? '?');
  });

  it("the chart's backup RBAC grants what the serving replica does, and no restore writes", async () => {
    const why = ctx.needs('helm');
    if (why) return console.warn(`skipped: ${why}`);
    const ns = 'guardrail-rbac-dp';
    await ctx.kubectl.ok(['create', 'namespace', ns]);
    const rendered = await run(ctx.tools.helm, ['template', 'g', join(REPO_ROOT, 'charts/guardrail'), '--namespace', ns, '-s', 'templates/clusterrole-backup.yaml']);
    expect(rendered.code).toBe(0);
    await ctx.kubectl.ok(['apply', '-f', '-'], { input: rendered.stdout });
    const sa = `system:serviceaccount:${ns}:g-guardrail`;
    const can = async (args: string[]) => (await ctx.kubectl(['auth', 'can-i', ...args, '--as', sa])).stdout.trim();
    for (const args of [
      ['list', 'secrets', '-n', APP],
      ['list', 'deployments.apps', '-A'],
      ['watch', 'backuppolicies.backup.guardrail.dev', '-A'],
      ['create', 'volumesnapshots.snapshot.storage.k8s.io', '-n', APP],
      ['delete', 'volumesnapshots.snapshot.storage.k8s.io', '-n', APP],
      ['create', 'restorepoints.backup.guardrail.dev', '-n', APP],
      ['update', 'restorepoints.backup.guardrail.dev/status', '-n', APP],
      ['delete', 'restorepoints.backup.guardrail.dev', '-n', APP],
      ['update', 'leases.coordination.k8s.io/g-guardrail-backup', '-n', ns],
      ['create', 'secrets', '-n', ns],
      ['delete', 'mutatingwebhookconfigurations/guardrail-backup'],
    ]) expect(await can(args), args.join(' ')).toBe('yes');
    for (const args of [['create', 'deployments.apps', '-n', APP], ['create', 'secrets', '-n', APP], ['delete', 'mutatingwebhookconfigurations/guardrail']]) expect(await can(args), args.join(' ')).toBe('no');
    await ctx.kubectl(['delete', '-f', '-', '--ignore-not-found'], { input: rendered.stdout });
  });

  it('removes the backup webhook configurations when the last BackupPolicy is deleted', async () => {
    await ctx.kubectl.ok(['-n', OWN, 'delete', 'backuppolicy', 'gold']);
    await waitFor(proc, 'guardrail-backup webhooks removed', async () => (await ctx.kubectl(['get', 'mutatingwebhookconfiguration', 'guardrail-backup'])).code !== 0, 15_000);
    expect((await ctx.kubectl(['get', 'validatingwebhookconfiguration', 'guardrail-backup'])).code).not.toBe(0);
  });
});
