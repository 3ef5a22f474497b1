import { evalError } from './eval-error.js';
import type { CelLibrary } from './types.js';

/** k8s.io/apiserver/pkg/cel/library/semverlib.go (blang/semver, strict unless normalize=true). */
const STRICT =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export class Semver {
  constructor(readonly major: bigint, readonly minor: bigint, readonly patch: bigint, readonly pre: string[]) {}
  compareTo(o: Semver): number {
    for (const k of ['major', 'minor', 'patch'] as const) if (this[k] !== o[k]) return this[k] < o[k] ? -1 : 1;
    if (this.pre.length === 0 || o.pre.length === 0) return o.pre.length - this.pre.length === 0 ? 0 : this.pre.length === 0 ? 1 : -1;
    for (let i = 0; i < Math.max(this.pre.length, o.pre.length); i++) {
      const a = this.pre[i];
      const b = o.pre[i];
      if (a === undefined || b === undefined) return a === undefined ? -1 : 1;
      const c = comparePre(a, b);
      if (c !== 0) return c;
    }
    return 0;
  }
}

function comparePre(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return Math.sign(Number(BigInt(a) - BigInt(b)));
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** normalize: strip a leading "v", fill missing minor/patch, drop leading zeros (Kubernetes 1.31+). */
export function parseSemver(text: string, normalize = false): Semver | undefined {
  let s = text;
  if (normalize) {
    s = s.replace(/^v/, '');
    const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(.*)$/.exec(s);
    if (m) s = `${BigInt(m[1] ?? '0')}.${BigInt(m[2] ?? '0')}.${BigInt(m[3] ?? '0')}${m[4] ?? ''}`;
  }
  const m = STRICT.exec(s);
  if (!m) return undefined;
  return new Semver(BigInt(m[1] ?? '0'), BigInt(m[2] ?? '0'), BigInt(m[3] ?? '0'), m[4] ? m[4].split('.') : []);
}

function semver(text: string, normalize = false): Semver {
  const v = parseSemver(text, normalize);
  if (!v) throw evalError('invalid_argument', `could not parse semver: ${text}`);
  return v;
}

export const semverLibrary = {
  source: 'k8s.io/apiserver/pkg/cel/library/semverlib.go',
  provider: 'ours',
  functions: [
    'semver(string[, bool]): Semver', 'isSemver(string[, bool]): bool', 'Semver.major(): int', 'Semver.minor(): int',
    'Semver.patch(): int', 'Semver.compareTo(Semver): int', 'Semver.isGreaterThan(Semver): bool', 'Semver.isLessThan(Semver): bool',
  ],
  register(env) {
    env.registerType('Semver', Semver);
    env.registerOperator('Semver == Semver', (a: Semver, b: Semver) => a.compareTo(b) === 0);
    env.registerFunction('semver(string): Semver', (s: string) => semver(s));
    env.registerFunction('semver(string, bool): Semver', semver);
    env.registerFunction('isSemver(string): bool', (s: string) => parseSemver(s) !== undefined);
    env.registerFunction('isSemver(string, bool): bool', (s: string, n: boolean) => parseSemver(s, n) !== undefined);
    env.registerFunction('Semver.major(): int', (v: Semver) => v.major);
    env.registerFunction('Semver.minor(): int', (v: Semver) => v.minor);
    env.registerFunction('Semver.patch(): int', (v: Semver) => v.patch);
    env.registerFunction('Semver.compareTo(Semver): int', (a: Semver, b: Semver) => BigInt(a.compareTo(b)));
    env.registerFunction('Semver.isGreaterThan(Semver): bool', (a: Semver, b: Semver) => a.compareTo(b) > 0);
    env.registerFunction('Semver.isLessThan(Semver): bool', (a: Semver, b: Semver) => a.compareTo(b) < 0);
  },
} as const satisfies CelLibrary;
