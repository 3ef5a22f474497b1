/**
 * wgpolicyk8s.io/v1alpha2 PolicyReport / ClusterPolicyReport, the shape Kyverno writes
 * (https://github.com/kubernetes-sigs/wg-policy-prototypes/tree/master/policy-report, CRDs in
 * charts/guardrail/crds). Reports leave through a ReportSink so OpenReports (openreports.io/v1alpha1,
 * the same fields) is one more sink, not a new builder.
 */
import type { RuleStatus } from '../../engine/index.js';

export const REPORT_API_VERSION = 'wgpolicyk8s.io/v1alpha2';
export const REPORT_SOURCE = 'guardrail';
/** Annotations Kyverno reads for a result's severity and category (policies.kyverno.io/*). */
export const SEVERITY_ANNOTATION = 'policies.kyverno.io/severity';
export const CATEGORY_ANNOTATION = 'policies.kyverno.io/category';

/** The CRD's enum for result.severity. */
export type ReportSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export interface ReportResourceRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
}

export interface PolicyReportResult {
  policy: string;
  rule: string;
  result: RuleStatus;
  severity?: ReportSeverity;
  category?: string;
  message: string;
  scored: boolean;
  source: string;
  resources: ReportResourceRef[];
  timestamp: { seconds: number; nanos: number };
}

export type ReportSummary = Record<RuleStatus, number>;

export interface PolicyReport {
  apiVersion: typeof REPORT_API_VERSION;
  kind: 'PolicyReport' | 'ClusterPolicyReport';
  metadata: { name: string; namespace?: string; labels: Record<string, string> };
  summary: ReportSummary;
  results: PolicyReportResult[];
}

/** Where finished reports go: the cluster (src/k8s), a file, OpenReports next. */
export interface ReportSink {
  write(report: PolicyReport): Promise<void>;
  /**
   * Read-modify-write of one scope's report (optional): `change` gets the stored results (undefined when
   * there is no report yet) and returns the new ones. Several replicas each see only their own admissions,
   * so a shared store must merge rather than overwrite; the sink retries `change` on a write conflict.
   */
  update?(namespace: string | undefined, change: (stored: PolicyReportResult[] | undefined) => PolicyReportResult[]): Promise<void>;
}
