/** Test helpers: YAML files under a folder, and the documents of a file that are objects. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** Every `.yaml`/`.yml` file under `dir`, at any depth (dot-folders included: corpus tests live there). */
export function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

/** The YAML documents of a file that are objects; none when the file does not parse. */
export function readYamlObjects(file: string): Array<Record<string, unknown>> {
  try {
    return parseAllDocuments(readFileSync(file, 'utf8'))
      .map((d) => d.toJS() as Record<string, unknown>)
      .filter((d) => d && typeof d === 'object');
  } catch {
    return [];
  }
}
