/**
 * Go time.Time values as Kyverno's time functions see them: an instant (Unix seconds + nanoseconds) and
 * the fixed UTC offset it was written with, because Format(time.RFC3339) prints the time in that offset.
 * Calendar math uses integer day counts (proleptic Gregorian) so no JS Date quirks (two-digit years) leak.
 */
import { FunctionError } from '../errors.js';

export interface GoTime {
  sec: number;
  nsec: number;
  /** Seconds east of UTC. */
  offset: number;
}

export const RFC3339_LAYOUT = '2006-01-02T15:04:05Z07:00';

/** Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Calendar fields of t in its own offset. */
export function fields(t: GoTime) {
  const local = t.sec + t.offset;
  const days = Math.floor(local / 86400);
  const secOfDay = local - days * 86400;
  const { y, m, d } = civilFromDays(days);
  return {
    year: y, month: m, day: d,
    hour: Math.floor(secOfDay / 3600), minute: Math.floor((secOfDay % 3600) / 60), second: secOfDay % 60,
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** t.Format(time.RFC3339): offset 0 prints as Z; sub-second digits are not printed. */
export function formatRFC3339(t: GoTime): string {
  const f = fields(t);
  const year = f.year < 0 ? '-' + pad(f.year, 4) : pad(f.year, 4);
  let zone = 'Z';
  if (t.offset !== 0) {
    const abs = Math.abs(t.offset);
    zone = (t.offset < 0 ? '-' : '+') + pad(Math.floor(abs / 3600)) + ':' + pad(Math.floor((abs % 3600) / 60));
  }
  return `${year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${zone}`;
}

export function parseError(value: string, layout: string, detail = ''): FunctionError {
  return new FunctionError(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse${detail}`);
}

const RFC3339_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** time.Parse(time.RFC3339, s); fractional seconds are accepted as Go does. */
export function parseRFC3339(value: string): GoTime {
  const m = RFC3339_RE.exec(value);
  if (!m) throw parseError(value, RFC3339_LAYOUT);
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth(y!, mo!) || h! > 23 || mi! > 59 || s! > 59) {
    throw parseError(value, RFC3339_LAYOUT, ': field out of range');
  }
  const offset = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 3600 + Number(m[11]) * 60);
  const nsec = m[7] ? Number(m[7].padEnd(9, '0')) : 0;
  const sec = daysFromCivil(y!, mo!, d!) * 86400 + h! * 3600 + mi! * 60 + s! - offset;
  return { sec, nsec, offset };
}

/** Nanoseconds between two instants (t2 - t1), exact. */
export function subTimes(t2: GoTime, t1: GoTime): bigint {
  return BigInt(t2.sec - t1.sec) * 1_000_000_000n + BigInt(t2.nsec - t1.nsec);
}

export function addDuration(t: GoTime, ns: bigint): GoTime {
  const total = BigInt(t.nsec) + ns;
  let carry = total / 1_000_000_000n;
  let nsec = total % 1_000_000_000n;
  if (nsec < 0n) {
    nsec += 1_000_000_000n;
    carry -= 1n;
  }
  return { sec: t.sec + Number(carry), nsec: Number(nsec), offset: t.offset };
}

/** Seconds between 0001-01-01 (Go's zero time) and the Unix epoch. */
const ZERO_TO_UNIX = 62_135_596_800n;

/** t.Truncate(d): rounds down to a multiple of d since the zero time; d <= 0 returns t unchanged. */
export function truncateTime(t: GoTime, d: bigint): GoTime {
  if (d <= 0n) return t;
  const sinceZero = (BigInt(t.sec) + ZERO_TO_UNIX) * 1_000_000_000n + BigInt(t.nsec);
  return addDuration(t, -(sinceZero % d));
}

export function compareTimes(a: GoTime, b: GoTime): number {
  return a.sec !== b.sec ? Math.sign(a.sec - b.sec) : Math.sign(a.nsec - b.nsec);
}

export function fromDate(date: Date): GoTime {
  const ms = date.getTime();
  const sec = Math.floor(ms / 1000);
  return { sec, nsec: (ms - sec * 1000) * 1_000_000, offset: 0 };
}
