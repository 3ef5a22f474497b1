import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { captureApp, createLocalFolderCapture, sanitizeObject, type KubeObject } from './index.js';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'u1', resourceVersion: '7', generation: 3, creationTimestamp: 'x', managedFields: [], annotations: { 'backup.guardrail.dev/policy': 'gold', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
  spec: {
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ name: 'c', envFrom: [{ configMapRef: { name: 'web-env' } }], env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'web-db', key: 'p' } } }] }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'web-data' } }],
      },
    },
  },
  status: { replicas: 1 },
};
const o = (kind: string, name: string, ns = 'shop', extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name, namespace: ns }, ...extra });

describe('capture', () => {
  it('drops server-owned fields and keeps the binding annotations', () => {
    const s = sanitizeObject(deployment);
    expect(s.status).toBeUndefined();
    expect(s.metadata).toEqual({ name: 'web', namespace: 'shop', annotations: { 'backup.guardrail.dev/policy': 'gold' } });
    expect(deployment.metadata.uid).toBe('u1'); // input untouched
    expect(sanitizeObject(o('Service', 's', 'shop', { spec: { clusterIP: '10.0.0.1', selector: {} } })).spec).toEqual({ selector: {} });
    // Allocated nodePorts go (a clone would collide); one the user applied stays.
    const applied = JSON.stringify({ spec: { ports: [{ port: 80, nodePort: 30080 }] } });
    const np = o('Service', 'np', 'shop', { metadata: { name: 'np', namespace: 'shop', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': applied } }, spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }, { port: 443, nodePort: 31443 }] } });
    expect(sanitizeObject(np).spec).toEqual({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }, { port: 443 }] });
    expect(sanitizeObject(o('Pod', 'p', 'shop', { spec: { nodeName: 'n1', containers: [] } })).spec).toEqual({ containers: [] });
  });

  it('writes the workload, only the related objects of its namespace, and its volume folders', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cap-'));
    await mkdir(join(root, 'volumes/shop/web/data'), { recursive: true });
    await writeFile(join(root, 'volumes/shop/web/data/blob'), 'hello');
    const candidates = [
      o('ConfigMap', 'web-env'),
      o('ConfigMap', 'web-env', 'other'),
      o('ConfigMap', 'unrelated'),
      o('Secret', 'web-db'),
      o('PersistentVolumeClaim', 'web-data'),
      o('Service', 'web', 'shop', { spec: { selector: { app: 'web' } } }),
      o('Service', 'api', 'shop', { spec: { selector: { app: 'api' } } }),
    ];
    const staging = join(root, 'staging');
    const r = await captureApp({ workload: deployment, candidates, volumes: createLocalFolderCapture(join(root, 'volumes')), stagingDir: staging });
    expect(r.items.map((i) => `${i.kind}/${i.name}:${i.outcome}`)).toEqual([
      'Deployment/web:Succeeded',
      'ConfigMap/web-env:Succeeded',
      'Secret/web-db:Succeeded',
      'PersistentVolumeClaim/web-data:Succeeded',
      'Service/web:Succeeded',
      'Volume/data:Succeeded',
    ]);
    expect((await readdir(join(staging, 'manifests'))).length).toBe(5);
    const dep = parse(await readFile(join(staging, 'manifests/00-deployment-web.yaml'), 'utf8')) as KubeObject;
    expect(dep.metadata.uid).toBeUndefined();
    expect(await readFile(join(staging, 'volumes/data/blob'), 'utf8')).toBe('hello');
  });

  it('fails when a declared volume has no folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cap-'));
    await expect(captureApp({ workload: deployment, candidates: [], volumes: createLocalFolderCapture(join(root, 'volumes')), stagingDir: join(root, 's') })).rejects.toThrow(/volume data: volume folder .* does not exist/);
  });
});
