/**
 * Loads policy files and validates every policy document in them, so that every door (CLI apply, test
 * runner, webhook folder source) rejects a broken policy whole, with all its problems and positions,
 * before it reaches the engine. Non-policy documents pass through untouched.
 */
import type { Issue } from '../engine/result.js';
import { loadInputs, type LoadOptions } from './load/load-inputs.js';
import type { LoadedDocument } from './load/loaded-document.js';
import { isValid, validatePolicyDocument } from './validate/validate-document.js';

export interface LoadedPolicies {
  /** Documents that validated (policies) or are not policies at all (exceptions, bindings, ...). */
  docs: LoadedDocument[];
  /** Input problems (unreadable files, malformed YAML) and the errors of rejected policies. */
  issues: Issue[];
  /** Policies rejected whole, by kind and name. */
  rejected: Array<{ kind: string; name: string; file: string; issues: Issue[] }>;
}

export async function loadPolicies(paths: readonly string[], opts: LoadOptions = {}): Promise<LoadedPolicies> {
  const loaded = await loadInputs([...paths], { positions: 'full', ...opts });
  const out: LoadedPolicies = { docs: [], issues: [...loaded.issues], rejected: [] };
  for (const doc of loaded.docs) {
    const issues = validatePolicyDocument(doc).filter((i) => (i.severity ?? 'error') === 'error');
    if (isValid(issues)) {
      out.docs.push(doc);
      continue;
    }
    const v = doc.value as { kind?: string; metadata?: { name?: string } };
    out.rejected.push({ kind: String(v.kind ?? ''), name: String(v.metadata?.name ?? ''), file: doc.file, issues });
    out.issues.push(...issues);
  }
  return out;
}
