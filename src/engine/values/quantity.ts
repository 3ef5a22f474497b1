/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource, quantity.go):
 * `<signedNumber><suffix>` with binary suffixes Ki Mi Gi Ti Pi Ei, decimal suffixes n u m "" k M G T P E,
 * or a decimal exponent (`1e3`, `1E-3`). Parsed into a number of base units; float precision is enough
 * for comparisons, which is all policies do with them.
 */
const BINARY: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

const QUANTITY_RE = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** Returns the quantity in base units, or undefined when `text` is not a quantity. */
export function parseQuantity(text: string): number | undefined {
  const m = QUANTITY_RE.exec(text.trim());
  if (!m || text.trim() === '') return undefined;
  const num = Number(m[1]);
  if (!Number.isFinite(num)) return undefined;
  if (m[2] !== undefined) return num * (BINARY[m[2]] ?? DECIMAL[m[2]] ?? 1);
  if (m[3] !== undefined) return num * 10 ** Number(m[3]);
  return num;
}

/** True when the text carries a unit (so it is a quantity rather than a plain number). */
export function isQuantityWithUnit(text: string): boolean {
  const m = QUANTITY_RE.exec(text.trim());
  return !!m && (m[2] !== undefined || m[3] !== undefined);
}
