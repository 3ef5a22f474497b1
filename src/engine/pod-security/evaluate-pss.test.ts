/**
 * Levels and versions (https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-levels
 * and Kyverno's podSecurity `version`): baseline runs baseline checks only, restricted all of them;
 * `latest` the newest behaviour, a pinned v1.x the behaviour of that release.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePss } from './evaluate-pss.js';
import { podWith, restrictedPod } from './test-helpers.js';
import type { PodView, PolicyVersion } from './types.js';
import { parseLevel, parseVersion } from './version.js';

const latest: PolicyVersion = { latest: true };
const v = (minor: number): PolicyVersion => ({ latest: false, minor });
const ids = (level: 'baseline' | 'restricted' | 'privileged', version: PolicyVersion, pod: PodView) => evaluatePss(level, version, pod).map((c) => c.id);

describe('parseVersion and parseLevel', () => {
  it('accepts latest, empty and v1.<minor>', () => {
    expect(parseVersion(undefined)).toEqual({ ok: true, value: { latest: true } });
    expect(parseVersion('')).toEqual({ ok: true, value: { latest: true } });
    expect(parseVersion('latest')).toEqual({ ok: true, value: { latest: true } });
    expect(parseVersion('v1.0')).toEqual({ ok: true, value: { latest: false, minor: 0 } });
    expect(parseVersion('v1.29')).toEqual({ ok: true, value: { latest: false, minor: 29 } });
  });

  it('rejects anything else', () => {
    for (const bad of ['1.29', 'v2.0', 'v1.029', 'v1', 'v1.x', 'Latest']) expect(parseVersion(bad).ok, bad).toBe(false);
    expect(parseLevel('restricted').ok).toBe(true);
    expect(parseLevel('strict').ok).toBe(false);
  });
});

describe('levels', () => {
  const pod: PodView = { metadata: {}, spec: { hostNetwork: true, containers: [{ name: 'app', image: 'nginx' }] } };

  it('baseline reports baseline checks only', () => {
    expect(ids('baseline', latest, pod)).toEqual(['hostNamespaces']);
  });

  it('restricted adds the restricted checks, in upstream order', () => {
    expect(ids('restricted', latest, pod)).toEqual([
      'allowPrivilegeEscalation', 'capabilities_restricted', 'hostNamespaces', 'runAsNonRoot', 'seccompProfile_restricted',
    ]);
  });

  it('restricted keeps the baseline check a restricted one supersedes (Kyverno runs both)', () => {
    const withHostPath = podWith({}, { volumes: [{ name: 'h', hostPath: { path: '/' } }] });
    expect(ids('restricted', latest, withHostPath)).toEqual(['hostPathVolumes', 'restrictedVolumes']);
  });

  it('privileged allows everything', () => {
    expect(ids('privileged', latest, pod)).toEqual([]);
  });
});

describe('versions', () => {
  it('a check runs only from its minimum version: runAsUser from v1.23', () => {
    const root = podWith({ securityContext: { runAsUser: 0 } });
    expect(ids('restricted', v(22), root)).toEqual([]);
    expect(ids('restricted', v(23), root)).toEqual(['runAsUser']);
    expect(ids('restricted', latest, root)).toEqual(['runAsUser']);
  });

  it('capabilities_restricted from v1.22, allowPrivilegeEscalation from v1.8', () => {
    const pod: PodView = { metadata: {}, spec: { securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] } };
    expect(ids('restricted', v(7), pod)).toEqual([]);
    expect(ids('restricted', v(8), pod)).toEqual(['allowPrivilegeEscalation']);
    expect(ids('restricted', v(22), pod)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
  });

  it('sysctls: the allowed set grows in v1.27 and v1.29', () => {
    const pod = (name: string) => podWith({}, { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name, value: '1' }] } });
    expect(ids('baseline', v(26), pod('net.ipv4.ip_local_reserved_ports'))).toEqual(['sysctls']);
    expect(ids('baseline', v(27), pod('net.ipv4.ip_local_reserved_ports'))).toEqual([]);
    expect(ids('baseline', v(28), pod('net.ipv4.tcp_keepalive_time'))).toEqual(['sysctls']);
    expect(ids('baseline', v(29), pod('net.ipv4.tcp_keepalive_time'))).toEqual([]);
    expect(ids('baseline', latest, pod('net.ipv4.tcp_keepalive_time'))).toEqual([]);
  });

  it('seccomp: annotations before v1.19, the securityContext field from v1.19', () => {
    const annotated = podWith({}, { securityContext: { runAsNonRoot: true } }, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } });
    const [old] = evaluatePss('baseline', v(18), annotated);
    expect(old?.result.forbiddenDetail).toBe('forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"');
    expect(ids('baseline', v(19), annotated)).toEqual([]);
  });

  it('Windows pods are exempt from restricted container checks from v1.25 on', () => {
    const win: PodView = { metadata: {}, spec: { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'w' }] } };
    expect(ids('restricted', v(24), win)).toEqual(['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
    expect(ids('restricted', v(25), win)).toEqual([]);
  });

  it('host probes are checked from v1.34', () => {
    const pod = podWith({ readinessProbe: { tcpSocket: { host: 'example.com', port: 80 } } });
    expect(ids('baseline', v(33), pod)).toEqual([]);
    expect(ids('baseline', v(34), pod)).toEqual(['hostProbesAndHostLifecycle']);
  });

  it('the restricted example pod passes at every version', () => {
    for (const minor of [0, 19, 25, 30, 34]) expect(ids('restricted', v(minor), restrictedPod())).toEqual([]);
  });
});
