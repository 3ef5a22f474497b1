/**
 * Kyverno wildcards (github.com/kyverno/go-wildcard): `*` matches any run of characters (also empty),
 * `?` exactly one character; everything else is literal. Compiled patterns are cached because the same
 * few patterns are matched against every admission request.
 */
const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 10_000;

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

export function wildcardToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (re) return re;
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  re = new RegExp(`^${body}$`);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** True when `value` matches `pattern` (exact comparison when the pattern has no wildcard). */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (!hasWildcard(pattern)) return pattern === value;
  if (pattern === '*') return true;
  return wildcardToRegExp(pattern).test(value);
}

/** A matcher for one pattern, decided once: `*` always, a plain string by equality, else the RegExp. */
export function compileWildcard(pattern: string): (value: string) => boolean {
  if (pattern === '*') return () => true;
  if (!hasWildcard(pattern)) return (value) => value === pattern;
  const re = wildcardToRegExp(pattern);
  return (value) => re.test(value);
}
