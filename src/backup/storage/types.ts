/** One interface for every backend (memory, filesystem, S3); all of them pass ./storage-suite.ts. */
export type StorageKind = 'memory' | 'fs' | 's3';

/** S3 Object Lock modes; https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html */
export type LockMode = 'COMPLIANCE' | 'GOVERNANCE';

/**
 * How strongly a location protects what is written to it:
 * - enforced: the server refuses deletion (proved by a probe, never assumed from configuration);
 * - tamper-evident: deletion is refused by our code and detected by `verify`, but a root user can do it;
 * - none: no protection (memory).
 */
export type ImmutabilityLevel = 'none' | 'tamper-evident' | 'enforced';

export interface ImmutabilityReport {
  readonly level: ImmutabilityLevel;
  readonly detail: string;
}

export interface PutOptions {
  /** Retention end; the object cannot be deleted before it. Omitted: no retention. */
  readonly retainUntil?: Date;
  readonly mode?: LockMode;
}

/**
 * An object written in parts (see Storage.openWriter). Nothing is visible under any key until `commit`,
 * which publishes it exactly as `put` would (STORAGE_EXISTS if the key exists, retention applied).
 */
export interface ObjectWriter {
  /** Appends `parts` in order after what was written; the caller keeps them unchanged until it settles. */
  write(parts: readonly Uint8Array[]): Promise<void>;
  /** Publishes everything written so far under `key`; the writer is done afterwards (even on failure). */
  commit(key: string, opts?: PutOptions): Promise<void>;
  /** Discards what was written; safe to call after a failed write or commit. */
  abort(): Promise<void>;
}

export interface ObjectInfo {
  readonly key: string;
  readonly size: number;
  readonly createdAt: Date;
  readonly retainUntil?: Date;
  readonly versionId?: string;
}

export interface Storage {
  readonly kind: StorageKind;
  /** Human-readable location for messages (never contains credentials). */
  readonly location: string;
  /** Writes a new object; fails with STORAGE_EXISTS if the key exists: nothing is ever overwritten. */
  put(key: string, data: Uint8Array, opts?: PutOptions): Promise<void>;
  /** Reads a whole object; STORAGE_NOT_FOUND if missing. */
  get(key: string): Promise<Uint8Array>;
  /** Reads `length` bytes at `offset`. */
  getRange(key: string, offset: number, length: number): Promise<Uint8Array>;
  /**
   * Optional: reads `into.length` bytes at `offset` into the caller's buffer (which may be shared memory),
   * so a restore reuses a few buffers instead of allocating one per read. Resolves with the bytes read.
   */
  readInto?(key: string, offset: number, into: Uint8Array): Promise<number>;
  /**
   * Optional: a new object written in parts, whose key (a content hash) is known only at the end, so a
   * 16 MiB pack is streamed out blob by blob instead of being held whole in memory. Without it, callers
   * build the object in memory and `put` it.
   */
  openWriter?(): ObjectWriter;
  stat(key: string): Promise<ObjectInfo | undefined>;
  /** Every object whose key starts with `prefix`, sorted by key. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /** Deletes an object (on S3: by version id); IMMUTABLE_LOCKED while retained. Missing keys are a no-op. */
  delete(key: string): Promise<void>;
  /** Moves the retention end later; never earlier (an earlier date is ignored). */
  extendRetention(key: string, until: Date, mode?: LockMode): Promise<void>;
  /** Proves (or disproves) that deletion is refused at this location. */
  probeImmutability(): Promise<ImmutabilityReport>;
  close(): Promise<void>;
}

export type Clock = () => number;

const keyPattern = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Keys are relative, '/'-separated, with no '.' or '..' segments, so no backend can escape its root. */
export function isValidKey(key: string): boolean {
  return keyPattern.test(key) && !key.split('/').some((s) => s === '.' || s === '..');
}
