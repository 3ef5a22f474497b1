/**
 * strconv.ParseFloat(s, 64) for the decimal forms policies use: optional sign, digits with an optional
 * fraction and exponent, or inf/infinity/nan (any case). No trimming, no underscores, no hex floats.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

export function parseGoFloat(text: string): number | undefined {
  if (DECIMAL.test(text)) return Number(text);
  const m = SPECIAL.exec(text);
  if (!m) return undefined;
  if ((m[2] ?? '').toLowerCase() === 'nan') return Number.NaN;
  return m[1] === '-' ? -Infinity : Infinity;
}
