/**
 * Storage errors carry a stable code so callers branch on codes, never on message text.
 * The repository maps them onto its own codes where they cross its boundary.
 */
export const storageErrorCodes = {
  STORAGE_NOT_FOUND: 'the object does not exist',
  STORAGE_EXISTS: 'the object already exists; objects are never overwritten',
  STORAGE_NO_SPACE: 'the storage has no space left (ENOSPC, quota)',
  STORAGE_UNAVAILABLE: 'the storage could not be reached or failed transiently',
  STORAGE_DENIED: 'the storage refused the request (credentials, permissions)',
  STORAGE_BAD_KEY: 'the object key is not a valid relative key',
  STORAGE_CHECKSUM: 'the storage rejected or returned data with a bad checksum',
  IMMUTABLE_LOCKED: 'the object is under retention (Object Lock or protection period) and cannot be deleted',
} as const satisfies Record<string, string>;

export type StorageErrorCode = keyof typeof storageErrorCodes;

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly key?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isStorageError(err: unknown, code?: StorageErrorCode): err is StorageError {
  return err instanceof StorageError && (code === undefined || err.code === code);
}
