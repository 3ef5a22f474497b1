/**
 * Label selectors (metav1.LabelSelector) with Kyverno's wildcard extension: a `matchLabels` entry whose key or
 * value contains `*`/`?` is satisfied by any label matching both patterns (pkg/engine/wildcards
 * ReplaceInSelector). `matchExpressions` follow Kubernetes: In, NotIn, Exists, DoesNotExist
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements).
 * An empty selector matches everything; an invalid one (In without values, unknown operator) matches nothing,
 * as LabelSelectorAsSelector returns an error that Kyverno turns into a non-match.
 */
import type { LabelSelector } from '../policy-types.js';
import { hasWildcard, wildcardMatch } from '../values/index.js';

type Labels = Record<string, string> | undefined;
export type LabelPredicate = (labels: Labels) => boolean;

const has = (labels: Labels, key: string): boolean => labels !== undefined && Object.hasOwn(labels, key);

function compileMatchLabel(key: string, value: string): LabelPredicate {
  if (!hasWildcard(key) && !hasWildcard(value)) return (labels) => has(labels, key) && labels?.[key] === value;
  return (labels) => {
    for (const [k, v] of Object.entries(labels ?? {})) if (wildcardMatch(key, k) && wildcardMatch(value, v)) return true;
    // Kyverno then substitutes `0` for the wildcard characters and requires that literal label.
    const k0 = key.replace(/[*?]/g, '0');
    return has(labels, k0) && labels?.[k0] === value.replace(/[*?]/g, '0');
  };
}

type Expression = NonNullable<LabelSelector['matchExpressions']>[number];

function compileExpression(expr: Expression): LabelPredicate | undefined {
  const values = expr.values ?? [];
  switch (expr.operator) {
    case 'In':
      if (values.length === 0) return undefined;
      return (labels) => has(labels, expr.key) && values.includes(labels?.[expr.key] ?? '');
    case 'NotIn':
      if (values.length === 0) return undefined;
      return (labels) => !has(labels, expr.key) || !values.includes(labels?.[expr.key] ?? '');
    case 'Exists':
      if (values.length > 0) return undefined;
      return (labels) => has(labels, expr.key);
    case 'DoesNotExist':
      if (values.length > 0) return undefined;
      return (labels) => !has(labels, expr.key);
    default:
      return undefined;
  }
}

/** Compiles a selector once; the predicate is called for every admission request. */
export function compileLabelSelector(selector: LabelSelector): LabelPredicate {
  const preds: LabelPredicate[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) preds.push(compileMatchLabel(k, String(v)));
  for (const expr of selector.matchExpressions ?? []) {
    const pred = expr && typeof expr.key === 'string' ? compileExpression(expr) : undefined;
    if (!pred) return () => false;
    preds.push(pred);
  }
  if (preds.length === 0) return () => true;
  return (labels) => preds.every((p) => p(labels));
}

export function matchLabelSelector(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  return compileLabelSelector(selector)(labels);
}
