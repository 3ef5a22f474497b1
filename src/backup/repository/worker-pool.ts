import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RepoError, repoErrorCodes } from './errors.js';
import type { RepoErrorCode } from './errors.js';
import type { FromWorker, PoolTask, ToWorker, WireError, WorkerInit } from './worker-protocol.js';

/**
 * A pool of worker threads for the CPU-heavy half of backup and restore (chunking, HMAC, compression,
 * AES-GCM): on the main thread alone they leave every core but one idle. Tasks queue per worker (at most
 * `depth` each) so a worker finds its next task waiting; events a task sends on the way (a blob, a question)
 * go to the handler given with it, and a handler's return value answers a question.
 */
export type EventHandler = (event: unknown) => unknown;

interface Slot {
  readonly worker: Worker;
  readonly tasks: Set<number>;
}

interface Pending {
  readonly slot: Slot;
  readonly ok: (v: unknown) => void;
  readonly fail: (e: unknown) => void;
  readonly onEvent?: EventHandler | undefined;
}

export function fromWire(w: WireError): Error {
  if (w.code && w.code in repoErrorCodes) return new RepoError(w.code as RepoErrorCode, w.message, w.path);
  return Object.assign(new Error(w.message), { code: w.code, path: w.path });
}

/** Source files run through tsx (no build step): a worker must register it before loading its entry. */
function spawn(init: WorkerInit): Worker {
  const entry = new URL(`./pool-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: init });
  // The ESM build of tsx's API (its CommonJS build cannot register hooks from an ESM worker).
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const src = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(src, { eval: true, workerData: init });
}

export function createWorkerPool(init: WorkerInit, size = Math.max(1, availableParallelism()), depth = 2) {
  const pending = new Map<number, Pending>();
  const waiters: (() => void)[] = [];
  let nextTask = 0;
  let failure: unknown;
  const slots: Slot[] = [];
  const ready: Promise<void>[] = [];
  const failAll = (slot: Slot, err: unknown): void => {
    failure ??= err;
    for (const t of slot.tasks) pending.get(t)?.fail(err);
  };
  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: spawn(init), tasks: new Set() };
    slots.push(slot);
    ready.push(new Promise((ok, fail) => {
      slot.worker.once('error', fail);
      slot.worker.on('message', (m: FromWorker) => (m.t === 'ready' ? ok() : onMessage(slot, m)));
    }));
    slot.worker.on('error', (err) => failAll(slot, err));
    slot.worker.on('exit', (code) => failAll(slot, new Error(`backup worker exited (${code})`)));
  }
  const allReady = Promise.all(ready).then(() => undefined);
  allReady.catch(() => undefined);

  const settle = (slot: Slot, task: number): Pending | undefined => {
    const p = pending.get(task);
    pending.delete(task);
    slot.tasks.delete(task);
    for (const w of waiters.splice(0)) w();
    return p;
  };
  function onMessage(slot: Slot, m: FromWorker): void {
    if (m.t === 'done') settle(slot, m.task)?.ok(m.result);
    else if (m.t === 'fail') settle(slot, m.task)?.fail(fromWire(m.error));
    else if (m.t === 'event') void answer(slot, m.ask, pending.get(m.task)?.onEvent, m.event);
  }
  async function answer(slot: Slot, ask: number | undefined, handler: EventHandler | undefined, event: unknown): Promise<void> {
    let reply: ToWorker;
    try {
      const value: unknown = await handler?.(event);
      reply = { t: 'reply', ask: ask ?? -1, value };
    } catch (err) {
      reply = { t: 'reply', ask: ask ?? -1, error: { name: 'Error', message: String((err as Error)?.message ?? err), ...(typeof (err as { code?: unknown })?.code === 'string' ? { code: (err as { code: string }).code } : {}) } };
    }
    if (ask !== undefined) slot.worker.postMessage(reply);
  }
  const free = (): Slot | undefined => slots.filter((s) => s.tasks.size < depth).sort((a, b) => a.tasks.size - b.tasks.size)[0];

  return {
    /** Resolves once every worker has loaded (or rejects if one could not start). */
    ready: allReady,
    /** Waits for a free place in some worker's queue, then starts `task`; the result settles later. */
    async submit<R>(task: PoolTask, onEvent?: EventHandler, transfer: ArrayBuffer[] = []): Promise<{ result: Promise<R> }> {
      let slot = free();
      while (!slot) {
        if (failure) throw failure;
        await new Promise<void>((r) => waiters.push(r));
        slot = free();
      }
      const id = nextTask++;
      slot.tasks.add(id);
      const result = new Promise<R>((ok, fail) => pending.set(id, { slot: slot as Slot, ok: ok as (v: unknown) => void, fail, onEvent }));
      result.catch(() => undefined);
      slot.worker.postMessage({ t: 'task', task: id, body: task } satisfies ToWorker, transfer);
      return { result };
    },
    async close(): Promise<void> {
      for (const s of slots) s.worker.removeAllListeners('exit');
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

export type WorkerPool = ReturnType<typeof createWorkerPool>;
