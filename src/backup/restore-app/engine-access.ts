/** Opening an existing repository (never creating one: a restore reads only). */
import { join } from 'node:path';
import { createDirTrustStore, openRepository as open, type Repository } from '../repository/index.js';
import { openStorage } from '../storage/index.js';
import type { RepoAccess } from '../engine/index.js';

export { locationOf } from '../engine/index.js';
export type { BackupEngine } from '../engine/index.js';

export function openRepository(location: string, access: RepoAccess): Promise<Repository> {
  return open({ storage: openStorage(location, access.env), password: access.password, trust: access.trust ?? ((id: string) => createDirTrustStore(join(access.trustDir, id || 'unknown'))) });
}
