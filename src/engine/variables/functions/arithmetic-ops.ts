/**
 * The operator tables of Kyverno's arithmetic (pkg/engine/jmespath/arithmetic.go):
 *   Quantity ± Quantity -> Quantity, Duration ± Duration -> Duration, Scalar ± Scalar -> Scalar;
 *   Quantity × Scalar -> Quantity, Duration × Scalar -> Duration (either order), Scalar × Scalar -> Scalar;
 *   Quantity ÷ Quantity -> Scalar, Quantity ÷ Scalar -> Quantity, Duration ÷ Duration -> Scalar,
 *   Duration ÷ Scalar -> Duration, Scalar ÷ Scalar -> Scalar;
 *   Quantity % Quantity -> Quantity, Duration % Duration -> Duration, Scalar % Scalar -> Scalar;
 * every other combination is "Types mismatch", and a zero divisor is an error.
 */
import { durationFromSeconds, durationResult, durationSeconds, isIntegral, quantityResult, type Operand } from './operands.js';
import { align, pow10, quantityFromNumber, toFloat, type Quantity } from './quantity.js';
import { genericError, typeMismatch, zeroDivision } from './types.js';

const nonIntModulo = () => genericError('modulo', 'Non-integer argument(s) passed for modulo');

export function addOrSubtract(a: Operand, b: Operand, fn: string, sign: 1n | -1n): unknown {
  if (a.kind === 'quantity' && b.kind === 'quantity') {
    const [x, y, exp] = align(a.q, b.q);
    // Quantity.Add/Sub: a zero receiver takes the format of the other operand.
    const format = a.q.value === 0n ? b.q.format : a.q.format;
    return quantityResult({ value: x + sign * y, exp, format });
  }
  if (a.kind === 'duration' && b.kind === 'duration') return durationResult(a.d + sign * b.d);
  if (a.kind === 'scalar' && b.kind === 'scalar') return sign === 1n ? a.n + b.n : a.n - b.n;
  throw typeMismatch(fn);
}

function scaleQuantity(q: Quantity, f: number): string {
  const s = quantityFromNumber(f);
  if (!s) throw genericError('multiply', `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  return quantityResult({ value: q.value * s.value, exp: q.exp + s.exp, format: q.format });
}

export function multiply(a: Operand, b: Operand): unknown {
  if (a.kind === 'scalar') {
    if (b.kind === 'scalar') return a.n * b.n;
    return multiply(b, a);
  }
  if (b.kind !== 'scalar') throw typeMismatch('multiply');
  if (a.kind === 'quantity') return scaleQuantity(a.q, b.n);
  return durationResult(durationFromSeconds(durationSeconds(a.d) * b.n));
}

/** Quantity ÷ Scalar: exact quotient rounded toward zero at the larger of the two scales (inf.QuoRound). */
function divideQuantity(q: Quantity, f: number): string {
  const s = quantityFromNumber(f);
  if (!s) throw genericError('divide', 'invalid operands');
  const exp = Math.min(q.exp, s.exp);
  const k = q.exp - s.exp - exp;
  const value = k >= 0 ? (q.value * pow10(k)) / s.value : q.value / (s.value * pow10(-k));
  return quantityResult({ value, exp, format: q.format });
}

export function divide(a: Operand, b: Operand): unknown {
  if (a.kind === 'quantity' && b.kind === 'quantity') {
    const divisor = toFloat(b.q);
    if (divisor === 0) throw zeroDivision('divide');
    return toFloat(a.q) / divisor;
  }
  if (b.kind === 'scalar' && b.n === 0 && a.kind !== 'scalar') throw zeroDivision('divide');
  if (a.kind === 'quantity' && b.kind === 'scalar') return divideQuantity(a.q, b.n);
  if (a.kind === 'duration' && b.kind === 'duration') {
    if (b.d === 0n) throw zeroDivision('divide');
    return durationSeconds(a.d) / durationSeconds(b.d);
  }
  if (a.kind === 'duration' && b.kind === 'scalar') return durationResult(durationFromSeconds(durationSeconds(a.d) / b.n));
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    if (b.n === 0) throw zeroDivision('divide');
    return a.n / b.n;
  }
  throw typeMismatch('divide');
}

export function modulo(a: Operand, b: Operand): unknown {
  if (a.kind === 'quantity' && b.kind === 'quantity') {
    const f1 = toFloat(a.q);
    const f2 = toFloat(b.q);
    if (!isIntegral(f1) || !isIntegral(f2)) throw nonIntModulo();
    if (f2 === 0) throw zeroDivision('modulo');
    return quantityResult({ value: BigInt(f1) % BigInt(f2), exp: 0, format: a.q.format });
  }
  if (a.kind === 'duration' && b.kind === 'duration') {
    if (b.d === 0n) throw zeroDivision('modulo');
    return durationResult(a.d % b.d);
  }
  if (a.kind === 'scalar' && b.kind === 'scalar') {
    if (!isIntegral(a.n) || !isIntegral(b.n)) throw nonIntModulo();
    if (b.n === 0) throw zeroDivision('modulo');
    return Number(BigInt(a.n) % BigInt(b.n));
  }
  throw typeMismatch('modulo');
}
