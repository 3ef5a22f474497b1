/**
 * Anchor model shared by the anchor handlers and the pattern validator. The anchors module never imports
 * the pattern module: handlers receive a `validate` callback instead (the pattern module owns recursion).
 * Reference: https://kyverno.io/docs/policy-types/cluster-policy/validate/#anchors
 */

/** Kyverno's anchor modifiers (pkg/engine/anchor/anchor.go): `(k)` `<(k)` `X(k)` `+(k)` `=(k)` `^(k)`. */
export type AnchorType = 'condition' | 'global' | 'negation' | 'addIfNotPresent' | 'equality' | 'existence';

/** A pattern key split into its anchor type (undefined for a plain key) and the resource key it names. */
export interface ParsedKey {
  type: AnchorType | undefined;
  key: string;
}

/**
 * Why a (sub)pattern did not match, mirroring the error values of pkg/engine/validate and pkg/engine/anchor:
 * - plain: an ordinary mismatch (rule fails),
 * - conditional / global: a condition or global anchor did not hold (rule is skipped),
 * - skip: every element of an array was skipped (Kyverno's PatternError{Skip: true}),
 * - negation: a `X()` key was present (rule fails).
 */
export type PatternErrorKind = 'plain' | 'conditional' | 'global' | 'skip' | 'negation';

export interface PatternError {
  kind: PatternErrorKind;
  /** Kyverno's error text, word for word (users and `kyverno test` fixtures compare it). */
  message: string;
  /** JSON Pointer of the failing element; null where Kyverno reports an empty path (a rule error). */
  pointer: string | null;
}

export type JsonMap = Record<string, unknown>;

/** What one map entry of a pattern hands to its handler. */
export interface HandlerInput {
  /** The key as written in the pattern, e.g. `=(hostPath)`. */
  rawKey: string;
  /** The resource key the anchor names, e.g. `hostPath`. */
  key: string;
  pattern: unknown;
  resourceMap: JsonMap;
  /** Pointer of the map that holds the key. */
  pointer: string;
}

export interface HandlerContext {
  /** Validates a resource element against a sub-pattern (the pattern module's recursion). */
  validate(resource: unknown, pattern: unknown, pointer: string): PatternError | undefined;
  /** Kyverno's default handler for a key without a (validate) anchor. */
  plainKey(input: HandlerInput): PatternError | undefined;
}

export type Handler = (input: HandlerInput, ctx: HandlerContext) => PatternError | undefined;

/** True for the errors after which Kyverno skips the rule (pkg/engine/validate/validate.go skip()). */
export function isSkipError(err: PatternError): boolean {
  return err.kind === 'conditional' || err.kind === 'global' || err.kind === 'skip';
}
