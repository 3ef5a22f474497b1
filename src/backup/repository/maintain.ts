import { toRepoError } from './errors.js';
import { readJournal } from './journal.js';
import { loadIndex } from './master-index.js';
import { packKey } from './pack.js';
import { liveSnapshotIds } from './snapshots.js';
import type { RepoContext } from './context.js';

/**
 * Extends the retention of everything still in force to now + protection period, so live data never falls
 * out of its lock. Storage backends only ever move a retain-until date later, never earlier.
 */
export async function extendLocks(ctx: RepoContext): Promise<{ extended: number }> {
  if (ctx.config.protectionMs <= 0) return { extended: 0 };
  const until = new Date(ctx.now() + ctx.config.protectionMs);
  const index = await loadIndex(ctx);
  const { entries } = await readJournal(ctx);
  const keys = [
    'config',
    ...(await ctx.storage.list('keys/')).map((o) => o.key),
    ...entries.map((e) => `journal/${String(e.seq).padStart(10, '0')}`),
    ...index.files.map((f) => `index/${f}`),
    ...[...index.packs.keys()].map(packKey),
    ...liveSnapshotIds(entries).map((s) => `snapshots/${s}`),
  ];
  for (const k of keys) {
    await ctx.storage.extendRetention(k, until, ctx.config.lockMode).catch((err: unknown) => Promise.reject(toRepoError(err)));
  }
  return { extended: keys.length };
}
