/**
 * Exact comparison of Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity Cmp/Equal
 * compare decimals exactly). Floats are not enough: 700 * 0.001 !== 0.7, so "700m" must not be read as a
 * float before comparing with "0.7".
 * Grammar (quantity.go): <signedNumber>[<binarySI> | <decimalSI> | <decimalExponent>].
 */
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;
const BINARY_EXP: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
/** Beyond this decimal exponent the exact BigInt scaling would be wasteful; no real quantity gets there. */
const MAX_EXP = 400;

interface ExactQuantity { mantissa: bigint; exp10: number; exp2: number }

export function parseExactQuantity(text: string): ExactQuantity | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, number = '', suffix, exponent] = m;
  const [int = '', frac = ''] = number.split('.');
  let mantissa = BigInt(`${int}${frac}` || '0');
  if (sign === '-') mantissa = -mantissa;
  let exp10 = -frac.length;
  let exp2 = 0;
  if (suffix !== undefined) {
    if (suffix in BINARY_EXP) exp2 = BINARY_EXP[suffix] as number;
    else exp10 += DECIMAL_EXP[suffix] as number;
  } else if (exponent !== undefined) exp10 += Number(exponent);
  if (Math.abs(exp10) > MAX_EXP) return undefined;
  return { mantissa, exp10, exp2 };
}

/** A JSON number as a quantity, through its shortest decimal form ("1e+21" is a valid quantity too). */
export function numberAsQuantity(n: number): ExactQuantity | undefined {
  return Number.isFinite(n) ? parseExactQuantity(String(n)) : undefined;
}

export function compareExact(a: ExactQuantity, b: ExactQuantity): number {
  const e10 = Math.min(a.exp10, b.exp10);
  const e2 = Math.min(a.exp2, b.exp2);
  const scale = (q: ExactQuantity): bigint => q.mantissa * 10n ** BigInt(q.exp10 - e10) * 2n ** BigInt(q.exp2 - e2);
  const x = scale(a);
  const y = scale(b);
  return x === y ? 0 : x > y ? 1 : -1;
}

/** Cmp of two quantity strings; undefined when either is not a quantity. */
export function compareQuantities(a: string, b: string): number | undefined {
  const qa = parseExactQuantity(a);
  const qb = parseExactQuantity(b);
  return qa && qb ? compareExact(qa, qb) : undefined;
}
