import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DEFAULT_CHUNKER } from './chunker.js';
import { DEFAULT_COMPRESSION } from './compression.js';
import { DEFAULT_KDF, deriveKey, newMasterKeys, open, packMasterKeys, seal, sha256Hex, unpackMasterKeys } from './crypto.js';
import { openSealedJson, retention } from './context.js';
import { RepoError, toRepoError } from './errors.js';
import { appendJournal } from './journal.js';
import type { Clock, LockMode, Storage } from '../storage/index.js';
import type { ChunkerParams } from './chunker.js';
import type { CompressionChoice } from './compression.js';
import type { KdfParams } from './crypto.js';
import type { RepoConfig, RepoContext } from './context.js';
import type { TrustStore } from './trust.js';

export interface OpenOptions {
  readonly storage: Storage;
  readonly password: string;
  /** The trust store (journal key + anchor) for a repository id; it lives outside the repository. */
  readonly trust: (repoId: string) => TrustStore;
  readonly now?: Clock;
  readonly hostname?: string;
}

export interface InitOptions extends OpenOptions {
  readonly kdf?: { N: number; r: number; p: number };
  readonly chunker?: ChunkerParams;
  readonly compression?: CompressionChoice;
  readonly packSize?: number;
  readonly protectionMs?: number;
  readonly lockMode?: LockMode;
}

interface KeyFile {
  readonly kdf: KdfParams;
  readonly wrapped: string;
}

/** 16 MiB packs: few objects per GiB (cheap listing, few S3 requests) yet small enough to repack. */
export const DEFAULT_PACK_SIZE = 16 * 1024 * 1024;
/** Default protection: 7 days, long enough to notice an attack before the evidence may be removed. */
export const DEFAULT_PROTECTION_MS = 7 * 24 * 3600 * 1000;
const KEY_AAD = new TextEncoder().encode('guardrail-master-key');
const CONFIG_AAD = 'guardrail-config';

const wrap = <T>(p: Promise<T>): Promise<T> => p.catch((err: unknown) => Promise.reject(toRepoError(err)));

export async function initContext(o: InitOptions): Promise<RepoContext> {
  if ((await wrap(o.storage.stat('config'))) || (await wrap(o.storage.list('keys/'))).length > 0) {
    throw new RepoError('REPO_EXISTS', `a repository already exists at ${o.storage.location}`);
  }
  const keys = newMasterKeys();
  const kdf: KdfParams = { ...(o.kdf ?? DEFAULT_KDF), salt: randomBytes(16).toString('base64') };
  const kek = await deriveKey(o.password, kdf);
  const keyFile: KeyFile = { kdf, wrapped: seal(kek, packMasterKeys(keys), KEY_AAD).toString('base64') };
  const config: RepoConfig = {
    version: 1,
    id: randomBytes(16).toString('hex'),
    chunker: o.chunker ?? DEFAULT_CHUNKER,
    compression: o.compression ?? DEFAULT_COMPRESSION,
    packSize: o.packSize ?? DEFAULT_PACK_SIZE,
    protectionMs: o.protectionMs ?? DEFAULT_PROTECTION_MS,
    lockMode: o.lockMode ?? 'COMPLIANCE',
  };
  const ctx: RepoContext = { storage: o.storage, keys, config, trust: o.trust(config.id), now: o.now ?? Date.now, hostname: o.hostname ?? hostname() };
  const keyBytes = new TextEncoder().encode(JSON.stringify(keyFile));
  await wrap(o.storage.put(`keys/${sha256Hex(keyBytes)}`, keyBytes, retention(ctx)));
  await wrap(o.storage.put('config', seal(keys.enc, new TextEncoder().encode(JSON.stringify(config)), new TextEncoder().encode(CONFIG_AAD)), retention(ctx)));
  if (!(await ctx.trust.journalKey())) await ctx.trust.createJournalKey();
  await appendJournal(ctx, { op: 'init' });
  return ctx;
}

export async function openContext(o: OpenOptions): Promise<RepoContext> {
  const keyObjs = await wrap(o.storage.list('keys/'));
  if (keyObjs.length === 0) throw new RepoError('REPO_NOT_FOUND', `no repository at ${o.storage.location}`);
  let keys;
  for (const k of keyObjs) {
    const kf = JSON.parse(new TextDecoder().decode(await wrap(o.storage.get(k.key)))) as KeyFile;
    const plain = open(await deriveKey(o.password, kf.kdf), Buffer.from(kf.wrapped, 'base64'), KEY_AAD);
    if (plain) {
      keys = unpackMasterKeys(plain);
      break;
    }
  }
  if (!keys) throw new RepoError('REPO_WRONG_PASSWORD', 'wrong password: it unlocks none of the repository keys');
  const base = { storage: o.storage, keys, trust: o.trust(''), now: o.now ?? Date.now, hostname: o.hostname ?? hostname() };
  const config = openSealedJson<RepoConfig>({ ...base, config: {} as RepoConfig }, 'config', await wrap(o.storage.get('config')), CONFIG_AAD, 'REPO_CORRUPT_CONFIG');
  return { ...base, config, trust: o.trust(config.id) };
}
