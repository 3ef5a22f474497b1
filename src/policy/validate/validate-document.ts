import type { Issue } from '../../engine/result.js';
import type { LoadedDocument } from '../load/loaded-document.js';
import type { PolicyChecks } from './checks.js';
import { defaultChecks } from './default-checks.js';
import { validatePolicy } from './validate-policy.js';

/**
 * validatePolicy for a loaded document: every issue gets its source position (the node at its path, or
 * the nearest existing ancestor) and issues come in source order.
 */
export function validatePolicyDocument(doc: LoadedDocument, checks: PolicyChecks = defaultChecks): Issue[] {
  const located = validatePolicy(doc.value, checks).map((i) => {
    const source = i.source ?? doc.positionOf(i.path) ?? { file: doc.file, line: doc.line, col: doc.col };
    return { ...i, source };
  });
  return located.sort((a, b) => a.source.line - b.source.line || a.source.col - b.source.col);
}

/** True when a document's issues allow loading it: no issue of severity error. */
export function isValid(issues: Issue[]): boolean {
  return !issues.some((i) => (i.severity ?? 'error') === 'error');
}
