/**
 * A realistic Deployment (three containers incl. an init container, probes, resources, volumes, a
 * restricted security context) and its AdmissionReview, as the webhook would receive it on CREATE.
 * `violating` breaks several pod-security rules so the failure path (messages, paths) is measured too.
 */
import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';

type Json = Record<string, unknown>;

function container(name: string, image: string, violating: boolean): Json {
  return {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    readinessProbe: { httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5 },
    livenessProbe: { httpGet: { path: '/livez', port: 'http' }, periodSeconds: 10 },
    volumeMounts: [{ name: 'config', mountPath: '/etc/app', readOnly: true }, { name: 'tmp', mountPath: '/tmp' }],
    securityContext: violating
      ? { allowPrivilegeEscalation: true, capabilities: { add: ['NET_ADMIN'] }, runAsUser: 0 }
      : {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          runAsNonRoot: true,
          runAsUser: 10001,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
  };
}

export function deployment(violating = false): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/part-of': 'shop' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'web' } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': 'web' }, annotations: { 'prometheus.io/scrape': 'true' } },
        spec: {
          serviceAccountName: 'web',
          securityContext: violating
            ? { sysctls: [{ name: 'net.ipv4.ip_forward', value: '1' }], seLinuxOptions: { type: 'spc_t' } }
            : { runAsNonRoot: true, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } },
          initContainers: [container('migrate', 'registry.example.com/shop/migrate:1.4.2', violating)],
          containers: [
            container('web', 'registry.example.com/shop/web:1.4.2', violating),
            container('sidecar', 'ghcr.io/example/proxy@sha256:' + 'a'.repeat(64), false),
          ],
          volumes: violating
            ? [{ name: 'config', configMap: { name: 'web' } }, { name: 'tmp', hostPath: { path: '/tmp' } }]
            : [{ name: 'config', configMap: { name: 'web' } }, { name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

export function admissionReview(object: Json): Json {
  const meta = object.metadata as { name: string; namespace: string };
  return {
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: '705ab4f5-6393-11e8-b7cc-42010a800002',
      kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      resource: { group: 'apps', version: 'v1', resource: 'deployments' },
      requestKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      requestResource: { group: 'apps', version: 'v1', resource: 'deployments' },
      name: meta.name,
      namespace: meta.namespace,
      operation: 'CREATE',
      userInfo: { username: 'system:serviceaccount:ci:deployer', uid: 'u-1', groups: ['system:serviceaccounts', 'system:authenticated'] },
      object,
      oldObject: null,
      dryRun: false,
      options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
    },
  };
}

/** Every YAML document of the given files. */
export function loadYamlDocs(files: readonly string[]): Json[] {
  const docs: Json[] = [];
  for (const f of files) loadAll(readFileSync(f, 'utf8'), (d) => {
    if (d && typeof d === 'object') docs.push(d as Json);
  });
  return docs;
}
