import { open, seal, sha256Hex } from './crypto.js';
import { RepoError, toRepoError } from './errors.js';
import type { Clock, LockMode, Storage } from '../storage/index.js';
import type { ChunkerParams } from './chunker.js';
import type { CompressionChoice } from './compression.js';
import type { MasterKeys } from './crypto.js';
import type { RepoErrorCode } from './errors.js';
import type { TrustStore } from './trust.js';

/** Stored (encrypted) at `config`; the per-repository choices. */
export interface RepoConfig {
  readonly version: 1;
  readonly id: string;
  readonly chunker: ChunkerParams;
  readonly compression: CompressionChoice;
  readonly packSize: number;
  /** Every object is protected this long after it is written (Object Lock retain-until on S3). */
  readonly protectionMs: number;
  readonly lockMode: LockMode;
}

/** What every repository operation needs: the storage, the unlocked keys, the config and a clock. */
export interface RepoContext {
  readonly storage: Storage;
  readonly keys: MasterKeys;
  readonly config: RepoConfig;
  readonly trust: TrustStore;
  readonly now: Clock;
  readonly hostname: string;
}

const enc = new TextEncoder();

export function retention(ctx: RepoContext): { retainUntil?: Date; mode: LockMode } {
  const ms = ctx.config.protectionMs;
  return ms > 0 ? { retainUntil: new Date(ctx.now() + ms), mode: ctx.config.lockMode } : { mode: ctx.config.lockMode };
}

/** Encrypts JSON and stores it content-addressed under `prefix/<sha256>`; returns the id. */
export async function putSealedJson(ctx: RepoContext, prefix: string, value: unknown, aad: string): Promise<string> {
  const sealed = seal(ctx.keys.enc, enc.encode(JSON.stringify(value)), enc.encode(aad));
  const id = sha256Hex(sealed);
  try {
    await ctx.storage.put(`${prefix}/${id}`, sealed, retention(ctx));
  } catch (err) {
    throw toRepoError(err);
  }
  return id;
}

/** Reads, checks the content hash and the auth tag; a failure is `code` naming the key. */
export async function getSealedJson<T>(ctx: RepoContext, key: string, aad: string, code: RepoErrorCode): Promise<T> {
  let bytes: Uint8Array;
  try {
    bytes = await ctx.storage.get(key);
  } catch (err) {
    throw toRepoError(err);
  }
  return openSealedJson<T>(ctx, key, bytes, aad, code);
}

export function openSealedJson<T>(ctx: RepoContext, key: string, bytes: Uint8Array, aad: string, code: RepoErrorCode): T {
  const name = key.slice(key.lastIndexOf('/') + 1);
  if (/^[0-9a-f]{64}$/.test(name) && sha256Hex(bytes) !== name) {
    throw new RepoError(code, `${key}: content hash does not match its name`, key);
  }
  const plain = open(ctx.keys.enc, bytes, enc.encode(aad));
  if (!plain) throw new RepoError(code, `${key}: authentication tag does not verify (edited or corrupt)`, key);
  try {
    return JSON.parse(plain.toString('utf8')) as T;
  } catch {
    throw new RepoError(code, `${key}: not valid JSON after decryption`, key);
  }
}
