import { backup } from './backup.js';
import { forget } from './forget.js';
import { initContext, openContext } from './init-open.js';
import { extendLocks } from './maintain.js';
import { prune } from './prune.js';
import { restore } from './restore.js';
import { listSnapshots } from './snapshots.js';
import { unlock } from './unlock.js';
import { verify } from './verify.js';
import type { ImmutabilityReport } from '../storage/index.js';
import type { BackupOptions, BackupResult } from './backup.js';
import type { RepoConfig, RepoContext } from './context.js';
import type { ForgetOptions, ForgetResult } from './forget.js';
import type { InitOptions, OpenOptions } from './init-open.js';
import type { ProgressSink } from './progress.js';
import type { PruneOptions, PruneResult } from './prune.js';
import type { RestoreOptions } from './restore.js';
import type { SnapshotInfo } from './snapshots.js';
import type { UnlockOptions, UnlockResult } from './unlock.js';
import type { VerifyReport } from './verify.js';

/** A content-addressed, encrypted, deduplicating backup repository over any Storage backend. */
export interface Repository {
  readonly id: string;
  readonly config: RepoConfig;
  readonly context: RepoContext;
  backup(paths: string[], opts?: BackupOptions): Promise<BackupResult>;
  snapshots(): Promise<SnapshotInfo[]>;
  restore(ref: string, target: string, opts?: RestoreOptions): Promise<{ snapshot: string; files: number; bytes: number }>;
  verify(opts?: { onProgress?: ProgressSink }): Promise<VerifyReport>;
  forget(opts: ForgetOptions): Promise<ForgetResult>;
  prune(opts?: PruneOptions): Promise<PruneResult>;
  /** Extends retention of everything in force to now + protection period (never shortens). */
  extendLocks(): Promise<{ extended: number }>;
  /** Releases stale locks (their process on this host is gone), or every lock with `all`. */
  unlock(opts?: UnlockOptions): Promise<UnlockResult>;
  /** What this location really guarantees; S3 says "enforced" only after a probe proved it. */
  immutability(): Promise<ImmutabilityReport>;
  close(): Promise<void>;
}

function wrap(ctx: RepoContext): Repository {
  return {
    id: ctx.config.id,
    config: ctx.config,
    context: ctx,
    backup: (paths, opts) => backup(ctx, paths, opts),
    snapshots: () => listSnapshots(ctx),
    restore: (ref, target, opts) => restore(ctx, ref, target, opts),
    verify: (opts) => verify(ctx, opts),
    forget: (opts) => forget(ctx, opts),
    prune: (opts) => prune(ctx, opts),
    extendLocks: () => extendLocks(ctx),
    unlock: (opts) => unlock(ctx, opts),
    immutability: () => ctx.storage.probeImmutability(),
    close: () => ctx.storage.close(),
  };
}

export const initRepository = async (o: InitOptions): Promise<Repository> => wrap(await initContext(o));
export const openRepository = async (o: OpenOptions): Promise<Repository> => wrap(await openContext(o));
