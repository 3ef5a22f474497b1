/**
 * The pattern compiler: a validate pattern becomes a tree of closures answering what PatternWalker
 * (walker.ts) would answer for a resource: no error, a skip error, another error, or unknown. It walks
 * exactly the walker's structure (compileMap's key order, the anchor handlers' semantics,
 * pkg/engine/validate/validate.go), but builds no pointer, message or closure per call (except when a
 * wildcard metadata key matches a resource key: metadata.ts). Unknown is left for future cases the
 * compiler cannot decide; today every pattern compiles exactly.
 */
import { isJsonMap, type JsonMap } from '../../anchors/index.js';
import { compileMap, type PatternEntry } from '../compile-map.js';
import { compileScalar } from './scalar.js';
import { compileMetadataFallback, compileMetadataGuard } from './metadata.js';
import { FAST_FAIL, FAST_PASS, FAST_SKIP, FAST_UNKNOWN, type FastStatus, type PatternCheck } from './status.js';

const has = Object.hasOwn;
const FAIL: PatternCheck = () => FAST_FAIL;

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** A condition or global anchor turns every error of its value into a skip error (handlers/condition.ts). */
function asSkip(s: FastStatus): FastStatus {
  return s === FAST_PASS || s === FAST_UNKNOWN ? s : FAST_SKIP;
}

export function compileNode(pattern: unknown): PatternCheck {
  if (isJsonMap(pattern)) return compileMapNode(pattern);
  if (Array.isArray(pattern)) return compileArrayNode(pattern);
  if (isScalar(pattern)) {
    const check = compileScalar(pattern);
    // A scalar pattern against a list applies to every element (walker.ts validate).
    return (r) => {
      if (!Array.isArray(r)) return check(r) ? FAST_PASS : FAST_FAIL;
      for (let i = 0; i < r.length; i++) if (!check(r[i])) return FAST_FAIL;
      return FAST_PASS;
    };
  }
  return FAIL; // "pattern contains unknown type"
}

/** A map; `expand` false for a map already rewritten for wildcard metadata keys (walker.ts validateMap). */
export function compileMapNode(pattern: JsonMap, expand = true): PatternCheck {
  const plan = compileMap(pattern);
  const entries = [...plan.anchors, ...plan.rest].map(compileEntry);
  const wildcards = expand ? plan.wildcardMetadata : undefined;
  const guard = wildcards === undefined ? undefined : compileMetadataGuard(wildcards);
  const rewritten = wildcards === undefined ? FAIL : compileMetadataFallback(pattern, wildcards, (m) => compileMapNode(m, false));
  return (r) => {
    if (!isJsonMap(r)) return FAST_FAIL;
    if (guard !== undefined && !guard(r)) return rewritten(r);
    for (let i = 0; i < entries.length; i++) {
      const s = (entries[i] as PatternCheck)(r);
      if (s !== FAST_PASS) return s;
    }
    return FAST_PASS;
  };
}

/** One map entry as its anchor handler treats it (anchors/handlers/*.ts); `r` is the resource map. */
function compileEntry(e: PatternEntry): PatternCheck {
  const key = e.parsed.key;
  switch (e.parsed.type) {
    case 'negation':
      return (r) => (has(r as JsonMap, key) ? FAST_FAIL : FAST_PASS);
    case 'equality': {
      const child = compileNode(e.value);
      return (r) => (has(r as JsonMap, key) ? child((r as JsonMap)[key]) : FAST_PASS);
    }
    case 'condition': {
      const child = compileNode(e.value);
      return (r) => (has(r as JsonMap, key) ? asSkip(child((r as JsonMap)[key])) : FAST_SKIP);
    }
    case 'global': {
      const child = compileNode(e.value);
      return (r) => (has(r as JsonMap, key) ? asSkip(child((r as JsonMap)[key])) : FAST_PASS);
    }
    case 'existence':
      return compileExistence(key, e.value);
    default:
      return compilePlain(e.rawKey, e.value); // plain keys and `+()`, looked up literally
  }
}

function compilePlain(rawKey: string, pattern: unknown): PatternCheck {
  if (pattern === '*') {
    // "*" asks for a present, non-null value.
    return (r) => {
      const v = has(r as JsonMap, rawKey) ? (r as JsonMap)[rawKey] : undefined;
      return v !== undefined && v !== null ? FAST_PASS : FAST_FAIL;
    };
  }
  const child = compileNode(pattern);
  return (r) => child(has(r as JsonMap, rawKey) ? (r as JsonMap)[rawKey] : undefined);
}

/** `^(key)`: for every map of the pattern list, some element of the resource list has no error. */
function compileExistence(key: string, pattern: unknown): PatternCheck {
  if (!Array.isArray(pattern) || !pattern.every(isJsonMap)) return (r) => (has(r as JsonMap, key) ? FAST_FAIL : FAST_PASS);
  const items = pattern.map(compileNode);
  return (r) => {
    if (!has(r as JsonMap, key)) return FAST_PASS;
    const list = (r as JsonMap)[key];
    if (!Array.isArray(list)) return FAST_FAIL;
    for (let p = 0; p < items.length; p++) {
      const item = items[p] as PatternCheck;
      let found = false;
      let unknown = false;
      for (let i = 0; i < list.length && !found; i++) {
        const s = item(list[i]);
        if (s === FAST_PASS) found = true;
        else if (s === FAST_UNKNOWN) unknown = true;
      }
      if (!found) return unknown ? FAST_UNKNOWN : FAST_FAIL;
    }
    return FAST_PASS;
  };
}

function compileArrayNode(pattern: unknown[]): PatternCheck {
  if (pattern.length === 0) return FAIL; // "pattern Array empty"
  const first = pattern[0];
  if (isJsonMap(first)) {
    const child = compileNode(first);
    return (r) => (Array.isArray(r) ? eachElement(r, child, undefined, r.length) : FAST_FAIL);
  }
  if (isScalar(first)) {
    const child = compileNode(first);
    return (r) => (Array.isArray(r) ? child(r) : FAST_FAIL);
  }
  const children = pattern.map(compileNode);
  return (r) => (Array.isArray(r) && r.length >= pattern.length ? eachElement(r, undefined, children, pattern.length) : FAST_FAIL);
}

/**
 * walker.ts eachElement: the first element with a non-skip error decides; elements that were skipped are
 * ignored unless none applied. An unknown element leaves the answer unknown unless a later one fails.
 */
function eachElement(r: unknown[], one: PatternCheck | undefined, each: PatternCheck[] | undefined, count: number): FastStatus {
  let applied = 0;
  let skipped = false;
  let unknown = false;
  for (let i = 0; i < count; i++) {
    const check = one ?? ((each as PatternCheck[])[i] as PatternCheck);
    const s = check(r[i]);
    if (s === FAST_PASS) applied++;
    else if (s === FAST_SKIP) skipped = true;
    else if (s === FAST_FAIL) return FAST_FAIL;
    else unknown = true;
  }
  if (unknown) return FAST_UNKNOWN;
  return applied === 0 && skipped ? FAST_SKIP : FAST_PASS;
}
