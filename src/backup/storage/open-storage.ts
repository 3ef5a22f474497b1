import { createFsStorage } from './fs-storage.js';
import { parseLocation } from './location.js';
import { createS3Storage } from './s3-storage.js';
import type { Location } from './location.js';
import type { Storage } from './types.js';

export interface OpenStorageEnv {
  readonly AWS_ACCESS_KEY_ID?: string;
  readonly AWS_SECRET_ACCESS_KEY?: string;
  readonly AWS_REGION?: string;
  readonly GUARDRAIL_S3_LOCK_MODE?: string;
}

type Opener<K extends Location['kind']> = (loc: Extract<Location, { kind: K }>, env: OpenStorageEnv) => Storage;

/** Storage backends reachable from a location string; the memory backend is for tests and has no location. */
const openers = {
  fs: (loc, _env) => createFsStorage({ root: loc.root }),
  s3: (loc, env) =>
    createS3Storage({
      endpoint: loc.endpoint,
      bucket: loc.bucket,
      prefix: loc.prefix,
      ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
      ...(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } }
        : {}),
      defaultMode: env.GUARDRAIL_S3_LOCK_MODE === 'GOVERNANCE' ? 'GOVERNANCE' : 'COMPLIANCE',
    }),
} satisfies { [K in Location['kind']]: Opener<K> };

export function openStorage(repo: string, env: OpenStorageEnv = {}): Storage {
  const loc = parseLocation(repo);
  return loc.kind === 'fs' ? openers.fs(loc, env) : openers.s3(loc, env);
}
