/** Why an app is NonCompliant; stable codes, shown in reports and metrics labels (bounded set). */
export const COMPLIANCE_REASONS = {
  POLICY_NOT_FOUND: 'The workload names a BackupPolicy that does not exist.',
  NO_RESTORE_POINT: 'No complete restore point exists for the app.',
  RPO_EXCEEDED: 'The newest complete restore point is older than the RPO.',
  LAST_RUN_FAILED: 'The newest finished backup run failed or was partial.',
  POLICY_PAUSED: 'The BackupPolicy is paused.',
  IMMUTABILITY_NOT_ENFORCED: 'The app is labelled immutable but its restore points are not exported to an enforced immutable location.',
  RETENTION_BELOW_MIN: 'The policy keeps fewer daily restore points than the configured minimum.',
} as const satisfies Record<string, string>;

export type ComplianceReasonCode = keyof typeof COMPLIANCE_REASONS;
export type ComplianceState = 'Unmanaged' | 'Compliant' | 'NonCompliant';

export interface ComplianceReason {
  readonly code: ComplianceReasonCode;
  readonly message: string;
}
