/** Test helper: the YAML documents of a file that are objects; none when the file does not parse. */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

export function readYamlObjects(file: string): Array<Record<string, unknown>> {
  try {
    return parseAllDocuments(readFileSync(file, 'utf8'))
      .map((d) => d.toJS() as Record<string, unknown>)
      .filter((d) => d && typeof d === 'object');
  } catch {
    return [];
  }
}
