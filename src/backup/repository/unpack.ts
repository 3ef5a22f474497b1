import { decodeBlob } from './blob-codec.js';
import { createFileWriter } from './file-writer.js';
import type { BlobKeys } from './blob-codec.js';
import type { CompressionChoice } from './compression.js';
import type { FileWriterOptions } from './file-writer.js';
import type { UnpackTask } from './worker-protocol.js';

export type { FileWriterOptions as UnpackerOptions } from './file-writer.js';

/**
 * Opens the blobs of a pack range and writes each to every place it belongs, with positional writes into the
 * restored files. Synchronous: it runs on the main thread (the next range is read meanwhile) or on a worker.
 */
export function createUnpacker(keys: BlobKeys, compression: CompressionChoice, opts: FileWriterOptions = {}) {
  const files = createFileWriter(opts);
  const decode = (body: Omit<UnpackTask, 'kind'>, b: UnpackTask['blobs'][number]): Buffer => {
    const data = decodeBlob(keys, compression, b, body.bytes.subarray(b.offset - body.base, b.offset - body.base + b.length), false);
    if (typeof data === 'string') {
      const key = `data/${body.pack.slice(0, 2)}/${body.pack}`;
      // A plain error with the code: importing RepoError would load the storage backends (and the S3 SDK) into workers.
      throw Object.assign(new Error(`${key}: blob ${b.id.slice(0, 12)} ${data}`), { name: 'RepoError', code: 'REPO_CORRUPT_PACK', path: key });
    }
    return data;
  };
  const write = (body: Omit<UnpackTask, 'kind'>): { bytes: number } => {
    let bytes = 0;
    for (const b of body.blobs) bytes += files.write(decode(body, b), b.targets);
    return { bytes };
  };
  return {
    /** Opens one blob of a range (auth tag, decompression) without writing it. */
    decode,
    /** Files are closed when the range is done (or fails), so none stays open after an error. */
    unpack(body: Omit<UnpackTask, 'kind'>): { bytes: number } {
      try {
        return write(body);
      } finally {
        files.done();
      }
    },
  };
}
