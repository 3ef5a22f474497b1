/**
 * `exclude` entries, per https://kyverno.io/docs/writing-policies/validate/#pod-security: a control name
 * alone exempts pod-level controls; container-level controls also name `images` (wildcards) and exempt
 * only the containers running them; `restrictedField` and `values` narrow an exemption to one field and
 * to the listed values.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePodSecurity } from './rule.js';
import type { Obj, PodSecurityExclude } from './types.js';

const pod = (spec: Obj, metadata: Obj = {}): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec });
const restricted = { allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, capabilities: { drop: ['ALL'] } };
const container = (name: string, image: string, sc: Obj = {}): Obj => ({ name, image, securityContext: { ...restricted, ...sc } });

function status(level: string, exclude: PodSecurityExclude[], resource: Obj) {
  return evaluatePodSecurity('r', { level, version: 'latest', exclude }, resource);
}

describe('pod-level controls by name', () => {
  const hostNet = pod({ hostNetwork: true, containers: [container('a', 'nginx')] });

  it('Host Namespaces exempts hostNetwork', () => {
    expect(status('baseline', [], hostNet).status).toBe('fail');
    expect(status('baseline', [{ controlName: 'Host Namespaces' }], hostNet).status).toBe('pass');
  });

  it('another control name exempts nothing, nor does an unknown one', () => {
    expect(status('baseline', [{ controlName: 'HostPath Volumes' }], hostNet).status).toBe('fail');
    expect(status('baseline', [{ controlName: 'host namespaces' }], hostNet).status).toBe('fail');
  });

  it('only the excluded control goes; the others still fail', () => {
    const both = pod({ hostNetwork: true, volumes: [{ name: 'h', hostPath: { path: '/etc' } }], containers: [container('a', 'nginx')] });
    const out = status('baseline', [{ controlName: 'Host Namespaces' }], both);
    expect(out.status).toBe('fail');
    expect(out.checks.map((c) => c.id)).toEqual(['hostPathVolumes']);
  });
});

describe('container-level controls with images', () => {
  const privileged = (image: string) => pod({ containers: [container('a', image, { privileged: true })] });

  it('exempts containers whose image matches a pattern', () => {
    const ex: PodSecurityExclude[] = [{ controlName: 'Privileged Containers', images: ['ghcr.io/kyverno/*'] }];
    expect(status('baseline', ex, privileged('ghcr.io/kyverno/test-nginx:1')).status).toBe('pass');
    expect(status('baseline', ex, privileged('docker.io/nginx:1')).status).toBe('fail');
  });

  it('leaves other containers failing', () => {
    const two = pod({ containers: [container('a', 'nginx:1', { privileged: true }), container('b', 'busybox:1', { privileged: true })] });
    const out = status('baseline', [{ controlName: 'Privileged Containers', images: ['nginx*'] }], two);
    expect(out.status).toBe('fail');
    expect(out.checks[0]?.result.errList.map((e) => e.field)).toEqual(['spec.containers[1].securityContext.privileged']);
  });

  it('Capabilities covers both capability checks at restricted', () => {
    const sysAdmin = pod({ containers: [container('a', 'redis:7', { capabilities: { add: ['SYS_ADMIN'], drop: ['ALL'] } })] });
    expect(status('restricted', [], sysAdmin).checks.map((c) => c.id)).toEqual(['capabilities_baseline', 'capabilities_restricted']);
    expect(status('restricted', [{ controlName: 'Capabilities', images: ['redis*'] }], sysAdmin).status).toBe('pass');
  });

  it('Host Probes / Lifecycle Hooks (1.34) by image', () => {
    const probe = pod({ containers: [{ ...container('a', 'eks/pod-identity-agent:0.1'), livenessProbe: { httpGet: { host: 'localhost', port: 2703 } } }] });
    expect(status('baseline', [], probe).checks.map((c) => c.id)).toEqual(['hostProbesAndHostLifecycle']);
    expect(status('baseline', [{ controlName: 'Host Probes / Lifecycle Hooks', images: ['eks/*'] }], probe).status).toBe('pass');
  });

  it('init containers are matched by image too', () => {
    const init = pod({ initContainers: [container('i', 'busybox:1', { allowPrivilegeEscalation: true })], containers: [container('a', 'nginx')] });
    expect(status('restricted', [{ controlName: 'Privilege Escalation', images: ['busybox:*'] }], init).status).toBe('pass');
  });
});

describe('restrictedField and values', () => {
  const seccomp = (type: string) => pod({ containers: [container('a', 'nginx:1', { seccompProfile: { type } })] });
  const field = 'spec.containers[*].securityContext.seccompProfile.type';

  it('exempts the field when every bad value is listed', () => {
    const ex: PodSecurityExclude[] = [{ controlName: 'Seccomp', images: ['nginx*'], restrictedField: field, values: ['Unconfined'] }];
    expect(status('restricted', [], seccomp('Unconfined')).checks.map((c) => c.id)).toEqual(['seccompProfile_baseline', 'seccompProfile_restricted']);
    expect(status('restricted', ex, seccomp('Unconfined')).status).toBe('pass');
  });

  it('a value not listed, or another field, exempts nothing', () => {
    expect(status('restricted', [{ controlName: 'Seccomp', images: ['nginx*'], restrictedField: field, values: ['Localhost'] }], seccomp('Unconfined')).status).toBe('fail');
    expect(status('restricted', [{ controlName: 'Seccomp', images: ['nginx*'], restrictedField: 'spec.securityContext.seccompProfile.type', values: ['Unconfined'] }], seccomp('Unconfined')).status).toBe('fail');
  });

  it('values take wildcards; pod-level fields need no images', () => {
    const sysctl = pod({ securityContext: { sysctls: [{ name: 'net.core.somaxconn', value: '1' }] }, containers: [container('a', 'nginx')] });
    const ex = (values: string[]): PodSecurityExclude[] => [{ controlName: 'Sysctls', restrictedField: 'spec.securityContext.sysctls[*].name', values }];
    expect(status('baseline', ex(['net.core.*']), sysctl).status).toBe('pass');
    expect(status('baseline', ex(['kernel.*']), sysctl).status).toBe('fail');
  });

  it('hostPath volumes: values are the paths', () => {
    const hostPath = (path: string) => pod({ volumes: [{ name: 'h', hostPath: { path } }], containers: [container('a', 'nginx')] });
    const ex: PodSecurityExclude[] = [{ controlName: 'HostPath Volumes', restrictedField: 'spec.volumes[*].hostPath', values: ['/var/lib1', '/data/*'] }];
    expect(status('baseline', ex, hostPath('/var/lib1')).status).toBe('pass');
    expect(status('baseline', ex, hostPath('/data/x')).status).toBe('pass');
    expect(status('baseline', ex, hostPath('/etc')).status).toBe('fail');
  });

  it('capabilities.add: all added capabilities must be listed', () => {
    const caps = (add: string[]) => pod({ containers: [container('a', 'nginx', { capabilities: { add, drop: ['ALL'] } })] });
    const ex: PodSecurityExclude[] = [
      { controlName: 'Capabilities', images: ['nginx'], restrictedField: 'spec.containers[*].securityContext.capabilities.add', values: ['SYS_ADMIN'] },
    ];
    expect(status('restricted', ex, caps(['SYS_ADMIN'])).status).toBe('pass');
    expect(status('restricted', ex, caps(['SYS_ADMIN', 'NET_RAW'])).status).toBe('fail');
  });
});
