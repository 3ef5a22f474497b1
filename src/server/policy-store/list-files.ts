/**
 * The policy files under a folder with a change signature each. Same rules as the CLI's loader
 * (.yaml/.yml/.json, recursive, dot-entries skipped: that also skips the `..data` folders of a mounted
 * ConfigMap, whose files are reached through their top-level symlinks).
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const MAX_DEPTH = 16;

export interface ListedFile {
  path: string;
  /** Changes when the file is rewritten or replaced (mtime, size, inode). */
  signature: string;
}

/** Lists files; undefined when the folder does not exist. */
export async function listPolicyFiles(dir: string): Promise<ListedFile[] | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const out: ListedFile[] = [];
  await walk(dir, 0, out);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function walk(dir: string, depth: number, out: ListedFile[]): Promise<void> {
  if (depth > MAX_DEPTH) return;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return; // removed while we looked: the next scan sees the new state
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, depth + 1, out);
      else if (info.isFile() && EXTENSIONS.has(extname(name).toLowerCase())) {
        out.push({ path, signature: `${info.mtimeMs}:${info.size}:${info.ino}` });
      }
    } catch {
      // a dangling symlink or a file removed mid-scan is not an input
    }
  }
}
