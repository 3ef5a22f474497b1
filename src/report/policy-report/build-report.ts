/**
 * Pure PolicyReport building: rule results of one resource -> report results; results -> a report with
 * its summary. Naming follows Kyverno before per-resource reports (1.9): `polr-ns-<namespace>` for a
 * namespace's PolicyReport and `clusterpolicyreport` for cluster-scoped resources.
 */
import type { PolicyResponse, RuleStatus } from '../../engine/index.js';
import {
  REPORT_API_VERSION,
  REPORT_SOURCE,
  type PolicyReport,
  type PolicyReportResult,
  type ReportResourceRef,
  type ReportSeverity,
  type ReportSummary,
} from './types.js';

export interface PolicyMeta {
  severity?: string;
  category?: string;
}

const SEVERITIES = new Set<string>(['critical', 'high', 'medium', 'low', 'info']);
const STATUSES: readonly RuleStatus[] = ['pass', 'fail', 'warn', 'error', 'skip'];

/** Maps an annotation value onto the CRD enum; anything else is left out (the CRD would reject it). */
export function reportSeverity(value: string | undefined): ReportSeverity | undefined {
  const v = value?.trim().toLowerCase();
  return v && SEVERITIES.has(v) ? (v as ReportSeverity) : undefined;
}

/** A Date as the report's `{seconds, nanos}` (metav1.Timestamp). */
export function reportTimestamp(at: Date): { seconds: number; nanos: number } {
  const ms = at.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}

export function resultsOf(
  resource: ReportResourceRef,
  responses: readonly PolicyResponse[],
  metaOf: (policy: string, namespace: string | undefined) => PolicyMeta,
  at: Date,
): PolicyReportResult[] {
  const timestamp = reportTimestamp(at);
  const out: PolicyReportResult[] = [];
  for (const r of responses) {
    const meta = metaOf(r.policy, r.namespace);
    const severity = reportSeverity(meta.severity);
    // A namespaced Policy is named `namespace/name` in reports, as Kyverno does.
    const policy = r.namespace ? `${r.namespace}/${r.policy}` : r.policy;
    for (const rr of r.results) {
      out.push({
        policy,
        rule: rr.rule,
        result: rr.status,
        ...(severity ? { severity } : {}),
        ...(meta.category ? { category: meta.category } : {}),
        message: rr.message,
        scored: true,
        source: REPORT_SOURCE,
        resources: [resource],
        timestamp,
      });
    }
  }
  return out;
}

export function summarize(results: readonly PolicyReportResult[]): ReportSummary {
  const s = Object.fromEntries(STATUSES.map((k) => [k, 0])) as ReportSummary;
  for (const r of results) s[r.result] += 1;
  return s;
}

export function reportName(namespace: string | undefined): string {
  return namespace ? `polr-ns-${namespace}` : 'clusterpolicyreport';
}

export function buildPolicyReport(namespace: string | undefined, results: readonly PolicyReportResult[]): PolicyReport {
  const labels = { 'app.kubernetes.io/managed-by': REPORT_SOURCE };
  return {
    apiVersion: REPORT_API_VERSION,
    kind: namespace ? 'PolicyReport' : 'ClusterPolicyReport',
    metadata: { name: reportName(namespace), ...(namespace ? { namespace } : {}), labels },
    summary: summarize(results),
    results: [...results],
  };
}
