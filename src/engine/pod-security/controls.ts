/**
 * Pod Security Standards control names, as written in `exclude[].controlName`, and the checks behind each
 * (Kyverno pkg/pss/utils/mapping.go PSS_controls_to_check_id; names from
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/).
 */
import type { CheckId } from './types.js';

export const CONTROLS = {
  // Controls with one check per level.
  Capabilities: ['capabilities_baseline', 'capabilities_restricted'],
  Seccomp: ['seccompProfile_baseline', 'seccompProfile_restricted'],
  // Baseline, container level.
  'Privileged Containers': ['privileged'],
  'Host Ports': ['hostPorts'],
  '/proc Mount Type': ['procMount'],
  // Kubernetes 1.34; Kyverno names it so since #15111.
  'Host Probes / Lifecycle Hooks': ['hostProbesAndHostLifecycle'],
  // Baseline, container and pod level.
  HostProcess: ['windowsHostProcess'],
  SELinux: ['seLinuxOptions'],
  // Baseline, pod level.
  'Host Namespaces': ['hostNamespaces'],
  'HostPath Volumes': ['hostPathVolumes'],
  Sysctls: ['sysctls'],
  // Baseline, metadata level.
  AppArmor: ['appArmorProfile'],
  // Restricted.
  'Privilege Escalation': ['allowPrivilegeEscalation'],
  'Running as Non-root': ['runAsNonRoot'],
  'Running as Non-root user': ['runAsUser'],
  'Volume Types': ['restrictedVolumes'],
} as const satisfies Record<string, readonly CheckId[]>;

export type ControlName = keyof typeof CONTROLS;

/** The checks a control name stands for; none for an unknown name (Kyverno then exempts nothing). */
export function checksOfControl(name: string): readonly CheckId[] {
  return Object.hasOwn(CONTROLS, name) ? CONTROLS[name as ControlName] : [];
}
