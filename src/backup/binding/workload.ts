/** The part of an admitted Deployment/StatefulSet that binding and compliance read. */
export interface WorkloadLike {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
}

/** Kinds the data-protection guardrail covers (policies/data-protection/require-data-protection-labels.yaml). */
export const PROTECTED_KINDS: readonly string[] = ['Deployment', 'StatefulSet'];

/**
 * The BackupPolicy a workload names: the `dataprotection` label minus the prefix (a relabel rebinds), else
 * the annotation of an earlier binding. `badLabel` is set when the label lacks the prefix.
 */
export function policyNameOf(w: WorkloadLike, prefix: string, annotationKey: string, labelKey: string): { name?: string; badLabel?: string } {
  const label = w.metadata?.labels?.[labelKey];
  if (label !== undefined) {
    if (!label.startsWith(prefix) || label.length === prefix.length) return { badLabel: label };
    return { name: label.slice(prefix.length) };
  }
  const bound = w.metadata?.annotations?.[annotationKey];
  return bound ? { name: bound } : {};
}
