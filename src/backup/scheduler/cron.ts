/**
 * Five-field cron (minute hour day-of-month month day-of-week) as crontab(5) defines it: `*`, `a`, `a-b`,
 * `*\/n`, `a-b/n`, comma lists, month and weekday names, 7 = Sunday. When both day fields are restricted
 * a day matches either one (crontab(5): "the command will be run when either field matches").
 */
export interface CronSpec {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly days: readonly number[];
  readonly months: readonly number[];
  readonly weekdays: readonly number[];
  /** Field was `*` (or a full-range step of 1): used for the day rule and for DST repeats. */
  readonly anyDay: boolean;
  readonly anyWeekday: boolean;
  readonly anyHour: boolean;
}

export type CronResult = { ok: true; spec: CronSpec } | { ok: false; field: number; message: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, base: 1 },
  { name: 'day-of-week', min: 0, max: 7, names: DAYS, base: 0 },
] as const;

export const range = (min: number, max: number): number[] => Array.from({ length: max - min + 1 }, (_, i) => min + i);

function value(text: string, f: (typeof FIELDS)[number]): number | undefined {
  const names = 'names' in f ? f.names : undefined;
  const named = names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0 && 'base' in f) return named + f.base;
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= f.min && n <= f.max ? n : undefined;
}

function parseField(text: string, f: (typeof FIELDS)[number]): number[] | string {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^([^/]+)(?:\/(\d+))?$/.exec(part);
    if (!m) return `"${part}" is not a ${f.name} value`;
    const [, body = '', stepText] = m;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return `step in "${part}" must be at least 1`;
    let lo: number | undefined;
    let hi: number | undefined;
    if (body === '*') [lo, hi] = [f.min, f.max === 7 ? 6 : f.max];
    else {
      const [a = '', b] = body.split('-');
      lo = value(a, f);
      hi = b === undefined ? (stepText === undefined ? lo : f.max) : value(b, f);
    }
    if (lo === undefined || hi === undefined) return `"${part}" is outside ${f.min}-${f.max} for ${f.name}`;
    if (lo > hi) return `range "${part}" runs backwards`;
    for (let v = lo; v <= hi; v += step) out.add(f.name === 'day-of-week' && v === 7 ? 0 : v);
  }
  return [...out].sort((a, b) => a - b);
}

export function parseCron(expr: string): CronResult {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return { ok: false, field: -1, message: `cron needs 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}` };
  const lists: number[][] = [];
  for (const [i, f] of FIELDS.entries()) {
    const parsed = parseField(parts[i] ?? '', f);
    if (typeof parsed === 'string') return { ok: false, field: i, message: parsed };
    lists.push(parsed);
  }
  const [minutes = [], hours = [], days = [], months = [], weekdays = []] = lists;
  return {
    ok: true,
    spec: { minutes, hours, days, months, weekdays, anyDay: star(parts[2]), anyWeekday: star(parts[4]), anyHour: hours.length === 24 },
  };
}

/** Does a local calendar day match the day-of-month, month and day-of-week fields? */
export function dayMatches(spec: CronSpec, month: number, day: number, weekday: number): boolean {
  if (!spec.months.includes(month)) return false;
  const dom = spec.days.includes(day);
  const dow = spec.weekdays.includes(weekday);
  if (spec.anyDay && spec.anyWeekday) return true;
  if (spec.anyDay) return dow;
  if (spec.anyWeekday) return dom;
  return dom || dow;
}

/** Vixie cron sets its DOM_STAR/DOW_STAR flags for any field that begins with `*`, `*\/2` included. */
const star = (field: string | undefined): boolean => field?.startsWith('*') ?? false;
