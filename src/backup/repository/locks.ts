import { randomBytes } from 'node:crypto';
import { RepoError, toRepoError } from './errors.js';
import type { RepoContext } from './context.js';

/**
 * Locks are objects too, so they are written under Object Lock like everything else, retained exactly for
 * their lifetime. A lock is `locks/<id>-<n>` (n grows on refresh) plus `locks/<id>-released` on release;
 * nothing is ever overwritten or deleted early. Backups take shared locks, prune an exclusive one.
 */
export interface LockRecord {
  readonly id: string;
  readonly exclusive: boolean;
  readonly host: string;
  readonly pid: number;
  readonly expires: number;
}

export const LOCK_TTL_MS = 30 * 60 * 1000;
const REFRESH_MS = 5 * 60 * 1000;

export interface HeldLock {
  readonly id: string;
  release(): Promise<void>;
}

/** Locks neither released nor expired. */
export async function activeLocks(ctx: RepoContext): Promise<LockRecord[]> {
  const listed = await ctx.storage.list('locks/');
  const released = new Set(listed.filter((o) => o.key.endsWith('-released')).map((o) => o.key.slice(6, -9)));
  const live = new Map<string, LockRecord>();
  for (const o of listed) {
    if (o.key.endsWith('-released')) continue;
    const rec = JSON.parse(new TextDecoder().decode(await ctx.storage.get(o.key))) as LockRecord;
    if (released.has(rec.id) || rec.expires <= ctx.now()) continue;
    live.set(rec.id, rec);
  }
  return [...live.values()];
}

export async function write(ctx: RepoContext, key: string, rec: LockRecord): Promise<void> {
  await ctx.storage.put(key, new TextEncoder().encode(JSON.stringify(rec)), {
    retainUntil: new Date(rec.expires),
    mode: ctx.config.lockMode,
  });
}

export async function acquireLock(ctx: RepoContext, exclusive: boolean): Promise<HeldLock> {
  const id = randomBytes(8).toString('hex');
  let n = 0;
  const record = (): LockRecord => ({ id, exclusive, host: ctx.hostname, pid: process.pid, expires: ctx.now() + LOCK_TTL_MS });
  try {
    await write(ctx, `locks/${id}-${n}`, record());
    const others = (await activeLocks(ctx)).filter((l) => l.id !== id && (exclusive || l.exclusive));
    if (others.length > 0) {
      await write(ctx, `locks/${id}-released`, record());
      const o = others[0] as LockRecord;
      throw new RepoError('REPO_LOCKED', `repository is locked by ${o.host} pid ${o.pid} (${o.exclusive ? 'exclusive' : 'shared'}, lock ${o.id}) until ${new Date(o.expires).toISOString()}`);
    }
  } catch (err) {
    throw toRepoError(err);
  }
  const timer = setInterval(() => {
    n += 1;
    write(ctx, `locks/${id}-${n}`, record()).catch(() => undefined);
  }, REFRESH_MS);
  timer.unref();
  return {
    id,
    async release() {
      clearInterval(timer);
      await write(ctx, `locks/${id}-released`, record()).catch(() => undefined);
    },
  };
}

/** Lock objects whose retention has ended: prune deletes them. */
export async function expiredLockKeys(ctx: RepoContext): Promise<string[]> {
  const listed = await ctx.storage.list('locks/');
  const ids = new Map<string, { keys: string[]; expires: number; released: boolean }>();
  for (const o of listed) {
    const id = o.key.slice(6, o.key.lastIndexOf('-'));
    const g = ids.get(id) ?? { keys: [], expires: 0, released: false };
    g.keys.push(o.key);
    g.expires = Math.max(g.expires, o.retainUntil?.getTime() ?? 0);
    if (o.key.endsWith('-released')) g.released = true;
    ids.set(id, g);
  }
  return [...ids.values()].filter((g) => g.expires <= ctx.now()).flatMap((g) => g.keys);
}
