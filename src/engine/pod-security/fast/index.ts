/**
 * Pass predicates for the Pod Security Standards checks (issue #5): for each check, one predicate per
 * versioned implementation, in the same order as CHECKS[id].versions. A predicate answers, without
 * allocating, exactly whether that implementation returns `allowed`; the checks themselves still
 * produce every failure with its reason, detail and field errors.
 */
import type { CheckId } from '../types.js';
import * as c from './container-checks.js';
import * as p from './pod-checks.js';
import * as pr from './profile-checks.js';
import type { Passes } from './walk.js';

export type { Passes } from './walk.js';

export const PASSES = {
  allowPrivilegeEscalation: [c.allowPrivilegeEscalationV1Dot8, c.allowPrivilegeEscalationV1Dot25],
  appArmorProfile: [pr.appArmorProfileV1Dot0],
  capabilities_baseline: [c.capabilitiesBaselineV1Dot0],
  capabilities_restricted: [c.capabilitiesRestrictedV1Dot22, c.capabilitiesRestrictedV1Dot25],
  hostNamespaces: [p.hostNamespacesV1Dot0],
  hostPathVolumes: [p.hostPathVolumesV1Dot0],
  hostPorts: [c.hostPortsV1Dot0],
  hostProbesAndHostLifecycle: [c.hostProbesV1Dot34],
  privileged: [c.privilegedV1Dot0],
  procMount: [c.procMountV1Dot0],
  restrictedVolumes: [p.restrictedVolumesV1Dot0],
  runAsNonRoot: [p.runAsNonRootV1Dot0],
  runAsUser: [p.runAsUserV1Dot23],
  seLinuxOptions: [pr.seLinuxOptionsV1Dot0],
  seccompProfile_baseline: [pr.seccompBaselineV1Dot0, pr.seccompBaselineV1Dot19],
  seccompProfile_restricted: [pr.seccompRestrictedV1Dot19, pr.seccompRestrictedV1Dot25],
  sysctls: [p.sysctlsV1Dot0, p.sysctlsV1Dot27, p.sysctlsV1Dot29],
  windowsHostProcess: [p.windowsHostProcessV1Dot0],
} as const satisfies Record<CheckId, readonly Passes[]>;
