/**
 * metav1.LabelSelector matching (k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go
 * LabelSelectorAsSelector): matchLabels and matchExpressions are ANDed; an empty or absent selector
 * matches everything.
 */
import type { LabelSelector } from '../policy-types.js';

export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  if (!selector) return true;
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

export function matchesLabelSelector(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return true;
  const have = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (have[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const present = Object.prototype.hasOwnProperty.call(have, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!present || !values.includes(have[req.key] as string)) return false;
        break;
      case 'NotIn':
        // A missing key satisfies NotIn (labels.Requirement.Matches).
        if (present && values.includes(have[req.key] as string)) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** metadata.labels of an object, or undefined. */
export function labelsOf(obj: unknown): Record<string, string> | undefined {
  if (obj === null || typeof obj !== 'object') return undefined;
  const meta = (obj as { metadata?: { labels?: unknown } }).metadata;
  const labels = meta?.labels;
  return labels !== null && typeof labels === 'object' ? (labels as Record<string, string>) : undefined;
}
