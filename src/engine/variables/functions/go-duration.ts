/**
 * Go time.Duration values (int64 nanoseconds) as bigint, with Duration.String() formatting:
 * "1h0m0s", "1m40s", "1.5s", "300ms", "2µs", "0s".
 */
import { parseDuration } from '../../values/index.js';

export const SECOND = 1_000_000_000n;

/** time.ParseDuration in nanoseconds (fractions of a nanosecond are truncated). */
export function parseGoDuration(text: string): bigint | undefined {
  const ns = parseDuration(text);
  if (ns === undefined || !Number.isFinite(ns)) return undefined;
  // Go rejects surrounding spaces; values/parseDuration trims them.
  if (text.trim() !== text) return undefined;
  return BigInt(Math.trunc(ns));
}

/** fmtFrac: the fractional digits of v/10^prec with trailing zeros removed, and the integer part. */
function fracPart(v: bigint, prec: number): [string, bigint] {
  const unit = 10n ** BigInt(prec);
  const frac = (v % unit).toString().padStart(prec, '0').replace(/0+$/, '');
  return [frac === '' ? '' : '.' + frac, v / unit];
}

export function formatGoDuration(d: bigint): string {
  if (d === 0n) return '0s';
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < SECOND) {
    if (u < 1_000n) out = `${u}ns`;
    else if (u < 1_000_000n) {
      const [f, i] = fracPart(u, 3);
      out = `${i}${f}µs`;
    } else {
      const [f, i] = fracPart(u, 6);
      out = `${i}${f}ms`;
    }
  } else {
    const [f, secs] = fracPart(u, 9);
    u = secs;
    out = `${u % 60n}${f}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m` + out;
      u /= 60n;
      if (u > 0n) out = `${u}h` + out;
    }
  }
  return neg ? '-' + out : out;
}

/** Duration.Seconds() as a float. */
export function durationSeconds(d: bigint): number {
  return Number(d / SECOND) + Number(d % SECOND) / 1e9;
}
