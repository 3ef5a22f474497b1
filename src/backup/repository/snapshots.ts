import { RepoError } from './errors.js';
import { readJournal } from './journal.js';
import { isSigned, readSnapshot } from './snapshot.js';
import type { RepoContext } from './context.js';
import type { JournalEntry } from './journal.js';
import type { Snapshot } from './snapshot.js';

export interface SnapshotInfo {
  readonly id: string;
  readonly short: string;
  readonly snapshot: Snapshot;
  /** Signed by this repository's engine; unsigned manifests are never counted as restore points. */
  readonly signed: boolean;
}

/** Snapshots committed by a journal entry and not forgotten since, in journal order. */
export function liveSnapshotIds(entries: JournalEntry[]): string[] {
  const live = new Map<string, true>();
  for (const e of entries) {
    if (e.op === 'snapshot') live.set(e.snapshot, true);
    if (e.op === 'forget') for (const s of e.snapshots) live.delete(s);
  }
  return [...live.keys()];
}

export async function listSnapshots(ctx: RepoContext): Promise<SnapshotInfo[]> {
  const { entries } = await readJournal(ctx);
  const out: SnapshotInfo[] = [];
  for (const id of liveSnapshotIds(entries)) {
    const snapshot = await readSnapshot(ctx, id);
    out.push({ id, short: id.slice(0, 8), snapshot, signed: isSigned(ctx, snapshot) });
  }
  return out.sort((a, b) => a.snapshot.time.localeCompare(b.snapshot.time));
}

/** Finds a committed snapshot by full id, unique prefix, or `latest`. */
export async function findSnapshot(ctx: RepoContext, ref: string): Promise<SnapshotInfo> {
  const all = await listSnapshots(ctx);
  if (ref === 'latest') {
    const last = all.at(-1);
    if (!last) throw new RepoError('REPO_SNAPSHOT_NOT_FOUND', 'the repository has no snapshots');
    return last;
  }
  const hits = all.filter((s) => s.id.startsWith(ref));
  if (hits.length !== 1 || ref.length < 4) {
    throw new RepoError(
      hits.length > 1 ? 'REPO_BAD_INPUT' : 'REPO_SNAPSHOT_NOT_FOUND',
      hits.length > 1 ? `snapshot id ${ref} is ambiguous` : `no committed snapshot ${ref}`,
    );
  }
  return hits[0] as SnapshotInfo;
}
