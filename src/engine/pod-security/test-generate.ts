/**
 * Generated pods for the property tests of the pass predicates and the fast evaluator (issue #5): a
 * restricted pod (test-helpers.ts) whose every Pod Security Standards field is, now and then, swapped for
 * an allowed, violating or malformed value; containers added, removed or emptied. Seeded, so a failure
 * reproduces. Tests only.
 */
import type { Obj } from './types.js';
import { seededRandom } from '../test-support/index.js';

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
/** The good value most of the time, else one from the pool. */
const mutate = (r: Rand, rate: number, good: unknown, pool: readonly unknown[]): unknown => (r() < rate ? pick(r, pool) : good);

const BOOLS = [true, false, undefined, null, 'true', 0];
const SECCOMP = [undefined, null, {}, { type: 'RuntimeDefault' }, { type: 'Localhost', localhostProfile: 'p' }, { type: 'Unconfined' }, { type: '' }, 'RuntimeDefault'];
const SELINUX = [undefined, null, {}, { type: 'container_t' }, { type: 'container_init_t', level: 's0' }, { type: 'spc_t' }, { user: 'root' }, { role: 'sysadm_r' }, { type: 7 }];
const APPARMOR = [undefined, null, {}, { type: 'RuntimeDefault' }, { type: 'Localhost' }, { type: 'Unconfined' }];
const WINDOWS = [undefined, null, {}, { hostProcess: true }, { hostProcess: false }, { hostProcess: 'true' }];
const CAPS = [
  undefined, null, {}, { drop: ['ALL'] }, { drop: ['all'] }, { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, { drop: ['ALL'], add: ['CHOWN'] },
  { drop: ['NET_RAW'] }, { add: ['SYS_ADMIN', 'CHOWN'] }, { add: ['CHOWN', 'KILL'] }, { drop: 'ALL' }, { drop: [null, 'ALL'] }, { drop: ['ALL'], add: [1] }, [],
];
const PROC = [undefined, null, 'Default', 'Unmasked', ''];
const USERS = [undefined, null, 0, 1000, '0'];
const SYSCTLS = [
  undefined, [], [{ name: 'kernel.shm_rmid_forced', value: '0' }], [{ name: 'net.ipv4.ip_local_reserved_ports' }], [{ name: 'net.ipv4.tcp_keepalive_time' }],
  [{ name: 'net.core.somaxconn' }], [{}], ['x'], 'x',
];
const HANDLERS = [undefined, null, { httpGet: { path: '/', port: 80 } }, { httpGet: { host: '10.0.0.1' } }, { tcpSocket: { host: 'h' } }, { tcpSocket: { port: 1 } }, { exec: {} }, 'x'];
const PORTS = [undefined, [], [{ containerPort: 80 }], [{ containerPort: 80, hostPort: 0 }], [{ hostPort: 8080 }], [{ hostPort: '8080' }], [null], 'x'];
const VOLUMES = [
  { name: 'c', configMap: { name: 'c' } }, { name: 'e', emptyDir: {} }, { name: 's', secret: { secretName: 's' } }, { name: 'h', hostPath: { path: '/var/lib1' } },
  { name: 'h2', hostPath: { path: '/etc' } }, { name: 'n', nfs: { server: 's', path: '/' } }, { name: 'u' }, { name: 'z', emptyDir: null }, null, 'x',
];
const NAMES = ['nginx', 'redis', 'app', 'sidecar', ''];
const IMAGES = ['nginx:1.25', 'ghcr.io/kyverno/test-nginx:1', 'redis:7', 'busybox', 'registry.example.com/shop/web:1.4.2'];

function securityContext(r: Rand, rate: number): unknown {
  const sc: Obj = {
    allowPrivilegeEscalation: mutate(r, rate, false, BOOLS),
    runAsNonRoot: mutate(r, rate, true, BOOLS),
    seccompProfile: mutate(r, rate, { type: 'RuntimeDefault' }, SECCOMP),
    capabilities: mutate(r, rate, { drop: ['ALL'] }, CAPS),
  };
  if (r() < rate) sc.privileged = pick(r, BOOLS);
  if (r() < rate) sc.procMount = pick(r, PROC);
  if (r() < rate) sc.runAsUser = pick(r, USERS);
  if (r() < rate) sc.seLinuxOptions = pick(r, SELINUX);
  if (r() < rate) sc.appArmorProfile = pick(r, APPARMOR);
  if (r() < rate) sc.windowsOptions = pick(r, WINDOWS);
  return r() < rate / 3 ? pick(r, [undefined, null, {}, 'x']) : sc;
}

function container(r: Rand, rate: number): unknown {
  if (r() < rate / 10) return pick(r, [null, 'x', {}]);
  const c: Obj = { name: pick(r, NAMES), image: pick(r, IMAGES), securityContext: securityContext(r, rate) };
  if (r() < rate) c.ports = pick(r, PORTS);
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (r() < rate) c[probe] = pick(r, HANDLERS);
  if (r() < rate) c.lifecycle = pick(r, [undefined, null, {}, { postStart: pick(r, HANDLERS) }, { preStop: pick(r, HANDLERS) }]);
  return c;
}

function containers(r: Rand, rate: number, min: number): unknown {
  if (r() < rate / 5) return pick(r, [undefined, null, 'x', {}]);
  const n = min + Math.floor(r() * 3);
  return Array.from({ length: n }, () => container(r, rate));
}

function annotations(r: Rand, rate: number): Obj | undefined {
  if (r() >= rate) return r() < 0.5 ? undefined : { 'prometheus.io/scrape': 'true' };
  const a: Obj = {};
  const name = pick(r, NAMES);
  if (r() < 0.5) a[`container.apparmor.security.beta.kubernetes.io/${name}`] = pick(r, ['runtime/default', 'localhost/p', 'unconfined', '', 3]);
  if (r() < 0.5) a['seccomp.security.alpha.kubernetes.io/pod'] = pick(r, ['runtime/default', 'docker/default', 'unconfined', 'localhost/x', 1]);
  if (r() < 0.5) a[`container.seccomp.security.alpha.kubernetes.io/${name}`] = pick(r, ['runtime/default', 'unconfined', 'localhost/x']);
  return a;
}

/** A pod spec and metadata; `rate` is how often a field leaves its restricted value (0: the good pod). */
export function generatePod(r: Rand, rate: number): { metadata: Obj; spec: Obj } {
  const podSc: Obj = { runAsNonRoot: mutate(r, rate, true, BOOLS), seccompProfile: mutate(r, rate, { type: 'RuntimeDefault' }, SECCOMP) };
  if (r() < rate) podSc.runAsUser = pick(r, USERS);
  if (r() < rate) podSc.seLinuxOptions = pick(r, SELINUX);
  if (r() < rate) podSc.appArmorProfile = pick(r, APPARMOR);
  if (r() < rate) podSc.windowsOptions = pick(r, WINDOWS);
  if (r() < rate) podSc.sysctls = pick(r, SYSCTLS);
  const spec: Obj = { securityContext: r() < rate / 5 ? pick(r, [undefined, null, {}]) : podSc, containers: containers(r, rate, 1) };
  if (r() < rate) spec.initContainers = containers(r, rate, 0);
  if (r() < rate / 2) spec.ephemeralContainers = containers(r, rate, 0);
  for (const ns of ['hostNetwork', 'hostPID', 'hostIPC']) if (r() < rate / 2) spec[ns] = pick(r, BOOLS);
  if (r() < rate / 2) spec.os = pick(r, [undefined, { name: 'windows' }, { name: 'linux' }, 'windows']);
  if (r() < 0.7) spec.volumes = r() < rate ? Array.from({ length: Math.floor(r() * 4) }, () => pick(r, VOLUMES)) : [VOLUMES[0], VOLUMES[1]];
  const metadata: Obj = { name: 'p', namespace: pick(r, ['shop', 'staging-ns']) };
  const a = annotations(r, rate);
  if (a) metadata.annotations = a;
  return { metadata, spec };
}

/** Seeded random numbers (the shared generator; exported here for the pod generators' users). */
export const rng = seededRandom;
