/**
 * The registry of Pod Security Standards checks (policy.DefaultChecks()). Order is upstream's: Go runs
 * each check file's init() in file-name order, and that order shows in Kyverno's messages.
 */
import type { Check, CheckId } from '../types.js';
import { appArmorProfile } from './app-armor.js';
import { capabilitiesBaseline, capabilitiesRestricted } from './capabilities.js';
import { hostNamespaces, hostPathVolumes, hostPorts, hostProbesAndHostLifecycle } from './host.js';
import { allowPrivilegeEscalation, privileged, windowsHostProcess } from './privilege.js';
import { procMount } from './proc-mount.js';
import { restrictedVolumes } from './restricted-volumes.js';
import { runAsNonRoot, runAsUser } from './run-as.js';
import { seLinuxOptions } from './se-linux.js';
import { seccompProfileBaseline, seccompProfileRestricted } from './seccomp.js';
import { sysctls } from './sysctls.js';

export const CHECKS = {
  allowPrivilegeEscalation,
  appArmorProfile,
  capabilities_baseline: capabilitiesBaseline,
  capabilities_restricted: capabilitiesRestricted,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seLinuxOptions,
  seccompProfile_baseline: seccompProfileBaseline,
  seccompProfile_restricted: seccompProfileRestricted,
  sysctls,
  windowsHostProcess,
} as const satisfies Record<CheckId, Check>;

/** Checks in upstream's evaluation order (object keys keep insertion order). */
export const CHECK_LIST: readonly Check[] = Object.values(CHECKS);
