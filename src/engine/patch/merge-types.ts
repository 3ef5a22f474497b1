/** Values shared by the strategic merge files (kept apart so that they import no each other in a cycle). */
import type { ListHints } from './list-hints.js';

/** A merge result meaning "remove this key / element". */
export const DELETE: unique symbol = Symbol('delete');
export type Merged = unknown;

export type MergeErrorCode = 'MERGE_KIND_MISMATCH' | 'MERGE_INVALID_DIRECTIVE';

export class MergeError extends Error {
  constructor(
    readonly code: MergeErrorCode,
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

export interface MergeContext {
  hints: ListHints;
  prepend: boolean;
  walk(dest: unknown, patch: unknown, path: string): Merged;
  build(patch: unknown, path: string): Merged;
}
