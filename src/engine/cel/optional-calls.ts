import { Optional } from '@marcbachmann/cel-js';

/**
 * cel-go evaluates `x.or(y)` and `x.orValue(y)` with a dedicated interpretable
 * (cel/library.go evalOptionalOr / evalOptionalOrValue) that returns the receiver unchanged when it
 * is not an optional: on `dyn` JSON data, `container.resources.requests.orValue({})` yields the
 * requests map. The library throws "receiver must be optional" instead, so we swap in cel-go's
 * evaluation on those macro nodes. Errors in the receiver still propagate.
 */
interface OptionalMacro {
  functionDesc?: string;
  receiver: unknown;
  evaluate: (ev: Runner, macro: OptionalMacro, ctx: unknown) => unknown;
  onHasValue: (optional: Optional) => unknown;
  onEmpty: (ev: Runner, macro: OptionalMacro, ctx: unknown) => unknown;
}
interface Runner {
  run(node: unknown, ctx: unknown): unknown;
}

const OR_MACROS = new Set(['optional.orValue(value)', 'optional.or(optional)']);

export function adaptOptionalCall(macro: Record<string, unknown> | undefined): void {
  if (macro === undefined || !OR_MACROS.has(String(macro.functionDesc))) return;
  (macro as unknown as OptionalMacro).evaluate = evaluateLikeCelGo;
}

function evaluateLikeCelGo(ev: Runner, macro: OptionalMacro, ctx: unknown): unknown {
  const receiver = ev.run(macro.receiver, ctx);
  if (receiver instanceof Promise) return receiver.then((v: unknown) => settle(v, ev, macro, ctx));
  return settle(receiver, ev, macro, ctx);
}

function settle(receiver: unknown, ev: Runner, macro: OptionalMacro, ctx: unknown): unknown {
  if (!(receiver instanceof Optional)) return receiver;
  return receiver.hasValue() ? macro.onHasValue(receiver) : macro.onEmpty(ev, macro, ctx);
}
