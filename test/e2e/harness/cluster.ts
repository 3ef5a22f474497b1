/**
 * A throwaway control plane: etcd and kube-apiserver on 127.0.0.1 with random free ports, the flags
 * controller-runtime's envtest uses (sigs.k8s.io/controller-runtime/pkg/internal/testing/controlplane),
 * a static admin token (--token-auth-file, group system:masters) and RBAC authorization. No controllers
 * or kubelet run: objects are stored and admitted, never reconciled, which is all admission tests need.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpsGet } from './https-get.js';
import { freePort } from './ports.js';
import { startProcess, waitFor, type Managed } from './processes.js';

export interface ClusterOptions {
  etcd: string;
  kubeApiserver: string;
  /** Working folder: etcd data, certificates, kubeconfig, logs. */
  dir: string;
}

export interface RunningCluster {
  url: string;
  token: string;
  kubeconfig: string;
  dir: string;
  processes: Managed[];
  stop(): Promise<void>;
}

export async function startCluster(opts: ClusterOptions): Promise<RunningCluster> {
  const { dir } = opts;
  for (const sub of ['etcd', 'certs', 'logs']) mkdirSync(join(dir, sub), { recursive: true });
  const etcd = await startEtcd(opts.etcd, dir);
  try {
    const api = await startApiserver(opts.kubeApiserver, dir, etcd.clientUrl);
    const kubeconfig = join(dir, 'kubeconfig');
    writeFileSync(kubeconfig, kubeconfigYaml(api.url, api.token, join(dir, 'certs', 'apiserver.crt')));
    const processes = [api.proc, etcd.proc];
    const stop = async (): Promise<void> => {
      for (const p of processes) await p.stop();
    };
    return { url: api.url, token: api.token, kubeconfig, dir, processes, stop };
  } catch (err) {
    await etcd.proc.stop();
    throw err;
  }
}

async function startEtcd(bin: string, dir: string): Promise<{ proc: Managed; clientUrl: string }> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const clientUrl = `http://127.0.0.1:${clientPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const proc = startProcess('etcd', bin, [
    `--data-dir=${join(dir, 'etcd')}`,
    `--listen-client-urls=${clientUrl}`,
    `--advertise-client-urls=${clientUrl}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=default=${peerUrl}`,
    // A test store: durability is not wanted, speed is (etcd's own integration tests do the same).
    '--unsafe-no-fsync',
    '--log-level=warn',
  ], join(dir, 'logs', 'etcd.log'));
  await waitFor(proc, 'etcd /health', async () => {
    const res = await fetch(`${clientUrl}/health`);
    return res.ok && (await res.text()).includes('"health":"true"');
  }, 60_000);
  return { proc, clientUrl };
}

async function startApiserver(bin: string, dir: string, etcdUrl: string): Promise<{ proc: Managed; url: string; token: string }> {
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const tokenFile = join(dir, 'certs', 'tokens.csv');
  // token,user,uid,"group1,group2" (https://kubernetes.io/docs/reference/access-authn-authz/authentication/#static-token-file)
  writeFileSync(tokenFile, `${token},admin,admin-uid,"system:masters"\n`, { mode: 0o600 });
  const saKey = join(dir, 'certs', 'sa.key');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(saKey, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const proc = startProcess('kube-apiserver', bin, [
    `--etcd-servers=${etcdUrl}`,
    `--cert-dir=${join(dir, 'certs')}`,
    `--secure-port=${port}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--service-account-key-file=${saKey}`,
    `--service-account-signing-key-file=${saKey}`,
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    '--service-cluster-ip-range=10.0.0.0/24',
    '--authorization-mode=RBAC',
    `--token-auth-file=${tokenFile}`,
    '--allow-privileged=true',
    '--v=1',
  ], join(dir, 'logs', 'kube-apiserver.log'));
  const url = `https://127.0.0.1:${port}`;
  await waitFor(proc, '/readyz', async () => (await httpsGet(`${url}/readyz`, token)).status === 200, 120_000);
  return { proc, url, token };
}

function kubeconfigYaml(server: string, token: string, caFile: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: e2e',
    '  cluster:',
    `    server: ${server}`,
    // --cert-dir's apiserver.crt holds the self-signed serving certificate and its CA.
    `    certificate-authority: ${caFile}`,
    'users:',
    '- name: admin',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: e2e',
    '  context: {cluster: e2e, user: admin, namespace: default}',
    'current-context: e2e',
    '',
  ].join('\n');
}
