/**
 * Pass predicates of the container-level checks (checks/capabilities.ts, privilege.ts, proc-mount.ts,
 * host.ts hostPorts and hostProbesAndHostLifecycle). Each mirrors its check's allowed condition exactly;
 * fast/fast.test.ts holds them to it on generated pods.
 */
import { list, obj, str } from '../helpers.js';
import { ALLOWED_V1_0 } from '../checks/capabilities.js';
import type { Obj } from '../types.js';
import { everyContainer, isWindows, sc, type Passes } from './walk.js';

const text = (x: unknown): string => (typeof x === 'string' ? x : String(x));

const defaultCapsOnly = (c: Obj): boolean => {
  const caps = obj(sc(c)?.capabilities);
  if (!caps) return true;
  const add = list(caps.add);
  for (let i = 0; i < add.length; i++) if (!ALLOWED_V1_0.has(text(add[i]))) return false;
  return true;
};

const dropsAllAddsNone = (c: Obj): boolean => {
  const caps = obj(sc(c)?.capabilities);
  if (!caps) return false;
  const drop = list(caps.drop);
  let all = false;
  for (let i = 0; i < drop.length && !all; i++) all = text(drop[i]) === 'ALL';
  if (!all) return false;
  const add = list(caps.add);
  for (let i = 0; i < add.length; i++) if (text(add[i]) !== 'NET_BIND_SERVICE') return false;
  return true;
};

const notPrivileged = (c: Obj): boolean => sc(c)?.privileged !== true;
const noEscalation = (c: Obj): boolean => sc(c)?.allowPrivilegeEscalation === false;

const defaultProcMount = (c: Obj): boolean => {
  const v = sc(c)?.procMount;
  return v === undefined || v === null || v === 'Default';
};

const noHostPorts = (c: Obj): boolean => {
  const ports = list(c.ports);
  for (let i = 0; i < ports.length; i++) {
    const hostPort = obj(ports[i])?.hostPort;
    if (typeof hostPort === 'number' && hostPort !== 0) return false;
  }
  return true;
};

const noHost = (handler: unknown): boolean => {
  const h = obj(handler);
  return !h || (str(obj(h.httpGet)?.host) === '' && str(obj(h.tcpSocket)?.host) === '');
};
const noProbeHosts = (c: Obj): boolean => {
  if (!noHost(c.livenessProbe) || !noHost(c.readinessProbe) || !noHost(c.startupProbe)) return false;
  const lifecycle = obj(c.lifecycle);
  return !lifecycle || (noHost(lifecycle.postStart) && noHost(lifecycle.preStop));
};

export const capabilitiesBaselineV1Dot0: Passes = (spec) => everyContainer(spec, defaultCapsOnly);
export const capabilitiesRestrictedV1Dot22: Passes = (spec) => everyContainer(spec, dropsAllAddsNone);
export const capabilitiesRestrictedV1Dot25: Passes = (spec) => isWindows(spec) || everyContainer(spec, dropsAllAddsNone);
export const privilegedV1Dot0: Passes = (spec) => everyContainer(spec, notPrivileged);
export const allowPrivilegeEscalationV1Dot8: Passes = (spec) => everyContainer(spec, noEscalation);
export const allowPrivilegeEscalationV1Dot25: Passes = (spec) => isWindows(spec) || everyContainer(spec, noEscalation);
export const procMountV1Dot0: Passes = (spec) => everyContainer(spec, defaultProcMount);
export const hostPortsV1Dot0: Passes = (spec) => everyContainer(spec, noHostPorts);
export const hostProbesV1Dot34: Passes = (spec) => everyContainer(spec, noProbeHosts);
