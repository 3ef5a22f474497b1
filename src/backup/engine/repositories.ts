/**
 * Opens (or creates on first use) the repositories a run writes: the working repository in the state
 * folder, and each LocationProfile's (a filesystem path, or `s3:` when the profile names a bucket; S3
 * credentials come from the environment, as for `guardrail repo`). Journal trust stays in the state folder.
 */
import { parseDuration } from '../../engine/values/index.js';
import type { LocationProfile } from '../api/index.js';
import { createDirTrustStore, isRepoError, openRepository, initRepository, type Repository, type TrustStore } from '../repository/index.js';
import { openStorage, type OpenStorageEnv } from '../storage/index.js';
import { join } from 'node:path';

export interface RepoAccess {
  readonly password: string;
  readonly trustDir: string;
  readonly env: OpenStorageEnv;
  readonly now?: () => number;
  /** Journal key and anchor per repository id; default a folder per id under trustDir. */
  readonly trust?: (repoId: string) => TrustStore;
}

export function locationOf(profile: LocationProfile): string {
  const { filesystem, s3 } = profile.spec.location;
  if (filesystem) return filesystem.path;
  if (!s3) throw new Error(`LocationProfile ${profile.metadata.name} has no location`);
  return `s3:${s3.endpoint ?? `https://s3.${s3.region ?? 'us-east-1'}.amazonaws.com`}/${s3.bucket}${s3.prefix ? `/${s3.prefix}` : ''}`;
}

export const protectionMsOf = (profile: LocationProfile | undefined): number => {
  const ns = profile?.spec.protectionPeriod ? parseDuration(profile.spec.protectionPeriod) : undefined;
  return ns !== undefined ? ns / 1e6 : 0;
};

export async function openOrInit(location: string, access: RepoAccess, init: { protectionMs: number; lockMode?: 'COMPLIANCE' | 'GOVERNANCE' }): Promise<Repository> {
  const base = {
    storage: openStorage(location, access.env),
    password: access.password,
    trust: access.trust ?? ((id: string) => createDirTrustStore(join(access.trustDir, id || 'unknown'))),
    ...(access.now ? { now: access.now } : {}),
  };
  try {
    return await openRepository(base);
  } catch (err) {
    if (!isRepoError(err) || err.code !== 'REPO_NOT_FOUND') throw err;
  }
  return initRepository({ ...base, protectionMs: init.protectionMs, ...(init.lockMode ? { lockMode: init.lockMode } : {}) });
}
