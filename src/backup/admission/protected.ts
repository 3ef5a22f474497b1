/** Which admitted objects the data-protection integration looks at: production Deployments/StatefulSets. */
import { LABELS } from '../api/index.js';
import { PROTECTED_KINDS, type WorkloadLike } from '../binding/index.js';

/** policies/data-protection/require-data-protection-labels.yaml matches `purpose: production`; so do we. */
export function isProtectedWorkload(obj: unknown): obj is WorkloadLike {
  const w = obj as WorkloadLike | null;
  return !!w && PROTECTED_KINDS.includes(w.kind ?? '') && w.metadata?.labels?.[LABELS.purpose] === 'production';
}
