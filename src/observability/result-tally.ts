/**
 * Batched increments for guardrail_policy_results_total. An admission yields one rule result per rule
 * that applied (a dozen for a pod-security set), and prom-client's `inc` sorts and joins the five label
 * values into a hash string on every call: the largest cost of the metrics on the admission path. The
 * tally counts in nested Maps (no string built per result) and adds its pending counts to the counter
 * when the registry is read (the counter's `collect`, which prom-client runs before every scrape), so a
 * scrape sees exactly the counts it would have seen with one `inc` per result.
 */
import type { Counter } from 'prom-client';
import { below, flushCells, type CounterCell, type Level } from './cells.js';

export type PolicyResultLabel = 'policy' | 'rule' | 'status' | 'mode' | 'operation';

/** The fields of a rule result the tally reads (the engine's RuleResult). */
export interface TalliedResult {
  readonly rule: string;
  readonly status: string;
  readonly action?: string;
}

export interface PolicyResultTally {
  /** Counts one rule result; visible on the counter at the next collection. */
  add(policy: string, rule: string, status: string, mode: string, operation: string): void;
  /**
   * add() for a result object of `policy`. A frozen result is one the engine shares across requests (a
   * rule's pass result): its cell is found by the object's identity, one lookup instead of five.
   */
  addResult(policy: string, result: TalliedResult, operation: string): void;
  /** Moves the pending counts onto the counter (called by the counter's collect). */
  flush(counter: Counter<PolicyResultLabel>): void;
}

type Entry = CounterCell<PolicyResultLabel>;

const SHARED_LIMIT = 10_000;

export function createPolicyResultTally(): PolicyResultTally {
  // operation -> policy -> rule -> status -> mode: every level is a bounded set (no resource names).
  const root: Level<Level<Level<Level<Level<Entry>>>>> = new Map();
  const entries: Entry[] = [];
  // operation -> shared result -> its cell. Shared results belong to compiled policies, so a reload
  // leaves old keys behind: the map is emptied when it grows past SHARED_LIMIT (the cells stay).
  const shared = new Map<string, Map<TalliedResult, Entry>>();
  let sharedSize = 0;
  let dirty = false;
  const entryOf = (policy: string, rule: string, status: string, mode: string, operation: string): Entry => {
    const byMode = below(below(below(below(root, operation), policy), rule), status);
    let entry = byMode.get(mode);
    if (entry === undefined) {
      entry = { labels: { policy, rule, status, mode, operation }, pending: 0 };
      byMode.set(mode, entry);
      entries.push(entry);
    }
    return entry;
  };
  return {
    add(policy, rule, status, mode, operation) {
      entryOf(policy, rule, status, mode, operation).pending++;
      dirty = true;
    },
    addResult(policy, result, operation) {
      dirty = true;
      if (!Object.isFrozen(result)) {
        entryOf(policy, result.rule, result.status, result.action ?? '', operation).pending++;
        return;
      }
      let byResult = shared.get(operation);
      if (byResult === undefined) shared.set(operation, (byResult = new Map()));
      let entry = byResult.get(result);
      if (entry === undefined) {
        if (sharedSize >= SHARED_LIMIT) {
          shared.clear();
          sharedSize = 0;
          shared.set(operation, (byResult = new Map()));
        }
        entry = entryOf(policy, result.rule, result.status, result.action ?? '', operation);
        byResult.set(result, entry);
        sharedSize++;
      }
      entry.pending++;
    },
    flush(counter) {
      if (!dirty) return;
      dirty = false;
      flushCells(entries, counter);
    },
  };
}
