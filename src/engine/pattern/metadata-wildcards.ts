/**
 * wildcards.ExpandInMetadata (pkg/engine/wildcards/wildcards.go): in a pattern map's `metadata.labels` and
 * `metadata.annotations`, a key with `*`/`?` (anchored or not) is replaced by the first resource key it
 * matches, keeping its anchor, so `X(fluxcd.io/*): "*"` checks the actual annotation. Values stay as
 * written; an unmatched key stays literal. Kyverno rewrites the pattern in place; we build a copy.
 */
import { anchorKey, isJsonMap, parseAnchor, type JsonMap } from '../anchors/index.js';
import { wildcardMatch } from '../values/index.js';
import { hasWildcardChar, type PatternEntry } from './compile-map.js';

const TAGS = ['labels', 'annotations'] as const;

/** getPatternValue: the entry named `tag`, written plainly or as an anchor. */
function findTag(map: JsonMap, tag: string): [string, unknown] | undefined {
  for (const key of Object.keys(map)) if (key === tag || parseAnchor(key).key === tag) return [key, map[key]];
  return undefined;
}

/** Kyverno reads both sides as map[string]string (it panics on other values; we leave those alone). */
function stringMap(v: unknown): JsonMap | undefined {
  if (!isJsonMap(v)) return undefined;
  for (const x of Object.values(v)) if (typeof x !== 'string') return undefined;
  return v;
}

function expandKeys(pattern: JsonMap, resource: JsonMap): JsonMap {
  const out: JsonMap = {};
  const resourceKeys = Object.keys(resource);
  for (const [key, value] of Object.entries(pattern)) {
    if (!hasWildcardChar(key)) {
      out[key] = value;
      continue;
    }
    const parsed = parseAnchor(key);
    const match = resourceKeys.find((rk) => wildcardMatch(parsed.key, rk));
    out[match === undefined ? key : anchorKey(parsed.type, match)] = value;
  }
  return out;
}

export function expandMetadata(pattern: JsonMap, entry: PatternEntry, resource: JsonMap): JsonMap {
  const resourceMetadata = resource['metadata'];
  if (!isJsonMap(resourceMetadata) || !isJsonMap(entry.value)) return pattern;
  let metadata: JsonMap | undefined;
  for (const tag of TAGS) {
    const patternTag = findTag(entry.value, tag);
    const resourceTag = findTag(resourceMetadata, tag);
    const patternData = stringMap(patternTag?.[1]);
    const resourceData = stringMap(resourceTag?.[1]);
    if (patternTag === undefined || patternData === undefined || resourceData === undefined) continue;
    metadata ??= { ...entry.value };
    metadata[patternTag[0]] = expandKeys(patternData, resourceData);
  }
  return metadata === undefined ? pattern : { ...pattern, [entry.rawKey]: metadata };
}
