/**
 * A small TTL cache for context lookups: a value is reused for `ttlMs`, concurrent loads of one key share
 * one call, failures are not cached (the next request retries), and the oldest entry leaves first when
 * `maxEntries` is reached. The clock is injected (tests use a fake one).
 */
export interface TtlCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
}

export interface TtlCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  invalidate(key?: string): void;
  size(): number;
}

export function createTtlCache<T>(opts: TtlCacheOptions): TtlCache<T> {
  const now = opts.now ?? Date.now;
  const max = opts.maxEntries ?? 1000;
  const entries = new Map<string, { at: number; value: T }>();
  const loading = new Map<string, Promise<T>>();
  return {
    async get(key, load) {
      const hit = entries.get(key);
      if (hit && now() - hit.at < opts.ttlMs) return hit.value;
      const pending = loading.get(key);
      if (pending) return pending;
      const p = load().then(
        (value) => {
          entries.delete(key);
          entries.set(key, { at: now(), value });
          while (entries.size > max) entries.delete(entries.keys().next().value as string);
          return value;
        },
      ).finally(() => loading.delete(key));
      loading.set(key, p);
      return p;
    },
    invalidate(key) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
    size: () => entries.size,
  };
}
