import { childPointer } from '../errors.js';
import { conditionalError } from '../errors.js';
import type { Handler } from '../types.js';

/**
 * `(key)` conditional anchor: if the key is missing or its value does not match, the enclosing element is
 * skipped (and the rule, unless an array sibling applies); otherwise peers are validated.
 * https://kyverno.io/docs/policy-types/cluster-policy/validate/#anchors
 */
export const conditionHandler: Handler = (input, ctx) => {
  const pointer = childPointer(input.pointer, input.key);
  if (!Object.hasOwn(input.resourceMap, input.key)) {
    return conditionalError("conditional anchor key doesn't exist in the resource", pointer);
  }
  const err = ctx.validate(input.resourceMap[input.key], input.pattern, pointer);
  return err === undefined ? undefined : conditionalError(err.message, err.pointer);
};
