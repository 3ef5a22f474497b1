/**
 * The admission path's two metrics without per-call label hashing: guardrail_admission_requests_total
 * (counted in cells, added to the prom-client counter when the registry is read, as result-tally.ts)
 * and guardrail_admission_review_duration_seconds (a cell histogram, cell-histogram.ts). The cells hang
 * in nested Maps, webhook -> operation -> kind -> decision: every level is a small bounded set (never a
 * resource name). prom-client hashed both label objects on every admission (~2 µs on this machine).
 */
import type { Counter } from 'prom-client';
import type { CellHistogram, HistogramCell } from './cell-histogram.js';
import { below, flushCells, type CounterCell, type Level } from './cells.js';

export type AdmissionRequestLabel = 'webhook' | 'operation' | 'kind' | 'decision';
export type AdmissionDurationLabel = 'webhook' | 'operation' | 'decision';

export interface AdmissionTally {
  /** Counts one answered admission and observes its duration in seconds. */
  record(webhook: string, operation: string, kind: string, decision: string, seconds: number): void;
  /** Moves the pending request counts onto the counter (called by the counter's collect). */
  flush(counter: Counter<AdmissionRequestLabel>): void;
}

interface Entry extends CounterCell<AdmissionRequestLabel> {
  duration: HistogramCell;
}

export function createAdmissionTally(duration: CellHistogram<AdmissionDurationLabel>): AdmissionTally {
  const root: Level<Level<Level<Level<Entry>>>> = new Map();
  const entries: Entry[] = [];
  let dirty = false;
  return {
    record(webhook, operation, kind, decision, seconds) {
      const byDecision = below(below(below(root, webhook), operation), kind);
      let entry = byDecision.get(decision);
      if (entry === undefined) {
        // Label objects in the order the route passed them before (the exposition prints labels in key order).
        entry = { labels: { webhook, operation, kind, decision }, pending: 0, duration: duration.cell({ webhook, operation, decision }) };
        byDecision.set(decision, entry);
        entries.push(entry);
      }
      entry.pending++;
      dirty = true;
      entry.duration.observe(seconds);
    },
    flush(counter) {
      if (!dirty) return;
      dirty = false;
      flushCells(entries, counter);
    },
  };
}
