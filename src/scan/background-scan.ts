/**
 * Background scans (Kyverno's background controller): existing resources of the kinds that policies with
 * `background: true` match are evaluated through the same engine as admission (evaluatePolicySet) as a
 * CREATE without user info, and their validation results go to the report writer. Where the resources come
 * from (the cluster's list API) is injected, so this module holds no Kubernetes client.
 * Kyverno rescans every --backgroundScanInterval (default 1h); we do too, plus on demand.
 */
import { evaluatePolicySet, inputFromResource, type CompiledPolicy, type EngineDeps, type JsonObject, type PolicyKindHandler, type PolicySet } from '../engine/index.js';
import type { ReportEntry } from '../report/policy-report/index.js';

export interface ScanOptions {
  policies: () => PolicySet;
  /**
   * Every existing resource the given policies match (the caller lists them from the cluster): classic
   * policies by their kinds, CEL handlers by their documents' matchConstraints.
   */
  resources: (policies: readonly CompiledPolicy[], handlers: readonly PolicyKindHandler[]) => Promise<JsonObject[]>;
  deps: () => EngineDeps;
  record: (entry: ReportEntry) => boolean;
  namespaceLabels?: (namespace: string) => Record<string, string> | undefined;
  intervalMs?: number;
  /** False = skip (another replica holds the leader Lease and scans). */
  active?: () => boolean;
  onError?: (err: unknown) => void;
  onDone?: (stats: ScanStats) => void;
}

export interface ScanStats {
  resources: number;
  results: number;
  durationMs: number;
}

export interface BackgroundScanner {
  scanOnce(): Promise<ScanStats>;
  start(): void;
  stop(): void;
}

export const DEFAULT_SCAN_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Only policies marked for background processing (Kyverno's default for `background` is true) with
 * validation: classic policies with a validate rule, and the validating CEL handlers the caller passes
 * (the caller drops those whose spec.evaluation.background.enabled is false; mutating handlers never scan).
 */
export function backgroundSet(set: PolicySet): PolicySet {
  return { ...set, classic: set.classic.filter((p) => p.background && p.rules.some((r) => r.kind === 'validate')), handlers: set.handlers.filter((h) => !h.mutate) };
}

export function createBackgroundScanner(opts: ScanOptions): BackgroundScanner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ScanStats> | undefined;

  async function run(): Promise<ScanStats> {
    const started = Date.now();
    const set = backgroundSet(opts.policies());
    if ((set.classic.length === 0 && set.handlers.length === 0) || opts.active?.() === false) return { resources: 0, results: 0, durationMs: 0 };
    const resources = await opts.resources(set.classic, set.handlers);
    let results = 0;
    for (const resource of resources) {
      const meta = (resource.metadata ?? {}) as { name?: string; namespace?: string; uid?: string };
      const labels = meta.namespace ? opts.namespaceLabels?.(meta.namespace) : undefined;
      const input = inputFromResource(resource, labels ? { namespaceLabels: labels } : {});
      const deps = opts.deps();
      const responses = (await evaluatePolicySet(set, input, deps))
        .map((r) => ({ ...r, results: r.results.filter((x) => x.ruleType === 'validation') }))
        .filter((r) => r.results.length > 0);
      results += responses.reduce((n, r) => n + r.results.length, 0);
      opts.record({
        resource: {
          apiVersion: String(resource.apiVersion ?? ''),
          kind: String(resource.kind ?? ''),
          name: meta.name ?? '',
          ...(meta.namespace ? { namespace: meta.namespace } : {}),
          ...(meta.uid ? { uid: meta.uid } : {}),
        },
        responses,
        at: deps.now(),
      });
    }
    return { resources: resources.length, results, durationMs: Date.now() - started };
  }

  const scanOnce = (): Promise<ScanStats> => {
    running ??= run()
      .then((s) => (opts.onDone?.(s), s))
      .finally(() => (running = undefined));
    return running;
  };

  return {
    scanOnce,
    start() {
      timer ??= setInterval(() => void scanOnce().catch((err: unknown) => opts.onError?.(err)), opts.intervalMs ?? DEFAULT_SCAN_INTERVAL_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
