import { StorageError } from './errors.js';
import type { StorageErrorCode } from './errors.js';
import type { ObjectWriter, PutOptions, Storage } from './types.js';

export interface Fault {
  /** Fail the put of the first key that starts with this prefix (after `after` matching puts succeeded). */
  readonly putPrefix: string;
  readonly after?: number;
  readonly code?: StorageErrorCode;
}

/**
 * Wraps a storage and fails chosen writes, to simulate a crash or an outage at an exact commit step.
 * Once a fault fires, every later write fails too (the process is "dead"), like a real crash.
 */
export function withFaults(inner: Storage, fault: Fault): Storage & { readonly fired: () => boolean } {
  let seen = 0;
  let fired = false;
  const fail = (key: string): never => {
    fired = true;
    throw new StorageError(fault.code ?? 'STORAGE_UNAVAILABLE', `injected fault writing ${key}`, key);
  };
  const check = (key: string): void => {
    if (fired) fail(key);
    if (key.startsWith(fault.putPrefix) && seen++ >= (fault.after ?? 0)) fail(key);
  };
  /** Parts written through a writer fail like puts: at commit, where the key is known, or after the crash. */
  const writer = (w: ObjectWriter): ObjectWriter => ({
    async write(parts) {
      if (fired) fail('new object');
      return w.write(parts);
    },
    async commit(key, opts) {
      try {
        check(key);
      } catch (err) {
        await w.abort();
        throw err;
      }
      return w.commit(key, opts);
    },
    abort: () => w.abort(),
  });
  const open = inner.openWriter?.bind(inner);
  return {
    ...inner,
    kind: inner.kind,
    location: inner.location,
    async put(key: string, data: Uint8Array, opts?: PutOptions) {
      check(key);
      return inner.put(key, data, opts);
    },
    ...(open ? { openWriter: () => writer(open()) } : {}),
    async delete(key: string) {
      if (fired) fail(key);
      return inner.delete(key);
    },
    fired: () => fired,
  };
}
