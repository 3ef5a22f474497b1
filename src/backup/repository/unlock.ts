import { isStorageError } from '../storage/index.js';
import { toRepoError } from './errors.js';
import { activeLocks, expiredLockKeys, write } from './locks.js';
import type { RepoContext } from './context.js';
import type { LockRecord } from './locks.js';

export interface UnlockOptions {
  /** Release every active lock, whoever holds it (restic's `unlock --remove-all`). */
  readonly all?: boolean;
  /** Whether a process of this host is running; injected by tests. Default: signal 0. */
  readonly isAlive?: (pid: number) => boolean;
}

export interface UnlockResult {
  /** Locks released now (stale, or all with `all`). */
  readonly released: LockRecord[];
  /** Active locks left in place: held by a live process here, or by another host. */
  readonly kept: LockRecord[];
  /** Lock objects deleted because their retention had ended. */
  readonly removed: number;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // it exists, we may not signal it
  }
}

/**
 * Removes stale locks like `restic unlock`: a lock is stale when its process, on this host, is gone
 * (another host's lock is only stale once it expires, LOCK_TTL_MS after its last refresh). Lock objects
 * are under retention like everything else, so a lock is released by writing its `-released` marker,
 * never by deleting early; objects whose retention has ended are deleted.
 */
export async function unlock(ctx: RepoContext, opts: UnlockOptions = {}): Promise<UnlockResult> {
  const alive = opts.isAlive ?? processAlive;
  const released: LockRecord[] = [];
  const kept: LockRecord[] = [];
  try {
    for (const l of await activeLocks(ctx)) {
      const stale = opts.all === true || (l.host === ctx.hostname && !alive(l.pid));
      if (!stale) {
        kept.push(l);
        continue;
      }
      await write(ctx, `locks/${l.id}-released`, { ...l, expires: Math.max(l.expires, ctx.now()) }).catch((err: unknown) => {
        if (!isStorageError(err, 'STORAGE_EXISTS')) throw err;
      });
      released.push(l);
    }
    let removed = 0;
    for (const k of await expiredLockKeys(ctx)) {
      await ctx.storage.delete(k).then(
        () => (removed += 1),
        (err: unknown) => {
          if (!isStorageError(err, 'IMMUTABLE_LOCKED')) throw err;
        },
      );
    }
    return { released, kept, removed };
  } catch (err) {
    throw toRepoError(err);
  }
}
