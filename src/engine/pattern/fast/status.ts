/**
 * What a compiled pattern check answers for one (sub)pattern, mirroring the walker's error kinds
 * (walker.ts): no error, a skip error (conditional/global anchor, every array element skipped), any other
 * error, or "unknown" where the compiled form cannot tell and the interpreter must decide.
 * Numbers, not strings: these are compared on every visited node of every admission request.
 */
export const FAST_PASS = 0;
export const FAST_SKIP = 1;
export const FAST_FAIL = 2;
export const FAST_UNKNOWN = 3;

export type FastStatus = typeof FAST_PASS | typeof FAST_SKIP | typeof FAST_FAIL | typeof FAST_UNKNOWN;

/** A compiled (sub)pattern: the walker's verdict on `resource` without building messages or pointers. */
export type PatternCheck = (resource: unknown) => FastStatus;
