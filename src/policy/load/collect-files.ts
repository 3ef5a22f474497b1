import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** File extensions read when walking a folder (an explicitly named file is read whatever its name). */
export const INPUT_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * All input files under a folder, recursively, sorted by path for deterministic output. Dot-files and
 * dot-folders (.git, .kyverno-test, .chainsaw-test) are skipped, as most linters do; name them explicitly
 * to read them. Symlinked folders are followed once (a loop is cut by remembering real paths).
 */
export async function collectFiles(dir: string, seen: Set<string> = new Set()): Promise<string[]> {
  const real = await realpath(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await isDirectory(path)));
    if (isDir) files.push(...(await collectFiles(path, seen)));
    else if (INPUT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // a dangling symlink is not an input
  }
}
