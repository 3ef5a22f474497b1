import { resolve } from 'node:path';
import { StorageError } from './errors.js';

export type Location =
  | { readonly kind: 'fs'; readonly root: string }
  | { readonly kind: 's3'; readonly endpoint: string; readonly bucket: string; readonly prefix: string };

/**
 * Parses a repository location: a filesystem path, or `s3:ENDPOINT/BUCKET/PREFIX` where ENDPOINT is
 * `http(s)://host[:port]` (https is assumed without a scheme), e.g. `s3:http://127.0.0.1:7070/backups/prod`.
 */
export function parseLocation(repo: string): Location {
  if (!repo.startsWith('s3:')) {
    if (!repo) throw new StorageError('STORAGE_BAD_KEY', 'empty repository location');
    return { kind: 'fs', root: resolve(repo) };
  }
  let rest = repo.slice(3);
  if (!/^https?:\/\//.test(rest)) rest = `https://${rest}`;
  let url: URL;
  try {
    url = new URL(rest);
  } catch {
    throw new StorageError('STORAGE_BAD_KEY', `invalid S3 location ${repo}; expected s3:ENDPOINT/BUCKET/PREFIX`);
  }
  const [bucket, ...prefix] = url.pathname.split('/').filter(Boolean);
  if (!bucket) throw new StorageError('STORAGE_BAD_KEY', `S3 location ${repo} names no bucket`);
  return { kind: 's3', endpoint: `${url.protocol}//${url.host}`, bucket, prefix: prefix.join('/') };
}
