/**
 * Policies from a folder, kept compiled and swapped atomically. A scan compares file signatures and
 * reloads only changed files, each accepted or rejected whole; a rejected file keeps serving its last good
 * version. Scans run on fs.watch events (debounced) and on a slow poll (fs.watch misses events on some
 * filesystems), one at a time; requests only ever read the current snapshot reference.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Issue, PolicySet, PolicySetOptions } from '../../engine/index.js';
import { listPolicyFiles } from './list-files.js';
import { loadPolicyFile, mergePolicySets, policyCount } from './load-file.js';
import { createSnapshot } from './snapshot.js';
import type { PolicyFileStatus, PolicyProvider, PolicySnapshot, PolicyStoreStatus } from './types.js';

export interface PolicyStoreOptions {
  dir: string;
  policySetOptions?: PolicySetOptions;
  debounceMs?: number;
  pollIntervalMs?: number;
  onReload?: (event: { file: string; ok: boolean; issues: Issue[] }) => void;
  onSwap?: (snapshot: PolicySnapshot) => void;
}

export interface PolicyStore extends PolicyProvider {
  start(): Promise<void>;
  /** Scans now (and waits): what the watcher does on a change. */
  rescan(): Promise<void>;
  stop(): void;
}

interface FileEntry {
  signature: string;
  good?: PolicySet;
  rejected?: Issue[];
  warnings: Issue[];
}

const EMPTY: PolicySet = { classic: [], handlers: [], exceptions: [], rejected: [], unsupported: [] };

export function createPolicyStore(opts: PolicyStoreOptions): PolicyStore {
  const files = new Map<string, FileEntry>();
  let snapshot = createSnapshot(EMPTY, 0);
  let ready = false;
  let dirFound = false;
  let running: Promise<void> | undefined;
  let again = false;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let debounce: NodeJS.Timeout | undefined;

  async function scanOnce(): Promise<void> {
    const listed = await listPolicyFiles(opts.dir);
    dirFound = listed !== undefined;
    let changed = false;
    const present = new Set((listed ?? []).map((f) => f.path));
    for (const [path, entry] of [...files.entries()]) {
      if (present.has(path)) continue;
      files.delete(path);
      changed ||= entry.good !== undefined;
    }
    for (const { path, signature } of listed ?? []) {
      const entry = files.get(path);
      if (entry?.signature === signature) continue;
      const load = await loadPolicyFile(path, opts.policySetOptions ?? {});
      // Only a new good version changes what requests see; a rejected one keeps the last good in place.
      changed ||= load.ok;
      if (load.ok) files.set(path, { signature, good: load.set, warnings: load.warnings });
      else files.set(path, { signature, ...(entry?.good ? { good: entry.good } : {}), rejected: load.issues, warnings: [] });
      opts.onReload?.({ file: path, ok: load.ok, issues: load.ok ? load.warnings : load.issues });
    }
    if (changed || !ready) {
      const sets = [...files.keys()].sort().flatMap((p) => (files.get(p)?.good ? [files.get(p)?.good as PolicySet] : []));
      snapshot = createSnapshot(mergePolicySets(sets), snapshot.generation + 1);
      opts.onSwap?.(snapshot);
    }
    ready = true;
  }

  /** Serialises scans: a change during a scan causes exactly one more scan afterwards. */
  function rescan(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await scanOnce();
      } while (again);
    })().finally(() => (running = undefined));
    return running;
  }

  function schedule(): void {
    clearTimeout(debounce);
    debounce = setTimeout(() => void rescan().catch(() => undefined), opts.debounceMs ?? 150);
  }

  return {
    async start() {
      await rescan();
      try {
        watcher = watch(opts.dir, { recursive: true, persistent: false }, schedule);
        watcher.on('error', () => undefined); // the poll still covers us
      } catch {
        // The folder does not exist (yet) or cannot be watched: the poll picks it up.
      }
      timer = setInterval(schedule, opts.pollIntervalMs ?? 30_000);
      timer.unref();
    },
    rescan,
    current: () => snapshot,
    status: () => statusOf(opts.dir, ready, dirFound, snapshot, files),
    stop() {
      watcher?.close();
      clearInterval(timer);
      clearTimeout(debounce);
    },
  };
}

function statusOf(dir: string, ready: boolean, dirFound: boolean, snap: PolicySnapshot, files: Map<string, FileEntry>): PolicyStoreStatus {
  const list: PolicyFileStatus[] = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, e]) => ({
    file,
    state: e.rejected ? 'rejected' : 'ok',
    policies: e.good ? policyCount(e.good) : 0,
    issues: e.rejected ?? e.warnings,
  }));
  return { ready, dir, dirFound, policyCount: snap.policyCount, generation: snap.generation, files: list };
}
