/**
 * Go durations (time.ParseDuration): a signed sequence of decimal numbers with units
 * ns, us (or µs/μs), ms, s, m, h, e.g. "300ms", "-1.5h", "2h45m". "0" alone is valid.
 * Returned in nanoseconds as a number (policy comparisons never need more than 2^53 ns ≈ 104 days of
 * exactness; beyond that a float is still ordered correctly).
 */
const UNIT_NS: Record<string, number> = {
  ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9,
};
const PART_RE = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

export function parseDuration(text: string): number | undefined {
  let s = text.trim();
  if (s === '') return undefined;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  PART_RE.lastIndex = 0;
  let pos = 0;
  while (pos < s.length) {
    PART_RE.lastIndex = pos;
    const m = PART_RE.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * (UNIT_NS[m[2] as string] ?? 0);
    pos = PART_RE.lastIndex;
  }
  return sign * total;
}
