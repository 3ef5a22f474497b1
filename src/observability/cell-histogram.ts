/**
 * A Prometheus histogram whose label sets are cells the caller can keep. prom-client's Histogram
 * validates, sorts and joins the label object into a hash string on every observe, also through a
 * `labels(...)` child (which only pre-binds the object): ~1.2 µs per admission on this machine, against
 * ~0.07 µs for a cell kept in a Map. The exposition (text and JSON) is exactly prom-client's Histogram:
 * label sets in first-observation order, cumulative buckets with `le` first, then +Inf, _sum, _count,
 * the sum accumulated observation by observation (so the same float). The registry calls get /
 * getForPromString like on any prom-client metric.
 */
import type { Histogram, Registry } from 'prom-client';

export interface HistogramCell {
  observe(value: number): void;
}

export interface CellHistogram<L extends string> extends Pick<Histogram<L>, 'get' | 'reset'> {
  readonly name: string;
  /** The cell of one label set, made on first use; a caller that keeps it skips every per-call label lookup. */
  cell(labels: Record<L, string>): HistogramCell;
  /** prom-client's `observe(labels, value)`: looks the cell up by its label values. */
  observe(labels: Record<L, string>, value: number): void;
}

export interface CellHistogramOptions<L extends string> {
  name: string;
  help: string;
  labelNames: readonly L[];
  buckets: readonly number[];
  registers: Registry[];
}

interface Cell extends HistogramCell {
  labels: Record<string, string>;
  counts: number[];
  sum: number;
  count: number;
}

type ExportValue = { labels: Record<string, string | number>; sharedLabels: Record<string, string>; value: number; metricName: string; exemplar: null | undefined };

export function createCellHistogram<L extends string>(o: CellHistogramOptions<L>): CellHistogram<L> {
  const buckets = [...o.buckets];
  let cells = new Map<string, Cell>();
  const makeCell = (labels: Record<string, string>): Cell => ({
    labels,
    counts: buckets.map(() => 0),
    sum: 0,
    count: 0,
    observe(value) {
      // As prom-client: a non-finite value is a programming error, and a value above the last bound only counts in +Inf.
      if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
      let i = 0;
      while (i < buckets.length && value > buckets[i]!) i++;
      if (i < buckets.length) this.counts[i]!++;
      this.sum += value;
      this.count += 1;
    },
  });
  const exportValues = (): ExportValue[] => {
    const out: ExportValue[] = [];
    const bucket = `${o.name}_bucket`;
    for (const c of cells.values()) {
      let acc = 0;
      buckets.forEach((le, i) => out.push({ labels: { le }, sharedLabels: c.labels, value: (acc += c.counts[i]!), metricName: bucket, exemplar: null }));
      out.push({ labels: { le: '+Inf' }, sharedLabels: c.labels, value: c.count, metricName: bucket, exemplar: null });
      out.push({ labels: {}, sharedLabels: c.labels, value: c.sum, metricName: `${o.name}_sum`, exemplar: undefined });
      out.push({ labels: {}, sharedLabels: c.labels, value: c.count, metricName: `${o.name}_count`, exemplar: undefined });
    }
    return out;
  };
  const meta = { name: o.name, help: o.help, type: 'histogram' as const, aggregator: 'sum' as const };
  const histogram = {
    ...meta,
    labelNames: [...o.labelNames],
    cell(labels: Record<L, string>): HistogramCell {
      const key = o.labelNames.map((n) => labels[n]).join('\u0000');
      let c = cells.get(key);
      if (c === undefined) {
        for (const n of Object.keys(labels)) if (!(o.labelNames as readonly string[]).includes(n)) throw new Error(`Added label "${n}" is not included in initial labelset`);
        cells.set(key, (c = makeCell({ ...labels })));
      }
      return c;
    },
    observe(labels: Record<L, string>, value: number): void {
      histogram.cell(labels).observe(value);
    },
    reset(): void {
      cells = new Map();
    },
    // The registry prefers this for the text format (prom-client's Histogram has it too).
    async getForPromString() {
      return { ...meta, values: exportValues() };
    },
    async get() {
      // JSON: each value's own labels with the label set's added after them, as prom-client's splayLabels.
      const values = exportValues().map(({ labels, sharedLabels, ...rest }) => ({ ...rest, labels: Object.assign(labels, sharedLabels) }));
      return { ...meta, values } as unknown as Awaited<ReturnType<Histogram<L>['get']>>;
    },
  };
  for (const r of o.registers) r.registerMetric(histogram as unknown as Histogram<L>);
  return histogram;
}
