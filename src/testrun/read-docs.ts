/** Reads the YAML/JSON documents of a test's input files; problems become messages naming the file. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import type { Issue } from '../engine/index.js';
import { formatIssue } from '../engine/index.js';
import { loadPolicies } from '../policy/index.js';

export interface ReadDocs {
  docs: Array<Record<string, unknown>>;
  problems: string[];
}

/** CLI wrapper kinds whose `spec.resources` hold the objects (ClusterResource, Context). */
const WRAPPERS = new Set(['ClusterResource', 'Context']);

function flatten(doc: unknown, out: Array<Record<string, unknown>>, unwrap: boolean): void {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return;
  const obj = doc as Record<string, unknown>;
  const spec = obj.spec as { resources?: unknown[] } | undefined;
  if (unwrap && WRAPPERS.has(String(obj.kind)) && String(obj.apiVersion ?? '').startsWith('cli.kyverno.io/') && Array.isArray(spec?.resources)) {
    for (const item of spec.resources) flatten(item, out, unwrap);
    return;
  }
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
    for (const item of obj.items) flatten(item, out, unwrap);
    return;
  }
  out.push(obj);
}

export async function readDocs(files: readonly string[], baseDir: string, opts: { unwrap?: boolean } = {}): Promise<ReadDocs> {
  const result: ReadDocs = { docs: [], problems: [] };
  for (const f of files) {
    const file = path.resolve(baseDir, f);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      result.problems.push(`${f}: cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      continue;
    }
    try {
      loadAll(text, (d) => flatten(d, result.docs, opts.unwrap ?? false));
    } catch (err) {
      const e = err as { mark?: { line: number; column: number }; reason?: string };
      const where = e.mark ? `:${e.mark.line + 1}:${e.mark.column + 1}` : '';
      result.problems.push(`${f}${where}: invalid YAML: ${e.reason ?? String(err)}`);
    }
  }
  return result;
}

export async function readOneDoc(file: string, baseDir: string): Promise<{ doc?: Record<string, unknown>; problems: string[] }> {
  const r = await readDocs([file], baseDir);
  const doc = r.docs[0];
  return doc ? { doc, problems: r.problems } : { problems: r.problems };
}

/**
 * Reads a test's policy files through the policy validator: a broken policy is rejected whole (the test
 * rows that name it report its problems); unreadable files and malformed YAML are input problems.
 */
export async function readPolicyDocs(
  files: readonly string[],
  baseDir: string,
): Promise<ReadDocs & { rejected: Array<{ kind: string; name: string; issues: Issue[] }> }> {
  const loaded = await loadPolicies(files.map((f) => path.resolve(baseDir, f)));
  const rejectedIssues = new Set(loaded.rejected.flatMap((r) => r.issues));
  return {
    docs: loaded.docs.map((d) => d.value as Record<string, unknown>),
    problems: loaded.issues.filter((i) => !rejectedIssues.has(i)).map(formatIssue),
    rejected: loaded.rejected.map((r) => ({ kind: r.kind, name: r.name, issues: r.issues })),
  };
}
