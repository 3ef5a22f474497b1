/**
 * Helpers shared by the engine's agreement and fuzz tests and test generators (pure, like the engine;
 * helpers that read files live in test/support).
 */
import { parseAnchor } from '../anchors/index.js';

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words and keys a pattern uses: mutations built from them reach the pattern's interesting branches. */
export function vocabulary(pattern: unknown, words: Set<unknown>, keys: Set<string>): void {
  if (Array.isArray(pattern)) pattern.forEach((p) => vocabulary(p, words, keys));
  else if (pattern !== null && typeof pattern === 'object') {
    for (const [k, v] of Object.entries(pattern)) {
      keys.add(parseAnchor(k).key);
      vocabulary(v, words, keys);
    }
  } else {
    words.add(pattern);
    if (typeof pattern === 'string') for (const w of pattern.split(/[|&]/)) words.add(w.trim().replace(/^[<>=!]+/, ''));
  }
}

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

function slots(value: unknown, out: Slot[]): Slot[] {
  if (out.length > 400 || value === null || typeof value !== 'object') return out;
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, v] of entries) {
    out.push({ parent: value as Slot['parent'], key });
    slots(v, out);
  }
  return out;
}

/** Seeded variants of a resource: each applies one to three random edits to a fresh copy. */
export function variants(resource: unknown, words: unknown[], keys: string[], count: number, seed: number): unknown[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const values: unknown[] = [...words, null, '', 0, 1, -1, 1.5, true, false, 'true', '0', {}, [], [{}], { x: 'y' }, 'Unconfined', 'RuntimeDefault'];
  const out: unknown[] = [];
  for (let n = 0; n < count; n++) {
    const copy = structuredClone(resource);
    const edits = 1 + Math.floor(rand() * 3);
    for (let e = 0; e < edits; e++) {
      const all = slots(copy, []);
      if (all.length === 0) break;
      const { parent, key } = pick(all);
      const op = rand();
      if (op < 0.25) {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key as string];
      } else if (op < 0.4 && typeof parent === 'object' && !Array.isArray(parent)) {
        const target = parent[key as string];
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[pick(keys)] = structuredClone(pick(values));
        else parent[pick(keys)] = structuredClone(pick(values));
      } else if (op < 0.5) {
        (parent as Record<string, unknown>)[key] = [];
      } else {
        (parent as Record<string, unknown>)[key] = structuredClone(pick(values));
      }
    }
    out.push(copy);
  }
  return out;
}

/** Map elements of lists anywhere in a resource: what foreach blocks apply their patterns to. */
export function elements(resource: unknown, out: unknown[] = []): unknown[] {
  if (out.length > 30 || resource === null || typeof resource !== 'object') return out;
  if (Array.isArray(resource)) {
    for (const el of resource) {
      if (el !== null && typeof el === 'object' && !Array.isArray(el)) out.push(el);
      elements(el, out);
    }
  } else for (const v of Object.values(resource)) elements(v, out);
  return out;
}
