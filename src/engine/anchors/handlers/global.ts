import { childPointer } from '../errors.js';
import { globalError } from '../errors.js';
import type { Handler } from '../types.js';

/**
 * `<(key)` global anchor: if the key is present and its value does not match, the whole rule is skipped;
 * a missing key passes. https://kyverno.io/docs/policy-types/cluster-policy/validate/#global-anchor
 */
export const globalHandler: Handler = (input, ctx) => {
  if (!Object.hasOwn(input.resourceMap, input.key)) return undefined;
  const pointer = childPointer(input.pointer, input.key);
  const err = ctx.validate(input.resourceMap[input.key], input.pattern, pointer);
  return err === undefined ? undefined : globalError(err.message, err.pointer);
};
