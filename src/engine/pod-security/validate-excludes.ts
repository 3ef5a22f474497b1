/**
 * Policy-time checks of podSecurity `exclude` entries (and PolicyException `podSecurity` entries), as
 * Kyverno's PodSecurityStandard.Validate and Rule.ValidatePSaControlNames reject them: container-level
 * controls need `images`, pod-level controls take none, `restrictedField` and `values` go together, and
 * a baseline rule cannot exclude a restricted-only control. For src/policy to report; pure.
 */
import type { Issue } from '../result.js';
import type { PodSecurityExclude } from './types.js';

/** pkg/pss/utils/mapping.go PSS_container_level_control (+ the 1.34 probes control). */
const CONTAINER_LEVEL = new Set(['Capabilities', 'Privileged Containers', 'Host Ports', '/proc Mount Type', 'Privilege Escalation', 'Host Probes / Lifecycle Hooks']);
/** PSS_pod_level_control. */
const POD_LEVEL = new Set(['Host Namespaces', 'HostPath Volumes', 'Sysctls', 'AppArmor', 'Volume Types']);
/** PSS_restricted_control_names minus Seccomp and Capabilities, which have a baseline check too. */
const RESTRICTED_ONLY = new Set(['Volume Types', 'Privilege Escalation', 'Running as Non-root', 'Running as Non-root user']);

export const PSS_EXCLUDE_CODES = {
  PSS_EXCLUDE_IMAGES_REQUIRED: 'exclude.images must be specified for the container level control',
  PSS_EXCLUDE_IMAGES_FORBIDDEN: 'exclude.images must not be specified for the pod level control',
  PSS_EXCLUDE_VALUES_REQUIRED: 'values is required',
  PSS_EXCLUDE_RESTRICTED_FIELD_REQUIRED: 'restrictedField is required',
  PSS_EXCLUDE_CONTROL_LEVEL: 'Invalid control name defined at the given level',
} as const satisfies Record<string, string>;

type Code = keyof typeof PSS_EXCLUDE_CODES;
const issue = (code: Code, path: string): Issue => ({ code, message: PSS_EXCLUDE_CODES[code], path, severity: 'error' });

/** Issues for `excludes`, with JSON Pointers under `base` (e.g. `/spec/rules/0/validate/podSecurity/exclude`). */
export function validateExcludes(excludes: readonly PodSecurityExclude[], level: string | undefined, base: string): Issue[] {
  const issues: Issue[] = [];
  excludes.forEach((ex, i) => {
    const at = `${base}/${i}`;
    const hasImages = (ex.images?.length ?? 0) > 0;
    if (CONTAINER_LEVEL.has(ex.controlName) && !hasImages) issues.push(issue('PSS_EXCLUDE_IMAGES_REQUIRED', `${at}/controlName`));
    if (POD_LEVEL.has(ex.controlName) && hasImages) issues.push(issue('PSS_EXCLUDE_IMAGES_FORBIDDEN', `${at}/controlName`));
    const hasValues = (ex.values?.length ?? 0) > 0;
    if (ex.restrictedField && !hasValues) issues.push(issue('PSS_EXCLUDE_VALUES_REQUIRED', `${at}/values`));
    if (!ex.restrictedField && hasValues) issues.push(issue('PSS_EXCLUDE_RESTRICTED_FIELD_REQUIRED', `${at}/restrictedField`));
    if (level === 'baseline' && RESTRICTED_ONLY.has(ex.controlName)) issues.push(issue('PSS_EXCLUDE_CONTROL_LEVEL', `${at}/controlName`));
  });
  return issues;
}
