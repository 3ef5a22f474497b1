/**
 * Wall-clock time in an IANA zone via Intl (no tz library: Node ships full ICU data). Converting a local
 * time to instants follows RFC 5545 §3.3.5 and Temporal's `compatible` disambiguation: a time that occurs
 * twice (fall back) yields both instants, earlier first; a time skipped by a spring-forward gap is read
 * with the offset in force before the gap, i.e. it moves forward by the gap's length (02:30 -> 03:30).
 */
export interface Wall {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * UTC offsets are cached per 15-minute bucket: since the 1970s every zone's offsets and transition
 * instants are whole multiples of 15 minutes (tz database), so an offset is constant inside a bucket.
 */
const BUCKET_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

function formattedOffset(epochMs: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, (p.hour ?? 0) % 24, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The zone's UTC offset in ms at an instant (local minus UTC). */
export function offsetAt(epochMs: number, timeZone: string): number {
  let cache = offsets.get(timeZone);
  if (!cache) offsets.set(timeZone, (cache = new Map()));
  const bucket = Math.floor(epochMs / BUCKET_MS);
  let off = cache.get(bucket);
  if (off === undefined) {
    if (cache.size > 200_000) cache.clear();
    off = formattedOffset(bucket * BUCKET_MS, timeZone);
    cache.set(bucket, off);
  }
  return off;
}

export function wallAt(epochMs: number, timeZone: string): Wall & { second: number } {
  const d = new Date(epochMs + offsetAt(epochMs, timeZone));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

const DAY = 86_400_000;
const sameWall = (a: Wall, b: Wall): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

/** Instants showing this wall time: two in a repeated hour, one normally, none in a gap. */
export function instantsOf(wall: Wall, timeZone: string): number[] {
  const w = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Real zones change offset at most once within a day either side, so these two offsets cover all cases.
  const candidates = [w - offsetAt(w - DAY, timeZone), w - offsetAt(w + DAY, timeZone)].sort((a, b) => a - b);
  return [...new Set(candidates)].filter((t) => sameWall(wallAt(t, timeZone), wall));
}

/** The instant a scheduled wall time fires at: the first of a repeat, shifted forward across a gap. */
export function resolveWall(wall: Wall, timeZone: string): { at: number; repeated?: number; gap: boolean } {
  const found = instantsOf(wall, timeZone);
  const [first, second] = found;
  if (first !== undefined) return second === undefined ? { at: first, gap: false } : { at: first, repeated: second, gap: false };
  const w = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return { at: w - offsetAt(w - DAY, timeZone), gap: true };
}

/** Day of week (0 = Sunday) of a civil date; calendar arithmetic, no zone involved. */
export const weekdayOf = (year: number, month: number, day: number): number => new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** The civil date `n` days after the given one. */
export function addDays(year: number, month: number, day: number, n: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day) + n * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
