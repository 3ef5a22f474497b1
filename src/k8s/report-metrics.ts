/**
 * Report metrics, registered on the server's registry. Name follows the guardrail_ convention; it belongs
 * in src/observability/metrics.ts's METRIC_NAMES table (not this helper's file) and should move there.
 */
import { Counter, type Registry } from 'prom-client';

export const REPORT_DROPPED_METRIC = 'guardrail_policy_report_entries_dropped_total';

export function reportCounters(registry: Registry): { dropped: Counter } {
  const existing = registry.getSingleMetric(REPORT_DROPPED_METRIC) as Counter | undefined;
  const dropped = existing ?? new Counter({ name: REPORT_DROPPED_METRIC, help: 'Admission results not written to a PolicyReport because the report queue was full.', registers: [registry] });
  return { dropped };
}
