/** Finds Kyverno test files (`kyverno-test.yaml`) recursively, in a stable order. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git']);

export async function discoverTests(root: string, fileName = 'kyverno-test.yaml'): Promise<string[]> {
  const info = await stat(root);
  if (info.isFile()) return [root];
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(p);
      } else if (e.isFile() && e.name === fileName) {
        found.push(p);
      }
    }
  }
  await walk(root);
  return found;
}
