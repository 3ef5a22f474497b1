/**
 * Typed operands of Kyverno's arithmetic functions (pkg/engine/jmespath/arithmetic.go): a JSON number is
 * a scalar; a string is a Kubernetes quantity if it parses as one (so '10' is ten bytes and '1m' is one
 * milli-unit), otherwise a Go duration ('1h30m'); anything else is an invalid operand.
 */
import { formatGoDuration, parseGoDuration, durationSeconds } from './go-duration.js';
import { formatQuantity, parseQuantityExact, type Quantity } from './quantity.js';
import { genericError } from './types.js';

export type Operand =
  | { kind: 'scalar'; n: number }
  | { kind: 'quantity'; q: Quantity }
  | { kind: 'duration'; d: bigint };

export function toOperand(value: unknown): Operand | undefined {
  if (typeof value === 'number') return { kind: 'scalar', n: value };
  if (typeof value !== 'string') return undefined;
  const q = parseQuantityExact(value);
  if (q) return { kind: 'quantity', q };
  const d = parseGoDuration(value);
  if (d !== undefined) return { kind: 'duration', d };
  return undefined;
}

export function parseOperands(args: unknown[], fn: string): [Operand, Operand] {
  const a = toOperand(args[0]);
  const b = toOperand(args[1]);
  if (!a || !b) throw genericError(fn, 'invalid operands');
  return [a, b];
}

/** The JSON value of a result: numbers stay numbers, quantities and durations become their strings. */
export function quantityResult(q: Quantity): string {
  return formatQuantity(q);
}

export function durationResult(d: bigint): string {
  return formatGoDuration(d);
}

/** time.Duration(seconds * float64(time.Second)): float seconds back to integer nanoseconds. */
export function durationFromSeconds(seconds: number): bigint {
  const ns = seconds * 1e9;
  if (!Number.isFinite(ns)) return ns > 0 ? 9223372036854775807n : -9223372036854775808n;
  return BigInt(Math.trunc(ns));
}

export { durationSeconds };

/** intNumber (utils.go): a float that must hold an integer. */
export function isIntegral(n: number): boolean {
  return Number.isFinite(n) && Math.trunc(n) === n;
}
