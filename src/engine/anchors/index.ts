/** Kyverno anchors: key parsing, the handler table and the error values they produce. */
export type {
  AnchorType,
  ParsedKey,
  PatternError,
  PatternErrorKind,
  Handler,
  HandlerContext,
  HandlerInput,
  JsonMap,
} from './types.js';
export { isSkipError } from './types.js';
export { parseAnchor, anchorKey } from './parse-anchor.js';
export { anchorHandlers, FIRST_PHASE, TRACKED_ANCHORS } from './handler-table.js';
export { kyvernoPath, childPointer, plainError, combinedSkipError, CONDITIONAL_PREFIX, GLOBAL_PREFIX, NEGATION_PREFIX } from './errors.js';
export { goKind, goTypeName, goFormat, formatFloatExp, isJsonMap, type GoKind } from './go-format.js';
