import { RepoError, toRepoError } from './errors.js';
import { openBlob, packKey } from './pack.js';
import type { RepoContext } from './context.js';
import type { MasterIndex } from './master-index.js';
import type { Tree } from './snapshot.js';

export async function loadBlob(ctx: RepoContext, index: MasterIndex, id: string): Promise<Buffer> {
  const e = index.blobs.get(id);
  if (!e) throw new RepoError('REPO_MISSING_BLOB', `blob ${id.slice(0, 12)} is in no index`);
  let sealed: Uint8Array;
  try {
    sealed = await ctx.storage.getRange(packKey(e.pack), e.offset, e.length);
  } catch (err) {
    throw toRepoError(err);
  }
  return openBlob(ctx, e.pack, e, sealed);
}

export async function loadTree(ctx: RepoContext, index: MasterIndex, id: string): Promise<Tree> {
  return JSON.parse((await loadBlob(ctx, index, id)).toString('utf8')) as Tree;
}
