import { childPointer } from '../errors.js';
import type { Handler } from '../types.js';

/**
 * `=(key)` equality anchor: validated only if the key is present; a present value must match (its failure
 * fails the rule). https://kyverno.io/docs/policy-types/cluster-policy/validate/#anchors
 */
export const equalityHandler: Handler = (input, ctx) => {
  if (!Object.hasOwn(input.resourceMap, input.key)) return undefined;
  return ctx.validate(input.resourceMap[input.key], input.pattern, childPointer(input.pointer, input.key));
};
