/**
 * The validate-pattern anchor handlers, one per anchor type (pkg/engine/anchor/handlers.go). A missing
 * entry fails to compile. Keys without an anchor use HandlerContext.plainKey.
 */
import { addIfNotPresentHandler } from './handlers/add-if-not-present.js';
import { conditionHandler } from './handlers/condition.js';
import { equalityHandler } from './handlers/equality.js';
import { existenceHandler } from './handlers/existence.js';
import { globalHandler } from './handlers/global.js';
import { negationHandler } from './handlers/negation.js';
import type { AnchorType, Handler } from './types.js';

export const anchorHandlers = {
  condition: conditionHandler,
  global: globalHandler,
  negation: negationHandler,
  addIfNotPresent: addIfNotPresentHandler,
  equality: equalityHandler,
  existence: existenceHandler,
} satisfies Record<AnchorType, Handler>;

/**
 * Kyverno evaluates a map in two phases (pkg/engine/validate/validate.go validateMap): first these anchors,
 * in sorted key order, then every other key (global anchors and keys hiding nested anchors first).
 */
export const FIRST_PHASE: ReadonlySet<AnchorType> = new Set(['condition', 'existence', 'equality', 'negation']);

/** Anchors whose absence from the resource turns a later failure into a rule error (anchormap.go). */
export const TRACKED_ANCHORS: ReadonlySet<AnchorType> = new Set(['condition', 'existence']);
