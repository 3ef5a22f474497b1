import { randomBytes } from 'node:crypto';
import { s3Sdk } from './s3-sdk.js';
import type { ImmutabilityReport, Storage } from './types.js';
import type { S3Client } from '@aws-sdk/client-s3';

/** Probe objects are tiny and locked for one day, long enough to outlive the probe, short enough to expire. */
const PROBE_RETENTION_MS = 24 * 3600 * 1000;

/**
 * A location is "enforced" only when the server itself refuses a versioned delete of a locked object.
 * Bucket settings can lie (Object Lock "enabled" but ignored by a gateway); the probe cannot.
 */
export async function probeS3Immutability(
  s: Storage & { client: S3Client; bucket: string; prefix: string },
): Promise<ImmutabilityReport> {
  const key = `probes/${Date.now()}-${randomBytes(6).toString('hex')}`;
  try {
    await s.put(key, new TextEncoder().encode('guardrail immutability probe'), {
      retainUntil: new Date(Date.now() + PROBE_RETENTION_MS),
    });
  } catch (err) {
    return { level: 'none', detail: `locked probe write failed: ${(err as Error).message}` };
  }
  const info = await s.stat(key);
  if (!info?.retainUntil || !info.versionId) {
    return { level: 'none', detail: 'the server did not report a retention date and version id for the probe' };
  }
  try {
    await s.client.send(new (s3Sdk().DeleteObjectCommand)({ Bucket: s.bucket, Key: s.prefix + key, VersionId: info.versionId }));
  } catch {
    return { level: 'enforced', detail: `server refused the versioned delete of locked probe ${key}` };
  }
  return { level: 'none', detail: 'the server deleted a locked object version: Object Lock is not enforced' };
}
