import { getSealedJson, putSealedJson } from './context.js';
import { toRepoError } from './errors.js';
import { readPackTail } from './pack.js';
import type { RepoContext } from './context.js';
import type { BlobEntry, PackInfo } from './pack.js';

/** Index files list packs and their blobs; a prune writes one that supersedes all it replaces. */
export interface IndexFile {
  readonly v: 1;
  readonly supersedes: string[];
  readonly packs: PackInfo[];
}

export interface Located extends BlobEntry {
  readonly pack: string;
}

export interface MasterIndex {
  readonly blobs: Map<string, Located>;
  readonly packs: Map<string, PackInfo>;
  /** Index files in force (not superseded). */
  readonly files: string[];
  /** Index files replaced by a later prune, safe to delete once their retention ends. */
  readonly superseded: string[];
  /** Index files that failed their hash or auth tag; their packs were re-read from pack headers. */
  readonly corrupt: string[];
}

export const INDEX_AAD = 'guardrail-index';

function add(idx: MasterIndex, p: PackInfo): void {
  idx.packs.set(p.id, p);
  for (const b of p.blobs) idx.blobs.set(b.id, { ...b, pack: p.id });
}

/**
 * Loads every index file in force. A corrupt index file does not stop backups: packs that no good index
 * names are recovered from their own (authenticated) headers, so the next backup still deduplicates and
 * old snapshots stay restorable; `verify` keeps reporting the corrupt file.
 */
export async function loadIndex(ctx: RepoContext): Promise<MasterIndex> {
  const listed = await ctx.storage.list('index/').catch((err: unknown) => Promise.reject(toRepoError(err)));
  const files = new Map<string, IndexFile>();
  const corrupt: string[] = [];
  for (const o of listed) {
    try {
      files.set(o.key.slice('index/'.length), await getSealedJson<IndexFile>(ctx, o.key, INDEX_AAD, 'REPO_CORRUPT_INDEX'));
    } catch (err) {
      if (toRepoError(err).code !== 'REPO_CORRUPT_INDEX') throw toRepoError(err);
      corrupt.push(o.key);
    }
  }
  const superseded = new Set<string>();
  for (const f of files.values()) for (const s of f.supersedes) superseded.add(s);
  const idx: MasterIndex = { blobs: new Map(), packs: new Map(), files: [], superseded: [...superseded].filter((s) => files.has(s)), corrupt };
  for (const [id, f] of files) {
    if (superseded.has(id)) continue;
    idx.files.push(id);
    for (const p of f.packs) add(idx, p);
  }
  if (corrupt.length > 0) {
    for (const o of await ctx.storage.list('data/')) {
      const id = o.key.slice(o.key.lastIndexOf('/') + 1);
      if (idx.packs.has(id)) continue;
      const blobs = await readPackTail(ctx, id, o.size).catch(() => undefined);
      if (blobs) add(idx, { id, size: o.size, blobs });
    }
  }
  return idx;
}

export function writeIndex(ctx: RepoContext, packs: PackInfo[], supersedes: string[] = []): Promise<string> {
  const file: IndexFile = { v: 1, supersedes, packs };
  return putSealedJson(ctx, 'index', file, INDEX_AAD);
}
