/**
 * Kyverno's anchor error values (pkg/engine/anchor/error.go): a fixed prefix and the inner message, e.g.
 * `conditional anchor mismatch: resource value 'a' does not match 'b' at path /metadata/labels/x/`.
 */
import { joinPointer, parsePointer } from '../json-pointer.js';
import type { PatternError } from './types.js';

export const CONDITIONAL_PREFIX = 'conditional anchor mismatch';
export const GLOBAL_PREFIX = 'global anchor mismatch';
export const NEGATION_PREFIX = 'negation anchor matched in resource';

/**
 * Kyverno's path notation: `/` at the root, else every segment followed by `/` and not escaped
 * (`/metadata/annotations/example.com/team/`), as in messages like "failed at path /spec/replicas/".
 */
export function kyvernoPath(pointer: string): string {
  if (pointer === '') return '/';
  if (!pointer.includes('~')) return `${pointer}/`; // nothing escaped: the common case, on every failure
  return `/${parsePointer(pointer).join('/')}/`;
}

export function plainError(message: string, pointer: string | null): PatternError {
  return { kind: 'plain', message, pointer };
}

export function conditionalError(inner: string, pointer: string | null): PatternError {
  return { kind: 'conditional', message: `${CONDITIONAL_PREFIX}: ${inner}`, pointer };
}

export function globalError(inner: string, pointer: string | null): PatternError {
  return { kind: 'global', message: `${GLOBAL_PREFIX}: ${inner}`, pointer };
}

export function negationError(pointer: string): PatternError {
  return { kind: 'negation', message: `${NEGATION_PREFIX}: ${kyvernoPath(pointer)} is not allowed`, pointer };
}

/** multierr.Combine of the skip errors of every array element (validate.go validateArrayOfMaps). */
export function combinedSkipError(errors: PatternError[], pointer: string): PatternError {
  return { kind: 'skip', message: errors.map((e) => e.message).join('; '), pointer };
}

/** joinPointer for one token, without the escaping work for the usual tokens that need none (hot path). */
export function childPointer(base: string, token: string | number): string {
  if (typeof token === 'number' || (!token.includes('/') && !token.includes('~'))) return `${base}/${token}`;
  return joinPointer(base, token);
}
