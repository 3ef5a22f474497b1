/**
 * Loads and compiles one policy file. The file is accepted or rejected whole: any error issue (YAML,
 * schema, semantics, compilation) rejects every policy in it, so a half-edited file never half-applies.
 */
import { buildPolicySet, type Issue, type JsonObject, type PolicySet, type PolicySetOptions } from '../../engine/index.js';
import { isValid, loadInputs, validatePolicyDocument } from '../../policy/index.js';

export type FileLoad =
  | { ok: true; file: string; set: PolicySet; warnings: Issue[] }
  | { ok: false; file: string; issues: Issue[] };

export async function loadPolicyFile(file: string, opts: PolicySetOptions): Promise<FileLoad> {
  const loaded = await loadInputs([file], { positions: 'full' });
  const issues: Issue[] = [...loaded.issues];
  const docs: JsonObject[] = [];
  for (const doc of loaded.docs) {
    const found = validatePolicyDocument(doc);
    issues.push(...found);
    // A non-policy document (a kustomization, a README ConfigMap) is skipped with its warning.
    const skipped = found.some((i) => i.code === 'NOT_A_POLICY');
    if (!skipped && isValid(found)) docs.push(doc.value as JsonObject);
  }
  const set = buildPolicySet(docs, opts);
  for (const r of set.rejected) {
    for (const i of r.issues) issues.push({ ...i, message: `${r.kind} ${r.name}: ${i.message}`, source: i.source ?? { file, line: 1, col: 1 } });
  }
  if (!isValid(issues)) return { ok: false, file, issues: issues.filter((i) => (i.severity ?? 'error') === 'error') };
  return { ok: true, file, set, warnings: issues };
}

/** One PolicySet from several (files are compiled separately so a change recompiles one file only). */
export function mergePolicySets(sets: readonly PolicySet[]): PolicySet {
  return {
    classic: sets.flatMap((s) => s.classic),
    handlers: sets.flatMap((s) => s.handlers),
    exceptions: sets.flatMap((s) => s.exceptions),
    rejected: sets.flatMap((s) => s.rejected),
    unsupported: sets.flatMap((s) => s.unsupported),
  };
}

export function policyCount(set: PolicySet): number {
  return set.classic.length + set.handlers.length;
}
