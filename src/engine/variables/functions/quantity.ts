/**
 * Exact Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource) for Kyverno's arithmetic:
 * a quantity is `value × 10^exp` with the format of its suffix. Parsing keeps the scale as written (the
 * divide rule depends on it) and rounds up to nano precision as ParseQuantity does; formatting follows
 * Quantity.String (CanonicalizeBytes): BinarySI uses the largest power of 1024 that divides the value
 * exactly (small or fractional values fall back to DecimalSI), decimal formats use an exponent that is a
 * multiple of 3.
 */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

export interface Quantity {
  value: bigint;
  exp: number;
  format: QuantityFormat;
}

const BINARY_POW: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL_EXP).map(([k, v]) => [v, k]));
const BINARY_SUFFIX = new Map(Object.entries(BINARY_POW).map(([k, v]) => [v / 10, k]));
const QUANTITY_RE = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const NANO = -9;

export const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Division rounding away from zero (inf.RoundUp), used for nano rounding. */
function divRoundUp(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b === a ? q : q + (a < 0n ? -1n : 1n);
}

export function parseQuantityExact(text: string): Quantity | undefined {
  const m = QUANTITY_RE.exec(text);
  if (!m) return undefined;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  if (intPart === '' && frac === '') return undefined;
  const suffix = m[4] ?? '';
  let value = BigInt((intPart || '0') + frac);
  if (m[1] === '-') value = -value;
  let exp = -frac.length;
  let format: QuantityFormat = 'DecimalSI';
  const bin = BINARY_POW[suffix];
  if (bin !== undefined) {
    value *= 2n ** BigInt(bin);
    format = 'BinarySI';
  } else if (suffix.startsWith('e') || (suffix.length > 1 && suffix.startsWith('E'))) {
    exp += Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else {
    exp += DECIMAL_EXP[suffix] ?? 0;
  }
  if (exp < NANO) {
    value = divRoundUp(value, pow10(NANO - exp));
    exp = NANO;
  }
  return { value, exp, format };
}

/** Both quantities scaled to the smaller exponent. */
export function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const e = Math.min(a.exp, b.exp);
  return [a.value * pow10(a.exp - e), b.value * pow10(b.exp - e), e];
}

export function toFloat(q: Quantity): number {
  return Number.parseFloat(`${q.value}e${q.exp}`);
}

function formatDecimal(value: bigint, exp: number, format: QuantityFormat): string {
  let v = value;
  let e = exp;
  while (v % 10n === 0n) {
    v /= 10n;
    e++;
  }
  while (((e % 3) + 3) % 3 !== 0) {
    v *= 10n;
    e--;
  }
  if (format === 'DecimalExponent') return e === 0 ? `${v}` : `${v}e${e}`;
  const suffix = DECIMAL_SUFFIX.get(e);
  return suffix !== undefined ? `${v}${suffix}` : `${v}e${e}`;
}

/** Quantity.String(). */
export function formatQuantity(q: Quantity): string {
  if (q.value === 0n) return '0';
  if (q.format === 'BinarySI') {
    const d = q.exp >= 0 ? 1n : pow10(-q.exp);
    const isInt = q.value % d === 0n;
    const whole = q.exp >= 0 ? q.value * pow10(q.exp) : q.value / d;
    if (isInt && (whole >= 1024n || whole <= -1024n)) {
      let n = whole;
      let k = 0;
      while (n % 1024n === 0n && k < 6) {
        n /= 1024n;
        k++;
      }
      return `${n}${BINARY_SUFFIX.get(k) ?? ''}`;
    }
    return formatDecimal(q.value, q.exp, 'DecimalSI');
  }
  return formatDecimal(q.value, q.exp, q.format);
}

/** A Go float64 as a quantity, as Kyverno does with resource.ParseQuantity(fmt.Sprintf("%v", f)). */
export function quantityFromNumber(f: number): Quantity | undefined {
  if (!Number.isFinite(f)) return undefined;
  return parseQuantityExact(String(f).replace('e+', 'e'));
}
