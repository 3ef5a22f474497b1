/**
 * TypeScript shapes of the backup.guardrail.dev/v1alpha1 kinds. The JSON Schemas in ./schemas are the
 * contract for what the API server accepts; these types describe a document that passed them.
 */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly creationTimestamp?: string;
}

export interface ObjectRef {
  readonly name: string;
  readonly namespace?: string;
}

export type Frequency = '@hourly' | '@daily' | '@weekly' | '@monthly' | '@yearly';

/** K10 subFrequency: which minutes/hours/weekdays/days/months a named frequency fires at. */
export interface SubFrequency {
  readonly minutes?: readonly number[];
  readonly hours?: readonly number[];
  /** 0 = Sunday, as cron. */
  readonly weekdays?: readonly number[];
  readonly days?: readonly number[];
  readonly months?: readonly number[];
}

/** GFS counts (K10 retention), plus minKeep: the newest good points that always survive. */
export interface Retention {
  readonly hourly?: number;
  readonly daily?: number;
  readonly weekly?: number;
  readonly monthly?: number;
  readonly yearly?: number;
  readonly minKeep?: number;
}

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** Which workloads a policy protects: a label selector, narrowed to namespaces by name or by labels. */
export interface WorkloadSelector extends LabelSelector {
  readonly namespaces?: readonly string[];
  readonly namespaceSelector?: LabelSelector;
}

export interface BackupAction {
  readonly action: 'backup';
}

export interface ExportAction {
  readonly action: 'export';
  readonly exportParameters: {
    readonly profile: ObjectRef;
    /** Export less often than the backup runs; defaults to every backup. */
    readonly frequency?: string;
  };
  /** Retention of the exported copies; defaults to the policy's retention. */
  readonly retention?: Retention;
}

export type PolicyAction = BackupAction | ExportAction;

export interface HookRef {
  readonly name: string;
  readonly namespace?: string;
}

/** Local wall-clock time of day, in the policy's time zone. */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute?: number;
}

export interface BackupPolicySpec {
  readonly comment?: string;
  /** A named frequency or a five-field cron expression (minute hour day-of-month month day-of-week). */
  readonly frequency: Frequency | string;
  readonly subFrequency?: SubFrequency;
  /** IANA time zone of the schedule and the retention calendar; default UTC. */
  readonly timezone?: string;
  /** Recovery point objective as a Go duration; default: the longest gap between two scheduled runs. */
  readonly rpo?: string;
  readonly retention: Retention;
  readonly selector: WorkloadSelector;
  readonly actions: readonly PolicyAction[];
  readonly paused?: boolean;
  /** Cluster mode: the VolumeSnapshotClass of the PVC snapshots; default the class annotated as default. */
  readonly volumeSnapshotClassName?: string;
  /** Runs outside this window wait for its next opening (K10 backupWindow). */
  readonly backupWindow?: { readonly start: TimeOfDay; readonly end: TimeOfDay };
  readonly hooks?: { readonly preBackup?: readonly HookRef[]; readonly postBackup?: readonly HookRef[]; readonly onFailure?: readonly HookRef[] };
}

export interface BackupPolicy {
  readonly apiVersion: string;
  readonly kind: 'BackupPolicy';
  readonly metadata: ObjectMeta;
  readonly spec: BackupPolicySpec;
  readonly status?: { readonly lastRunTime?: string; readonly conditions?: readonly unknown[] };
}

export type LockMode = 'COMPLIANCE' | 'GOVERNANCE';
export type Immutability = 'enforced' | 'tamper-evident' | 'none';

export interface S3Location {
  readonly endpoint?: string;
  readonly bucket: string;
  readonly prefix?: string;
  readonly region?: string;
  readonly credentialsSecret: ObjectRef;
}

export interface LocationProfileSpec {
  /** Exactly one of filesystem or s3. */
  readonly location: { readonly filesystem?: { readonly path: string }; readonly s3?: S3Location };
  /** How long written restore points cannot be deleted (Go duration); absent: no protection. */
  readonly protectionPeriod?: string;
  readonly lockMode?: LockMode;
  /** How often maintenance extends locks (Go duration); default 24h. */
  readonly maintenanceInterval?: string;
}

export interface LocationProfile {
  readonly apiVersion: string;
  readonly kind: 'LocationProfile';
  readonly metadata: ObjectMeta;
  readonly spec: LocationProfileSpec;
  /** Measured by a probe of the location, never assumed from the spec. */
  readonly status?: { readonly immutability?: Immutability; readonly detail?: string; readonly lastProbeTime?: string };
}

export type RestorePointState = 'Pending' | 'Running' | 'Complete' | 'Partial' | 'Failed';

export interface ItemOutcome {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly outcome: 'Succeeded' | 'Failed' | 'Skipped';
  readonly message?: string;
}

export interface RestorePointSpec {
  readonly app: { readonly kind: string; readonly name: string; readonly namespace: string };
  readonly policy: ObjectRef;
  /** RFC 3339 time the backup was taken. */
  readonly time: string;
  readonly consistency?: 'crash' | 'application';
  /** The GFS buckets that keep this point, e.g. ["daily 2026-03-29"]. */
  readonly retentionTags?: readonly string[];
  readonly retainUntil?: string;
  readonly snapshotId?: string;
  readonly profile?: ObjectRef;
}

export interface RestorePoint {
  readonly apiVersion: string;
  readonly kind: 'RestorePoint';
  readonly metadata: ObjectMeta;
  readonly spec: RestorePointSpec;
  readonly status?: { readonly state: RestorePointState; readonly items?: readonly ItemOutcome[]; readonly message?: string };
}

export type BackupObject = BackupPolicy | LocationProfile | RestorePoint;
