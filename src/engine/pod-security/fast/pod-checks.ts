/**
 * Pass predicates of the checks that read pod-level fields, metadata or volumes (checks/host.ts,
 * restricted-volumes.ts, sysctls.ts, run-as.ts, privilege.ts windowsHostProcess). Each mirrors its
 * check's allowed condition exactly; fast/fast.test.ts holds them to it on generated pods.
 */
import { isSet, list, obj, str } from '../helpers.js';
import { ALLOWED as ALLOWED_VOLUMES } from '../checks/restricted-volumes.js';
import { V1_0, V1_27, V1_29 } from '../checks/sysctls.js';
import type { Obj } from '../types.js';
import { everyContainer, sc, type Passes } from './walk.js';

export const hostNamespacesV1Dot0: Passes = (spec) => spec.hostNetwork !== true && spec.hostPID !== true && spec.hostIPC !== true;

export const hostPathVolumesV1Dot0: Passes = (spec) => {
  const volumes = list(spec.volumes);
  for (let i = 0; i < volumes.length; i++) if (isSet(obj(volumes[i])?.hostPath)) return false;
  return true;
};

export const restrictedVolumesV1Dot0: Passes = (spec) => {
  const volumes = list(spec.volumes);
  outer: for (let i = 0; i < volumes.length; i++) {
    const volume = obj(volumes[i]);
    if (!volume) return false;
    for (let t = 0; t < ALLOWED_VOLUMES.length; t++) if (isSet(volume[ALLOWED_VOLUMES[t] as string])) continue outer;
    return false;
  }
  return true;
};

function sysctlsWith(names: readonly string[]): Passes {
  const allowed = new Set(names);
  return (spec) => {
    const sysctls = list(sc(spec)?.sysctls);
    for (let i = 0; i < sysctls.length; i++) if (!allowed.has(str(obj(sysctls[i])?.name))) return false;
    return true;
  };
}
export const sysctlsV1Dot0 = sysctlsWith(V1_0);
export const sysctlsV1Dot27 = sysctlsWith(V1_27);
export const sysctlsV1Dot29 = sysctlsWith(V1_29);

const runAsNonRootNotFalse = (c: Obj): boolean => sc(c)?.runAsNonRoot !== false;
const runAsNonRootTrue = (c: Obj): boolean => sc(c)?.runAsNonRoot === true;
/** A pod-level true covers containers that leave it unset; an explicit false anywhere fails. */
export const runAsNonRootV1Dot0: Passes = (spec) => {
  const podValue = sc(spec)?.runAsNonRoot;
  if (podValue === false) return false;
  return everyContainer(spec, podValue === true ? runAsNonRootNotFalse : runAsNonRootTrue);
};

const notRoot = (c: Obj): boolean => sc(c)?.runAsUser !== 0;
export const runAsUserV1Dot23: Passes = (spec) => sc(spec)?.runAsUser !== 0 && everyContainer(spec, notRoot);

const notHostProcess = (o: Obj): boolean => obj(sc(o)?.windowsOptions)?.hostProcess !== true;
export const windowsHostProcessV1Dot0: Passes = (spec) => notHostProcess(spec) && everyContainer(spec, notHostProcess);
