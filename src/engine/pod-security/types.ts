/**
 * The model of k8s.io/pod-security-admission/policy (checks.go): a Check has an ID, a level and one or more
 * versioned implementations; each returns a CheckResult with a forbidden reason, a detail and (Kyverno's
 * `WithFieldErrors` option, which it always enables) the field errors that name each offending field.
 */

/** Pod Security Standards levels (api/constants.go). `privileged` allows everything. */
export type Level = 'privileged' | 'baseline' | 'restricted';

/** A policy version: `latest` or v1.<minor> (api/helpers.go ParseVersion). */
export type PolicyVersion = { latest: true } | { latest: false; minor: number };

/** Plain JSON object as found in a Pod manifest. */
export type Obj = Record<string, unknown>;

/** The pod a check looks at: its metadata and spec (controllers pass their pod template). */
export interface PodView {
  metadata: Obj;
  spec: Obj;
}

/** apimachinery field.Error: only the two types the checks produce. */
export interface FieldError {
  type: 'Required' | 'Forbidden';
  /** Go field path, e.g. `spec.containers[0].securityContext.privileged`. */
  field: string;
  /** Go's BadValue: `field.Forbidden/Required` set "", `withBadValue` replaces it. */
  badValue: string | number | boolean | string[];
}

export interface CheckResult {
  allowed: boolean;
  forbiddenReason?: string;
  forbiddenDetail?: string;
  errList?: FieldError[];
}

export type CheckPod = (pod: PodView) => CheckResult;

export interface VersionedCheck {
  /** Minor of the first policy version (v1.<minor>) this implementation applies to. */
  minimumMinor: number;
  check: CheckPod;
}

export type CheckLevel = 'baseline' | 'restricted';

export interface Check {
  id: CheckId;
  level: CheckLevel;
  /** Strictly increasing minimum versions. */
  versions: readonly VersionedCheck[];
}

/** Check IDs as the policy package names them (Kyverno maps control names onto these). */
export type CheckId =
  | 'allowPrivilegeEscalation'
  | 'appArmorProfile'
  | 'capabilities_baseline'
  | 'capabilities_restricted'
  | 'hostNamespaces'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'hostProbesAndHostLifecycle'
  | 'privileged'
  | 'procMount'
  | 'restrictedVolumes'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seLinuxOptions'
  | 'seccompProfile_baseline'
  | 'seccompProfile_restricted'
  | 'sysctls'
  | 'windowsHostProcess';

/** One failed check, as Kyverno's pkg/pss/utils PSSCheckResult carries it. */
export interface PssCheckResult {
  id: CheckId;
  result: CheckResult & { allowed: false; errList: FieldError[] };
}

/** One `exclude` entry (kyverno.io/v1 PodSecurityStandard). */
export interface PodSecurityExclude {
  controlName: string;
  images?: string[];
  restrictedField?: string;
  values?: string[];
}

/** `validate.podSecurity` (kyverno.io/v1 PodSecurity). */
export interface PodSecurityRule {
  level?: string;
  version?: string;
  exclude?: PodSecurityExclude[];
}
