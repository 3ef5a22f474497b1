export { compileWildcard, wildcardMatch, hasWildcard, wildcardToRegExp } from './wildcard.js';
export { parseQuantity, isQuantityWithUnit } from './quantity.js';
export { parseDuration } from './duration.js';
