/**
 * hostNamespaces, hostPathVolumes, hostPorts (baseline, 1.0) and hostProbesAndHostLifecycle (baseline,
 * 1.34): check_hostNamespaces.go, check_hostPathVolumes.go, check_hostPorts.go,
 * check_hostProbesAndhostLifecycle.go.
 */
import { allowed, denied, forbidden, isSet, joinQuote, list, obj, pluralize, sortedSet, str, Violations, visitContainers } from '../helpers.js';
import type { Check, CheckResult, FieldError, Obj, PodView } from '../types.js';

function hostNamespacesV1Dot0(pod: PodView): CheckResult {
  const bad = new Violations();
  for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod.spec[key] === true) bad.add(`${key}=true`, forbidden(`spec.${key}`, true));
  }
  return bad.empty ? allowed : denied('host namespaces', bad.data.join(', '), bad.errs);
}

function hostPathVolumesV1Dot0(pod: PodView): CheckResult {
  const bad = new Violations();
  list(pod.spec.volumes).forEach((v, i) => {
    const volume = obj(v) ?? {};
    // The path is the bad value (as in the policy package Kyverno builds on), so `values` can name paths.
    if (isSet(volume.hostPath)) bad.add(str(volume.name), forbidden(`spec.volumes[${i}].hostPath`, str(obj(volume.hostPath)?.path)));
  });
  if (bad.empty) return allowed;
  return denied('hostPath volumes', `${pluralize('volume', 'volumes', bad.len)} ${joinQuote(bad.data)}`, bad.errs);
}

function hostPortsV1Dot0(pod: PodView): CheckResult {
  const bad = new Violations();
  const ports: string[] = [];
  visitContainers(pod.spec, ({ container, name, path }) => {
    const errs = list(container.ports).flatMap((p, i) => {
      const hostPort = obj(p)?.hostPort;
      if (typeof hostPort !== 'number' || hostPort === 0) return [];
      ports.push(String(hostPort));
      return [forbidden(`${path}.ports[${i}].hostPort`, hostPort)];
    });
    if (errs.length > 0) bad.add(name, ...errs);
  });
  if (bad.empty) return allowed;
  const hostPorts = sortedSet(ports);
  const detail = [
    pluralize('container', 'containers', bad.len),
    joinQuote(bad.data),
    pluralize('uses', 'use', bad.len),
    pluralize('hostPort', 'hostPorts', hostPorts.length),
    hostPorts.join(', '),
  ].join(' ');
  return denied('hostPort', detail, bad.errs);
}

/** Field errors for the hosts set on one probe or lifecycle handler's httpGet/tcpSocket. */
function hostErrors(handler: unknown, path: string): FieldError[] {
  const h = obj(handler);
  if (!h) return [];
  return (['httpGet', 'tcpSocket'] as const).flatMap((action) => {
    const host = str(obj(h[action])?.host);
    return host === '' ? [] : [forbidden(`${path}.${action}.host`, host)];
  });
}

function hostProbesV1Dot34(pod: PodView): CheckResult {
  const bad = new Violations();
  const hosts = new Set<string>();
  visitContainers(pod.spec, ({ container, name, path }) => {
    const lifecycle: Obj = obj(container.lifecycle) ?? {};
    const errs = [
      ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((p) => hostErrors(container[p], `${path}.${p}`)),
      ...['postStart', 'preStop'].flatMap((h) => hostErrors(lifecycle[h], `${path}.lifecycle.${h}`)),
    ];
    if (errs.length === 0) return;
    errs.forEach((e) => hosts.add(String(e.badValue)));
    // Upstream collects names in a set: a container is named once, and the list is sorted.
    if (!bad.data.includes(name)) bad.add(name);
    bad.errs.push(...errs);
  });
  if (bad.empty) return allowed;
  const names = sortedSet(bad.data);
  const detail = [
    pluralize('container', 'containers', names.length),
    joinQuote(names),
    pluralize('uses', 'use', names.length),
    pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hosts.size),
    joinQuote(sortedSet(hosts)),
  ].join(' ');
  // Upstream records no field errors for this check; these (host as bad value) let exclusions name it.
  return denied('probe or lifecycle host', detail, bad.errs);
}

const v1 = (check: (pod: PodView) => CheckResult) => [{ minimumMinor: 0, check }];
export const hostNamespaces: Check = { id: 'hostNamespaces', level: 'baseline', versions: v1(hostNamespacesV1Dot0) };
export const hostPathVolumes: Check = { id: 'hostPathVolumes', level: 'baseline', versions: v1(hostPathVolumesV1Dot0) };
export const hostPorts: Check = { id: 'hostPorts', level: 'baseline', versions: v1(hostPortsV1Dot0) };
export const hostProbesAndHostLifecycle: Check = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  versions: [{ minimumMinor: 34, check: hostProbesV1Dot34 }],
};
