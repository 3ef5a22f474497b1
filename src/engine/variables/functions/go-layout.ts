/**
 * time.Parse with a Go reference-time layout ("Mon Jan 2 15:04:05 MST 2006"). Supports the standard
 * chunks of Go's format.go (years, months, days, day of year, 12/24-hour clocks, minutes, seconds,
 * fractional seconds, AM/PM, weekday names, zone abbreviations and numeric offsets). A time without
 * zone information is UTC, as in Go.
 */
import { daysFromCivil, daysInMonth, parseError, type GoTime } from './go-time.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Longest first where one is a prefix of another (Go's nextStdChunk order).
const CHUNKS = [
  'January', 'Jan', 'Monday', 'Mon', 'MST', '2006', '002', '01', '02', '03', '04', '05', '06', '15', '_2',
  'Z07:00:00', 'Z070000', 'Z07:00', 'Z0700', 'Z07', '-07:00:00', '-070000', '-07:00', '-0700', '-07',
  'PM', 'pm', '1', '2', '3', '4', '5',
];

interface State { y: number; mo: number; d: number; yday: number; h: number; mi: number; s: number; ns: number; pm?: boolean; offset: number }

function chunkAt(layout: string, i: number): string | undefined {
  const frac = /^[.,](0+|9+)(?!\d)/.exec(layout.slice(i));
  if (frac && /[0-9]/.test(layout[i - 1] ?? '')) return frac[0];
  for (const c of CHUNKS) {
    if (!layout.startsWith(c, i)) continue;
    // "Jan"/"Mon" followed by a lower-case letter are literal text (Go: startsWithLowerCase).
    if ((c === 'Jan' || c === 'Mon') && /[a-z]/.test(layout[i + c.length] ?? '')) continue;
    return c;
  }
  return undefined;
}

function takeNum(v: string, min: number, max: number): [number, string] | undefined {
  const m = new RegExp(`^\\d{${min},${max}}`).exec(v);
  return m ? [Number(m[0]), v.slice(m[0].length)] : undefined;
}

function takeName(v: string, names: string[], short: boolean): [number, string] | undefined {
  for (let i = 0; i < names.length; i++) {
    const n = short ? (names[i] as string).slice(0, 3) : (names[i] as string);
    if (v.slice(0, n.length).toLowerCase() === n.toLowerCase()) return [i, v.slice(n.length)];
  }
  return undefined;
}

function takeOffset(v: string, chunk: string): [number, string] | undefined {
  if (chunk.startsWith('Z') && v.startsWith('Z')) return [0, v.slice(1)];
  const colon = chunk.includes(':');
  const secs = /07:?00:?00$/.test(chunk);
  const hoursOnly = /07$/.test(chunk);
  const re = hoursOnly ? /^([+-])(\d{2})/ : colon ? (secs ? /^([+-])(\d{2}):(\d{2}):(\d{2})/ : /^([+-])(\d{2}):(\d{2})/) : secs ? /^([+-])(\d{2})(\d{2})(\d{2})/ : /^([+-])(\d{2})(\d{2})/;
  const m = re.exec(v);
  if (!m) return undefined;
  const off = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return [(m[1] === '-' ? -1 : 1) * off, v.slice(m[0].length)];
}

function step(st: State, chunk: string, v: string): string | undefined {
  let r: [number, string] | undefined;
  switch (chunk) {
    case '2006': r = takeNum(v, 4, 4); if (r) st.y = r[0]; break;
    case '06': r = takeNum(v, 2, 2); if (r) st.y = r[0] >= 69 ? 1900 + r[0] : 2000 + r[0]; break;
    case 'January': case 'Jan': r = takeName(v, MONTHS, chunk === 'Jan'); if (r) st.mo = r[0] + 1; break;
    case '01': case '1': r = takeNum(v, chunk.length, 2); if (r) st.mo = r[0]; break;
    case 'Monday': case 'Mon': r = takeName(v, DAYS, chunk === 'Mon'); break;
    case '02': case '2': r = takeNum(v, chunk.length, 2); if (r) st.d = r[0]; break;
    case '_2': r = takeNum(v.startsWith(' ') ? v.slice(1) : v, 1, 2); if (r) st.d = r[0]; break;
    case '002': r = takeNum(v, 3, 3); if (r) st.yday = r[0]; break;
    case '15': r = takeNum(v, 1, 2); if (r) st.h = r[0]; break;
    case '03': case '3': r = takeNum(v, chunk.length, 2); if (r) st.h = r[0]; break;
    case '04': case '4': r = takeNum(v, chunk.length, 2); if (r) st.mi = r[0]; break;
    case '05': case '5': r = takeNum(v, chunk.length, 2); if (r) st.s = r[0]; break;
    case 'PM': case 'pm': {
      const ap = v.slice(0, 2).toUpperCase();
      if (ap === 'AM' || ap === 'PM') {
        r = [0, v.slice(2)];
        st.pm = ap === 'PM';
      }
      break;
    }
    case 'MST': { const m = /^[A-Z]{3,5}|^[A-Z]{3}[+-]\d+/.exec(v); if (m) r = [0, v.slice(m[0].length)]; break; }
    default:
      if (/^[.,]/.test(chunk)) {
        const m = (chunk[1] === '9' ? /^[.,](\d+)/ : new RegExp(`^[.,](\\d{${chunk.length - 1}})`)).exec(v);
        if (m) {
          r = [0, v.slice(m[0].length)];
          st.ns = Number((m[1] ?? '').slice(0, 9).padEnd(9, '0'));
        } else if (chunk[1] === '9') r = [0, v];
      } else {
        r = takeOffset(v, chunk);
        if (r) st.offset = r[0];
      }
  }
  return r?.[1];
}

export function parseLayout(layout: string, value: string): GoTime {
  const st: State = { y: 0, mo: 1, d: 1, yday: -1, h: 0, mi: 0, s: 0, ns: 0, offset: 0 };
  let v = value;
  let i = 0;
  while (i < layout.length) {
    const chunk = chunkAt(layout, i);
    if (chunk === undefined) {
      if (v[0] !== layout[i]) throw parseError(value, layout);
      v = v.slice(1);
      i++;
      continue;
    }
    const rest = step(st, chunk, v);
    if (rest === undefined) throw parseError(value, layout);
    v = rest;
    i += chunk.length;
    // Go accepts fractional seconds after a seconds field even when the layout has none.
    if ((chunk === '05' || chunk === '5') && !/^[.,][09]/.test(layout.slice(i))) {
      const m = /^[.,](\d+)/.exec(v);
      if (m) {
        st.ns = Number((m[1] ?? '').slice(0, 9).padEnd(9, '0'));
        v = v.slice(m[0].length);
      }
    }
  }
  if (v !== '') throw parseError(value, layout, `: extra text ${JSON.stringify(v)}`);
  return build(st, value, layout);
}

function build(st: State, value: string, layout: string): GoTime {
  if (st.pm !== undefined) {
    if (st.h > 12) throw parseError(value, layout, ': hour out of range');
    st.h = st.pm ? (st.h % 12) + 12 : st.h % 12;
  }
  let days: number;
  if (st.yday >= 0) days = daysFromCivil(st.y, 1, 1) + st.yday - 1;
  else {
    if (st.mo < 1 || st.mo > 12 || st.d < 1 || st.d > daysInMonth(st.y, st.mo)) throw parseError(value, layout, ': day out of range');
    days = daysFromCivil(st.y, st.mo, st.d);
  }
  if (st.h > 23 || st.mi > 59 || st.s > 59) throw parseError(value, layout, ': field out of range');
  return { sec: days * 86400 + st.h * 3600 + st.mi * 60 + st.s - st.offset, nsec: st.ns, offset: st.offset };
}
