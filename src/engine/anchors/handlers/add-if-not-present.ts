import type { Handler } from '../types.js';

/**
 * `+(key)` add-if-not-present is a mutate anchor. In a validate pattern Kyverno gives it no meaning and
 * looks the key up literally (as `+(key)`), so we do the same; validatePatternSyntax reports it.
 * https://kyverno.io/docs/policy-types/cluster-policy/mutate/#anchors
 */
export const addIfNotPresentHandler: Handler = (input, ctx) => ctx.plainKey(input);
