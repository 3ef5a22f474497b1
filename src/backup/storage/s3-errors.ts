import { StorageError } from './errors.js';

interface AwsLikeError {
  name?: string;
  code?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  message?: string;
}

/** Maps an AWS SDK error onto a storage code by its error name and HTTP status, never by message text. */
export function fromS3Error(err: unknown, key: string, what: string): StorageError {
  if (err instanceof StorageError) return err;
  const e = (err ?? {}) as AwsLikeError;
  const name = e.name ?? e.Code ?? e.code ?? '';
  const status = e.$metadata?.httpStatusCode;
  const msg = `${what} ${key}: ${name || 'error'}${e.message ? ` (${e.message})` : ''}`;
  if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) {
    return new StorageError('STORAGE_NOT_FOUND', msg, key, { cause: err });
  }
  if (name === 'PreconditionFailed' || status === 412) {
    return new StorageError('STORAGE_EXISTS', msg, key, { cause: err });
  }
  if (name === 'BadDigest' || name === 'InvalidDigest' || name === 'XAmzContentChecksumMismatch') {
    return new StorageError('STORAGE_CHECKSUM', msg, key, { cause: err });
  }
  if (name === 'EntityTooLarge' || name === 'QuotaExceeded' || status === 507) {
    return new StorageError('STORAGE_NO_SPACE', msg, key, { cause: err });
  }
  if (name === 'AccessDenied' || name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || status === 403) {
    return new StorageError('STORAGE_DENIED', msg, key, { cause: err });
  }
  return new StorageError('STORAGE_UNAVAILABLE', msg, key, { cause: err });
}
