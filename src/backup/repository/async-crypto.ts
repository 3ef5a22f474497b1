import { webcrypto } from 'node:crypto';

/**
 * The same primitives as ./crypto.ts through WebCrypto, whose work runs on libuv's thread pool: hashing,
 * HMAC and AES-GCM of a chunk then overlap with chunking on the main thread (measured: chunking alone
 * is ~3.6 ms/MiB of main-thread time; HMAC + GCM + SHA-256 added another ~6 ms/MiB when synchronous).
 * Formats are identical: sealed = iv(12) || ciphertext || tag(16).
 */
const subtle = webcrypto.subtle;
const hmacKeys = new WeakMap<Buffer, Promise<webcrypto.CryptoKey>>();
const aesKeys = new WeakMap<Buffer, Promise<webcrypto.CryptoKey>>();

function hmacKey(raw: Buffer): Promise<webcrypto.CryptoKey> {
  let k = hmacKeys.get(raw);
  if (!k) {
    k = subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    hmacKeys.set(raw, k);
  }
  return k;
}

function aesKey(raw: Buffer): Promise<webcrypto.CryptoKey> {
  let k = aesKeys.get(raw);
  if (!k) {
    k = subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    aesKeys.set(raw, k);
  }
  return k;
}

export async function hmacHexAsync(key: Buffer, data: Uint8Array): Promise<string> {
  return Buffer.from(await subtle.sign('HMAC', await hmacKey(key), data)).toString('hex');
}

export async function sha256HexAsync(data: Uint8Array): Promise<string> {
  return Buffer.from(await subtle.digest('SHA-256', data)).toString('hex');
}

export async function sealAsync(key: Buffer, plain: Uint8Array, aad: Uint8Array): Promise<Buffer> {
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad, tagLength: 128 }, await aesKey(key), plain);
  return Buffer.concat([iv, new Uint8Array(ct)]);
}

/** Undefined when the tag does not verify. */
export async function openAsync(key: Buffer, sealed: Uint8Array, aad: Uint8Array): Promise<Buffer | undefined> {
  if (sealed.length < 28) return undefined;
  try {
    const pt = await subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, 12), additionalData: aad, tagLength: 128 }, await aesKey(key), sealed.subarray(12));
    return Buffer.from(pt);
  } catch {
    return undefined;
  }
}
