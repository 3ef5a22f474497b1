import { describe, expect, it } from 'vitest';
import { RecentCache } from './recent-cache.js';

describe('RecentCache', () => {
  it('answers by identity, not by equal content', () => {
    const cache = new RecentCache<object, string>(2);
    const a = { x: 1 };
    cache.set(a, 'a');
    expect(cache.get(a)).toBe('a');
    expect(cache.get({ x: 1 })).toBeUndefined();
    expect(cache.has(a)).toBe(true);
  });

  it('keeps the last `size` keys and overwrites the oldest', () => {
    const cache = new RecentCache<object, number>(2);
    const [a, b, c] = [{}, {}, {}];
    cache.set(a, 1);
    cache.set(b, 2);
    cache.set(c, 3);
    expect(cache.has(a)).toBe(false);
    expect(cache.get(b)).toBe(2);
    expect(cache.get(c)).toBe(3);
  });

  it('updates a key in place rather than taking a second slot', () => {
    const cache = new RecentCache<object, number>(2);
    const [a, b] = [{}, {}];
    cache.set(a, 1);
    cache.set(a, 2);
    cache.set(b, 3);
    expect(cache.get(a)).toBe(2);
    expect(cache.get(b)).toBe(3);
  });

  it('tells a stored undefined from a missing key', () => {
    const cache = new RecentCache<object, undefined>(1);
    const a = {};
    cache.set(a, undefined);
    expect(cache.has(a)).toBe(true);
    expect(cache.has({})).toBe(false);
  });
});
