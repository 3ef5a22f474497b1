/**
 * Duration and version readings shared by the operators, each mirroring the Go parser Kyverno calls:
 * time.ParseDuration and blang/semver Parse (quantities live in quantity.ts).
 */
import { parseDuration } from '../values/index.js';

const NS_PER_SECOND = 1e9;

/** time.ParseDuration in nanoseconds; undefined when Go would return an error. */
export function goDuration(text: string): number | undefined {
  // ParseDuration does not trim: " 1h" is an error in Go.
  return text.trim() === text ? parseDuration(text) : undefined;
}

/**
 * time.Duration(n) * time.Second for a JSON number: the float is truncated to a whole number first
 * (Go's float-to-int conversion), so 1.5 means one second.
 */
export function secondsToNs(n: number): number {
  return Math.trunc(n) * NS_PER_SECOND;
}

/**
 * operator.go parseDuration(key, value): at least one side must be a duration string (the bare string
 * "0" does not count); the other side may be a duration string or a number of seconds. Anything else
 * is "no duration" and the caller falls through to its next reading.
 */
export function durationPair(key: unknown, value: unknown): [number, number] | undefined {
  const asString = (v: unknown): number | undefined =>
    typeof v === 'string' && v !== '0' ? goDuration(v) : undefined;
  let k = asString(key);
  let v = asString(value);
  if (k === undefined && v === undefined) return undefined;
  if (k === undefined) {
    if (typeof key !== 'number') return undefined;
    k = secondsToNs(key);
  }
  if (v === undefined) {
    if (typeof value !== 'number') return undefined;
    v = secondsToNs(value);
  }
  return [k, v];
}

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  pre: string[];
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** blang/semver Parse: strict MAJOR.MINOR.PATCH[-pre][+build], no "v" prefix, no leading zeros. */
export function parseSemver(text: string): SemVer | undefined {
  const m = SEMVER.exec(text);
  if (!m) return undefined;
  const pre = m[4] ? m[4].split('.') : [];
  // Numeric pre-release identifiers must not have leading zeros either.
  if (pre.some((p) => /^\d+$/.test(p) && p.length > 1 && p.startsWith('0'))) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre };
}

/** Semver precedence (semver.org §11): build metadata ignored, a pre-release sorts before its release. */
export function compareSemver(a: SemVer, b: SemVer): number {
  for (const f of ['major', 'minor', 'patch'] as const) {
    if (a[f] !== b[f]) return a[f] < b[f] ? -1 : 1;
  }
  if (a.pre.length === 0 && b.pre.length === 0) return 0;
  if (a.pre.length === 0) return 1;
  if (b.pre.length === 0) return -1;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const c = comparePreIdentifier(a.pre[i] as string, b.pre[i] as string);
    if (c !== 0) return c;
  }
  return Math.sign(a.pre.length - b.pre.length);
}

function comparePreIdentifier(x: string, y: string): number {
  const xn = /^\d+$/.test(x);
  const yn = /^\d+$/.test(y);
  if (xn && yn) return Math.sign(Number(x) - Number(y));
  if (xn !== yn) return xn ? -1 : 1; // numeric identifiers have lower precedence
  return x < y ? -1 : x > y ? 1 : 0;
}
