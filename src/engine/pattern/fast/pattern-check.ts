/**
 * The compiled form of a whole validate pattern, built once per pattern object. Its answer is exact where
 * it is not FAST_UNKNOWN: FAST_PASS exactly when validatePattern() returns status 'pass', FAST_SKIP /
 * FAST_FAIL when it returns anything else (skip, or fail/error). Callers use it to answer the passing
 * case without the interpreter and run the interpreter for everything else (messages and paths).
 */
import { generatePatternCheck } from './codegen.js';
import { compileNode } from './compile.js';
import type { FastStatus, PatternCheck } from './status.js';

const cache = new WeakMap<object, PatternCheck>();

export function compilePatternCheck(pattern: unknown): PatternCheck {
  if (typeof pattern !== 'object' || pattern === null) return compileNode(pattern);
  let check = cache.get(pattern);
  if (check === undefined) {
    // Generated code where allowed; the closures of compile.ts answer the same (one shared test suite).
    check = generatePatternCheck(pattern) ?? compileNode(pattern);
    cache.set(pattern, check);
  }
  return check;
}

export function fastPatternStatus(resource: unknown, pattern: unknown): FastStatus {
  return compilePatternCheck(pattern)(resource);
}
