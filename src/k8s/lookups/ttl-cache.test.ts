import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.js';

describe('createTtlCache', () => {
  it('reuses a value within the TTL and loads again after it (fake clock)', async () => {
    let t = 0;
    let loads = 0;
    const cache = createTtlCache<number>({ ttlMs: 30_000, now: () => t });
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    t = 29_999;
    expect(await cache.get('k', load)).toBe(1);
    t = 30_000;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('shares one in-flight load and does not cache failures', async () => {
    let calls = 0;
    const cache = createTtlCache<string>({ ttlMs: 1000, now: () => 0 });
    const slow = () => new Promise<string>((r) => setTimeout(() => r(`v${++calls}`), 10));
    expect(await Promise.all([cache.get('k', slow), cache.get('k', slow)])).toEqual(['v1', 'v1']);
    const failing = createTtlCache<string>({ ttlMs: 1000, now: () => 0 });
    await expect(failing.get('k', () => Promise.reject(new Error('timeout')))).rejects.toThrow('timeout');
    expect(await failing.get('k', async () => 'ok')).toBe('ok');
  });

  it('evicts the oldest entry beyond maxEntries', async () => {
    const cache = createTtlCache<string>({ ttlMs: 1000, maxEntries: 2, now: () => 0 });
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => k);
    expect(cache.size()).toBe(2);
    let reloaded = false;
    await cache.get('a', async () => ((reloaded = true), 'a'));
    expect(reloaded).toBe(true);
  });
});
