/**
 * Time functions (Kyverno pkg/engine/jmespath/time.go). "Now" comes from the injected FunctionEnv; times
 * are RFC 3339 strings unless a Go layout is given, and results keep the offset of their input.
 */
import { formatGoDuration, parseGoDuration } from './go-duration.js';
import { parseLayout } from './go-layout.js';
import {
  addDuration, compareTimes, fields, formatRFC3339, fromDate, parseRFC3339, subTimes, truncateTime, type GoTime,
} from './go-time.js';
import { FunctionError } from '../errors.js';
import { defineFunctions, str, type FunctionContext } from './types.js';

const S = { types: ['string'] } as const;

function durationArg(fn: string, args: unknown[], i: number): bigint {
  const text = str(fn, args, i);
  const d = parseGoDuration(text);
  if (d === undefined) throw new FunctionError(`time: invalid duration ${JSON.stringify(text)}`);
  return d;
}

function now(ctx: FunctionContext): GoTime {
  return fromDate(ctx.env().now());
}

function parseWith(layout: string, value: string): GoTime {
  return layout === '' ? parseRFC3339(value) : parseLayout(layout, value);
}

/** strconv.ParseInt(s, 10, 64) acceptance. */
const INT_RE = /^[+-]?\d+$/;

export const timeFunctions = defineFunctions({
  time_since: {
    args: [S, S, S],
    returns: ['string'],
    note: 'calculate the difference between a start and end period of time where the end may either be a static definition or the then-current time',
    impl: (a, ctx) => {
      const layout = str('time_since', a, 0);
      const t1 = parseWith(layout, str('time_since', a, 1));
      const end = str('time_since', a, 2);
      const t2 = end === '' ? now(ctx) : parseWith(layout, end);
      return formatGoDuration(subTimes(t2, t1));
    },
  },
  time_now: {
    args: [],
    returns: ['string'],
    note: 'returns current time in RFC 3339 format',
    impl: (_a, ctx) => formatRFC3339(now(ctx)),
  },
  time_now_utc: {
    args: [],
    returns: ['string'],
    note: 'returns current UTC time in RFC 3339 format',
    impl: (_a, ctx) => formatRFC3339(now(ctx)),
  },
  time_to_cron: {
    args: [S],
    returns: ['string'],
    note: 'converts a time (RFC 3339) to a cron expression (string).',
    impl: (a) => {
      const f = fields(parseRFC3339(str('time_to_cron', a, 0)));
      return `${f.minute} ${f.hour} ${f.day} ${f.month} ${f.weekday}`;
    },
  },
  time_add: {
    args: [S, S],
    returns: ['string'],
    note: 'adds duration (second string) to a time value (first string)',
    impl: (a) => formatRFC3339(addDuration(parseRFC3339(str('time_add', a, 0)), durationArg('time_add', a, 1))),
  },
  time_parse: {
    args: [S, S],
    returns: ['string'],
    note: 'changes a time value of a given layout to RFC 3339',
    impl: (a) => {
      const layout = str('time_parse', a, 0);
      const value = str('time_parse', a, 1);
      if (INT_RE.test(layout)) {
        // An integer layout means "epoch seconds" (time.go jpTimeParse).
        if (!INT_RE.test(value)) throw new FunctionError(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
        return formatRFC3339({ sec: Number(value), nsec: 0, offset: 0 });
      }
      return formatRFC3339(parseLayout(layout, value));
    },
  },
  time_utc: {
    args: [S],
    returns: ['string'],
    note: 'calcutes time in UTC from a given time in RFC 3339 format',
    impl: (a) => formatRFC3339({ ...parseRFC3339(str('time_utc', a, 0)), offset: 0 }),
  },
  time_diff: {
    args: [S, S],
    returns: ['string'],
    note: 'calculate the difference between a start and end date in RFC3339 format',
    impl: (a) => formatGoDuration(subTimes(parseRFC3339(str('time_diff', a, 1)), parseRFC3339(str('time_diff', a, 0)))),
  },
  time_before: {
    args: [S, S],
    returns: ['boolean'],
    note: 'checks if a time is before another time, both in RFC3339 format',
    impl: (a) => compareTimes(parseRFC3339(str('time_before', a, 0)), parseRFC3339(str('time_before', a, 1))) < 0,
  },
  time_after: {
    args: [S, S],
    returns: ['boolean'],
    note: 'checks if a time is after another time, both in RFC3339 format',
    impl: (a) => compareTimes(parseRFC3339(str('time_after', a, 0)), parseRFC3339(str('time_after', a, 1))) > 0,
  },
  time_between: {
    args: [S, S, S],
    returns: ['boolean'],
    note: 'checks if a time is between a start and end time, all in RFC3339 format',
    impl: (a) => {
      const t = parseRFC3339(str('time_between', a, 0));
      const start = parseRFC3339(str('time_between', a, 1));
      const end = parseRFC3339(str('time_between', a, 2));
      return compareTimes(t, start) > 0 && compareTimes(t, end) < 0;
    },
  },
  time_truncate: {
    args: [S, S],
    returns: ['string'],
    note: 'returns the result of rounding time down to a multiple of duration',
    impl: (a) => formatRFC3339(truncateTime(parseRFC3339(str('time_truncate', a, 0)), durationArg('time_truncate', a, 1))),
  },
});
