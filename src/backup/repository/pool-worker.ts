/**
 * Entry of a backup/restore worker thread (see worker-pool.ts). Tasks run one at a time, in arrival order;
 * the main thread queues the next one meanwhile so the worker never waits for work.
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { blobId, encodeBlob } from './blob-codec.js';
import { createChunker, forEachChunk } from './chunker.js';
import { createFileWriter } from './file-writer.js';
import { createUnpacker } from './unpack.js';
import { toWire } from './worker-protocol.js';
import { createYoungGc } from './young-gc.js';
import type { BlobKeys } from './blob-codec.js';
import type { FileWriter } from './file-writer.js';
import type { FilesEvent, FilesResult, FilesTask, FromWorker, PoolTask, ToWorker, UnpackTask, WorkerInit, WriteTask } from './worker-protocol.js';
import type { MessagePort } from 'node:worker_threads';

/** Chunks below this are sealed without asking whether they are new: a round trip costs more than they do. */
const ASK_MIN = 64 * 1024;

const allocated = createYoungGc(16 * 1024 * 1024);

const port = parentPort as MessagePort;
const init = workerData as WorkerInit;
const keys: BlobKeys = { enc: Buffer.from(init.enc), id: Buffer.from(init.id) };
const chunker = createChunker(Buffer.from(init.chunkerSeed), init.chunker);
/** One read window for every file this worker chunks: max + 1 MiB always holds a decidable cut. */
const win = Buffer.allocUnsafeSlow(init.chunker.max + 1024 * 1024);
const asks = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
let nextAsk = 0;

const post = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

function ask(task: number, event: FilesEvent): Promise<unknown> {
  const n = nextAsk++;
  return new Promise((ok, fail) => {
    asks.set(n, { ok, fail });
    post({ t: 'event', task, event, ask: n });
  });
}

async function backupFiles(task: number, body: FilesTask): Promise<FilesResult> {
  const files: FilesResult['files'] = [];
  for (const f of body.files) {
    const fd = openSync(f.path, 'r');
    const ids: string[] = [];
    try {
      const read = await forEachChunk(fd, chunker, win, async (chunk) => {
        const id = blobId(keys, chunk);
        ids.push(id);
        const asked = chunk.length >= ASK_MIN;
        if (asked && !(await ask(task, { kind: 'want', id, raw: chunk.length }))) return;
        const { parts, z } = encodeBlob(keys, init.compression, id, chunk);
        const event: FilesEvent = { kind: 'blob', id, sealed: parts, raw: chunk.length, z, asked };
        // The ciphertext moves to the main thread without a copy when it owns its memory (not a pool slice).
        const ct = parts[1];
        post({ t: 'event', task, event }, ct.byteOffset === 0 && ct.byteLength === ct.buffer.byteLength ? [ct.buffer as ArrayBuffer] : []);
        allocated(chunk.length * 2);
      });
      files.push({ ids, read });
    } finally {
      closeSync(fd);
    }
  }
  return { files };
}

const unpacker = createUnpacker(keys, init.compression);

function unpack(body: UnpackTask): { bytes: number } {
  for (const b of body.blobs) allocated(b.raw + b.length);
  return unpacker.unpack(body);
}

let writer: FileWriter | undefined;
/** Blobs written here arrive in buffers of their own, dead once written: collected every few MiB. */
const written = createYoungGc(4 * 1024 * 1024);

function write(body: WriteTask): { bytes: number } {
  writer ??= createFileWriter({ creates: body.creates });
  let bytes = 0;
  try {
    for (const it of body.items) {
      bytes += writer.write(it.data, it.targets);
      written(it.data.length);
    }
  } finally {
    writer.done();
  }
  return { bytes };
}

async function run(task: number, body: PoolTask): Promise<unknown> {
  if (body.kind === 'files') return backupFiles(task, body);
  if (body.kind === 'write') return write(body);
  return unpack(body);
}

let queue: Promise<void> = Promise.resolve();
port.on('message', (m: ToWorker) => {
  if (m.t === 'reply') {
    const a = asks.get(m.ask);
    asks.delete(m.ask);
    if (m.error) a?.fail(Object.assign(new Error(m.error.message), m.error));
    else a?.ok(m.value);
    return;
  }
  queue = queue.then(() =>
    run(m.task, m.body).then(
      (result) => post({ t: 'done', task: m.task, result }),
      (err: unknown) => post({ t: 'fail', task: m.task, error: toWire(err) }),
    ),
  );
});
post({ t: 'ready' });
