import type { Issue } from '../../engine/result.js';
import type { LoadedDocument } from './loaded-document.js';

/** A Kubernetes object has a string apiVersion and kind (api-conventions.md#resources). */
export function isKubernetesObject(value: unknown): value is { apiVersion: string; kind: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { apiVersion, kind } = value as { apiVersion?: unknown; kind?: unknown };
  return typeof apiVersion === 'string' && apiVersion !== '' && typeof kind === 'string' && kind !== '';
}

export function notKubernetesIssue(doc: LoadedDocument): Issue {
  const what = Array.isArray(doc.value)
    ? 'an array'
    : typeof doc.value === 'object'
      ? 'an object without apiVersion and kind'
      : `a ${typeof doc.value}`;
  return {
    code: 'NOT_KUBERNETES',
    message: `document ${doc.index + 1} is ${what}, not a Kubernetes object`,
    path: '',
    source: { file: doc.file, line: doc.line, col: doc.col },
    severity: 'error',
  };
}
