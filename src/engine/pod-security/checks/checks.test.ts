/**
 * Every Pod Security Standards check, pass and fail, on the examples of
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/, with the admission plugin's
 * forbidden reason and detail (k8s.io/pod-security-admission/policy) and Kyverno's field errors.
 */
import { describe, expect, it } from 'vitest';
import { podWith, restrictedPod } from '../test-helpers.js';
import type { CheckId, CheckResult, PodView } from '../types.js';
import { CHECKS, CHECK_LIST } from './index.js';

/** The latest implementation of a check. */
function run(id: CheckId, pod: PodView): CheckResult {
  const versions = CHECKS[id].versions;
  return (versions[versions.length - 1] as (typeof versions)[number]).check(pod);
}

const text = (r: CheckResult) => `${r.forbiddenReason} (${r.forbiddenDetail})`;

describe('the registry', () => {
  it('holds every check once, under its own id, with increasing minimum versions', () => {
    for (const [key, check] of Object.entries(CHECKS)) {
      expect(check.id).toBe(key);
      const mins = check.versions.map((v) => v.minimumMinor);
      expect([...mins].sort((a, b) => a - b)).toEqual(mins);
    }
    expect(CHECK_LIST.filter((c) => c.level === 'restricted').map((c) => c.id).sort()).toEqual([
      'allowPrivilegeEscalation', 'capabilities_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted',
    ]);
  });

  it('the restricted example pod passes every check', () => {
    for (const check of CHECK_LIST) expect(run(check.id, restrictedPod()).allowed, check.id).toBe(true);
  });
});

describe('baseline checks', () => {
  it('privileged', () => {
    const r = run('privileged', podWith({ securityContext: { privileged: true } }));
    expect(text(r)).toBe('privileged (container "nginx" must not set securityContext.privileged=true)');
    expect(r.errList).toEqual([{ type: 'Forbidden', field: 'spec.containers[0].securityContext.privileged', badValue: true }]);
    expect(run('privileged', podWith({ securityContext: { privileged: false } })).allowed).toBe(true);
  });

  it('windowsHostProcess, on the pod and on containers', () => {
    const pod = podWith({ securityContext: { windowsOptions: { hostProcess: true } } }, { securityContext: { windowsOptions: { hostProcess: true } } });
    expect(text(run('windowsHostProcess', pod))).toBe('hostProcess (pod and container "nginx" must not set securityContext.windowsOptions.hostProcess=true)');
    expect(run('windowsHostProcess', podWith({ securityContext: { windowsOptions: { hostProcess: false } } })).allowed).toBe(true);
  });

  it('hostNamespaces', () => {
    const r = run('hostNamespaces', podWith({}, { hostNetwork: true, hostPID: true, hostIPC: false }));
    expect(text(r)).toBe('host namespaces (hostNetwork=true, hostPID=true)');
    expect(r.errList?.map((e) => e.field)).toEqual(['spec.hostNetwork', 'spec.hostPID']);
    expect(run('hostNamespaces', podWith({}, { hostNetwork: false })).allowed).toBe(true);
  });

  it('hostPathVolumes', () => {
    const r = run('hostPathVolumes', podWith({}, { volumes: [{ name: 'data', emptyDir: {} }, { name: 'host', hostPath: { path: '/var/lib' } }] }));
    expect(text(r)).toBe('hostPath volumes (volume "host")');
    expect(r.errList).toEqual([{ type: 'Forbidden', field: 'spec.volumes[1].hostPath', badValue: '/var/lib' }]);
    expect(run('hostPathVolumes', podWith({}, { volumes: [{ name: 'data', emptyDir: {} }] })).allowed).toBe(true);
  });

  it('hostPorts', () => {
    const r = run('hostPorts', podWith({ ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 90, hostPort: 9090 }, { containerPort: 70 }] }));
    expect(text(r)).toBe('hostPort (container "nginx" uses hostPorts 8080, 9090)');
    expect(r.errList?.map((e) => e.badValue)).toEqual([8080, 9090]);
    expect(run('hostPorts', podWith({ ports: [{ containerPort: 80, hostPort: 0 }] })).allowed).toBe(true);
  });

  it('hostProbesAndHostLifecycle (1.34)', () => {
    const r = run('hostProbesAndHostLifecycle', podWith({ livenessProbe: { httpGet: { host: '10.0.0.1', port: 80 } } }));
    expect(text(r)).toBe('probe or lifecycle host (container "nginx" uses probe or lifecycle host "10.0.0.1")');
    expect(r.errList).toEqual([{ type: 'Forbidden', field: 'spec.containers[0].livenessProbe.httpGet.host', badValue: '10.0.0.1' }]);
    expect(run('hostProbesAndHostLifecycle', podWith({ livenessProbe: { httpGet: { port: 80 } } })).allowed).toBe(true);
  });

  it('appArmorProfile: annotations and securityContext.appArmorProfile', () => {
    const annotated = podWith({}, {}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/nginx': 'unconfined' } });
    expect(text(run('appArmorProfile', annotated))).toBe(
      'forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/nginx="unconfined"")',
    );
    const field = podWith({ securityContext: { appArmorProfile: { type: 'Unconfined' } } });
    expect(text(run('appArmorProfile', field))).toBe('forbidden AppArmor profile (container "nginx" must not set AppArmor profile type to "Unconfined")');
    const ok = podWith({ securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'x' } } }, {}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/nginx': 'runtime/default' } });
    expect(run('appArmorProfile', ok).allowed).toBe(true);
  });

  it('seLinuxOptions', () => {
    const r = run('seLinuxOptions', podWith({ securityContext: { seLinuxOptions: { type: 'spc_t', user: 'root' } } }));
    expect(text(r)).toBe('seLinuxOptions (container "nginx" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set)');
    expect(r.errList?.map((e) => e.field)).toEqual(['spec.containers[0].securityContext.seLinuxOptions.type', 'spec.containers[0].securityContext.seLinuxOptions.user']);
    expect(run('seLinuxOptions', podWith({ securityContext: { seLinuxOptions: { type: 'container_t', level: 's0:c123,c456' } } })).allowed).toBe(true);
  });

  it('procMount', () => {
    expect(text(run('procMount', podWith({ securityContext: { procMount: 'Unmasked' } })))).toBe('procMount (container "nginx" must not set securityContext.procMount to "Unmasked")');
    expect(run('procMount', podWith({ securityContext: { procMount: 'Default' } })).allowed).toBe(true);
  });

  it('seccompProfile_baseline: Unconfined is forbidden, unset is allowed', () => {
    const r = run('seccompProfile_baseline', podWith({}, { securityContext: { seccompProfile: { type: 'Unconfined' } } }));
    expect(text(r)).toBe('seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")');
    expect(run('seccompProfile_baseline', podWith({}, { securityContext: {} })).allowed).toBe(true);
  });

  it('sysctls', () => {
    const r = run('sysctls', podWith({}, { securityContext: { sysctls: [{ name: 'kernel.shm_rmid_forced', value: '0' }, { name: 'net.core.somaxconn', value: '1024' }] } }));
    expect(text(r)).toBe('forbidden sysctls (net.core.somaxconn)');
    expect(r.errList).toEqual([{ type: 'Forbidden', field: 'spec.securityContext.sysctls[1].name', badValue: 'net.core.somaxconn' }]);
  });

  it('capabilities_baseline', () => {
    const r = run('capabilities_baseline', podWith({ securityContext: { capabilities: { add: ['NET_RAW', 'CHOWN', 'SYS_ADMIN'] } } }));
    expect(text(r)).toBe('non-default capabilities (container "nginx" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add)');
    expect(r.errList?.[0]?.badValue).toEqual(['NET_RAW', 'SYS_ADMIN']);
    expect(run('capabilities_baseline', podWith({ securityContext: { capabilities: { add: ['CHOWN', 'KILL'] } } })).allowed).toBe(true);
  });
});

describe('restricted checks', () => {
  it('restrictedVolumes', () => {
    const r = run('restrictedVolumes', podWith({}, { volumes: [{ name: 'a', configMap: { name: 'c' } }, { name: 'b', nfs: { server: 's', path: '/' } }, { name: 'c' }] }));
    expect(text(r)).toBe('restricted volume types (volumes "b", "c" use restricted volume types "nfs", "unknown")');
    expect(r.errList?.map((e) => e.field)).toEqual(['spec.volumes[1].nfs', 'spec.volumes[2].unknown']);
  });

  it('allowPrivilegeEscalation: unset, nil and true all fail', () => {
    const pod: PodView = { metadata: {}, spec: { containers: [{ name: 'a' }, { name: 'b', securityContext: {} }, { name: 'c', securityContext: { allowPrivilegeEscalation: true } }] } };
    const r = run('allowPrivilegeEscalation', pod);
    expect(text(r)).toBe('allowPrivilegeEscalation != false (containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false)');
    expect(r.errList?.map((e) => [e.type, e.badValue])).toEqual([['Required', ''], ['Forbidden', 'nil'], ['Forbidden', true]]);
  });

  it('runAsNonRoot: pod-level true covers containers; explicit false fails', () => {
    expect(run('runAsNonRoot', restrictedPod()).allowed).toBe(true);
    const unset = podWith({}, { securityContext: {} });
    expect(text(run('runAsNonRoot', unset))).toBe('runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true)');
    const explicit = podWith({ securityContext: { runAsNonRoot: false } });
    expect(text(run('runAsNonRoot', explicit))).toBe('runAsNonRoot != true (container "nginx" must not set securityContext.runAsNonRoot=false)');
  });

  it('runAsUser=0', () => {
    const r = run('runAsUser', podWith({ securityContext: { runAsUser: 0 } }, { securityContext: { runAsNonRoot: true, runAsUser: 0 } }));
    expect(text(r)).toBe('runAsUser=0 (pod and container "nginx" must not set runAsUser=0)');
    expect(run('runAsUser', podWith({ securityContext: { runAsUser: 1000 } })).allowed).toBe(true);
  });

  it('seccompProfile_restricted: must be set on the pod or every container', () => {
    const pod = podWith({}, { securityContext: { runAsNonRoot: true } });
    expect(text(run('seccompProfile_restricted', pod))).toBe(
      'seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
    expect(run('seccompProfile_restricted', podWith({ securityContext: { seccompProfile: { type: 'Localhost' } } }, { securityContext: {} })).allowed).toBe(true);
  });

  it('capabilities_restricted: drop ALL, add only NET_BIND_SERVICE', () => {
    const r = run('capabilities_restricted', podWith({ securityContext: { capabilities: { drop: ['NET_RAW'], add: ['NET_BIND_SERVICE', 'SYS_TIME'] } } }));
    expect(text(r)).toBe(
      'unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]; container "nginx" must not include "SYS_TIME" in securityContext.capabilities.add)',
    );
    expect(run('capabilities_restricted', podWith({ securityContext: { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } })).allowed).toBe(true);
  });

  it('Windows pods (spec.os.name=windows) are exempt from the 1.25 versions', () => {
    const win: PodView = { metadata: {}, spec: { os: { name: 'windows' }, containers: [{ name: 'w' }] } };
    for (const id of ['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted'] as const) {
      expect(run(id, win).allowed, id).toBe(true);
      expect((CHECKS[id].versions[0] as { check: (p: PodView) => CheckResult }).check(win).allowed, `${id} before 1.25`).toBe(false);
    }
  });
});
