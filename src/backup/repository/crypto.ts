import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt } from 'node:crypto';

/** Keys unlocked by the password. Each has one job, so a leak of one use does not weaken another. */
export interface MasterKeys {
  /** AES-256-GCM key for every blob, index, snapshot and journal payload. */
  readonly enc: Buffer;
  /** HMAC-SHA256 key for chunk ids, so ids reveal nothing about content (no confirmation-of-file attacks). */
  readonly id: Buffer;
  /** HMAC-SHA256 key that signs snapshot manifests: only the engine makes restore points. */
  readonly sign: Buffer;
  /** Seed of the chunker's gear table, so chunk boundaries do not fingerprint content either. */
  readonly chunker: Buffer;
}

export interface KdfParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
}

/** scrypt parameters: N=2^15, r=8 costs 32 MiB and ~100 ms (RFC 7914 section 2 recommends r=8, p=1). */
export const DEFAULT_KDF = { N: 2 ** 15, r: 8, p: 1 } as const;

const IV = 12;
const TAG = 16;

export function newMasterKeys(): MasterKeys {
  return { enc: randomBytes(32), id: randomBytes(32), sign: randomBytes(32), chunker: randomBytes(32) };
}

export function packMasterKeys(k: MasterKeys): Buffer {
  return Buffer.concat([k.enc, k.id, k.sign, k.chunker]);
}

export function unpackMasterKeys(b: Buffer): MasterKeys {
  return { enc: b.subarray(0, 32), id: b.subarray(32, 64), sign: b.subarray(64, 96), chunker: b.subarray(96, 128) };
}

export function deriveKey(password: string, kdf: KdfParams): Promise<Buffer> {
  return new Promise((ok, fail) =>
    scrypt(password, Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r }, (e, k) =>
      e ? fail(e) : ok(k),
    ),
  );
}

/** AES-256-GCM: iv(12) || ciphertext || tag(16); `aad` binds the payload to its name (a blob to its id). */
export function seal(key: Buffer, plain: Uint8Array, aad?: Uint8Array): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  if (aad) c.setAAD(aad);
  return Buffer.concat([iv, c.update(plain), c.final(), c.getAuthTag()]);
}

/** Returns undefined when the authentication tag does not verify (wrong key or tampered bytes). */
export function open(key: Buffer, sealed: Uint8Array, aad?: Uint8Array): Buffer | undefined {
  if (sealed.length < IV + TAG) return undefined;
  const b = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.length);
  try {
    const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, IV));
    if (aad) d.setAAD(aad);
    d.setAuthTag(b.subarray(b.length - TAG));
    return Buffer.concat([d.update(b.subarray(IV, b.length - TAG)), d.final()]);
  } catch {
    return undefined;
  }
}

export const SEAL_OVERHEAD = IV + TAG;

export function hmacHex(key: Buffer, data: Uint8Array | string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
