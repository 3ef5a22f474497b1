/** Fixed-width text tables for benchmark output (plain text, copy-pasteable into issues). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function ms(x: number, digits = 3): string {
  return `${x.toFixed(digits)} ms`;
}

export function mib(kib: number): string {
  return `${(kib / 1024).toFixed(1)} MiB`;
}

/** `OK` or `MISS` against a goal, so the reader sees at a glance whether a figure meets it. */
export function verdict(value: number, limit: number): string {
  return value < limit ? 'OK' : 'MISS';
}
