import type { ChunkerParams } from './chunker.js';
import type { CompressionChoice } from './compression.js';

/** What a pool worker needs to chunk, seal and open blobs: copies of the repository's keys and choices. */
export interface WorkerInit {
  readonly enc: Uint8Array;
  readonly id: Uint8Array;
  readonly chunkerSeed: Uint8Array;
  readonly chunker: ChunkerParams;
  readonly compression: CompressionChoice;
}

/** Back up files: read, chunk, hash, compress, seal. Small files travel in batches. */
export interface FilesTask {
  readonly kind: 'files';
  readonly files: { readonly path: string; readonly size: number }[];
}

/** Open the blobs of one contiguous pack range and write each to its places in the restored files. */
export interface UnpackTask {
  readonly kind: 'unpack';
  readonly pack: string;
  /** Pack offset of `bytes[0]`. */
  readonly base: number;
  /** The range, in a buffer the restore reuses (shared memory when workers read it). */
  readonly bytes: Uint8Array;
  readonly blobs: { id: string; offset: number; length: number; raw: number; z: boolean; targets: [path: string, pos: number][] }[];
}

/** Write blobs the main thread opened (a restore's writer thread): each item's bytes to its places. */
export interface WriteTask {
  readonly kind: 'write';
  /** Files are created at their first write (see file-writer.ts); the worker is the restore's only writer. */
  readonly creates: boolean;
  readonly items: { readonly data: Uint8Array; readonly targets: [path: string, pos: number][] }[];
}

export type PoolTask = FilesTask | UnpackTask | WriteTask;

export interface FilesResult {
  readonly files: { ids: string[]; read: number }[];
}

/** Events a files task sends while it runs; `want` is a question (is this blob new?), answered true/false. */
export type FilesEvent =
  | { readonly kind: 'want'; readonly id: string; readonly raw: number }
  | { readonly kind: 'blob'; readonly id: string; readonly sealed: Uint8Array[]; readonly raw: number; readonly z: boolean; readonly asked: boolean };

/** An error crossing the thread boundary: the code survives (RepoError, StorageError or errno codes). */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly path?: string;
}

export type ToWorker =
  | { readonly t: 'task'; readonly task: number; readonly body: PoolTask }
  | { readonly t: 'reply'; readonly ask: number; readonly value?: unknown; readonly error?: WireError };

export type FromWorker =
  | { readonly t: 'ready' }
  | { readonly t: 'done'; readonly task: number; readonly result: unknown }
  | { readonly t: 'fail'; readonly task: number; readonly error: WireError }
  | { readonly t: 'event'; readonly task: number; readonly event: unknown; readonly ask?: number };

export function toWire(err: unknown): WireError {
  const e = err as { name?: string; message?: string; code?: unknown; path?: unknown };
  return {
    name: typeof e?.name === 'string' ? e.name : 'Error',
    message: typeof e?.message === 'string' ? e.message : String(err),
    ...(typeof e?.code === 'string' ? { code: e.code } : {}),
    ...(typeof e?.path === 'string' ? { path: e.path } : {}),
  };
}
