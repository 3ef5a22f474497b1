import { closeSync, mkdirSync, openSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { RepoError } from './errors.js';
import { loadTree } from './load-blob.js';
import type { RepoContext } from './context.js';
import type { Located, MasterIndex } from './master-index.js';
import type { TreeNode } from './snapshot.js';

/** A blob to restore and every place (file, offset) its bytes go. */
export interface Wanted {
  readonly entry: Located;
  readonly targets: [path: string, pos: number][];
}

/**
 * What a restore does, gathered before any data is read (as restic's file restorer does): folders, links and
 * empty files are created during the walk; file contents are grouped by pack, so each pack is read once,
 * in one pass, whatever order the files name its blobs in.
 */
export interface RestorePlan {
  /** Pack id -> wanted blobs, packs in the order the walk first needs them. */
  readonly packs: Map<string, Map<string, Wanted>>;
  /** Files, symlinks and folders with their metadata, in creation order (parents before children). */
  readonly nodes: { path: string; node: TreeNode }[];
  files: number;
}

/** `createFiles` false: only empty files are created here, the unpacker creates the others (see unpack.ts). */
export async function planRestore(ctx: RepoContext, index: MasterIndex, tree: string, target: string, createFiles = true): Promise<RestorePlan> {
  const plan: RestorePlan = { packs: new Map(), nodes: [], files: 0 };
  const visit = async (dir: string, id: string): Promise<void> => {
    for (const n of (await loadTree(ctx, index, id)).nodes) {
      if (n.name.includes('/') || n.name === '..' || n.name === '.' || n.name === '') {
        throw new RepoError('REPO_CORRUPT_SNAPSHOT', `tree entry ${JSON.stringify(n.name)} is not a plain name`);
      }
      const path = join(dir, n.name);
      plan.nodes.push({ path, node: n });
      // Synchronous calls: one metadata syscall each, where the promise API made two thread-pool hops and a
      // FileHandle per file (10,000 small files: seconds of planning and ~20 MB of young garbage).
      if (n.type === 'symlink') {
        symlinkSync(n.target ?? '', path);
      } else if (n.type === 'dir') {
        mkdirSync(path, { recursive: true, mode: 0o700 });
        await visit(path, n.subtree ?? '');
      } else {
        // 'wx': an existing file is never overwritten.
        if (createFiles || (n.content ?? []).length === 0) closeSync(openSync(path, 'wx', 0o600));
        plan.files += 1;
        let pos = 0;
        for (const b of n.content ?? []) {
          const e = index.blobs.get(b);
          if (!e) throw new RepoError('REPO_MISSING_BLOB', `blob ${b.slice(0, 12)} of ${path} is in no index`);
          let pack = plan.packs.get(e.pack);
          if (!pack) plan.packs.set(e.pack, (pack = new Map()));
          let w = pack.get(b);
          if (!w) pack.set(b, (w = { entry: e, targets: [] }));
          w.targets.push([path, pos]);
          pos += e.raw;
        }
      }
    }
  };
  await visit(target, tree);
  return plan;
}

/** Contiguous reads of one pack: blobs sorted by offset, split where a gap over `gap` bytes or `max` is reached. */
export function packRuns(wanted: Map<string, Wanted>, gap = 1024 * 1024, max = 32 * 1024 * 1024): Wanted[][] {
  const sorted = [...wanted.values()].sort((a, b) => a.entry.offset - b.entry.offset);
  const runs: Wanted[][] = [];
  let run: Wanted[] = [];
  for (const w of sorted) {
    const first = run[0];
    const last = run.at(-1);
    if (first && last && (w.entry.offset - (last.entry.offset + last.entry.length) > gap || w.entry.offset + w.entry.length - first.entry.offset > max)) {
      runs.push(run);
      run = [];
    }
    run.push(w);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
