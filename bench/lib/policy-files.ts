/** Lists a corpus category's policy files: `*.yaml` outside the dot-folders (.kyverno-test, .chainsaw-test). */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function policyFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.yaml')) out.push(p);
    }
  };
  walk(dir);
  return out;
}
