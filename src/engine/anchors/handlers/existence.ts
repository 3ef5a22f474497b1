import { childPointer, kyvernoPath, plainError } from '../errors.js';
import { goTypeName, isJsonMap } from '../go-format.js';
import type { Handler, HandlerContext, JsonMap } from '../types.js';

/**
 * `^(key)` existence anchor: the value must be a list in which, for every map of the pattern list, at
 * least one element matches; a missing key passes.
 * https://kyverno.io/docs/policy-types/cluster-policy/validate/#existence-anchor-at-least-one
 */
export const existenceHandler: Handler = (input, ctx) => {
  if (!Object.hasOwn(input.resourceMap, input.key)) return undefined;
  const value = input.resourceMap[input.key];
  const pointer = childPointer(input.pointer, input.key);
  if (!Array.isArray(value)) {
    return plainError(
      `invalid resource type ${goTypeName(value)}: Existence ^ () anchor can be used only on list/array type resource`,
      pointer,
    );
  }
  if (!Array.isArray(input.pattern)) {
    return plainError(
      `invalid pattern type ${goTypeName(input.pattern, true)}: Pattern has to be of list to compare against resource`,
      pointer,
    );
  }
  for (const item of input.pattern) {
    if (!isJsonMap(item)) {
      return plainError(
        `invalid pattern type ${goTypeName(input.pattern, true)}: Pattern has to be of type map to compare against items in resource`,
        pointer,
      );
    }
    if (!anyElementMatches(ctx, value, item, pointer)) {
      return plainError(`existence anchor validation failed at path ${kyvernoPath(pointer)}`, pointer);
    }
  }
  return undefined;
};

function anyElementMatches(ctx: HandlerContext, list: unknown[], pattern: JsonMap, pointer: string): boolean {
  for (let i = 0; i < list.length; i++) {
    if (ctx.validate(list[i], pattern, childPointer(pointer, i)) === undefined) return true;
  }
  return false;
}
