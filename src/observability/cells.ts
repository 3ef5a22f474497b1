/**
 * Counter cells for the admission path's metrics (result-tally.ts, admission-tally.ts): counts kept in
 * nested Maps by label value (no label string built per event) and added to the prom-client counter
 * when the registry is read.
 */
import type { Counter } from 'prom-client';

export type Level<T> = Map<string, T>;

/** The map under `key`, made on first use (no `make` closure: this runs per admission). */
export function below<T>(map: Level<Level<T>>, key: string): Level<T> {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = new Map()));
  return v;
}

export interface CounterCell<L extends string> {
  labels: Record<L, string>;
  pending: number;
}

/** Adds each cell's pending count to the counter and zeroes it. */
export function flushCells<L extends string>(cells: readonly CounterCell<L>[], counter: Counter<L>): void {
  for (const c of cells) {
    if (c.pending === 0) continue;
    counter.inc(c.labels, c.pending);
    c.pending = 0;
  }
}
