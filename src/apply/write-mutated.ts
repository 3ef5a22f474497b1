/**
 * `guardrail apply --output-dir DIR`: every mutated resource as its own YAML file, named
 * `<kind>-<namespace>-<name>.yaml` (lower case), so CI can diff or apply what the policies produce.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dump } from 'js-yaml';
import type { ApplyReport } from './apply.js';

export function mutatedFileName(kind: string, namespace: string | undefined, name: string): string {
  const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9.-]+/g, '_');
  return `${[kind, namespace, name].filter((p): p is string => !!p).map(safe).join('-')}.yaml`;
}

/** Writes the mutated resources; returns the files written. */
export async function writeMutated(report: ApplyReport, dir: string): Promise<string[]> {
  const written: string[] = [];
  await mkdir(dir, { recursive: true });
  for (const e of report.entries) {
    if (!e.mutated) continue;
    const file = path.join(dir, mutatedFileName(e.resource.kind, e.resource.namespace, e.resource.name));
    await writeFile(file, dump(e.mutated, { noRefs: true, lineWidth: -1 }));
    written.push(file);
  }
  return written;
}

/** The mutated resources as one multi-document YAML stream (what `apply` prints after its table). */
export function mutatedYaml(report: ApplyReport): string {
  return report.entries
    .filter((e) => e.mutated)
    .map((e) => `---\n# mutated ${e.resource.kind}/${e.resource.namespace ? `${e.resource.namespace}/` : ''}${e.resource.name} (${e.resource.file})\n${dump(e.mutated, { noRefs: true, lineWidth: -1 })}`)
    .join('');
}
