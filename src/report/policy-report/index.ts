/** PolicyReports: a pure builder, a batching writer and the ReportSink interface the writer writes to. */
export {
  REPORT_API_VERSION,
  REPORT_SOURCE,
  SEVERITY_ANNOTATION,
  CATEGORY_ANNOTATION,
  type PolicyReport,
  type PolicyReportResult,
  type ReportResourceRef,
  type ReportSeverity,
  type ReportSummary,
  type ReportSink,
} from './types.js';
export { buildPolicyReport, resultsOf, summarize, reportName, reportSeverity, reportTimestamp, type PolicyMeta } from './build-report.js';
export {
  createReportWriter,
  DEFAULT_MAX_QUEUE,
  DEFAULT_MAX_RESULTS_PER_REPORT,
  type ReportWriter,
  type ReportWriterOptions,
  type ReportEntry,
} from './report-writer.js';
export { policyMetaOf } from './policy-meta.js';
