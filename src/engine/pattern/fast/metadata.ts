/**
 * Wildcard keys in a pattern's metadata.labels/annotations (metadata-wildcards.ts, Kyverno's
 * wildcards.ExpandInMetadata) are rewritten to the first resource key they match before the map is
 * validated. When no resource key matches any of them the rewrite changes nothing, so the compiled map
 * applies as written (the guard); otherwise the map is rewritten as the walker rewrites it and compiled
 * once per distinct rewrite (the fallback).
 */
import { isJsonMap, parseAnchor, type JsonMap } from '../../anchors/index.js';
import { wildcardMatch } from '../../values/index.js';
import { hasWildcardChar, type PatternEntry } from '../compile-map.js';
import { expandMetadata } from '../metadata-wildcards.js';
import type { PatternCheck } from './status.js';

const TAGS = ['labels', 'annotations'] as const;

/** metadata-wildcards.ts findTag: the first key naming `tag`, plainly or as an anchor. */
function findTag(map: JsonMap, tag: string): string | undefined {
  for (const key in map) {
    if (!Object.hasOwn(map, key)) continue;
    if (key === tag || (key.endsWith(')') && parseAnchor(key).key === tag)) return key;
  }
  return undefined;
}

function isStringMap(v: unknown): v is JsonMap {
  if (!isJsonMap(v)) return false;
  for (const key in v) if (Object.hasOwn(v, key) && typeof v[key] !== 'string') return false;
  return true;
}

/** For one tag: the wildcard keys (anchor removed) of the pattern's string map. */
function wildcardKeys(metadata: JsonMap, tag: string): string[] | undefined {
  const found = findTag(metadata, tag);
  if (found === undefined) return undefined;
  const data = metadata[found];
  if (!isStringMap(data)) return undefined;
  const keys = Object.keys(data).filter(hasWildcardChar).map((k) => parseAnchor(k).key);
  return keys.length > 0 ? keys : undefined;
}

function anyMatch(data: JsonMap, wildcards: string[]): boolean {
  for (const key in data) {
    if (!Object.hasOwn(data, key)) continue;
    for (let i = 0; i < wildcards.length; i++) if (wildcardMatch(wildcards[i] as string, key)) return true;
  }
  return false;
}

/** A check on the resource map that holds `metadata`: true when the expansion would leave the pattern as is. */
export function compileMetadataGuard(entry: PatternEntry): (resource: JsonMap) => boolean {
  const metadata = isJsonMap(entry.value) ? entry.value : {};
  const perTag: Array<[string, string[]]> = [];
  for (const tag of TAGS) {
    const keys = wildcardKeys(metadata, tag);
    if (keys !== undefined) perTag.push([tag, keys]);
  }
  return (resource) => {
    const rm = resource['metadata'];
    if (!isJsonMap(rm)) return true;
    for (let t = 0; t < perTag.length; t++) {
      const [tag, wildcards] = perTag[t] as [string, string[]];
      const found = findTag(rm, tag);
      if (found === undefined) continue;
      const data = rm[found];
      if (isStringMap(data) && anyMatch(data, wildcards)) return false;
    }
    return true;
  };
}

/** Rewrites seen per map; resource keys are untrusted, so the cache is bounded. */
const REWRITES_LIMIT = 64;

/**
 * The map's check when a wildcard key matched: metadata-wildcards.ts rewrites the pattern (only the string
 * maps under labels/annotations change, so their JSON names the rewrite), and `compile` builds the
 * rewritten map's check without expanding again, as the walker does not.
 */
export function compileMetadataFallback(pattern: JsonMap, entry: PatternEntry, compile: (m: JsonMap) => PatternCheck): PatternCheck {
  const rewrites = new Map<string, PatternCheck>();
  return (r) => {
    const expanded = expandMetadata(pattern, entry, r as JsonMap);
    const key = JSON.stringify(expanded[entry.rawKey]);
    let check = rewrites.get(key);
    if (check === undefined) {
      if (rewrites.size >= REWRITES_LIMIT) rewrites.clear();
      check = compile(expanded);
      rewrites.set(key, check);
    }
    return check(r);
  };
}
