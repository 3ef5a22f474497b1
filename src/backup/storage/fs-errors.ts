import { StorageError } from './errors.js';

/** Maps a Node fs error onto a storage code; unknown errors stay STORAGE_UNAVAILABLE with the cause kept. */
export function fromFsError(err: unknown, key: string, what: string): StorageError {
  if (err instanceof StorageError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const msg = `${what} ${key}: ${err instanceof Error ? err.message : String(err)}`;
  switch (code) {
    case 'ENOENT':
      return new StorageError('STORAGE_NOT_FOUND', msg, key, { cause: err });
    case 'EEXIST':
      return new StorageError('STORAGE_EXISTS', msg, key, { cause: err });
    case 'ENOSPC':
    case 'EDQUOT':
      return new StorageError('STORAGE_NO_SPACE', msg, key, { cause: err });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new StorageError('STORAGE_DENIED', msg, key, { cause: err });
    default:
      return new StorageError('STORAGE_UNAVAILABLE', msg, key, { cause: err });
  }
}
