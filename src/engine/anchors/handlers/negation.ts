import { childPointer } from '../errors.js';
import { negationError } from '../errors.js';
import type { Handler } from '../types.js';

/**
 * `X(key)` negation anchor: the key must not be present (even with a null value); its pattern value is
 * never evaluated. https://kyverno.io/docs/policy-types/cluster-policy/validate/#anchors
 */
export const negationHandler: Handler = (input) => {
  if (!Object.hasOwn(input.resourceMap, input.key)) return undefined;
  return negationError(childPointer(input.pointer, input.key));
};
