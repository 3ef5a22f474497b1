/**
 * A small cache of values derived from the last few requests, keyed by object identity and holding its
 * keys strongly (at most `size` of them; the oldest entry is overwritten).
 *
 * Why not a WeakMap keyed by the request's objects: V8 keeps a WeakMap entry's value alive while its key
 * is alive, and a scavenge cannot see that a young key died before the map did, so every request's
 * derived values (and through them the request) were promoted to the old generation. Measured on the
 * webhook's path: +9 µs of garbage collection per admission and an old generation that grew until the
 * next full collection. Per-request work reads the same few objects over and over (every rule of every
 * policy reads one request), so the last few entries hit as often as a WeakMap did.
 */
export class RecentCache<K extends object, V> {
  private readonly keys: Array<K | undefined>;
  private readonly values: Array<V | undefined>;
  private next = 0;

  constructor(size: number) {
    this.keys = new Array<K | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
  }

  /** The entry's index, or -1. */
  private indexOf(key: K): number {
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return i;
    return -1;
  }

  has(key: K): boolean {
    return this.indexOf(key) >= 0;
  }

  get(key: K): V | undefined {
    const i = this.indexOf(key);
    return i >= 0 ? this.values[i] : undefined;
  }

  set(key: K, value: V): void {
    let i = this.indexOf(key);
    if (i < 0) {
      i = this.next;
      this.next = (i + 1) % this.keys.length;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }
}
