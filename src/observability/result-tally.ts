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
  /**
   * addResult() for every result of an admission's responses. A frozen responses array is an outcome the
   * engine shares across requests (every policy answered by its quick lanes): it is counted once by its
   * identity, and its results are added at the next flush, times the count.
   */
  addResponses(responses: ReadonlyArray<{ readonly policy: string; readonly results: readonly TalliedResult[] }>, operation: string): void;
  /** Moves the pending counts onto the counter (called by the counter's collect). */
  flush(counter: Counter<PolicyResultLabel>): void;
}

type Entry = CounterCell<PolicyResultLabel>;
type Responses = ReadonlyArray<{ readonly policy: string; readonly results: readonly TalliedResult[] }>;

const SHARED_LIMIT = 10_000;

export function createPolicyResultTally(): PolicyResultTally {
  // operation -> policy -> rule -> status -> mode: every level is a bounded set (no resource names).
  const root: Level<Level<Level<Level<Level<Entry>>>>> = new Map();
  const entries: Entry[] = [];
  // operation -> shared result -> its cell. Shared results belong to compiled policies, so a reload
  // leaves old keys behind: the map is emptied when it grows past SHARED_LIMIT (the cells stay).
  const shared = new Map<string, Map<TalliedResult, Entry>>();
  let sharedSize = 0;
  // operation -> shared responses array -> admissions not yet added to the cells.
  const outcomes = new Map<string, Map<Responses, number>>();
  let outcomesSize = 0;
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
  const addResult = (policy: string, result: TalliedResult, operation: string): void => {
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
  };
  /** Adds the counted outcomes' results to the cells (before a flush, and before the map is emptied). */
  const drainOutcomes = (): void => {
    for (const [operation, byOutcome] of outcomes) {
      for (const [responses, n] of byOutcome) {
        if (n === 0) continue;
        for (const r of responses) for (const rr of r.results) entryOf(r.policy, rr.rule, rr.status, rr.action ?? '', operation).pending += n;
        byOutcome.set(responses, 0);
      }
    }
  };
  return {
    add(policy, rule, status, mode, operation) {
      entryOf(policy, rule, status, mode, operation).pending++;
      dirty = true;
    },
    addResult(policy, result, operation) {
      dirty = true;
      addResult(policy, result, operation);
    },
    addResponses(responses, operation) {
      dirty = true;
      if (!Object.isFrozen(responses)) {
        for (const r of responses) for (const rr of r.results) addResult(r.policy, rr, operation);
        return;
      }
      let byOutcome = outcomes.get(operation);
      if (byOutcome === undefined) outcomes.set(operation, (byOutcome = new Map()));
      const n = byOutcome.get(responses);
      if (n !== undefined) {
        byOutcome.set(responses, n + 1);
        return;
      }
      // Outcomes belong to policy sets, so reloads leave old ones behind: bounded like the shared results.
      if (outcomesSize >= SHARED_LIMIT) {
        drainOutcomes();
        outcomes.clear();
        outcomesSize = 0;
        outcomes.set(operation, (byOutcome = new Map()));
      }
      byOutcome.set(responses, 1);
      outcomesSize++;
    },
    flush(counter) {
      if (!dirty) return;
      dirty = false;
      drainOutcomes();
      flushCells(entries, counter);
    },
  };
}
