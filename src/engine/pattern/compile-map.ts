/**
 * The evaluation plan of one pattern map, computed once per map object (WeakMap): its keys parsed and
 * ordered the way Kyverno's validateMap walks them (pkg/engine/validate/validate.go and utils.go).
 * Go iterates maps in random order; where Kyverno's order is unspecified we keep the pattern's order.
 */
import { FIRST_PHASE, TRACKED_ANCHORS, isJsonMap, parseAnchor, type JsonMap, type ParsedKey } from '../anchors/index.js';

export interface PatternEntry {
  rawKey: string;
  parsed: ParsedKey;
  value: unknown;
}

export interface CompiledMap {
  /** Condition, existence, equality and negation anchors, sorted by key (sort.Strings). */
  anchors: PatternEntry[];
  /** Everything else: global anchors and keys with nested anchors first, then the rest. */
  rest: PatternEntry[];
  /** Condition and existence anchors, whose absence anchormap.go records. */
  tracked: PatternEntry[];
  /** The `metadata` entry when its labels/annotations hold wildcard keys (wildcards.ExpandInMetadata). */
  wildcardMetadata: PatternEntry | undefined;
}

const cache = new WeakMap<JsonMap, CompiledMap>();
const nestedCache = new WeakMap<object, boolean>();

export function compileMap(pattern: JsonMap): CompiledMap {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = build(pattern);
    cache.set(pattern, compiled);
  }
  return compiled;
}

function build(pattern: JsonMap): CompiledMap {
  const anchors: PatternEntry[] = [];
  const front: PatternEntry[] = [];
  const back: PatternEntry[] = [];
  let wildcardMetadata: PatternEntry | undefined;
  for (const rawKey of Object.keys(pattern)) {
    const entry = { rawKey, parsed: parseAnchor(rawKey), value: pattern[rawKey] };
    const type = entry.parsed.type;
    if (type !== undefined && FIRST_PHASE.has(type)) anchors.push(entry);
    else if (type === 'global' || hasNestedAnchors(entry.value)) front.push(entry);
    else back.push(entry);
    if (wildcardMetadata === undefined && entry.parsed.key === 'metadata' && hasWildcardTags(entry.value)) {
      wildcardMetadata = entry;
    }
  }
  anchors.sort((a, b) => (a.rawKey < b.rawKey ? -1 : a.rawKey > b.rawKey ? 1 : 0));
  const tracked = anchors.filter((e) => e.parsed.type !== undefined && TRACKED_ANCHORS.has(e.parsed.type));
  return { anchors, rest: [...front, ...back], tracked, wildcardMetadata };
}

/** utils.go hasNestedAnchors: any map below holds a condition/existence/equality/negation/global anchor. */
function hasNestedAnchors(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const known = nestedCache.get(value);
  if (known !== undefined) return known;
  let found = false;
  if (Array.isArray(value)) found = value.some(hasNestedAnchors);
  else {
    for (const [k, v] of Object.entries(value)) {
      const t = parseAnchor(k).type;
      if ((t !== undefined && t !== 'addIfNotPresent') || hasNestedAnchors(v)) {
        found = true;
        break;
      }
    }
  }
  nestedCache.set(value, found);
  return found;
}

function hasWildcardTags(metadata: unknown): boolean {
  if (!isJsonMap(metadata)) return false;
  for (const [k, v] of Object.entries(metadata)) {
    const tag = parseAnchor(k).key;
    if ((tag === 'labels' || tag === 'annotations') && isJsonMap(v) && Object.keys(v).some(hasWildcardChar)) return true;
  }
  return false;
}

export function hasWildcardChar(s: string): boolean {
  return s.includes('*') || s.includes('?');
}
