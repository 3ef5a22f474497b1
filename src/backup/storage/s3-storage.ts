import { createHash } from 'node:crypto';
import { StorageError } from './errors.js';
import { fromS3Error } from './s3-errors.js';
import { probeS3Immutability } from './s3-probe.js';
import { s3Sdk } from './s3-sdk.js';
import { isValidKey } from './types.js';
import type { LockMode, ObjectInfo, PutOptions, Storage } from './types.js';
import type { S3Client } from '@aws-sdk/client-s3';

export interface S3StorageOptions {
  readonly endpoint?: string;
  readonly bucket: string;
  readonly prefix?: string;
  readonly region?: string;
  readonly forcePathStyle?: boolean;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  readonly defaultMode?: LockMode;
  /** SDK attempts per request; small, so a stopped server fails the backup quickly and clearly. */
  readonly maxAttempts?: number;
}

export type S3Storage = Storage & { readonly client: S3Client; readonly bucket: string; readonly prefix: string };

/**
 * Recovery after deletes without version id (which only add delete markers on a versioned bucket):
 * removes the markers under the storage's prefix so every locked version is visible again.
 */
export async function removeDeleteMarkers(s: S3Storage): Promise<number> {
  const { DeleteObjectCommand, ListObjectVersionsCommand } = s3Sdk();
  let n = 0;
  let KeyMarker: string | undefined;
  let VersionIdMarker: string | undefined;
  try {
    for (;;) {
      const r = await s.client.send(new ListObjectVersionsCommand({ Bucket: s.bucket, Prefix: s.prefix, KeyMarker, VersionIdMarker }));
      for (const m of r.DeleteMarkers ?? []) {
        if (!m.IsLatest || !m.Key || !m.VersionId) continue;
        await s.client.send(new DeleteObjectCommand({ Bucket: s.bucket, Key: m.Key, VersionId: m.VersionId }));
        n += 1;
      }
      if (!r.IsTruncated) return n;
      KeyMarker = r.NextKeyMarker;
      VersionIdMarker = r.NextVersionIdMarker;
    }
  } catch (err) {
    throw fromS3Error(err, s.prefix, 'remove delete markers under');
  }
}

/**
 * S3 backend: every PUT carries x-amz-checksum-sha256 and, when retention is asked for, Object Lock
 * headers; If-None-Match: * makes the write conditional so nothing is overwritten; deletes go by version id
 * so the server's Object Lock decides (a delete without version id would only add a delete marker).
 */
export function createS3Storage(opts: S3StorageOptions): S3Storage {
  const { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, ListObjectVersionsCommand, PutObjectCommand, PutObjectRetentionCommand, S3Client } = s3Sdk();
  const prefix = opts.prefix ? `${opts.prefix.replace(/\/+$/, '')}/` : '';
  const client = new S3Client({
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    region: opts.region ?? 'us-east-1',
    forcePathStyle: opts.forcePathStyle ?? true,
    maxAttempts: opts.maxAttempts ?? 3,
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
  });
  const Bucket = opts.bucket;
  const full = (key: string): string => {
    if (!isValidKey(key)) throw new StorageError('STORAGE_BAD_KEY', `invalid key ${JSON.stringify(key)}`, key);
    return prefix + key;
  };
  const stat = async (key: string): Promise<ObjectInfo | undefined> => {
    try {
      const h = await client.send(new HeadObjectCommand({ Bucket, Key: full(key) }));
      return {
        key,
        size: h.ContentLength ?? 0,
        createdAt: h.LastModified ?? new Date(0),
        ...(h.ObjectLockRetainUntilDate ? { retainUntil: h.ObjectLockRetainUntilDate } : {}),
        ...(h.VersionId ? { versionId: h.VersionId } : {}),
      };
    } catch (err) {
      const e = fromS3Error(err, key, 'stat');
      if (e.code === 'STORAGE_NOT_FOUND') return undefined;
      throw e;
    }
  };
  const read = async (key: string, range?: string): Promise<Uint8Array> => {
    try {
      const r = await client.send(new GetObjectCommand({ Bucket, Key: full(key), ...(range ? { Range: range } : {}) }));
      if (!r.Body) throw new StorageError('STORAGE_UNAVAILABLE', `get ${key}: empty body`, key);
      return await r.Body.transformToByteArray();
    } catch (err) {
      throw fromS3Error(err, key, 'get');
    }
  };
  const versionsOf = async (key: string): Promise<string[]> => {
    const ids: string[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    for (;;) {
      const r = await client.send(
        new ListObjectVersionsCommand({ Bucket, Prefix: full(key), KeyMarker, VersionIdMarker }),
      );
      for (const v of [...(r.Versions ?? []), ...(r.DeleteMarkers ?? [])]) {
        if (v.Key === full(key) && v.VersionId) ids.push(v.VersionId);
      }
      if (!r.IsTruncated) return ids;
      KeyMarker = r.NextKeyMarker;
      VersionIdMarker = r.NextVersionIdMarker;
    }
  };
  const storage: S3Storage = {
    kind: 's3',
    location: `s3:${opts.endpoint ?? 'aws'}/${Bucket}/${prefix}`,
    client,
    bucket: Bucket,
    prefix,
    async put(key: string, data: Uint8Array, p: PutOptions = {}) {
      const checksum = createHash('sha256').update(data).digest('base64');
      try {
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: full(key),
            Body: data,
            ContentLength: data.length,
            IfNoneMatch: '*',
            ChecksumAlgorithm: 'SHA256',
            ChecksumSHA256: checksum,
            ...(p.retainUntil
              ? { ObjectLockMode: p.mode ?? opts.defaultMode ?? 'COMPLIANCE', ObjectLockRetainUntilDate: p.retainUntil }
              : {}),
          }),
        );
      } catch (err) {
        throw fromS3Error(err, key, 'put');
      }
    },
    get: (key) => read(key),
    getRange: (key, offset, length) => read(key, `bytes=${offset}-${offset + length - 1}`),
    stat,
    async list(p) {
      const out: ObjectInfo[] = [];
      let ContinuationToken: string | undefined;
      try {
        do {
          const r = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix + p, ContinuationToken }));
          for (const o of r.Contents ?? []) {
            if (!o.Key) continue;
            out.push({ key: o.Key.slice(prefix.length), size: o.Size ?? 0, createdAt: o.LastModified ?? new Date(0) });
          }
          ContinuationToken = r.IsTruncated ? r.NextContinuationToken : undefined;
        } while (ContinuationToken);
      } catch (err) {
        throw fromS3Error(err, p, 'list');
      }
      return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
    async delete(key) {
      try {
        for (const VersionId of await versionsOf(key)) {
          await client.send(new DeleteObjectCommand({ Bucket, Key: full(key), VersionId }));
        }
      } catch (err) {
        const e = fromS3Error(err, key, 'delete');
        if (e.code === 'STORAGE_DENIED') {
          throw new StorageError('IMMUTABLE_LOCKED', `${key} is under Object Lock retention: ${e.message}`, key, { cause: err });
        }
        throw e;
      }
    },
    async extendRetention(key, until, mode) {
      const cur = await stat(key);
      if (!cur) throw new StorageError('STORAGE_NOT_FOUND', `no object ${key}`, key);
      if (cur.retainUntil && until.getTime() <= cur.retainUntil.getTime()) return;
      try {
        await client.send(
          new PutObjectRetentionCommand({
            Bucket,
            Key: full(key),
            ...(cur.versionId ? { VersionId: cur.versionId } : {}),
            Retention: { Mode: mode ?? opts.defaultMode ?? 'COMPLIANCE', RetainUntilDate: until },
          }),
        );
      } catch (err) {
        throw fromS3Error(err, key, 'extend retention of');
      }
    },
    probeImmutability: () => probeS3Immutability(storage),
    async close() {
      client.destroy();
    },
  };
  return storage;
}
