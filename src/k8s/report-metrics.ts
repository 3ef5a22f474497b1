/** Report metrics, registered on the server's registry (the name lives in the one metrics table). */
import { Counter, type Registry } from 'prom-client';
import { METRIC_NAMES } from '../observability/metrics.js';

export const REPORT_DROPPED_METRIC = METRIC_NAMES.policyReportEntriesDropped;

export function reportCounters(registry: Registry): { dropped: Counter } {
  const existing = registry.getSingleMetric(REPORT_DROPPED_METRIC) as Counter | undefined;
  const dropped = existing ?? new Counter({ name: REPORT_DROPPED_METRIC, help: 'Admission results not written to a PolicyReport because the report queue was full.', registers: [registry] });
  return { dropped };
}
