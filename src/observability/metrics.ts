/**
 * Every Prometheus metric Guardrail exposes is named in this file and nowhere else (a test keeps it so).
 * Labels are bounded: webhook, operation, kind, decision, policy, rule, status, mode, state, reason. Never a resource
 * name or namespace: those are unbounded and would blow up the series count.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { createAdmissionTally, type AdmissionDurationLabel, type AdmissionTally } from './admission-tally.js';
import { createCellHistogram, type CellHistogram } from './cell-histogram.js';
import { createPolicyResultTally, type PolicyResultTally } from './result-tally.js';

export const METRIC_NAMES = {
  admissionRequests: 'guardrail_admission_requests_total',
  admissionReviewDuration: 'guardrail_admission_review_duration_seconds',
  policyResults: 'guardrail_policy_results_total',
  policiesLoaded: 'guardrail_policies_loaded',
  policyFilesRejected: 'guardrail_policy_files_rejected',
  policyReloads: 'guardrail_policy_reloads_total',
  certificateExpiry: 'guardrail_certificate_expiry_timestamp_seconds',
  policyReportEntriesDropped: 'guardrail_policy_report_entries_dropped_total',
  backupLastSuccess: 'guardrail_backup_last_success_timestamp_seconds',
  backupExpectedInterval: 'guardrail_backup_expected_interval_seconds',
  backupApps: 'guardrail_backup_apps',
  backupAppReasons: 'guardrail_backup_noncompliant_apps',
} as const;

export const METRIC_PREFIX = 'guardrail_';

// Admission latency matters against the API server's webhook timeout (10 s by default, our chart's
// value): buckets from 1 ms up to that timeout.
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type Webhook = 'validate' | 'mutate' | 'validate-policy';
export type AdmissionOutcome = 'allowed' | 'denied' | 'error';

export interface Metrics {
  readonly registry: Registry;
  readonly admissionRequests: Counter<'webhook' | 'operation' | 'kind' | 'decision'>;
  /** prom-client's Histogram exposition and `observe(labels, s)`, with cells the admission path keeps. */
  readonly admissionReviewDuration: CellHistogram<AdmissionDurationLabel>;
  /** The admission path's way to count admissionRequests and observe admissionReviewDuration (no label hashing). */
  readonly admissionTally: Pick<AdmissionTally, 'record'>;
  readonly policyResults: Counter<'policy' | 'rule' | 'status' | 'mode' | 'operation'>;
  /** The admission path's way to count policyResults: batched, added to the counter at each scrape. */
  readonly policyResultTally: Pick<PolicyResultTally, 'add' | 'addResult' | 'addResponses'>;
  readonly policiesLoaded: Gauge;
  readonly policyFilesRejected: Gauge;
  readonly policyReloads: Counter<'result'>;
  readonly certificateExpiry: Gauge;
  /** By backup policy only: app names are resource names, which never become labels. */
  readonly backupLastSuccess: Gauge<'policy'>;
}

export interface MetricsOptions {
  /** Node process metrics (CPU, memory, event loop lag) under the `guardrail_` prefix. */
  processMetrics?: boolean;
}

/** A fresh registry per call, so tests and several apps in one process never collide. */
export function createMetrics(opts: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (opts.processMetrics) collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const tally = createPolicyResultTally();
  // Registered in this order (the /metrics text lists metrics in registration order).
  const admissionRequests = new Counter({
    name: METRIC_NAMES.admissionRequests,
    help: 'Admission requests answered, by webhook path, operation, resource kind and decision.',
    labelNames: ['webhook', 'operation', 'kind', 'decision'] as const,
    registers,
    collect() {
      admissionTally.flush(this);
    },
  });
  const admissionReviewDuration = createCellHistogram({
    name: METRIC_NAMES.admissionReviewDuration,
    help: 'Time from receiving an AdmissionReview to answering it, in seconds.',
    labelNames: ['webhook', 'operation', 'decision'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const admissionTally = createAdmissionTally(admissionReviewDuration);
  return {
    registry,
    admissionRequests,
    admissionReviewDuration,
    admissionTally,
    policyResults: new Counter({
      name: METRIC_NAMES.policyResults,
      help: 'Rule results of admission reviews, by policy, rule, status (pass|fail|warn|error|skip) and mode.',
      labelNames: ['policy', 'rule', 'status', 'mode', 'operation'] as const,
      registers,
      collect() {
        tally.flush(this);
      },
    }),
    policyResultTally: tally,
    policiesLoaded: new Gauge({ name: METRIC_NAMES.policiesLoaded, help: 'Policies compiled and serving.', registers }),
    policyFilesRejected: new Gauge({
      name: METRIC_NAMES.policyFilesRejected,
      help: 'Policy files whose current content is rejected (their last good version is served).',
      registers,
    }),
    policyReloads: new Counter({
      name: METRIC_NAMES.policyReloads,
      help: 'Policy file reloads, by result (ok|rejected).',
      labelNames: ['result'] as const,
      registers,
    }),
    certificateExpiry: new Gauge({
      name: METRIC_NAMES.certificateExpiry,
      help: 'Expiry of the serving certificate, as a Unix timestamp in seconds.',
      registers,
    }),
    backupLastSuccess: new Gauge({
      name: METRIC_NAMES.backupLastSuccess,
      help: 'Unix time of the newest Complete restore point, by backup policy.',
      labelNames: ['policy'] as const,
      registers,
    }),
  };
}
