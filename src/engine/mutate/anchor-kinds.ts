/**
 * Which anchors Kyverno's mutate preprocessing treats as what (pkg/engine/anchor/anchor.go,
 * pkg/engine/mutate/patch/strategicPreprocessing.go). Mutate patterns use `(key)` conditions, `<(key)`
 * global conditions and `+(key)` add-if-not-present; `=()`, `^()` and `X()` count as conditions when the
 * anchors are stripped from the patch.
 */
import { parseAnchor, type AnchorType } from '../anchors/index.js';

const CONDITIONAL: ReadonlySet<AnchorType> = new Set(['condition', 'global', 'equality', 'existence', 'negation']);

export const anchorOf = (key: string) => parseAnchor(key);

/** anchor.ContainsCondition: the key is removed from the final patch. */
export function containsCondition(key: string): boolean {
  const t = parseAnchor(key).type;
  return t !== undefined && CONDITIONAL.has(t);
}

export const isAddIfNotPresent = (key: string) => parseAnchor(key).type === 'addIfNotPresent';
export const isGlobal = (key: string) => parseAnchor(key).type === 'global';
export const isCondition = (key: string) => parseAnchor(key).type === 'condition';

/** hasAnchor in the Go code: a condition of any kind or `+()`. */
export const hasMutateAnchor = (key: string) => containsCondition(key) || isAddIfNotPresent(key);
