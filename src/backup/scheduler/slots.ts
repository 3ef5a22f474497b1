/**
 * Slot instants of a schedule, DST-safe. Wall times resolve as ./local-time.ts says; in a repeated hour a
 * fixed-hour slot fires once (the first time) while an every-hour slot fires in both real hours, as ISC
 * cron does ("wildcard jobs run as usual; fixed-time jobs are not re-run", cron(8), daylight saving notes).
 */
import { dayMatches } from './cron.js';
import { addDays, resolveWall, wallAt, weekdayOf } from './local-time.js';
import type { Schedule } from './schedule.js';
import type { TimeOfDay } from '../api/types.js';

/** A schedule whose day fields never match (e.g. 31 February) yields nothing after this many days. */
const MAX_SEARCH_DAYS = 366 * 8 + 2;

function* rawSlotsAfter(s: Schedule, after: number): Generator<number> {
  const start = wallAt(after, s.timeZone);
  let emitted = after;
  for (let i = -1, quiet = 0; quiet < MAX_SEARCH_DAYS; i++, quiet++) {
    const d = addDays(start.year, start.month, start.day, i);
    if (!dayMatches(s.spec, d.month, d.day, weekdayOf(d.year, d.month, d.day))) continue;
    const found: number[] = [];
    for (const hour of s.spec.hours) {
      for (const minute of s.spec.minutes) {
        const r = resolveWall({ ...d, hour, minute }, s.timeZone);
        found.push(r.at);
        if (s.spec.anyHour && r.repeated !== undefined) found.push(r.repeated);
      }
    }
    found.sort((a, b) => a - b);
    for (const t of found) {
      if (t <= emitted) continue;
      emitted = t;
      quiet = 0;
      yield t;
    }
  }
}

const minutesOf = (t: TimeOfDay): number => t.hour * 60 + (t.minute ?? 0);

/** Moves a slot outside the backup window to the window's next opening (monotonic, so order holds). */
function deferToWindow(t: number, s: Schedule): number {
  if (!s.window) return t;
  const w = wallAt(t, s.timeZone);
  const tod = w.hour * 60 + w.minute;
  const open = minutesOf(s.window.start);
  const close = minutesOf(s.window.end);
  const inside = open === close || (open < close ? tod >= open && tod < close : tod >= open || tod < close);
  if (inside) return t;
  const d = addDays(w.year, w.month, w.day, tod < open ? 0 : 1);
  return resolveWall({ ...d, hour: s.window.start.hour, minute: s.window.start.minute ?? 0 }, s.timeZone).at;
}

/** Slots strictly after `after`, increasing, each shifted by `offsetMs` (the app's stagger). */
export function* slotsAfter(s: Schedule, after: number, offsetMs = 0): Generator<number> {
  let last = after;
  for (const raw of rawSlotsAfter(s, after - offsetMs)) {
    const t = deferToWindow(raw, s) + offsetMs;
    if (t <= last) continue;
    last = t;
    yield t;
  }
}

export function nextSlot(s: Schedule, after: number, offsetMs = 0): number | undefined {
  for (const t of slotsAfter(s, after, offsetMs)) return t;
  return undefined;
}

/** Slots in (from, to], at most `max` of them (the newest are kept). */
export function slotsBetween(s: Schedule, from: number, to: number, offsetMs = 0, max = 10_000): number[] {
  const out: number[] = [];
  for (const t of slotsAfter(s, from, offsetMs)) {
    if (t > to) break;
    out.push(t);
    if (out.length > max) out.shift();
  }
  return out;
}

/**
 * The longest gap between consecutive slots over the next year (or `sample` slots): what an RPO derived
 * from the schedule must allow, e.g. 25 h for a daily policy across a fall-back night.
 */
export function expectedInterval(s: Schedule, from: number, sample = 2000): number | undefined {
  let prev: number | undefined;
  let longest: number | undefined;
  let n = 0;
  for (const t of slotsAfter(s, from)) {
    if (prev !== undefined) longest = Math.max(longest ?? 0, t - prev);
    prev = t;
    if (++n > sample || t - from > 366 * 86_400_000) break;
  }
  return longest;
}
