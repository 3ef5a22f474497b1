/**
 * Batched increments for guardrail_policy_results_total. An admission yields one rule result per rule
 * that applied (a dozen for a pod-security set), and prom-client's `inc` sorts and joins the five label
 * values into a hash string on every call: the largest cost of the metrics on the admission path. The
 * tally counts in nested Maps (no string built per result) and adds its pending counts to the counter
 * when the registry is read (the counter's `collect`, which prom-client runs before every scrape), so a
 * scrape sees exactly the counts it would have seen with one `inc` per result.
 */
import type { Counter } from 'prom-client';

export type PolicyResultLabel = 'policy' | 'rule' | 'status' | 'mode' | 'operation';

export interface PolicyResultTally {
  /** Counts one rule result; visible on the counter at the next collection. */
  add(policy: string, rule: string, status: string, mode: string, operation: string): void;
  /** Moves the pending counts onto the counter (called by the counter's collect). */
  flush(counter: Counter<PolicyResultLabel>): void;
}

interface Entry {
  labels: Record<PolicyResultLabel, string>;
  pending: number;
}

type Level<T> = Map<string, T>;

/** The map under `key`, made on first use. No `make` closure: four of them per result were allocated before. */
function below<T>(map: Level<Level<T>>, key: string): Level<T> {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = new Map()));
  return v;
}

export function createPolicyResultTally(): PolicyResultTally {
  // operation -> policy -> rule -> status -> mode: every level is a bounded set (no resource names).
  const root: Level<Level<Level<Level<Level<Entry>>>>> = new Map();
  const entries: Entry[] = [];
  let dirty = false;
  return {
    add(policy, rule, status, mode, operation) {
      const byMode = below(below(below(below(root, operation), policy), rule), status);
      let entry = byMode.get(mode);
      if (entry === undefined) {
        entry = { labels: { policy, rule, status, mode, operation }, pending: 0 };
        byMode.set(mode, entry);
        entries.push(entry);
      }
      entry.pending++;
      dirty = true;
    },
    flush(counter) {
      if (!dirty) return;
      dirty = false;
      for (const e of entries) {
        if (e.pending === 0) continue;
        counter.inc(e.labels, e.pending);
        e.pending = 0;
      }
    },
  };
}
