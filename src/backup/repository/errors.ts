import { isStorageError } from '../storage/index.js';

/** Every repository error code, with the meaning users read in docs; tests check the table is complete. */
export const repoErrorCodes = {
  REPO_WRONG_PASSWORD: 'the password does not unlock any key of this repository',
  REPO_NOT_FOUND: 'no repository at this location (run `guardrail repo init`)',
  REPO_EXISTS: 'a repository already exists at this location',
  REPO_CORRUPT_CONFIG: 'the repository config fails its authentication tag',
  REPO_CORRUPT_INDEX: 'an index file fails its authentication tag or hash',
  REPO_CORRUPT_PACK: 'a pack file fails its hash, header or a blob authentication tag',
  REPO_CORRUPT_SNAPSHOT: 'a snapshot manifest is missing, unreadable or wrongly signed',
  REPO_MISSING_BLOB: 'a tree references a blob that no index lists',
  REPO_JOURNAL_BROKEN: 'the journal is edited, truncated or has a gap',
  REPO_JOURNAL_KEY_MISSING: 'the journal key (kept outside the repository) is not available',
  REPO_LOCKED: 'another process holds a conflicting lock',
  REPO_SNAPSHOT_NOT_FOUND: 'no committed snapshot matches this id',
  REPO_BAD_INPUT: 'invalid argument (path, option, snapshot id)',
  STORAGE_NOT_FOUND: 'the storage object does not exist',
  STORAGE_EXISTS: 'the storage object already exists',
  STORAGE_NO_SPACE: 'the storage has no space left',
  STORAGE_UNAVAILABLE: 'the storage could not be reached',
  STORAGE_DENIED: 'the storage refused the request',
  STORAGE_BAD_KEY: 'invalid storage key',
  STORAGE_CHECKSUM: 'the storage reported a checksum mismatch',
  IMMUTABLE_LOCKED: 'the object or snapshot is inside its protection period',
} as const satisfies Record<string, string>;

export type RepoErrorCode = keyof typeof repoErrorCodes;

export class RepoError extends Error {
  override readonly name = 'RepoError';
  constructor(
    readonly code: RepoErrorCode,
    message: string,
    /** The repository key (or file path) the error is about, when there is one. */
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Storage errors keep their code across the repository boundary. */
export function toRepoError(err: unknown): RepoError {
  if (err instanceof RepoError) return err;
  if (isStorageError(err)) return new RepoError(err.code, err.message, err.key, { cause: err });
  throw err;
}

export function isRepoError(err: unknown, code?: RepoErrorCode): err is RepoError {
  return err instanceof RepoError && (code === undefined || err.code === code);
}
