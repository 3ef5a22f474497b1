import type { WorkerPool } from './worker-pool.js';
import type { UnpackTask, WriteTask } from './worker-protocol.js';

/** Opened bytes per message to the writer thread; with the pool's queue of two, ~6 MiB are in flight (plus a blob). */
const BATCH_BYTES = 2 * 1024 * 1024;

/**
 * Buffer.allocUnsafe serves requests under 4 KiB from shared 8 KiB slabs, whose other slices must not be
 * detached: small blobs are copied into buffers of their own, larger ones (which own theirs) move as they are.
 */
const own = (d: Buffer): Uint8Array => (d.byteOffset === 0 && d.length >= 4096 ? d : new Uint8Array(d));

type Decode = (body: UnpackTask, b: UnpackTask['blobs'][number]) => Buffer;

/**
 * A restore's writer thread: the main thread opens blobs (AES-GCM, decompression) and moves them, without a
 * copy, to one worker that writes them. The file system's share of a restore (creating files, copying into
 * the page cache: ~half its CPU on ext4, all of it in the kernel) then runs beside the opening instead of
 * after it; one writer creates every file (see file-writer.ts), and the main thread's memory stays as it was.
 */
export function createRestoreWriter(pool: WorkerPool, onWritten: (bytes: number) => void) {
  const results = new Set<Promise<void>>();
  let failure: unknown;
  const send = async (items: WriteTask['items']): Promise<void> => {
    const transfer = items.map((i) => i.data.buffer as ArrayBuffer);
    const { result } = await pool.submit<{ bytes: number }>({ kind: 'write', creates: true, items } satisfies WriteTask, undefined, transfer);
    const p = result.then((r) => onWritten(r.bytes), (err: unknown) => void (failure ??= err));
    results.add(p);
    void p.finally(() => results.delete(p));
  };
  return {
    /** Opens the blobs of a range and sends them in batches; resolves with the bytes opened once all are sent. */
    async range(decode: Decode, task: UnpackTask): Promise<number> {
      let items: WriteTask['items'][number][] = [];
      let batch = 0;
      let total = 0;
      for (const b of task.blobs) {
        if (failure) throw failure;
        const data = own(decode(task, b));
        items.push({ data, targets: b.targets });
        batch += data.length;
        total += data.length;
        if (batch >= BATCH_BYTES) {
          await send(items);
          [items, batch] = [[], 0];
        }
      }
      if (items.length > 0) await send(items);
      return total;
    },
    /** Waits until everything sent is written; rejects with the first write failure. */
    async drain(): Promise<void> {
      while (results.size > 0) await Promise.all(results);
      if (failure) throw failure;
    },
  };
}

export type RestoreWriter = ReturnType<typeof createRestoreWriter>;
