import { evalError } from './eval-error.js';
import type { CelLibrary } from './types.js';

/**
 * k8s.io/apiserver/pkg/cel/library/quantity.go over resource.Quantity
 * (k8s.io/apimachinery/pkg/api/resource/quantity.go). Held exactly as nano-units in a bigint so
 * `compareTo`, `add` and `isInteger` are exact; sub-nano precision rounds up, as Quantity does.
 */
const RE = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const NANO = 1_000_000_000n;
const INT64_MAX = 2n ** 63n - 1n;

export class Quantity {
  constructor(readonly nanos: bigint) {}
  compareTo(o: Quantity): number {
    return this.nanos < o.nanos ? -1 : this.nanos > o.nanos ? 1 : 0;
  }
  toString(): string {
    return this.nanos % NANO === 0n ? String(this.nanos / NANO) : `${Number(this.nanos) / 1e9}`;
  }
}

export function parseQuantityExact(text: string): Quantity | undefined {
  const m = RE.exec(text);
  if (!m?.[1]) return undefined;
  const [whole = '', frac = ''] = m[1].replace(/^[+-]/, '').split('.');
  let num = BigInt((whole || '0') + frac);
  const exp10 = -frac.length + (m[3] !== undefined ? Number(m[3]) : (DECIMAL[m[2] ?? ''] ?? 0)) + 9;
  if (m[2] && BINARY[m[2]] !== undefined) num <<= BigInt(BINARY[m[2]] ?? 0);
  if (Math.abs(exp10) > 400) return undefined;
  let nanos: bigint;
  if (exp10 >= 0) nanos = num * 10n ** BigInt(exp10);
  else {
    const div = 10n ** BigInt(-exp10);
    nanos = num / div + (num % div === 0n ? 0n : 1n);
  }
  return new Quantity(m[1].startsWith('-') ? -nanos : nanos);
}

function quantity(text: string): Quantity {
  const q = parseQuantityExact(text);
  if (!q) throw evalError('invalid_argument', `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${text}`);
  return q;
}

const toQ = (v: Quantity | bigint): Quantity => (typeof v === 'bigint' ? new Quantity(v * NANO) : v);

function asInteger(q: Quantity): bigint {
  if (q.nanos % NANO !== 0n) throw evalError('invalid_argument', 'cannot convert value to integer');
  const v = q.nanos / NANO;
  if (v > INT64_MAX || v < -INT64_MAX - 1n) throw evalError('invalid_argument', 'cannot convert value to integer');
  return v;
}

export const quantityLibrary = {
  source: 'k8s.io/apiserver/pkg/cel/library/quantity.go',
  provider: 'ours',
  functions: [
    'quantity(string): Quantity', 'isQuantity(string): bool', 'Quantity.compareTo(Quantity): int',
    'Quantity.add(Quantity|int): Quantity', 'Quantity.sub(Quantity|int): Quantity', 'Quantity.isGreaterThan(Quantity): bool',
    'Quantity.isLessThan(Quantity): bool', 'Quantity.asInteger(): int', 'Quantity.asApproximateFloat(): double',
    'Quantity.sign(): int', 'Quantity.isInteger(): bool',
  ],
  register(env) {
    env.registerType('Quantity', Quantity);
    env.registerOperator('Quantity == Quantity', (a: Quantity, b: Quantity) => a.compareTo(b) === 0);
    env.registerFunction('quantity(string): Quantity', quantity);
    env.registerFunction('isQuantity(string): bool', (s: string) => parseQuantityExact(s) !== undefined);
    env.registerFunction('Quantity.compareTo(Quantity): int', (a: Quantity, b: Quantity) => BigInt(a.compareTo(b)));
    env.registerFunction('Quantity.isGreaterThan(Quantity): bool', (a: Quantity, b: Quantity) => a.compareTo(b) > 0);
    env.registerFunction('Quantity.isLessThan(Quantity): bool', (a: Quantity, b: Quantity) => a.compareTo(b) < 0);
    for (const t of ['Quantity', 'int']) {
      env.registerFunction(`Quantity.add(${t}): Quantity`, (a: Quantity, b: Quantity | bigint) => new Quantity(a.nanos + toQ(b).nanos));
      env.registerFunction(`Quantity.sub(${t}): Quantity`, (a: Quantity, b: Quantity | bigint) => new Quantity(a.nanos - toQ(b).nanos));
    }
    env.registerFunction('Quantity.asInteger(): int', asInteger);
    env.registerFunction('Quantity.asApproximateFloat(): double', (q: Quantity) => Number(q.nanos) / 1e9);
    env.registerFunction('Quantity.sign(): int', (q: Quantity) => BigInt(q.compareTo(new Quantity(0n))));
    env.registerFunction('Quantity.isInteger(): bool', (q: Quantity) => q.nanos % NANO === 0n);
  },
} as const satisfies CelLibrary;
