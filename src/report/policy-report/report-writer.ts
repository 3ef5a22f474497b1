/**
 * Batches admission and scan results into one report per namespace (plus one cluster report) and writes
 * the changed ones every flush. `record` never blocks or throws: the queue is bounded and a full queue
 * drops the entry and counts it (admission latency must not depend on the API server's report writes).
 * A resource's new results replace its old ones; a report keeps at most `maxResultsPerReport` results,
 * the oldest leaving first (an etcd object is limited to 1.5 MiB: kube-apiserver --max-request-bytes).
 */
import type { PolicyResponse } from '../../engine/index.js';
import { buildPolicyReport, reportName, resultsOf, type PolicyMeta } from './build-report.js';
import type { PolicyReportResult, ReportResourceRef, ReportSink } from './types.js';

export interface ReportEntry {
  resource: ReportResourceRef;
  responses: readonly PolicyResponse[];
  at: Date;
  /** The resource is gone (DELETE): its results leave the report. */
  deleted?: boolean;
}

export interface ReportWriterOptions {
  sink: ReportSink;
  metaOf: (policy: string, namespace: string | undefined) => PolicyMeta;
  maxQueue?: number;
  maxResultsPerReport?: number;
  flushIntervalMs?: number;
  onDrop?: () => void;
  onError?: (err: unknown, report: string) => void;
}

export interface ReportWriter {
  /** Queues an entry; false when the queue was full and the entry was dropped. */
  record(entry: ReportEntry): boolean;
  /** Applies the queue and writes every changed report (also what the timer does). */
  flush(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  dropped(): number;
  /** Current results of a scope ('' = cluster), for tests and /debug. */
  results(namespace: string | undefined): PolicyReportResult[];
}

export const DEFAULT_MAX_RESULTS_PER_REPORT = 1000;
export const DEFAULT_MAX_QUEUE = 10_000;

export function createReportWriter(opts: ReportWriterOptions): ReportWriter {
  const maxQueue = opts.maxQueue ?? DEFAULT_MAX_QUEUE;
  const maxResults = opts.maxResultsPerReport ?? DEFAULT_MAX_RESULTS_PER_REPORT;
  let queue: ReportEntry[] = [];
  let droppedCount = 0;
  /** scope ('' = cluster) -> resource key -> its results; Map order = age. */
  const scopes = new Map<string, Map<string, PolicyReportResult[]>>();
  /** scope -> resource keys changed (or deleted) since that scope's last successful write. */
  const dirty = new Map<string, Set<string>>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;

  function apply(e: ReportEntry): void {
    const scope = e.resource.namespace ?? '';
    const byResource = scopes.get(scope) ?? new Map<string, PolicyReportResult[]>();
    scopes.set(scope, byResource);
    const key = resourceKey(e.resource);
    byResource.delete(key); // re-inserted last: the newest
    const changed = dirty.get(scope) ?? new Set<string>();
    changed.add(key);
    dirty.set(scope, changed);
    if (!e.deleted) {
      const results = resultsOf(e.resource, e.responses, opts.metaOf, e.at);
      if (results.length) byResource.set(key, results);
    }
    let count = 0;
    for (const r of byResource.values()) count += r.length;
    for (const [k, r] of byResource) {
      if (count <= maxResults) break;
      byResource.delete(k);
      count -= r.length;
    }
  }

  async function flushOnce(): Promise<void> {
    const batch = queue;
    queue = [];
    for (const e of batch) apply(e);
    const scopesNow = [...dirty];
    dirty.clear();
    for (const [scope, keys] of scopesNow) {
      const namespace = scope || undefined;
      try {
        if (opts.sink.update) await opts.sink.update(namespace, (stored) => merge(stored ?? [], keys, scopes.get(scope), maxResults));
        else await opts.sink.write(buildPolicyReport(namespace, resultsIn(scope)));
      } catch (err) {
        const again = dirty.get(scope) ?? new Set<string>();
        for (const k of keys) again.add(k); // retried on the next flush
        dirty.set(scope, again);
        opts.onError?.(err, reportName(namespace));
      }
    }
  }

  function resultsIn(scope: string): PolicyReportResult[] {
    return [...(scopes.get(scope)?.values() ?? [])].flat();
  }

  return {
    record(entry) {
      if (queue.length >= maxQueue) {
        droppedCount += 1;
        opts.onDrop?.();
        return false;
      }
      queue.push(entry);
      return true;
    },
    flush() {
      flushing ??= flushOnce().finally(() => (flushing = undefined));
      return flushing;
    },
    start() {
      timer ??= setInterval(() => void this.flush(), opts.flushIntervalMs ?? 2000);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await flushing;
      await this.flush();
    },
    dropped: () => droppedCount,
    results: (namespace) => resultsIn(namespace ?? ''),
  };
}

/**
 * Stored results of resources we did not touch stay (another replica's admissions, or ours from before a
 * restart); the touched resources get our current results (none when deleted). Over the bound, the
 * oldest results by timestamp leave first.
 */
function merge(stored: PolicyReportResult[], touched: Set<string>, mine: Map<string, PolicyReportResult[]> | undefined, max: number): PolicyReportResult[] {
  const kept = stored.filter((r) => !touched.has(resultKey(r)));
  const fresh = [...touched].flatMap((k) => mine?.get(k) ?? []);
  const all = [...kept, ...fresh];
  if (all.length <= max) return all;
  const age = (r: PolicyReportResult): number => r.timestamp.seconds * 1e9 + r.timestamp.nanos;
  return [...all].sort((a, b) => age(a) - age(b)).slice(all.length - max);
}

function resultKey(r: PolicyReportResult): string {
  const res = r.resources[0];
  return res ? resourceKey(res) : '';
}

/** By name, not uid: an object has no uid yet when admitted on CREATE, while a scan sees it with one. */
function resourceKey(r: ReportResourceRef): string {
  return `${r.apiVersion}/${r.kind}/${r.namespace ?? ''}/${r.name}`;
}
