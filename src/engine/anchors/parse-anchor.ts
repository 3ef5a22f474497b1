/**
 * Anchor keys (pkg/engine/anchor/anchor.go Parse): `(key)`, or one of `<` `X` `+` `=` `^` followed by
 * `(key)`; the key is everything between the first `(` and the final `)` and must not be empty.
 * Anything else (e.g. `&(key)`, `(key`) is a plain key: Kyverno looks it up literally, and the policy
 * validator (validatePatternSyntax) reports it.
 */
import type { AnchorType, ParsedKey } from './types.js';

const MODIFIERS: Record<string, AnchorType> = {
  '<': 'global',
  X: 'negation',
  '+': 'addIfNotPresent',
  '=': 'equality',
  '^': 'existence',
};

const PREFIX: Record<AnchorType, string> = {
  condition: '',
  global: '<',
  negation: 'X',
  addIfNotPresent: '+',
  equality: '=',
  existence: '^',
};

const cache = new Map<string, ParsedKey>();
const CACHE_LIMIT = 50_000;

function parseUncached(raw: string): ParsedKey {
  // Kyverno's regex variant trims surrounding space before matching.
  const s = raw.trim();
  if (s.length < 3 || s[s.length - 1] !== ')') return { type: undefined, key: raw };
  if (s[0] === '(') return { type: 'condition', key: s.slice(1, -1) };
  const type = MODIFIERS[s[0] as string];
  if (type !== undefined && s[1] === '(' && s.length > 3) return { type, key: s.slice(2, -1) };
  return { type: undefined, key: raw };
}

/** Parses a pattern key; memoised because the same few keys are parsed on every admission request. */
export function parseAnchor(raw: string): ParsedKey {
  let parsed = cache.get(raw);
  if (parsed === undefined) {
    parsed = parseUncached(raw);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, parsed);
  }
  return parsed;
}

/** Rebuilds an anchor key, e.g. anchorKey('negation', 'a') === 'X(a)' (anchor.String). */
export function anchorKey(type: AnchorType | undefined, key: string): string {
  return type === undefined ? key : `${PREFIX[type]}(${key})`;
}
